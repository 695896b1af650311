//! The employer's report as the downloads show it: hours to the hundredth, rows in the order
//! they are written, labels in Dutch. The CSV ([`super::export_csv`]) and the spreadsheet (in the
//! API) both write these, so the two files always hold the same figures.
//!
//! Each hours figure is its minutes rounded down to the hundredth of an hour, as amounts are to
//! the cent (see [`super`]); a total of hours is the sum of the figures above it, so a column
//! adds up on paper. Amounts are taken as the report has them: they already add up.

use super::cost::{ContributionType, CostOverview, Party};
use super::statement::EmployerStatement;

/// A number of hours to the hundredth: `Hours::from_minutes(90)` is `1.50`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hours(i64);

impl Hours {
    /// `minutes` in hours, rounded down to the hundredth.
    pub fn from_minutes(minutes: u64) -> Hours {
        let hundredths = u128::from(minutes) * 100 / 60;
        Hours(i64::try_from(hundredths).unwrap_or(i64::MAX))
    }

    /// The number of hundredths of an hour.
    pub const fn hundredths(self) -> i64 {
        self.0
    }

    /// Plain decimal with a dot and two decimals: `1.50`, `-8.50`.
    pub fn decimal(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl std::ops::Add for Hours {
    type Output = Hours;
    fn add(self, other: Hours) -> Hours {
        Hours(self.0.saturating_add(other.0))
    }
}

impl std::ops::Sub for Hours {
    type Output = Hours;
    fn sub(self, other: Hours) -> Hours {
        Hours(self.0.saturating_sub(other.0))
    }
}

impl std::iter::Sum for Hours {
    fn sum<I: Iterator<Item = Hours>>(iter: I) -> Hours {
        iter.fold(Hours::default(), |a, b| a + b)
    }
}

/// One row of the hours table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HoursRow {
    /// The hours an employee delivered at one school.
    School {
        /// The employee's name.
        employee_name: String,
        /// The school's name.
        school_name: String,
        /// The hours delivered there.
        delivered: Hours,
    },
    /// An employee's own row, after their schools' rows: agreed against delivered.
    Employee {
        /// The employee's name.
        employee_name: String,
        /// The hours agreed for the period.
        agreed: Hours,
        /// The sum of the employee's school rows.
        delivered: Hours,
        /// Delivered minus agreed: negative when fewer hours were delivered than agreed.
        difference: Hours,
    },
}

/// The hours table: per employee (by name) their schools' rows, then their own row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoursTable {
    /// The rows, in the order written.
    pub rows: Vec<HoursRow>,
    /// The employees' agreed hours added up.
    pub agreed: Hours,
    /// The employees' delivered hours added up.
    pub delivered: Hours,
    /// Delivered minus agreed.
    pub difference: Hours,
}

/// The hours table of `statement`. An employee who delivered nothing has their own row only.
pub fn hours_table(statement: &EmployerStatement) -> HoursTable {
    let mut rows = Vec::new();
    let (mut agreed_total, mut delivered_total) = (Hours::default(), Hours::default());
    for employee in &statement.employees {
        let mut delivered = Hours::default();
        for school in &employee.schools {
            let hours = Hours::from_minutes(school.minutes);
            delivered = delivered + hours;
            rows.push(HoursRow::School {
                employee_name: employee.employee_name.clone(),
                school_name: school.school_name.clone(),
                delivered: hours,
            });
        }
        let agreed = Hours::from_minutes(employee.agreed_minutes);
        rows.push(HoursRow::Employee {
            employee_name: employee.employee_name.clone(),
            agreed,
            delivered,
            difference: delivered - agreed,
        });
        agreed_total = agreed_total + agreed;
        delivered_total = delivered_total + delivered;
    }
    HoursTable {
        rows,
        agreed: agreed_total,
        delivered: delivered_total,
        difference: delivered_total - agreed_total,
    }
}

/// The hours of `party`'s cost rows: the sum of the rows' hours as written.
pub fn party_hours(cost: &CostOverview, party: Party) -> Hours {
    cost.rows
        .iter()
        .filter(|row| row.party == party)
        .map(|row| Hours::from_minutes(row.minutes))
        .sum()
}

/// The party as the budget table names it: `werkgever`, `school`, `programma`.
pub fn party_label(party: Party) -> &'static str {
    match party {
        Party::Employer => "werkgever",
        Party::School => "school",
        Party::Programme => "programma",
    }
}

/// What a contribution is, in Dutch: `materialen` or `geld`.
pub fn contribution_label(kind: ContributionType) -> &'static str {
    match kind {
        ContributionType::Materials => "materialen",
        ContributionType::Money => "geld",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sponsorship::fixtures::example_report;

    #[test]
    fn hours_are_rounded_down_to_the_hundredth() {
        // (minutes, hours as written)
        let cases = [
            (0, "0.00"),
            (1, "0.01"),
            (50, "0.83"),
            (90, "1.50"),
            (599, "9.98"),
        ];
        for (minutes, text) in cases {
            assert_eq!(
                Hours::from_minutes(minutes).decimal(),
                text,
                "{minutes} minutes"
            );
        }
        assert_eq!(
            (Hours::from_minutes(30) - Hours::from_minutes(540)).decimal(),
            "-8.50"
        );
        assert_eq!(Hours::from_minutes(u64::MAX).hundredths(), i64::MAX);
    }

    #[test]
    fn an_employees_delivered_hours_are_the_sum_of_their_schools_rows() {
        let mut report = example_report();
        // One minute at each of two schools: 0.01 each, so 0.02 in all (not 2 minutes' 0.03).
        let sanne = &mut report.statement.employees[1];
        for school in &mut sanne.schools {
            school.minutes = 1;
        }
        let table = hours_table(&report.statement);
        assert_eq!(
            table.rows[3],
            HoursRow::Employee {
                employee_name: "Sanne de Wit".to_owned(),
                agreed: Hours(800),
                delivered: Hours(2),
                difference: Hours(-798),
            }
        );
        assert_eq!(table.delivered, Hours(2));
        assert_eq!(table.difference, Hours(2 - 1_200));
        assert_eq!(party_hours(&report.cost, Party::School), Hours(200));
    }
}
