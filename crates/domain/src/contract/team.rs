//! A school's team: inviting teachers and coordinators by e-mail, and a teacher's own class
//! (Mijn klas): whether they are open to an ambassador this school year, the ambassadors in their
//! groups, and the lessons planned for them.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::FieldError;
use super::lesson_schedule::ScheduledLesson;
use crate::placement::Weekday;
use crate::school_year::SchoolYear;
use crate::{EmailAddress, Role, text_enum};

/// How long a team invitation link stays valid.
pub const TEAM_INVITATION_VALID_DAYS: i64 = 14;

/// A director invites a colleague to the school's team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TeamInvitationInput {
    /// The colleague's name.
    pub name: String,
    /// Where the link goes; it becomes their login.
    pub email: String,
    /// `teacher` or `coordinator`.
    pub role: Role,
}

impl TeamInvitationInput {
    /// The input tidied, or every problem by field.
    pub fn validate(&self) -> Result<TeamInvitationInput, Vec<FieldError>> {
        let tidy = TeamInvitationInput {
            name: self.name.trim().to_owned(),
            email: self.email.trim().to_owned(),
            role: self.role,
        };
        let mut errors = Vec::new();
        if tidy.name.is_empty() || tidy.name.chars().count() > 100 {
            errors.push(FieldError::new(
                "name",
                "fill in the name (at most 100 characters)",
            ));
        }
        if EmailAddress::parse(&tidy.email).is_err() {
            errors.push(FieldError::new(
                "email",
                "fill in a valid e-mail address, such as naam@school.nl",
            ));
        }
        if !matches!(tidy.role, Role::Teacher | Role::Coordinator) {
            errors.push(FieldError::new(
                "role",
                "invite a teacher or a coordinator; programme staff give other roles",
            ));
        }
        if errors.is_empty() {
            Ok(tidy)
        } else {
            Err(errors)
        }
    }
}

text_enum! {
    /// Where a team invitation stands.
    pub enum TeamInvitationStatus ("team invitation status") {
        /// Sent, not yet accepted.
        Pending = "pending",
        /// Accepted: the colleague is in the team.
        Accepted = "accepted",
        /// Not accepted in time.
        Expired = "expired",
        /// Replaced by a newer invitation to the same address.
        Revoked = "revoked",
    }
}

/// An invitation as the director sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeamInvitation {
    /// The invitation's id.
    pub id: Uuid,
    /// The school.
    pub school_id: Uuid,
    /// The colleague's name.
    pub name: String,
    /// Their address.
    pub email: String,
    /// The role they get.
    pub role: Role,
    /// Where it stands.
    pub status: TeamInvitationStatus,
    /// When it was sent.
    pub created_at: DateTime<Utc>,
    /// Until when the link works.
    pub expires_at: DateTime<Utc>,
    /// When it was accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_at: Option<DateTime<Utc>>,
}

/// An invitation's status at `now`.
pub fn team_invitation_status(
    created_at: DateTime<Utc>,
    accepted_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> TeamInvitationStatus {
    if accepted_at.is_some() {
        TeamInvitationStatus::Accepted
    } else if revoked_at.is_some() {
        TeamInvitationStatus::Revoked
    } else if now >= created_at + chrono::Duration::days(TEAM_INVITATION_VALID_DAYS) {
        TeamInvitationStatus::Expired
    } else {
        TeamInvitationStatus::Pending
    }
}

/// What a team invitation link is for, before accepting it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeamInvitationPreview {
    /// The school.
    pub school_name: String,
    /// The colleague's name.
    pub name: String,
    /// Their address.
    pub email: String,
    /// The role they get.
    pub role: Role,
    /// Whether the address has an account already: then they log in and accept; otherwise they
    /// choose a password.
    pub account_exists: bool,
}

/// Accepting a team invitation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TeamInvitationAcceptance {
    /// The token from the link.
    pub token: String,
    /// The new account's password (at least 10 characters), when the address has no account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
}

/// What accepting did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcceptedTeamInvitation {
    /// The school they joined.
    pub school_id: Uuid,
    /// Whether an account was made.
    pub account_created: bool,
}

/// A teacher's answer for a school year: open to an ambassador or not, for which groups and on
/// which days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OptInInput {
    /// Whether they want to work with an ambassador.
    pub opted_in: bool,
    /// The groups or sections they teach, such as `groep 6`.
    #[serde(default)]
    pub groups: Vec<String>,
    /// The days they are at school.
    #[serde(default)]
    pub weekdays: Vec<Weekday>,
}

