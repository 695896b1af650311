//! What allowances are computed from: the year's tax caps, the programme's monthly amount, and a
//! volunteer's own details. Each is decided and written in one transaction with its audit entry.

use domain::allowance::{AllowanceCaps, AllowancePolicy, AllowanceStep};
use domain::ambassador::Funding;
use domain::contract::AllowanceProfile;
use uuid::Uuid;

use super::{begin, commit_with_audit};
use crate::auth::Principal;
use crate::error::{ApiError, ErrorCode};
use crate::policy::{self, Action};
use crate::state::AppState;

/// Why a sponsored ambassador has no allowance details.
pub const NOT_A_VOLUNTEER: &str = "allowance details are kept only for volunteers who receive an allowance; this ambassador's hours are sponsored by the employer";

/// Enters a year's caps: programme staff.
pub async fn add_caps(
    state: &AppState,
    principal: &Principal,
    caps: AllowanceCaps,
) -> Result<AllowanceCaps, ApiError> {
    policy::authorize(principal, Action::ManageAllowances, "allowance caps")?;
    let caps = caps.validate().map_err(ApiError::invalid_fields)?;
    let tx = begin(state).await?;
    tx.add_allowance_caps(&caps).await?;
    commit_with_audit(tx, principal, "allowance.caps", "allowance_caps", None).await?;
    Ok(caps)
}

/// Changes the programme's monthly amount from a date: checked against the steps on record at
/// that moment, so two admins adding steps at once cannot leave an inconsistent policy.
pub async fn add_amount(
    state: &AppState,
    principal: &Principal,
    step: AllowanceStep,
) -> Result<AllowancePolicy, ApiError> {
    policy::authorize(principal, Action::ManageAllowances, "allowance amounts")?;
    let tx = begin(state).await?;
    let mut steps = tx.allowance_policy().await?.steps().to_vec();
    steps.push(step);
    let after = AllowancePolicy::new(steps)
        .map_err(|e| ApiError::invalid_field("valid_from", e.to_string()))?;
    tx.add_allowance_step(&step).await?;
    commit_with_audit(tx, principal, "allowance.amount", "allowance_amounts", None).await?;
    Ok(after)
}

/// Records a volunteer's allowance details: programme staff, or the ambassador themself.
pub async fn put_profile(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    profile: AllowanceProfile,
) -> Result<AllowanceProfile, ApiError> {
    let tx = begin(state).await?;
    let ambassador = super::ambassadors::locked(&tx, id).await?;
    policy::authorize(
        principal,
        Action::EditAmbassador {
            owner: ambassador.user_id,
        },
        "ambassador",
    )?;
    if ambassador.profile.funding == Funding::Sponsored {
        return Err(ApiError::Conflict {
            code: ErrorCode::NotAVolunteer,
            detail: NOT_A_VOLUNTEER.to_owned(),
        });
    }
    let profile = profile.tidy().map_err(ApiError::invalid_fields)?;
    // An agreed hourly rate is agreed with programme staff: the ambassador keeps it as it is.
    let staff = matches!(principal, Principal::User(user) if policy::is_programme_admin(user));
    if !staff {
        let agreed = tx
            .allowance_profile(ambassador.id)
            .await?
            .and_then(|stored| stored.hourly_rate);
        if profile.hourly_rate != agreed {
            return Err(ApiError::invalid_field(
                "hourly_rate",
                "an hourly rate is agreed with programme staff; ask them to change it",
            ));
        }
    }
    tx.put_allowance_profile(ambassador.id, &profile).await?;
    commit_with_audit(
        tx,
        principal,
        "allowance.profile",
        "ambassador",
        Some(ambassador.id),
    )
    .await?;
    Ok(profile)
}
