//! What an ambassador does with their own: change or withdraw an hour entry while the school
//! has not decided on it. Programme staff may change or withdraw on an
//! ambassador's behalf; school staff only decide, and another ambassador's entry is not there.

use domain::contract::{HourEntry, HourEntryInput};
use domain::hours::HourStatus;
use store::Lock;
use uuid::Uuid;

use super::{begin, commit_with_audit};
use crate::auth::Principal;
use crate::error::{ApiError, ErrorCode, OrConflict};
use crate::policy::{self, Action};
use crate::state::AppState;

/// The entry `id`, read again under its ambassador's lock, once the principal may change it:
/// 404 for whoever may not see it, 403 for school staff, and a conflict once decided.
async fn changeable(
    state: &AppState,
    tx: &store::Store,
    principal: &Principal,
    id: Uuid,
) -> Result<HourEntry, ApiError> {
    let (seen, _) = super::hours::find(&state.store, id).await?;
    tx.lock(Lock::Ambassador(seen.ambassador_id)).await?;
    let (entry, owner) = super::hours::find(tx, id).await?;
    policy::authorize(
        principal,
        Action::ReadHours {
            school: entry.school_id,
            owner,
        },
        "hour entry",
    )?;
    policy::authorize(
        principal,
        Action::LogHours {
            owner,
            works_there: true,
        },
        "hour entry",
    )?;
    if entry.status != HourStatus::Submitted {
        return Err(ApiError::Conflict {
            code: ErrorCode::InvalidTransition,
            detail: format!(
                "the entry is {} already; only an entry that waits for the school changes",
                entry.status.as_str()
            ),
        });
    }
    Ok(entry)
}

/// Changes a waiting entry's day, minutes, activity, note or date reason, checked as when it
/// was logged. Its placement and kind stay.
pub async fn change_hours(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: HourEntryInput,
) -> Result<HourEntry, ApiError> {
    let tx = begin(state).await?;
    let entry = changeable(state, &tx, principal, id).await?;
    let (minutes, input) = input.validate().map_err(ApiError::invalid_fields)?;
    if input.placement_id != entry.placement_id {
        return Err(ApiError::invalid_field(
            "placement_id",
            "an entry stays at its placement; withdraw it and log a new one",
        ));
    }
    if input
        .ambassador_id
        .is_some_and(|other| other != entry.ambassador_id)
    {
        return Err(ApiError::invalid_field(
            "ambassador_id",
            "an entry stays the ambassador's who logged it",
        ));
    }
    let mut already_logged = tx
        .minutes_logged_on(entry.ambassador_id, input.date)
        .await?;
    if entry.date == input.date {
        already_logged = already_logged.saturating_sub(entry.minutes);
    }
    super::hours::check_day(
        state,
        &tx,
        entry.ambassador_id,
        &input,
        minutes,
        already_logged,
    )
    .await?;
    let changed = tx
        .change_hour_entry(entry.id, &input, minutes)
        .await
        .or_conflict(ErrorCode::InvalidTransition)?;
    commit_with_audit(
        tx,
        principal,
        "hours.change",
        "hour_entry",
        Some(changed.id),
    )
    .await?;
    Ok(changed)
}

/// Withdraws a waiting entry: it is gone.
pub async fn withdraw_hours(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> Result<(), ApiError> {
    let tx = begin(state).await?;
    let entry = changeable(state, &tx, principal, id).await?;
    tx.withdraw_hour_entry(entry.id)
        .await
        .or_conflict(ErrorCode::InvalidTransition)?;
    commit_with_audit(
        tx,
        principal,
        "hours.withdraw",
        "hour_entry",
        Some(entry.id),
    )
    .await?;
    Ok(())
}
