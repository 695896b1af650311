//! Paying out allowances: a CSV for people and spreadsheets ([`csv`]) and a SEPA credit
//! transfer file for the bank ([`pain001`]).
//!
//! Both refuse an empty payout and any line that does not pay a positive amount: a zero line
//! is left out by the caller, and money a volunteer owes back (a negative correction) is never
//! collected by a credit transfer.

pub mod bic;
pub mod business_day;
pub mod csv;
pub mod pain001;
pub mod sepa_text;

pub use bic::Bic;
pub use csv::write_csv;
pub use pain001::{CreditTransfer, write_pain001};

use crate::iban::Iban;
use crate::money::Cents;

/// The largest amount one SEPA transfer carries: EUR 999,999,999.99.
pub const MAX_AMOUNT: Cents = Cents(99_999_999_999);

/// One payment to one person.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PayoutLine {
    /// The payer's reference for this payment, returned by the bank with it: 1 to 35
    /// characters of the SEPA set, without spaces (only used in the SEPA file).
    pub end_to_end_id: String,
    /// The account holder.
    pub name: String,
    /// Their account; `None` once the payment period has passed and the payee was wiped (the
    /// amount and the description stay as the record of the payment).
    #[serde(default)]
    pub iban: Option<Iban>,
    /// What to pay; more than nothing.
    pub amount: Cents,
    /// What the payee reads on their statement, such as `Vrijwilligersvergoeding november 2025`.
    pub description: String,
}

/// Why a payout file cannot be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PayoutError {
    /// No lines.
    #[error("a payout needs at least one line; there is nothing to pay")]
    Empty,
    /// A line of nothing or less.
    #[error(
        "line {line} ({name}) pays {amount}; only amounts of more than EUR 0.00 can be paid out, so leave it out"
    )]
    NotPositive {
        /// The line's number, from 1.
        line: usize,
        /// The payee.
        name: String,
        /// The amount.
        amount: Cents,
    },
    /// A line above what a transfer carries.
    #[error(
        "line {line} ({name}) pays {amount}, more than the {MAX_AMOUNT} one transfer can carry"
    )]
    TooLarge {
        /// The line's number, from 1.
        line: usize,
        /// The payee.
        name: String,
        /// The amount.
        amount: Cents,
    },
    /// A line without an account to pay to.
    #[error("line {line} ({name}) has no IBAN to pay to")]
    IbanMissing {
        /// The line's number, from 1.
        line: usize,
        /// The payee.
        name: String,
    },
    /// A name with nothing the bank can carry.
    #[error(
        "the {whose} name has no letters or digits a bank transfer can carry; fill in the account holder's name"
    )]
    NameMissing {
        /// Whose name: `payer's` or `payee's on line 3`.
        whose: String,
    },
    /// A reference that breaks the SEPA rules for identifiers.
    #[error("the {field} '{value}' cannot be used: {problem}")]
    Identifier {
        /// Which reference.
        field: String,
        /// The reference given.
        value: String,
        /// What is wrong.
        problem: &'static str,
    },
    /// Two lines with one end-to-end id.
    #[error(
        "lines {first} and {second} share the end-to-end id '{id}'; each payment needs its own"
    )]
    DuplicateEndToEndId {
        /// The first line's number.
        first: usize,
        /// The second line's number.
        second: usize,
        /// The id.
        id: String,
    },
    /// Execution requested before the file exists.
    #[error(
        "the requested execution date {execution_date} lies before the day the file is created ({created_on}); choose {created_on} or later"
    )]
    ExecutionBeforeCreation {
        /// The requested date.
        execution_date: chrono::NaiveDate,
        /// The creation day, in Amsterdam.
        created_on: chrono::NaiveDate,
    },
}

/// Checks what both files need: at least one line, each paying a positive amount a transfer
/// can carry. Returns the total.
fn check_amounts(lines: &[PayoutLine]) -> Result<Cents, PayoutError> {
    if lines.is_empty() {
        return Err(PayoutError::Empty);
    }
    for (i, l) in lines.iter().enumerate() {
        let (line, name, amount) = (i + 1, l.name.clone(), l.amount);
        if !amount.is_positive() {
            return Err(PayoutError::NotPositive { line, name, amount });
        }
        if amount > MAX_AMOUNT {
            return Err(PayoutError::TooLarge { line, name, amount });
        }
    }
    Ok(lines.iter().map(|l| l.amount).sum())
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;

    /// A payment of `cents` to a made-up payee.
    pub fn line(id: &str, name: &str, iban: &str, cents: i64) -> PayoutLine {
        PayoutLine {
            end_to_end_id: id.to_owned(),
            name: name.to_owned(),
            iban: Some(Iban::parse(iban).unwrap()),
            amount: Cents(cents),
            description: "Vrijwilligersvergoeding november 2025".to_owned(),
        }
    }

    /// Two payments: EUR 160.00 and EUR 85.33.
    pub fn two_lines() -> Vec<PayoutLine> {
        vec![
            line(
                "KB-2025-11-0001",
                "A. de Vries",
                "NL91ABNA0417164300",
                16_000,
            ),
            line("KB-2025-11-0002", "B. Janssens", "BE68539007547034", 8_533),
        ]
    }
}
