//! Employer sponsorship as the API shows it: employers and their sign-up, the invitations they
//! send their staff, sponsorship agreements, contributions, extra cost rows, the social-return
//! rules and the employer's statement. The rules behind them are in [`crate::sponsorship`].

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::FieldError;
use crate::ambassador::Funding;
use crate::money::Cents;
use crate::placement::Weekday;
use crate::school_year::{Commitment, SchoolYear, StartMoment};
use crate::sponsorship::{
    AgreementAction, AgreementStatus, CostOverview, EmployerStatement, Party, SocialReturn,
    StatementPeriod,
};
use crate::{EmailAddress, Password, text_enum};

/// What a contribution is; the statement's contributions use the same.
pub use crate::sponsorship::ContributionType;

/// The longest name of an organisation or person accepted.
pub const MAX_NAME_CHARS: usize = 200;

/// An employer signing up: the organisation and its first contact person, who gets an account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EmployerSignUp {
    /// The organisation's name, such as `Bouwbedrijf Hoogland`.
    pub organisation_name: String,
    /// The municipality (*gemeente*) whose social-return scheme the employer reports to.
    pub municipality: String,
    /// The contact person's full name.
    pub contact_name: String,
    /// The contact person's work e-mail address: their login.
    pub email: String,
    /// The contact person's new password, at least 10 characters.
    pub password: String,
}

impl EmployerSignUp {
    /// Checks every field; returns the sign-up trimmed, or every problem by field.
    pub fn validate(&self) -> Result<EmployerSignUp, Vec<FieldError>> {
        let mut errors = Vec::new();
        let tidy = EmployerSignUp {
            organisation_name: self.organisation_name.trim().to_owned(),
            municipality: self.municipality.trim().to_owned(),
            contact_name: self.contact_name.trim().to_owned(),
            email: self.email.trim().to_owned(),
            password: self.password.clone(),
        };
        name_field(&mut errors, "organisation_name", &tidy.organisation_name);
        if tidy.municipality.is_empty() {
            errors.push(FieldError::new(
                "municipality",
                "fill in the municipality, such as Utrecht",
            ));
        } else if tidy.municipality.chars().count() > 100 {
            errors.push(FieldError::new("municipality", "at most 100 characters"));
        }
        name_field(&mut errors, "contact_name", &tidy.contact_name);
        email_field(&mut errors, "email", &tidy.email);
        if let Err(e) = Password::parse(&tidy.password) {
            errors.push(FieldError::new("password", &e.0));
        }
        if errors.is_empty() {
            Ok(tidy)
        } else {
            Err(errors)
        }
    }
}

/// An employer organisation as its contacts and programme staff see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Employer {
    /// The organisation's id.
    pub id: Uuid,
    /// The organisation's name.
    pub name: String,
    /// The municipality whose social-return scheme the employer reports to.
    pub municipality: String,
    /// Whether programme staff verified it; only a verified employer registers staff.
    pub verified: bool,
    /// When it was verified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified_at: Option<DateTime<Utc>>,
    /// When it signed up.
    pub created_at: DateTime<Utc>,
}

/// The answer to an employer's sign-up: the same whether or not the e-mail address had an
/// account already, so that it does not tell who has one. What happened is in the e-mail sent to
/// the address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignUpReceived {
    /// Always `check_your_email`: the next step is in the e-mail sent to the address given.
    pub next_step: String,
}

impl SignUpReceived {
    /// The one answer.
    pub fn check_your_email() -> Self {
        Self {
            next_step: "check_your_email".to_owned(),
        }
    }
}

/// An employee to invite: the employer's own member of staff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct InvitationInput {
    /// The employee's full name.
    pub name: String,
    /// The employee's work e-mail address; the invitation goes there.
    pub email: String,
}

impl InvitationInput {
    /// Checks both fields; returns them trimmed, or every problem by field.
    pub fn validate(&self) -> Result<InvitationInput, Vec<FieldError>> {
        let mut errors = Vec::new();
        let tidy = InvitationInput {
            name: self.name.trim().to_owned(),
            email: self.email.trim().to_owned(),
        };
        name_field(&mut errors, "name", &tidy.name);
        email_field(&mut errors, "email", &tidy.email);
        if errors.is_empty() {
            Ok(tidy)
        } else {
            Err(errors)
        }
    }
}

text_enum! {
    /// Where an invitation stands, as its employer sees it.
    pub enum InvitationStatus ("invitation status") {
        /// Sent; the employee has not accepted it yet and it is still valid.
        Pending = "pending",
        /// The employee accepted it: their ambassador profile is linked to the employer.
        Accepted = "accepted",
        /// Not accepted within 14 days.
        Expired = "expired",
        /// Replaced by a newer invitation to the same address.
        Revoked = "revoked",
    }
}

