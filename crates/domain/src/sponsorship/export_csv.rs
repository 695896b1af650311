//! The employer's report as CSV, for the employer's HR officer and a spreadsheet.
//!
//! One file in sections, separated by an empty line, each with its own header row. The labels
//! are Dutch, as the employer reads them:
//!
//! 1. `Werkgever,<name>` and `Periode,<first day>,<last day>` (ISO dates).
//! 2. `Medewerker,School,Afgesproken uren,Geleverde uren,Verschil uren`: per employee a row per
//!    school with the hours delivered there, then the employee's own row, with the school left
//!    empty, of agreed, delivered and difference; an employee who delivered nothing has that row
//!    only. Last, `Totaal` of all employees.
//! 3. `Maatschappelijke waarde (SROI),<euros>` and `Regel,<how the figure was reached>`.
//! 4. `Rol,Partij,Uren,Uurtarief,Kosten`: the cost rows.
//! 5. `Partij,Uren,Kosten uren,Bijdragen,Totaal`: a `Totaal <partij>` row per party.
//! 6. `Bijdrage,Partij,Soort,Datum,Bonnummer,Waarde,Omschrijving`: the contributions, numbered,
//!    each with the day it was given (ISO date) and, last as the longest, what was given or what
//!    the money is for.
//! 7. `Totaal kosten uren`, `Totaal bijdragen` and `Totaal generaal`.
//!
//! Hours and euros are decimals with two decimals, worked out as [`super::report_table`] says,
//! written in the [`CsvDialect`] asked for: `160,00` between `;` with a byte order mark for a
//! Dutch spreadsheet (the default), `160.00` between `,` for a program. Lines end in CRLF. Text is written as `crate::csv_text`
//! says: quoted when it must be, and guarded against being run as a formula.

use super::report_table::{
    Hours, HoursRow, contribution_label, hours_table, party_hours, party_label,
};
use crate::contract::SponsorshipReport;
use crate::csv_text::{CsvDialect, push_row, text_field};

/// The header row of the hours section.
pub const HOURS_HEADER: &str = "Medewerker,School,Afgesproken uren,Geleverde uren,Verschil uren";
/// The header row of the cost rows.
pub const COST_HEADER: &str = "Rol,Partij,Uren,Uurtarief,Kosten";
/// The header row of the party totals.
pub const PARTY_HEADER: &str = "Partij,Uren,Kosten uren,Bijdragen,Totaal";
/// The header row of the contributions.
pub const CONTRIBUTION_HEADER: &str = "Bijdrage,Partij,Soort,Datum,Bonnummer,Waarde,Omschrijving";

/// Writes `report` as CSV.
pub fn write_csv(report: &SponsorshipReport, dialect: CsvDialect) -> String {
    let d = dialect;
    let mut out = String::with_capacity(4096);
    out.push_str(d.start());
    push_row(
        &mut out,
        d,
        &["Werkgever".to_owned(), text_field(&report.employer_name)],
    );
    push_row(
        &mut out,
        d,
        &[
            "Periode".to_owned(),
            report.period.first().format("%Y-%m-%d").to_string(),
            report.period.last().format("%Y-%m-%d").to_string(),
        ],
    );

    out.push_str("\r\n");
    push_row(&mut out, d, &[d.header(HOURS_HEADER)]);
    let hours = hours_table(&report.statement);
    for row in &hours.rows {
        let fields = match row {
            HoursRow::School {
                employee_name,
                school_name,
                delivered,
            } => [
                text_field(employee_name),
                text_field(school_name),
                String::new(),
                d.number(delivered.decimal()),
                String::new(),
            ],
            HoursRow::Employee {
                employee_name,
                agreed,
                delivered,
                difference,
            } => [
                text_field(employee_name),
                String::new(),
                d.number(agreed.decimal()),
                d.number(delivered.decimal()),
                d.number(difference.decimal()),
            ],
        };
        push_row(&mut out, d, &fields);
    }
    push_row(
        &mut out,
        d,
        &[
            "Totaal".to_owned(),
            String::new(),
            d.number(hours.agreed.decimal()),
            d.number(hours.delivered.decimal()),
            d.number(hours.difference.decimal()),
        ],
    );

    out.push_str("\r\n");
    push_row(
        &mut out,
        d,
        &[
            "Maatschappelijke waarde (SROI)".to_owned(),
            d.number(report.social_return.value.decimal()),
        ],
    );
    push_row(
        &mut out,
        d,
        &[
            "Regel".to_owned(),
            text_field(&report.social_return_explanation),
        ],
    );

    let cost = &report.cost;
    out.push_str("\r\n");
    push_row(&mut out, d, &[d.header(COST_HEADER)]);
    for row in &cost.rows {
        push_row(
            &mut out,
            d,
            &[
                text_field(&row.role),
                party_label(row.party).to_owned(),
                d.number(Hours::from_minutes(row.minutes).decimal()),
                d.number(row.hourly_rate.decimal()),
                d.number(row.cost.decimal()),
            ],
        );
    }

    out.push_str("\r\n");
    push_row(&mut out, d, &[d.header(PARTY_HEADER)]);
    for party in &cost.parties {
        push_row(
            &mut out,
            d,
            &[
                format!("Totaal {}", party_label(party.party)),
                d.number(party_hours(cost, party.party).decimal()),
                d.number(party.hours_cost.decimal()),
                d.number(party.contributions.decimal()),
                d.number(party.total.decimal()),
            ],
        );
    }

    out.push_str("\r\n");
    push_row(&mut out, d, &[d.header(CONTRIBUTION_HEADER)]);
    for (number, contribution) in cost.contributions.iter().enumerate() {
        push_row(
            &mut out,
            d,
            &[
                (number + 1).to_string(),
                party_label(contribution.party).to_owned(),
                contribution_label(contribution.kind).to_owned(),
                contribution.given_on.format("%Y-%m-%d").to_string(),
                text_field(&contribution.receipt_number),
                d.number(contribution.amount.decimal()),
                text_field(&contribution.description),
            ],
        );
    }

    out.push_str("\r\n");
    for (label, amount) in [
        ("Totaal kosten uren", cost.hours_cost),
        ("Totaal bijdragen", cost.contributions_total),
        ("Totaal generaal", cost.grand_total),
    ] {
        push_row(&mut out, d, &[label.to_owned(), d.number(amount.decimal())]);
    }
    out
}

#[cfg(test)]
mod tests;
