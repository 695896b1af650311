//! Days and months begin in Europe/Amsterdam: Central European Time (UTC+1), and summer time
//! (UTC+2) from the last Sunday of March to the last Sunday of October, switching at 01:00 UTC
//! (the EU rule since 1996).

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc};

/// The calendar day in Amsterdam at instant `at`.
pub fn amsterdam_date(at: DateTime<Utc>) -> NaiveDate {
    amsterdam_time(at).date()
}

/// The wall-clock date and time in Amsterdam at instant `at`.
pub fn amsterdam_time(at: DateTime<Utc>) -> NaiveDateTime {
    let hours = if is_summer_time(at) { 2 } else { 1 };
    (at + Duration::hours(hours)).naive_utc()
}

/// The instant at which Amsterdam's wall clock reads `local`. In the hour that comes twice when
/// summer time ends it is the first of the two; in the hour skipped when summer time begins it is
/// read as winter time (02:30 that night is 01:30 UTC, which the clock shows as 03:30).
pub fn amsterdam_instant(local: NaiveDateTime) -> DateTime<Utc> {
    let summer = (local - Duration::hours(2)).and_utc();
    if is_summer_time(summer) {
        summer
    } else {
        (local - Duration::hours(1)).and_utc()
    }
}

fn is_summer_time(at: DateTime<Utc>) -> bool {
    let year = at.year();
    let switch = |month| {
        last_sunday(year, month)
            .and_hms_opt(1, 0, 0)
            .map(|t| t.and_utc())
            .unwrap_or(at)
    };
    at >= switch(3) && at < switch(10)
}

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let last = NaiveDate::from_ymd_opt(year, month, 31).unwrap_or(NaiveDate::MIN);
    let back = last.weekday().num_days_from_sunday();
    last - Duration::days(i64::from(back))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn a_winter_evening_in_utc_is_the_next_day_in_amsterdam_after_23_00() {
        assert_eq!(
            amsterdam_date(utc("2026-11-22T22:59:00Z")),
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
        );
        assert_eq!(
            amsterdam_date(utc("2026-11-22T23:00:00Z")),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
        );
    }

    #[test]
    fn in_summer_the_day_turns_at_22_00_utc() {
        assert_eq!(
            amsterdam_date(utc("2026-07-01T22:00:00Z")),
            NaiveDate::from_ymd_opt(2026, 7, 2).unwrap()
        );
        assert_eq!(
            amsterdam_date(utc("2026-07-01T21:59:00Z")),
            NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()
        );
    }

    #[test]
    fn the_wall_clock_is_an_hour_ahead_in_winter_and_two_in_summer() {
        assert_eq!(
            amsterdam_time(utc("2026-11-22T09:30:00Z")).to_string(),
            "2026-11-22 10:30:00"
        );
        assert_eq!(
            amsterdam_time(utc("2026-07-01T09:30:00Z")).to_string(),
            "2026-07-01 11:30:00"
        );
    }

    #[test]
    fn a_wall_clock_time_is_read_back_as_the_instant_it_came_from() {
        for text in [
            "2026-11-22T09:30:00Z",
            "2026-07-01T09:30:00Z",
            "2026-03-29T00:59:00Z",
            "2026-03-29T01:00:00Z",
            "2026-10-25T00:59:00Z",
            "2026-10-25T02:00:00Z",
            "2026-12-31T23:30:00Z",
        ] {
            assert_eq!(
                amsterdam_instant(amsterdam_time(utc(text))),
                utc(text),
                "{text}"
            );
        }
    }

    #[test]
    fn the_hour_that_comes_twice_is_its_first_and_the_skipped_hour_is_winter_time() {
        let local = |text: &str| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap();
        assert_eq!(
            amsterdam_instant(local("2026-10-25T02:30")),
            utc("2026-10-25T00:30:00Z")
        );
        assert_eq!(
            amsterdam_instant(local("2026-03-29T02:30")),
            utc("2026-03-29T01:30:00Z")
        );
    }

    #[test]
    fn summer_time_runs_from_the_last_sunday_of_march_to_that_of_october() {
        assert_eq!(
            last_sunday(2026, 3),
            NaiveDate::from_ymd_opt(2026, 3, 29).unwrap()
        );
        assert_eq!(
            last_sunday(2026, 10),
            NaiveDate::from_ymd_opt(2026, 10, 25).unwrap()
        );
        assert!(!is_summer_time(utc("2026-03-29T00:59:00Z")));
        assert!(is_summer_time(utc("2026-03-29T01:00:00Z")));
        assert!(!is_summer_time(utc("2026-10-25T01:00:00Z")));
    }
}
