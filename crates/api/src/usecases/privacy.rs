//! What the privacy officer reads: the register of processing, and the log of reads of
//! sensitive data that every such read writes before its data leaves the server.

use domain::contract::{PrivacyRegister, SensitiveReadKind};
use store::{BackendKind, ReadOf};

use crate::auth::Principal;
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::state::AppState;

/// The register of processing (AVG art. 30) as this server runs: its periods, its database and
/// its mail server. Programme staff only.
pub fn register(state: &AppState, principal: &Principal) -> Result<PrivacyRegister, ApiError> {
    policy::authorize(principal, Action::ReadPrivacyRecords, "privacy register")?;
    let database = match state.store.backend() {
        BackendKind::Sqlite => "SQLite",
        BackendKind::Postgres => "PostgreSQL",
    };
    Ok(domain::privacy_register::register(
        state.clock.now(),
        state.retention,
        domain::privacy_register::storage(database, state.smtp_host.as_deref()),
    ))
}

/// Logs that `principal` is about to see `kind` data through `reads`. Called after the read was
/// allowed and found, before the answer is sent: when logging fails the request fails, so no
/// read goes unlogged, and a refused read logs nothing.
pub async fn log_reads(
    state: &AppState,
    principal: &Principal,
    kind: SensitiveReadKind,
    reads: &[ReadOf],
) -> Result<(), ApiError> {
    state
        .store
        .record_sensitive_reads(principal.actor_kind(), principal.actor_id(), kind, reads)
        .await?;
    Ok(())
}

/// Logs one read of `kind` data of `person` through `resource_type` `resource_id`.
pub async fn log_read(
    state: &AppState,
    principal: &Principal,
    kind: SensitiveReadKind,
    person_id: uuid::Uuid,
    resource_type: &'static str,
    resource_id: uuid::Uuid,
) -> Result<(), ApiError> {
    log_reads(
        state,
        principal,
        kind,
        &[ReadOf {
            person_id,
            resource_type,
            resource_id,
        }],
    )
    .await
}

/// Logs that `principal` is about to see each concern of `concerns`: `(ambassador, concern)`
/// pairs, one entry per concern.
pub async fn log_concern_reads(
    state: &AppState,
    principal: &Principal,
    concerns: impl IntoIterator<Item = (uuid::Uuid, uuid::Uuid)>,
) -> Result<(), ApiError> {
    let reads: Vec<ReadOf> = concerns
        .into_iter()
        .map(|(person_id, concern_id)| ReadOf {
            person_id,
            resource_type: "concern",
            resource_id: concern_id,
        })
        .collect();
    log_reads(state, principal, SensitiveReadKind::Concern, &reads).await
}
