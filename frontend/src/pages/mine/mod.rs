//! The ambassador's own pages, for a phone on the school day: Mijn plek (where they stand, their
//! proposals and their place), Mijn uren (log a day in a few taps), Vergoeding (the allowance
//! year and details) and Mijn gegevens (profile, documents, data, a concern).

mod allowance;
mod details;
mod hours;
mod lessons;
mod place;

use std::future::Future;

use chrono::{Datelike, Days, NaiveDate};
use domain::contract::MyPlacement;
use domain::match_lifecycle::MatchStatus;
use domain::placement::Weekday;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

pub use self::allowance::MyAllowancePage;
pub use self::details::{DocumentUpload, MyDetailsPage};
pub use self::hours::MyHoursPage;
pub use self::lessons::MyLessonsPage;
pub use self::place::MyPlacePage;
use crate::api::ApiError;

/// What a page loaded: nothing yet, the value, or why not.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded<T> {
    Loading,
    Ready(T),
    Failed(ApiError),
}

/// Loads with `fetch` whenever `key` changes; `reload` asks again with the same key.
pub struct Load<T> {
    pub state: Loaded<T>,
    pub reload: Callback<()>,
}

#[hook]
pub fn use_load<T, K, F, Fut>(key: K, fetch: F) -> Load<T>
where
    T: Clone + PartialEq + 'static,
    K: PartialEq + Clone + 'static,
    F: Fn(K) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let state = use_state(|| Loaded::<T>::Loading);
    let round = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((key, *round), move |(key, _)| {
            let fut = fetch(key.clone());
            spawn_local(async move {
                state.set(match fut.await {
                    Ok(value) => Loaded::Ready(value),
                    Err(error) => Loaded::Failed(error),
                });
            });
        });
    }
    let reload = {
        let round = round.clone();
        Callback::from(move |()| round.set(round.wrapping_add(1)))
    };
    Load {
        state: (*state).clone(),
        reload,
    }
}

/// The chrono weekday of a school day.
pub fn chrono_weekday(day: Weekday) -> chrono::Weekday {
    match day {
        Weekday::Monday => chrono::Weekday::Mon,
        Weekday::Tuesday => chrono::Weekday::Tue,
        Weekday::Wednesday => chrono::Weekday::Wed,
        Weekday::Thursday => chrono::Weekday::Thu,
        Weekday::Friday => chrono::Weekday::Fri,
    }
}

/// The school day to log by default: today when it is the placement's weekday, otherwise the
/// most recent one before it; never after the placement's last day.
pub fn default_day(today: NaiveDate, weekday: Weekday, last_day: NaiveDate) -> NaiveDate {
    let from = today.min(last_day);
    let want = chrono_weekday(weekday).num_days_from_monday();
    let have = from.weekday().num_days_from_monday();
    let back = (7 + have - want) % 7;
    from.checked_sub_days(Days::new(u64::from(back)))
        .unwrap_or(from)
}

/// The placements the ambassador works at: their confirmed or active matches.
pub fn working(places: &[MyPlacement]) -> Vec<MyPlacement> {
    places
        .iter()
        .filter(|p| {
            matches!(
                p.match_.status,
                MatchStatus::Confirmed | MatchStatus::Active
            )
        })
        .cloned()
        .collect()
}

/// The placement's weekdays in the month of `first`, inside its period and outside `holidays`
/// (first and last day of each), counted.
pub fn school_days_in_month(
    first: NaiveDate,
    weekday: Weekday,
    period: (NaiveDate, NaiveDate),
    holidays: &[(NaiveDate, NaiveDate)],
) -> u32 {
    let mut day = first.with_day(1).unwrap_or(first);
    let month = day.month();
    let mut count = 0;
    while day.month() == month {
        let in_period = period.0 <= day && day <= period.1;
        let in_holiday = holidays.iter().any(|(a, b)| *a <= day && day <= *b);
        if day.weekday() == chrono_weekday(weekday) && in_period && !in_holiday {
            count += 1;
        }
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
    count
}

/// Splits a list typed with commas into its words.
pub fn words(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The browser's local date and time now.
pub fn now_local() -> chrono::NaiveDateTime {
    let now = js_sys::Date::new_0();
    let date = crate::format::today();
    date.and_hms_opt(now.get_hours(), now.get_minutes(), 0)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
    }

    #[test]
    fn the_default_day_is_today_on_the_school_day_else_the_last_one() {
        let end = date(12, 31);
        // Thursday 3 December: Wednesday 2 December.
        assert_eq!(
            default_day(date(12, 3), Weekday::Wednesday, end),
            date(12, 2)
        );
        assert_eq!(
            default_day(date(12, 2), Weekday::Wednesday, end),
            date(12, 2)
        );
        // Tuesday 1 December: Wednesday 25 November.
        assert_eq!(
            default_day(date(12, 1), Weekday::Wednesday, end),
            date(11, 25)
        );
        // After the period: its last school day.
        assert_eq!(
            default_day(date(12, 3), Weekday::Monday, date(11, 20)),
            date(11, 16)
        );
    }

    #[test]
    fn a_month_holds_its_weekdays_inside_the_period_and_outside_holidays() {
        let period = (date(9, 1), date(12, 31));
        assert_eq!(
            school_days_in_month(date(12, 1), Weekday::Wednesday, period, &[]),
            5
        );
        let christmas = [(date(12, 19), date(12, 31))];
        assert_eq!(
            school_days_in_month(date(12, 1), Weekday::Wednesday, period, &christmas),
            3
        );
        assert_eq!(
            school_days_in_month(date(8, 1), Weekday::Wednesday, period, &[]),
            0
        );
    }

    #[test]
    fn a_list_is_split_at_commas() {
        assert_eq!(words(" techniek, ,ICT "), ["techniek", "ICT"]);
    }
}