/// An invitation, as its employer sees it. The token itself is never shown: it went to the
/// employee's e-mail address only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Invitation {
    /// Its id.
    pub id: Uuid,
    /// The employer that sent it.
    pub employer_id: Uuid,
    /// The employee's name.
    pub employee_name: String,
    /// Where it was sent.
    pub employee_email: String,
    /// Pending, accepted, expired or revoked.
    pub status: InvitationStatus,
    /// When it was sent.
    pub created_at: DateTime<Utc>,
    /// When it stops being valid.
    pub expires_at: DateTime<Utc>,
    /// When it was accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_at: Option<DateTime<Utc>>,
    /// The ambassador profile it linked, once accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ambassador_id: Option<Uuid>,
}

/// What the holder of an invitation link may see before accepting it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationPreview {
    /// The employer that sent it.
    pub employer_id: Uuid,
    /// The employer's name.
    pub employer_name: String,
    /// The employee's name, as the employer entered it.
    pub employee_name: String,
    /// The address it was sent to: the login of the account it makes.
    pub employee_email: String,
    /// When it stops being valid.
    pub expires_at: DateTime<Utc>,
    /// True when an account exists for the address: the employee logs in before accepting.
    pub account_exists: bool,
}

/// Accepting an invitation. Without an account for the invitation's address, give a password
/// and an account is made; with one, send the request logged in as that account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct InvitationAcceptance {
    /// The token from the invitation link.
    pub token: String,
    /// A new password (at least 10 characters), when no account exists for the address yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// The weekdays the employee can be at school, for a new ambassador profile (at least one).
    #[serde(default)]
    pub weekdays: Vec<Weekday>,
}

/// An accepted invitation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcceptedInvitation {
    /// The employer the employee is now linked to.
    pub employer_id: Uuid,
    /// The employee's ambassador profile, made or linked.
    pub ambassador_id: Uuid,
    /// True when an account was made: log in with the invitation's address and the password.
    pub account_created: bool,
}

/// A member of an employer's staff linked to the employer as an ambassador.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Employee {
    /// Their ambassador profile.
    pub ambassador_id: Uuid,
    /// Their name.
    pub name: String,
    /// Their e-mail address.
    pub email: String,
    /// Who pays for their hours: sponsored, volunteer or hybrid.
    pub funding: Funding,
}

/// A sponsorship agreement to propose: one employee, one period, the minutes and the rate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AgreementInput {
    /// The employee's ambassador profile; it must be linked to the employer (an accepted
    /// invitation).
    pub ambassador_id: Uuid,
    /// The school year it starts in, such as `2026-2027`.
    pub school_year: SchoolYear,
    /// September or February.
    pub start_moment: StartMoment,
    /// Half or whole school year.
    pub commitment: Commitment,
    /// Minutes a week the employer pays for as working time (0 to 2400).
    pub sponsored_minutes_per_week: i64,
    /// Minutes a week the employee volunteers on top (0 to 2400): hybrid when both are above 0.
    #[serde(default)]
    pub volunteered_minutes_per_week: i64,
    /// The employer's cost of an hour of the employee, in cents, for the cost overview.
    pub hourly_rate: Cents,
}

/// A sponsorship agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Agreement {
    /// Its id.
    pub id: Uuid,
    /// The sponsoring employer.
    pub employer_id: Uuid,
    /// The employee's ambassador profile.
    pub ambassador_id: Uuid,
    /// The employee's name.
    pub employee_name: String,
    /// The school year it starts in.
    pub school_year: SchoolYear,
    /// September or February.
    pub start_moment: StartMoment,
    /// Half or whole school year.
    pub commitment: Commitment,
    /// The first day it covers.
    pub first_day: NaiveDate,
    /// The last day it covers.
    pub last_day: NaiveDate,
    /// Minutes a week the employer pays for.
    pub sponsored_minutes_per_week: u32,
    /// Minutes a week volunteered.
    pub volunteered_minutes_per_week: u32,
    /// The employer's cost of an hour, in cents.
    pub hourly_rate: Cents,
    /// The funding the terms imply: sponsored, volunteer or hybrid.
    pub funding: Funding,
    /// Proposed, agreed, running or ended.
    pub status: AgreementStatus,
    /// Why it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_reason: Option<String>,
    /// The day it ended, if it did: agreed minutes stop counting after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_on: Option<NaiveDate>,
    /// When it was proposed.
    pub created_at: DateTime<Utc>,
}

