//! Calendar months, the unit of hour statements and allowance caps. Written `2025-11`.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::ParseError;

/// One month of one calendar year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CalendarMonth {
    // Field order makes the derived ordering chronological.
    year: i32,
    month: u32,
}

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

impl CalendarMonth {
    /// Month `month` (1–12) of `year` (2000–2100, the years the software accepts).
    pub fn new(year: i32, month: u32) -> Result<Self, ParseError> {
        if !(2000..=2100).contains(&year) {
            return Err(ParseError(format!(
                "the year {year} is out of range (2000 to 2100)"
            )));
        }
        if !(1..=12).contains(&month) {
            return Err(ParseError(format!(
                "month {month} does not exist; months run from 1 to 12"
            )));
        }
        Ok(Self { year, month })
    }

    /// Parses `2025-11`.
    pub fn parse(text: &str) -> Result<Self, ParseError> {
        let invalid = || ParseError(format!("'{text}' is not a month; write it as 2025-11"));
        let (year, month) = text.trim().split_once('-').ok_or_else(invalid)?;
        if year.len() != 4 || month.len() != 2 {
            return Err(invalid());
        }
        Self::new(
            year.parse().map_err(|_| invalid())?,
            month.parse().map_err(|_| invalid())?,
        )
    }

    /// The month `date` falls in.
    pub fn containing(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The calendar year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// The first day.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The last day.
    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or(NaiveDate::MIN)
    }

    /// How many days it has: 28 to 31.
    pub fn days(self) -> u32 {
        self.last_day().day()
    }

    /// The month after.
    pub fn next(self) -> Self {
        if self.month == 12 {
            Self {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Self {
                month: self.month + 1,
                ..self
            }
        }
    }

    /// As Dutch people write it: `november 2025`.
    pub fn dutch(self) -> String {
        let name = MONTHS_NL
            .get(self.month.wrapping_sub(1) as usize)
            .unwrap_or(&"?");
        format!("{name} {}", self.year)
    }
}

impl std::fmt::Display for CalendarMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl TryFrom<String> for CalendarMonth {
    type Error = ParseError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<CalendarMonth> for String {
    fn from(month: CalendarMonth) -> String {
        month.to_string()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for CalendarMonth {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(r"^\d{4}-(0[1-9]|1[0-2])$"))
            .description(Some("A calendar month, written as 2025-11."))
            .examples(["2025-11"])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for CalendarMonth {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_knows_its_days_including_leap_februaries() {
        let cases = [
            ((2025, 2), 28),
            ((2024, 2), 29),
            ((2100, 2), 28),
            ((2025, 4), 30),
            ((2025, 12), 31),
        ];
        for ((year, month), days) in cases {
            let m = CalendarMonth::new(year, month).unwrap();
            assert_eq!(m.days(), days, "{m}");
            assert_eq!(m.first_day().day(), 1);
        }
    }

    #[test]
    fn december_is_followed_by_january_of_the_next_year() {
        let december = CalendarMonth::new(2025, 12).unwrap();
        assert_eq!(december.next(), CalendarMonth::new(2026, 1).unwrap());
        assert!(december < december.next());
        assert_eq!(december.dutch(), "december 2025");
    }

    #[test]
    fn it_is_written_and_read_as_year_dash_month() {
        let m = CalendarMonth::parse("2025-11").unwrap();
        assert_eq!(m.to_string(), "2025-11");
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"2025-11\"");
        for bad in ["2025-13", "2025-1", "25-11", "november", "1999-12", ""] {
            assert!(CalendarMonth::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            CalendarMonth::parse("2025-13").unwrap_err().to_string(),
            "month 13 does not exist; months run from 1 to 12"
        );
    }
}
