//! The capacity of one school year: groups, teachers, the suggestion and the decision.

use domain::Weekday;
use domain::contract::{FieldError, SchoolCapacity};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::form::{CapacityForm, TeacherRow, capacity_messages, offered_vs_suggested};
use crate::api::placements::save_school_capacity;
use crate::api::{Api, ApiError};
use crate::components::{FormField, StatusMessage, described_by};
use crate::hooks::{Editable, focus_id, on_checked, on_value, use_editable, use_texts};
use crate::i18n::{Texts, fill};
use crate::pages::placements::summary::Summary;

#[derive(Properties, PartialEq)]
pub struct CapacityEditorProps {
    pub api: Api,
    pub capacity: SchoolCapacity,
    /// Whether the person may change it (the director), or only look (the coordinator).
    pub may_edit: bool,
}

/// The capacity form of one school year, its suggestion and the decision.
#[component]
pub fn CapacityEditor(props: &CapacityEditorProps) -> Html {
    let texts = use_texts();
    let t = texts.capacity();
    let saved = use_state(|| props.capacity.clone());
    let form = {
        let input = props.capacity.input.clone();
        use_editable(move || CapacityForm::from_input(&input))
    };
    let attempted = use_state(|| false);
    let saving = use_state(|| false);
    let server_errors = use_state(|| None::<(CapacityForm, Vec<FieldError>)>);
    let failure = use_state(|| None::<ApiError>);
    let status = use_state(|| None::<&'static str>);
    // Where the focus goes once the next render has made it exist: a teacher row just added.
    let focus_next = use_mut_ref(|| None::<String>);
    {
        let focus_next = focus_next.clone();
        use_effect_with(form.0.teachers.len(), move |_| {
            if let Some(id) = focus_next.borrow_mut().take() {
                focus_id(&id);
            }
        });
    }

    let values = &form.0;
    let current = values.input();
    let mut errors = if *attempted {
        current.clone().err().unwrap_or_default()
    } else {
        Vec::new()
    };
    if let Some((sent, more)) = &*server_errors
        && sent == values
    {
        errors.extend(more.iter().cloned());
    }
    let messages = capacity_messages(texts, values, &errors);
    let message = |id: &str| messages.get(id).cloned().map(AttrValue::from);

    let onsubmit = {
        let (form, attempted, saving) = (form.clone(), attempted.clone(), saving.clone());
        let (server_errors, failure, status, saved) = (
            server_errors.clone(),
            failure.clone(),
            status.clone(),
            saved.clone(),
        );
        let api = props.api.clone();
        let (school_id, year) = (props.capacity.school_id, props.capacity.school_year);
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *saving {
                return;
            }
            attempted.set(true);
            status.set(None);
            let values = form.0.clone();
            let input = match values.input() {
                Ok(input) => input,
                Err(errors) => {
                    if let Some(id) = errors.iter().find_map(|e| values.input_id(&e.field)) {
                        focus_id(&id);
                    }
                    return;
                }
            };
            saving.set(true);
            failure.set(None);
            server_errors.set(None);
            let (api, saving, failure, status, saved, server_errors) = (
                api.clone(),
                saving.clone(),
                failure.clone(),
                status.clone(),
                saved.clone(),
                server_errors.clone(),
            );
            spawn_local(async move {
                match save_school_capacity(&api, school_id, year, &input).await {
                    Ok(capacity) => {
                        saved.set(capacity);
                        status.set(Some(t.saved));
                        focus_id("capacity-status");
                    }
                    Err(error) => {
                        let fields = match &error {
                            ApiError::Problem(problem) => problem.errors.clone(),
                            _ => Vec::new(),
                        };
                        match fields.iter().find_map(|e| values.input_id(&e.field)) {
                            Some(id) => {
                                focus_id(&id);
                                server_errors.set(Some((values, fields)));
                            }
                            None => failure.set(Some(error)),
                        }
                    }
                }
                saving.set(false);
            });
        })
    };

    let on_add = {
        let (d, focus_next) = (form.dispatcher(), focus_next.clone());
        Callback::from(move |_: MouseEvent| {
            let focus_next = focus_next.clone();
            d.dispatch(Box::new(move |f: &mut CapacityForm| {
                let key = f.add_teacher();
                *focus_next.borrow_mut() = Some(format!("cap-teacher-{key}-name"));
            }));
        })
    };

    // The suggestion: the server's while the form shows what was saved; worked out here, with
    // the same shared rule, while the director is changing the numbers.
    let unchanged = current.as_ref().is_ok_and(|input| *input == saved.input);
    let (suggestion, reasoning, unsaved) = match &current {
        Ok(input) if !unchanged => {
            let suggestion = input.suggestion_with(&saved.self_reported);
            (suggestion.suggested, suggestion.reasoning_nl(), true)
        }
        _ => (saved.suggestion.suggested, saved.reasoning.clone(), false),
    };
    let offered = match &current {
        Ok(input) => input.offered,
        Err(_) => saved.input.offered,
    };
    let d = form.dispatcher();

    let teachers = if values.teachers.is_empty() {
        html! { <p class="muted" id="no-teachers">{ t.no_teachers }</p> }
    } else {
        html! {
            <ol class="teacher-rows">
                { for values.teachers.iter().enumerate().map(|(index, row)| {
                    teacher_row(texts, &d, index, row, message(&format!("cap-teacher-{}-name", row.key)), props.may_edit)
                }) }
            </ol>
        }
    };

    html! {
        <>
            <form id="capacity-form" class="capacity-layout" novalidate=true {onsubmit}>
                <div class="capacity-main form">
                <fieldset class="form-section" disabled={!props.may_edit}>
                    <legend>{ t.numbers_title }</legend>
                    <div class="form-grid">
                        { number_field("cap-groups", t.groups, None, &values.groups, message("cap-groups"),
                            on_value(d.clone(), |f: &mut CapacityForm, v: String| f.groups = v)) }
                        { number_field("cap-interns", t.interns, None, &values.interns, message("cap-interns"),
                            on_value(d.clone(), |f: &mut CapacityForm, v: String| f.interns = v)) }
                        { number_field("cap-starters", t.starters, None, &values.starters, message("cap-starters"),
                            on_value(d.clone(), |f: &mut CapacityForm, v: String| f.starters = v)) }
                    </div>
                </fieldset>
                <fieldset class="form-section" disabled={!props.may_edit}>
                    <legend>{ t.teachers_title }</legend>
                    <p class="field-hint">{ t.teachers_hint }</p>
                    { teachers }
                    if props.may_edit {
                        <div>
                            <button id="add-teacher" type="button" class="button-secondary" onclick={on_add}>
                                { t.add_teacher }
                            </button>
                        </div>
                    }
                </fieldset>
                if !saved.self_reported.is_empty() {
                    <section id="self-reported" class="form-section" aria-labelledby="self-reported-title">
                        <h3 id="self-reported-title">{ t.self_reported_title }</h3>
                        <p class="field-hint">{ t.self_reported_hint }</p>
                        <ul class="plain-list">
                            { for saved.self_reported.iter().map(|a| html! {
                                <li id={format!("self-reported-{}", a.user_id)} data-opted-in={a.opted_in.to_string()}>
                                    <strong>{ a.teacher_name.clone() }</strong>
                                    { format!(" · {} · {}", a.groups.join(", "), if a.opted_in { t.self_yes } else { t.self_no }) }
                                </li>
                            }) }
                        </ul>
                    </section>
                }
                </div>
                <div class="capacity-side form">
                <section id="cap-suggestion" class="suggestion" aria-labelledby="cap-suggestion-title" aria-live="polite">
                    <h2 id="cap-suggestion-title">{ t.suggestion_title }{ ": " }
                        <span id="cap-suggested">{ texts.placements().count(suggestion) }</span>
                    </h2>
                    if unsaved {
                        <p class="muted">{ t.suggestion_unsaved }</p>
                    }
                    <p id="cap-reasoning" class="reasoning">{ reasoning }</p>
                </section>
                <fieldset class="form-section" disabled={!props.may_edit}>
                    <legend>{ t.decision_title }</legend>
                    { number_field("cap-offered", t.offered, Some(t.offered_hint), &values.offered, message("cap-offered"),
                        on_value(d.clone(), |f: &mut CapacityForm, v: String| f.offered = v)) }
                    <p id="cap-offered-vs-suggested" aria-live="polite">
                        { offered_vs_suggested(texts, offered, suggestion) }
                    </p>
                </fieldset>
                <StatusMessage id="capacity-status" message={status.map(AttrValue::from)} />
                if let Some(error) = &*failure {
                    <p id="capacity-error" class="message message-error" role="alert">{ texts.error(error) }</p>
                }
                if props.may_edit {
                    <div class="form-actions">
                        <button id="cap-save" type="submit" class="button-primary" disabled={*saving}>
                            { if *saving { texts.placements().saving } else { t.save } }
                        </button>
                    </div>
                }
                </div>
            </form>
            <Summary id="capacity-summary" capacity={(*saved).clone()} />
        </>
    }
}