/// A step in an agreement's life.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AgreementTransition {
    /// `agree` and `start` (programme staff), or `end` (programme staff or the employer).
    pub action: AgreementAction,
    /// Why it ends; required for `end`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A contribution to record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ContributionInput {
    /// Materials or money.
    pub kind: ContributionType,
    /// What was given (required for materials), or what the money is for.
    #[serde(default)]
    pub description: String,
    /// The value of the materials or the amount of money, in cents (above 0).
    pub amount: Cents,
    /// The day it was given or transferred; statements whose period holds it list it.
    pub given_on: NaiveDate,
    /// The receipt's number, unique per employer.
    pub receipt_number: String,
}

impl ContributionInput {
    /// The contribution trimmed, or every field that is wrong: materials say what they were, the
    /// amount is above 0 and at most EUR 1,000,000, and the receipt number is required.
    pub fn validate(mut self) -> Result<Self, Vec<FieldError>> {
        self.description = self.description.trim().to_owned();
        self.receipt_number = self.receipt_number.trim().to_owned();
        let mut errors = Vec::new();
        if self.kind == ContributionType::Materials && self.description.is_empty() {
            errors.push(FieldError::new(
                "description",
                "say what materials were given",
            ));
        }
        if self.description.chars().count() > 300 {
            errors.push(FieldError::new("description", "at most 300 characters"));
        }
        if self.amount.0 <= 0 || self.amount.0 > 100_000_000 {
            errors.push(FieldError::new(
                "amount",
                "give the value in cents, above 0 and at most 100000000 (EUR 1,000,000)",
            ));
        }
        if self.receipt_number.is_empty() || self.receipt_number.chars().count() > 100 {
            errors.push(FieldError::new(
                "receipt_number",
                "give the receipt's number, at most 100 characters",
            ));
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(errors)
        }
    }
}

/// A recorded contribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContributionRecord {
    /// Its id.
    pub id: Uuid,
    /// The employer that gave it.
    pub employer_id: Uuid,
    /// Materials or money.
    pub kind: ContributionType,
    /// What was given, or what the money is for.
    pub description: String,
    /// Value or amount, in cents.
    pub amount: Cents,
    /// The day it was given.
    pub given_on: NaiveDate,
    /// The receipt's number.
    pub receipt_number: String,
}

/// Hours of another role the employer adds to its cost overview, such as a coordinator's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CostRoleInput {
    /// The role, such as `coördinator`.
    pub role: String,
    /// Who bears the cost: `employer`, `school` or `programme`.
    pub party: Party,
    /// The hours, in minutes (1 to 100 000).
    pub minutes: i64,
    /// The cost of an hour, in cents.
    pub hourly_rate: Cents,
    /// The day the hours count on; statements whose period holds it include them.
    pub recorded_on: NaiveDate,
}

impl CostRoleInput {
    /// The cost row trimmed with its minutes, or every field that is wrong: a role of at most
    /// 100 characters, 1 to 100 000 minutes, and 0 to EUR 1,000 an hour.
    pub fn validate(mut self) -> Result<(Self, u32), Vec<FieldError>> {
        self.role = self.role.trim().to_owned();
        let mut errors = Vec::new();
        if self.role.is_empty() || self.role.chars().count() > 100 {
            errors.push(FieldError::new(
                "role",
                "give the role, such as 'coördinator', at most 100 characters",
            ));
        }
        let minutes = u32::try_from(self.minutes)
            .ok()
            .filter(|m| (1..=100_000).contains(m));
        if minutes.is_none() {
            errors.push(FieldError::new("minutes", "give 1 to 100000 minutes"));
        }
        if self.hourly_rate.is_negative() || self.hourly_rate.0 > 100_000 {
            errors.push(FieldError::new(
                "hourly_rate",
                "give 0 to 100000 cents (EUR 1,000) an hour",
            ));
        }
        match (minutes, errors.is_empty()) {
            (Some(minutes), true) => Ok((self, minutes)),
            _ => Err(errors),
        }
    }
}

/// A recorded cost row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CostRoleRecord {
    /// Its id.
    pub id: Uuid,
    /// The employer it belongs to.
    pub employer_id: Uuid,
    /// The role.
    pub role: String,
    /// Who bears the cost.
    pub party: Party,
    /// The hours, in minutes.
    pub minutes: u32,
    /// The cost of an hour, in cents.
    pub hourly_rate: Cents,
    /// The day the hours count on.
    pub recorded_on: NaiveDate,
}

/// A municipality's value of an employee-hour, as programme staff enter it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SroiRuleInput {
    /// Value of one employee-hour, in cents (0 to 100 000).
    pub cents_per_hour: Cents,
    /// Where the value comes from: the scheme and its building block.
    pub source: String,
}

/// The period of a statement, from the query string.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct StatementQuery {
    /// The first day, `YYYY-MM-DD`.
    pub from: NaiveDate,
    /// The last day, `YYYY-MM-DD`, at most 3 years after the first.
    pub to: NaiveDate,
}

