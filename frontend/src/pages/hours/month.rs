//! One school's month on the Uren page: what waits, the approved time by kind, approving
//! everything that waits at once, and the entries by date.

use domain::contract::lesson_schedule::parse_month;
use domain::contract::{HourEntry, HourMonth};
use domain::hours::HourAction;
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::entry::HourEntryCard;
use crate::api::hours::{approve_hour_month, hour_month};
use crate::api::{Api, ApiError};
use crate::components::{ErrorMessage, Loading, StatusMessage};
use crate::hooks::{focus_id, use_texts};
use crate::i18n::fill;

/// Whether the month shows the "Maand compleet" badge: every entry decided. A month without
/// entries is complete to the server too, but there is nothing to call complete.
pub fn shows_complete(month: &HourMonth) -> bool {
    month.complete && !month.entries.is_empty()
}

/// `month` with `entry` in place of the entry with its id, so a decision shows at once, before
/// the month (and its totals) is loaded again.
pub fn with_entry(month: &HourMonth, entry: &HourEntry) -> HourMonth {
    let mut month = month.clone();
    if let Some(shown) = month.entries.iter_mut().find(|e| e.id == entry.id) {
        *shown = entry.clone();
    }
    month
}

#[derive(Properties, PartialEq)]
pub struct HourMonthViewProps {
    pub api: Api,
    pub school: Uuid,
    /// The school's name, when known.
    pub school_name: Option<String>,
    /// `YYYY-MM`.
    pub month: String,
}

