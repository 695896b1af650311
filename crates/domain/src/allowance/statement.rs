//! A volunteer's statement line for one month: the allowance the rules give, the caps it was
//! checked against, and its life from draft to paid.
//!
//! A line is drawn up as a *draft* once the month's hours are all decided
//! ([`crate::hours::month_is_complete`]). Programme staff may set another amount on a draft,
//! with a reason; the caps are checked again. A line over a cap cannot be *approved*. An
//! approved line is *paid* or reopened (with a reason) to a draft. A paid line never changes:
//! a mistake is put right by a correction, a new line for the same month whose amount (negative
//! to take money back) is added to what was paid, and which names the line it corrects.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::caps::{AgeCategory, AllowanceCaps};
use super::check::{CapBreach, CapCheck, CapContext, OtherAllowances};
use super::policy::{AllowancePolicy, AmountBasis};
use crate::calendar_month::CalendarMonth;
use crate::hours::MinutesByKind;
use crate::money::Cents;
use crate::text_enum;

mod lifecycle;

pub use lifecycle::LineError;

text_enum! {
    /// Where a statement line is in its life.
    pub enum LineStatus ("statement line status") {
        /// Drawn up; programme staff may adjust it.
        Draft = "draft",
        /// Approved for payment: within every cap.
        Approved = "approved",
        /// Paid; it never changes again.
        Paid = "paid",
    }
}

/// Everything one month's line is computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthInput<'a> {
    /// The calendar month.
    pub month: CalendarMonth,
    /// The caps of the month's calendar year, if entered.
    pub caps: Option<&'a AllowanceCaps>,
    /// The programme's monthly amount over time.
    pub policy: &'a AllowancePolicy,
    /// The volunteer's age category.
    pub age: AgeCategory,
    /// The agreed hourly rate, if any.
    pub hourly_rate: Option<Cents>,
    /// The placement's first day.
    pub placement_start: chrono::NaiveDate,
    /// The placement's last day, if it has ended or its end is known.
    pub placement_end: Option<chrono::NaiveDate>,
    /// The month's counted minutes by kind.
    pub minutes: MinutesByKind,
    /// What else counts toward the caps.
    pub others: OtherAllowances,
}

/// Why a line cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StatementError {
    /// No caps were entered for the month's calendar year.
    #[error(
        "the volunteer allowance caps for {year} are not known yet: enter the {year} caps published by the Belastingdienst (per hour for 21 and older, per hour under 21, per month, per year), then draw up the statement again"
    )]
    MissingCaps {
        /// The calendar year without caps.
        year: i32,
    },
    /// The caps given are another year's.
    #[error("the caps given are those of {caps_year}, but the statement is for {month}")]
    CapsOfAnotherYear {
        /// The statement's month.
        month: CalendarMonth,
        /// The year of the caps given.
        caps_year: i32,
    },
    /// The programme's amount does not reach back to the month.
    #[error(
        "the programme has no monthly allowance for {month}; add an amount that applies from {month} or earlier"
    )]
    NoProgrammeAmount {
        /// The month.
        month: CalendarMonth,
    },
    /// An agreed rate of nothing or less.
    #[error(
        "an agreed hourly rate must be more than EUR 0.00, not {rate}; leave it out when none was agreed"
    )]
    InvalidHourlyRate {
        /// The rate given.
        rate: Cents,
    },
    /// A negative amount declared from elsewhere.
    #[error("allowances declared from elsewhere cannot be negative, not {amount}")]
    NegativeDeclared {
        /// The amount given.
        amount: Cents,
    },
}

/// One month's allowance for one volunteer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatementLine {
    /// The calendar month, `YYYY-MM`.
    month: CalendarMonth,
    /// The month's approved volunteered minutes.
    volunteered_minutes: u32,
    /// How the amount was computed (absent on a correction).
    basis: Option<AmountBasis>,
    /// The amount the rules give, in cents.
    computed: Cents,
    /// The amount to pay, in cents: the computed one unless adjusted.
    amount: Cents,
    /// Why programme staff changed the amount, if they did.
    adjustment_reason: Option<String>,
    /// The paid line this one corrects, if it is a correction.
    corrects: Option<Uuid>,
    /// The caps, age category, hourly rate and other allowances the checks used.
    context: CapContext,
    /// Each cap checked: the total that counts and the cap.
    checks: Vec<CapCheck>,
    /// Each cap broken, with the reason; a line with flags cannot be approved.
    flags: Vec<CapBreach>,
    /// `draft`, `approved` or `paid`.
    status: LineStatus,
}

/// Draws up the draft line for a month: the amount the rules give
/// ([`super::policy`] says how), checked against the caps.
pub fn compute_line(input: &MonthInput<'_>) -> Result<StatementLine, StatementError> {
    let year = input.month.year();
    let caps = *input.caps.ok_or(StatementError::MissingCaps { year })?;
    if caps.year != year {
        return Err(StatementError::CapsOfAnotherYear {
            month: input.month,
            caps_year: caps.year,
        });
    }
    for amount in [
        input.others.declared_this_month,
        input.others.declared_other_months,
    ] {
        if amount.is_negative() {
            return Err(StatementError::NegativeDeclared { amount });
        }
    }
    let basis = match input.hourly_rate {
        Some(rate) if !rate.is_positive() => {
            return Err(StatementError::InvalidHourlyRate { rate });
        }
        Some(rate) => AmountBasis::Hourly {
            rate,
            volunteered_minutes: input.minutes.volunteered,
        },
        None => AmountBasis::monthly(
            input
                .policy
                .amount_on(input.month)
                .ok_or(StatementError::NoProgrammeAmount { month: input.month })?,
            input.minutes,
            input.month,
            input.placement_start,
            input.placement_end,
        ),
    };
    let amount = basis.amount();
    let context = CapContext {
        caps,
        age: input.age,
        hourly_rate: input.hourly_rate,
        others: input.others,
    };
    let (checks, flags) = context.check(amount);
    Ok(StatementLine {
        month: input.month,
        volunteered_minutes: input.minutes.volunteered,
        basis: Some(basis),
        computed: amount,
        amount,
        adjustment_reason: None,
        corrects: None,
        context,
        checks,
        flags,
        status: LineStatus::Draft,
    })
}

impl StatementLine {
    /// The calendar month.
    pub fn month(&self) -> CalendarMonth {
        self.month
    }

    /// The counted volunteered minutes (none on a correction).
    pub fn volunteered_minutes(&self) -> u32 {
        self.volunteered_minutes
    }

    /// How the rules worked the amount out (none on a correction).
    pub fn basis(&self) -> Option<AmountBasis> {
        self.basis
    }

    /// The amount the rules gave, before any adjustment.
    pub fn computed(&self) -> Cents {
        self.computed
    }

    /// The amount to pay (negative: to pay back).
    pub fn amount(&self) -> Cents {
        self.amount
    }

    /// Why the amount was adjusted or corrected, if it was.
    pub fn adjustment_reason(&self) -> Option<&str> {
        self.adjustment_reason.as_deref()
    }

    /// The paid line this corrects, if it is a correction.
    pub fn corrects(&self) -> Option<Uuid> {
        self.corrects
    }

    /// What the caps were checked with.
    pub fn context(&self) -> &CapContext {
        &self.context
    }

    /// Every cap checked.
    pub fn checks(&self) -> &[CapCheck] {
        &self.checks
    }

    /// The caps exceeded; approval waits until there are none.
    pub fn flags(&self) -> &[CapBreach] {
        &self.flags
    }

    /// Where the line is in its life.
    pub fn status(&self) -> LineStatus {
        self.status
    }
}
