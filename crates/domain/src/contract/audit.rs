//! Audit log entries: who did what to which resource, and when.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One recorded action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEvent {
    /// The entry's id; entries are ordered by it.
    pub id: Uuid,
    /// When it happened (UTC).
    pub at: DateTime<Utc>,
    /// `user`, `client` or `system`.
    pub actor_kind: String,
    /// The user or partner client that acted; absent for the system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_id: Option<Uuid>,
    /// What was done, such as `auth.login` or `user.create`.
    pub action: String,
    /// The kind of resource acted on, such as `user` or `organisation`.
    pub resource_type: String,
    /// The resource acted on, if it has an id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<Uuid>,
}
