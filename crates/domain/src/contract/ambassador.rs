//! Ambassadors as the API shows them: the profile, the intake steps, the VOG record, the
//! intake documents, and the summary a school director sees of a candidate.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::FieldError;
use crate::ambassador::{DocumentKind, Funding, IntakeAction, IntakeStatus};
use crate::placement::{MAX_DAY_MINUTES, MIN_DAY_MINUTES, Weekday};
use crate::school_year::{Commitment, SchoolYear, StartMoment};
use crate::vog::VogOutcome;
use crate::{EmailAddress, SchoolType};

/// The fields of an ambassador's profile: used to register one (programme staff) and to
/// replace a profile (programme staff, or the ambassador themself).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AmbassadorInput {
    /// Full name.
    pub name: String,
    /// E-mail address for contact.
    pub email: String,
    /// Telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The employer organisation, if they take part for one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employer_id: Option<Uuid>,
    /// Professional expertise, such as `techniek` or `financiën`.
    #[serde(default)]
    pub expertise: Vec<String>,
    /// Themes they would bring to a class, such as `duurzaamheid`.
    #[serde(default)]
    pub themes: Vec<String>,
    /// Primary or secondary; absent for either.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_type: Option<SchoolType>,
    /// Where they live.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_municipality: Option<String>,
    /// Other municipalities they can travel to.
    #[serde(default)]
    pub municipalities: Vec<String>,
    /// The weekdays they can come (they come one of them).
    pub weekdays: Vec<Weekday>,
    /// Half or whole school year.
    pub commitment: Commitment,
    /// The school year they can start in.
    pub available_from_year: SchoolYear,
    /// The start moment they can start at.
    pub available_from_moment: StartMoment,
    /// How long a day at school can be, in minutes (360 to 480).
    pub minutes_per_day: i64,
    /// Who pays for their hours.
    pub funding: Funding,
    /// For `hybrid`: minutes a week the employer sponsors.
    #[serde(default)]
    pub sponsored_minutes_per_week: i64,
    /// For `hybrid`: minutes a week volunteered.
    #[serde(default)]
    pub volunteer_minutes_per_week: i64,
    /// Schools they would like to go to, best first (at most 3).
    #[serde(default)]
    pub preferred_school_ids: Vec<Uuid>,
}

/// At most this many keywords of expertise or themes.
pub const MAX_KEYWORDS: usize = 12;

impl AmbassadorInput {
    /// Checks the input the way the server does; returns it tidied (text trimmed, lists
    /// deduplicated, hybrid minutes dropped unless hybrid) or every problem, by field.
    pub fn validate(&self) -> Result<AmbassadorInput, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field: &str, message: &str| {
            errors.push(FieldError {
                field: field.to_owned(),
                message: message.to_owned(),
            })
        };
        let words = |list: &[String]| {
            let mut out: Vec<String> = Vec::new();
            for word in list.iter().map(|w| w.trim()).filter(|w| !w.is_empty()) {
                if !out.iter().any(|o| o.eq_ignore_ascii_case(word)) {
                    out.push(word.to_owned());
                }
            }
            out
        };
        let text = |value: &Option<String>| {
            value
                .as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let mut weekdays = self.weekdays.clone();
        weekdays.sort();
        weekdays.dedup();
        let mut preferred: Vec<Uuid> = Vec::new();
        for id in &self.preferred_school_ids {
            if !preferred.contains(id) {
                preferred.push(*id);
            }
        }
        let hybrid = self.funding == Funding::Hybrid;
        let tidy = AmbassadorInput {
            name: self.name.trim().to_owned(),
            email: self.email.trim().to_owned(),
            phone: text(&self.phone),
            expertise: words(&self.expertise),
            themes: words(&self.themes),
            home_municipality: text(&self.home_municipality),
            municipalities: words(&self.municipalities),
            weekdays,
            sponsored_minutes_per_week: if hybrid {
                self.sponsored_minutes_per_week
            } else {
                0
            },
            volunteer_minutes_per_week: if hybrid {
                self.volunteer_minutes_per_week
            } else {
                0
            },
            preferred_school_ids: preferred,
            ..self.clone()
        };
        if tidy.name.is_empty() {
            fail("name", "fill in the name");
        } else if tidy.name.chars().count() > 100 {
            fail("name", "at most 100 characters");
        }
        if EmailAddress::parse(&tidy.email).is_err() {
            fail(
                "email",
                "fill in a valid e-mail address, such as naam@voorbeeld.nl",
            );
        }
        if tidy.phone.as_ref().is_some_and(|p| p.chars().count() > 30) {
            fail("phone", "at most 30 characters");
        }
        for (field, list) in [
            ("expertise", &tidy.expertise),
            ("themes", &tidy.themes),
            ("municipalities", &tidy.municipalities),
        ] {
            if list.len() > MAX_KEYWORDS {
                fail(field, "at most 12 entries");
            }
            if list.iter().any(|w| w.chars().count() > 60) {
                fail(field, "each entry has at most 60 characters");
            }
        }
        if tidy.home_municipality.is_none() && tidy.municipalities.is_empty() {
            fail(
                "municipalities",
                "name at least one municipality they can travel to",
            );
        }
        if tidy.weekdays.is_empty() {
            fail("weekdays", "choose at least one weekday");
        }
        if !(MIN_DAY_MINUTES..=MAX_DAY_MINUTES).contains(&tidy.minutes_per_day) {
            fail(
                "minutes_per_day",
                "a day at school is 6 to 8 hours (360 to 480 minutes)",
            );
        }
        if hybrid {
            let (s, v) = (
                tidy.sponsored_minutes_per_week,
                tidy.volunteer_minutes_per_week,
            );
            if s <= 0 || v <= 0 {
                fail(
                    "sponsored_minutes_per_week",
                    "a hybrid arrangement has both sponsored and volunteered minutes a week",
                );
            } else if s + v > MAX_DAY_MINUTES {
                fail(
                    "volunteer_minutes_per_week",
                    "sponsored and volunteered minutes together are at most one day (480 minutes)",
                );
            }
        }
        if tidy.preferred_school_ids.len() > 3 {
            fail("preferred_school_ids", "at most 3 preferred schools");
        }
        if errors.is_empty() {
            Ok(tidy)
        } else {
            Err(errors)
        }
    }
}

