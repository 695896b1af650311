//! A volunteer's calendar year as it stands at the moment of a decision: every Klasbrug line and
//! every allowance declared from elsewhere. The caps count *every* allowance of the calendar
//! month and year, whatever the order in which the months were drawn up, approved or paid; and
//! corrections together may take back at most what was paid. Both are answered here, from the
//! ledger read inside the decision's transaction, never from numbers frozen on a line earlier.

use uuid::Uuid;

use super::check::OtherAllowances;
use super::statement::LineStatus;
use crate::calendar_month::CalendarMonth;
use crate::contract::FieldError;
use crate::money::Cents;

/// One Klasbrug line of the year, as far as the caps and corrections are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LedgerLine {
    /// The line's id.
    pub id: Uuid,
    /// Its calendar month.
    pub month: CalendarMonth,
    /// Where it is in its life.
    pub status: LineStatus,
    /// Its amount (negative for a correction taking money back).
    pub amount: Cents,
    /// Whether it is a correction of a paid line.
    pub is_correction: bool,
}

/// An allowance the volunteer declared from another organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LedgerDeclaration {
    /// The month it was received in.
    pub month: CalendarMonth,
    /// How much.
    pub amount: Cents,
}

/// Everything of one volunteer that counts toward the caps or limits a correction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YearLedger {
    /// Klasbrug's lines, in any status.
    pub lines: Vec<LedgerLine>,
    /// Allowances declared from elsewhere.
    pub declared: Vec<LedgerDeclaration>,
}

impl YearLedger {
    /// What counts toward the caps of a line for `month` besides the line `except` itself:
    /// Klasbrug's approved and paid lines and every declared allowance, of `month` and of every
    /// other month of its calendar year, earlier or later. Drafts are not money yet.
    pub fn others(&self, month: CalendarMonth, except: Option<Uuid>) -> OtherAllowances {
        let mut others = OtherAllowances::default();
        for line in &self.lines {
            let counts = matches!(line.status, LineStatus::Approved | LineStatus::Paid);
            if !counts || Some(line.id) == except || line.month.year() != month.year() {
                continue;
            }
            if line.month == month {
                others.lines_this_month += line.amount;
            } else {
                others.lines_other_months += line.amount;
            }
        }
        for declared in &self.declared {
            if declared.month.year() != month.year() {
                continue;
            }
            if declared.month == month {
                others.declared_this_month += declared.amount;
            } else {
                others.declared_other_months += declared.amount;
            }
        }
        others
    }

    /// How much corrections can still take back from `month`, leaving out the line `except`:
    /// what was paid for it (paid lines and paid corrections), less the corrections that take
    /// money back and are not paid yet. Never below nothing.
    pub fn correctable(&self, month: CalendarMonth, except: Option<Uuid>) -> Cents {
        let left: Cents = self
            .lines
            .iter()
            .filter(|l| l.month == month && Some(l.id) != except)
            .filter(|l| l.status == LineStatus::Paid || (l.is_correction && l.amount.is_negative()))
            .map(|l| l.amount)
            .sum();
        if left.is_negative() {
            Cents::ZERO
        } else {
            left
        }
    }
}

