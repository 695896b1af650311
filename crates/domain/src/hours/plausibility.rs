//! Whether an hour entry can be true: an ambassador gives one school day a week, on the
//! placement's weekday, in school time. What falls outside that needs a reason or is refused.

use chrono::{Datelike, NaiveDate};

use super::MAX_ENTRY_MINUTES;
use crate::Weekday;
use crate::holidays::chrono_weekday;

/// What is known of the day a new entry is logged for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day<'a> {
    /// The day.
    pub date: NaiveDate,
    /// The new entry's minutes.
    pub minutes: u32,
    /// Minutes the ambassador already logged that day and that still count (not rejected), at
    /// any school.
    pub already_logged: u32,
    /// The placement's school day.
    pub weekday: Weekday,
    /// The school holiday of the school's region that the day falls in, if any.
    pub holiday: Option<&'a str>,
    /// Whether the ambassador's allowance for the day's month is paid already.
    pub month_paid: bool,
    /// Why the entry falls outside the usual school day, when it does.
    pub reason: Option<&'a str>,
}

/// Why an entry cannot be taken as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Implausible {
    /// The day would hold more than one school day of hours.
    #[error(
        "{date} already holds {already_logged} minutes; a day holds at most {max} minutes in all, so at most {left} more"
    )]
    DayFull {
        /// The day.
        date: NaiveDate,
        /// Minutes already logged that day.
        already_logged: u32,
        /// The most a day holds.
        max: u32,
        /// What is left of the day.
        left: u32,
    },
    /// Not the placement's weekday, and no reason given.
    #[error(
        "{date} is a {}, not the placement's school day ({expected}); say why in `date_reason`",
        .date.format("%A")
    )]
    OtherWeekday {
        /// The day.
        date: NaiveDate,
        /// The day's weekday.
        actual: chrono::Weekday,
        /// The placement's weekday.
        expected: Weekday,
    },
    /// In a school holiday, and no reason given.
    #[error("{date} falls in the {holiday}; say why in `date_reason`")]
    InHoliday {
        /// The day.
        date: NaiveDate,
        /// The holiday's name.
        holiday: String,
    },
    /// The month's allowance is paid: its hours are closed.
    #[error(
        "the allowance of {year}-{month:02} is paid already, so that month takes no new hours; ask programme staff for a correction"
    )]
    MonthPaid {
        /// The year.
        year: i32,
        /// The month, 1 to 12.
        month: u32,
    },
}

/// Whether an entry of `day.minutes` on `day.date` can be taken.
pub fn check(day: &Day<'_>) -> Result<(), Implausible> {
    if day.month_paid {
        return Err(Implausible::MonthPaid {
            year: day.date.year(),
            month: day.date.month(),
        });
    }
    if day.already_logged + day.minutes > MAX_ENTRY_MINUTES {
        return Err(Implausible::DayFull {
            date: day.date,
            already_logged: day.already_logged,
            max: MAX_ENTRY_MINUTES,
            left: MAX_ENTRY_MINUTES.saturating_sub(day.already_logged),
        });
    }
    let explained = day.reason.is_some_and(|r| !r.trim().is_empty());
    if explained {
        return Ok(());
    }
    if day.date.weekday() != chrono_weekday(day.weekday) {
        return Err(Implausible::OtherWeekday {
            date: day.date,
            actual: day.date.weekday(),
            expected: day.weekday,
        });
    }
    if let Some(holiday) = day.holiday {
        return Err(Implausible::InHoliday {
            date: day.date,
            holiday: holiday.to_owned(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wednesday() -> Day<'static> {
        Day {
            date: NaiveDate::from_ymd_opt(2026, 11, 18).unwrap(),
            minutes: 360,
            already_logged: 0,
            weekday: Weekday::Wednesday,
            holiday: None,
            month_paid: false,
            reason: None,
        }
    }

    #[test]
    fn a_school_day_holds_at_most_600_minutes_in_all() {
        assert_eq!(
            check(&Day {
                already_logged: 240,
                ..wednesday()
            }),
            Ok(())
        );
        assert_eq!(
            check(&Day {
                minutes: 600,
                ..wednesday()
            }),
            Ok(())
        );
        assert_eq!(
            check(&Day {
                already_logged: 241,
                ..wednesday()
            }),
            Err(Implausible::DayFull {
                date: wednesday().date,
                already_logged: 241,
                max: 600,
                left: 359
            })
        );
        // A reason does not make a day longer.
        let fifth = Day {
            already_logged: 600,
            minutes: 15,
            reason: Some("ouderavond"),
            ..wednesday()
        };
        assert!(matches!(
            check(&fifth),
            Err(Implausible::DayFull { left: 0, .. })
        ));
    }

    #[test]
    fn another_weekday_or_a_holiday_needs_a_reason() {
        let saturday = Day {
            date: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
            ..wednesday()
        };
        let refused = check(&saturday).unwrap_err();
        assert!(matches!(refused, Implausible::OtherWeekday { .. }));
        assert_eq!(
            refused.to_string(),
            "2026-11-21 is a Saturday, not the placement's school day (wednesday); say why in `date_reason`"
        );
        assert_eq!(
            check(&Day {
                reason: Some("open dag"),
                ..saturday.clone()
            }),
            Ok(())
        );
        assert!(matches!(
            check(&Day {
                reason: Some("   "),
                ..saturday
            }),
            Err(Implausible::OtherWeekday { .. })
        ));
        let autumn = Day {
            date: NaiveDate::from_ymd_opt(2026, 10, 21).unwrap(),
            holiday: Some("herfstvakantie"),
            ..wednesday()
        };
        assert!(matches!(check(&autumn), Err(Implausible::InHoliday { .. })));
        assert_eq!(
            check(&Day {
                reason: Some("studiedag voorbereid"),
                ..autumn
            }),
            Ok(())
        );
    }

    #[test]
    fn a_paid_month_takes_no_new_entries_even_with_a_reason() {
        let paid = Day {
            month_paid: true,
            reason: Some("vergeten"),
            ..wednesday()
        };
        assert_eq!(
            check(&paid),
            Err(Implausible::MonthPaid {
                year: 2026,
                month: 11
            })
        );
    }
}