/// An employer's statement for a period: sponsored hours delivered against agreed, their
/// social-return value and the cost overview. Holds no volunteered hours, allowance, VOG or
/// evaluation data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SponsorshipReport {
    /// The employer.
    pub employer_id: Uuid,
    /// The employer's name.
    pub employer_name: String,
    /// The days covered.
    pub period: StatementPeriod,
    /// Delivered against agreed, per employee and school.
    pub statement: EmployerStatement,
    /// The delivered hours' value in the employer's municipality, with the rule used.
    pub social_return: SocialReturn,
    /// How the figure was reached, in Dutch, for the statement.
    pub social_return_explanation: String,
    /// The cost overview in the form of a subsidy budget table.
    pub cost: CostOverview,
}

fn name_field(errors: &mut Vec<FieldError>, name: &str, value: &str) {
    if value.is_empty() {
        errors.push(FieldError::new(name, "fill in the name"));
    } else if value.chars().count() > MAX_NAME_CHARS {
        errors.push(FieldError::new(name, "at most 200 characters"));
    }
}

fn email_field(errors: &mut Vec<FieldError>, name: &str, value: &str) {
    if EmailAddress::parse(value).is_err() {
        errors.push(FieldError::new(
            name,
            "fill in a valid e-mail address, such as naam@voorbeeld.nl",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_contribution_is_trimmed_and_checked_field_by_field() {
        let day = NaiveDate::from_ymd_opt(2026, 10, 1).expect("a date");
        let money = ContributionInput {
            kind: ContributionType::Money,
            description: "  ".to_owned(),
            amount: Cents(50_000),
            given_on: day,
            receipt_number: " R-1 ".to_owned(),
        };
        let tidy = money
            .clone()
            .validate()
            .expect("money needs no description");
        assert_eq!(
            (tidy.description.as_str(), tidy.receipt_number.as_str()),
            ("", "R-1")
        );
        let materials = ContributionInput {
            kind: ContributionType::Materials,
            amount: Cents(0),
            receipt_number: " ".to_owned(),
            ..money.clone()
        };
        assert_eq!(
            fields(materials.validate().expect_err("three wrong fields")),
            ["description", "amount", "receipt_number"]
        );
        let too_much = ContributionInput {
            amount: Cents(100_000_001),
            ..money
        };
        assert_eq!(
            fields(too_much.validate().expect_err("too much")),
            ["amount"]
        );
    }

    #[test]
    fn a_cost_role_needs_a_role_minutes_and_a_sane_rate() {
        let row = CostRoleInput {
            role: " coördinator ".to_owned(),
            party: Party::Employer,
            minutes: 90,
            hourly_rate: Cents(4_500),
            recorded_on: NaiveDate::from_ymd_opt(2026, 10, 1).expect("a date"),
        };
        let (tidy, minutes) = row.clone().validate().expect("a valid row");
        assert_eq!((tidy.role.as_str(), minutes), ("coördinator", 90));
        let wrong = CostRoleInput {
            role: String::new(),
            minutes: 0,
            hourly_rate: Cents(100_001),
            ..row.clone()
        };
        assert_eq!(
            fields(wrong.validate().expect_err("three wrong fields")),
            ["role", "minutes", "hourly_rate"]
        );
        let too_long = CostRoleInput {
            minutes: 100_001,
            ..row
        };
        assert_eq!(
            fields(too_long.validate().expect_err("too long")),
            ["minutes"]
        );
    }

    #[test]
    fn a_sign_up_names_every_bad_field() {
        let bad = EmployerSignUp {
            organisation_name: "  ".to_owned(),
            municipality: String::new(),
            contact_name: "x".repeat(201),
            email: "geen-adres".to_owned(),
            password: "kort".to_owned(),
        };
        let fields: Vec<String> = bad
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                "organisation_name",
                "municipality",
                "contact_name",
                "email",
                "password"
            ]
        );
        let good = EmployerSignUp {
            organisation_name: " Bakkerij Voorbeeld ".to_owned(),
            municipality: "Utrecht".to_owned(),
            contact_name: "Ank de Vries".to_owned(),
            email: "hr@bakkerij.example".to_owned(),
            password: "lang-genoeg-wachtwoord".to_owned(),
        };
        assert_eq!(
            good.validate().unwrap().organisation_name,
            "Bakkerij Voorbeeld"
        );
    }

    #[test]
    fn an_invitation_needs_a_name_and_an_address() {
        let bad = InvitationInput {
            name: String::new(),
            email: "a@".to_owned(),
        };
        assert_eq!(bad.validate().unwrap_err().len(), 2);
        let good = InvitationInput {
            name: " Sanne ".to_owned(),
            email: "sanne@bedrijf.example".to_owned(),
        };
        assert_eq!(good.validate().unwrap().name, "Sanne");
    }
}
