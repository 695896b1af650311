//! Plan an approved series for a group: one date per lesson, chosen from the ambassador's school
//! days in the placement's period from today on, outside the region's holidays (the same
//! calendar the server checks with), and a start time. A refusal by the 22-hour rule or an
//! excluded subject is said in Dutch with its facts.

use chrono::{NaiveDate, NaiveTime};
use domain::contract::{HolidayItem, LessonDateInput, LessonSeries, MyPlacement, ScheduleInput};
use domain::holidays::{Calendar, Holiday};
use domain::hours_policy::HoursPolicyError;
use domain::lesson_series::TargetGroup;
use domain::match_lifecycle::MatchStatus;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::api::lesson_series::schedule_lesson_series;
use crate::api::mine::{holidays, my_placements};
use crate::api::{Api, ApiError};
use crate::hooks::{focus_id, use_texts};
use crate::i18n::{Texts, fill};
use crate::pages::mine::{Loaded, use_load};

/// The dates a lesson of the series can be given on: the placement's school days from `today`
/// to the end of its period, outside the region's holidays.
pub fn offered_dates(
    place: &MyPlacement,
    holidays: &[HolidayItem],
    today: NaiveDate,
) -> Vec<NaiveDate> {
    let p = &place.placement;
    let calendar = Calendar::new(
        holidays
            .iter()
            .filter(|h| h.region == p.region)
            .map(|h| Holiday {
                region: h.region,
                name: h.name.clone(),
                first_day: h.first_day,
                last_day: h.last_day,
                binding: h.binding,
            })
            .collect(),
    )
    .unwrap_or_default();
    calendar
        .lesson_dates(p.region, p.weekday, p.period)
        .into_iter()
        .filter(|d| *d >= today)
        .collect()
}

