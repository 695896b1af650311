//! The programme's allowance and how one month's amount is worked out.
//!
//! # The rules, in one place
//!
//! Only a month's *counted* hour entries matter: approved, or locked in a paid statement
//! ([`crate::hours::HourStatus::counts`]). Of those, `V` is the volunteered minutes and `S` the
//! sponsored minutes.
//!
//! Without an agreed hourly rate the allowance is the programme's monthly amount `M` in force
//! that month ([`AllowancePolicy::amount_on`], EUR 160 by default), times two shares:
//!
//! - **(a) Funding share `V / (V + S)`.** Wages never earn an allowance, so only the volunteered
//!   part of the month counts. A pure volunteer (`S = 0`) with at least one counted volunteered
//!   entry gets the whole amount; a month without counted volunteered minutes (`V = 0`: nothing
//!   approved yet, or sponsored hours only) gets nothing. The share follows the month's entries,
//!   not the ambassador's funding, so a volunteer whose employer paid for one day (an entry
//!   recorded as sponsored, with a reason) gets the volunteered part only.
//! - **(b) Placement share `P / D`.** In a month where the placement starts or ends, `P` is the
//!   number of calendar days of that month within the placement (start and end day included)
//!   and `D` the number of days in the month. A placement that covers the whole month has
//!   `P = D`; a month outside the placement has `P = 0`.
//!
//! With an agreed hourly rate `R` (cents per hour) the allowance is **(c)** `R × V / 60`
//! instead: the hours themselves say how much of the month was volunteered, so neither share
//! applies, and the amount is not limited to `M` (the agreement is what the volunteer is owed;
//! the tax caps still apply, and the hourly cap applies to `R`).
//!
//! # Rounding
//!
//! Integer arithmetic only. The whole fraction (`M × V × P / ((V + S) × D)`, or `R × V / 60`) is
//! computed in `i128`, where no product of these numbers can overflow, and rounded down to the
//! cent once, at the end. So the amount is the exact value of the rules with any fraction of a
//! cent dropped: never more than the rules give, and less only by that fraction. Examples:
//! EUR 160 for a 50/50 hybrid month is EUR 80.00; a placement starting on the 15th of a 30-day
//! month gets 16/30 of EUR 160 = EUR 85.333… = EUR 85.33; 90 minutes at EUR 3.33 an hour is
//! EUR 4.995 = EUR 4.99.
//!
//! The tax caps are then checked on the result ([`super::statement`]); programme staff may set
//! another amount on a draft line, with a reason, and the caps are checked again.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar_month::CalendarMonth;
use crate::hours::MinutesByKind;
use crate::money::Cents;

/// The programme's monthly allowance unless programme staff set another: EUR 160.
pub const DEFAULT_MONTHLY_AMOUNT: Cents = Cents(16_000);

/// One monthly amount, in force from `valid_from` until the next step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AllowanceStep {
    /// The first day it applies; always the first of a month.
    pub valid_from: NaiveDate,
    /// The monthly amount.
    pub monthly: Cents,
}

/// The programme's monthly amount over time: steps ordered by date, none on the same day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "Vec<AllowanceStep>", into = "Vec<AllowanceStep>")]
pub struct AllowancePolicy {
    steps: Vec<AllowanceStep>,
}

/// Why steps of the programme's allowance are refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AllowancePolicyError {
    /// No steps at all.
    #[error("give at least one monthly amount with the date it applies from")]
    Empty,
    /// A step not on the first of a month.
    #[error(
        "the amount from {valid_from} must start on the first of a month, such as {}, so that a month has one amount",
        CalendarMonth::containing(*valid_from).first_day()
    )]
    NotFirstOfMonth {
        /// The date given.
        valid_from: NaiveDate,
    },
    /// A negative amount.
    #[error("the amount from {valid_from} is {monthly}; an allowance cannot be negative")]
    Negative {
        /// The step's date.
        valid_from: NaiveDate,
        /// The amount given.
        monthly: Cents,
    },
    /// Two steps on one date.
    #[error("two amounts start on {valid_from}; keep one")]
    Duplicate {
        /// The date.
        valid_from: NaiveDate,
    },
}

impl Default for AllowancePolicy {
    /// EUR 160 a month since long before the programme began.
    fn default() -> Self {
        Self {
            steps: vec![AllowanceStep {
                valid_from: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN),
                monthly: DEFAULT_MONTHLY_AMOUNT,
            }],
        }
    }
}

impl AllowancePolicy {
    /// A policy of `steps`, in any order.
    pub fn new(mut steps: Vec<AllowanceStep>) -> Result<Self, AllowancePolicyError> {
        if steps.is_empty() {
            return Err(AllowancePolicyError::Empty);
        }
        steps.sort_by_key(|s| s.valid_from);
        for step in &steps {
            if step.valid_from.day() != 1 {
                return Err(AllowancePolicyError::NotFirstOfMonth {
                    valid_from: step.valid_from,
                });
            }
            if step.monthly.is_negative() {
                return Err(AllowancePolicyError::Negative {
                    valid_from: step.valid_from,
                    monthly: step.monthly,
                });
            }
        }
        if let Some(pair) = steps
            .windows(2)
            .find(|w| w[0].valid_from == w[1].valid_from)
        {
            return Err(AllowancePolicyError::Duplicate {
                valid_from: pair[0].valid_from,
            });
        }
        Ok(Self { steps })
    }

