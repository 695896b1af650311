//! Dates as people read them, in one style throughout the web app and the e-mails: "3 dec. 2026";
//! with the weekday only where the day of the week matters, "do 3 dec. 2026"; with a time,
//! "3 dec. 2026 14:05". The short month keeps the widest date ("30 sep. 2026") narrow enough for
//! a table column on a phone, and a month in words is never misread the way 03-12 and 12-03 are.
//! One implementation, whatever the language: each language brings only its words.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};

use crate::local_date::amsterdam_time;

/// The words one language writes dates with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateWords {
    /// The months, abbreviated, January first.
    pub months: [&'static str; 12],
    /// The days of the week, abbreviated, Monday first.
    pub weekdays: [&'static str; 7],
}

/// Dutch, as the Taalunie abbreviates: "mei" stays whole.
pub const DUTCH: DateWords = DateWords {
    months: [
        "jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.",
        "dec.",
    ],
    weekdays: ["ma", "di", "wo", "do", "vr", "za", "zo"],
};

impl DateWords {
    /// A date: "3 dec. 2026".
    pub fn date(&self, date: NaiveDate) -> String {
        let month = self.months[date.month0() as usize];
        format!("{} {month} {}", date.day(), date.year())
    }

    /// A date with its day of the week, for when that matters (a lesson, a day worked):
    /// "do 3 dec. 2026".
    pub fn day(&self, date: NaiveDate) -> String {
        let weekday = self.weekdays[date.weekday().num_days_from_monday() as usize];
        format!("{weekday} {}", self.date(date))
    }

    /// A date and a wall-clock time: "3 dec. 2026 14:05".
    pub fn date_time(&self, at: NaiveDateTime) -> String {
        format!("{} {}", self.date(at.date()), at.format("%H:%M"))
    }

    /// An instant as the date and time in Amsterdam, where the programme runs, whatever the time
    /// zone of the reader's computer: "3 dec. 2026 14:05".
    pub fn instant(&self, at: DateTime<Utc>) -> String {
        self.date_time(amsterdam_time(at))
    }

    /// The date in Amsterdam of an instant, for when the time does not matter: "3 dec. 2026".
    pub fn instant_date(&self, at: DateTime<Utc>) -> String {
        self.date(amsterdam_time(at).date())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_read_with_a_short_dutch_month_and_no_leading_zero() {
        let cases = [
            (d(2027, 1, 1), "1 jan. 2027"),
            (d(2026, 12, 31), "31 dec. 2026"),
            (d(2026, 12, 3), "3 dec. 2026"),
            (d(2027, 3, 9), "9 mrt. 2027"),
            (d(2027, 5, 10), "10 mei 2027"),
            (d(2026, 9, 30), "30 sep. 2026"),
            (d(2028, 2, 29), "29 feb. 2028"),
        ];
        for (date, text) in cases {
            assert_eq!(DUTCH.date(date), text, "{date}");
        }
    }

    #[test]
    fn every_month_has_its_own_word() {
        let words: Vec<_> = (1..=12).map(|m| DUTCH.date(d(2027, m, 1))).collect();
        assert_eq!(
            words,
            [
                "1 jan. 2027",
                "1 feb. 2027",
                "1 mrt. 2027",
                "1 apr. 2027",
                "1 mei 2027",
                "1 jun. 2027",
                "1 jul. 2027",
                "1 aug. 2027",
                "1 sep. 2027",
                "1 okt. 2027",
                "1 nov. 2027",
                "1 dec. 2027",
            ]
        );
    }

    #[test]
    fn a_day_puts_its_weekday_in_front() {
        assert_eq!(DUTCH.day(d(2026, 12, 3)), "do 3 dec. 2026");
        assert_eq!(DUTCH.day(d(2027, 1, 1)), "vr 1 jan. 2027");
        assert_eq!(DUTCH.day(d(2026, 12, 31)), "do 31 dec. 2026");
        assert_eq!(DUTCH.day(d(2026, 11, 30)), "ma 30 nov. 2026");
        assert_eq!(DUTCH.day(d(2026, 12, 6)), "zo 6 dec. 2026");
    }

    #[test]
    fn a_time_follows_the_date_in_24_hours_with_minutes() {
        let at = d(2026, 12, 3).and_hms_opt(14, 5, 59).unwrap();
        assert_eq!(DUTCH.date_time(at), "3 dec. 2026 14:05");
        let midnight = d(2027, 1, 1).and_hms_opt(0, 0, 0).unwrap();
        assert_eq!(DUTCH.date_time(midnight), "1 jan. 2027 00:00");
    }

    #[test]
    fn an_instant_is_told_in_amsterdam_time() {
        let utc = |text: &str| text.parse::<DateTime<Utc>>().unwrap();
        // Winter: UTC+1, so the last hour of the year in UTC is already next year in Amsterdam.
        assert_eq!(
            DUTCH.instant(utc("2026-12-31T23:30:00Z")),
            "1 jan. 2027 00:30"
        );
        assert_eq!(
            DUTCH.instant_date(utc("2026-12-31T23:30:00Z")),
            "1 jan. 2027"
        );
        assert_eq!(
            DUTCH.instant_date(utc("2026-12-31T22:59:00Z")),
            "31 dec. 2026"
        );
        // Summer: UTC+2.
        assert_eq!(
            DUTCH.instant(utc("2026-07-01T12:05:00Z")),
            "1 jul. 2026 14:05"
        );
    }
}
