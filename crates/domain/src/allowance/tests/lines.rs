//! A statement line's life: adjusted, approved, paid, corrected.

use uuid::Uuid;

use super::*;

#[test]
fn a_flagged_line_cannot_be_approved_until_an_adjustment_brings_it_within_the_caps() {
    let mut line = line(MonthInput {
        others: OtherAllowances {
            declared_this_month: Cents(10_000),
            ..OtherAllowances::default()
        },
        ..input(2025, 11)
    });
    let err = line.approve().unwrap_err();
    assert_eq!(
        err.to_string(),
        "the line cannot be approved while it is over a cap: this month's allowances, with those declared from elsewhere, would total EUR 260.00, above the monthly cap of EUR 210.00; above a cap the whole allowance becomes taxable, so lower the amount"
    );
    assert_eq!(line.status(), LineStatus::Draft);
    assert_eq!(
        line.adjust(Cents(11_000), "  "),
        Err(LineError::ReasonRequired { verb: "adjusted" })
    );
    assert_eq!(
        line.adjust(Cents(-1), "Terugbetaling"),
        Err(LineError::NegativeAmount { amount: Cents(-1) })
    );
    line.adjust(
        Cents(11_000),
        "Binnen het maandmaximum met de vergoeding van elders",
    )
    .unwrap();
    assert_eq!(line.computed(), Cents(16_000));
    assert_eq!(line.amount(), Cents(11_000));
    assert_eq!(
        line.adjustment_reason(),
        Some("Binnen het maandmaximum met de vergoeding van elders")
    );
    assert!(line.flags().is_empty());
    line.approve().unwrap();
    assert_eq!(line.status(), LineStatus::Approved);
}

#[test]
fn an_approved_line_is_paid_or_reopened_and_a_paid_line_never_changes() {
    let mut line = line(input(2025, 11));
    assert!(line.mark_paid().is_err());
    line.approve().unwrap();
    assert!(line.adjust(Cents(100), "reden").is_err());
    assert_eq!(
        line.reopen(""),
        Err(LineError::ReasonRequired { verb: "reopened" })
    );
    line.reopen("Uren van 24 november heropend").unwrap();
    assert_eq!(line.status(), LineStatus::Draft);
    line.approve().unwrap();
    line.mark_paid().unwrap();
    let before = line.clone();
    let refusals = [
        line.approve(),
        line.reopen("reden"),
        line.mark_paid(),
        line.adjust(Cents(100), "reden"),
    ];
    for refusal in refusals {
        let err = refusal.unwrap_err();
        assert!(
            err.to_string()
                .contains("a paid line never changes; add a correction instead"),
            "{err}"
        );
    }
    assert_eq!(line, before);
}

#[test]
fn a_correction_is_a_new_line_that_names_the_paid_line_and_may_take_money_back() {
    let paid_id = Uuid::from_u128(0x51);
    let mut paid = line(input(2025, 11));
    let paid_month = OtherAllowances {
        lines_this_month: paid.amount(),
        ..OtherAllowances::default()
    };
    assert!(matches!(
        StatementLine::correction(&paid, paid_id, Cents(-2_000), "Een dag te veel", paid_month),
        Err(LineError::NotPaid {
            status: LineStatus::Draft,
            ..
        })
    ));
    paid.approve().unwrap();
    paid.mark_paid().unwrap();

    let mut back =
        StatementLine::correction(&paid, paid_id, Cents(-2_000), "Een dag te veel", paid_month)
            .unwrap();
    assert_eq!(back.corrects(), Some(paid_id));
    assert_eq!(back.month(), month(2025, 11));
    assert_eq!(back.amount(), Cents(-2_000));
    assert_eq!(back.status(), LineStatus::Draft);
    let monthly = back
        .checks()
        .iter()
        .find(|c| c.kind == CapKind::Monthly)
        .unwrap();
    assert_eq!(monthly.total, Cents(14_000));
    back.approve().unwrap();

    let refusals = [
        (Cents(0), "reden", LineError::EmptyCorrection),
        (
            Cents(-16_001),
            "reden",
            LineError::BelowZero {
                month: month(2025, 11),
                total: Cents(-1),
            },
        ),
        (
            Cents(500),
            " ",
            LineError::ReasonRequired { verb: "corrected" },
        ),
    ];
    for (amount, reason, err) in refusals {
        assert_eq!(
            StatementLine::correction(&paid, paid_id, amount, reason, paid_month),
            Err(err),
            "{amount}"
        );
    }

    // Taking money back is never flagged, even when the month stays over a cap because of
    // what was declared from elsewhere: it is the way back under.
    let over_elsewhere = OtherAllowances {
        declared_this_month: Cents(10_000),
        ..paid_month
    };
    let mut back_under = StatementLine::correction(
        &paid,
        paid_id,
        Cents(-5_000),
        "Dubbel betaald",
        over_elsewhere,
    )
    .unwrap();
    let monthly = back_under
        .checks()
        .iter()
        .find(|c| c.kind == CapKind::Monthly)
        .unwrap();
    assert_eq!(monthly.total, Cents(21_000));
    let mut still_over = StatementLine::correction(
        &paid,
        paid_id,
        Cents(-4_999),
        "Dubbel betaald",
        over_elsewhere,
    )
    .unwrap();
    assert!(!still_over.checks()[0].passes());
    assert!(still_over.flags().is_empty());
    still_over.approve().unwrap();
    back_under.approve().unwrap();

    // Adding money back is checked against the caps like any other allowance.
    let mut more =
        StatementLine::correction(&paid, paid_id, Cents(5_001), "Vergeten dag", paid_month)
            .unwrap();
    assert_eq!(more.flags().len(), 1);
    assert!(more.approve().is_err());
    more.adjust(Cents(5_000), "Tot het maandmaximum").unwrap();
    more.approve().unwrap();
}

#[test]
fn a_line_is_stored_and_read_back_as_json() {
    let line = line(MonthInput {
        placement_start: d(2025, 11, 15),
        ..input(2025, 11)
    });
    let json = serde_json::to_value(&line).unwrap();
    assert_eq!(json["month"], "2025-11");
    assert_eq!(json["amount"], 8_533);
    assert_eq!(json["status"], "draft");
    assert_eq!(json["basis"]["basis"], "monthly");
    assert_eq!(json["basis"]["placement_days"], 16);
    let back: StatementLine = serde_json::from_value(json).unwrap();
    assert_eq!(back, line);
}