    /// The steps, oldest first.
    pub fn steps(&self) -> &[AllowanceStep] {
        &self.steps
    }

    /// The monthly amount in force in `month`, if the policy reaches back that far.
    pub fn amount_on(&self, month: CalendarMonth) -> Option<Cents> {
        self.steps
            .iter()
            .rev()
            .find(|s| s.valid_from <= month.first_day())
            .map(|s| s.monthly)
    }
}

impl TryFrom<Vec<AllowanceStep>> for AllowancePolicy {
    type Error = AllowancePolicyError;
    fn try_from(steps: Vec<AllowanceStep>) -> Result<Self, Self::Error> {
        Self::new(steps)
    }
}

impl From<AllowancePolicy> for Vec<AllowanceStep> {
    fn from(policy: AllowancePolicy) -> Self {
        policy.steps
    }
}

/// How a line's amount was worked out, so people can follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "basis", rename_all = "snake_case")]
pub enum AmountBasis {
    /// The programme's monthly amount, times the funding and placement shares (rules a and b).
    Monthly {
        /// The programme's amount for the month.
        programme_amount: Cents,
        /// Counted volunteered minutes (`V`).
        volunteered_minutes: u32,
        /// Counted minutes of both kinds (`V + S`).
        counted_minutes: u32,
        /// Days of the month within the placement (`P`).
        placement_days: u32,
        /// Days in the month (`D`).
        days_in_month: u32,
    },
    /// An agreed hourly rate times the volunteered hours (rule c).
    Hourly {
        /// The rate, per hour.
        rate: Cents,
        /// Counted volunteered minutes (`V`).
        volunteered_minutes: u32,
    },
}

impl AmountBasis {
    /// Rules (a) and (b) for `month`.
    pub fn monthly(
        programme_amount: Cents,
        minutes: MinutesByKind,
        month: CalendarMonth,
        placement_start: NaiveDate,
        placement_end: Option<NaiveDate>,
    ) -> Self {
        AmountBasis::Monthly {
            programme_amount,
            volunteered_minutes: minutes.volunteered,
            counted_minutes: minutes.total(),
            placement_days: placement_days(month, placement_start, placement_end),
            days_in_month: month.days(),
        }
    }

    /// The amount, rounded down to the cent.
    pub fn amount(self) -> Cents {
        match self {
            AmountBasis::Monthly {
                programme_amount,
                volunteered_minutes,
                counted_minutes,
                placement_days,
                days_in_month,
            } => floor_fraction(
                i128::from(programme_amount.get())
                    * i128::from(volunteered_minutes)
                    * i128::from(placement_days),
                i128::from(counted_minutes) * i128::from(days_in_month),
            ),
            AmountBasis::Hourly {
                rate,
                volunteered_minutes,
            } => floor_fraction(i128::from(rate.get()) * i128::from(volunteered_minutes), 60),
        }
    }
}

/// The calendar days of `month` within a placement from `start` to `end` (open-ended without
/// an end), both days included.
pub fn placement_days(month: CalendarMonth, start: NaiveDate, end: Option<NaiveDate>) -> u32 {
    let first = start.max(month.first_day());
    let last = end.map_or(month.last_day(), |end| end.min(month.last_day()));
    if last < first {
        return 0;
    }
    u32::try_from((last - first).num_days() + 1).unwrap_or(0)
}

