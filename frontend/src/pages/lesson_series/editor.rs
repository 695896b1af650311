//! The lesson series form itself: about the series, its groups and kerndoelen, and its lessons.
//! Saving keeps it a draft and opens its page, where the ambassador submits it for review.

use domain::SchoolType;
use domain::contract::{FieldError, LessonSeries, ObjectiveItem};
use domain::lesson_series::{LessonSeriesAction, LessonSeriesStatus};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::use_navigator;

use super::form::{MAX_LESSONS, SeriesForm, field_messages, first_wrong, group_choices};
use super::form_fields::{lesson_fields, objective_areas};
use super::form_page::Start;
use crate::api::lesson_series::{
    create_lesson_series, list_objectives, transition_lesson_series, update_lesson_series,
};
use crate::api::{Api, ApiError};
use crate::components::{FormField, described_by};
use crate::hooks::{focus_id, on_checked, on_value, use_editable, use_texts};
use crate::i18n::fill;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct SeriesEditorProps {
    pub api: Api,
    pub start: Start,
}

/// Errors the server found in what was sent, shown until the form changes.
#[derive(Clone, PartialEq, Default)]
struct ServerErrors {
    sent: Option<SeriesForm>,
    errors: Vec<FieldError>,
    other: Option<ApiError>,
}

/// Sends the series: a new one is created; an edited one whose review asked for changes is
/// taken back to a draft first, since only drafts change.
async fn save(
    api: &Api,
    editing: Option<(Uuid, LessonSeriesStatus)>,
    input: &domain::contract::LessonSeriesInput,
    back_to_draft: &UseStateHandle<bool>,
) -> Result<LessonSeries, ApiError> {
    let Some((id, status)) = editing else {
        return create_lesson_series(api, input).await;
    };
    if status == LessonSeriesStatus::ChangesRequested && !**back_to_draft {
        let revise = domain::contract::LessonSeriesTransition {
            action: LessonSeriesAction::Revise,
            comment: None,
        };
        transition_lesson_series(api, id, &revise).await?;
        back_to_draft.set(true);
    }
    update_lesson_series(api, id, input).await
}

