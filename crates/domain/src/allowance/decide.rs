//! The decisions on a statement line, as plain functions: given the line as it stands and the
//! volunteer's [`YearLedger`] read at the same moment, what the line becomes, or why not.
//!
//! Every decision that lets money move (approving, paying, correcting) checks the caps again
//! against everything approved, paid or declared *now*, for the whole calendar month and year,
//! so a line's earlier checks never vouch for it. A correction that takes money back is limited
//! by what is still correctable in its month.

use uuid::Uuid;

use super::ledger::YearLedger;
use super::statement::{LineError, LineStatus, StatementLine};
use crate::contract::LineAction;
use crate::money::Cents;

/// What drawing up a month does with one volunteer's line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DrawUp {
    /// No line yet: add this one.
    Add(StatementLine),
    /// A draft nobody adjusted, drawn up afresh: replace it with this one.
    Replace(StatementLine),
    /// Adjusted, approved, paid, or unchanged: leave it.
    Keep,
}

/// Decides a month's line for one volunteer: `fresh` is the line the rules give now (computed
/// without caps context of its own), `existing` the line drawn up before, if any.
pub fn draw_up(
    mut fresh: StatementLine,
    existing: Option<(Uuid, &StatementLine)>,
    ledger: &YearLedger,
) -> DrawUp {
    fresh.recheck(ledger.others(fresh.month(), existing.map(|(id, _)| id)));
    match existing {
        None => DrawUp::Add(fresh),
        Some((_, old))
            if old.status() == LineStatus::Draft
                && old.adjustment_reason().is_none()
                && *old != fresh =>
        {
            DrawUp::Replace(fresh)
        }
        Some(_) => DrawUp::Keep,
    }
}

/// Sets another amount on the draft line `id`, with a reason, checked against the caps as they
/// stand and, for a correction, against what its month can still give back.
pub fn adjust(
    line: &StatementLine,
    id: Uuid,
    amount: Cents,
    reason: &str,
    ledger: &YearLedger,
) -> Result<StatementLine, LineError> {
    let mut line = line.clone();
    if line.status() == LineStatus::Draft && line.corrects().is_some() && amount.is_negative() {
        take_back(ledger.correctable(line.month(), Some(id)), &line, amount)?;
    }
    line.recheck(ledger.others(line.month(), Some(id)));
    line.adjust(amount, reason)?;
    Ok(line)
}

/// Moves the line `id` on: approving and paying check the caps and the correctable amount
/// again with what counts now; reopening needs a reason.
pub fn transition(
    line: &StatementLine,
    id: Uuid,
    action: LineAction,
    reason: &str,
    ledger: &YearLedger,
) -> Result<StatementLine, LineError> {
    let mut line = line.clone();
    match action {
        LineAction::Approve => {
            line.recheck(ledger.others(line.month(), Some(id)));
            line.approve()?;
            within_correctable(&line, id, ledger)?;
        }
        LineAction::MarkPaid => {
            line.recheck(ledger.others(line.month(), Some(id)));
            line.mark_paid()?;
            within_correctable(&line, id, ledger)?;
        }
        LineAction::Reopen => {
            line.reopen(reason)?;
            line.recheck(ledger.others(line.month(), Some(id)));
        }
    }
    Ok(line)
}

/// The line `id` checked again against the caps as they stand, its amount and status kept:
/// what a refused approval or payment leaves behind, so the line shows the breach.
pub fn recheck(line: &StatementLine, id: Uuid, ledger: &YearLedger) -> StatementLine {
    let mut line = line.clone();
    line.recheck(ledger.others(line.month(), Some(id)));
    line
}

/// A correction of the paid line `corrected_id`: `amount` is added to what was paid for its
/// month (negative takes back, at most what the month can still give back), checked against
/// the caps as they stand.
pub fn correct(
    corrected: &StatementLine,
    corrected_id: Uuid,
    amount: Cents,
    reason: &str,
    ledger: &YearLedger,
) -> Result<StatementLine, LineError> {
    let others = ledger.others(corrected.month(), None);
    if corrected.status() == LineStatus::Paid && amount.is_negative() {
        take_back(
            ledger.correctable(corrected.month(), None),
            corrected,
            amount,
        )?;
    }
    StatementLine::correction(corrected, corrected_id, amount, reason, others)
}

/// Refuses a correction `line` (id `id`) that takes back more than its month can still give.
fn within_correctable(
    line: &StatementLine,
    id: Uuid,
    ledger: &YearLedger,
) -> Result<(), LineError> {
    if line.corrects().is_none() || !line.amount().is_negative() {
        return Ok(());
    }
    take_back(
        ledger.correctable(line.month(), Some(id)),
        line,
        line.amount(),
    )
}

fn take_back(correctable: Cents, line: &StatementLine, amount: Cents) -> Result<(), LineError> {
    if (correctable + amount).is_negative() {
        return Err(LineError::TakesBackTooMuch {
            month: line.month(),
            correctable,
        });
    }
    Ok(())
}
