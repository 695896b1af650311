//! Who may do what with ambassadors, matching runs and matches. Programme admins may do
//! everything (see [`super::decide`]); these rules are for everyone else.

use domain::Role;
use domain::match_lifecycle::MatchAction;
use uuid::Uuid;

use super::Denial;
use crate::auth::principal::UserPrincipal;

/// Decisions about an ambassador, a run or a match, for a user who is not a programme admin.
pub(super) fn decide_for_user(
    user: &UserPrincipal,
    action: &super::Action<'_>,
) -> Option<Result<(), Denial>> {
    use super::Action as A;
    let school_roles = |school: Uuid| -> Vec<Role> {
        user.grants
            .iter()
            .filter(|g| g.organisation_id == school)
            .map(|g| g.role)
            .collect()
    };
    // Directors and coordinators look after the school's matches; other staff may not.
    let school_staff = |school: Uuid| -> Result<(), Denial> {
        let roles = school_roles(school);
        if roles
            .iter()
            .any(|r| matches!(r, Role::SchoolDirector | Role::Coordinator))
        {
            Ok(())
        } else if roles.is_empty() {
            Err(Denial::Hidden)
        } else {
            Err(Denial::Forbidden)
        }
    };
    let own = |owner: Option<Uuid>| owner == Some(user.id);
    Some(match *action {
        // Programme staff's work: the people who can see it at all are told no.
        A::ListAmbassadors | A::CreateAmbassador | A::RunMatching | A::ProposeMatch => {
            Err(Denial::Forbidden)
        }
        A::ReadAmbassador { owner } | A::EditAmbassador { owner } | A::ReadIntake { owner } => {
            if own(owner) {
                Ok(())
            } else {
                Err(Denial::Hidden)
            }
        }
        // Intake steps, VOG records and erasure are programme staff's, even for oneself.
        A::ManageIntake { owner } => {
            if own(owner) {
                Err(Denial::Forbidden)
            } else {
                Err(Denial::Hidden)
            }
        }
        A::ListMatches => {
            let school = user
                .grants
                .iter()
                .any(|g| g.organisation_kind == domain::OrganisationKind::School);
            let ambassador = user.grants.iter().any(|g| g.role == Role::Ambassador);
            if school || ambassador {
                Ok(())
            } else {
                Err(Denial::Forbidden)
            }
        }
        A::ReadMatch { school, owner } => {
            if own(owner) {
                Ok(())
            } else {
                school_staff(school)
            }
        }
        A::TransitionMatch {
            school,
            owner,
            action,
        } => {
            let director = school_roles(school).contains(&Role::SchoolDirector);
            let sees = own(owner) || school_staff(school).is_ok();
            match action {
                MatchAction::ConfirmSchool if director => Ok(()),
                MatchAction::ConfirmAmbassador if own(owner) => Ok(()),
                MatchAction::Decline if director || own(owner) => Ok(()),
                _ if sees => Err(Denial::Forbidden),
                _ => Err(Denial::Hidden),
            }
        }
        A::ReportConcern { school, owner } => {
            if own(owner) || !school_roles(school).is_empty() {
                Ok(())
            } else {
                Err(Denial::Hidden)
            }
        }
        A::ReadConcerns { school, owner } => match school_staff(school) {
            Err(Denial::Hidden) if own(owner) => Err(Denial::Forbidden),
            decision => decision,
        },
        _ => return None,
    })
}

/// Which matches a list shows: `(member, ambassador_user)` for the store, where `member`
/// narrows to the schools the user holds a role in and `ambassador_user` to the user's own
/// matches. Programme admins see all.
pub fn match_view(
    principal: &crate::auth::Principal,
) -> Result<(Option<Uuid>, Option<Uuid>), crate::error::ApiError> {
    super::scoped_view(principal, super::Action::ListMatches, "match")
}

/// On whose behalf `principal` declines a match at `school` whose ambassador's account is
/// `owner`: the ambassador declines for themself, a director for the school, and programme
/// staff say which side (`asked`).
pub fn decline_side(
    principal: &crate::auth::Principal,
    owner: Option<Uuid>,
    asked: Option<domain::match_lifecycle::Side>,
) -> Result<domain::match_lifecycle::Side, crate::error::ApiError> {
    use domain::match_lifecycle::Side;
    match principal {
        crate::auth::Principal::User(user) if super::is_programme_admin(user) => {
            asked.ok_or_else(|| {
                crate::error::ApiError::invalid_field(
                    "side",
                    "say on whose behalf: school or ambassador",
                )
            })
        }
        crate::auth::Principal::User(user) if owner == Some(user.id) => Ok(Side::Ambassador),
        crate::auth::Principal::User(_) => Ok(Side::School),
        crate::auth::Principal::Client(_) => Err(crate::error::ApiError::Forbidden),
    }
}
