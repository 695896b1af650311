//! Which placements a principal sees in a list, and whether it sees teachers' names.

use domain::PlacementStatus;
use domain::contract::{Placement, PlacementQuery};
use uuid::Uuid;

use super::{Action, authorize, has_school_role, is_programme_admin};
use crate::auth::Principal;
use crate::error::ApiError;

/// What a placement list shows this principal.
#[derive(Debug, Clone)]
pub struct PlacementView {
    /// The filters to apply, or `None` when nothing can match (a partner asking for filled
    /// placements, say).
    pub query: Option<PlacementQuery>,
    /// Only the schools in which this user holds a role.
    pub member: Option<Uuid>,
    /// Whether personal data of teachers must be left out.
    pub hide_teacher: bool,
}

/// Narrows `asked` to what `principal` may see.
pub fn placement_view(
    principal: &Principal,
    asked: PlacementQuery,
) -> Result<PlacementView, ApiError> {
    authorize(principal, Action::ListPlacements, "placement")?;
    Ok(match principal {
        Principal::User(user) if is_programme_admin(user) => PlacementView {
            query: Some(asked),
            member: None,
            hide_teacher: false,
        },
        Principal::User(user) if has_school_role(user) => PlacementView {
            query: Some(asked),
            member: Some(user.id),
            hide_teacher: false,
        },
        Principal::User(_) | Principal::Client(_) => PlacementView {
            query: match asked.status {
                None | Some(PlacementStatus::Open) => Some(PlacementQuery {
                    status: Some(PlacementStatus::Open),
                    ..asked
                }),
                Some(_) => None,
            },
            member: None,
            hide_teacher: true,
        },
    })
}

/// Whether `principal` sees the teacher of a placement it may read.
pub fn sees_teacher(principal: &Principal, placement: &Placement) -> bool {
    match principal {
        Principal::User(user) => {
            is_programme_admin(user)
                || user
                    .grants
                    .iter()
                    .any(|g| g.organisation_id == placement.school_id)
        }
        Principal::Client(_) => false,
    }
}
