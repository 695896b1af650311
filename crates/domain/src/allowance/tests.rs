//! The volunteer allowance at every boundary a volunteer's money depends on.

use chrono::NaiveDate;
use proptest::prelude::*;
use uuid::Uuid;

use super::*;
use crate::calendar_month::CalendarMonth;
use crate::hours::MinutesByKind;
use crate::money::Cents;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn month(y: i32, m: u32) -> CalendarMonth {
    CalendarMonth::new(y, m).unwrap()
}

const FOUR_DAYS: MinutesByKind = MinutesByKind {
    sponsored: 0,
    volunteered: 4 * 480,
};

/// Caps an admin entered for 2026, different from 2025's.
const CAPS_2026: AllowanceCaps = AllowanceCaps {
    year: 2026,
    hourly_21_plus: Cents(570),
    hourly_under_21: Cents(335),
    monthly: Cents(21_500),
    yearly: Cents(215_000),
};

/// A volunteer of 21 or older, placed since the start of the school year 2024-2025, with four
/// approved volunteered days in `m` of `y` and nothing else.
fn input(y: i32, m: u32) -> MonthInput<'static> {
    static POLICY: std::sync::LazyLock<AllowancePolicy> =
        std::sync::LazyLock::new(AllowancePolicy::default);
    MonthInput {
        month: month(y, m),
        caps: caps_for(known_caps(), y),
        policy: &POLICY,
        age: AgeCategory::TwentyOneOrOlder,
        hourly_rate: None,
        placement_start: d(2024, 8, 1),
        placement_end: None,
        minutes: FOUR_DAYS,
        others: OtherAllowances::default(),
    }
}

fn line(input: MonthInput<'_>) -> StatementLine {
    compute_line(&input).unwrap()
}

#[test]
fn a_volunteer_gets_the_programmes_160_euros_for_a_full_month() {
    let line = line(input(2025, 11));
    assert_eq!(line.amount(), Cents(16_000));
    assert_eq!(line.volunteered_minutes(), 1_920);
    assert_eq!(line.status(), LineStatus::Draft);
    assert!(line.flags().is_empty());
    let kinds: Vec<CapKind> = line.checks().iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [CapKind::Monthly, CapKind::Yearly]);
}

#[test]
fn the_funding_share_follows_the_months_approved_minutes() {
    let cases = [
        // (sponsored, volunteered) → cents
        ((0, 1_920), 16_000),
        ((0, 15), 16_000),
        ((960, 960), 8_000),
        ((1_280, 640), 5_333),
        ((1_920, 0), 0),
        ((0, 0), 0),
    ];
    for ((sponsored, volunteered), cents) in cases {
        let line = line(MonthInput {
            minutes: MinutesByKind {
                sponsored,
                volunteered,
            },
            ..input(2025, 11)
        });
        assert_eq!(line.amount(), Cents(cents), "S={sponsored} V={volunteered}");
    }
}

#[test]
fn a_month_in_which_the_placement_starts_or_ends_pays_its_days() {
    let cases = [
        // November 2025 has 30 days; December 31.
        ((d(2025, 11, 15), None, (2025, 11)), 8_533),
        ((d(2025, 11, 1), None, (2025, 11)), 16_000),
        ((d(2025, 11, 30), None, (2025, 11)), 533),
        ((d(2025, 8, 1), Some(d(2025, 12, 10)), (2025, 12)), 5_161),
        ((d(2025, 8, 1), Some(d(2025, 12, 31)), (2025, 12)), 16_000),
        ((d(2025, 8, 1), Some(d(2025, 11, 30)), (2025, 12)), 0),
    ];
    for ((start, end, (y, m)), cents) in cases {
        let line = line(MonthInput {
            placement_start: start,
            placement_end: end,
            ..input(y, m)
        });
        assert_eq!(line.amount(), Cents(cents), "{start} to {end:?} in {y}-{m}");
    }
    // Starts on the 15th and is half volunteered: 160 × 16/30 × 1/2 = 42.666… → 42.66.
    let hybrid_start = line(MonthInput {
        placement_start: d(2025, 11, 15),
        minutes: MinutesByKind {
            sponsored: 480,
            volunteered: 480,
        },
        ..input(2025, 11)
    });
    assert_eq!(hybrid_start.amount(), Cents(4_266));
}

#[test]
fn exactly_210_euros_in_a_month_passes_and_one_cent_more_is_flagged() {
    let cases = [
        // (declared elsewhere this month) → breach
        (0, None),
        (5_000, None),
        (
            5_001,
            Some(CapBreach::MonthlyCap {
                total: Cents(21_001),
                cap: Cents(21_000),
            }),
        ),
        (
            10_000,
            Some(CapBreach::MonthlyCap {
                total: Cents(26_000),
                cap: Cents(21_000),
            }),
        ),
    ];
    for (declared, breach) in cases {
        let line = line(MonthInput {
            others: OtherAllowances {
                declared_this_month: Cents(declared),
                ..OtherAllowances::default()
            },
            ..input(2025, 3)
        });
        assert_eq!(line.flags(), breach.as_slice(), "declared {declared}");
    }
    // The same boundary when programme staff set the amount themselves.
    let mut adjusted = line(input(2025, 3));
    adjusted
        .adjust(Cents(21_000), "Extra dag bij de schoolreis")
        .unwrap();
    assert!(adjusted.flags().is_empty());
    adjusted
        .adjust(Cents(21_001), "Extra dag bij de schoolreis")
        .unwrap();
    assert_eq!(
        adjusted.flags(),
        [CapBreach::MonthlyCap {
            total: Cents(21_001),
            cap: Cents(21_000)
        }]
    );
}