/// The refusal in words: the 22-hour rule or an excluded subject with its facts, else the
/// general message of the code.
pub fn refusal(texts: &'static Texts, error: &ApiError) -> String {
    let t = texts.lesson_series();
    match error.details().and_then(|d| d.hours_policy.as_ref()) {
        Some(HoursPolicyError::MonthlyLimitExceeded {
            group,
            year,
            month,
            planned_minutes,
            limit_minutes,
            ..
        }) => fill(
            t.err_over_limit,
            &[
                ("group", group),
                (
                    "month",
                    &t.month_name(NaiveDate::from_ymd_opt(*year, *month, 1).unwrap_or_default()),
                ),
                ("planned", &t.duration(*planned_minutes)),
                ("limit", &t.duration(*limit_minutes)),
            ],
        ),
        Some(HoursPolicyError::ExcludedDomain {
            group,
            date,
            domain,
            ..
        }) => fill(
            t.err_excluded_domain,
            &[
                ("group", group),
                ("date", &texts.dates.day(*date)),
                ("domain", domain.name()),
            ],
        ),
        None => match error.code() {
            Some("invalid_input") => t.err_schedule_dates.to_owned(),
            Some("not_placed") => t.schedule_not_placed.to_owned(),
            _ => texts.error(error).to_owned(),
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct SchedulePanelProps {
    pub api: Api,
    pub series: LessonSeries,
    /// The series after planning, and what to say about it.
    pub on_changed: Callback<(LessonSeries, &'static str)>,
}

#[component]
pub fn SchedulePanel(props: &SchedulePanelProps) -> Html {
    let texts = use_texts();
    let t = texts.lesson_series();
    let load = use_load(props.api.clone(), |api: Api| async move {
        let mine = my_placements(&api).await?;
        let holidays = holidays(&api).await?;
        Ok((mine, holidays))
    });
    let series = &props.series;
    let groups = series.content.target_groups.clone();
    let lessons = series.content.lessons.len();
    let group = use_state(|| groups.first().cloned());
    let dates = use_state(|| vec![None::<NaiveDate>; lessons]);
    let times = use_state(|| vec![None::<NaiveTime>; lessons]);
    let saving = use_state(|| false);
    let problem = use_state(|| None::<String>);

    let Loaded::Ready((mine, holiday_items)) = load.state else {
        return html! {};
    };
    let place = mine.places.iter().find(|p| {
        p.placement.school_id == series.content.school_id
            && matches!(
                p.match_.status,
                MatchStatus::Confirmed | MatchStatus::Active
            )
    });
    let Some(place) = place.cloned() else {
        return html! {
            <section id="series-plan" class="panel" aria-labelledby="series-plan-title">
                <h2 id="series-plan-title">{ t.plan_title }</h2>
                <p class="muted">{ t.schedule_not_placed }</p>
            </section>
        };
    };
    let offered = offered_dates(&place, &holiday_items, mine.today);
    // The defaults: successive school days, at the start of the school day.
    let date_of = |i: usize| dates.get(i).copied().flatten().or(offered.get(i).copied());
    let time_of = |i: usize| {
        times
            .get(i)
            .copied()
            .flatten()
            .unwrap_or(place.placement.starts_at)
    };

    let onsubmit = {
        let (api, id, on_changed) = (props.api.clone(), series.id, props.on_changed.clone());
        let (saving, problem, group) = (saving.clone(), problem.clone(), group.clone());
        let chosen: Vec<LessonDateInput> = (0..lessons)
            .filter_map(|i| {
                date_of(i).map(|date| LessonDateInput {
                    lesson: i as u32 + 1,
                    date,
                    starts_at: time_of(i),
                })
            })
            .collect();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *saving {
                return;
            }
            let Some(group) = *group else {
                return;
            };
            if chosen.len() < lessons {
                problem.set(Some(t.err_schedule_dates.to_owned()));
                focus_id("series-plan-error");
                return;
            }
            let input = ScheduleInput {
                group,
                lessons: chosen.clone(),
            };
            saving.set(true);
            problem.set(None);
            let (api, on_changed, saving, problem) = (
                api.clone(),
                on_changed.clone(),
                saving.clone(),
                problem.clone(),
            );
            spawn_local(async move {
                let result = schedule_lesson_series(&api, id, &input).await;
                saving.set(false);
                match result {
                    Ok(series) => on_changed.emit((series, t.scheduled_done)),
                    Err(error) => {
                        problem.set(Some(refusal(texts, &error)));
                        focus_id("series-plan-error");
                    }
                }
            });
        })
    };

    let on_group = {
        let group = group.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            group.set(TargetGroup::parse(&value).ok());
        })
    };
    let rows = (0..lessons).map(|i| {
        let n = i + 1;
        let (date_id, time_id) = (format!("plan-date-{n}"), format!("plan-time-{n}"));
        let chosen = date_of(i);
        let on_date = {
            let dates = dates.clone();
            Callback::from(move |event: Event| {
                let value = event.target_unchecked_into::<HtmlSelectElement>().value();
                let mut next = (*dates).clone();
                next[i] = value.parse().ok();
                dates.set(next);
            })
        };
        let on_time = {
            let times = times.clone();
            Callback::from(move |event: Event| {
                let value = event.target_unchecked_into::<HtmlInputElement>().value();
                let mut next = (*times).clone();
                next[i] = NaiveTime::parse_from_str(&value, "%H:%M").ok();
                times.set(next);
            })
        };
        let title = &series.content.lessons[i].title;
        html! {
            <fieldset class="plan-lesson" key={n}>
                <legend>{ format!("{}: {title}", fill(t.lesson, &[("n", &n.to_string())])) }</legend>
                <div class="field">
                    <label for={date_id.clone()}>{ t.plan_date }</label>
                    <select id={date_id} onchange={on_date}>
                        { for offered.iter().map(|d| html! {
                            <option value={d.to_string()} selected={chosen == Some(*d)}>{ texts.dates.day(*d) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for={time_id.clone()}>{ t.plan_time }</label>
                    <input id={time_id} type="time" value={time_of(i).format("%H:%M").to_string()} onchange={on_time} />
                </div>
            </fieldset>
        }
    });

    html! {
        <section id="series-plan" class="panel" aria-labelledby="series-plan-title">
            <h2 id="series-plan-title">{ t.plan_title }</h2>
            <p class="field-hint">{ fill(t.plan_intro, &[("day", &texts.placements().weekday(place.placement.weekday).to_lowercase())]) }</p>
            <form id="series-plan-form" class="form" novalidate=true {onsubmit}>
                <div class="field">
                    <label for="plan-group">{ t.plan_group }</label>
                    <select id="plan-group" onchange={on_group}>
                        { for groups.iter().map(|g| html! {
                            <option value={g.to_string()} selected={group.as_ref() == Some(g)}>{ g.to_string() }</option>
                        }) }
                    </select>
                </div>
                { for rows }
                if let Some(message) = (*problem).clone() {
                    <p id="series-plan-error" class="message message-error" role="alert" tabindex="-1">{ message }</p>
                }
                <button id="series-plan-submit" type="submit" class="button-primary" disabled={*saving}>{ t.plan_submit }</button>
            </form>
        </section>
    }
}
