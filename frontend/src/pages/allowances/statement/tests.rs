use chrono::NaiveDate;
use domain::allowance::{
    AgeCategory, AllowanceCaps, AllowancePolicy, MonthInput, OtherAllowances, compute_line,
};
use domain::calendar_month::CalendarMonth;
use domain::hours::MinutesByKind;
use uuid::Uuid;

use super::*;

/// Fenna's October: 17 volunteered hours, EUR 160, with `declared` from elsewhere.
pub fn item(n: u128, declared: i64, has_iban: bool) -> StatementLineItem {
    let caps = AllowanceCaps {
        year: 2026,
        hourly_21_plus: Cents(560),
        hourly_under_21: Cents(330),
        monthly: Cents(21_000),
        yearly: Cents(210_000),
    };
    let policy = AllowancePolicy::default();
    let input = MonthInput {
        month: CalendarMonth::new(2026, 10).unwrap_or_else(|_| unreachable!()),
        caps: Some(&caps),
        policy: &policy,
        age: AgeCategory::TwentyOneOrOlder,
        hourly_rate: None,
        placement_start: NaiveDate::from_ymd_opt(2026, 9, 1).unwrap_or_default(),
        placement_end: NaiveDate::from_ymd_opt(2027, 7, 1),
        minutes: MinutesByKind {
            sponsored: 0,
            volunteered: 1020,
        },
        others: OtherAllowances {
            declared_this_month: Cents(declared),
            ..OtherAllowances::default()
        },
    };
    StatementLineItem {
        id: Uuid::from_u128(n),
        ambassador_id: Uuid::from_u128(100 + n),
        ambassador_name: format!("Vrijwilliger {n}"),
        line: compute_line(&input).unwrap_or_else(|e| panic!("{e}")),
        has_iban,
        payout_file_id: None,
        version: 1,
    }
}

fn approved(mut item: StatementLineItem) -> StatementLineItem {
    item.line.approve().unwrap_or_else(|e| panic!("{e}"));
    item
}

fn paid(item: StatementLineItem) -> StatementLineItem {
    let mut item = approved(item);
    item.line.mark_paid().unwrap_or_else(|e| panic!("{e}"));
    item
}

fn filed(mut item: StatementLineItem) -> StatementLineItem {
    item.payout_file_id = Some(Uuid::from_u128(900));
    item
}

#[test]
fn the_fixture_is_fennas_october() {
    let line = &item(1, 5001, true).line;
    assert_eq!(line.amount(), Cents(16_000));
    assert_eq!(line.flags().len(), 1, "EUR 160 + EUR 50,01 is over EUR 210");
    assert!(item(1, 0, true).line.flags().is_empty());
}

#[test]
fn totals_add_up_approved_and_paid_apart() {
    let lines = vec![
        approved(item(1, 0, true)),
        paid(item(2, 0, true)),
        item(3, 5001, false),
        approved(item(4, 0, false)),
        filed(approved(item(5, 0, false))),
    ];
    assert_eq!(
        totals(&lines),
        Totals {
            approved: Cents(48_000),
            approved_lines: 3,
            unfiled: 2,
            paid: Cents(16_000),
            lines: 5,
        }
    );
    // A line in a payout file pays to the IBAN recorded at approval: nobody is missing one.
    assert_eq!(approved_without_iban(&lines), ["Vrijwilliger 4"]);
    let none = totals(&[]);
    assert_eq!((none.approved, none.lines), (Cents::ZERO, 0));
}

#[test]
fn a_changed_line_replaces_its_old_self_and_nothing_else() {
    let before = Statement {
        month: "2026-10".into(),
        lines: vec![item(1, 0, true), item(2, 0, true)],
        waiting: Vec::new(),
    };
    let after = with_line(&before, &approved(item(2, 0, true)));
    let statuses: Vec<_> = after.lines.iter().map(|l| l.line.status()).collect();
    assert_eq!(statuses, [LineStatus::Draft, LineStatus::Approved]);
    assert_eq!(with_line(&before, &item(9, 0, true)), before);
}
