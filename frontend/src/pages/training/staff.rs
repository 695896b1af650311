//! Programme staff's view: every course with its sessions; per session who has a place, who is
//! offered one and who waits in which order, attendance to record from the session's day on,
//! and enrolling someone on their behalf; forms for a new course, a new session and an
//! admission after a course's intake.

use chrono::{NaiveDate, NaiveTime};
use domain::contract::{
    AmbassadorListItem, AttendanceEntry, AttendanceInput, Course, CourseInput, CourseSession,
    CourseSessionInput, Enrolment, EnrolmentInput,
};
use domain::training::{Attendance, CourseKind, DEFAULT_OFFER_HOURS, EnrolmentStatus};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::mine::error_message;
use super::{place, places, status_badge, when};
use crate::api::matching::list_ambassadors;
use crate::api::training::{
    add_session, admit, courses, create_course, enrol, record_attendance, session_enrolments,
};
use crate::api::{Api, ApiError};
use crate::components::{ErrorMessage, Loading, StatusMessage};
use crate::format::today;
use crate::hooks::{focus_id, use_texts};
use crate::i18n::Texts;
use crate::pages::mine::{Loaded, use_load};

#[derive(Properties, PartialEq)]
pub struct StaffTrainingProps {
    pub api: Api,
}

#[component]
pub fn StaffTraining(props: &StaffTrainingProps) -> Html {
    let texts = use_texts();
    let t = texts.training();
    let load = use_load(props.api.clone(), |api: Api| async move {
        let list = courses(&api).await?;
        let people = list_ambassadors(&api, None, None).await?.items;
        Ok((list, people))
    });
    let open = use_state(|| None::<Uuid>);
    let content = match &load.state {
        Loaded::Loading => html! { <Loading /> },
        Loaded::Failed(error) => {
            let reload = load.reload.clone();
            html! { <ErrorMessage error={error.clone()} on_retry={reload} /> }
        }
        Loaded::Ready((list, people)) => html! {
            <>
                if list.is_empty() {
                    <p class="muted">{ t.no_courses }</p>
                }
                { for list.iter().map(|course| html! {
                    <CoursePanel key={course.id.to_string()} api={props.api.clone()} course={course.clone()}
                        people={people.clone()} open={*open} on_open={
                            let open = open.clone();
                            Callback::from(move |id: Uuid| open.set(if *open == Some(id) { None } else { Some(id) }))
                        }
                        on_changed={load.reload.clone()} />
                }) }
                <NewCourseForm api={props.api.clone()} on_created={load.reload.clone()} />
            </>
        },
    };
    html! { <>{ content }</> }
}

#[derive(Properties, PartialEq)]
struct CoursePanelProps {
    api: Api,
    course: Course,
    people: Vec<AmbassadorListItem>,
    open: Option<Uuid>,
    on_open: Callback<Uuid>,
    on_changed: Callback<()>,
}

