//! The volunteer allowance (*vrijwilligersvergoeding*): the programme's monthly amount, the tax
//! caps of the *vrijwilligersregeling*, and the monthly statement lines that pay it.
//!
//! - [`caps`]: the caps per calendar year, and the age categories of the hourly cap.
//! - [`policy`]: the programme's amount over time and **how a month's amount is worked out**:
//!   the pro-rata and rounding rules are written down there, once.
//! - [`check`]: checking an amount against the caps, with every allowance counted.
//! - [`statement`]: a month's line, from draft to paid, and corrections.
//! - [`ledger`]: a volunteer's year as it stands: what counts toward the caps, and what
//!   corrections can still take back.
//! - [`decide`]: each decision on a line, re-checked against the ledger read at that moment.
//!
//! Getting this wrong costs volunteers money: above a cap the whole allowance becomes taxable.
//! So money is whole cents, arithmetic is integer, and a line over a cap cannot be approved.

pub mod caps;
pub mod check;
pub mod decide;
pub mod ledger;
pub mod policy;
pub mod statement;

pub use caps::{AgeCategory, AllowanceCaps, caps_for, known_caps};
pub use check::{CapBreach, CapCheck, CapContext, CapKind, OtherAllowances};
pub use decide::DrawUp;
pub use ledger::{LedgerDeclaration, LedgerLine, YearLedger};
pub use policy::{AllowancePolicy, AllowanceStep, AmountBasis, DEFAULT_MONTHLY_AMOUNT};
pub use statement::{
    LineError, LineStatus, MonthInput, StatementError, StatementLine, compute_line,
};

#[cfg(test)]
mod tests;
