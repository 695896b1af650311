//! A small employer report for the tests of the downloads. Every name is made up.

use chrono::NaiveDate;
use uuid::Uuid;

use super::{
    AgreementInput, Contribution, ContributionType, CostRow, HourEntryInput, Party,
    StatementPeriod, ambassador_rows, cost_overview, employer_statement, social_return,
};
use crate::contract::SponsorshipReport;
use crate::hours::{HourKind, HourStatus};
use crate::money::Cents;
use crate::school_year::Period;

pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn agreement(id: u128, name: &str, weekly: u32, rate: i64) -> AgreementInput {
    AgreementInput {
        days_off: Vec::new(),
        employee_id: Uuid::from_u128(id),
        employee_name: name.to_owned(),
        sponsored_minutes_per_week: weekly,
        hourly_rate: Cents(rate),
        period: Period {
            starts_on: d(2026, 9, 1),
            ends_on: d(2027, 1, 31),
        },
    }
}

fn entry(
    id: u128,
    day: u32,
    minutes: u32,
    kind: HourKind,
    status: HourStatus,
    school: &str,
) -> HourEntryInput {
    HourEntryInput {
        employee_id: Uuid::from_u128(id),
        date: d(2026, 9, day),
        minutes,
        kind,
        status,
        school_name: school.to_owned(),
    }
}

/// Four weeks of September 2026 for one employer:
/// - Sanne de Wit, 2 hours a week agreed (8.00 in four weeks), delivered 90 minutes at one
///   school and 50 at another (her volunteered and rejected entries do not count);
/// - Ruben Bakker, 1 hour a week agreed, who delivered nothing;
/// - a coordinator's 2 hours borne by the school, and two contributions of the employer.
pub(crate) fn example_report() -> SponsorshipReport {
    use HourKind::{Sponsored, Volunteered};
    use HourStatus::{Approved, Locked, Rejected};
    let period = StatementPeriod::new(d(2026, 9, 1), d(2026, 9, 28)).unwrap();
    let agreements = [
        agreement(1, "Sanne de Wit", 120, 4_500),
        agreement(2, "Ruben Bakker", 60, 5_000),
    ];
    let entries = [
        entry(1, 8, 90, Sponsored, Approved, "OBS De Voorbeeldschool"),
        entry(1, 15, 50, Sponsored, Locked, "Basisschool Het Testlab"),
        entry(1, 16, 60, Volunteered, Approved, "OBS De Voorbeeldschool"),
        entry(1, 17, 45, Sponsored, Rejected, "OBS De Voorbeeldschool"),
    ];
    let statement = employer_statement(period, &agreements, &entries);
    let social_return = social_return(statement.delivered_minutes, "Voorbeeldstad", &[]);
    let mut rows = ambassador_rows(&statement);
    rows.push(CostRow {
        role: "coördinator".to_owned(),
        party: Party::School,
        minutes: 120,
        hourly_rate: Cents(5_000),
    });
    let contributions = [
        Contribution {
            kind: ContributionType::Materials,
            description: "Drukwerk lesmateriaal".to_owned(),
            amount: Cents(7_500),
            given_on: d(2026, 9, 8),
            party: Party::Employer,
            receipt_number: "B-2026-001".to_owned(),
        },
        Contribution {
            kind: ContributionType::Money,
            description: "Bijdrage excursie; bus en entree".to_owned(),
            amount: Cents(25_000),
            given_on: d(2026, 9, 20),
            party: Party::Employer,
            receipt_number: "B-2026-002".to_owned(),
        },
    ];
    SponsorshipReport {
        employer_id: Uuid::from_u128(100),
        employer_name: "Voorbeeld Installatietechniek BV".to_owned(),
        period,
        social_return_explanation: social_return.explanation(),
        social_return,
        cost: cost_overview(&rows, &contributions).unwrap(),
        statement,
    }
}
