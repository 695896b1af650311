//! The decisions on a line against a volunteer's whole year as it stands at that moment: every
//! month counts whatever its order, and corrections together never take back more than was
//! paid.

use uuid::Uuid;

use super::*;
use crate::allowance::decide::{self, DrawUp};
use crate::contract::LineAction;

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn ledger_line(n: u128, line: &StatementLine) -> LedgerLine {
    LedgerLine {
        id: id(n),
        month: line.month(),
        status: line.status(),
        amount: line.amount(),
        is_correction: line.corrects().is_some(),
    }
}

fn declared(m: u32, amount: i64) -> LedgerDeclaration {
    LedgerDeclaration {
        month: month(2025, m),
        amount: Cents(amount),
    }
}

fn paid(mut line: StatementLine) -> StatementLine {
    line.approve().unwrap();
    line.mark_paid().unwrap();
    line
}

fn approve(line: &StatementLine, n: u128, ledger: &YearLedger) -> Result<StatementLine, LineError> {
    decide::transition(line, id(n), LineAction::Approve, "", ledger)
}

#[test]
fn approval_counts_what_was_declared_after_the_line_was_drawn_up_to_the_cent() {
    let drawn = line(input(2025, 10));
    assert!(drawn.flags().is_empty());
    // EUR 50.00 declared since: exactly the monthly cap of EUR 210.00, approved.
    let at_cap = YearLedger {
        lines: vec![ledger_line(1, &drawn)],
        declared: vec![declared(10, 5_000)],
    };
    assert_eq!(
        approve(&drawn, 1, &at_cap).unwrap().status(),
        LineStatus::Approved
    );
    // One cent more: refused, naming the cap and the total.
    let over = YearLedger {
        declared: vec![declared(10, 5_001)],
        ..at_cap
    };
    assert_eq!(
        approve(&drawn, 1, &over),
        Err(LineError::OverCap {
            breaches: vec![CapBreach::MonthlyCap {
                total: Cents(21_001),
                cap: Cents(21_000),
            }],
        })
    );
    // What the refusal leaves behind: the same draft, now flagged.
    let flagged = decide::recheck(&drawn, id(1), &over);
    assert_eq!(
        (flagged.status(), flagged.amount()),
        (LineStatus::Draft, Cents(16_000))
    );
    assert_eq!(flagged.flags().len(), 1);
    assert_eq!(
        decide::recheck(&drawn, id(1), &at_cap_again()),
        drawn_at_cap(&drawn)
    );
}

fn at_cap_again() -> YearLedger {
    YearLedger {
        lines: Vec::new(),
        declared: vec![declared(10, 5_000)],
    }
}

fn drawn_at_cap(drawn: &StatementLine) -> StatementLine {
    let mut line = drawn.clone();
    line.recheck(OtherAllowances {
        declared_this_month: Cents(5_000),
        ..OtherAllowances::default()
    });
    line
}

#[test]
fn the_yearly_cap_counts_later_months_and_declarations_of_later_months() {
    let october = line(input(2025, 10));
    // EUR 1,780 declared in January, December's line paid: 1,780 + 160 + 160 = 2,100, the cap.
    let december = paid(line(input(2025, 12)));
    let mut ledger = YearLedger {
        lines: vec![ledger_line(1, &october), ledger_line(2, &december)],
        declared: vec![declared(1, 178_000)],
    };
    assert!(approve(&october, 1, &ledger).is_ok());
    // One cent declared for November, after October: over the yearly cap.
    ledger.declared.push(declared(11, 1));
    assert_eq!(
        approve(&october, 1, &ledger),
        Err(LineError::OverCap {
            breaches: vec![CapBreach::YearlyCap {
                total: Cents(210_001),
                cap: Cents(210_000),
            }],
        })
    );
    // Last year's and next year's allowances are another year's business.
    ledger.declared.pop();
    ledger.declared.push(LedgerDeclaration {
        month: month(2026, 1),
        amount: Cents(50_000),
    });
    assert!(approve(&october, 1, &ledger).is_ok());
}

#[test]
fn two_months_each_within_the_yearly_cap_alone_are_not_both_approved() {
    // EUR 1,800 declared January to September, October and November drawn up as drafts.
    let declared_months: Vec<_> = (1..=9).map(|m| declared(m, 20_000)).collect();
    let october = line(input(2025, 10));
    let november = line(input(2025, 11));
    let mut ledger = YearLedger {
        lines: vec![ledger_line(1, &october), ledger_line(2, &november)],
        declared: declared_months,
    };
    let october = approve(&october, 1, &ledger).unwrap();
    ledger.lines[0] = ledger_line(1, &october);
    assert_eq!(
        approve(&november, 2, &ledger),
        Err(LineError::OverCap {
            breaches: vec![CapBreach::YearlyCap {
                total: Cents(212_000),
                cap: Cents(210_000),
            }],
        })
    );
    // Paying October checks again and still passes: November never became money.
    assert!(decide::transition(&october, id(1), LineAction::MarkPaid, "", &ledger).is_ok());
}