#[test]
fn the_yearly_cap_is_reached_in_november_exactly_and_not_a_cent_beyond() {
    let january_to_october = Cents(194_000);
    let november = |others: OtherAllowances| {
        line(MonthInput {
            others,
            ..input(2025, 11)
        })
    };
    let earlier = OtherAllowances {
        lines_other_months: january_to_october,
        ..OtherAllowances::default()
    };
    let exact = november(earlier);
    assert_eq!(exact.amount(), Cents(16_000));
    assert!(exact.flags().is_empty());
    let yearly = exact
        .checks()
        .iter()
        .find(|c| c.kind == CapKind::Yearly)
        .unwrap();
    assert_eq!((yearly.total, yearly.cap), (Cents(210_000), Cents(210_000)));

    let over = [
        OtherAllowances {
            declared_this_month: Cents(1),
            ..earlier
        },
        OtherAllowances {
            declared_other_months: Cents(1),
            ..earlier
        },
        OtherAllowances {
            lines_other_months: january_to_october + Cents(1),
            ..earlier
        },
    ];
    for others in over {
        assert_eq!(
            november(others).flags(),
            [CapBreach::YearlyCap {
                total: Cents(210_001),
                cap: Cents(210_000)
            }],
            "{others:?}"
        );
    }
}

#[test]
fn a_school_year_crossing_new_year_counts_december_in_the_old_year_and_january_afresh() {
    // 1,940 from elsewhere in 2025 before December.
    let in_2025 = OtherAllowances {
        declared_other_months: Cents(194_000),
        ..OtherAllowances::default()
    };
    let december = line(MonthInput {
        others: in_2025,
        ..input(2025, 12)
    });
    assert!(december.flags().is_empty());
    assert_eq!(december.context().caps.year, 2025);
    let one_more_day = line(MonthInput {
        others: OtherAllowances {
            declared_this_month: Cents(1),
            ..in_2025
        },
        ..input(2025, 12)
    });
    assert_eq!(one_more_day.flags().len(), 1);

    // January starts a new calendar year: nothing of 2025 counts, and 2026 has its own caps.
    let january = line(MonthInput {
        caps: Some(&CAPS_2026),
        ..input(2026, 1)
    });
    assert!(january.flags().is_empty());
    let yearly = january
        .checks()
        .iter()
        .find(|c| c.kind == CapKind::Yearly)
        .unwrap();
    assert_eq!((yearly.total, yearly.cap), (Cents(16_000), Cents(215_000)));

    // A rate of 5.65 is over 2025's hourly cap and within 2026's.
    let at_565 = |y, caps| {
        line(MonthInput {
            caps,
            hourly_rate: Some(Cents(565)),
            ..input(y, if y == 2025 { 12 } else { 1 })
        })
    };
    assert_eq!(at_565(2025, caps_for(known_caps(), 2025)).flags().len(), 1);
    assert!(at_565(2026, Some(&CAPS_2026)).flags().is_empty());

    // 2025's caps cannot stand in for 2026's.
    assert_eq!(
        compute_line(&MonthInput {
            caps: caps_for(known_caps(), 2025),
            ..input(2026, 1)
        }),
        Err(StatementError::CapsOfAnotherYear {
            month: month(2026, 1),
            caps_year: 2025
        })
    );
}

#[test]
fn an_agreed_hourly_rate_is_checked_against_the_cap_of_the_age_category() {
    use AgeCategory::{TwentyOneOrOlder as Adult, UnderTwentyOne as Young};
    let cases = [
        (2025, Young, 330, None),
        (2025, Young, 331, Some(330)),
        (2025, Adult, 560, None),
        (2025, Adult, 561, Some(560)),
        (2024, Young, 325, None),
        (2024, Young, 326, Some(325)),
        (2024, Adult, 550, None),
        (2024, Adult, 551, Some(550)),
        // An adult's rate is over the cap for the young.
        (2025, Young, 560, Some(330)),
    ];
    for (year, age, rate, cap) in cases {
        let line = line(MonthInput {
            age,
            hourly_rate: Some(Cents(rate)),
            minutes: MinutesByKind {
                sponsored: 0,
                volunteered: 600,
            },
            ..input(year, 6)
        });
        let expected: Vec<CapBreach> = cap
            .map(|cap| CapBreach::HourlyCap {
                rate: Cents(rate),
                cap: Cents(cap),
                category: age,
            })
            .into_iter()
            .collect();
        assert_eq!(line.flags(), expected, "{year} {age} at {rate}");
        // Ten hours at the rate, rounded down.
        assert_eq!(line.amount(), Cents(rate * 10));
        assert!(line.checks().iter().any(|c| c.kind == CapKind::Hourly));
    }
}

