//! Money: an exact number of euro cents, and how it is written.
//!
//! Amounts are never floating point: a volunteer's allowance is checked against tax caps to the
//! cent, and a rounding error there makes the whole allowance taxable. Arithmetic that could
//! overflow an `i64` (products of amounts, minutes and days) is done in `i128` by the callers.
//!
//! Three ways of writing an amount, each for one reader:
//! - [`format_euro`]: Dutch, for the web app: `EUR 2.100,00`.
//! - `Display`: English, for error messages and logs: `EUR 2,100.00`.
//! - [`Cents::decimal`]: plain, for files a bank or a spreadsheet reads: `2100.00`.

use serde::{Deserialize, Serialize};

/// An amount of money in euro cents. May be negative (a correction takes money back).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct Cents(pub i64);

impl Cents {
    /// No money.
    pub const ZERO: Cents = Cents(0);

    /// `euros` whole euros.
    pub const fn euros(euros: i64) -> Cents {
        Cents(euros * 100)
    }

    /// The number of cents.
    pub const fn get(self) -> i64 {
        self.0
    }

    /// Whether it is more than nothing.
    pub const fn is_positive(self) -> bool {
        self.0 > 0
    }

    /// Whether it is less than nothing.
    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Plain decimal with a dot and two decimals, no thousands separator: `160.00`, `-12.50`.
    /// The form of ISO 20022 amounts and of CSV files.
    pub fn decimal(self) -> String {
        let (sign, euros, cents) = self.parts();
        format!("{sign}{euros}.{cents:02}")
    }

    fn parts(self) -> (&'static str, u64, u64) {
        // `unsigned_abs` keeps `i64::MIN` from overflowing.
        let abs = self.0.unsigned_abs();
        let sign = if self.0 < 0 { "-" } else { "" };
        (sign, abs / 100, abs % 100)
    }
}

// Sums of allowances stay many orders of magnitude below `i64::MAX`; saturating keeps an
// impossible overflow from panicking in the web app instead of wrapping to a wrong amount.
impl std::ops::Add for Cents {
    type Output = Cents;
    fn add(self, other: Cents) -> Cents {
        Cents(self.0.saturating_add(other.0))
    }
}

impl std::ops::Sub for Cents {
    type Output = Cents;
    fn sub(self, other: Cents) -> Cents {
        Cents(self.0.saturating_sub(other.0))
    }
}

impl std::ops::AddAssign for Cents {
    fn add_assign(&mut self, other: Cents) {
        *self = *self + other;
    }
}

impl std::iter::Sum for Cents {
    fn sum<I: Iterator<Item = Cents>>(iter: I) -> Cents {
        iter.fold(Cents::ZERO, |a, b| a + b)
    }
}

impl<'a> std::iter::Sum<&'a Cents> for Cents {
    fn sum<I: Iterator<Item = &'a Cents>>(iter: I) -> Cents {
        iter.copied().sum()
    }
}

/// English, for messages and logs: `EUR 2,100.00`, `EUR -12.50`.
impl std::fmt::Display for Cents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (sign, euros, cents) = self.parts();
        write!(f, "EUR {sign}{}.{cents:02}", grouped(euros, ','))
    }
}

/// The amount as the Dutch web app shows it: `EUR 160,00`, `EUR 2.100,00`, `EUR -12,50`.
pub fn format_euro(amount: Cents) -> String {
    let (sign, euros, cents) = amount.parts();
    format!("EUR {sign}{},{cents:02}", grouped(euros, '.'))
}

/// `euros` in groups of three digits separated by `separator`.
fn grouped(euros: u64, separator: char) -> String {
    let digits = euros.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_web_app_writes_euros_the_dutch_way() {
        let cases = [
            (16_000, "EUR 160,00"),
            (210_000, "EUR 2.100,00"),
            (-1_250, "EUR -12,50"),
            (0, "EUR 0,00"),
            (5, "EUR 0,05"),
            (-5, "EUR -0,05"),
            (99_999, "EUR 999,99"),
            (100_000, "EUR 1.000,00"),
            (123_456_789, "EUR 1.234.567,89"),
            (-210_000, "EUR -2.100,00"),
        ];
        for (cents, text) in cases {
            assert_eq!(format_euro(Cents(cents)), text, "{cents} cents");
        }
    }

    #[test]
    fn messages_write_euros_the_english_way_and_files_plainly() {
        assert_eq!(Cents(210_001).to_string(), "EUR 2,100.01");
        assert_eq!(Cents(-1_250).to_string(), "EUR -12.50");
        assert_eq!(Cents(16_000).decimal(), "160.00");
        assert_eq!(Cents(210_000).decimal(), "2100.00");
        assert_eq!(Cents(7).decimal(), "0.07");
        assert_eq!(Cents(-1_250).decimal(), "-12.50");
    }

    #[test]
    fn the_extremes_do_not_overflow() {
        assert_eq!(
            format_euro(Cents(i64::MIN)),
            "EUR -92.233.720.368.547.758,08"
        );
        assert_eq!(Cents(i64::MAX) + Cents(1), Cents(i64::MAX));
        assert_eq!(Cents(i64::MIN) - Cents(1), Cents(i64::MIN));
    }

    #[test]
    fn cents_are_a_plain_integer_in_json() {
        assert_eq!(serde_json::to_string(&Cents(16_000)).unwrap(), "16000");
        assert_eq!(
            serde_json::from_str::<Cents>("-1250").unwrap(),
            Cents(-1_250)
        );
        assert_eq!(
            [Cents(1), Cents(2), Cents(3)].iter().sum::<Cents>(),
            Cents(6)
        );
    }
}