impl AmbassadorInput {
    /// What is left of a profile after erasure: nothing that identifies the person (name,
    /// contact, employer, expertise, places, preferences); only what statistics need.
    pub fn anonymous(&self) -> AmbassadorInput {
        AmbassadorInput {
            name: "Verwijderde ambassadeur".to_owned(),
            email: String::new(),
            phone: None,
            employer_id: None,
            expertise: Vec::new(),
            themes: Vec::new(),
            home_municipality: None,
            municipalities: Vec::new(),
            preferred_school_ids: Vec::new(),
            ..self.clone()
        }
    }
}

/// Everything Klasbrug holds about an ambassador, for their right of access (AVG art. 15).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AmbassadorExport {
    /// When the export was made.
    pub exported_at: DateTime<Utc>,
    /// The profile.
    pub ambassador: Ambassador,
    /// The intake steps, the documents' details and every VOG record.
    pub intake: Intake,
    /// The documents themselves.
    pub documents: Vec<ExportedDocument>,
    /// Every match.
    pub matches: Vec<super::Match>,
    /// The concerns reported about their matches.
    pub concerns: Vec<super::Concern>,
}

/// A document in an export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportedDocument {
    /// Motivation letter or CV.
    pub kind: DocumentKind,
    /// Its media type.
    pub media_type: String,
    /// The content, base64 (standard alphabet, padded).
    pub content_base64: String,
}

/// An ambassador's full profile, for programme staff and the ambassador themself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Ambassador {
    /// The ambassador's id.
    pub id: Uuid,
    /// The user account they log in with, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<Uuid>,
    /// The profile.
    pub profile: AmbassadorInput,
    /// The employer's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employer_name: Option<String>,
    /// Where they are in the intake.
    pub status: IntakeStatus,
    /// The day of the intake decision, which starts the clock on purging documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intake_decided_on: Option<NaiveDate>,
    /// The latest VOG on record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vog: Option<VogRecord>,
    /// When the profile was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// What a school director sees of a candidate: no contact details, no VOG, no documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AmbassadorSummary {
    /// The ambassador's id.
    pub id: Uuid,
    /// Full name.
    pub name: String,
    /// Professional expertise.
    pub expertise: Vec<String>,
    /// Themes.
    pub themes: Vec<String>,
    /// The employer's name, if they take part for one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employer_name: Option<String>,
}

/// One row in the list of ambassadors, for programme staff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AmbassadorListItem {
    /// The ambassador's id.
    pub id: Uuid,
    /// Full name.
    pub name: String,
    /// E-mail address.
    pub email: String,
    /// Where they are in the intake.
    pub status: IntakeStatus,
    /// The weekdays they can come.
    pub weekdays: Vec<Weekday>,
    /// Expertise and themes.
    pub expertise: Vec<String>,
    /// Whether their latest VOG would be valid for a po and a vo placement starting today.
    pub vog: VogValidity,
}

