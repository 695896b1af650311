//! Who may do what with lesson series: the ambassador writes, the school's internal coordinator
//! reviews, the director and other school staff read, programme staff may do everything (see
//! [`super::decide`]).

use domain::Role;
use domain::lesson_series::LessonSeriesAction;
use uuid::Uuid;

use super::Denial;
use crate::auth::principal::UserPrincipal;

/// Decisions about lesson series, for a user who is not a programme admin.
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
    let own = |owner: Option<Uuid>| owner == Some(user.id);
    // Someone who may read it but not do this is told no; anyone else is not told it exists.
    let refuse = |school: Uuid, owner: Option<Uuid>| {
        if own(owner) || !roles(school).is_empty() {
            Err(Denial::Forbidden)
        } else {
            Err(Denial::Hidden)
        }
    };
    Some(match *action {
        A::ListLessonSeries => {
            let school = super::has_school_role(user);
            let ambassador = user.grants.iter().any(|g| g.role == Role::Ambassador);
            if school || ambassador {
                Ok(())
            } else {
                Err(Denial::Forbidden)
            }
        }
        A::CreateLessonSeries { owner, placed, .. } => {
            if own(owner) && placed {
                Ok(())
            } else {
                Err(Denial::Forbidden)
            }
        }
        A::ReadLessonSeries { school, owner } => {
            if own(owner) || !roles(school).is_empty() {
                Ok(())
            } else {
                Err(Denial::Hidden)
            }
        }
        A::EditLessonSeries { school, owner } => {
            if own(owner) {
                Ok(())
            } else {
                refuse(school, owner)
            }
        }
        A::ReviewLessonSeries {
            school,
            owner,
            action,
        } => match action {
            LessonSeriesAction::Submit | LessonSeriesAction::Revise if own(owner) => Ok(()),
            LessonSeriesAction::RequestChanges | LessonSeriesAction::Approve
                if roles(school).contains(&Role::Coordinator) =>
            {
                Ok(())
            }
            // The school's coordinator, the ambassador or programme staff record it was given;
            // a series is scheduled by giving its lessons dates.
            LessonSeriesAction::MarkGiven
                if own(owner) || roles(school).contains(&Role::Coordinator) =>
            {
                Ok(())
            }
            _ => refuse(school, owner),
        },
        A::CommentLessonSeries { school, owner } => {
            let reviewer = roles(school)
                .iter()
                .any(|r| matches!(r, Role::Coordinator | Role::SchoolDirector));
            if own(owner) || reviewer {
                Ok(())
            } else {
                refuse(school, owner)
            }
        }
        A::ScheduleLessonSeries { school, owner } => {
            if own(owner) || roles(school).contains(&Role::Coordinator) {
                Ok(())
            } else {
                refuse(school, owner)
            }
        }
        A::ReadSchoolLessons { school } => {
            if roles(school).is_empty() {
                Err(Denial::Hidden)
            } else {
                Ok(())
            }
        }
        _ => return None,
    })
}

/// Which series a list shows, as [`super::scoped_view`] says.
pub fn lesson_series_view(
    principal: &crate::auth::Principal,
) -> Result<(Option<Uuid>, Option<Uuid>), crate::error::ApiError> {
    super::scoped_view(principal, super::Action::ListLessonSeries, "lesson series")
}
