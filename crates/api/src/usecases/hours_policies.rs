//! The 22-hour policies: programme staff add one per scheme.

use domain::hours_policy::HoursPolicy;

use super::{begin, commit_with_audit};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::error::ErrorCode;
use crate::policy::{self, Action};
use crate::state::AppState;

/// Adds an hours policy; one per name.
pub async fn add(
    state: &AppState,
    principal: &Principal,
    input: HoursPolicy,
) -> Result<HoursPolicy, ApiError> {
    policy::authorize(principal, Action::EditHoursPolicies, "hours policy")?;
    let policy = input.validate().map_err(ApiError::invalid_fields)?;
    let tx = begin(state).await?;
    tx.add_hours_policy(&policy).await.map_err(|e| match e {
        store::StoreError::Conflict(_) => ApiError::Conflict {
            code: ErrorCode::HoursPolicyExists,
            detail: format!("a policy named '{}' exists", policy.name),
        },
        other => other.into(),
    })?;
    commit_with_audit(tx, principal, "hours_policy.create", "hours_policy", None).await?;
    Ok(policy)
}
