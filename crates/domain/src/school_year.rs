//! School years, start moments and the periods they imply.
//!
//! A school year runs from 1 August to 31 July (WPO art. 1) and is written `2026-2027`.
//! Ambassadors start in September or in February. A half year runs from its start moment to
//! the next: September to the end of January, or February to the end of the school year (the
//! summer belongs to the next year). A whole year is both halves in a row.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::{ParseError, text_enum};

/// A school year, identified by the calendar year it starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(try_from = "String")]
pub struct SchoolYear(i32);

// Written by hand: lists serialise one per row, and the derived `into = "String"` allocated each.
impl Serialize for SchoolYear {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // FIRST..=LAST keeps both years at four digits.
        let mut out = *b"0000-0000";
        let (mut first, mut second) = (self.0, self.0 + 1);
        for i in (0..4).rev() {
            out[i] = b'0' + (first % 10) as u8;
            out[i + 5] = b'0' + (second % 10) as u8;
            first /= 10;
            second /= 10;
        }
        serializer.serialize_str(std::str::from_utf8(&out).unwrap_or_default())
    }
}

impl SchoolYear {
    /// The first school year the software accepts.
    pub const FIRST: i32 = 2000;
    /// The last school year the software accepts.
    pub const LAST: i32 = 2100;

    /// The school year that starts in August of `year`.
    pub fn starting(year: i32) -> Result<Self, ParseError> {
        if (Self::FIRST..=Self::LAST).contains(&year) {
            Ok(Self(year))
        } else {
            Err(ParseError(format!(
                "school year {year}-{} is out of range ({}-{} to {}-{})",
                year + 1,
                Self::FIRST,
                Self::FIRST + 1,
                Self::LAST,
                Self::LAST + 1
            )))
        }
    }

    /// Parses `2026-2027`.
    pub fn parse(text: &str) -> Result<Self, ParseError> {
        let invalid = || {
            ParseError(format!(
                "'{text}' is not a school year; write it as 2026-2027"
            ))
        };
        let (first, second) = text.trim().split_once('-').ok_or_else(invalid)?;
        let (first, second): (i32, i32) = (
            first.parse().map_err(|_| invalid())?,
            second.parse().map_err(|_| invalid())?,
        );
        if second != first + 1 {
            return Err(ParseError(format!(
                "'{text}' is not a school year: the second year must follow the first, as in {first}-{}",
                first + 1
            )));
        }
        Self::starting(first)
    }

    /// The school year a date falls in.
    pub fn containing(date: NaiveDate) -> Self {
        Self(if date.month() >= 8 {
            date.year()
        } else {
            date.year() - 1
        })
    }

    /// The calendar year it starts in.
    pub fn start_year(self) -> i32 {
        self.0
    }

    /// 1 August.
    pub fn first_day(self) -> NaiveDate {
        date(self.0, 8, 1)
    }

    /// 31 July of the next calendar year.
    pub fn last_day(self) -> NaiveDate {
        date(self.0 + 1, 7, 31)
    }

    /// The school year after this one.
    pub fn next(self) -> Self {
        Self(self.0 + 1)
    }
}

impl std::fmt::Display for SchoolYear {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.0, self.0 + 1)
    }
}

impl TryFrom<String> for SchoolYear {
    type Error = ParseError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for SchoolYear {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(r"^\d{4}-\d{4}$"))
            .description(Some(
                "A school year, 1 August to 31 July, written as 2026-2027.",
            ))
            .examples(["2026-2027"])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for SchoolYear {}

text_enum! {
    /// When an ambassador starts: after the summer or halfway the school year.
    pub enum StartMoment ("start moment") {
        /// 1 September.
        September = "september",
        /// 1 February.
        February = "february",
    }
}

text_enum! {
    /// How long an ambassador stays.
    pub enum Commitment ("commitment") {
        /// From a start moment to the next.
        HalfYear = "half_year",
        /// Two halves in a row.
        WholeYear = "whole_year",
    }
}

/// The first and last day of a commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Period {
    /// The first day.
    #[serde(serialize_with = "crate::json_format::date")]
    pub starts_on: NaiveDate,
    /// The last day.
    #[serde(serialize_with = "crate::json_format::date")]
    pub ends_on: NaiveDate,
}

impl StartMoment {
    /// The day this start moment falls on in `year`.
    pub fn date(self, year: SchoolYear) -> NaiveDate {
        match self {
            StartMoment::September => date(year.start_year(), 9, 1),
            StartMoment::February => date(year.start_year() + 1, 2, 1),
        }
    }

    /// The start moment that comes first on or after `today`, with its school year: what a
    /// director most likely plans for next.
    pub fn next_after(today: NaiveDate) -> (SchoolYear, StartMoment) {
        let year = SchoolYear::containing(today);
        if today <= StartMoment::September.date(year) {
            (year, StartMoment::September)
        } else if today <= StartMoment::February.date(year) {
            (year, StartMoment::February)
        } else {
            (year.next(), StartMoment::September)
        }
    }
}