impl OptInInput {
    /// The input tidied (groups trimmed and deduplicated, days sorted), or every problem.
    pub fn validate(&self) -> Result<OptInInput, Vec<FieldError>> {
        let mut groups: Vec<String> = Vec::new();
        for group in self
            .groups
            .iter()
            .map(|g| g.trim())
            .filter(|g| !g.is_empty())
        {
            if !groups.iter().any(|g| g.eq_ignore_ascii_case(group)) {
                groups.push(group.to_owned());
            }
        }
        let mut weekdays = self.weekdays.clone();
        weekdays.sort();
        weekdays.dedup();
        let mut errors = Vec::new();
        if groups.len() > 12 || groups.iter().any(|g| g.chars().count() > 40) {
            errors.push(FieldError::new(
                "groups",
                "at most 12 groups, each of at most 40 characters",
            ));
        }
        if self.opted_in && groups.is_empty() {
            errors.push(FieldError::new(
                "groups",
                "name the group or groups an ambassador would join",
            ));
        }
        if errors.is_empty() {
            Ok(OptInInput {
                opted_in: self.opted_in,
                groups,
                weekdays,
            })
        } else {
            Err(errors)
        }
    }
}

/// A teacher's answer as the school and the teacher see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeacherOptIn {
    /// The school.
    pub school_id: Uuid,
    /// The teacher's account.
    pub user_id: Uuid,
    /// The teacher's name.
    pub teacher_name: String,
    /// The school year.
    pub school_year: SchoolYear,
    /// Whether they want to work with an ambassador.
    pub opted_in: bool,
    /// Their groups.
    pub groups: Vec<String>,
    /// Their days at school.
    pub weekdays: Vec<Weekday>,
    /// When they answered.
    pub updated_at: DateTime<Utc>,
}

/// An ambassador in one of the teacher's groups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClassAmbassador {
    /// Their match with the school's placement: a concern about it is reported there.
    pub match_id: Uuid,
    /// The ambassador's name.
    pub name: String,
    /// The group, as the placement names it (a thematic placement names none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Their day at school.
    pub weekday: Weekday,
    /// From.
    pub starts_at: NaiveTime,
    /// To.
    pub ends_at: NaiveTime,
    /// The placement's first day.
    pub starts_on: NaiveDate,
    /// Its last day.
    pub ends_on: NaiveDate,
}

/// The teacher's class at one school.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyClass {
    /// The school.
    pub school_id: Uuid,
    /// Its name.
    pub school_name: String,
    /// The school year this is about (the current one).
    pub school_year: SchoolYear,
    /// Their answer for it, if they gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opt_in: Option<TeacherOptIn>,
    /// The ambassadors placed in their groups.
    pub ambassadors: Vec<ClassAmbassador>,
    /// The lessons planned for their groups from today on (at most 20).
    pub lessons: Vec<ScheduledLesson>,
}

/// A teacher's classes, with the programme's today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyClasses {
    /// Today, as the programme counts it.
    pub today: NaiveDate,
    /// One per school where they teach.
    pub classes: Vec<MyClass>,
}

/// Whether `group` (as a placement or lesson names it) is one of `groups`, ignoring case.
pub fn in_groups(groups: &[String], group: &str) -> bool {
    groups
        .iter()
        .any(|g| g.trim().eq_ignore_ascii_case(group.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn only_teachers_and_coordinators_are_invited() {
        let input = |role| TeamInvitationInput {
            name: " Eva de Wit ".to_owned(),
            email: "eva@zeester.example".to_owned(),
            role,
        };
        assert_eq!(input(Role::Teacher).validate().unwrap().name, "Eva de Wit");
        assert!(input(Role::Coordinator).validate().is_ok());
        for role in [Role::SchoolDirector, Role::ProgrammeAdmin, Role::Ambassador] {
            assert_eq!(input(role).validate().unwrap_err()[0].field, "role");
        }
    }

    #[test]
    fn an_invitation_expires_after_fourteen_days_unless_accepted_or_replaced() {
        let sent = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        let day = |d: i64| sent + chrono::Duration::days(d);
        let status = |accepted, revoked, now| team_invitation_status(sent, accepted, revoked, now);
        assert_eq!(
            status(None, None, day(14) - chrono::Duration::seconds(1)),
            TeamInvitationStatus::Pending
        );
        assert_eq!(status(None, None, day(14)), TeamInvitationStatus::Expired);
        assert_eq!(
            status(Some(day(1)), None, day(30)),
            TeamInvitationStatus::Accepted
        );
        assert_eq!(
            status(None, Some(day(1)), day(2)),
            TeamInvitationStatus::Revoked
        );
    }

    #[test]
    fn opting_in_names_the_groups_and_opting_out_needs_nothing() {
        let yes = OptInInput {
            opted_in: true,
            groups: vec![
                " groep 6 ".to_owned(),
                "Groep 6".to_owned(),
                "groep 7".to_owned(),
            ],
            weekdays: vec![Weekday::Wednesday, Weekday::Monday, Weekday::Monday],
        };
        let tidy = yes.validate().unwrap();
        assert_eq!(tidy.groups, ["groep 6", "groep 7"]);
        assert_eq!(tidy.weekdays, [Weekday::Monday, Weekday::Wednesday]);
        let no_groups = OptInInput {
            groups: Vec::new(),
            ..yes.clone()
        };
        assert_eq!(no_groups.validate().unwrap_err()[0].field, "groups");
        let no = OptInInput {
            opted_in: false,
            ..no_groups
        };
        assert!(no.validate().is_ok());
        assert!(in_groups(&tidy.groups, "GROEP 6 "));
        assert!(!in_groups(&tidy.groups, "groep 8"));
    }
}
