//! Applying to become an ambassador: the form a professional fills in on the website (or a
//! partner sends on a candidate's behalf), its confirmation by e-mail, and where an application
//! stands.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::FieldError;
use super::ambassador::AmbassadorInput;
use crate::SchoolType;
use crate::ambassador::{Funding, IntakeStatus};
use crate::placement::Weekday;
use crate::school_year::{Commitment, SchoolYear, StartMoment};
use crate::text_enum;

/// How long a confirmation link stays valid; an unconfirmed application is deleted, documents
/// and all, when it expires.
pub const APPLICATION_VALID_DAYS: i64 = 7;

/// The version of the privacy statement the application form shows and the applicant agrees
/// to.
pub const PRIVACY_STATEMENT_VERSION: &str = "2026-12";

/// An application to become an ambassador.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ApplicationInput {
    /// Full name.
    pub name: String,
    /// E-mail address: the confirmation link goes there, and it becomes the login.
    pub email: String,
    /// Telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Where they live.
    pub home_municipality: String,
    /// Other municipalities they can travel to.
    #[serde(default)]
    pub municipalities: Vec<String>,
    /// The weekdays they can give (they come one of them).
    pub weekdays: Vec<Weekday>,
    /// Half or whole school year.
    pub commitment: Commitment,
    /// The school year they can start in.
    pub available_from_year: SchoolYear,
    /// The start moment they can start at.
    pub available_from_moment: StartMoment,
    /// How long a day at school can be, in minutes (360 to 480: 6 to 8 hours).
    pub minutes_per_day: i64,
    /// Primary or secondary; absent for either.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_type: Option<SchoolType>,
    /// Professional expertise, such as `techniek` or `financiën`.
    #[serde(default)]
    pub expertise: Vec<String>,
    /// The employer that keeps paying them for the day at school, if one does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sponsoring_employer: Option<String>,
    /// The motivation letter: a PDF or DOCX of at most 5 MiB, base64-encoded.
    pub motivation_letter: String,
    /// The CV: a PDF or DOCX of at most 5 MiB, base64-encoded.
    pub cv: String,
    /// The applicant agrees to the privacy statement of [`PRIVACY_STATEMENT_VERSION`]; must be
    /// `true`.
    pub privacy_consent: bool,
    /// The version of the privacy statement the applicant was shown and agreed to. When sent, it
    /// must be the current one (`2026-12`); absent, the current one is recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_statement_version: Option<String>,
}

impl ApplicationInput {
    /// Checks everything but the documents' content; returns the ambassador's profile the
    /// application becomes (text trimmed) or every problem, by field.
    pub fn validate(&self) -> Result<AmbassadorInput, Vec<FieldError>> {
        let sponsoring = self
            .sponsoring_employer
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty());
        let profile = AmbassadorInput {
            name: self.name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            employer_id: None,
            expertise: self.expertise.clone(),
            themes: Vec::new(),
            school_type: self.school_type,
            home_municipality: Some(self.home_municipality.clone()),
            municipalities: self.municipalities.clone(),
            weekdays: self.weekdays.clone(),
            commitment: self.commitment,
            available_from_year: self.available_from_year,
            available_from_moment: self.available_from_moment,
            minutes_per_day: self.minutes_per_day,
            // Programme staff link a sponsoring employer once it is known to them.
            funding: if sponsoring.is_some() {
                Funding::Sponsored
            } else {
                Funding::Volunteer
            },
            sponsored_minutes_per_week: 0,
            volunteer_minutes_per_week: 0,
            preferred_school_ids: Vec::new(),
        };
        let mut errors = match profile.validate() {
            Ok(_) => Vec::new(),
            Err(errors) => errors,
        };
        if self.home_municipality.trim().is_empty() {
            errors.push(FieldError::new(
                "home_municipality",
                "fill in where you live",
            ));
        }
        if sponsoring.is_some_and(|e| e.chars().count() > 100) {
            errors.push(FieldError::new(
                "sponsoring_employer",
                "at most 100 characters",
            ));
        }
        for (field, content) in [
            ("motivation_letter", &self.motivation_letter),
            ("cv", &self.cv),
        ] {
            if content.trim().is_empty() {
                errors.push(FieldError::new(field, "add the file (PDF or DOCX)"));
            }
        }
        if !self.privacy_consent {
            errors.push(FieldError::new(
                "privacy_consent",
                "agree to the privacy statement to apply",
            ));
        }
        if let Some(version) = &self.privacy_statement_version
            && version != PRIVACY_STATEMENT_VERSION
        {
            errors.push(FieldError::new(
                "privacy_statement_version",
                &format!(
                    "the privacy statement is now version {PRIVACY_STATEMENT_VERSION}: show it again and ask for consent"
                ),
            ));
        }
        if errors.is_empty() {
            profile.validate()
        } else {
            Err(errors)
        }
    }

    /// The sponsoring employer's name, trimmed, when one is given.
    pub fn sponsoring_employer(&self) -> Option<String> {
        self.sponsoring_employer
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(str::to_owned)
    }
}

/// The candidate confirms their application from the link in the e-mail and chooses the
/// password of their new account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ApplicationConfirmation {
    /// The token from the link.
    pub token: String,
    /// The password for the new account (at least 10 characters).
    pub password: String,
}

/// What confirming made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConfirmedApplication {
    /// The new ambassador, in `registered`.
    pub ambassador_id: Uuid,
    /// The login of the new account.
    pub email: String,
}

