//! What an ambassador does with their own: change or withdraw an hour entry while the school
//! has not decided on it, and ask to be erased. Programme staff may change or withdraw on an
//! ambassador's behalf; school staff only decide, and another ambassador's entry is not there.

use domain::contract::{ErasureRequest, ErasureRequestInput, HourEntry, HourEntryInput};
use domain::hours::HourStatus;
use store::{Lock, StoreError};
use uuid::Uuid;

use super::{begin, commit_with_audit};
use crate::auth::Principal;
use crate::error::{ApiError, ErrorCode, OrConflict, OrNotFound};
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

/// Records the logged-in ambassador's request to be erased, for programme staff to deal with;
/// a second while one is open is refused.
pub async fn request_erasure(
    state: &AppState,
    principal: &Principal,
    input: ErasureRequestInput,
) -> Result<ErasureRequest, ApiError> {
    let Principal::User(user) = principal else {
        return Err(ApiError::Forbidden);
    };
    let reason = input
        .reason
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    if reason.as_ref().is_some_and(|r| r.chars().count() > 1000) {
        return Err(ApiError::invalid_field("reason", "at most 1000 characters"));
    }
    let tx = begin(state).await?;
    let ambassador = tx
        .ambassador_of_user(user.id)
        .await
        .or_not_found("ambassador profile")?;
    tx.lock(Lock::Ambassador(ambassador.id)).await?;
    if tx.open_erasure_request(ambassador.id).await?.is_some() {
        return Err(erasure_open());
    }
    let created = tx
        .create_erasure_request(ambassador.id, reason.as_deref())
        .await
        .map_err(|e| match e {
            StoreError::Conflict(_) => erasure_open(),
            other => other.into(),
        })?;
    commit_with_audit(
        tx,
        principal,
        "ambassador.erasure_request",
        "ambassador",
        Some(ambassador.id),
    )
    .await?;
    Ok(created)
}

fn erasure_open() -> ApiError {
    ApiError::Conflict {
        code: ErrorCode::ErasureRequested,
        detail: "you asked to be erased already; programme staff deal with it".into(),
    }
}
