//! The employer's statement of sponsored hours: delivered against agreed, per employee and per
//! school. Which hours count and how agreed minutes are worked out is written down in [`super`].
//!
//! The statement's types hold sponsored minutes only: no volunteered hours, no allowance, no VOG.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::hours::{HourKind, HourStatus};
use crate::money::Cents;
use crate::school_year::Period;

/// Why a statement cannot be drawn up.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StatementError {
    /// The last day lies before the first.
    #[error("a statement from {first} to {last} ends before it starts; give the first day first")]
    EndsBeforeStart {
        /// The first day given.
        first: NaiveDate,
        /// The last day given.
        last: NaiveDate,
    },
}

/// The days a statement covers, first and last included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatementPeriod {
    /// The first day, `YYYY-MM-DD`.
    #[serde(serialize_with = "crate::json_format::date")]
    first: NaiveDate,
    /// The last day, `YYYY-MM-DD`.
    #[serde(serialize_with = "crate::json_format::date")]
    last: NaiveDate,
}

impl StatementPeriod {
    /// `first..=last`.
    pub fn new(first: NaiveDate, last: NaiveDate) -> Result<Self, StatementError> {
        if last < first {
            return Err(StatementError::EndsBeforeStart { first, last });
        }
        Ok(Self { first, last })
    }

    /// The first day.
    pub fn first(self) -> NaiveDate {
        self.first
    }

    /// The last day.
    pub fn last(self) -> NaiveDate {
        self.last
    }

    /// Whether `date` lies within it.
    pub fn contains(self, date: NaiveDate) -> bool {
        (self.first..=self.last).contains(&date)
    }
}

/// What the statement needs of one sponsorship agreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementInput {
    /// The sponsored employee.
    pub employee_id: Uuid,
    /// The employee's name, as the employer knows it.
    pub employee_name: String,
    /// Sponsored minutes a week agreed.
    pub sponsored_minutes_per_week: u32,
    /// The employer's cost of an hour.
    pub hourly_rate: Cents,
    /// The agreement's own first and last day (its end, if it ended early).
    pub period: Period,
    /// The school holidays of the region where the employee works: no hours are due then.
    pub days_off: Vec<Period>,
}

impl AgreementInput {
    /// Days of `period` inside the agreement and outside its holidays: the days hours are due.
    fn school_days_in(&self, period: StatementPeriod) -> u64 {
        let first = period.first.max(self.period.starts_on);
        let last = period.last.min(self.period.ends_on);
        first
            .iter_days()
            .take_while(|day| *day <= last)
            .filter(|day| {
                !self
                    .days_off
                    .iter()
                    .any(|off| (off.starts_on..=off.ends_on).contains(day))
            })
            .count() as u64
    }
}

/// What the statement needs of one hour entry. Entries of every kind and status may be given;
/// only counted sponsored ones are used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HourEntryInput {
    /// Whose hours.
    pub employee_id: Uuid,
    /// The day.
    pub date: NaiveDate,
    /// How long.
    pub minutes: u32,
    /// Sponsored or volunteered.
    pub kind: HourKind,
    /// Submitted, approved, rejected or locked.
    pub status: HourStatus,
    /// Where.
    pub school_name: String,
}

impl HourEntryInput {
    fn counts_in(&self, period: StatementPeriod) -> bool {
        self.kind == HourKind::Sponsored && self.status.counts() && period.contains(self.date)
    }
}

/// Sponsored minutes delivered at one school.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SchoolMinutes {
    /// The school's name.
    pub school_name: String,
    /// Minutes delivered there.
    pub minutes: u64,
}

/// One employee's sponsored hours in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmployeeStatement {
    /// The employee.
    pub employee_id: Uuid,
    /// The employee's name.
    pub employee_name: String,
    /// The employer's cost of an hour (of the employee's latest agreement in the input).
    pub hourly_rate: Cents,
    /// Sponsored minutes agreed for the part of the period the agreements cover.
    pub agreed_minutes: u64,
    /// Sponsored minutes delivered: approved or locked.
    pub delivered_minutes: u64,
    /// Delivered minus agreed: negative when fewer minutes were delivered than agreed.
    pub difference_minutes: i64,
    /// Delivered minutes per school, by school name.
    pub schools: Vec<SchoolMinutes>,
}

