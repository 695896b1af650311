//! Use cases: one function per action that writes, the only place where a write's steps are put
//! in order. Each takes the application state, the principal and the parsed input, and in ONE
//! transaction:
//!
//! 1. locks what it decides on ([`store::Lock`]) and reads it again inside the transaction;
//! 2. asks the policy whether the principal may act, and the domain whether the rules allow it;
//! 3. writes through the store and records its audit entry;
//! 4. commits.
//!
//! A handler parses the request, calls one use case and turns its result into a response. Two
//! requests that decide on the same thing take turns, so neither decides on what the other is
//! about to change.

pub mod allowance_settings;
pub mod ambassadors;
pub mod applications;
pub mod employers;
pub mod holidays;
pub mod hours;
pub mod hours_policies;
pub mod lesson_schedule;
pub mod lesson_series;
pub mod mail_preferences;
pub mod matches;
pub mod matching;
pub mod messages;
pub mod mine;
pub mod password_resets;
pub mod payout_files;
pub mod placements;
pub mod privacy;
pub mod privacy_requests;
pub mod reminders;
pub mod research;
pub mod retention;
pub mod schools;
pub mod sessions;
pub mod sponsorship;
pub mod statements;
pub mod team;
pub mod training;
pub mod webhooks;

use store::Tx;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::AppState;

/// Begins the transaction a use case runs in.
pub(crate) async fn begin(state: &AppState) -> Result<Tx, ApiError> {
    Ok(state.store.transaction().await?)
}

/// Records who did what in the transaction, then commits it: the change and its audit entry
/// land together or not at all.
pub(crate) async fn commit_with_audit(
    tx: Tx,
    principal: &Principal,
    action: &'static str,
    resource_type: &'static str,
    resource_id: Option<uuid::Uuid>,
) -> Result<(), ApiError> {
    commit_with_audit_because(tx, principal, action, resource_type, resource_id, None).await
}

/// As [`commit_with_audit`], with the reason the principal gave, which the audit log shows.
pub(crate) async fn commit_with_audit_because(
    tx: Tx,
    principal: &Principal,
    action: &'static str,
    resource_type: &'static str,
    resource_id: Option<uuid::Uuid>,
    reason: Option<&str>,
) -> Result<(), ApiError> {
    crate::routes::audit_because(&tx, principal, action, resource_type, resource_id, reason)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Who acts, as the intake history records them: a person's id and name. Partner clients do
/// not act on people.
pub(crate) async fn actor(
    store: &store::Store,
    principal: &Principal,
) -> Result<(uuid::Uuid, String), ApiError> {
    match principal {
        Principal::User(user) => Ok((user.id, store.get_user(user.id).await?.name)),
        Principal::Client(_) => Err(ApiError::Forbidden),
    }
}
