//! The tax caps, at the cent where a volunteer's allowance would become taxable.

use super::*;

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
fn a_year_without_caps_cannot_be_computed_until_an_admin_enters_them() {
    let err = compute_line(&input(2026, 1)).unwrap_err();
    assert_eq!(err, StatementError::MissingCaps { year: 2026 });
    assert_eq!(
        err.to_string(),
        "the volunteer allowance caps for 2026 are not known yet: enter the 2026 caps published by the Belastingdienst (per hour for 21 and older, per hour under 21, per month, per year), then draw up the statement again"
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
