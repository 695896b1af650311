//! How much a month pays: the funding and placement shares, an hourly rate, rounding.

use proptest::prelude::*;

use super::*;

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
