//! Who may do what with hours: ambassadors log their own; the school's internal coordinator and
//! director decide; other school staff read; programme staff may do everything (see
//! [`super::decide`]).

use domain::Role;
use uuid::Uuid;

use super::Denial;
use crate::auth::principal::UserPrincipal;

/// Decisions about hours, for a user who is not a programme admin.
pub(super) fn decide_for_user(
    user: &UserPrincipal,
    action: &super::Action<'_>,
) -> Option<Result<(), Denial>> {
    use super::Action as A;
    let roles = |school: Uuid| -> Vec<Role> {
        user.grants
            .iter()
            .filter(|g| g.organisation_id == school)
            .map(|g| g.role)
            .collect()
    };
    let decides = |school: Uuid| {
        roles(school)
            .iter()
            .any(|r| matches!(r, Role::Coordinator | Role::SchoolDirector))
    };
    Some(match *action {
        A::ListHours => {
            let ambassador = user.grants.iter().any(|g| g.role == Role::Ambassador);
            if super::has_school_role(user) || ambassador {
                Ok(())
            } else {
                Err(Denial::Forbidden)
            }
        }
        A::LogHours { owner, works_there } => {
            if owner == Some(user.id) && works_there {
                Ok(())
            } else {
                Err(Denial::Forbidden)
            }
        }
        A::ReadHours { school, owner } => {
            if owner == Some(user.id) || !roles(school).is_empty() {
                Ok(())
            } else {
                Err(Denial::Hidden)
            }
        }
        A::DecideHours { school, owner } => {
            if decides(school) && owner != Some(user.id) {
                Ok(())
            } else if owner == Some(user.id) || !roles(school).is_empty() {
                Err(Denial::Forbidden)
            } else {
                Err(Denial::Hidden)
            }
        }
        _ => return None,
    })
}

/// Which entries a list shows, as [`super::scoped_view`] says.
pub fn hours_view(
    principal: &crate::auth::Principal,
) -> Result<(Option<Uuid>, Option<Uuid>), crate::error::ApiError> {
    super::scoped_view(principal, super::Action::ListHours, "hours")
}
