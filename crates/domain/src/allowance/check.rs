//! Checking an allowance against the tax caps.
//!
//! The caps count every allowance the volunteer receives, from every organisation: what
//! Klasbrug pays in the month and the year, plus what the volunteer declared from elsewhere.
//! Above a cap the *whole* allowance becomes taxable, so a breach blocks approval; it is never
//! paid silently.
//!
//! Only a line that pays something can breach a cap. A line of nothing, or a correction taking
//! money back, is checked and shows its totals, but is never flagged: it cannot push anyone
//! over a cap, and flagging it would block the very correction that brings a month back under.

use serde::{Deserialize, Serialize};

use super::caps::{AgeCategory, AllowanceCaps};
use crate::money::{Cents, format_euro};
use crate::text_enum;

text_enum! {
    /// Which cap a check is about.
    pub enum CapKind ("cap") {
        /// All allowances in the calendar month.
        Monthly = "monthly",
        /// All allowances in the calendar year.
        Yearly = "yearly",
        /// The agreed hourly rate, when there is one.
        Hourly = "hourly",
    }
}

/// What else counts toward the caps besides the line itself. Klasbrug's own lines are taken
/// when approved or paid; the rest is what the volunteer declared.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OtherAllowances {
    /// Declared from other organisations for this month.
    pub declared_this_month: Cents,
    /// Declared from other organisations for the other months of this calendar year, earlier
    /// or later.
    pub declared_other_months: Cents,
    /// Klasbrug's approved and paid lines for this month besides this one: for a correction,
    /// the corrected line and the month's other corrections that are approved or paid.
    pub lines_this_month: Cents,
    /// Klasbrug's approved and paid lines for the other months of this calendar year, earlier
    /// or later, corrections included.
    pub lines_other_months: Cents,
}

/// Everything a line's caps are checked with, kept on the line so that an adjusted amount is
/// checked the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CapContext {
    /// The caps of the line's calendar year.
    pub caps: AllowanceCaps,
    /// The volunteer's age category.
    pub age: AgeCategory,
    /// The agreed hourly rate, if any.
    pub hourly_rate: Option<Cents>,
    /// What else counts.
    pub others: OtherAllowances,
}

/// One cap checked: what counts toward it against the cap itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CapCheck {
    /// Which cap.
    pub kind: CapKind,
    /// The total that counts (for the hourly cap: the agreed rate).
    pub total: Cents,
    /// The cap.
    pub cap: Cents,
}

impl CapCheck {
    /// Whether the total stays within the cap; reaching it exactly is fine.
    pub fn passes(self) -> bool {
        self.total <= self.cap
    }
}

/// A cap that would be exceeded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "breach", rename_all = "snake_case")]
pub enum CapBreach {
    /// This month's allowances, from everywhere, above the monthly cap.
    #[error(
        "this month's allowances, with those declared from elsewhere, would total {total}, above the monthly cap of {cap}; above a cap the whole allowance becomes taxable, so lower the amount"
    )]
    MonthlyCap {
        /// The month's total.
        total: Cents,
        /// The monthly cap.
        cap: Cents,
    },
    /// This calendar year's allowances, from everywhere, above the yearly cap.
    #[error(
        "this calendar year's allowances, with those declared from elsewhere, would total {total}, above the yearly cap of {cap}; above a cap the whole allowance becomes taxable, so lower the amount"
    )]
    YearlyCap {
        /// The year's total.
        total: Cents,
        /// The yearly cap.
        cap: Cents,
    },
    /// The agreed hourly rate above the hourly cap of the volunteer's age category.
    #[error(
        "the agreed hourly rate of {rate} is above the cap of {cap} an hour for volunteers {}; agree a lower rate",
        category.english()
    )]
    HourlyCap {
        /// The agreed rate.
        rate: Cents,
        /// The hourly cap.
        cap: Cents,
        /// The volunteer's age category.
        category: AgeCategory,
    },
}