/// A school's month, loaded whenever the school or the month changes, and again after every
/// decision. An answer for a month that is no longer chosen, or older than a newer request, is
/// dropped.
#[component]
pub fn HourMonthView(props: &HourMonthViewProps) -> Html {
    let texts = use_texts();
    let t = texts.hours();
    let loaded = use_state(|| None::<Result<HourMonth, ApiError>>);
    let reload = use_state(|| 0_u32);
    let latest = use_mut_ref(|| 0_u64);
    // The school and month on screen: loading it again keeps it there until the answer comes.
    let shown = use_mut_ref(|| None::<(Uuid, String)>);
    let message = use_state(|| None::<String>);
    let failure = use_state(|| None::<ApiError>);
    let approving = use_state(|| false);
    {
        let (api, loaded, latest) = (props.api.clone(), loaded.clone(), latest.clone());
        let (message, failure) = (message.clone(), failure.clone());
        let key = (props.school, props.month.clone(), *reload);
        use_effect_with(key, move |(school, month, _)| {
            *latest.borrow_mut() += 1;
            let mine = *latest.borrow();
            let same = shown.borrow().as_ref() == Some(&(*school, month.clone()));
            if !same || matches!(*loaded, Some(Err(_))) {
                loaded.set(None);
            }
            if !same {
                message.set(None);
                failure.set(None);
            }
            *shown.borrow_mut() = Some((*school, month.clone()));
            let (school, month) = (*school, month.clone());
            spawn_local(async move {
                let result = hour_month(&api, school, &month).await;
                if *latest.borrow() == mine {
                    loaded.set(Some(result));
                }
            });
        });
    }
    let load_again = {
        let reload = reload.clone();
        Callback::from(move |()| reload.set(*reload + 1))
    };

    let on_approve_month = {
        let (api, school, month) = (props.api.clone(), props.school, props.month.clone());
        let (loaded, latest, load_again) = (loaded.clone(), latest.clone(), load_again.clone());
        let (message, failure, approving) = (message.clone(), failure.clone(), approving.clone());
        Callback::from(move |_: MouseEvent| {
            if *approving {
                return;
            }
            approving.set(true);
            failure.set(None);
            // What is under way is out of date once this answers with the month afterwards.
            *latest.borrow_mut() += 1;
            let mine = *latest.borrow();
            let (api, month, loaded, latest, load_again) = (
                api.clone(),
                month.clone(),
                loaded.clone(),
                latest.clone(),
                load_again.clone(),
            );
            let (message, failure, approving) =
                (message.clone(), failure.clone(), approving.clone());
            spawn_local(async move {
                let result = approve_hour_month(&api, school, &month).await;
                approving.set(false);
                if *latest.borrow() != mine {
                    return;
                }
                match result {
                    Ok(bulk) => {
                        loaded.set(Some(Ok(bulk.month)));
                        message.set(Some(t.month_approved(bulk.approved)));
                        focus_id("hours-message");
                    }
                    // Announced where it is shown; the keyboard stays on the button.
                    Err(error) => {
                        failure.set(Some(error));
                        load_again.emit(());
                    }
                }
            });
        })
    };
    let on_decided = {
        let (loaded, message, failure, load_again) = (
            loaded.clone(),
            message.clone(),
            failure.clone(),
            load_again.clone(),
        );
        Callback::from(move |(entry, action): (HourEntry, HourAction)| {
            if let Some(Ok(month)) = &*loaded {
                loaded.set(Some(Ok(with_entry(month, &entry))));
            }
            failure.set(None);
            message.set(Some(t.done(action, &texts.dates.day(entry.date))));
            focus_id(&format!("hour-{}", entry.id));
            load_again.emit(());
        })
    };

    let month = match &*loaded {
        None => return html! { <Loading /> },
        Some(Err(error)) => {
            return html! { <ErrorMessage error={error.clone()} on_retry={load_again.clone()} /> };
        }
        Some(Ok(month)) => month,
    };

    let complete = shows_complete(month).then(|| {
        html! { <span id="hours-complete" class="status status-hour-complete">{ t.complete }</span> }
    });
    let error = failure.as_ref().map(|error| {
        html! {
            <p id="hours-error" class="message message-error" role="alert">
                { t.error(texts, error) }
            </p>
        }
    });
    let entries = if month.entries.is_empty() {
        let name = parse_month(&month.month)
            .map(|m| texts.lesson_series().month_name(m))
            .unwrap_or_else(|| month.month.clone());
        html! {
            <p id="hours-empty" class="message message-info">{ fill(t.empty, &[("month", &name)]) }</p>
        }
    } else {
        html! {
            <ul id="hours-list" class="cards hours-list">
                { for month.entries.iter().map(|entry| html! {
                    <HourEntryCard key={entry.id.to_string()} api={props.api.clone()}
                        entry={entry.clone()} on_decided={on_decided.clone()}
                        on_stale={load_again.clone()} />
                }) }
            </ul>
        }
    };

    html! {
        <div id="hours-month-view" data-month={month.month.clone()}>
            if let Some(name) = &props.school_name {
                <p id="hours-school-name" class="calendar-school">{ name.clone() }</p>
            }
            <div id="hours-summary" class="summary hours-summary"
                data-complete={month.complete.to_string()} data-submitted={month.submitted.to_string()}>
                <div class="hours-summary-text">
                    <p class="hours-waiting">
                        <strong>{ t.waiting(month.submitted) }</strong>
                        { complete.unwrap_or_default() }
                    </p>
                    <p class="hours-totals">
                        <span class="hours-totals-label">{ t.approved_totals }</span>
                        { " " }
                        { t.totals(texts.lesson_series(), month.volunteered_minutes, month.sponsored_minutes) }
                    </p>
                </div>
                <button id="approve-month" type="button" class="button-primary"
                    disabled={month.submitted == 0 || *approving} aria-busy={approving.then_some("true")}
                    onclick={on_approve_month}>
                    { if *approving { t.approving_month.to_owned() } else { t.approve_month(month.submitted) } }
                </button>
            </div>
            <StatusMessage id="hours-message" message={(*message).clone().map(AttrValue::from)} />
            { error.unwrap_or_default() }
            { entries }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, Utc};
    use domain::hours::{HourActivity, HourKind, HourStatus};

    use super::*;

    fn entry(n: u128, status: HourStatus) -> HourEntry {
        HourEntry {
            id: Uuid::from_u128(n),
            ambassador_id: Uuid::from_u128(100),
            ambassador_name: "Fenna Dijkstra".into(),
            placement_id: Uuid::from_u128(200),
            school_id: Uuid::from_u128(300),
            school_name: "Basisschool De Zeester".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 4).unwrap_or_default(),
            minutes: 360,
            activity: HourActivity::Class,
            kind: HourKind::Volunteered,
            kind_reason: None,
            date_reason: None,
            note: String::new(),
            status,
            decision_reason: None,
            decided_by: None,
            decided_at: None,
            created_at: Utc::now(),
        }
    }

    fn month(entries: Vec<HourEntry>, complete: bool) -> HourMonth {
        HourMonth {
            school_id: Uuid::from_u128(300),
            month: "2026-11".into(),
            complete,
            submitted: 0,
            sponsored_minutes: 0,
            volunteered_minutes: 0,
            entries,
        }
    }

    #[test]
    fn only_a_month_with_entries_is_called_complete() {
        assert!(!shows_complete(&month(Vec::new(), true)));
        assert!(shows_complete(&month(
            vec![entry(1, HourStatus::Approved)],
            true
        )));
        assert!(!shows_complete(&month(
            vec![entry(1, HourStatus::Submitted)],
            false
        )));
    }

    #[test]
    fn a_decided_entry_replaces_its_old_self_and_nothing_else() {
        let before = month(
            vec![
                entry(1, HourStatus::Submitted),
                entry(2, HourStatus::Submitted),
            ],
            false,
        );
        let after = with_entry(&before, &entry(2, HourStatus::Rejected));
        let statuses: Vec<_> = after.entries.iter().map(|e| e.status).collect();
        assert_eq!(statuses, [HourStatus::Submitted, HourStatus::Rejected]);
        let unknown = with_entry(&before, &entry(9, HourStatus::Approved));
        assert_eq!(unknown, before);
    }
}