#[test]
fn paying_checks_the_caps_again() {
    let mut october = line(input(2025, 10));
    october.approve().unwrap();
    let ledger = YearLedger {
        lines: vec![ledger_line(1, &october)],
        declared: vec![declared(10, 5_001)],
    };
    assert!(matches!(
        decide::transition(&october, id(1), LineAction::MarkPaid, "", &ledger),
        Err(LineError::OverCap { .. })
    ));
    // Reopened, it shows the breach, and an adjustment to the cent brings it back under.
    let reopened = decide::transition(
        &october,
        id(1),
        LineAction::Reopen,
        "Vergoeding van elders",
        &ledger,
    )
    .unwrap();
    assert_eq!(reopened.flags().len(), 1);
    let adjusted = decide::adjust(
        &reopened,
        id(1),
        Cents(15_999),
        "Binnen het maximum",
        &ledger,
    )
    .unwrap();
    assert!(adjusted.flags().is_empty());
}

#[test]
fn positive_corrections_are_counted_together_at_approval() {
    let october = paid(line(input(2025, 10)));
    let mut ledger = YearLedger {
        lines: vec![ledger_line(1, &october)],
        declared: Vec::new(),
    };
    let fifty = decide::correct(&october, id(1), Cents(5_000), "Vergeten dag", &ledger).unwrap();
    ledger.lines.push(ledger_line(2, &fifty));
    let cent = decide::correct(&october, id(1), Cents(1), "Afronding", &ledger).unwrap();
    ledger.lines.push(ledger_line(3, &cent));
    // Each is fine alone: 160 + 50 = 210.00 and 160 + 0.01.
    assert!(fifty.flags().is_empty() && cent.flags().is_empty());
    let fifty = approve(&fifty, 2, &ledger).unwrap();
    ledger.lines[1] = ledger_line(2, &fifty);
    assert_eq!(
        approve(&cent, 3, &ledger),
        Err(LineError::OverCap {
            breaches: vec![CapBreach::MonthlyCap {
                total: Cents(21_001),
                cap: Cents(21_000),
            }],
        })
    );
}

#[test]
fn corrections_together_take_back_at_most_what_was_paid() {
    let october = paid(line(input(2025, 10)));
    let mut ledger = YearLedger {
        lines: vec![ledger_line(1, &october)],
        declared: Vec::new(),
    };
    let first = decide::correct(&october, id(1), Cents(-10_000), "Dubbel", &ledger).unwrap();
    ledger.lines.push(ledger_line(2, &first));
    assert_eq!(
        decide::correct(&october, id(1), Cents(-10_000), "Nog eens", &ledger),
        Err(LineError::TakesBackTooMuch {
            month: month(2025, 10),
            correctable: Cents(6_000),
        })
    );
    // Exactly what is left is fine; a cent more is not.
    assert!(decide::correct(&october, id(1), Cents(-6_000), "Rest", &ledger).is_ok());
    assert!(decide::correct(&october, id(1), Cents(-6_001), "Rest", &ledger).is_err());
    // A second correction already in the ledger (created before the rule) cannot be approved.
    let second = StatementLine::correction(
        &october,
        id(1),
        Cents(-10_000),
        "Nog eens",
        OtherAllowances {
            lines_this_month: october.amount(),
            ..OtherAllowances::default()
        },
    )
    .unwrap();
    ledger.lines.push(ledger_line(3, &second));
    let first = approve(&first, 2, &ledger).unwrap_err();
    assert!(
        matches!(first, LineError::TakesBackTooMuch { .. }),
        "{first}"
    );
    // Nor adjusted to take back more than is left for it.
    assert_eq!(
        decide::adjust(&second, id(3), Cents(-16_001), "Alles", &ledger),
        Err(LineError::TakesBackTooMuch {
            month: month(2025, 10),
            correctable: Cents(6_000),
        })
    );
}

#[test]
fn drawing_up_replaces_only_untouched_drafts_and_counts_the_whole_year() {
    let ledger = YearLedger {
        lines: vec![ledger_line(2, &paid(line(input(2025, 11))))],
        declared: vec![declared(12, 178_000)],
    };
    let DrawUp::Add(fresh) = decide::draw_up(line(input(2025, 10)), None, &ledger) else {
        panic!("a new line");
    };
    // 160 + November's 160 + December's 1,780 declared: one cent would be over.
    assert!(fresh.flags().is_empty());
    let yearly = fresh
        .checks()
        .iter()
        .find(|c| c.kind == CapKind::Yearly)
        .unwrap();
    assert_eq!(yearly.total, Cents(210_000));
    assert_eq!(
        decide::draw_up(line(input(2025, 10)), Some((id(1), &fresh)), &ledger),
        DrawUp::Keep
    );
    let more = YearLedger {
        declared: vec![declared(12, 178_001)],
        ..ledger.clone()
    };
    let DrawUp::Replace(flagged) =
        decide::draw_up(line(input(2025, 10)), Some((id(1), &fresh)), &more)
    else {
        panic!("the draft drawn up again");
    };
    assert_eq!(flagged.flags().len(), 1);
    let mut adjusted = fresh.clone();
    adjusted.adjust(Cents(10_000), "Halve maand").unwrap();
    assert_eq!(
        decide::draw_up(line(input(2025, 10)), Some((id(1), &adjusted)), &more),
        DrawUp::Keep
    );
}