#[component]
fn CoursePanel(props: &CoursePanelProps) -> Html {
    let texts = use_texts();
    let t = texts.training();
    let course = &props.course;
    let title_id = format!("course-{}", course.id);
    let rows = course.sessions.iter().map(|session| {
        let (day, time) = when(texts, session);
        let (id, on_open) = (session.id, props.on_open.clone());
        let is_open = props.open == Some(session.id);
        html! {
            <>
                <tr key={session.id.to_string()} class="session" data-session={session.id.to_string()}>
                    <td class="nowrap" data-label={t.column_date}>{ day }</td>
                    <td class="nowrap" data-label={t.column_time}>{ time }</td>
                    <td data-label={t.column_place}>{ place(texts, &session.location) }</td>
                    <td data-label={t.column_teacher}>{ session.teacher.clone() }</td>
                    <td data-label={t.column_places}>{ places(texts, session) }</td>
                    <td>
                        <button type="button" class="button-secondary show-participants"
                            aria-expanded={is_open.to_string()} onclick={move |_| on_open.emit(id)}>
                            { t.participants }
                        </button>
                    </td>
                </tr>
                if is_open {
                    <tr class="participants-row">
                        <td colspan="6">
                            <Participants api={props.api.clone()} session={session.clone()}
                                people={props.people.clone()} on_changed={props.on_changed.clone()} />
                        </td>
                    </tr>
                }
            </>
        }
    });
    html! {
        <section class="panel course-panel" aria-labelledby={title_id.clone()} data-course={course.id.to_string()}>
            <h2 id={title_id.clone()}>{ course.title.clone() }</h2>
            <p class="muted">
                { t.kind(course.kind) }{ " · " }{ crate::i18n::fill(t.rule, &[("n", &course.min_attended.to_string())]) }
                if course.requires_intake { { " · " }{ t.needs_intake } }
                if course.requires_placement { { " · " }{ t.needs_placement } }
                if course.required_for_available { { " · " }{ t.required_for_available } }
            </p>
            if course.sessions.is_empty() {
                <p class="muted">{ t.no_sessions }</p>
            } else {
                <div class="table-wrap" role="region" aria-labelledby={title_id} tabindex="0">
                    <table class="cards-on-phone sessions">
                        <thead>
                            <tr>
                                <th scope="col">{ t.column_date }</th>
                                <th scope="col">{ t.column_time }</th>
                                <th scope="col">{ t.column_place }</th>
                                <th scope="col">{ t.column_teacher }</th>
                                <th scope="col">{ t.column_places }</th>
                                <th scope="col"><span class="visually-hidden">{ t.participants }</span></th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
            <NewSessionForm api={props.api.clone()} course={course.id} on_added={props.on_changed.clone()} />
            if course.requires_intake {
                <AdmitForm api={props.api.clone()} course={course.id} people={props.people.clone()} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ParticipantsProps {
    api: Api,
    session: CourseSession,
    people: Vec<AmbassadorListItem>,
    on_changed: Callback<()>,
}

/// Who is in a session, attendance, and enrolling someone on their behalf.
#[component]
fn Participants(props: &ParticipantsProps) -> Html {
    let texts = use_texts();
    let t = texts.training();
    let load = use_load(
        (props.api.clone(), props.session.id),
        |(api, id): (Api, Uuid)| async move { session_enrolments(&api, id).await },
    );
    let marks = use_state(Vec::<(Uuid, Attendance)>::new);
    let chosen = use_state(|| None::<Uuid>);
    let message = use_state(|| None::<&'static str>);
    let failure = use_state(|| None::<ApiError>);
    let id = props.session.id;
    let status_id = format!("participants-status-{id}");

    let save = {
        let (api, marks, message, failure, reload) = (
            props.api.clone(),
            marks.clone(),
            message.clone(),
            failure.clone(),
            load.reload.clone(),
        );
        let status_id = status_id.clone();
        Callback::from(move |_: MouseEvent| {
            let input = AttendanceInput {
                entries: marks
                    .iter()
                    .map(|(enrolment_id, attendance)| AttendanceEntry {
                        enrolment_id: *enrolment_id,
                        attendance: *attendance,
                    })
                    .collect(),
            };
            let (api, message, failure, reload, status_id) = (
                api.clone(),
                message.clone(),
                failure.clone(),
                reload.clone(),
                status_id.clone(),
            );
            spawn_local(async move {
                match record_attendance(&api, id, &input).await {
                    Ok(_) => {
                        failure.set(None);
                        message.set(Some(t.attendance_saved));
                        reload.emit(());
                    }
                    Err(error) => failure.set(Some(error)),
                }
                focus_id(&status_id);
            });
        })
    };
    let enrol_for = {
        let (api, chosen, message, failure, reload, changed) = (
            props.api.clone(),
            chosen.clone(),
            message.clone(),
            failure.clone(),
            load.reload.clone(),
            props.on_changed.clone(),
        );
        let status_id = status_id.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(ambassador_id) = *chosen else {
                return;
            };
            let (api, message, failure, reload, changed, status_id) = (
                api.clone(),
                message.clone(),
                failure.clone(),
                reload.clone(),
                changed.clone(),
                status_id.clone(),
            );
            spawn_local(async move {
                let input = EnrolmentInput {
                    ambassador_id: Some(ambassador_id),
                    on_school_day: true,
                };
                match enrol(&api, id, &input).await {
                    Ok(e) => {
                        failure.set(None);
                        message.set(Some(if e.status == EnrolmentStatus::Waiting {
                            t.status_waiting
                        } else {
                            t.status_enrolled
                        }));
                        reload.emit(());
                        changed.emit(());
                    }
                    Err(error) => failure.set(Some(error)),
                }
                focus_id(&status_id);
            });
        })
    };

    let marking = props.session.date <= today();
    let list = match &load.state {
        Loaded::Loading => html! { <Loading /> },
        Loaded::Failed(error) => html! { <ErrorMessage error={error.clone()} /> },
        Loaded::Ready(list) if list.is_empty() => {
            html! { <p class="muted">{ t.no_participants }</p> }
        }
        Loaded::Ready(list) => participants_table(texts, list, marking, &marks),
    };
    let options = props.people.iter().map(|p| {
        html! { <option value={p.id.to_string()} selected={*chosen == Some(p.id)}>{ p.name.clone() }</option> }
    });
    let select_id = format!("enrol-for-{id}");
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            chosen.set(Uuid::parse_str(&value).ok());
        })
    };
    html! {
        <div class="participants" data-session={id.to_string()}>
            { list }
            if marking {
                <button type="button" class="button-primary save-attendance" onclick={save}>{ t.save_attendance }</button>
            }
            <div class="field-inline enrol-for">
                <label for={select_id.clone()}>{ t.enrol_for }</label>
                <select id={select_id} {onchange}>
                    <option value="" selected={chosen.is_none()}>{ t.choose }</option>
                    { for options }
                </select>
                <button type="button" class="button-secondary" onclick={enrol_for} disabled={chosen.is_none()}>{ t.enrol }</button>
            </div>
            if let Some(error) = &*failure {
                { error_message(texts, error) }
            }
            <StatusMessage id={status_id} message={message.map(AttrValue::from)} />
        </div>
    }
}