/// `numerator / denominator` rounded down (toward minus infinity), as cents; nothing when
/// the denominator is zero (no counted minutes).
fn floor_fraction(numerator: i128, denominator: i128) -> Cents {
    if denominator == 0 {
        return Cents::ZERO;
    }
    let quotient = numerator.div_euclid(denominator);
    Cents(i64::try_from(quotient).unwrap_or(if quotient < 0 { i64::MIN } else { i64::MAX }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn month(y: i32, m: u32) -> CalendarMonth {
        CalendarMonth::new(y, m).unwrap()
    }

    #[test]
    fn the_default_is_160_euros_a_month_since_long_ago() {
        let policy = AllowancePolicy::default();
        assert_eq!(policy.amount_on(month(2000, 1)), Some(Cents(16_000)));
        assert_eq!(policy.amount_on(month(2031, 6)), Some(Cents(16_000)));
    }

    #[test]
    fn a_new_amount_applies_from_its_month_on() {
        let policy = AllowancePolicy::new(vec![
            AllowanceStep {
                valid_from: d(2026, 1, 1),
                monthly: Cents(17_500),
            },
            AllowanceStep {
                valid_from: d(2024, 8, 1),
                monthly: Cents(16_000),
            },
        ])
        .unwrap();
        assert_eq!(policy.amount_on(month(2024, 7)), None);
        assert_eq!(policy.amount_on(month(2024, 8)), Some(Cents(16_000)));
        assert_eq!(policy.amount_on(month(2025, 12)), Some(Cents(16_000)));
        assert_eq!(policy.amount_on(month(2026, 1)), Some(Cents(17_500)));
        let json = serde_json::to_string(&policy).unwrap();
        assert_eq!(
            json,
            r#"[{"valid_from":"2024-08-01","monthly":16000},{"valid_from":"2026-01-01","monthly":17500}]"#
        );
        assert_eq!(
            serde_json::from_str::<AllowancePolicy>(&json).unwrap(),
            policy
        );
    }

    #[test]
    fn steps_start_on_the_first_of_a_month_once_and_are_never_negative() {
        let step = |valid_from, monthly| AllowanceStep {
            valid_from,
            monthly: Cents(monthly),
        };
        assert_eq!(
            AllowancePolicy::new(vec![]),
            Err(AllowancePolicyError::Empty)
        );
        let err = AllowancePolicy::new(vec![step(d(2026, 1, 15), 16_000)]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the amount from 2026-01-15 must start on the first of a month, such as 2026-01-01, so that a month has one amount"
        );
        assert!(matches!(
            AllowancePolicy::new(vec![step(d(2026, 1, 1), -1)]),
            Err(AllowancePolicyError::Negative { .. })
        ));
        assert!(matches!(
            AllowancePolicy::new(vec![step(d(2026, 1, 1), 1), step(d(2026, 1, 1), 2)]),
            Err(AllowancePolicyError::Duplicate { .. })
        ));
        assert!(serde_json::from_str::<AllowancePolicy>("[]").is_err());
    }

    #[test]
    fn placement_days_count_calendar_days_of_the_month_inside_the_placement() {
        let november = month(2025, 11);
        let cases = [
            ((d(2025, 11, 15), None), 16),
            ((d(2025, 9, 1), None), 30),
            ((d(2025, 9, 1), Some(d(2025, 11, 1))), 1),
            ((d(2025, 11, 10), Some(d(2025, 11, 19))), 10),
            ((d(2025, 12, 1), None), 0),
            ((d(2025, 9, 1), Some(d(2025, 10, 31))), 0),
            ((d(2025, 11, 30), Some(d(2025, 11, 1))), 0),
        ];
        for ((start, end), days) in cases {
            assert_eq!(
                placement_days(november, start, end),
                days,
                "{start} to {end:?}"
            );
        }
    }

    #[test]
    fn every_share_is_one_fraction_rounded_down_once() {
        let monthly = |v, s, p, days| {
            AmountBasis::Monthly {
                programme_amount: Cents(16_000),
                volunteered_minutes: v,
                counted_minutes: v + s,
                placement_days: p,
                days_in_month: days,
            }
            .amount()
        };
        let cases = [
            // (V, S, P, D) → cents
            ((480, 0, 30, 30), 16_000),
            ((15, 0, 30, 30), 16_000),
            ((0, 480, 30, 30), 0),
            ((0, 0, 30, 30), 0),
            ((240, 240, 31, 31), 8_000),
            ((160, 320, 30, 30), 5_333),
            ((480, 0, 16, 30), 8_533),
            ((480, 0, 0, 30), 0),
            // Half volunteered and half the month: a quarter, one rounding.
            ((240, 240, 15, 30), 4_000),
            // 160 × 1/3 × 30/31 = 51.612… → 51.61. Rounding after each share would give
            // 53.33 × 30/31 = 51.609… → 51.60, a cent less.
            ((100, 200, 30, 31), 5_161),
        ];
        for ((v, s, p, days), cents) in cases {
            assert_eq!(
                monthly(v, s, p, days),
                Cents(cents),
                "V={v} S={s} P={p}/{days}"
            );
        }
    }

    #[test]
    fn an_hourly_rate_pays_the_volunteered_minutes_rounded_down() {
        let hourly = |rate, minutes| {
            AmountBasis::Hourly {
                rate: Cents(rate),
                volunteered_minutes: minutes,
            }
            .amount()
        };
        assert_eq!(hourly(560, 60), Cents(560));
        assert_eq!(hourly(333, 90), Cents(499));
        assert_eq!(hourly(330, 15), Cents(82));
        assert_eq!(hourly(560, 0), Cents(0));
        assert_eq!(hourly(560, 40 * 60), Cents(22_400));
    }

    #[test]
    fn the_largest_inputs_do_not_overflow() {
        let basis = AmountBasis::Monthly {
            programme_amount: Cents(i64::MAX),
            volunteered_minutes: u32::MAX,
            counted_minutes: u32::MAX,
            placement_days: 31,
            days_in_month: 31,
        };
        assert_eq!(basis.amount(), Cents(i64::MAX));
    }
}