/// The employer's statement for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmployerStatement {
    /// The days covered.
    pub period: StatementPeriod,
    /// One line per employee with an agreement, by name.
    pub employees: Vec<EmployeeStatement>,
    /// Sum of the employees' agreed minutes.
    pub agreed_minutes: u64,
    /// Sum of the employees' delivered minutes.
    pub delivered_minutes: u64,
}

/// The statement of `period` for the employees of `agreements` (one employer's), from
/// `entries`. An employee with several agreements (two half years) gets one line with the agreed
/// minutes of each added up; entries of employees without an agreement here are left out, since
/// they are not this employer's staff, and so are entries dated outside the employee's
/// agreements with this employer (before it started, after it ended, or under another
/// employer's agreement).
pub fn employer_statement(
    period: StatementPeriod,
    agreements: &[AgreementInput],
    entries: &[HourEntryInput],
) -> EmployerStatement {
    let mut lines: BTreeMap<Uuid, EmployeeStatement> = BTreeMap::new();
    let mut in_order: Vec<&AgreementInput> = agreements.iter().collect();
    // Oldest first, so the latest agreement's name and rate are the ones kept.
    in_order.sort_by_key(|a| a.period.starts_on);
    for agreement in in_order {
        let weekly = u64::from(agreement.sponsored_minutes_per_week);
        let agreed = weekly * agreement.school_days_in(period) / 7;
        let line = lines
            .entry(agreement.employee_id)
            .or_insert_with(|| EmployeeStatement {
                employee_id: agreement.employee_id,
                employee_name: agreement.employee_name.clone(),
                hourly_rate: agreement.hourly_rate,
                agreed_minutes: 0,
                delivered_minutes: 0,
                difference_minutes: 0,
                schools: Vec::new(),
            });
        line.agreed_minutes += agreed;
        line.hourly_rate = agreement.hourly_rate;
        line.employee_name.clone_from(&agreement.employee_name);
    }

    let mut per_school: BTreeMap<(Uuid, &str), u64> = BTreeMap::new();
    // Only days the employer sponsored: within one of the employee's agreements with it.
    let sponsored_on = |entry: &HourEntryInput| {
        agreements.iter().any(|a| {
            a.employee_id == entry.employee_id
                && (a.period.starts_on..=a.period.ends_on).contains(&entry.date)
        })
    };
    for entry in entries.iter().filter(|e| e.counts_in(period)) {
        if sponsored_on(entry) {
            *per_school
                .entry((entry.employee_id, entry.school_name.as_str()))
                .or_default() += u64::from(entry.minutes);
        }
    }
    for ((employee_id, school_name), minutes) in per_school {
        if let Some(line) = lines.get_mut(&employee_id) {
            line.delivered_minutes += minutes;
            line.schools.push(SchoolMinutes {
                school_name: school_name.to_owned(),
                minutes,
            });
        }
    }

    let mut employees: Vec<EmployeeStatement> = lines
        .into_values()
        .map(|mut line| {
            line.difference_minutes = signed(line.delivered_minutes) - signed(line.agreed_minutes);
            line
        })
        .collect();
    employees.sort_by(|a, b| {
        (a.employee_name.as_str(), a.employee_id).cmp(&(b.employee_name.as_str(), b.employee_id))
    });
    EmployerStatement {
        period,
        agreed_minutes: employees.iter().map(|e| e.agreed_minutes).sum(),
        delivered_minutes: employees.iter().map(|e| e.delivered_minutes).sum(),
        employees,
    }
}

fn signed(minutes: u64) -> i64 {
    i64::try_from(minutes).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests;