fn participants_table(
    texts: &'static Texts,
    list: &[Enrolment],
    marking: bool,
    marks: &UseStateHandle<Vec<(Uuid, Attendance)>>,
) -> Html {
    let t = texts.training();
    let rows = list.iter().map(|e| {
        let attendance = if marking && e.status == EnrolmentStatus::Enrolled {
            let id = e.id;
            let marks = marks.clone();
            let current = marks
                .iter()
                .find(|(m, _)| *m == id)
                .map(|(_, a)| *a)
                .or(e.attendance);
            let onchange = Callback::from(move |event: Event| {
                let value = event
                    .target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value();
                let mut next: Vec<_> = marks.iter().filter(|(m, _)| *m != id).copied().collect();
                if let Ok(a) = Attendance::parse(&value) {
                    next.push((id, a));
                }
                marks.set(next);
            });
            html! {
                <select class="attendance" aria-label={format!("{}: {}", t.column_attendance, e.ambassador_name)} {onchange}>
                    <option value="" selected={current.is_none()}>{ t.not_recorded }</option>
                    { for [Attendance::Present, Attendance::AbsentNotified, Attendance::AbsentUnnotified].into_iter().map(|a| html! {
                        <option value={a.as_str()} selected={current == Some(a)}>{ t.attendance(a) }</option>
                    }) }
                </select>
            }
        } else {
            html! { { e.attendance.map(|a| t.attendance(a)).unwrap_or_default() } }
        };
        html! {
            <tr key={e.id.to_string()} class="participant" data-status={e.status.as_str()}>
                <td data-label={t.column_name}>{ e.ambassador_name.clone() }</td>
                <td data-label={t.column_status}>{ status_badge(texts, e) }</td>
                <td data-label={t.column_attendance}>{ attendance }</td>
            </tr>
        }
    });
    html! {
        <table class="cards-on-phone participants-table">
            <thead>
                <tr>
                    <th scope="col">{ t.column_name }</th>
                    <th scope="col">{ t.column_status }</th>
                    <th scope="col">{ t.column_attendance }</th>
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// A form's values, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
struct CourseDraft {
    kind: String,
    title: String,
    topics: String,
    description: String,
    min_attended: String,
    offer_hours: String,
    requires_intake: bool,
    requires_placement: bool,
    required_for_available: bool,
}

impl CourseDraft {
    fn input(&self) -> Option<CourseInput> {
        let input = CourseInput {
            kind: CourseKind::parse(&self.kind).ok()?,
            title: self.title.clone(),
            topics: self.topics.lines().map(str::to_owned).collect(),
            description: self.description.clone(),
            requires_intake: self.requires_intake,
            requires_placement: self.requires_placement,
            min_attended: self.min_attended.trim().parse().ok()?,
            offer_hours: self.offer_hours.trim().parse().ok()?,
            required_for_available: self.required_for_available,
        };
        input.validate().ok()
    }
}

#[derive(Properties, PartialEq)]
struct NewCourseProps {
    api: Api,
    on_created: Callback<()>,
}

#[component]
fn NewCourseForm(props: &NewCourseProps) -> Html {
    let texts = use_texts();
    let t = texts.training();
    let blank = || CourseDraft {
        kind: CourseKind::Training.as_str().to_owned(),
        min_attended: "4".into(),
        offer_hours: DEFAULT_OFFER_HOURS.to_string(),
        ..CourseDraft::default()
    };
    let draft = use_state(blank);
    let outcome = use_state(|| None::<Result<&'static str, Option<ApiError>>>);
    let text = |apply: fn(&mut CourseDraft, String)| {
        let draft = draft.clone();
        Callback::from(move |event: InputEvent| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            let mut next = (*draft).clone();
            apply(&mut next, value);
            draft.set(next);
        })
    };
    let check = |apply: fn(&mut CourseDraft, bool)| {
        let draft = draft.clone();
        Callback::from(move |event: Event| {
            let checked = event
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            let mut next = (*draft).clone();
            apply(&mut next, checked);
            draft.set(next);
        })
    };
    let onsubmit = {
        let (api, draft, outcome, created) = (
            props.api.clone(),
            draft.clone(),
            outcome.clone(),
            props.on_created.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(input) = draft.input() else {
                outcome.set(Some(Err(None)));
                focus_id("new-course-status");
                return;
            };
            let (api, draft, outcome, created) =
                (api.clone(), draft.clone(), outcome.clone(), created.clone());
            spawn_local(async move {
                match create_course(&api, &input).await {
                    Ok(_) => {
                        draft.set(blank());
                        outcome.set(Some(Ok(t.course_created)));
                        created.emit(());
                    }
                    Err(error) => outcome.set(Some(Err(Some(error)))),
                }
                focus_id("new-course-status");
            });
        })
    };
    let kinds = [
        CourseKind::Training,
        CourseKind::Intervision,
        CourseKind::Scholingstraject,
    ];
    let onkind = {
        let draft = draft.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let mut next = (*draft).clone();
            next.kind = value;
            draft.set(next);
        })
    };
    html! {
        <details class="panel new-course">
            <summary><h2 class="inline-heading">{ t.new_course }</h2></summary>
            <form id="new-course-form" class="form" novalidate=true {onsubmit}>
                <div class="field">
                    <label for="course-kind">{ t.field_kind }</label>
                    <select id="course-kind" onchange={onkind}>
                        { for kinds.into_iter().map(|k| html! {
                            <option value={k.as_str()} selected={draft.kind == k.as_str()}>{ t.kind(k) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="course-title">{ t.field_title }</label>
                    <input id="course-title" type="text" value={draft.title.clone()} oninput={text(|d, v| d.title = v)} />
                </div>
                <div class="field">
                    <label for="course-topics">{ t.field_topics }</label>
                    <textarea id="course-topics" rows="3" aria-describedby="course-topics-hint" value={draft.topics.clone()}
                        oninput={text(|d, v| d.topics = v)} />
                    <p id="course-topics-hint" class="field-hint">{ t.field_topics_hint }</p>
                </div>
                <div class="field">
                    <label for="course-description">{ t.field_description }</label>
                    <textarea id="course-description" rows="3" value={draft.description.clone()} oninput={text(|d, v| d.description = v)} />
                </div>
                <div class="field">
                    <label for="course-min">{ t.field_min_attended }</label>
                    <input id="course-min" type="number" min="1" max="50" value={draft.min_attended.clone()} oninput={text(|d, v| d.min_attended = v)} />
                </div>
                <div class="field">
                    <label for="course-offer">{ t.field_offer_hours }</label>
                    <input id="course-offer" type="number" min="1" max="336" aria-describedby="course-offer-hint"
                        value={draft.offer_hours.clone()} oninput={text(|d, v| d.offer_hours = v)} />
                    <p id="course-offer-hint" class="field-hint">{ t.field_offer_hours_hint }</p>
                </div>
                <label class="checkbox"><input id="course-intake" type="checkbox" checked={draft.requires_intake} onchange={check(|d, v| d.requires_intake = v)} />{ t.field_requires_intake }</label>
                <label class="checkbox"><input id="course-placement" type="checkbox" checked={draft.requires_placement} onchange={check(|d, v| d.requires_placement = v)} />{ t.field_requires_placement }</label>
                <label class="checkbox"><input id="course-required" type="checkbox" checked={draft.required_for_available} onchange={check(|d, v| d.required_for_available = v)} />{ t.field_required_for_available }</label>
                { outcome_message(texts, "new-course-status", &outcome) }
                <div class="form-actions">
                    <button id="create-course" type="submit" class="button-primary">{ t.create_course }</button>
                </div>
            </form>
        </details>
    }
}

/// What a form says after sending: done, or why not (`None`: the form itself is not filled in
/// right).
fn outcome_message(
    texts: &'static Texts,
    id: &str,
    outcome: &Option<Result<&'static str, Option<ApiError>>>,
) -> Html {
    let id = AttrValue::from(id.to_owned());
    match outcome {
        Some(Ok(done)) => {
            html! { <StatusMessage {id} message={Some(AttrValue::from(*done))} /> }
        }
        Some(Err(Some(error))) => {
            html! { <div {id} tabindex="-1">{ error_message(texts, error) }</div> }
        }
        Some(Err(None)) => html! {
            <div {id} class="message message-error" role="alert" tabindex="-1"><p>{ texts.err_invalid_input }</p></div>
        },
        None => html! { <StatusMessage {id} message={None::<AttrValue>} /> },
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
struct SessionDraft {
    date: String,
    starts_at: String,
    ends_at: String,
    location: String,
    online_url: String,
    capacity: String,
    teacher: String,
}

impl SessionDraft {
    fn input(&self) -> Option<CourseSessionInput> {
        let input = CourseSessionInput {
            date: NaiveDate::parse_from_str(&self.date, "%Y-%m-%d").ok()?,
            starts_at: NaiveTime::parse_from_str(&self.starts_at, "%H:%M").ok()?,
            ends_at: NaiveTime::parse_from_str(&self.ends_at, "%H:%M").ok()?,
            location: self.location.clone(),
            online_url: Some(self.online_url.clone()),
            capacity: self.capacity.trim().parse().ok()?,
            teacher: self.teacher.clone(),
        };
        input.validate().ok()
    }
}

#[derive(Properties, PartialEq)]
struct NewSessionProps {
    api: Api,
    course: Uuid,
    on_added: Callback<()>,
}

#[component]
fn NewSessionForm(props: &NewSessionProps) -> Html {
    let texts = use_texts();
    let t = texts.training();
    let blank = || SessionDraft {
        starts_at: "12:00".into(),
        ends_at: "15:00".into(),
        capacity: "12".into(),
        ..SessionDraft::default()
    };
    let draft = use_state(blank);
    let outcome = use_state(|| None::<Result<&'static str, Option<ApiError>>>);
    let course = props.course;
    let field = |name: &'static str,
                 label: &'static str,
                 kind: &'static str,
                 value: String,
                 apply: fn(&mut SessionDraft, String)| {
        let draft = draft.clone();
        let id = format!("session-{name}-{course}");
        let oninput = Callback::from(move |event: InputEvent| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            let mut next = (*draft).clone();
            apply(&mut next, value);
            draft.set(next);
        });
        html! {
            <div class="field">
                <label for={id.clone()}>{ label }</label>
                <input id={id} class={format!("session-{name}")} type={kind} {value} {oninput} />
            </div>
        }
    };
    // One form per course: each its own status line.
    let status_id = format!("new-session-status-{course}");
    let onsubmit = {
        let (api, draft, outcome, added) = (
            props.api.clone(),
            draft.clone(),
            outcome.clone(),
            props.on_added.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(input) = draft.input() else {
                outcome.set(Some(Err(None)));
                return;
            };
            let (api, draft, outcome, added) =
                (api.clone(), draft.clone(), outcome.clone(), added.clone());
            spawn_local(async move {
                match add_session(&api, course, &input).await {
                    Ok(_) => {
                        draft.set(blank());
                        outcome.set(Some(Ok(t.session_added)));
                        added.emit(());
                    }
                    Err(error) => outcome.set(Some(Err(Some(error)))),
                }
            });
        })
    };
    html! {
        <details class="new-session">
            <summary>{ t.new_session }</summary>
            <form class="form new-session-form" novalidate=true {onsubmit}>
                { field("date", t.field_date, "date", draft.date.clone(), |d, v| d.date = v) }
                { field("start", t.field_starts_at, "time", draft.starts_at.clone(), |d, v| d.starts_at = v) }
                { field("end", t.field_ends_at, "time", draft.ends_at.clone(), |d, v| d.ends_at = v) }
                { field("location", t.field_location, "text", draft.location.clone(), |d, v| d.location = v) }
                { field("url", t.field_online_url, "url", draft.online_url.clone(), |d, v| d.online_url = v) }
                { field("capacity", t.field_capacity, "number", draft.capacity.clone(), |d, v| d.capacity = v) }
                { field("teacher", t.field_teacher, "text", draft.teacher.clone(), |d, v| d.teacher = v) }
                { outcome_message(texts, &status_id, &outcome) }
                <div class="form-actions">
                    <button type="submit" class="button-primary add-session">{ t.add_session }</button>
                </div>
            </form>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct AdmitProps {
    api: Api,
    course: Uuid,
    people: Vec<AmbassadorListItem>,
}

#[component]
fn AdmitForm(props: &AdmitProps) -> Html {
    let texts = use_texts();
    let t = texts.training();
    let chosen = use_state(|| None::<Uuid>);
    let outcome = use_state(|| None::<Result<&'static str, Option<ApiError>>>);
    let course = props.course;
    let select_id = format!("admit-{course}");
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            chosen.set(Uuid::parse_str(&value).ok());
        })
    };
    let onclick = {
        let (api, chosen, outcome) = (props.api.clone(), chosen.clone(), outcome.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(ambassador) = *chosen else {
                return;
            };
            let (api, outcome) = (api.clone(), outcome.clone());
            spawn_local(async move {
                outcome.set(Some(match admit(&api, course, ambassador).await {
                    Ok(()) => Ok(t.admitted_message),
                    Err(error) => Err(Some(error)),
                }));
            });
        })
    };
    html! {
        <div class="field-inline admit">
            <label for={select_id.clone()}>{ t.admit_title }</label>
            <select id={select_id} {onchange}>
                <option value="" selected={chosen.is_none()}>{ t.choose }</option>
                { for props.people.iter().map(|p| html! { <option value={p.id.to_string()} selected={*chosen == Some(p.id)}>{ p.name.clone() }</option> }) }
            </select>
            <button type="button" class="button-secondary" {onclick} disabled={chosen.is_none()}>{ t.admit }</button>
            { outcome_message(texts, &format!("admit-status-{course}"), &outcome) }
        </div>
    }
}
