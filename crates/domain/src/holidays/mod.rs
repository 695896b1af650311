//! School holidays per region, and the lesson dates they leave.
//!
//! Holidays run from a Saturday to a Sunday, both included. The summer holiday is binding and
//! the others are advisory, but lessons are never planned in any of them. The calendar is data:
//! [`standard_holidays`] holds the national table for 2025–2027, and admins add later years.

use chrono::{Datelike, Duration, NaiveDate};

use crate::{Period, Region, Weekday};

mod standard;

pub use standard::standard_holidays;

/// One holiday in one region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    /// The region it applies to.
    pub region: Region,
    /// Its name, such as `herfstvakantie 2026`.
    pub name: String,
    /// The first day off (a Saturday).
    pub first_day: NaiveDate,
    /// The last day off (a Sunday).
    pub last_day: NaiveDate,
    /// Whether schools must follow it (summer) rather than take it as advice.
    pub binding: bool,
}

impl Holiday {
    /// Whether `date` falls in the holiday.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.first_day <= date && date <= self.last_day
    }
}

/// A holiday that cannot be part of a calendar.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the {name} (regio {region}) ends on {last_day}, before it starts on {first_day}")]
pub struct InvalidHoliday {
    /// Its name.
    pub name: String,
    /// Its region.
    pub region: Region,
    /// The first day given.
    pub first_day: NaiveDate,
    /// The last day given.
    pub last_day: NaiveDate,
}

/// The holidays of all regions.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Calendar {
    holidays: Vec<Holiday>,
}

/// Why a date cannot carry a lesson.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LessonDateError {
    /// The date is not on the series' school day.
    #[error("{date} is a {actual}, not a {expected}")]
    WrongWeekday {
        /// The date proposed.
        date: NaiveDate,
        /// The school day.
        expected: Weekday,
        /// The day the date falls on, in lower case.
        actual: &'static str,
    },
    /// The date lies outside the placement's period.
    #[error("{date} is outside the period from {starts_on} to {ends_on}")]
    OutsidePeriod {
        /// The date proposed.
        date: NaiveDate,
        /// The period's first day.
        starts_on: NaiveDate,
        /// The period's last day.
        ends_on: NaiveDate,
    },
    /// The date falls in a school holiday of the school's region.
    #[error("{date} falls in the {holiday} (regio {region})")]
    InHoliday {
        /// The date proposed.
        date: NaiveDate,
        /// The holiday's name.
        holiday: String,
        /// The school's region.
        region: Region,
    },
}

impl Calendar {
    /// A calendar of `holidays`; refused when one ends before it starts.
    pub fn new(holidays: Vec<Holiday>) -> Result<Self, InvalidHoliday> {
        if let Some(h) = holidays.iter().find(|h| h.last_day < h.first_day) {
            return Err(InvalidHoliday {
                name: h.name.clone(),
                region: h.region,
                first_day: h.first_day,
                last_day: h.last_day,
            });
        }
        Ok(Self { holidays })
    }

    /// The calendar of the national table, 2025–2027.
    pub fn standard() -> Self {
        Self {
            holidays: standard_holidays(),
        }
    }

    /// The holidays of `region`, in the order given.
    pub fn holidays(&self, region: Region) -> impl Iterator<Item = &Holiday> {
        self.holidays.iter().filter(move |h| h.region == region)
    }

    /// The holiday of `region` that `date` falls in, if any.
    pub fn holiday_on(&self, region: Region, date: NaiveDate) -> Option<&Holiday> {
        self.holidays(region).find(|h| h.contains(date))
    }

    /// Whether `date` is a school holiday in `region`.
    pub fn is_holiday(&self, region: Region, date: NaiveDate) -> bool {
        self.holiday_on(region, date).is_some()
    }

    /// Every `weekday` in `period` that is not a holiday in `region`, in order: the dates a
    /// weekly lesson series can use.
    pub fn lesson_dates(&self, region: Region, weekday: Weekday, period: Period) -> Vec<NaiveDate> {
        let target = chrono_weekday(weekday);
        let ahead = (7 + target.num_days_from_monday()
            - period.starts_on.weekday().num_days_from_monday())
            % 7;
        let mut date = period.starts_on + Duration::days(i64::from(ahead));
        let mut dates = Vec::new();
        while date <= period.ends_on {
            if !self.is_holiday(region, date) {
                dates.push(date);
            }
            date += Duration::weeks(1);
        }
        dates
    }