/// The half year that starts at `moment` in `year`.
fn half(year: SchoolYear, moment: StartMoment) -> Period {
    match moment {
        StartMoment::September => Period {
            starts_on: StartMoment::September.date(year),
            ends_on: date(year.start_year() + 1, 1, 31),
        },
        StartMoment::February => Period {
            starts_on: StartMoment::February.date(year),
            ends_on: year.last_day(),
        },
    }
}

/// The period of a commitment that starts at `moment` in `year`.
pub fn period(year: SchoolYear, moment: StartMoment, commitment: Commitment) -> Period {
    let first = half(year, moment);
    match commitment {
        Commitment::HalfYear => first,
        Commitment::WholeYear => {
            let second = match moment {
                StartMoment::September => half(year, StartMoment::February),
                StartMoment::February => half(year.next(), StartMoment::September),
            };
            Period {
                starts_on: first.starts_on,
                ends_on: second.ends_on,
            }
        }
    }
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    // Every call passes a fixed valid month and day, and years stay within FIRST..=LAST + 2.
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_school_year_turns_between_31_july_and_1_august() {
        assert_eq!(
            SchoolYear::containing(d(2027, 7, 31)).to_string(),
            "2026-2027"
        );
        assert_eq!(
            SchoolYear::containing(d(2027, 8, 1)).to_string(),
            "2027-2028"
        );
        assert_eq!(
            SchoolYear::containing(d(2027, 1, 1)).to_string(),
            "2026-2027"
        );
        let year = SchoolYear::parse("2026-2027").unwrap();
        assert_eq!(
            (year.first_day(), year.last_day()),
            (d(2026, 8, 1), d(2027, 7, 31))
        );
    }

    #[test]
    fn a_school_year_serialises_as_written() {
        let year = SchoolYear::parse("2026-2027").unwrap();
        assert_eq!(serde_json::to_string(&year).unwrap(), "\"2026-2027\"");
        assert_eq!(
            serde_json::from_str::<SchoolYear>("\"2099-2100\"")
                .unwrap()
                .to_string(),
            "2099-2100"
        );
    }

    #[test]
    fn school_years_parse_only_in_their_written_form() {
        assert_eq!(SchoolYear::parse(" 2026-2027 ").unwrap().start_year(), 2026);
        for bad in [
            "2026",
            "2026-2028",
            "2026/2027",
            "abcd-efgh",
            "1899-1900",
            "",
            "2026-",
        ] {
            assert!(SchoolYear::parse(bad).is_err(), "{bad}");
        }
        assert!(
            SchoolYear::parse("2026-2028")
                .unwrap_err()
                .0
                .contains("2026-2027")
        );
    }

    #[test]
    fn a_half_year_from_september_ends_on_31_january() {
        let year = SchoolYear::parse("2026-2027").unwrap();
        let p = period(year, StartMoment::September, Commitment::HalfYear);
        assert_eq!((p.starts_on, p.ends_on), (d(2026, 9, 1), d(2027, 1, 31)));
    }

    #[test]
    fn a_half_year_from_february_ends_with_the_school_year() {
        let year = SchoolYear::parse("2026-2027").unwrap();
        let p = period(year, StartMoment::February, Commitment::HalfYear);
        assert_eq!((p.starts_on, p.ends_on), (d(2027, 2, 1), d(2027, 7, 31)));
    }

    #[test]
    fn a_whole_year_is_two_halves_even_across_school_years() {
        let year = SchoolYear::parse("2026-2027").unwrap();
        let sept = period(year, StartMoment::September, Commitment::WholeYear);
        assert_eq!(
            (sept.starts_on, sept.ends_on),
            (d(2026, 9, 1), d(2027, 7, 31))
        );
        let feb = period(year, StartMoment::February, Commitment::WholeYear);
        assert_eq!(
            (feb.starts_on, feb.ends_on),
            (d(2027, 2, 1), d(2028, 1, 31))
        );
    }

    #[test]
    fn february_has_29_days_in_a_leap_year_but_the_half_still_ends_on_31_january() {
        let year = SchoolYear::parse("2027-2028").unwrap();
        let p = period(year, StartMoment::September, Commitment::HalfYear);
        assert_eq!(p.ends_on, d(2028, 1, 31));
        assert_eq!(StartMoment::February.date(year), d(2028, 2, 1));
    }

    #[test]
    fn the_next_start_moment_follows_the_calendar() {
        let y = |s: &str| SchoolYear::parse(s).unwrap();
        assert_eq!(
            StartMoment::next_after(d(2026, 11, 22)),
            (y("2026-2027"), StartMoment::February)
        );
        assert_eq!(
            StartMoment::next_after(d(2027, 2, 1)),
            (y("2026-2027"), StartMoment::February)
        );
        assert_eq!(
            StartMoment::next_after(d(2027, 2, 2)),
            (y("2027-2028"), StartMoment::September)
        );
        assert_eq!(
            StartMoment::next_after(d(2027, 7, 31)),
            (y("2027-2028"), StartMoment::September)
        );
        assert_eq!(
            StartMoment::next_after(d(2027, 8, 1)),
            (y("2027-2028"), StartMoment::September)
        );
        assert_eq!(
            StartMoment::next_after(d(2027, 9, 1)),
            (y("2027-2028"), StartMoment::September)
        );
    }
}