text_enum! {
    /// Where an application stands.
    pub enum ApplicationStatus ("application status") {
        /// The candidate has not yet confirmed their e-mail address.
        AwaitingConfirmation = "awaiting_confirmation",
        /// Confirmed: the candidate is an ambassador in the intake.
        Confirmed = "confirmed",
        /// Not confirmed in time; deleted soon.
        Expired = "expired",
    }
}

/// An application as programme staff and the partner that sent it see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Application {
    /// The application's id.
    pub id: Uuid,
    /// The candidate's name.
    pub name: String,
    /// Where it stands.
    pub status: ApplicationStatus,
    /// The partner organisation that sent it; absent when the candidate applied on the
    /// website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    /// The employer that would sponsor them, as the candidate named it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sponsoring_employer: Option<String>,
    /// When it was sent.
    pub submitted_at: DateTime<Utc>,
    /// Until when the candidate can confirm it.
    pub expires_at: DateTime<Utc>,
    /// When the candidate confirmed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmed_at: Option<DateTime<Utc>>,
    /// The ambassador it became, once confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ambassador_id: Option<Uuid>,
    /// The ambassador's intake status, once confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intake_status: Option<IntakeStatus>,
    /// The version of the privacy statement the candidate agreed to.
    pub privacy_statement_version: String,
    /// When they agreed to it.
    pub privacy_consented_at: DateTime<Utc>,
}

/// Filters of the application list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct ApplicationQuery {
    /// Only applications in this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ApplicationStatus>,
}

/// An application's status at `now`.
pub fn application_status(
    confirmed_at: Option<DateTime<Utc>>,
    expires_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> ApplicationStatus {
    match confirmed_at {
        Some(_) => ApplicationStatus::Confirmed,
        None if now >= expires_at => ApplicationStatus::Expired,
        None => ApplicationStatus::AwaitingConfirmation,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    pub(crate) fn filled() -> ApplicationInput {
        ApplicationInput {
            name: " Joris Vermeer ".to_owned(),
            email: "joris@voorbeeld.example".to_owned(),
            phone: None,
            home_municipality: "Zwolle".to_owned(),
            municipalities: vec!["Kampen".to_owned()],
            weekdays: vec![Weekday::Tuesday],
            commitment: Commitment::WholeYear,
            available_from_year: SchoolYear::starting(2027).unwrap(),
            available_from_moment: StartMoment::September,
            minutes_per_day: 420,
            school_type: None,
            expertise: vec!["techniek".to_owned()],
            sponsoring_employer: None,
            motivation_letter: "JVBERi0=".to_owned(),
            cv: "JVBERi0=".to_owned(),
            privacy_consent: true,
            privacy_statement_version: None,
        }
    }

    #[test]
    fn consent_to_an_older_privacy_statement_is_refused_and_the_current_one_accepted() {
        let mut input = filled();
        input.privacy_statement_version = Some(PRIVACY_STATEMENT_VERSION.to_owned());
        assert!(input.validate().is_ok());
        input.privacy_statement_version = Some("2025-01".to_owned());
        let errors = input.validate().unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "privacy_statement_version");
        assert!(errors[0].message.contains(PRIVACY_STATEMENT_VERSION));
    }

    #[test]
    fn a_filled_in_application_becomes_a_volunteers_profile() {
        let profile = filled().validate().unwrap();
        assert_eq!(profile.name, "Joris Vermeer");
        assert_eq!(profile.home_municipality.as_deref(), Some("Zwolle"));
        assert_eq!(profile.funding, Funding::Volunteer);
        assert_eq!(profile.employer_id, None);
    }

    #[test]
    fn a_sponsoring_employer_makes_the_profile_sponsored() {
        let mut input = filled();
        input.sponsoring_employer = Some("  Bouwbedrijf Voorbeeld ".to_owned());
        assert_eq!(input.validate().unwrap().funding, Funding::Sponsored);
        assert_eq!(
            input.sponsoring_employer().as_deref(),
            Some("Bouwbedrijf Voorbeeld")
        );
        input.sponsoring_employer = Some("   ".to_owned());
        assert_eq!(input.validate().unwrap().funding, Funding::Volunteer);
    }

    #[test]
    fn consent_documents_and_the_day_are_each_named_when_missing() {
        let mut input = filled();
        input.privacy_consent = false;
        input.cv = String::new();
        input.home_municipality = " ".to_owned();
        input.minutes_per_day = 359;
        let fields: Vec<String> = input
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        for field in [
            "privacy_consent",
            "cv",
            "home_municipality",
            "minutes_per_day",
        ] {
            assert!(fields.contains(&field.to_owned()), "{field} in {fields:?}");
        }
        let mut input = filled();
        input.minutes_per_day = 480;
        assert!(input.validate().is_ok(), "8 hours is the longest day");
        input.minutes_per_day = 481;
        assert!(input.validate().is_err());
    }

    #[test]
    fn an_application_expires_at_its_instant_unless_confirmed() {
        let expires = Utc.with_ymd_and_hms(2026, 12, 10, 9, 0, 0).unwrap();
        let before = expires - chrono::Duration::seconds(1);
        assert_eq!(
            application_status(None, expires, before),
            ApplicationStatus::AwaitingConfirmation
        );
        assert_eq!(
            application_status(None, expires, expires),
            ApplicationStatus::Expired
        );
        assert_eq!(
            application_status(Some(before), expires, expires),
            ApplicationStatus::Confirmed
        );
    }
}