/// Whether an ambassador's latest VOG is valid for a placement starting today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VogValidity {
    /// Valid for primary education (6 months).
    pub po: bool,
    /// Valid for secondary education (26 weeks).
    pub vo: bool,
    /// The latest VOG's issue date, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_on: Option<NaiveDate>,
    /// The latest VOG's outcome, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<VogOutcome>,
}

/// Filters for the list of ambassadors.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct AmbassadorQuery {
    /// Only ambassadors with this intake status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<IntakeStatus>,
}

/// A step in the intake.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IntakeStep {
    /// The status reached.
    pub status: IntakeStatus,
    /// The day it happened.
    pub on: NaiveDate,
    /// Who took the step (absent for steps the system took).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_name: Option<String>,
    /// A note or reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// A step programme staff take in the intake.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct IntakeTransition {
    /// The step.
    pub action: IntakeAction,
    /// The day it happened; today when absent. Not in the future.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<NaiveDate>,
    /// A note; for `withdraw`, the reason (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A VOG as recorded: never the document itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct VogInput {
    /// When Justis issued it (or decided).
    pub issued_on: NaiveDate,
    /// When programme staff saw it; not before it was issued, not in the future.
    pub seen_on: NaiveDate,
    /// Issued or refused.
    pub outcome: VogOutcome,
}

/// A recorded VOG.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VogRecord {
    /// The record's id.
    pub id: Uuid,
    /// When it was issued.
    pub issued_on: NaiveDate,
    /// When programme staff saw it.
    pub seen_on: NaiveDate,
    /// Who saw it.
    pub seen_by_name: String,
    /// Issued or refused.
    pub outcome: VogOutcome,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

/// An intake document, without its content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentInfo {
    /// Motivation letter or CV.
    pub kind: DocumentKind,
    /// `application/pdf` or the DOCX media type, as recognised from the content.
    pub media_type: String,
    /// Size in bytes.
    pub size: i64,
    /// When it was uploaded.
    pub uploaded_at: DateTime<Utc>,
}

/// An ambassador's intake: the steps so far and the documents still kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Intake {
    /// The steps, oldest first.
    pub steps: Vec<IntakeStep>,
    /// The documents; they are purged a set number of days after the intake decision.
    pub documents: Vec<DocumentInfo>,
    /// Every VOG on record, newest first.
    pub vogs: Vec<VogRecord>,
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn input() -> AmbassadorInput {
        AmbassadorInput {
            name: " Noor de Vries ".into(),
            email: "noor@example.org".into(),
            phone: Some("  ".into()),
            employer_id: None,
            expertise: vec!["techniek".into(), "Techniek".into(), " ".into()],
            themes: vec![],
            school_type: None,
            home_municipality: Some("Utrecht".into()),
            municipalities: vec![],
            weekdays: vec![Weekday::Tuesday, Weekday::Monday, Weekday::Tuesday],
            commitment: Commitment::WholeYear,
            available_from_year: SchoolYear::starting(2026).unwrap(),
            available_from_moment: StartMoment::September,
            minutes_per_day: 420,
            funding: Funding::Volunteer,
            sponsored_minutes_per_week: 120,
            volunteer_minutes_per_week: 0,
            preferred_school_ids: vec![],
        }
    }

    #[test]
    fn a_profile_is_tidied() {
        let tidy = input().validate().unwrap();
        assert_eq!(tidy.name, "Noor de Vries");
        assert_eq!(tidy.phone, None);
        assert_eq!(tidy.expertise, vec!["techniek".to_owned()]);
        assert_eq!(tidy.weekdays, vec![Weekday::Monday, Weekday::Tuesday]);
        assert_eq!(
            tidy.sponsored_minutes_per_week, 0,
            "only hybrid keeps minutes a week"
        );
    }

    #[test]
    fn every_problem_is_named_by_field() {
        let bad = AmbassadorInput {
            name: "".into(),
            email: "geen-adres".into(),
            home_municipality: None,
            weekdays: vec![],
            minutes_per_day: 300,
            funding: Funding::Hybrid,
            sponsored_minutes_per_week: 0,
            ..input()
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
                "name",
                "email",
                "municipalities",
                "weekdays",
                "minutes_per_day",
                "sponsored_minutes_per_week"
            ]
        );
    }

    #[test]
    fn a_hybrid_arrangement_fits_in_one_day() {
        let hybrid = AmbassadorInput {
            funding: Funding::Hybrid,
            sponsored_minutes_per_week: 240,
            volunteer_minutes_per_week: 300,
            ..input()
        };
        assert_eq!(
            hybrid.validate().unwrap_err()[0].field,
            "volunteer_minutes_per_week"
        );
        let fits = AmbassadorInput {
            volunteer_minutes_per_week: 240,
            ..hybrid
        };
        assert!(fits.validate().is_ok());
    }
}
