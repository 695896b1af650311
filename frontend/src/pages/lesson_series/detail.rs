//! One lesson series: what it is about, its objectives and lessons, its dates and calendar feed,
//! the review's comments, and for the school's coordinator the review itself.

use domain::contract::LessonSeriesTransition;
use domain::contract::{LessonSeries, ObjectiveItem, ScheduledLesson};
use domain::lesson_series::{LessonSeriesAction, LessonSeriesStatus};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::comments::Comments;
use super::feed::{CalendarFeedPanel, FeedOf};
use super::review::ReviewPanel;
use super::schedule::SchedulePanel;
use super::{groups_line, series_status};
use crate::api::ApiError;
use crate::api::lesson_series::{get_lesson_series, list_objectives, transition_lesson_series};
use crate::app::Session;
use crate::components::{ErrorMessage, Loading, NavLink, StatusMessage};
use crate::hooks::{focus_id, use_texts, use_title};
use crate::i18n::{Texts, fill};
use crate::menu::{
    MenuItem, comments_on_lesson_series, may_open, reviews_lesson_series, writes_lesson_series,
};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct LessonSeriesProps {
    pub session: Session,
    pub id: Uuid,
}

#[component]
pub fn LessonSeriesPage(props: &LessonSeriesProps) -> Html {
    let texts = use_texts();
    let t = texts.lesson_series();
    use_title(t.menu_lesson_series);
    let (api, me, id) = (
        props.session.api.clone(),
        props.session.me.clone(),
        props.id,
    );
    let loaded = use_state(|| None::<Result<LessonSeries, ApiError>>);
    let retry = use_state(|| 0_u32);
    let message = use_state(|| None::<&'static str>);
    {
        let (api, loaded) = (api.clone(), loaded.clone());
        use_effect_with(*retry, move |_| {
            spawn_local(async move { loaded.set(Some(get_lesson_series(&api, id).await)) });
        });
    }
    // The objectives' titles, once the framework is known. Without them the numbers still show.
    let framework = match &*loaded {
        Some(Ok(series)) => Some(series.content.framework_code.clone()),
        _ => None,
    };
    let objectives = use_state(Vec::<ObjectiveItem>::new);
    {
        let (api, objectives) = (api.clone(), objectives.clone());
        use_effect_with(framework, move |framework| {
            if let Some(framework) = framework.clone() {
                spawn_local(async move {
                    if let Ok(items) = list_objectives(&api, &framework).await {
                        objectives.set(items);
                    }
                });
            }
        });
    }
    let on_changed = {
        let (loaded, message) = (loaded.clone(), message.clone());
        Callback::from(move |(series, said): (LessonSeries, &'static str)| {
            loaded.set(Some(Ok(series)));
            message.set(Some(said));
            focus_id("series-message");
        })
    };

    let (title, status, content) = match &*loaded {
        None => (t.menu_lesson_series.to_owned(), None, html! { <Loading /> }),
        Some(Err(error)) => {
            let retry = retry.clone();
            let on_retry = Callback::from(move |()| retry.set(*retry + 1));
            (
                t.menu_lesson_series.to_owned(),
                None,
                html! { <ErrorMessage error={error.clone()} {on_retry} /> },
            )
        }
        Some(Ok(series)) => {
            let school = series.content.school_id;
            let review = (series.status == LessonSeriesStatus::Submitted
                && reviews_lesson_series(&me, school))
            .then(|| {
                html! { <ReviewPanel api={api.clone()} series_id={id} on_changed={on_changed.clone()} /> }
            });
            let dated = !series.schedule.is_empty();
            let writes = writes_lesson_series(&me, school);
            let step = match series.status {
                LessonSeriesStatus::Draft => Some((
                    LessonSeriesAction::Submit,
                    t.submit_series,
                    t.submitted_done,
                )),
                LessonSeriesStatus::ChangesRequested => {
                    Some((LessonSeriesAction::Revise, t.revise_series, t.revised_done))
                }
                _ => None,
            };
            let owner_step = step
                .filter(|_| writes)
                .map(|(action, label, done)| {
                    html! { <OwnerStep api={api.clone()} series_id={id} {action} {label} {done} on_changed={on_changed.clone()} /> }
                });
            let plan = (writes
                && matches!(
                    series.status,
                    LessonSeriesStatus::Approved | LessonSeriesStatus::Scheduled
                ))
            .then(|| {
                html! { <SchedulePanel api={api.clone()} series={series.clone()} on_changed={on_changed.clone()} /> }
            });
            let content = html! {
                <>
                    { about(texts, series) }
                    { objective_list(texts, &series.content.objectives, &objectives) }
                    { lessons(texts, series) }
                    if dated {
                        { schedule(texts, &series.schedule) }
                        <CalendarFeedPanel api={api.clone()} of={FeedOf::Series(id)} />
                    }
                    { owner_step.unwrap_or_default() }
                    { plan.unwrap_or_default() }
                    if writes {
                        <CopyPanel api={api.clone()} series_id={id} />
                    }
                    { review.unwrap_or_default() }
                    <Comments api={api.clone()} series_id={id} comments={series.comments.clone()}
                        may_reply={comments_on_lesson_series(&me, school)} on_changed={on_changed.clone()} />
                </>
            };
            (series.content.title.clone(), Some(series.status), content)
        }
    };

    html! {
        <section id="series" class="page" aria-labelledby="series-title">
            <p class="breadcrumb">
                if may_open(&me, MenuItem::LessonSeries) {
                    <NavLink to={Route::LessonSeriesList} current={false}>{ t.back_to_list }</NavLink>
                } else {
                    <NavLink to={Route::MyLessons} current={false}>{ t.back_to_my_lessons }</NavLink>
                }
            </p>
            <div class="page-heading">
                <h1 id="series-title">{ title }</h1>
                { status.map(|s| series_status(texts, s, Some("series-status"))).unwrap_or_default() }
            </div>
            <StatusMessage id="series-message" message={message.map(AttrValue::from)} />
            { content }
        </section>
    }
}

fn facts(rows: Vec<(&'static str, String)>) -> Html {
    html! {
        <dl class="facts">
            { for rows.into_iter().filter(|(_, value)| !value.is_empty()).map(|(label, value)| html! {
                <div class="fact">
                    <dt>{ label }</dt>
                    <dd>{ value }</dd>
                </div>
            }) }
        </dl>
    }
}

fn about(texts: &'static Texts, series: &LessonSeries) -> Html {
    let t = texts.lesson_series();
    let c = &series.content;
    html! {
        <section id="series-about" class="panel" aria-labelledby="series-about-title">
            <h2 id="series-about-title">{ t.description_title }</h2>
            if !c.description.is_empty() {
                <p class="series-description">{ c.description.clone() }</p>
            }
            { facts(vec![
                (t.school, series.school_name.clone()),
                (t.ambassador, series.ambassador_name.clone()),
                (t.theme, c.theme.clone()),
                (t.groups, groups_line(&c.target_groups)),
                (t.framework, c.framework_code.clone()),
            ]) }
        </section>
    }
}

/// The objectives by number, with their titles once the catalogue has answered.
fn objective_list(texts: &'static Texts, numbers: &[u32], catalogue: &[ObjectiveItem]) -> Html {
    let t = texts.lesson_series();
    html! {
        <section class="panel" aria-labelledby="series-objectives-title">
            <h2 id="series-objectives-title">{ t.objectives_title }</h2>
            <ul id="series-objectives" class="objectives">
                { for numbers.iter().map(|n| {
                    let title = catalogue.iter().find(|o| o.number == *n).map(|o| o.title.clone());
                    html! {
                        <li class="objective" data-number={n.to_string()}>
                            <span class="objective-number">{ fill(t.objective, &[("n", &n.to_string())]) }</span>
                            if let Some(title) = title {
                                <span class="objective-title">{ title }</span>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

fn lessons(texts: &'static Texts, series: &LessonSeries) -> Html {
    let t = texts.lesson_series();
    html! {
        <section class="panel" aria-labelledby="series-lessons-title">
            <h2 id="series-lessons-title">{ t.lessons_title }</h2>
            <ol id="series-lessons" class="lessons">
                { for series.content.lessons.iter().enumerate().map(|(i, lesson)| html! {
                    <li class="lesson">
                        <h3>{ format!("{}: {}", fill(t.lesson, &[("n", &(i + 1).to_string())]), lesson.title) }</h3>
                        { facts(vec![
                            (t.goal, lesson.goal.clone()),
                            (t.duration, t.duration(lesson.minutes)),
                            (t.materials, lesson.materials.clone()),
                        ]) }
                    </li>
                }) }
            </ol>
        </section>
    }
}

fn schedule(texts: &'static Texts, dated: &[ScheduledLesson]) -> Html {
    let t = texts.lesson_series();
    html! {
        <section class="panel" aria-labelledby="series-schedule-title">
            <h2 id="series-schedule-title">{ t.schedule_title }</h2>
            <ul id="series-schedule" class="dated-lessons">
                { for dated.iter().map(|lesson| html! {
                    <li class="dated-lesson" data-date={lesson.date.to_string()}>
                        <p class="dated-lesson-when">
                            <strong>{ texts.dates.day(lesson.date) }</strong>
                            { " " }
                            <span class="nowrap">{ format!("{} · {}", lesson.starts_at.format("%H:%M"), lesson.group) }</span>
                        </p>
                        <p>
                            { format!("{}: {} · {}",
                                fill(t.lesson, &[("n", &lesson.lesson.to_string())]),
                                lesson.lesson_title,
                                t.duration(lesson.minutes)) }
                        </p>
                    </li>
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct OwnerStepProps {
    api: crate::api::Api,
    series_id: Uuid,
    action: LessonSeriesAction,
    label: &'static str,
    done: &'static str,
    on_changed: Callback<(LessonSeries, &'static str)>,
}

/// The writer's next step: edit the series, and submit a draft for review or take a series back
/// to work on the requested changes.
#[component]
fn OwnerStep(props: &OwnerStepProps) -> Html {
    let texts = use_texts();
    let saving = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let onclick = {
        let (api, id, action, done) =
            (props.api.clone(), props.series_id, props.action, props.done);
        let (on_changed, saving, error) = (props.on_changed.clone(), saving.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            if *saving {
                return;
            }
            saving.set(true);
            let transition = LessonSeriesTransition {
                action,
                comment: None,
            };
            let (api, on_changed, saving, error) = (
                api.clone(),
                on_changed.clone(),
                saving.clone(),
                error.clone(),
            );
            spawn_local(async move {
                let result = transition_lesson_series(&api, id, &transition).await;
                saving.set(false);
                match result {
                    Ok(series) => on_changed.emit((series, done)),
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    let navigator = yew_router::prelude::use_navigator();
    let on_edit = {
        let id = props.series_id;
        Callback::from(move |_: MouseEvent| {
            if let Some(navigator) = &navigator {
                navigator.push(&Route::EditLessonSeries { id });
            }
        })
    };
    html! {
        <section id="series-step" class="panel">
            <div class="form-actions">
                <button id={format!("series-{}", props.action.as_str())} type="button" class="button-primary"
                    disabled={*saving} {onclick}>{ props.label }</button>
                <button id="series-edit" type="button" class="button-secondary" onclick={on_edit}>
                    { texts.lesson_series().form.edit }
                </button>
            </div>
            if let Some(error) = (*error).clone() {
                <p class="message message-error" role="alert">{ texts.error(&error) }</p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CopyPanelProps {
    api: crate::api::Api,
    series_id: Uuid,
}

/// The writer copies the series for other groups: a new draft, opened at once.
#[component]
fn CopyPanel(props: &CopyPanelProps) -> Html {
    let texts = use_texts();
    let t = texts.lesson_series();
    let groups = use_state(String::new);
    let wrong = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let navigator = yew_router::prelude::use_navigator();
    let onsubmit = {
        let (api, id) = (props.api.clone(), props.series_id);
        let (groups, wrong, error) = (groups.clone(), wrong.clone(), error.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let parsed: Result<Vec<domain::lesson_series::TargetGroup>, _> = groups
                .split(',')
                .map(str::trim)
                .filter(|g| !g.is_empty())
                .map(domain::lesson_series::TargetGroup::parse)
                .collect();
            let Some(target_groups) = parsed.ok().filter(|g| !g.is_empty()) else {
                wrong.set(true);
                focus_id("copy-groups");
                return;
            };
            wrong.set(false);
            let copy = domain::contract::LessonSeriesCopy {
                school_id: None,
                target_groups: Some(target_groups),
            };
            let (api, error, navigator) = (api.clone(), error.clone(), navigator.clone());
            spawn_local(async move {
                match crate::api::lesson_series::copy_lesson_series(&api, id, &copy).await {
                    Ok(copied) => {
                        if let Some(navigator) = navigator {
                            navigator.push(&Route::LessonSeries { id: copied.id });
                        }
                    }
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    let oninput = {
        let groups = groups.clone();
        Callback::from(move |event: InputEvent| {
            groups.set(
                event
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            );
        })
    };
    let message = wrong.then(|| AttrValue::from(t.copy_wrong));
    html! {
        <section id="series-copy" class="panel" aria-labelledby="series-copy-title">
            <h2 id="series-copy-title">{ t.copy_title }</h2>
            <form id="series-copy-form" class="form" novalidate=true {onsubmit}>
                <crate::components::FormField id="copy-groups" label={t.copy_groups}
                    hint={Some(AttrValue::from(t.copy_hint))} error={message.clone()}>
                    <input id="copy-groups" type="text" value={(*groups).clone()} {oninput}
                        aria-invalid={message.is_some().then_some("true")}
                        aria-describedby={crate::components::described_by("copy-groups", true, message.is_some())} />
                </crate::components::FormField>
                if let Some(failure) = (*error).clone() {
                    <p class="message message-error" role="alert">{ texts.error(&failure) }</p>
                }
                <button id="copy-submit" type="submit" class="button-secondary">{ t.copy_submit }</button>
            </form>
        </section>
    }
}