impl CapBreach {
    /// The breach in Dutch, for the web app.
    pub fn dutch(&self) -> String {
        const TAXED: &str = "Boven een maximum wordt de hele vergoeding belast.";
        match self {
            CapBreach::MonthlyCap { total, cap } => format!(
                "De vergoedingen voor deze maand komen, met die van elders, op {}: boven het maximum van {} per maand. {TAXED} Verlaag het bedrag.",
                format_euro(*total),
                format_euro(*cap)
            ),
            CapBreach::YearlyCap { total, cap } => format!(
                "De vergoedingen in dit kalenderjaar komen, met die van elders, op {}: boven het maximum van {} per jaar. {TAXED} Verlaag het bedrag.",
                format_euro(*total),
                format_euro(*cap)
            ),
            CapBreach::HourlyCap {
                rate,
                cap,
                category,
            } => format!(
                "Het afgesproken uurtarief van {} is hoger dan het maximum van {} per uur voor vrijwilligers {}. Spreek een lager uurtarief af.",
                format_euro(*rate),
                format_euro(*cap),
                match category {
                    AgeCategory::TwentyOneOrOlder => "van 21 jaar of ouder",
                    AgeCategory::UnderTwentyOne => "jonger dan 21",
                }
            ),
        }
    }
}

impl CapContext {
    /// Checks a line of `amount`: the monthly and yearly caps always, the hourly cap when a
    /// rate was agreed. Returns every check and the breaches among them (none when `amount`
    /// pays nothing).
    pub fn check(&self, amount: Cents) -> (Vec<CapCheck>, Vec<CapBreach>) {
        let o = self.others;
        let month_total = amount + o.lines_this_month + o.declared_this_month;
        let year_total = month_total + o.lines_other_months + o.declared_other_months;
        let mut checks = vec![
            CapCheck {
                kind: CapKind::Monthly,
                total: month_total,
                cap: self.caps.monthly,
            },
            CapCheck {
                kind: CapKind::Yearly,
                total: year_total,
                cap: self.caps.yearly,
            },
        ];
        if let Some(rate) = self.hourly_rate {
            checks.push(CapCheck {
                kind: CapKind::Hourly,
                total: rate,
                cap: self.caps.hourly_for(self.age),
            });
        }
        let breaches = checks
            .iter()
            .filter(|c| amount.is_positive() && !c.passes())
            .map(|c| match c.kind {
                CapKind::Monthly => CapBreach::MonthlyCap {
                    total: c.total,
                    cap: c.cap,
                },
                CapKind::Yearly => CapBreach::YearlyCap {
                    total: c.total,
                    cap: c.cap,
                },
                CapKind::Hourly => CapBreach::HourlyCap {
                    rate: c.total,
                    cap: c.cap,
                    category: self.age,
                },
            })
            .collect();
        (checks, breaches)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaches_name_the_numbers_in_english_and_in_dutch() {
        let monthly = CapBreach::MonthlyCap {
            total: Cents(21_001),
            cap: Cents(21_000),
        };
        assert_eq!(
            monthly.to_string(),
            "this month's allowances, with those declared from elsewhere, would total EUR 210.01, above the monthly cap of EUR 210.00; above a cap the whole allowance becomes taxable, so lower the amount"
        );
        assert_eq!(
            monthly.dutch(),
            "De vergoedingen voor deze maand komen, met die van elders, op EUR 210,01: boven het maximum van EUR 210,00 per maand. Boven een maximum wordt de hele vergoeding belast. Verlaag het bedrag."
        );
        let yearly = CapBreach::YearlyCap {
            total: Cents(210_001),
            cap: Cents(210_000),
        };
        assert!(
            yearly
                .to_string()
                .contains("total EUR 2,100.01, above the yearly cap of EUR 2,100.00")
        );
        assert!(
            yearly
                .dutch()
                .contains("op EUR 2.100,01: boven het maximum van EUR 2.100,00 per jaar")
        );
        let hourly = CapBreach::HourlyCap {
            rate: Cents(331),
            cap: Cents(330),
            category: AgeCategory::UnderTwentyOne,
        };
        assert_eq!(
            hourly.to_string(),
            "the agreed hourly rate of EUR 3.31 is above the cap of EUR 3.30 an hour for volunteers under 21; agree a lower rate"
        );
        assert_eq!(
            hourly.dutch(),
            "Het afgesproken uurtarief van EUR 3,31 is hoger dan het maximum van EUR 3,30 per uur voor vrijwilligers jonger dan 21. Spreek een lager uurtarief af."
        );
    }

    #[test]
    fn a_breach_is_tagged_by_its_cap_in_json() {
        let json = serde_json::to_value(CapBreach::HourlyCap {
            rate: Cents(561),
            cap: Cents(560),
            category: AgeCategory::TwentyOneOrOlder,
        })
        .unwrap();
        assert_eq!(
            json,
            serde_json::json!({"breach": "hourly_cap", "rate": 561, "cap": 560, "category": "twenty_one_or_older"})
        );
    }
}