#[test]
fn an_hourly_rate_pays_the_volunteered_hours_instead_of_the_monthly_amount() {
    let line = line(MonthInput {
        hourly_rate: Some(Cents(333)),
        placement_start: d(2025, 11, 15),
        minutes: MinutesByKind {
            sponsored: 480,
            volunteered: 90,
        },
        ..input(2025, 11)
    });
    // 1.5 hours × 3.33 = 4.995 → 4.99; neither the funding nor the placement share applies.
    assert_eq!(line.amount(), Cents(499));
    assert_eq!(
        line.basis(),
        Some(AmountBasis::Hourly {
            rate: Cents(333),
            volunteered_minutes: 90
        })
    );
    for rate in [0, -100] {
        assert_eq!(
            compute_line(&MonthInput {
                hourly_rate: Some(Cents(rate)),
                ..input(2025, 11)
            }),
            Err(StatementError::InvalidHourlyRate { rate: Cents(rate) })
        );
    }
}

#[test]
fn a_year_without_caps_cannot_be_computed_until_an_admin_enters_them() {
    let err = compute_line(&input(2026, 1)).unwrap_err();
    assert_eq!(err, StatementError::MissingCaps { year: 2026 });
    assert_eq!(
        err.to_string(),
        "the volunteer allowance caps for 2026 are not known yet: enter the 2026 caps published by the Belastingdienst (per hour for 21 and older, per hour under 21, per month, per year), then draw up the statement again"
    );
}

#[test]
fn bad_declarations_and_a_policy_that_does_not_reach_back_are_refused() {
    assert!(matches!(
        compute_line(&MonthInput {
            others: OtherAllowances {
                declared_other_months: Cents(-1),
                ..OtherAllowances::default()
            },
            ..input(2025, 11)
        }),
        Err(StatementError::NegativeDeclared { .. })
    ));
    let late = AllowancePolicy::new(vec![AllowanceStep {
        valid_from: d(2025, 12, 1),
        monthly: Cents(17_000),
    }])
    .unwrap();
    let err = compute_line(&MonthInput {
        policy: &late,
        ..input(2025, 11)
    })
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the programme has no monthly allowance for 2025-11; add an amount that applies from 2025-11 or earlier"
    );
    assert_eq!(
        line(MonthInput {
            policy: &late,
            ..input(2025, 12)
        })
        .amount(),
        Cents(17_000)
    );
}

#[test]
fn a_line_that_pays_nothing_is_never_flagged() {
    let mut nothing = line(MonthInput {
        minutes: MinutesByKind {
            sponsored: 1_920,
            volunteered: 0,
        },
        hourly_rate: Some(Cents(600)),
        others: OtherAllowances {
            declared_this_month: Cents(25_000),
            ..OtherAllowances::default()
        },
        ..input(2025, 11)
    });
    assert_eq!(nothing.amount(), Cents::ZERO);
    assert_eq!(nothing.checks().iter().filter(|c| !c.passes()).count(), 2);
    assert!(nothing.flags().is_empty());
    nothing.approve().unwrap();
}

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

proptest! {
    #[test]
    fn without_a_rate_the_amount_is_never_negative_nor_above_the_monthly_amount(
        programme in 0i64..=10_000_000,
        sponsored in 0u32..=20_000,
        volunteered in 0u32..=20_000,
        start_offset in 0i64..=120,
        length in 0i64..=400,
        open_ended in any::<bool>(),
        m in 1u32..=12,
    ) {
        let policy = AllowancePolicy::new(vec![AllowanceStep {
            valid_from: d(2000, 1, 1),
            monthly: Cents(programme),
        }]).unwrap();
        let start = d(2025, 1, 1) + chrono::Duration::days(start_offset * 3 - 60);
        let end = (!open_ended).then(|| start + chrono::Duration::days(length));
        let line = compute_line(&MonthInput {
            policy: &policy,
            placement_start: start,
            placement_end: end,
            minutes: MinutesByKind { sponsored, volunteered },
            ..input(2025, m)
        }).unwrap();
        prop_assert!(line.amount() >= Cents::ZERO);
        prop_assert!(line.amount() <= Cents(programme));
        if volunteered == 0 {
            prop_assert_eq!(line.amount(), Cents::ZERO);
        }
    }

    #[test]
    fn with_a_rate_the_amount_is_the_volunteered_hours_rounded_down(
        rate in 1i64..=10_000,
        volunteered in 0u32..=50_000,
    ) {
        let line = compute_line(&MonthInput {
            hourly_rate: Some(Cents(rate)),
            minutes: MinutesByKind { sponsored: 0, volunteered },
            ..input(2025, 5)
        }).unwrap();
        let exact_times_60 = i128::from(rate) * i128::from(volunteered);
        let paid_times_60 = i128::from(line.amount().get()) * 60;
        prop_assert!(paid_times_60 <= exact_times_60);
        prop_assert!(exact_times_60 - paid_times_60 < 60);
    }
}
