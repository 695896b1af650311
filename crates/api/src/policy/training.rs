//! Who may do what with courses: programme staff run them (see [`super::decide`]); ambassadors
//! read the courses and enrol, cancel and take offered places for themselves only. Nobody else
//! sees who is enrolled.

use domain::Role;

use super::Denial;
use crate::auth::principal::UserPrincipal;

/// Decisions about courses, for a user who is not a programme admin.
pub(super) fn decide_for_user(
    user: &UserPrincipal,
    action: &super::Action<'_>,
) -> Option<Result<(), Denial>> {
    use super::Action as A;
    let is_ambassador = user.grants.iter().any(|g| g.role == Role::Ambassador);
    Some(match *action {
        A::ManageCourses => Err(Denial::Forbidden),
        A::ReadCourses if is_ambassador => Ok(()),
        A::ReadCourses => Err(Denial::Forbidden),
        A::Enrol { owner } | A::ReadTraining { owner } if owner == Some(user.id) => Ok(()),
        A::Enrol { .. } | A::ReadTraining { .. } => Err(Denial::Hidden),
        _ => return None,
    })
}
