//! Mijn uren: log a school day in a few taps (the day, the minutes and the activity are filled
//! in from the placement), the month's entries with their status, changing or withdrawing one
//! while it waits, and the month's total against what the placement expects.

use chrono::{Datelike, Months, NaiveDate};
use domain::contract::{HolidayItem, HourEntry, HourEntryInput, MyPlacement};
use domain::hours::{HourActivity, HourStatus};
use domain::placement::PlacementKind;
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::{Load, Loaded, default_day, school_days_in_month, use_load, working};
use crate::api::mine::{
    change_hours, holidays, log_hours, my_hours, my_placements, withdraw_hours,
};
use crate::api::{Api, ApiError};
use crate::app::Session;
use crate::components::{ErrorMessage, Loading, described_by};
use crate::format::today;
use crate::hooks::{focus_id, use_texts, use_title};
use crate::i18n::{Texts, capitalised, fill, is_about_field};

#[derive(Debug, Clone, PartialEq)]
struct Places {
    working: Vec<MyPlacement>,
    holidays: Vec<HolidayItem>,
    /// The programme's today.
    today: NaiveDate,
}

async fn load_places(api: Api) -> Result<Places, ApiError> {
    let mine = my_placements(&api).await?;
    let holidays = holidays(&api).await?;
    Ok(Places {
        working: working(&mine.places),
        holidays,
        today: mine.today,
    })
}

fn month_key(first: NaiveDate) -> String {
    format!("{:04}-{:02}", first.year(), first.month())
}

