//! Who sees the programme dashboard, and which schools' figures.

use domain::Role;
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::ApiError;

/// Whose figures a dashboard holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DashboardScope {
    /// The whole programme (programme staff).
    Programme,
    /// Only these schools: where a director or coordinator holds that role.
    Schools(Vec<Uuid>),
}

/// Programme staff see the whole programme; a school director or coordinator sees their own
/// schools only, whatever filter they send; anyone else (ambassadors, teachers, employers,
/// partner clients) is refused.
pub fn dashboard_scope(principal: &Principal) -> Result<DashboardScope, ApiError> {
    let Principal::User(user) = principal else {
        return Err(ApiError::Forbidden);
    };
    if super::is_programme_admin(user) {
        return Ok(DashboardScope::Programme);
    }
    let mut schools: Vec<Uuid> = user
        .grants
        .iter()
        .filter(|g| matches!(g.role, Role::SchoolDirector | Role::Coordinator))
        .map(|g| g.organisation_id)
        .collect();
    schools.sort_unstable();
    schools.dedup();
    if schools.is_empty() {
        Err(ApiError::Forbidden)
    } else {
        Ok(DashboardScope::Schools(schools))
    }
}