    /// Checks a proposed lesson date: on the school day, inside the period, not in a holiday.
    pub fn check_lesson_date(
        &self,
        region: Region,
        weekday: Weekday,
        period: Period,
        date: NaiveDate,
    ) -> Result<(), LessonDateError> {
        if date.weekday() != chrono_weekday(weekday) {
            return Err(LessonDateError::WrongWeekday {
                date,
                expected: weekday,
                actual: weekday_name(date.weekday()),
            });
        }
        if date < period.starts_on || date > period.ends_on {
            return Err(LessonDateError::OutsidePeriod {
                date,
                starts_on: period.starts_on,
                ends_on: period.ends_on,
            });
        }
        if let Some(holiday) = self.holiday_on(region, date) {
            return Err(LessonDateError::InHoliday {
                date,
                holiday: holiday.name.clone(),
                region,
            });
        }
        Ok(())
    }
}

pub(crate) fn chrono_weekday(day: Weekday) -> chrono::Weekday {
    match day {
        Weekday::Monday => chrono::Weekday::Mon,
        Weekday::Tuesday => chrono::Weekday::Tue,
        Weekday::Wednesday => chrono::Weekday::Wed,
        Weekday::Thursday => chrono::Weekday::Thu,
        Weekday::Friday => chrono::Weekday::Fri,
    }
}

