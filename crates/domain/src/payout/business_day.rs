//! The days a bank executes a SEPA credit transfer: TARGET2 business days. TARGET2 is closed on
//! Saturdays and Sundays, New Year's Day, Good Friday, Easter Monday, 1 May, Christmas Day and
//! 26 December (ECB). A payout file asks for one of its open days.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Easter Sunday of `year` (Gregorian; the anonymous algorithm of Meeus, Jones and Butcher).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Why TARGET2 is closed on `date`, or `None` when it is open.
pub fn closed_because(date: NaiveDate) -> Option<&'static str> {
    match date.weekday() {
        Weekday::Sat => return Some("a Saturday"),
        Weekday::Sun => return Some("a Sunday"),
        _ => {}
    }
    match (date.month(), date.day()) {
        (1, 1) => return Some("New Year's Day"),
        (5, 1) => return Some("1 May"),
        (12, 25) => return Some("Christmas Day"),
        (12, 26) => return Some("26 December"),
        _ => {}
    }
    let easter = easter_sunday(date.year())?;
    if date == easter - Duration::days(2) {
        Some("Good Friday")
    } else if date == easter + Duration::days(1) {
        Some("Easter Monday")
    } else {
        None
    }
}

/// `date` when TARGET2 is open then, else the first day after it that it is.
pub fn next_business_day(date: NaiveDate) -> NaiveDate {
    let mut day = date;
    while closed_because(day).is_some() {
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn easter_falls_where_the_calendar_says() {
        assert_eq!(easter_sunday(2026), Some(day("2026-04-05")));
        assert_eq!(easter_sunday(2027), Some(day("2027-03-28")));
        assert_eq!(easter_sunday(2028), Some(day("2028-04-16")));
    }

    #[test]
    fn weekends_and_the_six_holidays_are_closed() {
        assert_eq!(closed_because(day("2026-12-05")), Some("a Saturday"));
        assert_eq!(closed_because(day("2026-12-06")), Some("a Sunday"));
        assert_eq!(closed_because(day("2026-12-07")), None);
        assert_eq!(closed_because(day("2027-03-26")), Some("Good Friday"));
        assert_eq!(closed_because(day("2027-03-29")), Some("Easter Monday"));
        assert_eq!(closed_because(day("2027-05-01")), Some("a Saturday"));
        assert_eq!(closed_because(day("2028-05-01")), Some("1 May"));
        assert_eq!(closed_because(day("2026-12-25")), Some("Christmas Day"));
        assert_eq!(closed_because(day("2026-12-24")), None);
        // King's Day is a Dutch holiday, not a TARGET2 one.
        assert_eq!(closed_because(day("2027-04-27")), None);
    }

    #[test]
    fn the_next_business_day_skips_weekends_and_holidays() {
        assert_eq!(next_business_day(day("2026-12-05")), day("2026-12-07"));
        assert_eq!(next_business_day(day("2026-12-07")), day("2026-12-07"));
        // Christmas on a Friday: Friday, Saturday, Sunday... 2026-12-25 is a Friday.
        assert_eq!(next_business_day(day("2026-12-25")), day("2026-12-28"));
        assert_eq!(next_business_day(day("2027-03-26")), day("2027-03-30"));
        assert_eq!(
            next_business_day(day("2026-12-31") + Duration::days(1)),
            day("2027-01-04")
        );
    }
}
