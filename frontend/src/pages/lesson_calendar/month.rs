//! One school's month on the Lesrooster page: per group the hours used against the limit, as
//! words and a bar, and the group's lessons.

use domain::contract::lesson_schedule::parse_month;
use domain::contract::{GroupMonth, SchoolMonth};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::lesson_calendar::school_month;
use crate::api::{Api, ApiError};
use crate::components::{ErrorMessage, Loading, NavLink};
use crate::hooks::use_texts;
use crate::i18n::{Texts, capitalised, fill};
use crate::route::Route;

/// The share of the limit from which a group's bar warns.
const WARN_PERCENT: u32 = 90;

/// How full a group's month is: the bar's width (0–100), whether it warns (at 90 % or more of the
/// limit) and how many minutes it is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    pub percent: u32,
    pub warning: bool,
    pub over: Option<u32>,
}

/// The usage of `planned` minutes against `limit`; none without a limit.
pub fn usage(planned: u32, limit: Option<u32>) -> Option<Usage> {
    let limit = limit.filter(|limit| *limit > 0)?;
    let percent = u64::from(planned) * 100 / u64::from(limit);
    Some(Usage {
        percent: percent.min(100) as u32,
        warning: percent >= u64::from(WARN_PERCENT),
        over: planned.checked_sub(limit).filter(|over| *over > 0),
    })
}

/// The id of a group's card: `group-groep-6`.
pub fn group_id(group: &str) -> String {
    format!("group-{}", group.replace(' ', "-"))
}

#[derive(Properties, PartialEq)]
pub struct MonthViewProps {
    pub api: Api,
    pub school: Uuid,
    /// `YYYY-MM`.
    pub month: String,
}

/// One school's month, loaded whenever the school or the month changes. An answer for a month
/// that is no longer chosen is dropped.
#[component]
pub fn MonthView(props: &MonthViewProps) -> Html {
    let texts = use_texts();
    let t = texts.lesson_series();
    let loaded = use_state(|| None::<Result<SchoolMonth, ApiError>>);
    let retry = use_state(|| 0_u32);
    let latest = use_mut_ref(|| 0_u64);
    {
        let (api, loaded) = (props.api.clone(), loaded.clone());
        let key = (props.school, props.month.clone(), *retry);
        use_effect_with(key, move |(school, month, _)| {
            *latest.borrow_mut() += 1;
            let mine = *latest.borrow();
            loaded.set(None);
            let (school, month) = (*school, month.clone());
            spawn_local(async move {
                let result = school_month(&api, school, &month).await;
                if *latest.borrow() == mine {
                    loaded.set(Some(result));
                }
            });
        });
    }

    match &*loaded {
        None => html! { <Loading /> },
        Some(Err(error)) => {
            let retry = retry.clone();
            let on_retry = Callback::from(move |()| retry.set(*retry + 1));
            html! { <ErrorMessage error={error.clone()} {on_retry} /> }
        }
        Some(Ok(month)) => {
            let policy = match (&month.policy, month.limit_minutes) {
                (Some(policy), Some(limit)) => fill(
                    t.policy_limit,
                    &[("policy", policy), ("limit", &t.duration(limit))],
                ),
                _ => t.no_policy.to_owned(),
            };
            let groups = if month.groups.is_empty() {
                let name = parse_month(&month.month)
                    .map(|m| t.month_name(m))
                    .unwrap_or_else(|| month.month.clone());
                html! {
                    <p id="calendar-empty" class="message message-info">
                        { fill(t.calendar_empty, &[("month", &name)]) }
                    </p>
                }
            } else {
                html! {
                    <ul id="calendar-groups" class="cards calendar-groups">
                        { for month.groups.iter().map(|group| group_card(texts, group)) }
                    </ul>
                }
            };
            html! {
                <div id="calendar-month-view" data-month={month.month.clone()}>
                    <p id="calendar-school-name" class="calendar-school">{ month.school_name.clone() }</p>
                    <p id="calendar-policy" class="calendar-policy muted">{ policy }</p>
                    { groups }
                </div>
            }
        }
    }
}

/// A group's month: its hours against the limit, as words and a bar, then its lessons.
fn group_card(texts: &'static Texts, group: &GroupMonth) -> Html {
    let t = texts.lesson_series();
    let label = group.group.to_string();
    let usage = usage(group.planned_minutes, group.limit_minutes);
    let bar = usage.map(|usage| {
        html! {
            <div class={classes!("hours-bar", usage.warning.then_some("hours-bar-warning"))} aria-hidden="true">
                <span style={format!("width: {}%", usage.percent)}></span>
            </div>
        }
    });
    let over = usage.and_then(|u| u.over).map(|over| {
        html! { <p class="over-limit">{ fill(t.over_limit, &[("over", &t.duration(over))]) }</p> }
    });
    html! {
        <li key={label.clone()} id={group_id(&label)} data-group={label.clone()}
            class={classes!("card", "calendar-group", usage.is_some_and(|u| u.warning).then_some("calendar-group-warning"))}>
            <div class="card-head">
                <h3>{ capitalised(&label) }</h3>
                <span class="group-hours">{ t.hours_used(group.planned_minutes, group.limit_minutes) }</span>
            </div>
            { bar.unwrap_or_default() }
            { over.unwrap_or_default() }
            <ul class="dated-lessons">
                { for group.lessons.iter().map(|lesson| html! {
                    <li class="dated-lesson" data-date={lesson.date.to_string()}>
                        <p class="dated-lesson-when">
                            <strong>{ texts.dates.day(lesson.date) }</strong>
                            { " " }
                            <span class="nowrap">
                                { format!("{} · {}", lesson.starts_at.format("%H:%M"), t.duration(lesson.minutes)) }
                            </span>
                        </p>
                        <p>
                            <NavLink to={Route::LessonSeries { id: lesson.series_id }} current={false}>
                                { lesson.series_title.clone() }
                            </NavLink>
                            { format!(" · {}: {}", fill(t.lesson, &[("n", &lesson.lesson.to_string())]), lesson.lesson_title) }
                        </p>
                        <p class="muted">{ fill(t.by, &[("name", &lesson.ambassador_name)]) }</p>
                    </li>
                }) }
            </ul>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_warns_from_ninety_percent_and_says_what_is_over() {
        let limit = Some(22 * 60);
        assert_eq!(
            usage(120, limit),
            Some(Usage {
                percent: 9,
                warning: false,
                over: None
            })
        );
        let near = usage(20 * 60, limit).unwrap_or_else(|| panic!("a limit"));
        assert!(near.warning && near.over.is_none(), "{near:?}");
        let over = usage(23 * 60, limit).unwrap_or_else(|| panic!("a limit"));
        assert_eq!(
            (over.percent, over.warning, over.over),
            (100, true, Some(60))
        );
        assert_eq!(usage(120, None), None);
    }

    #[test]
    fn a_groups_card_is_found_by_its_label() {
        assert_eq!(group_id("groep 6"), "group-groep-6");
        assert_eq!(group_id("leerjaar 2"), "group-leerjaar-2");
    }
}
