//! The ambassador's view: their enrolments (take an offered place, cancel), their progress per
//! course, their calendar feed, and every course's sessions to enrol in.

use std::future::Future;

use domain::contract::{Course, CourseProgress, EnrolmentInput, TrainingRecord};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{place, places, status_badge, when};
use crate::api::training::{accept, cancel, courses, enrol, my_training};
use crate::api::{Api, ApiError};
use crate::components::{ErrorMessage, Loading, StatusMessage};
use crate::format::today;
use crate::hooks::{focus_id, use_texts};
use crate::i18n::{Texts, fill};
use crate::pages::lesson_series::feed::{CalendarFeedPanel, FeedOf};
use crate::pages::mine::{Loaded, use_load};

#[derive(Properties, PartialEq)]
pub struct MyTrainingProps {
    pub api: Api,
}

/// What the last action did, or why not.
#[derive(Clone, PartialEq)]
enum Outcome {
    Done(&'static str),
    Failed(ApiError),
    /// The session falls on the ambassador's school day: ask before enrolling anyway.
    SchoolDay(Uuid),
}

/// An action of this page: what it says when done, or the refusal and (when enrolling) the
/// session it was about.
type Action =
    std::pin::Pin<Box<dyn Future<Output = Result<&'static str, (ApiError, Option<Uuid>)>>>>;

#[component]
pub fn MyTraining(props: &MyTrainingProps) -> Html {
    let texts = use_texts();
    let t = texts.training();
    let load = use_load(props.api.clone(), |api: Api| async move {
        let offered = courses(&api).await?;
        let mine = my_training(&api).await?;
        Ok((offered, mine))
    });
    let outcome = use_state(|| None::<Outcome>);
    let busy = use_state(|| false);

    // Runs one action, then says what happened and loads the page again.
    let run = {
        let (outcome, busy, reload) = (outcome.clone(), busy.clone(), load.reload.clone());
        move |action: Action| {
            if *busy {
                return;
            }
            busy.set(true);
            let (outcome, busy, reload) = (outcome.clone(), busy.clone(), reload.clone());
            spawn_local(async move {
                let result = action.await;
                busy.set(false);
                outcome.set(Some(match result {
                    Ok(done) => Outcome::Done(done),
                    Err((error, Some(session))) if is_school_day(&error) => {
                        Outcome::SchoolDay(session)
                    }
                    Err((error, _)) => Outcome::Failed(error),
                }));
                reload.emit(());
                focus_id("training-status");
            });
        }
    };
    let enrol_in = {
        let (api, run) = (props.api.clone(), run.clone());
        Callback::from(move |(session, on_school_day): (Uuid, bool)| {
            let api = api.clone();
            run(Box::pin(async move {
                let input = EnrolmentInput {
                    ambassador_id: None,
                    on_school_day,
                };
                match enrol(&api, session, &input).await {
                    Ok(e) if e.status == domain::training::EnrolmentStatus::Waiting => {
                        Ok(t.waiting_message)
                    }
                    Ok(_) => Ok(t.enrolled_message),
                    Err(error) => Err((error, Some(session))),
                }
            }));
        })
    };
    let on_cancel = {
        let (api, run) = (props.api.clone(), run.clone());
        Callback::from(move |id: Uuid| {
            let api = api.clone();
            run(Box::pin(async move {
                cancel(&api, id)
                    .await
                    .map(|_| t.cancelled_message)
                    .map_err(|e| (e, None))
            }));
        })
    };
    let on_accept = {
        let (api, run) = (props.api.clone(), run.clone());
        Callback::from(move |id: Uuid| {
            let api = api.clone();
            run(Box::pin(async move {
                accept(&api, id)
                    .await
                    .map(|_| t.accepted_message)
                    .map_err(|e| (e, None))
            }));
        })
    };

    let status = match &*outcome {
        Some(Outcome::Done(message)) => html! {
            <StatusMessage id="training-status" message={Some(AttrValue::from(*message))} />
        },
        Some(Outcome::Failed(error)) => html! {
            <div id="training-status" tabindex="-1">
                { error_message(texts, error) }
            </div>
        },
        Some(Outcome::SchoolDay(session)) => {
            let (session, enrol_in) = (*session, enrol_in.clone());
            html! {
                <div id="training-status" class="message message-warning" role="alert" tabindex="-1">
                    <p>{ t.school_day_question }</p>
                    <button id="school-day-yes" type="button" class="button-primary"
                        onclick={move |_| enrol_in.emit((session, true))}>{ t.school_day_yes }</button>
                </div>
            }
        }
        None => html! { <StatusMessage id="training-status" message={None::<AttrValue>} /> },
    };

    let content = match &load.state {
        Loaded::Loading => html! { <Loading /> },
        Loaded::Failed(error) => {
            let reload = load.reload.clone();
            html! { <ErrorMessage error={error.clone()} on_retry={reload} /> }
        }
        Loaded::Ready((offered, mine)) => html! {
            <>
                { my_enrolments(texts, mine, *busy, &on_cancel, &on_accept) }
                <CalendarFeedPanel api={props.api.clone()} of={FeedOf::MyTraining} />
                <h2 id="courses-title">{ t.courses_title }</h2>
                if offered.is_empty() {
                    <p class="muted">{ t.no_courses }</p>
                }
                { for offered.iter().map(|course| course_panel(texts, course, mine, *busy, &enrol_in)) }
            </>
        },
    };
    html! {
        <>
            { status }
            { content }
        </>
    }
}

fn is_school_day(error: &ApiError) -> bool {
    matches!(error, ApiError::Problem(problem) if problem.code.as_str() == "school_day")
}

/// A refusal in this page's own words where it has them, else the general message.
pub fn error_message(texts: &'static Texts, error: &ApiError) -> Html {
    match texts.training().error(error) {
        Some(text) => html! {
            <div class="message message-error" role="alert"><p>{ text }</p></div>
        },
        None => html! { <ErrorMessage error={error.clone()} /> },
    }
}

fn my_enrolments(
    texts: &'static Texts,
    mine: &TrainingRecord,
    busy: bool,
    on_cancel: &Callback<Uuid>,
    on_accept: &Callback<Uuid>,
) -> Html {
    let t = texts.training();
    let today = today();
    let rows = mine.enrolments.iter().map(|e| {
        let (id, on_cancel, on_accept) = (e.id, on_cancel.clone(), on_accept.clone());
        let may_cancel = e.status.is_live() && e.date > today;
        let offered = e.status == domain::training::EnrolmentStatus::Offered;
        html! {
            <tr key={e.id.to_string()} class="enrolment" data-status={e.status.as_str()}>
                <td data-label={t.courses_title}>{ e.course_title.clone() }</td>
                <td class="nowrap" data-label={t.column_date}>{ texts.dates.date(e.date) }</td>
                <td class="nowrap" data-label={t.column_time}>{ format!("{}–{}", e.starts_at.format("%H:%M"), e.ends_at.format("%H:%M")) }</td>
                <td data-label={t.column_place}>{ place(texts, &e.location) }</td>
                <td data-label={t.column_status}>{ status_badge(texts, e) }</td>
                <td>
                    <div class="row-buttons">
                        if offered {
                            <button type="button" class="button-primary accept-offer" disabled={busy}
                                onclick={move |_| on_accept.emit(id)}>{ t.accept }</button>
                        }
                        if may_cancel {
                            <button type="button" class="button-secondary cancel-enrolment" disabled={busy}
                                onclick={move |_| on_cancel.emit(id)}>{ t.cancel }</button>
                        }
                    </div>
                </td>
            </tr>
        }
    });
    html! {
        <section id="my-training" class="panel" aria-labelledby="my-training-title">
            <h2 id="my-training-title">{ t.my_title }</h2>
            <TrainingProgress courses={mine.courses.clone()} />
            if mine.enrolments.is_empty() {
                <p class="muted">{ t.my_none }</p>
            } else {
                <div class="table-wrap" role="region" aria-labelledby="my-training-title" tabindex="0">
                    <table id="my-enrolments" class="cards-on-phone">
                        <thead>
                            <tr>
                                <th scope="col">{ t.courses_title }</th>
                                <th scope="col">{ t.column_date }</th>
                                <th scope="col">{ t.column_time }</th>
                                <th scope="col">{ t.column_place }</th>
                                <th scope="col">{ t.column_status }</th>
                                <th scope="col"><span class="visually-hidden">{ t.column_status }</span></th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct TrainingProgressProps {
    pub courses: Vec<CourseProgress>,
}

/// Progress per course: attended of required, completed, and whether it is required to start.
/// Shown to the ambassador and on their page for programme staff.
#[component]
pub fn TrainingProgress(props: &TrainingProgressProps) -> Html {
    let texts = use_texts();
    let t = texts.training();
    html! {
        <ul class="course-progress">
            { for props.courses.iter().map(|c| html! {
                <li key={c.course_id.to_string()} class="course" data-completed={c.completed.to_string()}>
                    <strong>{ c.title.clone() }</strong>
                    { " · " }{ t.kind(c.kind) }{ " · " }
                    <span class="progress-count">{ fill(t.progress, &[("attended", &c.attended.to_string()), ("required", &c.required.to_string())]) }</span>
                    if c.completed {
                        { " " }<span class="status status-open">{ t.completed }</span>
                    }
                    if c.required_for_available {
                        { " " }<span class="status status-proposed">{ t.required_for_available }</span>
                    }
                    if c.admitted {
                        { " " }<span class="status status-draft">{ t.admitted }</span>
                    }
                </li>
            }) }
        </ul>
    }
}

fn course_panel(
    texts: &'static Texts,
    course: &Course,
    mine: &TrainingRecord,
    busy: bool,
    enrol_in: &Callback<(Uuid, bool)>,
) -> Html {
    let t = texts.training();
    let today = today();
    let rows = course.sessions.iter().map(|session| {
        let (day, time) = when(texts, session);
        let own = mine
            .enrolments
            .iter()
            .find(|e| e.session_id == session.id && e.status.is_live());
        let full = session.held >= session.capacity || session.waiting > 0;
        let action = match own {
            Some(enrolment) => status_badge(texts, enrolment),
            None if session.date <= today => html! {},
            None => {
                let (id, enrol_in) = (session.id, enrol_in.clone());
                html! {
                    <button type="button" class="button-secondary enrol" disabled={busy}
                        onclick={move |_| enrol_in.emit((id, false))}>
                        { if full { t.join_waiting_list } else { t.enrol } }
                    </button>
                }
            }
        };
        html! {
            <tr key={session.id.to_string()} class="session" data-session={session.id.to_string()}>
                <td class="nowrap" data-label={t.column_date}>{ day }</td>
                <td class="nowrap" data-label={t.column_time}>{ time }</td>
                <td data-label={t.column_place}>{ place(texts, &session.location) }</td>
                <td data-label={t.column_teacher}>{ session.teacher.clone() }</td>
                <td data-label={t.column_places}>{ places(texts, session) }</td>
                <td>{ action }</td>
            </tr>
        }
    });
    let title_id = format!("course-{}", course.id);
    html! {
        <section class="panel course-panel" aria-labelledby={title_id.clone()} data-course={course.id.to_string()}>
            <h3 id={title_id.clone()}>{ course.title.clone() }</h3>
            <p class="muted">
                { t.kind(course.kind) }{ " · " }{ fill(t.rule, &[("n", &course.min_attended.to_string())]) }
                if course.requires_intake { { " · " }{ t.needs_intake } }
                if course.requires_placement { { " · " }{ t.needs_placement } }
            </p>
            if !course.topics.is_empty() {
                <ul class="tags">{ for course.topics.iter().map(|topic| html! { <li>{ topic.clone() }</li> }) }</ul>
            }
            if !course.description.is_empty() {
                <p>{ course.description.clone() }</p>
            }
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
                                <th scope="col"><span class="visually-hidden">{ t.enrol }</span></th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct OfferedPlacesProps {
    pub api: Api,
}

/// On the ambassador's start page: a place offered to them, with its deadline and a link to
/// take it. Nothing while none is offered, or when the training cannot be loaded.
#[component]
pub fn OfferedPlaces(props: &OfferedPlacesProps) -> Html {
    let texts = use_texts();
    let t = texts.training();
    let load = use_load(props.api.clone(), |api: Api| async move {
        my_training(&api).await
    });
    let Loaded::Ready(record) = &load.state else {
        return html! {};
    };
    let offers = record
        .enrolments
        .iter()
        .filter(|e| e.status == domain::training::EnrolmentStatus::Offered);
    html! {
        <>
            { for offers.map(|e| {
                let until = e.offered_until.map(|u| texts.dates.instant(u)).unwrap_or_default();
                html! {
                    <p class="message message-warning offered-place" key={e.id.to_string()}>
                        <yew_router::prelude::Link<crate::route::Route> to={crate::route::Route::Training}>
                            { fill(t.offered_notice, &[("course", &e.course_title), ("until", &until)]) }
                        </yew_router::prelude::Link<crate::route::Route>>
                    </p>
                }
            }) }
        </>
    }
}
