//! The volunteer allowance at every boundary a volunteer's money depends on: how much
//! ([`amounts`]), within which caps ([`caps`]), and a line's life ([`lines`]).

use chrono::NaiveDate;

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

mod amounts;
mod caps;
mod decisions;
mod lines;
