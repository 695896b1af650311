//! Which placements a principal sees in a list, and whether it sees teachers' names.

use domain::PlacementStatus;
use domain::contract::Placement;
use store::PlacementFilter;

use super::{Action, authorize, has_school_role, is_programme_admin};
use crate::auth::Principal;
use crate::error::ApiError;

/// What a placement list shows this principal.
#[derive(Debug, Clone)]
pub struct PlacementView {
    /// The filter to apply, or `None` when nothing can match (a partner asking for filled
    /// placements, say).
    pub filter: Option<PlacementFilter>,
    /// Whether personal data of teachers must be left out.
    pub hide_teacher: bool,
}

/// Narrows `asked` to what `principal` may see.
pub fn placement_view(
    principal: &Principal,
    asked: PlacementFilter,
) -> Result<PlacementView, ApiError> {
    authorize(principal, Action::ListPlacements, "placement")?;
    let open_only = |asked: PlacementFilter| PlacementView {
        filter: match asked.status {
            None | Some(PlacementStatus::Open) => Some(PlacementFilter {
                status: Some(PlacementStatus::Open),
                ..asked
            }),
            Some(_) => None,
        },
        hide_teacher: true,
    };
    Ok(match principal {
        Principal::User(user) if is_programme_admin(user) => PlacementView {
            filter: Some(asked),
            hide_teacher: false,
        },
        Principal::User(user) if has_school_role(user) => PlacementView {
            filter: Some(PlacementFilter {
                member: Some(user.id),
                ..asked
            }),
            hide_teacher: false,
        },
        Principal::User(_) | Principal::Client(_) => open_only(asked),
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