fn teacher_row(
    texts: &'static Texts,
    d: &UseReducerDispatcher<Editable<CapacityForm>>,
    index: usize,
    row: &TeacherRow,
    error: Option<AttrValue>,
    may_edit: bool,
) -> Html {
    let t = texts.capacity();
    let key = row.key;
    let id = |part: &str| format!("cap-teacher-{key}-{part}");
    let name_id = id("name");
    let groups_id = id("groups");
    let legend = fill(t.teacher_legend, &[("n", &(index + 1).to_string())]);
    let on_remove = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Box::new(move |f: &mut CapacityForm| f.remove_teacher(key)));
            focus_id("add-teacher");
        })
    };
    let days = Weekday::ALL.iter().map(|day| {
        let day = *day;
        let day_id = id(day.as_str());
        let onchange = on_checked(d.clone(), move |f: &mut CapacityForm, on: bool| {
            if let Some(row) = f.teacher_mut(key) {
                row.weekdays.retain(|d| *d != day);
                if on {
                    row.weekdays.push(day);
                }
            }
        });
        html! {
            <label class="checkbox" for={day_id.clone()}>
                <input id={day_id} type="checkbox" class="teacher-weekday" value={day.as_str()}
                    checked={row.weekdays.contains(&day)} {onchange} />
                { texts.placements().weekday(day) }
            </label>
        }
    });
    let opted_in_id = id("opted-in");
    let remove_label = if row.name.trim().is_empty() {
        format!("{}: {legend}", t.remove_teacher)
    } else {
        format!("{}: {}", t.remove_teacher, row.name.trim())
    };
    html! {
        <li key={key.to_string()} class="teacher-row">
            <fieldset>
                <legend>{ legend }</legend>
                <div class="form-grid">
                    <FormField id={name_id.clone()} label={t.teacher_name} error={error.clone()}>
                        <input id={name_id.clone()} class="teacher-name" type="text" value={row.name.clone()}
                            oninput={on_value(d.clone(), move |f: &mut CapacityForm, v: String| {
                                if let Some(row) = f.teacher_mut(key) { row.name = v; }
                            })}
                            aria-invalid={error.is_some().then_some("true")}
                            aria-describedby={described_by(&name_id, false, error.is_some())} />
                    </FormField>
                    <FormField id={groups_id.clone()} label={t.teacher_groups} hint={AttrValue::from(t.teacher_groups_hint)}>
                        <input id={groups_id.clone()} class="teacher-groups" type="text" value={row.groups.clone()}
                            oninput={on_value(d.clone(), move |f: &mut CapacityForm, v: String| {
                                if let Some(row) = f.teacher_mut(key) { row.groups = v; }
                            })}
                            aria-describedby={described_by(&groups_id, true, false)} />
                    </FormField>
                </div>
                <fieldset class="weekdays">
                    <legend>{ t.teacher_days }</legend>
                    { for days }
                </fieldset>
                <div class="teacher-row-end">
                    <label class="checkbox" for={opted_in_id.clone()}>
                        <input id={opted_in_id} type="checkbox" class="teacher-opted-in" checked={row.opted_in}
                            onchange={on_checked(d.clone(), move |f: &mut CapacityForm, on: bool| {
                                if let Some(row) = f.teacher_mut(key) { row.opted_in = on; }
                            })} />
                        { t.teacher_opted_in }
                    </label>
                    if may_edit {
                        <button type="button" class="button-quiet remove-teacher" aria-label={remove_label} onclick={on_remove}>
                            { t.remove_teacher }
                        </button>
                    }
                </div>
            </fieldset>
        </li>
    }
}

fn number_field(
    id: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    value: &str,
    error: Option<AttrValue>,
    oninput: Callback<InputEvent>,
) -> Html {
    html! {
        <FormField {id} {label} hint={hint.map(AttrValue::from)} error={error.clone()}>
            <input {id} type="number" inputmode="numeric" min="0" max="200" value={value.to_owned()} {oninput}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={described_by(id, hint.is_some(), error.is_some())} />
        </FormField>
    }
}