fn first_of(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

const ACTIVITIES: [HourActivity; 3] = [
    HourActivity::Class,
    HourActivity::SchoolTask,
    HourActivity::Lesson,
];

fn default_activity(kind: PlacementKind) -> HourActivity {
    match kind {
        PlacementKind::Class => HourActivity::Class,
        PlacementKind::SchoolTask => HourActivity::SchoolTask,
        PlacementKind::Thematic => HourActivity::Lesson,
    }
}

#[derive(Properties, PartialEq)]
pub struct MyHoursProps {
    pub session: Session,
}

#[component]
pub fn MyHoursPage(props: &MyHoursProps) -> Html {
    let texts = use_texts();
    let t = texts.mine();
    use_title(t.menu_hours);
    let api = props.session.api.clone();
    let places = use_load(api.clone(), load_places);
    // The month shown: the programme's current one until the person picks another.
    let picked = use_state(|| None::<NaiveDate>);
    let month = match (&*picked, &places.state) {
        (Some(month), _) => Some(*month),
        (None, Loaded::Ready(places)) => Some(first_of(places.today)),
        (None, _) => None,
    };
    let entries = {
        let api = api.clone();
        use_load(month.map(month_key), move |key: Option<String>| {
            let api = api.clone();
            async move {
                match key {
                    Some(key) => my_hours(&api, &key).await,
                    None => Ok(Vec::new()),
                }
            }
        })
    };
    let month = month.unwrap_or_else(|| first_of(today()));
    let notice = use_state(|| None::<String>);
    let on_changed = {
        let (notice, reload, picked) = (notice.clone(), entries.reload.clone(), picked.clone());
        Callback::from(move |(message, date): (String, Option<NaiveDate>)| {
            notice.set(Some(message));
            match date.map(first_of) {
                Some(first) if first != month => picked.set(Some(first)),
                _ => reload.emit(()),
            }
            focus_id("hours-notice");
        })
    };
    let step = |forward: bool| {
        let picked = picked.clone();
        Callback::from(move |_: MouseEvent| {
            let next = if forward {
                month.checked_add_months(Months::new(1))
            } else {
                month.checked_sub_months(Months::new(1))
            };
            if let Some(next) = next {
                picked.set(Some(next));
            }
        })
    };

    let Load { state, reload } = places;
    let body = match state {
        Loaded::Loading => html! { <Loading /> },
        Loaded::Failed(error) => html! { <ErrorMessage {error} on_retry={reload} /> },
        Loaded::Ready(places) if places.working.is_empty() => {
            html! { <p class="message message-info">{ t.no_hours_place }</p> }
        }
        Loaded::Ready(places) => {
            let list = match entries.state.clone() {
                Loaded::Loading => html! { <Loading /> },
                Loaded::Failed(error) => {
                    html! { <ErrorMessage {error} on_retry={entries.reload.clone()} /> }
                }
                Loaded::Ready(list) => {
                    let total = month_total(texts, &places, month, &list);
                    html! {
                        <>
                            <p id="hours-total" class="mine-total">{ total }</p>
                            if list.is_empty() {
                                <p class="empty">{ t.no_entries }</p>
                            } else {
                                <ul class="cards" id="hour-entries">
                                    { for list.iter().rev().map(|entry| html! {
                                        <EntryCard key={entry.id.to_string()} api={api.clone()} entry={entry.clone()}
                                            on_changed={on_changed.clone()} />
                                    }) }
                                </ul>
                            }
                        </>
                    }
                }
            };
            html! {
                <>
                    <LogForm api={api.clone()} places={places.working.clone()} today={places.today} on_logged={on_changed.clone()} />
                    <section id="my-entries" class="mine-section" aria-labelledby="my-entries-title">
                        <h2 id="my-entries-title">{ t.entries }</h2>
                        <div class="month-nav">
                            <button type="button" id="hours-prev" class="button-secondary" onclick={step(false)}
                                aria-label={t.previous_month}>{ "‹" }</button>
                            <h3 id="hours-month" class="calendar-month">{ capitalised(&texts.lesson_series().month_name(month)) }</h3>
                            <button type="button" id="hours-next" class="button-secondary" onclick={step(true)}
                                aria-label={t.next_month}>{ "›" }</button>
                        </div>
                        { list }
                    </section>
                </>
            }
        }
    };
    html! {
        <section id="my-hours" class="page mine" aria-labelledby="page-title">
            <h1 id="page-title">{ t.menu_hours }</h1>
            <p class="lead">{ t.hours_intro }</p>
            <p id="hours-notice" class={classes!("status-line", notice.is_some().then_some("message message-success"))} role="status" tabindex="-1">
                { (*notice).clone().unwrap_or_default() }
            </p>
            { body }
        </section>
    }
}

/// "Deze maand: 12 uur van de 30 uur die je plek verwacht": what counts (not rejected) against
/// the placements' school days of the month times their day.
fn month_total(texts: &Texts, places: &Places, month: NaiveDate, entries: &[HourEntry]) -> String {
    let done: u32 = entries
        .iter()
        .filter(|e| e.status != HourStatus::Rejected)
        .map(|e| e.minutes)
        .sum();
    let expected: u32 = places
        .working
        .iter()
        .map(|place| {
            let p = &place.placement;
            let holidays: Vec<_> = places
                .holidays
                .iter()
                .filter(|h| h.region == p.region)
                .map(|h| (h.first_day, h.last_day))
                .collect();
            let days = school_days_in_month(
                month,
                p.weekday,
                (p.period.starts_on, p.period.ends_on),
                &holidays,
            );
            days * u32::try_from(p.minutes).unwrap_or(0)
        })
        .sum();
    fill(
        texts.mine().month_total,
        &[
            ("done", &texts.lesson_series().duration(done)),
            ("expected", &texts.lesson_series().duration(expected)),
        ],
    )
}

#[derive(Properties, PartialEq)]
struct LogFormProps {
    api: Api,
    places: Vec<MyPlacement>,
    /// The programme's today.
    today: NaiveDate,
    on_logged: Callback<(String, Option<NaiveDate>)>,
}

/// The form that logs a day: everything filled in, so one tap on "Registreren" logs the usual
/// school day.
#[component]
fn LogForm(props: &LogFormProps) -> Html {
    let texts = use_texts();
    let t = texts.mine();
    let chosen = use_state(|| 0usize);
    let place = props.places.get(*chosen).or(props.places.first()).cloned();
    let today = props.today;
    let defaults = move |place: &MyPlacement| {
        let p = &place.placement;
        (
            default_day(today, p.weekday, p.period.ends_on).to_string(),
            p.minutes.to_string(),
            default_activity(p.kind),
        )
    };
    let initial = place.as_ref().map(defaults);
    let date = use_state(|| initial.as_ref().map(|d| d.0.clone()).unwrap_or_default());
    let minutes = use_state(|| initial.as_ref().map(|d| d.1.clone()).unwrap_or_default());
    let activity = use_state(|| initial.as_ref().map_or(HourActivity::Class, |d| d.2));
    let note = use_state(String::new);
    let date_reason = use_state(|| None::<String>);
    let saving = use_state(|| false);
    let error = use_state(|| None::<ApiError>);

    let Some(place) = place else {
        return html! {};
    };
    let on_place = {
        let (chosen, places) = (chosen.clone(), props.places.clone());
        let (date, minutes, activity) = (date.clone(), minutes.clone(), activity.clone());
        Callback::from(move |event: Event| {
            let index: usize = event
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse()
                .unwrap_or(0);
            if let Some(place) = places.get(index) {
                let (d, m, a) = defaults(place);
                date.set(d);
                minutes.set(m);
                activity.set(a);
            }
            chosen.set(index);
        })
    };
    let on_submit = {
        let (api, on_logged) = (props.api.clone(), props.on_logged.clone());
        let placement_id = place.placement.id;
        let (date, minutes, activity, note, date_reason) = (
            date.clone(),
            minutes.clone(),
            activity.clone(),
            note.clone(),
            date_reason.clone(),
        );
        let (saving, error) = (saving.clone(), error.clone());
        let t = texts.mine();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *saving {
                return;
            }
            let day = date.parse::<NaiveDate>().ok();
            let input = HourEntryInput {
                placement_id,
                ambassador_id: None,
                date: day.unwrap_or_default(),
                minutes: minutes.trim().parse().unwrap_or(0),
                activity: *activity,
                kind: None,
                kind_reason: None,
                note: note.trim().to_owned(),
                date_reason: (*date_reason)
                    .clone()
                    .map(|r| r.trim().to_owned())
                    .filter(|r| !r.is_empty()),
            };
            saving.set(true);
            error.set(None);
            let (api, on_logged, saving, error, date_reason, note) = (
                api.clone(),
                on_logged.clone(),
                saving.clone(),
                error.clone(),
                date_reason.clone(),
                note.clone(),
            );
            spawn_local(async move {
                let result = log_hours(&api, &input).await;
                saving.set(false);
                match result {
                    Ok(entry) => {
                        date_reason.set(None);
                        note.set(String::new());
                        on_logged.emit((
                            fill(t.logged, &[("day", &texts.dates.day(entry.date))]),
                            Some(entry.date),
                        ));
                    }
                    Err(failure) => {
                        if is_about_field(&failure, "date_reason") && date_reason.is_none() {
                            date_reason.set(Some(String::new()));
                            focus_id("log-date-reason");
                        }
                        error.set(Some(failure));
                    }
                }
            });
        })
    };
    let field_error = |field: &str| -> Option<String> {
        match &*error {
            Some(ApiError::Problem(problem)) if problem.status == 422 => {
                problem.errors.iter().find(|e| e.field == field).map(|_| {
                    texts
                        .error(error.as_ref().unwrap_or(&ApiError::Unexpected))
                        .to_owned()
                })
            }
            _ => None,
        }
    };
    let general = match &*error {
        Some(failure) if failure.code() == Some("month_paid") => Some(t.err_month_paid.to_owned()),
        Some(failure) if is_about_field(failure, "date_reason") => None,
        Some(failure) => Some(texts.error(failure).to_owned()),
        None => None,
    };
    let date_error = field_error("date");
    let minutes_error = field_error("minutes");
    html! {
        <section id="log-day" class="mine-section card" aria-labelledby="log-title">
            <h2 id="log-title">{ t.log_title }</h2>
            <form id="log-form" class="mine-form" novalidate=true onsubmit={on_submit}>
                if props.places.len() > 1 {
                    <div class="field">
                        <label for="log-placement">{ t.placement }</label>
                        <select id="log-placement" onchange={on_place}>
                            { for props.places.iter().enumerate().map(|(i, p)| html! {
                                <option value={i.to_string()} selected={i == *chosen}>{ p.placement.school_name.clone() }</option>
                            }) }
                        </select>
                    </div>
                }
                <div class="field-row">
                    <div class={classes!("field", date_error.is_some().then_some("field-invalid"))}>
                        <label for="log-date">{ t.date }</label>
                        <input id="log-date" type="date" value={(*date).clone()} max={today.to_string()}
                            aria-describedby={described_by("log-date", false, date_error.is_some())}
                            oninput={let date = date.clone(); move |e: InputEvent| date.set(e.target_unchecked_into::<HtmlInputElement>().value())} />
                        if let Some(message) = date_error {
                            <p id="log-date-error" class="field-error">{ message }</p>
                        }
                    </div>
                    <div class={classes!("field", minutes_error.is_some().then_some("field-invalid"))}>
                        <label for="log-minutes">{ t.minutes }</label>
                        <input id="log-minutes" type="number" inputmode="numeric" min="15" max="600" step="15"
                            value={(*minutes).clone()}
                            aria-describedby={described_by("log-minutes", true, minutes_error.is_some())}
                            oninput={let minutes = minutes.clone(); move |e: InputEvent| minutes.set(e.target_unchecked_into::<HtmlInputElement>().value())} />
                        <p id="log-minutes-hint" class="field-hint">{ t.minutes_hint }</p>
                        if let Some(message) = minutes_error {
                            <p id="log-minutes-error" class="field-error">{ message }</p>
                        }
                    </div>
                </div>
                <div class="field">
                    <label for="log-activity">{ t.activity }</label>
                    <select id="log-activity" onchange={let activity = activity.clone(); move |e: Event| {
                        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                        if let Some(a) = ACTIVITIES.iter().find(|a| a.as_str() == value) { activity.set(*a); }
                    }}>
                        { for ACTIVITIES.iter().map(|a| html! {
                            <option value={a.as_str()} selected={*a == *activity}>{ capitalised(texts.hours().activity(*a)) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="log-note">{ t.note }</label>
                    <input id="log-note" type="text" maxlength="500" value={(*note).clone()}
                        oninput={let note = note.clone(); move |e: InputEvent| note.set(e.target_unchecked_into::<HtmlInputElement>().value())} />
                </div>
                if let Some(reason) = (*date_reason).clone() {
                    <div class="field field-invalid">
                        <label for="log-date-reason">{ t.date_reason }</label>
                        <textarea id="log-date-reason" rows="2" maxlength="500" value={reason}
                            aria-describedby="log-date-reason-hint"
                            oninput={let date_reason = date_reason.clone(); move |e: InputEvent| date_reason.set(Some(e.target_unchecked_into::<HtmlTextAreaElement>().value()))} />
                        <p id="log-date-reason-hint" class="field-hint">{ t.date_reason_hint }</p>
                    </div>
                }
                if let Some(message) = general {
                    <p class="message message-error" role="alert">{ message }</p>
                }
                <button type="submit" id="log-submit" class="button-primary button-wide" disabled={*saving}>{ t.log_submit }</button>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct EntryCardProps {
    api: Api,
    entry: HourEntry,
    on_changed: Callback<(String, Option<NaiveDate>)>,
}

/// One entry: its day, length, activity and status; while it waits, change or withdraw it.
#[component]
fn EntryCard(props: &EntryCardProps) -> Html {
    let texts = use_texts();
    let t = texts.mine();
    let entry = &props.entry;
    let id = format!("hour-{}", entry.id);
    let editing = use_state(|| false);
    let date = use_state(|| entry.date.to_string());
    let minutes = use_state(|| entry.minutes.to_string());
    let saving = use_state(|| false);
    let error = use_state(|| None::<ApiError>);

    let status = match entry.status {
        HourStatus::Submitted => t.status_waiting,
        HourStatus::Approved => t.status_approved,
        HourStatus::Rejected => t.status_rejected,
        HourStatus::Locked => t.status_locked,
    };
    let run = {
        let (api, on_changed, saving, error) = (
            props.api.clone(),
            props.on_changed.clone(),
            saving.clone(),
            error.clone(),
        );
        let entry = entry.clone();
        let (date, minutes, editing) = (date.clone(), minutes.clone(), editing.clone());
        Callback::from(move |withdraw: bool| {
            if *saving {
                return;
            }
            saving.set(true);
            error.set(None);
            let (api, on_changed, saving, error, editing) = (
                api.clone(),
                on_changed.clone(),
                saving.clone(),
                error.clone(),
                editing.clone(),
            );
            let id: Uuid = entry.id;
            let input = HourEntryInput {
                placement_id: entry.placement_id,
                ambassador_id: None,
                date: date.parse().unwrap_or(entry.date),
                minutes: minutes.trim().parse().unwrap_or(0),
                activity: entry.activity,
                kind: None,
                kind_reason: None,
                note: entry.note.clone(),
                date_reason: entry.date_reason.clone(),
            };
            spawn_local(async move {
                let result = if withdraw {
                    withdraw_hours(&api, id)
                        .await
                        .map(|()| (texts.mine().withdrawn.to_owned(), None))
                } else {
                    change_hours(&api, id, &input)
                        .await
                        .map(|changed| (texts.mine().changed.to_owned(), Some(changed.date)))
                };
                saving.set(false);
                match result {
                    Ok(done) => {
                        editing.set(false);
                        on_changed.emit(done);
                    }
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    let on_withdraw = {
        let run = run.clone();
        Callback::from(move |_: MouseEvent| run.emit(true))
    };
    let on_save = {
        let run = run.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            run.emit(false);
        })
    };
    let on_edit = {
        let editing = editing.clone();
        let field = format!("{id}-minutes");
        Callback::from(move |_: MouseEvent| {
            editing.set(true);
            let field = field.clone();
            spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(
                    &wasm_bindgen::JsValue::NULL,
                ))
                .await;
                focus_id(&field);
            });
        })
    };
    let on_cancel = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(false))
    };
    html! {
        <li class="card mine-card hour-card" id={id.clone()}>
            <h3 class="card-title">{ capitalised(&texts.dates.day(entry.date)) }</h3>
            <p class={classes!("hour-status", format!("status-{}", entry.status.as_str()))} id={format!("{id}-status")}>
                { status }
            </p>
            <dl class="facts">
                <div class="fact"><dt>{ t.minutes }</dt><dd>{ texts.lesson_series().duration(entry.minutes) }</dd></div>
                <div class="fact"><dt>{ t.activity }</dt><dd>{ capitalised(texts.hours().activity(entry.activity)) }</dd></div>
                <div class="fact"><dt>{ t.school }</dt><dd>{ entry.school_name.clone() }</dd></div>
                if let Some(reason) = &entry.decision_reason {
                    <div class="fact"><dt>{ texts.hours().reason_label(entry.status) }</dt>
                        <dd id={format!("{id}-reason")}>{ reason.clone() }</dd></div>
                }
            </dl>
            if let Some(failure) = (*error).clone() {
                <p class="message message-error" role="alert">{
                    if failure.code() == Some("month_paid") { t.err_month_paid } else { texts.error(&failure) }
                }</p>
            }
            if entry.status == HourStatus::Submitted {
                if *editing {
                    <form class="mine-form" novalidate=true onsubmit={on_save}>
                        <div class="field-row">
                            <div class="field">
                                <label for={format!("{id}-date")}>{ t.date }</label>
                                <input id={format!("{id}-date")} type="date" value={(*date).clone()}
                                    oninput={let date = date.clone(); move |e: InputEvent| date.set(e.target_unchecked_into::<HtmlInputElement>().value())} />
                            </div>
                            <div class="field">
                                <label for={format!("{id}-minutes")}>{ t.minutes }</label>
                                <input id={format!("{id}-minutes")} type="number" inputmode="numeric" min="15" max="600" step="15"
                                    value={(*minutes).clone()}
                                    oninput={let minutes = minutes.clone(); move |e: InputEvent| minutes.set(e.target_unchecked_into::<HtmlInputElement>().value())} />
                            </div>
                        </div>
                        <div class="actions">
                            <button type="submit" id={format!("{id}-save")} class="button-primary" disabled={*saving}>{ t.save }</button>
                            <button type="button" class="button-secondary" onclick={on_cancel}>{ t.cancel }</button>
                        </div>
                    </form>
                } else {
                    <div class="actions">
                        <button type="button" id={format!("{id}-change")} class="button-secondary" onclick={on_edit}>{ t.change }</button>
                        <button type="button" id={format!("{id}-withdraw")} class="button-danger" disabled={*saving} onclick={on_withdraw}>{ t.withdraw }</button>
                    </div>
                }
            }
        </li>
    }
}