/// Checks an allowance declared from elsewhere: more than nothing, from a named source of at
/// most 200 characters. Returns the source, trimmed.
pub fn declared_source(amount: Cents, source: &str) -> Result<String, FieldError> {
    if !amount.is_positive() {
        return Err(FieldError::new("amount", "more than 0 cents"));
    }
    let source = source.trim();
    if source.is_empty() || source.chars().count() > 200 {
        return Err(FieldError::new("source", "1 to 200 characters"));
    }
    Ok(source.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declaration_names_its_source_and_an_amount() {
        assert_eq!(
            declared_source(Cents(1), "  Sportclub "),
            Ok("Sportclub".to_owned())
        );
        assert_eq!(
            declared_source(Cents(0), "Sportclub").unwrap_err().field,
            "amount"
        );
        assert_eq!(
            declared_source(Cents(-1), "Sportclub").unwrap_err().field,
            "amount"
        );
        assert_eq!(
            declared_source(Cents(1), "   ").unwrap_err().field,
            "source"
        );
        assert!(declared_source(Cents(1), &"x".repeat(200)).is_ok());
        assert_eq!(
            declared_source(Cents(1), &"x".repeat(201))
                .unwrap_err()
                .field,
            "source"
        );
    }

    fn month(m: u32) -> CalendarMonth {
        CalendarMonth::new(2026, m).unwrap()
    }

    fn line(n: u128, m: u32, status: LineStatus, amount: i64) -> LedgerLine {
        LedgerLine {
            id: Uuid::from_u128(n),
            month: month(m),
            status,
            amount: Cents(amount),
            is_correction: false,
        }
    }

    fn correction(n: u128, m: u32, status: LineStatus, amount: i64) -> LedgerLine {
        LedgerLine {
            is_correction: true,
            ..line(n, m, status, amount)
        }
    }

    fn declared(m: u32, amount: i64) -> LedgerDeclaration {
        LedgerDeclaration {
            month: month(m),
            amount: Cents(amount),
        }
    }

    #[test]
    fn every_approved_or_paid_month_of_the_year_counts_earlier_or_later() {
        let ledger = YearLedger {
            lines: vec![
                line(1, 9, LineStatus::Paid, 16_000),
                line(2, 11, LineStatus::Paid, 16_000),
                line(3, 12, LineStatus::Approved, 16_000),
                line(4, 8, LineStatus::Draft, 16_000),
                line(5, 10, LineStatus::Draft, 16_000),
            ],
            declared: vec![
                declared(1, 20_000),
                declared(10, 5_001),
                declared(12, 1_000),
            ],
        };
        let others = ledger.others(month(10), Some(Uuid::from_u128(5)));
        assert_eq!(
            others,
            OtherAllowances {
                declared_this_month: Cents(5_001),
                declared_other_months: Cents(21_000),
                lines_this_month: Cents(0),
                lines_other_months: Cents(48_000),
            }
        );
    }

    #[test]
    fn the_line_itself_and_other_years_do_not_count() {
        let ledger = YearLedger {
            lines: vec![
                line(1, 10, LineStatus::Approved, 16_000),
                LedgerLine {
                    month: CalendarMonth::new(2025, 12).unwrap(),
                    ..line(2, 1, LineStatus::Paid, 16_000)
                },
                correction(3, 10, LineStatus::Approved, 5_000),
            ],
            declared: vec![LedgerDeclaration {
                month: CalendarMonth::new(2027, 1).unwrap(),
                amount: Cents(9_999),
            }],
        };
        let others = ledger.others(month(10), Some(Uuid::from_u128(1)));
        assert_eq!(others.lines_this_month, Cents(5_000));
        assert_eq!(others.lines_other_months, Cents::ZERO);
        assert_eq!(others.declared_other_months, Cents::ZERO);
    }

    #[test]
    fn corrections_under_way_use_up_what_can_be_taken_back() {
        let mut ledger = YearLedger {
            lines: vec![line(1, 10, LineStatus::Paid, 16_000)],
            declared: Vec::new(),
        };
        assert_eq!(ledger.correctable(month(10), None), Cents(16_000));
        ledger
            .lines
            .push(correction(2, 10, LineStatus::Draft, -10_000));
        assert_eq!(ledger.correctable(month(10), None), Cents(6_000));
        // Leaving the draft out: what is left for it itself.
        assert_eq!(
            ledger.correctable(month(10), Some(Uuid::from_u128(2))),
            Cents(16_000)
        );
        // A correction adding money counts once paid, not before.
        ledger
            .lines
            .push(correction(3, 10, LineStatus::Approved, 5_000));
        assert_eq!(ledger.correctable(month(10), None), Cents(6_000));
        ledger.lines[2].status = LineStatus::Paid;
        assert_eq!(ledger.correctable(month(10), None), Cents(11_000));
        // Another month is another matter.
        assert_eq!(ledger.correctable(month(11), None), Cents::ZERO);
    }

    #[test]
    fn what_can_be_taken_back_is_never_below_nothing() {
        let ledger = YearLedger {
            lines: vec![
                line(1, 10, LineStatus::Paid, 16_000),
                correction(2, 10, LineStatus::Paid, -10_000),
                correction(3, 10, LineStatus::Paid, -10_000),
            ],
            declared: Vec::new(),
        };
        assert_eq!(ledger.correctable(month(10), None), Cents::ZERO);
    }
}
