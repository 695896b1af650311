//! A statement line's life: adjusting a draft, approving it within the caps, paying it,
//! reopening it, and correcting a paid line with a new one.

use uuid::Uuid;

use super::{LineStatus, StatementLine};
use crate::allowance::check::{CapBreach, CapContext, OtherAllowances};
use crate::calendar_month::CalendarMonth;
use crate::money::Cents;

/// Why a change to a line is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LineError {
    /// The change does not follow from the line's status.
    #[error("a statement line that is {from} cannot be {verb}; {hint}")]
    NotFrom {
        /// The current status.
        from: LineStatus,
        /// The change, as a past participle.
        verb: &'static str,
        /// What can be done instead.
        hint: &'static str,
    },
    /// Approving a line over a cap.
    #[error("the line cannot be approved while it is over a cap: {}", join(.breaches))]
    OverCap {
        /// Every cap exceeded.
        breaches: Vec<CapBreach>,
    },
    /// Adjusting, reopening or correcting without a reason.
    #[error("say why the line is {verb}: a reason is required")]
    ReasonRequired {
        /// The change, as a past participle.
        verb: &'static str,
    },
    /// A negative amount on a line that is not a correction.
    #[error(
        "an allowance cannot be negative ({amount}); to take back money that was paid, add a correction to the paid line"
    )]
    NegativeAmount {
        /// The amount given.
        amount: Cents,
    },
    /// A correction of nothing.
    #[error(
        "a correction of EUR 0.00 changes nothing; give the amount to add, or a negative amount to take back"
    )]
    EmptyCorrection,
    /// A correction of a line that was not paid.
    #[error("only a paid line is corrected; this one is {status}: {hint}")]
    NotPaid {
        /// The corrected line's status.
        status: LineStatus,
        /// What to do instead.
        hint: &'static str,
    },
    /// A correction taking back more than was paid for the month.
    #[error(
        "the correction would bring the allowance paid for {month} to {total}; a correction can take back at most what was paid"
    )]
    BelowZero {
        /// The month.
        month: CalendarMonth,
        /// What the month would come to.
        total: Cents,
    },
    /// Corrections together taking back more than was paid for the month.
    #[error(
        "at most {correctable} can still be taken back from {month}: what was paid for it, less the corrections already under way; corrections together never take back more than was paid"
    )]
    TakesBackTooMuch {
        /// The month.
        month: CalendarMonth,
        /// What corrections can still take back.
        correctable: Cents,
    },
}

fn join(breaches: &[CapBreach]) -> String {
    breaches
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; and ")
}

fn reason_given(reason: &str, verb: &'static str) -> Result<String, LineError> {
    let reason = reason.trim();
    if reason.is_empty() {
        Err(LineError::ReasonRequired { verb })
    } else {
        Ok(reason.to_owned())
    }
}

impl StatementLine {
    /// A draft correction of `corrected`, a paid line with id `corrected_id`: `amount` is added
    /// to what was paid for its month (negative takes money back). `others` is what counts
    /// toward the caps now, with `lines_this_month` holding the corrected line and any earlier
    /// corrections of the month.
    pub fn correction(
        corrected: &StatementLine,
        corrected_id: Uuid,
        amount: Cents,
        reason: &str,
        others: OtherAllowances,
    ) -> Result<StatementLine, LineError> {
        if corrected.status != LineStatus::Paid {
            return Err(LineError::NotPaid {
                status: corrected.status,
                hint: "adjust a draft line, or reopen an approved one first",
            });
        }
        let reason = reason_given(reason, "corrected")?;
        let context = CapContext {
            others,
            ..corrected.context
        };
        let mut line = StatementLine {
            month: corrected.month,
            volunteered_minutes: 0,
            basis: None,
            computed: amount,
            amount,
            adjustment_reason: Some(reason),
            corrects: Some(corrected_id),
            context,
            checks: Vec::new(),
            flags: Vec::new(),
            status: LineStatus::Draft,
        };
        line.set_amount(amount)?;
        Ok(line)
    }

    /// Sets another amount on a draft line, with a reason, and checks the caps again.
    pub fn adjust(&mut self, amount: Cents, reason: &str) -> Result<(), LineError> {
        self.require(LineStatus::Draft, "adjusted")?;
        let reason = reason_given(reason, "adjusted")?;
        self.set_amount(amount)?;
        self.adjustment_reason = Some(reason);
        Ok(())
    }

    fn set_amount(&mut self, amount: Cents) -> Result<(), LineError> {
        if self.corrects.is_some() {
            if amount == Cents::ZERO {
                return Err(LineError::EmptyCorrection);
            }
            let total = self.context.others.lines_this_month + amount;
            if total.is_negative() {
                return Err(LineError::BelowZero {
                    month: self.month,
                    total,
                });
            }
        } else if amount.is_negative() {
            return Err(LineError::NegativeAmount { amount });
        }
        let (checks, flags) = self.context.check(amount);
        self.amount = amount;
        self.checks = checks;
        self.flags = flags;
        Ok(())
    }

    /// Approves a draft line that is within every cap.
    pub fn approve(&mut self) -> Result<(), LineError> {
        self.require(LineStatus::Draft, "approved")?;
        if !self.flags.is_empty() {
            return Err(LineError::OverCap {
                breaches: self.flags.clone(),
            });
        }
        self.status = LineStatus::Approved;
        Ok(())
    }

    /// Sends an approved line back to draft, with a reason, for instance when an hour entry
    /// of its month was reopened.
    pub fn reopen(&mut self, reason: &str) -> Result<(), LineError> {
        self.require(LineStatus::Approved, "reopened")?;
        reason_given(reason, "reopened")?;
        self.status = LineStatus::Draft;
        Ok(())
    }

    /// Checks the caps again with what counts toward them now, keeping the amount.
    pub fn recheck(&mut self, others: OtherAllowances) {
        self.context.others = others;
        let (checks, flags) = self.context.check(self.amount);
        self.checks = checks;
        self.flags = flags;
    }

    /// Records that an approved line was paid (or, for a negative correction, paid back);
    /// refused while it is over a cap, as approval is.
    pub fn mark_paid(&mut self) -> Result<(), LineError> {
        self.require(LineStatus::Approved, "paid")?;
        if !self.flags.is_empty() {
            return Err(LineError::OverCap {
                breaches: self.flags.clone(),
            });
        }
        self.status = LineStatus::Paid;
        Ok(())
    }

    fn require(&self, status: LineStatus, verb: &'static str) -> Result<(), LineError> {
        if self.status == status {
            return Ok(());
        }
        Err(LineError::NotFrom {
            from: self.status,
            verb,
            hint: match self.status {
                LineStatus::Draft => "approve it first",
                LineStatus::Approved => "reopen it, with a reason, to change it",
                LineStatus::Paid => "a paid line never changes; add a correction instead",
            },
        })
    }
}
