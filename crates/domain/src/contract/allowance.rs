//! The volunteer allowance as the API shows it: each volunteer's details, allowances declared
//! from elsewhere, and the monthly statement lines.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::allowance::{AgeCategory, StatementLine};
use crate::iban::Iban;
use crate::money::Cents;

/// What the allowance of one volunteer needs besides their hours. Only for volunteers who
/// receive an allowance: the age category (never the birth date), an agreed hourly rate if any,
/// and the bank account it is paid to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AllowanceProfile {
    /// 21 or older, or under 21: which hourly cap applies.
    pub age_category: AgeCategory,
    /// An agreed hourly rate in cents, if one was agreed (then the hourly cap applies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub hourly_rate: Option<Cents>,
    /// The IBAN the allowance is paid to, checked (ISO 13616) when entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, example = "NL91ABNA0417164300"))]
    pub iban: Option<Iban>,
    /// The account holder's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_holder: Option<String>,
}

impl AllowanceProfile {
    /// The details as kept: a rate, when given, is more than nothing; the account holder is
    /// trimmed and at most 70 characters (the SEPA limit), or absent. Every field wrong is named.
    pub fn tidy(mut self) -> Result<Self, Vec<super::FieldError>> {
        let mut errors = Vec::new();
        if self.hourly_rate.is_some_and(|r| !r.is_positive()) {
            errors.push(super::FieldError::new(
                "hourly_rate",
                "more than 0 cents, or left out when no rate was agreed",
            ));
        }
        self.account_holder = self
            .account_holder
            .map(|h| h.trim().to_owned())
            .filter(|h| !h.is_empty());
        if self
            .account_holder
            .as_ref()
            .is_some_and(|h| h.chars().count() > 70)
        {
            errors.push(super::FieldError::new(
                "account_holder",
                "at most 70 characters",
            ));
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod profile_tests {
    use super::*;

    fn profile(rate: Option<i64>, holder: Option<&str>) -> AllowanceProfile {
        AllowanceProfile {
            age_category: AgeCategory::TwentyOneOrOlder,
            hourly_rate: rate.map(Cents),
            iban: None,
            account_holder: holder.map(str::to_owned),
        }
    }

    #[test]
    fn a_profile_is_tidied_and_every_wrong_field_named() {
        let tidy = profile(Some(1), Some("  F. Dijkstra ")).tidy().unwrap();
        assert_eq!(tidy.account_holder.as_deref(), Some("F. Dijkstra"));
        assert_eq!(
            profile(None, Some("   ")).tidy().unwrap().account_holder,
            None
        );
        let seventy = "a".repeat(70);
        assert!(profile(None, Some(&seventy)).tidy().is_ok());
        let errors = profile(Some(0), Some(&"a".repeat(71))).tidy().unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["hourly_rate", "account_holder"]);
    }
}

/// An allowance a volunteer received elsewhere in a month: it counts toward the caps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DeclaredAllowanceInput {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// The amount in cents.
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub amount: Cents,
    /// Where it came from, such as the sports club.
    pub source: String,
}

/// An allowance declared from elsewhere.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeclaredAllowance {
    /// Its id.
    pub id: Uuid,
    /// The month, `YYYY-MM`.
    pub month: String,
    /// The amount in cents.
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub amount: Cents,
    /// Where it came from.
    pub source: String,
    /// When it was declared.
    pub created_at: DateTime<Utc>,
}

/// Draw up a month's statement lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StatementRunInput {
    /// The month, `YYYY-MM`.
    pub month: String,
}

/// A statement line with whose it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatementLineItem {
    /// The line's id.
    pub id: Uuid,
    /// The volunteer.
    pub ambassador_id: Uuid,
    /// The volunteer's name.
    pub ambassador_name: String,
    /// The line: amount, how it was computed, the cap checks and any breach.
    pub line: StatementLine,
    /// Whether an IBAN is on record to pay it to.
    pub has_iban: bool,
    /// The payout file the line went into, once it is in one: it never goes into another.
    #[serde(default)]
    pub payout_file_id: Option<Uuid>,
    /// The line's version: it goes up by one with every change. Send it back in `If-Match`
    /// (as the `ETag` `"<version>"`) so a change made by someone else in between is refused
    /// with 412 instead of being overwritten.
    pub version: i64,
}

/// A volunteer whose month cannot be drawn up yet, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WaitingVolunteer {
    /// The volunteer.
    pub ambassador_id: Uuid,
    /// Their name.
    pub ambassador_name: String,
    /// Why: hours still waiting for the school's decision, or details missing.
    pub reason: String,
}

/// A month's statement: its lines, and who waits for hours to be decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Statement {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// The lines, by volunteer.
    pub lines: Vec<StatementLineItem>,
    /// Volunteers left out until their hours are decided.
    pub waiting: Vec<WaitingVolunteer>,
}

/// Change a draft line's amount, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LineAdjustment {
    /// The new amount in cents.
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub amount: Cents,
    /// Why.
    pub reason: String,
}

/// Move a line on: `approve`, `reopen` (with a reason) or `mark_paid`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LineTransition {
    /// `approve`, `reopen` or `mark_paid`.
    pub action: LineAction,
    /// Required to reopen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

crate::text_enum! {
    /// What can be done to a statement line.
    pub enum LineAction ("statement line action") {
        /// draft → approved, refused while the line is over a cap.
        Approve = "approve",
        /// approved → draft, with a reason.
        Reopen = "reopen",
        /// approved → paid; locks the month's hours. A paid line never changes.
        MarkPaid = "mark_paid",
    }
}

/// A volunteer's own allowances in a calendar year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AllowanceYear {
    /// The calendar year.
    pub year: i32,
    /// The year's caps, if entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caps: Option<crate::allowance::AllowanceCaps>,
    /// The statement lines, by month.
    pub lines: Vec<StatementLineItem>,
    /// Allowances declared from elsewhere.
    pub declared: Vec<DeclaredAllowance>,
    /// Paid this year by the programme, in cents.
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub paid: Cents,
    /// Approved and not yet paid, in cents.
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub approved: Cents,
    /// Declared from elsewhere this year, in cents.
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub declared_total: Cents,
}

/// A payout file: approved lines of a month put together once, with the message id the bank
/// knows them by. It never changes: downloaded again, it is the same file, as SEPA XML for the
/// bank and as a CSV for people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PayoutFile {
    /// The file's id.
    pub id: Uuid,
    /// The month its lines belong to, `YYYY-MM`.
    pub month: String,
    /// The SEPA message id (`MsgId`, `KB-` and a time-ordered id): unique per file.
    pub msg_id: String,
    /// The day the bank is asked to pay.
    pub execution_date: NaiveDate,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// Who made it.
    pub created_by: String,
    /// How many payments it holds.
    pub line_count: i64,
    /// What they add up to, in cents.
    pub total: Cents,
    /// Whether the SEPA file was made: not when no payout account was set at the time (the CSV
    /// is there regardless).
    pub has_sepa: bool,
}

/// What a new payout file needs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PayoutFileInput {
    /// The requested execution date: a TARGET2 business day (no weekend, New Year's Day, Good
    /// Friday, Easter Monday, 1 May, 25 or 26 December), today or later. When absent, tomorrow
    /// or the first business day after it.
    #[serde(default)]
    pub execution_date: Option<NaiveDate>,
}
