//! The tax caps of the volunteer allowance (*vrijwilligersregeling*, Belastingdienst), per
//! calendar year. Above a cap the whole allowance becomes taxable, so the caps are checked to
//! the cent and a year without caps cannot be paid until an admin enters them.

use serde::{Deserialize, Serialize};

use crate::contract::FieldError;
use crate::money::Cents;
use crate::text_enum;

text_enum! {
    /// The age band that decides the hourly cap. The category is stored, never the birth date.
    pub enum AgeCategory ("age category") {
        /// 21 years or older.
        TwentyOneOrOlder = "twenty_one_or_older",
        /// Younger than 21.
        UnderTwentyOne = "under_twenty_one",
    }
}

impl AgeCategory {
    /// In words, for messages: `21 or older`.
    pub fn english(self) -> &'static str {
        match self {
            AgeCategory::TwentyOneOrOlder => "21 or older",
            AgeCategory::UnderTwentyOne => "under 21",
        }
    }

    /// In Dutch, for the web app: `21 jaar of ouder`.
    pub fn dutch(self) -> &'static str {
        match self {
            AgeCategory::TwentyOneOrOlder => "21 jaar of ouder",
            AgeCategory::UnderTwentyOne => "jonger dan 21",
        }
    }
}

/// One calendar year's caps, in cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AllowanceCaps {
    /// The calendar year they apply to.
    pub year: i32,
    /// The most per hour for a volunteer of 21 or older, when an hourly rate is agreed.
    pub hourly_21_plus: Cents,
    /// The most per hour for a volunteer under 21, when an hourly rate is agreed.
    pub hourly_under_21: Cents,
    /// The most in one calendar month, from all organisations together.
    pub monthly: Cents,
    /// The most in the calendar year, from all organisations together.
    pub yearly: Cents,
}

/// The caps published by the Belastingdienst that the software knows without an admin.
const KNOWN: [AllowanceCaps; 2] = [
    AllowanceCaps {
        year: 2024,
        hourly_21_plus: Cents(550),
        hourly_under_21: Cents(325),
        monthly: Cents(21_000),
        yearly: Cents(210_000),
    },
    AllowanceCaps {
        year: 2025,
        hourly_21_plus: Cents(560),
        hourly_under_21: Cents(330),
        monthly: Cents(21_000),
        yearly: Cents(210_000),
    },
];

/// The caps the software ships with: 2024 and 2025. Later years are entered by admins.
pub fn known_caps() -> &'static [AllowanceCaps] {
    &KNOWN
}

/// The caps for `year` among `caps`, if entered.
pub fn caps_for(caps: &[AllowanceCaps], year: i32) -> Option<&AllowanceCaps> {
    caps.iter().find(|c| c.year == year)
}

impl AllowanceCaps {
    /// The hourly cap for a volunteer in `category`.
    pub fn hourly_for(&self, category: AgeCategory) -> Cents {
        match category {
            AgeCategory::TwentyOneOrOlder => self.hourly_21_plus,
            AgeCategory::UnderTwentyOne => self.hourly_under_21,
        }
    }

    /// Checks caps an admin enters for a year; returns them or every problem, by field. The
    /// order checks catch a cap typed in euros where cents were meant, or in the wrong field.
    pub fn validate(&self) -> Result<AllowanceCaps, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field: &str, message: String| {
            errors.push(FieldError {
                field: field.to_owned(),
                message,
            })
        };
        if !(2000..=2100).contains(&self.year) {
            fail("year", "a calendar year from 2000 to 2100".to_owned());
        }
        let fields = [
            ("hourly_21_plus", self.hourly_21_plus),
            ("hourly_under_21", self.hourly_under_21),
            ("monthly", self.monthly),
            ("yearly", self.yearly),
        ];
        for (field, amount) in fields {
            if !amount.is_positive() {
                fail(field, "more than EUR 0.00, in cents".to_owned());
            }
        }
        if self.hourly_under_21 > self.hourly_21_plus {
            fail(
                "hourly_under_21",
                format!(
                    "at most the cap for 21 and older ({}); the cap under 21 is the lower one",
                    self.hourly_21_plus
                ),
            );
        }
        if self.hourly_21_plus >= self.monthly {
            fail(
                "hourly_21_plus",
                format!(
                    "less than the monthly cap ({}); amounts are in cents",
                    self.monthly
                ),
            );
        }
        if self.monthly >= self.yearly {
            fail(
                "monthly",
                format!("less than the yearly cap ({})", self.yearly),
            );
        }
        if errors.is_empty() {
            Ok(*self)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_known_caps_are_those_of_the_belastingdienst() {
        let y2025 = caps_for(known_caps(), 2025).unwrap();
        assert_eq!(y2025.hourly_for(AgeCategory::TwentyOneOrOlder), Cents(560));
        assert_eq!(y2025.hourly_for(AgeCategory::UnderTwentyOne), Cents(330));
        assert_eq!(y2025.monthly, Cents::euros(210));
        assert_eq!(y2025.yearly, Cents::euros(2_100));
        let y2024 = caps_for(known_caps(), 2024).unwrap();
        assert_eq!(
            (y2024.hourly_21_plus, y2024.hourly_under_21),
            (Cents(550), Cents(325))
        );
        assert!(caps_for(known_caps(), 2026).is_none());
        for caps in known_caps() {
            assert_eq!(caps.validate(), Ok(*caps));
        }
    }

    #[test]
    fn caps_an_admin_enters_must_be_positive_and_in_order() {
        let good = AllowanceCaps {
            year: 2026,
            hourly_21_plus: Cents(570),
            hourly_under_21: Cents(335),
            monthly: Cents(21_500),
            yearly: Cents(215_000),
        };
        assert!(good.validate().is_ok());
        let fields = |caps: AllowanceCaps| -> Vec<String> {
            caps.validate()
                .unwrap_err()
                .into_iter()
                .map(|e| e.field)
                .collect()
        };
        let cases: [(AllowanceCaps, &[&str]); 6] = [
            (AllowanceCaps { year: 1999, ..good }, &["year"]),
            (
                AllowanceCaps {
                    hourly_under_21: Cents(0),
                    ..good
                },
                &["hourly_under_21"],
            ),
            (
                AllowanceCaps {
                    hourly_under_21: Cents(571),
                    ..good
                },
                &["hourly_under_21"],
            ),
            // Typed in euros: 215 cents a month is less than the hourly cap.
            (
                AllowanceCaps {
                    monthly: Cents(215),
                    ..good
                },
                &["hourly_21_plus"],
            ),
            (
                AllowanceCaps {
                    yearly: Cents(21_500),
                    ..good
                },
                &["monthly"],
            ),
            (
                AllowanceCaps {
                    yearly: Cents(-1),
                    ..good
                },
                &["yearly", "monthly"],
            ),
        ];
        for (caps, expected) in cases {
            assert_eq!(fields(caps), expected, "{caps:?}");
        }
    }

    #[test]
    fn the_age_category_is_stored_as_text() {
        assert_eq!(
            serde_json::to_string(&AgeCategory::UnderTwentyOne).unwrap(),
            "\"under_twenty_one\""
        );
        assert_eq!(
            AgeCategory::parse("twenty_one_or_older"),
            Ok(AgeCategory::TwentyOneOrOlder)
        );
    }
}