fn weekday_name(day: chrono::Weekday) -> &'static str {
    match day {
        chrono::Weekday::Mon => "monday",
        chrono::Weekday::Tue => "tuesday",
        chrono::Weekday::Wed => "wednesday",
        chrono::Weekday::Thu => "thursday",
        chrono::Weekday::Fri => "friday",
        chrono::Weekday::Sat => "saturday",
        chrono::Weekday::Sun => "sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn period(from: NaiveDate, to: NaiveDate) -> Period {
        Period {
            starts_on: from,
            ends_on: to,
        }
    }

    #[test]
    fn the_2026_autumn_holiday_is_a_week_earlier_in_the_north() {
        let calendar = Calendar::standard();
        let noord = calendar.holiday_on(Region::Noord, d(2026, 10, 14)).unwrap();
        assert_eq!(
            (noord.first_day, noord.last_day),
            (d(2026, 10, 10), d(2026, 10, 18))
        );
        assert!(!calendar.is_holiday(Region::Noord, d(2026, 10, 20)));
        for region in [Region::Midden, Region::Zuid] {
            assert!(!calendar.is_holiday(region, d(2026, 10, 16)));
            assert!(calendar.is_holiday(region, d(2026, 10, 17)));
            assert!(calendar.is_holiday(region, d(2026, 10, 25)));
            assert!(!calendar.is_holiday(region, d(2026, 10, 26)));
        }
    }

    #[test]
    fn the_christmas_holiday_crosses_the_year_boundary_in_every_region() {
        let calendar = Calendar::standard();
        for region in Region::ALL {
            assert!(calendar.is_holiday(*region, d(2026, 12, 31)));
            assert!(calendar.is_holiday(*region, d(2027, 1, 3)));
            assert!(!calendar.is_holiday(*region, d(2027, 1, 4)));
            assert!(!calendar.is_holiday(*region, d(2026, 12, 18)));
        }
    }

    #[test]
    fn a_weekly_tuesday_from_september_to_january_skips_autumn_and_christmas() {
        let calendar = Calendar::standard();
        let half_year = period(d(2026, 9, 1), d(2027, 1, 31));
        let dates = calendar.lesson_dates(Region::Midden, Weekday::Tuesday, half_year);
        assert_eq!(dates.first(), Some(&d(2026, 9, 1)));
        assert_eq!(dates.last(), Some(&d(2027, 1, 26)));
        assert!(
            dates
                .iter()
                .all(|date| date.weekday() == chrono::Weekday::Tue)
        );
        // 22 Tuesdays, less the autumn holiday (20 Oct) and two in the christmas holiday.
        assert_eq!(dates.len(), 22 - 3);
        for skipped in [d(2026, 10, 20), d(2026, 12, 22), d(2026, 12, 29)] {
            assert!(!dates.contains(&skipped), "{skipped}");
        }
        assert!(dates.contains(&d(2026, 10, 13)));
        assert!(dates.contains(&d(2026, 12, 15)));
        assert!(dates.contains(&d(2027, 1, 5)));
        // In the north the autumn holiday falls a week earlier.
        let noord = calendar.lesson_dates(Region::Noord, Weekday::Tuesday, half_year);
        assert!(noord.contains(&d(2026, 10, 20)) && !noord.contains(&d(2026, 10, 13)));
    }

    #[test]
    fn lesson_dates_start_at_the_first_school_day_on_or_after_the_period_start() {
        let calendar = Calendar::default();
        // 1 February 2027 is a Monday; the first Friday is the 5th, the last in the month the 26th.
        let feb = period(d(2027, 2, 1), d(2027, 2, 28));
        assert_eq!(
            calendar.lesson_dates(Region::Zuid, Weekday::Friday, feb),
            vec![
                d(2027, 2, 5),
                d(2027, 2, 12),
                d(2027, 2, 19),
                d(2027, 2, 26)
            ]
        );
        assert_eq!(
            calendar.lesson_dates(Region::Zuid, Weekday::Monday, feb)[0],
            d(2027, 2, 1)
        );
        let one_day = period(d(2027, 2, 2), d(2027, 2, 2));
        assert_eq!(
            calendar.lesson_dates(Region::Zuid, Weekday::Monday, one_day),
            vec![]
        );
    }

    #[test]
    fn a_proposed_date_in_a_holiday_names_the_holiday_and_region() {
        let calendar = Calendar::standard();
        let half_year = period(d(2026, 9, 1), d(2027, 1, 31));
        let err = calendar
            .check_lesson_date(Region::Midden, Weekday::Tuesday, half_year, d(2026, 10, 20))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "2026-10-20 falls in the herfstvakantie 2026 (regio midden)"
        );
        assert_eq!(
            calendar.check_lesson_date(Region::Noord, Weekday::Tuesday, half_year, d(2026, 10, 20)),
            Ok(())
        );
    }

    #[test]
    fn a_proposed_date_must_be_on_the_school_day_and_inside_the_period() {
        let calendar = Calendar::standard();
        let half_year = period(d(2026, 9, 1), d(2027, 1, 31));
        let check =
            |date| calendar.check_lesson_date(Region::Zuid, Weekday::Tuesday, half_year, date);
        assert_eq!(
            check(d(2026, 11, 4)).unwrap_err().to_string(),
            "2026-11-04 is a wednesday, not a tuesday"
        );
        assert_eq!(
            check(d(2027, 2, 2)).unwrap_err().to_string(),
            "2027-02-02 is outside the period from 2026-09-01 to 2027-01-31"
        );
        assert!(check(d(2026, 8, 25)).is_err());
        assert_eq!(check(d(2027, 1, 26)), Ok(()));
    }

    #[test]
    fn admins_can_add_holidays_but_not_backwards_ones() {
        let extra = Holiday {
            region: Region::Zuid,
            name: "carnaval 2027".to_string(),
            first_day: d(2027, 2, 6),
            last_day: d(2027, 2, 10),
            binding: false,
        };
        let mut holidays = standard_holidays();
        holidays.push(extra.clone());
        let calendar = Calendar::new(holidays).unwrap();
        assert_eq!(
            calendar
                .holiday_on(Region::Zuid, d(2027, 2, 9))
                .map(|h| h.name.as_str()),
            Some("carnaval 2027")
        );
        assert!(!calendar.is_holiday(Region::Noord, d(2027, 2, 9)));
        let backwards = Holiday {
            last_day: d(2027, 2, 1),
            ..extra
        };
        assert_eq!(
            Calendar::new(vec![backwards]).unwrap_err().to_string(),
            "the carnaval 2027 (regio zuid) ends on 2027-02-01, before it starts on 2027-02-06"
        );
    }
}
