//! Klasbrug's domain: the rules of the programme and the JSON contract of the API.
//!
//! No I/O lives here: no database, no HTTP, no clock reads. Functions take plain values and
//! return plain values or domain errors, so they are unit tested without a database and compile
//! for the web app (wasm32) too, which shares these types and checks.

pub mod allowance;
pub mod ambassador;
pub mod calendar_month;
pub mod capacity;
pub mod contract;
mod csv_text;
pub mod date_words;
pub mod email;
pub mod form_of_address;
pub mod holidays;
pub mod hours;
pub mod hours_policy;
pub mod iban;
pub mod icalendar;
pub mod json_format;
pub mod kerndoelen;
pub mod lesson_schedule;
pub mod lesson_series;
pub mod local_date;
pub mod mail_preference;
pub mod match_lifecycle;
pub mod matching;
pub mod money;
pub mod organisation;
pub mod password;
pub mod payout;
pub mod placement;
pub mod privacy_register;
pub mod privacy_request;
pub mod research;
pub mod retention;
pub mod role;
pub mod school_year;
pub mod scope;
pub mod sponsorship;
pub mod training;
pub mod vog;
pub mod vog_reminder;
pub mod webhook;

pub use calendar_month::CalendarMonth;
pub use csv_text::CsvDialect;
pub use email::EmailAddress;
pub use iban::Iban;
pub use money::{Cents, format_euro};
pub use organisation::{OrganisationKind, Region, SchoolType};
pub use password::Password;
pub use placement::{PlacementAction, PlacementKind, PlacementStatus, SchoolTask, Weekday};
pub use role::Role;
pub use school_year::{Commitment, Period, SchoolYear, StartMoment};
pub use scope::{Scope, Scopes};

/// A value that could not be parsed from its text form, with a message a person can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ParseError(pub String);

/// Declares a closed set of values with a stable snake_case text form, used in JSON, in the
/// database and in URLs alike, so the three never drift apart.
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable text form.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the stable text form.
            pub fn parse(text: &str) -> Result<Self, $crate::ParseError> {
                match text {
                    $($text => Ok($name::$variant),)+
                    other => Err($crate::ParseError(format!(
                        "'{other}' is not a valid {}; expected one of: {}",
                        $what,
                        [$($text),+].join(", ")
                    ))),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::ParseError;
            fn try_from(text: String) -> Result<Self, Self::Error> {
                Self::parse(&text)
            }
        }
    };
}
pub(crate) use text_enum;