#[component]
pub fn SeriesEditor(props: &SeriesEditorProps) -> Html {
    let texts = use_texts();
    let f = &texts.lesson_series().form;
    let form = {
        let first = props.start.form.clone();
        use_editable(move || first)
    };
    let attempted = use_state(|| false);
    let saving = use_state(|| false);
    let back_to_draft = use_state(|| false);
    let server = use_state(ServerErrors::default);
    let navigator = use_navigator();
    // An input to focus once the next render has put it on the page (a lesson just added).
    let focus_next = use_mut_ref(|| None::<String>);
    {
        let focus_next = focus_next.clone();
        use_effect(move || {
            if let Some(id) = focus_next.borrow_mut().take() {
                focus_id(&id);
            }
        });
    }
    let objectives = use_state(|| None::<Result<Vec<ObjectiveItem>, ApiError>>);
    {
        let (api, objectives) = (props.api.clone(), objectives.clone());
        use_effect_with(form.0.framework_code.clone(), move |framework| {
            let framework = framework.clone();
            objectives.set(None);
            spawn_local(async move {
                objectives.set(Some(list_objectives(&api, &framework).await));
            });
        });
    }

    let values = &form.0;
    let mut errors = if *attempted {
        values.input().err().unwrap_or_default()
    } else {
        Vec::new()
    };
    let server_current = server.sent.as_ref() == Some(values);
    if server_current {
        errors.extend(server.errors.iter().cloned());
    }
    let messages = field_messages(f, &errors);
    let message = |id: &str| messages.get(id).cloned().map(AttrValue::from);

    let onsubmit = {
        let (form, attempted, saving, server) = (
            form.clone(),
            attempted.clone(),
            saving.clone(),
            server.clone(),
        );
        let (api, editing, back_to_draft) = (
            props.api.clone(),
            props.start.editing,
            back_to_draft.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *saving {
                return;
            }
            attempted.set(true);
            let values = form.0.clone();
            let input = match values.input() {
                Ok(input) => input,
                Err(errors) => {
                    if let Some(id) = first_wrong(&errors) {
                        focus_id(&id);
                    }
                    return;
                }
            };
            saving.set(true);
            server.set(ServerErrors::default());
            let (api, saving, server, back_to_draft, navigator) = (
                api.clone(),
                saving.clone(),
                server.clone(),
                back_to_draft.clone(),
                navigator.clone(),
            );
            spawn_local(async move {
                match save(&api, editing, &input, &back_to_draft).await {
                    Ok(saved) => {
                        if let Some(navigator) = navigator {
                            navigator.push(&Route::LessonSeries { id: saved.id });
                        }
                    }
                    Err(error) => {
                        let errors = match &error {
                            ApiError::Problem(problem) if problem.status == 422 => {
                                problem.errors.clone()
                            }
                            _ => Vec::new(),
                        };
                        let wrong = first_wrong(&errors);
                        server.set(ServerErrors {
                            sent: Some(values),
                            other: errors.is_empty().then_some(error),
                            errors,
                        });
                        saving.set(false);
                        focus_id(wrong.as_deref().unwrap_or("series-form-error"));
                    }
                }
            });
        })
    };

    let d = form.dispatcher();
    let start = &props.start;
    let school_type = start
        .schools
        .iter()
        .find(|s| Some(s.id) == values.school_id)
        .or(start.schools.first())
        .map_or(SchoolType::Po, |s| s.school_type);

    let school = if start.editing.is_none() && start.schools.len() > 1 {
        let id = "sf-school";
        let error = message(id);
        html! {
            <FormField {id} label={f.school} error={error.clone()}>
                <select {id} onchange={on_value(d.clone(), |v: &mut SeriesForm, text: String| v.school_id = Uuid::parse_str(&text).ok())}
                    aria-invalid={error.is_some().then_some("true")} aria-describedby={described_by(id, false, error.is_some())}>
                    <option value="" selected={values.school_id.is_none()}>{ f.choose_school }</option>
                    { for start.schools.iter().map(|s| html! {
                        <option value={s.id.to_string()} selected={values.school_id == Some(s.id)}>{ s.name.clone() }</option>
                    }) }
                </select>
            </FormField>
        }
    } else {
        let name = start
            .schools
            .iter()
            .find(|s| Some(s.id) == values.school_id)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        html! {
            <dl class="facts"><div class="fact"><dt>{ f.school }</dt><dd id="sf-school-name">{ name }</dd></div></dl>
        }
    };

    let groups = {
        let id = "sf-groups";
        let error = message(id);
        html! {
            <fieldset {id} class={classes!("field", "choices", error.is_some().then_some("field-invalid"))} tabindex="-1"
                aria-describedby={described_by(id, true, error.is_some())}>
                <legend>{ f.groups }</legend>
                <p id={format!("{id}-hint")} class="field-hint">{ f.groups_hint }</p>
                <div class="checkboxes">
                    { for group_choices(school_type).into_iter().map(|group| {
                        let input = format!("sf-group-{}", group.to_string().replace(' ', "-"));
                        let checked = values.target_groups.contains(&group);
                        html! {
                            <label class="checkbox" for={input.clone()}>
                                <input id={input} type="checkbox" {checked}
                                    onchange={on_checked(d.clone(), move |v: &mut SeriesForm, on| v.set_group(group, on))} />
                                { group.to_string() }
                            </label>
                        }
                    }) }
                </div>
                if let Some(error) = error {
                    <p id={format!("{id}-error")} class="field-error">{ error }</p>
                }
            </fieldset>
        }
    };

    let framework_choice = (start.editing.is_none() && start.frameworks.len() > 1).then(|| {
        let id = "sf-framework";
        html! {
            <FormField {id} label={f.framework}>
                <select {id} onchange={on_value(d.clone(), |v: &mut SeriesForm, code: String| {
                    if v.framework_code != code {
                        v.framework_code = code;
                        v.objectives.clear();
                    }
                })}>
                    { for start.frameworks.iter().map(|fw| html! {
                        <option value={fw.code.clone()} selected={fw.code == values.framework_code}>{ fw.name.clone() }</option>
                    }) }
                </select>
            </FormField>
        }
    });

    let objectives_field = {
        let id = "sf-objectives";
        let error = message(id);
        let list = match &*objectives {
            None => html! { <p class="muted" role="status">{ f.objectives_loading }</p> },
            Some(Err(failure)) => {
                html! { <p class="message message-error" role="alert">{ texts.error(failure) }</p> }
            }
            Some(Ok(items)) => objective_areas(texts, items, values, &start.form.objectives, &d),
        };
        let chosen = fill(
            f.objectives_chosen,
            &[("n", &values.objectives.len().to_string())],
        );
        html! {
            <fieldset {id} class={classes!("field", error.is_some().then_some("field-invalid"))} tabindex="-1"
                aria-describedby={described_by(id, true, error.is_some())}>
                <legend>{ format!("{} ({chosen})", f.objectives) }</legend>
                <p id={format!("{id}-hint")} class="field-hint">{ f.objectives_hint }</p>
                { framework_choice.unwrap_or_default() }
                { list }
                if let Some(error) = error {
                    <p id={format!("{id}-error")} class="field-error">{ error }</p>
                }
            </fieldset>
        }
    };

    let lessons = {
        let count = values.lessons.len();
        values
            .lessons
            .iter()
            .enumerate()
            .map(|(i, lesson)| lesson_fields(texts, i, lesson, count, &messages, &d, &focus_next))
            .collect::<Html>()
    };
    let add_lesson = {
        let (d, focus_next, count) = (d.clone(), focus_next.clone(), values.lessons.len());
        Callback::from(move |_: MouseEvent| {
            *focus_next.borrow_mut() = Some(format!("sf-lesson-{count}-title"));
            d.dispatch(Box::new(|v: &mut SeriesForm| v.add_lesson()));
        })
    };
    let lessons_error = message("sf-lessons");

    let text_input = |id: &'static str,
                      label: &'static str,
                      hint: Option<&'static str>,
                      max: u32,
                      value: &str,
                      write: fn(&mut SeriesForm, String)| {
        let error = message(id);
        html! {
            <FormField {id} {label} hint={hint.map(AttrValue::from)} error={error.clone()}>
                <input {id} type="text" maxlength={max.to_string()} value={value.to_owned()}
                    oninput={on_value(d.clone(), move |v: &mut SeriesForm, text: String| write(v, text))}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={described_by(id, hint.is_some(), error.is_some())} />
            </FormField>
        }
    };
    let description_error = message("sf-description");
    let summary = if server_current && !server.errors.is_empty() {
        Some(f.check_fields)
    } else {
        server
            .other
            .as_ref()
            .filter(|_| server_current)
            .map(|error| texts.lesson_series().error(texts, error))
    };
    let changes_requested = start
        .editing
        .is_some_and(|(_, status)| status == LessonSeriesStatus::ChangesRequested)
        && !*back_to_draft;

    html! {
        <form id="series-form" class="form" novalidate=true {onsubmit}>
            if changes_requested {
                <p id="series-form-changes" class="message message-info">{ f.changes_requested_note }</p>
            }
            <section class="panel form" aria-labelledby="sf-about-title">
                <h2 id="sf-about-title">{ f.about_title }</h2>
                { school }
                { text_input("sf-title", f.title, None, 200, &values.title, |v, text| v.title = text) }
                { text_input("sf-theme", f.theme, Some(f.theme_hint), 100, &values.theme, |v, text| v.theme = text) }
                <FormField id="sf-description" label={f.description} error={description_error.clone()}>
                    <textarea id="sf-description" rows="4" maxlength="4000" value={values.description.clone()}
                        oninput={on_value(d.clone(), |v: &mut SeriesForm, text: String| v.description = text)}
                        aria-invalid={description_error.is_some().then_some("true")}
                        aria-describedby={described_by("sf-description", false, description_error.is_some())} />
                </FormField>
                { groups }
            </section>
            <section class="panel" aria-labelledby="sf-objectives-title">
                <h2 id="sf-objectives-title">{ f.objectives }</h2>
                { objectives_field }
            </section>
            <section id="sf-lessons" class="panel form" aria-labelledby="sf-lessons-title" tabindex="-1">
                <h2 id="sf-lessons-title">{ texts.lesson_series().lessons_title }</h2>
                <p class="field-hint">{ f.lessons_hint }</p>
                { lessons }
                if let Some(error) = lessons_error {
                    <p id="sf-lessons-error" class="field-error">{ error }</p>
                }
                <div class="form-actions">
                    <button id="sf-add-lesson" type="button" class="button-secondary"
                        disabled={values.lessons.len() >= MAX_LESSONS} onclick={add_lesson}>{ f.add_lesson }</button>
                </div>
            </section>
            if let Some(summary) = summary {
                <p id="series-form-error" class="message message-error" role="alert" tabindex="-1">{ summary }</p>
            }
            <div class="form-actions">
                <button id="series-form-save" type="submit" class="button-primary" disabled={*saving}
                    aria-busy={saving.then_some("true")}>
                    { if *saving { texts.lesson_series().saving } else { f.save } }
                </button>
            </div>
        </form>
    }
}
