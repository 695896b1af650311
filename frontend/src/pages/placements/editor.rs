//! The form to create or edit a placement.

use domain::contract::{FieldError, Organisation, Placement, PlacementTransition};
use domain::{
    Commitment, PlacementAction, PlacementKind, PlacementStatus, SchoolTask, SchoolYear,
    StartMoment, Weekday,
};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::fields::{capacity_field, note_field, select_field, text_field, time_field};
use super::form::{FIELDS, PlacementForm, field_messages, input_id};
use super::school_years_around;
use crate::api::placements::{create_placement, transition_placement, update_placement};
use crate::api::{Api, ApiError};
use crate::components::{FormField, described_by};
use crate::format::today;
use crate::hooks::{focus_id, on_value, use_editable, use_texts};
use crate::i18n::Texts;

/// What saving led to, for the page to say and to reload its list.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub message: &'static str,
    /// Set when the placement was saved but a second step (opening it) failed.
    pub error: Option<ApiError>,
}

#[derive(Properties, PartialEq)]
pub struct PlacementEditorProps {
    pub api: Api,
    /// The placement being edited; none for a new one.
    #[prop_or_default]
    pub editing: Option<Placement>,
    /// The schools a new placement may be created at; a choice is offered when there are several.
    #[prop_or_default]
    pub schools: Vec<Organisation>,
    /// The school picked on the page, if one is.
    #[prop_or_default]
    pub school: Option<Uuid>,
    /// The school year shown on the page.
    #[prop_or_default]
    pub year: Option<SchoolYear>,
    pub on_saved: Callback<Saved>,
    pub on_cancel: Callback<()>,
}

/// Errors the server found in what was sent, shown until the form changes.
#[derive(Clone, PartialEq, Default)]
struct ServerErrors {
    sent: Option<PlacementForm>,
    errors: Vec<FieldError>,
    other: Option<ApiError>,
}

