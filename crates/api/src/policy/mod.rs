//! The one place that answers "may this principal do this to that resource".
//!
//! Every route asks here before it acts. A denial is either `Forbidden` (403: the caller may know
//! the resource exists) or `Hidden` (404: the resource belongs to another tenant, and even its
//! existence is not the caller's business).

use domain::contract::{Organisation, Placement};
use domain::lesson_series::LessonSeriesAction;
use domain::match_lifecycle::MatchAction;
use domain::{OrganisationKind, PlacementAction, PlacementStatus, Role, Scope};
use store::OrganisationFilter;
use uuid::Uuid;

mod dashboard;
mod hours;
mod lesson_series;
mod matching;
mod placements;
mod sponsorship;
mod training;

pub use dashboard::{DashboardScope, dashboard_scope};
pub use hours::hours_view;
pub use lesson_series::lesson_series_view;
pub use matching::{decline_side, match_view};
pub use placements::{PlacementView, placement_view, sees_teacher};

use crate::auth::Principal;
use crate::auth::principal::{ClientPrincipal, UserPrincipal};
use crate::error::ApiError;

/// Something a principal wants to do.
#[derive(Debug, Clone, Copy)]
pub enum Action<'a> {
    /// List organisations (scoped by [`organisation_filter`]).
    ListOrganisations,
    /// Read one organisation.
    ReadOrganisation(&'a Organisation),
    /// List who holds which role in an organisation.
    ListMembers(&'a Organisation),
    /// Read the audit log.
    ReadAuditLog,
    /// Read the privacy register and the log of sensitive reads: programme staff only.
    ReadPrivacyRecords,
    /// See outgoing messages (what was sent, what waits, what failed and why) and send a failed
    /// one again: programme staff only, as the messages hold addresses of people everywhere.
    ManageMessages,
    /// Send an application on a candidate's behalf (partners; anyone applies for themself
    /// without logging in).
    SubmitApplication,
    /// List applications and read one (scoped: a partner sees only its own).
    ListApplications,
    /// List placements (scoped by [`placement_filter`]).
    ListPlacements,
    /// Read one placement.
    ReadPlacement(&'a Placement),
    /// Offer a new placement at a school.
    CreatePlacement(&'a Organisation),
    /// Change a placement's details.
    EditPlacement(&'a Placement),
    /// Change a placement's status.
    TransitionPlacement(&'a Placement, PlacementAction),
    /// Read a school's capacity.
    ReadCapacity(&'a Organisation),
    /// Record a school's capacity.
    EditCapacity(&'a Organisation),
    /// Invite colleagues to a school's team, see the invitations, remove someone who left.
    ManageTeam(&'a Organisation),
    /// A teacher answers whether they want to work with an ambassador at their school.
    AnswerOptIn(&'a Organisation),
    /// Read the frameworks of core objectives: public reference data.
    ReadFrameworks,
    /// Read the school holidays: public reference data.
    ReadHolidays,
    /// Add school holidays to the calendar.
    EditHolidays,
    /// Read the 22-hour rule's policies: public reference data.
    ReadHoursPolicies,
    /// Add a 22-hour rule policy.
    EditHoursPolicies,
    /// Search the library of approved lesson series.
    ReadLibrary,
    /// List lesson series (scoped by the route to the caller's schools or own series).
    ListLessonSeries,
    /// Start a lesson series at `school` for the ambassador whose account is `owner`; `placed`
    /// says whether that ambassador has a confirmed or active match at the school.
    CreateLessonSeries {
        /// The school.
        school: Uuid,
        /// The ambassador's user account.
        owner: Option<Uuid>,
        /// Whether the ambassador is placed at the school.
        placed: bool,
    },
    /// Read a lesson series.
    ReadLessonSeries {
        /// The series' school.
        school: Uuid,
        /// The ambassador's user account.
        owner: Option<Uuid>,
    },
    /// Change a lesson series' content.
    EditLessonSeries {
        /// The series' school.
        school: Uuid,
        /// The ambassador's user account.
        owner: Option<Uuid>,
    },
    /// Move a lesson series on in its review.
    ReviewLessonSeries {
        /// The series' school.
        school: Uuid,
        /// The ambassador's user account.
        owner: Option<Uuid>,
        /// What to do.
        action: LessonSeriesAction,
    },
    /// Comment on a lesson series' review.
    CommentLessonSeries {
        /// The series' school.
        school: Uuid,
        /// The ambassador's user account.
        owner: Option<Uuid>,
    },
    /// Give a lesson series' lessons dates, or read its calendar feed's address.
    ScheduleLessonSeries {
        /// The series' school.
        school: Uuid,
        /// The ambassador's user account.
        owner: Option<Uuid>,
    },
    /// Read a school's lessons per month and its calendar feed's address.
    ReadSchoolLessons {
        /// The school.
        school: Uuid,
    },
    /// List hour entries (scoped by the route to the caller's schools or own entries).
    ListHours,
    /// Log hours for the ambassador whose account is `owner`; `works_there` says whether that
    /// ambassador has a confirmed or active match for the placement.
    LogHours {
        /// The ambassador's user account.
        owner: Option<Uuid>,
        /// Whether the ambassador works at the placement.
        works_there: bool,
    },
    /// Read an hour entry, or a school's month of them.
    ReadHours {
        /// The school.
        school: Uuid,
        /// The ambassador's user account (none for a school's month).
        owner: Option<Uuid>,
    },
    /// Approve, reject or reopen hour entries.
    DecideHours {
        /// The school.
        school: Uuid,
        /// The ambassador's user account (none for a school's month).
        owner: Option<Uuid>,
    },
    /// Read the allowance caps per year: public reference data.
    ReadAllowanceCaps,
    /// Enter caps, draw up statements, adjust, approve and pay lines, download payout files.
    ManageAllowances,
    /// List ambassadors.
    ListAmbassadors,
    /// Register an ambassador.
    CreateAmbassador,
    /// Read an ambassador's profile; `owner` is the user account behind it.
    ReadAmbassador {
        /// The ambassador's user account.
        owner: Option<Uuid>,
    },
    /// Change an ambassador's profile, or hand in their documents.
    EditAmbassador {
        /// The ambassador's user account.
        owner: Option<Uuid>,
    },
    /// Read an ambassador's intake steps, documents and VOG records, or export their data.
    ReadIntake {
        /// The ambassador's user account.
        owner: Option<Uuid>,
    },
    /// Take intake steps, record a VOG, or erase the ambassador.
    ManageIntake {
        /// The ambassador's user account.
        owner: Option<Uuid>,
    },
    /// Start a matching run, or read runs.
    RunMatching,
    /// Propose an ambassador for a placement.
    ProposeMatch,
    /// List matches (scoped by the route to the caller's schools or own matches).
    ListMatches,
    /// Read a match at `school` whose ambassador's account is `owner`.
    ReadMatch {
        /// The placement's school.
        school: Uuid,
        /// The ambassador's user account.
        owner: Option<Uuid>,
    },
    /// Move a match on.
    TransitionMatch {
        /// The placement's school.
        school: Uuid,
        /// The ambassador's user account.
        owner: Option<Uuid>,
        /// What to do.
        action: MatchAction,
    },
    /// Report a concern about a match.
    ReportConcern {
        /// The placement's school.
        school: Uuid,
        /// The ambassador's user account.
        owner: Option<Uuid>,
    },
    /// Read the concerns about a match.
    ReadConcerns {
        /// The placement's school.
        school: Uuid,
        /// The ambassador's user account.
        owner: Option<Uuid>,
    },
    /// List employers (scoped by the route to the caller's own).
    ListEmployers,
    /// Read an employer, its staff, invitations, agreements, contributions and statements.
    ReadEmployer {
        /// The employer.
        employer: Uuid,
    },
    /// Invite staff, propose or end agreements, record contributions and cost rows.
    ManageEmployer {
        /// The employer.
        employer: Uuid,
    },
    /// Verify a signed-up employer.
    VerifyEmployer {
        /// The employer.
        employer: Uuid,
    },
    /// Agree on or start a sponsorship agreement.
    SettleAgreement {
        /// The employer.
        employer: Uuid,
    },
    /// Read the social-return rules per municipality: public reference data.
    ReadSroiRules,
    /// Set a municipality's social-return rule.
    EditSroiRules,
    /// Create and change courses and their sessions, admit after an intake, see who is
    /// enrolled and record attendance.
    ManageCourses,
    /// Read the courses and their sessions.
    ReadCourses,
    /// Enrol in a session, cancel, or take an offered place, for the ambassador whose account
    /// is `owner`.
    Enrol {
        /// The ambassador's user account.
        owner: Option<Uuid>,
    },
    /// Read an ambassador's enrolments and course progress.
    ReadTraining {
        /// The ambassador's user account.
        owner: Option<Uuid>,
    },
}

/// Why an action is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denial {
    /// 403: known, not allowed.
    Forbidden,
    /// 404: not the caller's to know about.
    Hidden,
}

impl Denial {
    /// The API error for this denial; `what` names the resource for a 404.
    pub fn into_error(self, what: &'static str) -> ApiError {
        match self {
            Denial::Forbidden => ApiError::Forbidden,
            Denial::Hidden => ApiError::NotFound(what),
        }
    }
}

/// Decides whether `principal` may do `action`.
pub fn decide(principal: &Principal, action: Action<'_>) -> Result<(), Denial> {
    match principal {
        Principal::User(user) if is_programme_admin(user) => Ok(()),
        Principal::User(user) => decide_for_user(user, action),
        Principal::Client(client) => match action {
            Action::ListOrganisations if client.scopes.contains(Scope::SchoolsRead) => Ok(()),
            Action::ReadOrganisation(org)
                if org.kind == OrganisationKind::School
                    && client.scopes.contains(Scope::SchoolsRead) =>
            {
                Ok(())
            }
            Action::ReadOrganisation(org) if org.id == client.organisation_id => Ok(()),
            Action::ListPlacements if client.scopes.contains(Scope::PlacementsRead) => Ok(()),
            Action::ReadPlacement(p)
                if is_public(p) && client.scopes.contains(Scope::PlacementsRead) =>
            {
                Ok(())
            }
            Action::EditPlacement(p) | Action::TransitionPlacement(p, _)
                if is_public(p) && client.scopes.contains(Scope::PlacementsRead) =>
            {
                Err(Denial::Forbidden)
            }
            Action::SubmitApplication | Action::ListApplications
                if client.scopes.contains(Scope::AmbassadorsWrite) =>
            {
                Ok(())
            }
            Action::ListOrganisations
            | Action::ReadAuditLog
            | Action::ReadPrivacyRecords
            | Action::ManageMessages
            | Action::ListPlacements
            | Action::SubmitApplication
            | Action::ListApplications => Err(Denial::Forbidden),
            Action::ReadOrganisation(_)
            | Action::ListMembers(_)
            | Action::ReadPlacement(_)
            | Action::CreatePlacement(_)
            | Action::EditPlacement(_)
            | Action::TransitionPlacement(..)
            | Action::ReadCapacity(_)
            | Action::EditCapacity(_)
            | Action::ManageTeam(_)
            | Action::AnswerOptIn(_) => Err(Denial::Hidden),
            Action::ReadFrameworks
            | Action::ReadHolidays
            | Action::ReadHoursPolicies
            | Action::ReadAllowanceCaps
            | Action::ReadSroiRules => Ok(()),
            Action::ReadLibrary if client.scopes.contains(Scope::LessonSeriesRead) => Ok(()),
            Action::ReadLibrary => Err(Denial::Forbidden),
            Action::EditHolidays
            | Action::EditHoursPolicies
            | Action::ManageAllowances
            | Action::EditSroiRules
            | Action::ListEmployers => Err(Denial::Forbidden),
            Action::ReadEmployer { .. }
            | Action::ManageEmployer { .. }
            | Action::VerifyEmployer { .. }
            | Action::SettleAgreement { .. } => Err(Denial::Hidden),
            // Ambassadors and matches hold personal data: not for partners (yet).
            Action::ListLessonSeries
            | Action::ListHours
            | Action::LogHours { .. }
            | Action::CreateLessonSeries { .. }
            | Action::ListAmbassadors
            | Action::CreateAmbassador
            | Action::RunMatching
            | Action::ProposeMatch
            | Action::ListMatches => Err(Denial::Forbidden),
            Action::ReadLessonSeries { .. }
            | Action::EditLessonSeries { .. }
            | Action::ReviewLessonSeries { .. }
            | Action::CommentLessonSeries { .. }
            | Action::ScheduleLessonSeries { .. }
            | Action::ReadSchoolLessons { .. }
            | Action::ReadHours { .. }
            | Action::DecideHours { .. }
            | Action::ReadAmbassador { .. }
            | Action::EditAmbassador { .. }
            | Action::ReadIntake { .. }
            | Action::ManageIntake { .. }
            | Action::ReadMatch { .. }
            | Action::TransitionMatch { .. }
            | Action::ReportConcern { .. }
            | Action::ReadConcerns { .. }
            | Action::Enrol { .. }
            | Action::ReadTraining { .. } => Err(Denial::Hidden),
            Action::ManageCourses | Action::ReadCourses => Err(Denial::Forbidden),
        },
    }
}

/// Which rows a list shows after `action` is allowed: `(member, ambassador_user)`, both `None`
/// for programme staff, `member` for school staff (the schools where they hold a role), and
/// `ambassador_user` for an ambassador (their own).
pub fn scoped_view(
    principal: &Principal,
    action: Action<'_>,
    what: &'static str,
) -> Result<(Option<Uuid>, Option<Uuid>), ApiError> {
    authorize(principal, action, what)?;
    Ok(match principal {
        Principal::User(user) if is_programme_admin(user) => (None, None),
        Principal::User(user) if has_school_role(user) => (Some(user.id), None),
        Principal::User(user) => (None, Some(user.id)),
        Principal::Client(_) => return Err(ApiError::Forbidden),
    })
}

fn decide_for_user(user: &UserPrincipal, action: Action<'_>) -> Result<(), Denial> {
    if let Some(decision) = matching::decide_for_user(user, &action) {
        return decision;
    }
    if let Some(decision) = lesson_series::decide_for_user(user, &action) {
        return decision;
    }
    if let Some(decision) = hours::decide_for_user(user, &action) {
        return decision;
    }
    if let Some(decision) = sponsorship::decide_for_user(user, &action) {
        return decision;
    }
    if let Some(decision) = training::decide_for_user(user, &action) {
        return decision;
    }
    let roles_in_id = |id: uuid::Uuid| -> Vec<Role> {
        user.grants
            .iter()
            .filter(|g| g.organisation_id == id)
            .map(|g| g.role)
            .collect()
    };
    let roles_in = |org: &Organisation| roles_in_id(org.id);
    // Who may manage a school's spots: its director. Others in the school may look.
    let manage_school = |roles: Vec<Role>| -> Result<(), Denial> {
        if roles.contains(&Role::SchoolDirector) {
            Ok(())
        } else if roles.is_empty() {
            Err(Denial::Hidden)
        } else {
            Err(Denial::Forbidden)
        }
    };
    let is_ambassador = user.grants.iter().any(|g| g.role == Role::Ambassador);
    match action {
        Action::ListOrganisations
        | Action::ReadFrameworks
        | Action::ReadHolidays
        | Action::ReadHoursPolicies
        | Action::ReadAllowanceCaps
        | Action::ReadLibrary => Ok(()),
        Action::EditHolidays | Action::EditHoursPolicies | Action::ManageAllowances => {
            Err(Denial::Forbidden)
        }
        Action::ReadOrganisation(org) => {
            if roles_in(org).is_empty() {
                Err(Denial::Hidden)
            } else {
                Ok(())
            }
        }
        Action::ListMembers(org) => {
            let roles = roles_in(org);
            if roles.is_empty() {
                Err(Denial::Hidden)
            } else if roles
                .iter()
                .any(|r| matches!(r, Role::SchoolDirector | Role::EmployerContact))
            {
                Ok(())
            } else {
                Err(Denial::Forbidden)
            }
        }
        Action::ReadAuditLog | Action::ReadPrivacyRecords | Action::ManageMessages => {
            Err(Denial::Forbidden)
        }
        Action::ListPlacements => {
            if has_school_role(user) || is_ambassador {
                Ok(())
            } else {
                Err(Denial::Forbidden)
            }
        }
        Action::ReadPlacement(p) => {
            if !roles_in_id(p.school_id).is_empty() || (is_ambassador && is_public(p)) {
                Ok(())
            } else {
                Err(Denial::Hidden)
            }
        }
        Action::CreatePlacement(school) => manage_school(roles_in(school)),
        Action::EditPlacement(p) => match manage_school(roles_in_id(p.school_id)) {
            Err(Denial::Hidden) if is_ambassador && is_public(p) => Err(Denial::Forbidden),
            decision => decision,
        },
        Action::TransitionPlacement(p, action) => {
            manage_school(roles_in_id(p.school_id))?;
            match action {
                // Matching is programme staff's work.
                PlacementAction::Propose | PlacementAction::Fill | PlacementAction::Release => {
                    Err(Denial::Forbidden)
                }
                PlacementAction::Open | PlacementAction::Close | PlacementAction::Cancel => Ok(()),
            }
        }
        Action::ReadCapacity(school) => {
            if roles_in(school)
                .iter()
                .any(|r| matches!(r, Role::SchoolDirector | Role::Coordinator))
            {
                Ok(())
            } else if roles_in(school).is_empty() {
                Err(Denial::Hidden)
            } else {
                Err(Denial::Forbidden)
            }
        }
        Action::EditCapacity(school) | Action::ManageTeam(school) => {
            manage_school(roles_in(school))
        }
        Action::AnswerOptIn(school) => {
            let roles = roles_in(school);
            if roles.contains(&Role::Teacher) {
                Ok(())
            } else if roles.is_empty() {
                Err(Denial::Hidden)
            } else {
                Err(Denial::Forbidden)
            }
        }
        // Decided in `matching` and `lesson_series` above.
        Action::ListLessonSeries
        | Action::CreateLessonSeries { .. }
        | Action::ReadLessonSeries { .. }
        | Action::EditLessonSeries { .. }
        | Action::ReviewLessonSeries { .. }
        | Action::CommentLessonSeries { .. }
        | Action::ScheduleLessonSeries { .. }
        | Action::ReadSchoolLessons { .. }
        | Action::ListHours
        | Action::LogHours { .. }
        | Action::ReadHours { .. }
        | Action::DecideHours { .. }
        | Action::ListAmbassadors
        | Action::CreateAmbassador
        | Action::ReadAmbassador { .. }
        | Action::EditAmbassador { .. }
        | Action::ReadIntake { .. }
        | Action::ManageIntake { .. }
        | Action::RunMatching
        | Action::ProposeMatch
        | Action::ListMatches
        | Action::ReadMatch { .. }
        | Action::TransitionMatch { .. }
        | Action::ReportConcern { .. }
        | Action::ReadConcerns { .. }
        | Action::ListEmployers
        | Action::ReadEmployer { .. }
        | Action::ManageEmployer { .. }
        | Action::VerifyEmployer { .. }
        | Action::SettleAgreement { .. }
        | Action::ReadSroiRules
        | Action::EditSroiRules
        | Action::SubmitApplication
        | Action::ListApplications
        | Action::ManageCourses
        | Action::ReadCourses
        | Action::Enrol { .. }
        | Action::ReadTraining { .. } => Err(Denial::Forbidden),
    }
}

/// Open placements are what candidates and partners may see.
pub(crate) fn is_public(placement: &Placement) -> bool {
    placement.status == PlacementStatus::Open
}

pub(crate) fn has_school_role(user: &UserPrincipal) -> bool {
    user.grants
        .iter()
        .any(|g| g.organisation_kind == OrganisationKind::School)
}

/// Shorthand for routes: [`decide`], with a denial turned into its API error.
pub fn authorize(
    principal: &Principal,
    action: Action<'_>,
    what: &'static str,
) -> Result<(), ApiError> {
    decide(principal, action).map_err(|denial| denial.into_error(what))
}

/// The partner client that takes research exports: a client with `research:read`, and only
/// its own exports. People, programme staff too, take none through this route.
pub fn research_client(principal: &Principal) -> Result<&ClientPrincipal, ApiError> {
    match principal {
        Principal::Client(client) if client.scopes.contains(Scope::ResearchRead) => Ok(client),
        Principal::Client(_) | Principal::User(_) => Err(ApiError::Forbidden),
    }
}

/// The partner client whose webhook endpoints `principal` manages: a client with
/// `webhooks:manage`, and only its own endpoints. People, programme staff too, manage none:
/// an endpoint belongs to the client that registered it.
pub fn webhook_client(principal: &Principal) -> Result<&ClientPrincipal, ApiError> {
    match principal {
        Principal::Client(client) if client.scopes.contains(Scope::WebhooksManage) => Ok(client),
        Principal::Client(_) | Principal::User(_) => Err(ApiError::Forbidden),
    }
}

/// Which organisations a list shows this principal, given the kind it asked for.
pub fn organisation_filter(
    principal: &Principal,
    kind: Option<OrganisationKind>,
) -> Result<OrganisationFilter, ApiError> {
    authorize(principal, Action::ListOrganisations, "organisation")?;
    Ok(match principal {
        Principal::User(user) if is_programme_admin(user) => {
            OrganisationFilter { kind, member: None }
        }
        Principal::User(user) => OrganisationFilter {
            kind,
            member: Some(user.id),
        },
        Principal::Client(_) => match kind {
            None | Some(OrganisationKind::School) => OrganisationFilter {
                kind: Some(OrganisationKind::School),
                member: None,
            },
            Some(_) => return Err(ApiError::Forbidden),
        },
    })
}

pub(crate) fn is_programme_admin(user: &UserPrincipal) -> bool {
    user.grants.iter().any(|g| g.role == Role::ProgrammeAdmin)
}

#[cfg(test)]
mod tests;
