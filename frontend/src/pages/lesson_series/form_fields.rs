//! The repeated parts of the lesson series form: one lesson's inputs, and the kerndoelen of each
//! learning area.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use domain::contract::ObjectiveItem;
use yew::prelude::*;

use super::form::{LessonDraft, SeriesForm};
use crate::components::{FormField, described_by};
use crate::hooks::{Editable, on_checked, on_value};
use crate::i18n::{Texts, fill};

/// The form's dispatcher, which every input writes through.
pub type Dispatch = UseReducerDispatcher<Editable<SeriesForm>>;

/// The inputs of lesson `i` (of `count`), with the messages found for them, and its remove
/// button, which hands the focus to "Les toevoegen" through `focus_next`.
pub fn lesson_fields(
    texts: &'static Texts,
    i: usize,
    lesson: &LessonDraft,
    count: usize,
    messages: &BTreeMap<String, String>,
    d: &Dispatch,
    focus_next: &Rc<RefCell<Option<String>>>,
) -> Html {
    let f = &texts.lesson_series().form;
    let message = |id: &str| messages.get(id).cloned().map(AttrValue::from);
    let key = lesson.key;
    let n = (i + 1).to_string();
    let field = |part: &str| format!("sf-lesson-{i}-{part}");
    let (title_id, goal_id, minutes_id, materials_id) = (
        field("title"),
        field("goal"),
        field("minutes"),
        field("materials"),
    );
    let write = |part: &'static str| {
        on_value(d.clone(), move |v: &mut SeriesForm, text: String| {
            if let Some(lesson) = v.lessons.iter_mut().find(|l| l.key == key) {
                match part {
                    "title" => lesson.title = text,
                    "goal" => lesson.goal = text,
                    "minutes" => lesson.minutes = text,
                    _ => lesson.materials = text,
                }
            }
        })
    };
    let remove = {
        let (d, focus_next) = (d.clone(), focus_next.clone());
        Callback::from(move |_: MouseEvent| {
            *focus_next.borrow_mut() = Some("sf-add-lesson".to_owned());
            d.dispatch(Box::new(move |v: &mut SeriesForm| v.remove_lesson(key)));
        })
    };
    let (title_error, minutes_error) = (message(&title_id), message(&minutes_id));
    html! {
        <fieldset key={key.to_string()} class="lesson-draft" id={format!("sf-lesson-{i}")}>
            <legend>{ fill(texts.lesson_series().lesson, &[("n", &n)]) }</legend>
            <FormField id={title_id.clone()} label={f.lesson_title} error={title_error.clone()}>
                <input id={title_id.clone()} type="text" maxlength="200" value={lesson.title.clone()} oninput={write("title")}
                    aria-invalid={title_error.is_some().then_some("true")}
                    aria-describedby={described_by(&title_id, false, title_error.is_some())} />
            </FormField>
            <FormField id={goal_id.clone()} label={f.lesson_goal}>
                <input id={goal_id.clone()} type="text" value={lesson.goal.clone()} oninput={write("goal")} />
            </FormField>
            <FormField id={minutes_id.clone()} label={f.lesson_minutes} hint={Some(AttrValue::from(f.lesson_minutes_hint))}
                error={minutes_error.clone()} class="field-narrow">
                <input id={minutes_id.clone()} type="number" inputmode="numeric" min="15" max="240" step="5"
                    value={lesson.minutes.clone()} oninput={write("minutes")}
                    aria-invalid={minutes_error.is_some().then_some("true")}
                    aria-describedby={described_by(&minutes_id, true, minutes_error.is_some())} />
            </FormField>
            <FormField id={materials_id.clone()} label={f.lesson_materials}>
                <input id={materials_id.clone()} type="text" value={lesson.materials.clone()} oninput={write("materials")} />
            </FormField>
            <div class="form-actions">
                <button id={format!("sf-lesson-{i}-remove")} type="button" class="button-small remove-lesson"
                    disabled={count == 1} onclick={remove}>
                    { fill(f.remove_lesson, &[("n", &n)]) }
                </button>
            </div>
        </fieldset>
    }
}

/// The kerndoelen by learning area, each area a section that opens and closes. The areas with
/// an objective chosen when the form opened start open.
pub fn objective_areas(
    texts: &'static Texts,
    items: &[ObjectiveItem],
    values: &SeriesForm,
    chosen_at_start: &[u32],
    d: &Dispatch,
) -> Html {
    let f = &texts.lesson_series().form;
    let mut areas: BTreeMap<usize, (&str, Vec<&ObjectiveItem>)> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    for item in items {
        let at = order
            .iter()
            .position(|a| *a == item.domain)
            .unwrap_or_else(|| {
                order.push(&item.domain);
                order.len() - 1
            });
        areas
            .entry(at)
            .or_insert((&item.domain, Vec::new()))
            .1
            .push(item);
    }
    html! {
        <div class="objective-areas">
            { for areas.into_values().map(|(area, items)| {
                let open = items.iter().any(|o| chosen_at_start.contains(&o.number));
                let chosen = items.iter().filter(|o| values.objectives.contains(&o.number)).count();
                html! {
                    <details class="objective-area" id={format!("sf-area-{area}")} {open}>
                        <summary>
                            { f.learning_area(area) }
                            if chosen > 0 {
                                <span class="muted">{ format!(" · {}", fill(f.objectives_chosen, &[("n", &chosen.to_string())])) }</span>
                            }
                        </summary>
                        { for items.into_iter().map(|objective| {
                            let number = objective.number;
                            let id = format!("sf-objective-{number}");
                            html! {
                                <label class="checkbox objective-choice" for={id.clone()}>
                                    <input {id} type="checkbox" checked={values.objectives.contains(&number)}
                                        onchange={on_checked(d.clone(), move |v: &mut SeriesForm, on| v.set_objective(number, on))} />
                                    <span><strong>{ format!("{number}. ") }</strong>{ objective.title.clone() }</span>
                                </label>
                            }
                        }) }
                    </details>
                }
            }) }
        </div>
    }
}