#[component]
pub fn PlacementEditor(props: &PlacementEditorProps) -> Html {
    let texts = use_texts();
    let t = texts.placements();
    let today = use_memo((), |_| today());
    let form = {
        let editing = props.editing.clone();
        let only_school = (props.schools.len() == 1).then(|| props.schools[0].id);
        let school = props.school.or(only_school);
        let (today, year) = (*today, props.year);
        use_editable(move || match &editing {
            Some(placement) => PlacementForm::from_placement(placement),
            None => PlacementForm::new(school, today, year),
        })
    };
    let attempted = use_state(|| false);
    let saving = use_state(|| false);
    let server = use_state(ServerErrors::default);
    let title_ref = use_node_ref();

    {
        let title_ref = title_ref.clone();
        use_effect_with((), move |_| {
            if let Some(title) = title_ref.cast::<web_sys::HtmlElement>() {
                let _ = title.focus();
            }
        });
    }

    let is_new = props.editing.is_none();
    let values = &form.0;
    let mut errors = if *attempted {
        values.input(is_new).err().unwrap_or_default()
    } else {
        Vec::new()
    };
    if server.sent.as_ref() == Some(values) {
        errors.extend(server.errors.iter().cloned());
    }
    let messages = field_messages(t, values, &errors);
    let message = |field: &str| messages.get(field).cloned().map(AttrValue::from);

    let submit = {
        let (form, attempted, saving, server) = (
            form.clone(),
            attempted.clone(),
            saving.clone(),
            server.clone(),
        );
        let api = props.api.clone();
        let editing = props.editing.clone();
        let on_saved = props.on_saved.clone();
        Callback::from(move |open: bool| {
            if *saving {
                return;
            }
            attempted.set(true);
            let values = form.0.clone();
            let input = match values.input(editing.is_none()) {
                Ok(input) => input,
                Err(errors) => {
                    focus_first(&errors);
                    return;
                }
            };
            saving.set(true);
            server.set(ServerErrors::default());
            let (api, editing, on_saved) = (api.clone(), editing.clone(), on_saved.clone());
            let (saving, server) = (saving.clone(), server.clone());
            spawn_local(async move {
                let saved = match &editing {
                    Some(placement) => update_placement(&api, placement.id, &input).await,
                    None => create_placement(&api, &input).await,
                };
                let placement = match saved {
                    Ok(placement) => placement,
                    Err(error) => {
                        let errors = match &error {
                            ApiError::Problem(problem) => problem.errors.clone(),
                            _ => Vec::new(),
                        };
                        let known = errors.iter().any(|e| FIELDS.contains(&e.field.as_str()));
                        focus_first(&errors);
                        server.set(ServerErrors {
                            sent: Some(values),
                            errors,
                            other: (!known).then_some(error),
                        });
                        saving.set(false);
                        return;
                    }
                };
                on_saved.emit(finish(&api, texts, placement, editing.is_none(), open).await);
            });
        })
    };

    let onsubmit = {
        let submit = submit.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            submit.emit(false);
        })
    };
    let on_save_open = {
        let submit = submit.clone();
        Callback::from(move |_: MouseEvent| submit.emit(true))
    };
    let on_cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };

    let d = form.dispatcher();
    let year_choices = school_years_around(*today, Some(values.school_year));
    let may_open = props
        .editing
        .as_ref()
        .is_none_or(|p| matches!(p.status, PlacementStatus::Draft | PlacementStatus::Closed));

    let school_field = if is_new && props.schools.len() > 1 {
        let id = "pf-school";
        let error = message("school_id");
        html! {
            <FormField id={id} label={t.school} error={error.clone()}>
                <select id={id} onchange={on_value(d.clone(), |f: &mut PlacementForm, v: String| f.school_id = Uuid::parse_str(&v).ok())}
                    aria-invalid={error.is_some().then_some("true")} aria-describedby={described_by(id, false, error.is_some())}>
                    <option value="" selected={values.school_id.is_none()}>{ t.msg_school }</option>
                    { for props.schools.iter().map(|s| html! {
                        <option value={s.id.to_string()} selected={values.school_id == Some(s.id)}>{ s.name.clone() }</option>
                    }) }
                </select>
            </FormField>
        }
    } else {
        html! {}
    };

    let kind_fields = match values.kind {
        PlacementKind::Class => html! {
            <>
                { text_field("pf-group", t.group, Some(t.group_hint), &values.group, message("group"),
                    on_value(d.clone(), |f: &mut PlacementForm, v: String| f.group = v)) }
                { text_field("pf-teacher", t.teacher, None, &values.teacher, message("teacher"),
                    on_value(d.clone(), |f: &mut PlacementForm, v: String| f.teacher = v)) }
            </>
        },
        PlacementKind::SchoolTask => {
            let error = message("task");
            html! {
                <FormField id="pf-task" label={t.task} error={error.clone()}>
                    <select id="pf-task" onchange={on_value(d.clone(), |f: &mut PlacementForm, v: String| f.task = SchoolTask::parse(&v).ok())}
                        aria-invalid={error.is_some().then_some("true")} aria-describedby={described_by("pf-task", false, error.is_some())}>
                        <option value="" selected={values.task.is_none()}>{ t.choose_task }</option>
                        { for SchoolTask::ALL.iter().map(|task| html! {
                            <option value={task.as_str()} selected={values.task == Some(*task)}>{ t.task(*task) }</option>
                        }) }
                    </select>
                </FormField>
            }
        }
        PlacementKind::Thematic => text_field(
            "pf-theme",
            t.theme,
            Some(t.theme_hint),
            &values.theme,
            message("theme"),
            on_value(d.clone(), |f: &mut PlacementForm, v: String| f.theme = v),
        ),
    };

    let other_error = server.other.as_ref().map(|error| {
        html! { <p id="pf-error" class="message message-error" role="alert">{ texts.error(error) }</p> }
    });
    let title = if is_new {
        t.form_new_title
    } else {
        t.form_edit_title
    };
    let hint = if is_new { t.form_new_hint } else { "" };

    html! {
        <section class="panel" aria-labelledby="pf-title">
            <h2 id="pf-title" tabindex="-1" ref={title_ref}>{ title }</h2>
            <p class="lead">{ hint }</p>
            <form id="placement-form" class="form" novalidate=true {onsubmit} aria-labelledby="pf-title">
                { school_field }
                <fieldset class="form-section">
                    <legend>{ t.form_when }</legend>
                    <div class="form-grid">
                        { select_field("pf-school-year", t.school_year, message("school_year"),
                            year_choices.iter().map(|y| (y.to_string(), y.to_string(), *y == values.school_year)).collect(),
                            on_value(d.clone(), |f: &mut PlacementForm, v: String| if let Ok(y) = SchoolYear::parse(&v) { f.school_year = y })) }
                        { select_field("pf-start-moment", t.start_moment, message("start_moment"),
                            StartMoment::ALL.iter().map(|m| (m.as_str().to_owned(), t.start_moment(*m).to_owned(), *m == values.start_moment)).collect(),
                            on_value(d.clone(), |f: &mut PlacementForm, v: String| if let Ok(m) = StartMoment::parse(&v) { f.start_moment = m })) }
                        { select_field("pf-commitment", t.commitment, message("commitment"),
                            Commitment::ALL.iter().map(|c| (c.as_str().to_owned(), t.commitment(*c).to_owned(), *c == values.commitment)).collect(),
                            on_value(d.clone(), |f: &mut PlacementForm, v: String| if let Ok(c) = Commitment::parse(&v) { f.commitment = c })) }
                        { select_field("pf-weekday", t.weekday, message("weekday"),
                            Weekday::ALL.iter().map(|w| (w.as_str().to_owned(), t.weekday(*w).to_owned(), *w == values.weekday)).collect(),
                            on_value(d.clone(), |f: &mut PlacementForm, v: String| if let Ok(w) = Weekday::parse(&v) { f.weekday = w })) }
                        { time_field("pf-starts-at", t.starts_at, &values.starts_at, message("starts_at"),
                            on_value(d.clone(), |f: &mut PlacementForm, v: String| f.starts_at = v)) }
                        { time_field("pf-ends-at", t.ends_at, &values.ends_at, message("ends_at"),
                            on_value(d.clone(), |f: &mut PlacementForm, v: String| f.ends_at = v)) }
                    </div>
                </fieldset>
                <fieldset class="form-section">
                    <legend>{ t.form_what }</legend>
                    <div class="form-grid">
                        { select_field("pf-kind", t.kind, message("kind"),
                            PlacementKind::ALL.iter().map(|k| (k.as_str().to_owned(), t.kind(*k).to_owned(), *k == values.kind)).collect(),
                            on_value(d.clone(), |f: &mut PlacementForm, v: String| if let Ok(k) = PlacementKind::parse(&v) { f.kind = k })) }
                    </div>
                    <div class="form-grid" key={values.kind.as_str()}>{ kind_fields }</div>
                </fieldset>
                <fieldset class="form-section">
                    <legend>{ t.form_for_candidates }</legend>
                    { text_field("pf-expertise", t.expertise, Some(t.expertise_hint), &values.expertise, message("expertise"),
                        on_value(d.clone(), |f: &mut PlacementForm, v: String| f.expertise = v)) }
                    { note_field(t.note, &values.note, message("note"),
                        on_value(d.clone(), |f: &mut PlacementForm, v: String| f.note = v)) }
                    { capacity_field(t.capacity, &values.capacity, message("capacity"),
                        on_value(d.clone(), |f: &mut PlacementForm, v: String| f.capacity = v)) }
                </fieldset>
                { other_error.unwrap_or_default() }
                <div class="form-actions">
                    <button id="pf-save" type="submit" class="button-primary" disabled={*saving}>
                        { if *saving { t.saving } else { t.save } }
                    </button>
                    if may_open {
                        <button id="pf-save-open" type="button" class="button-secondary" disabled={*saving} onclick={on_save_open}>
                            { t.save_and_open }
                        </button>
                    }
                    <button id="pf-cancel" type="button" class="button-quiet" onclick={on_cancel}>{ t.dont_save }</button>
                </div>
            </form>
        </section>
    }
}

/// Saves the second step, opening the placement, when asked; says what happened.
async fn finish(
    api: &Api,
    texts: &'static Texts,
    placement: Placement,
    created: bool,
    open: bool,
) -> Saved {
    let t = texts.placements();
    let saved = if created { t.created } else { t.saved };
    if !open || placement.status == PlacementStatus::Open {
        return Saved {
            message: saved,
            error: None,
        };
    }
    let transition = PlacementTransition {
        action: PlacementAction::Open,
        reason: None,
    };
    match transition_placement(api, placement.id, &transition).await {
        Ok(_) => Saved {
            message: if created {
                t.created_and_opened
            } else {
                t.saved_and_opened
            },
            error: None,
        },
        Err(error) => Saved {
            message: t.open_failed_after_save,
            error: Some(error),
        },
    }
}

/// Puts the keyboard on the first field with a problem.
fn focus_first(errors: &[FieldError]) {
    if let Some(field) = FIELDS
        .iter()
        .find(|field| errors.iter().any(|e| e.field == **field))
    {
        focus_id(&input_id(field));
    }
}
