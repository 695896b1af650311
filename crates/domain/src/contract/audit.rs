//! Audit log entries: who did what to which resource, and when.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::text_enum;

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
    /// The name of the person or partner client that acted, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_name: Option<String>,
    /// What was done, such as `auth.login` or `user.create`.
    pub action: String,
    /// The kind of resource acted on, such as `user` or `organisation`.
    pub resource_type: String,
    /// The resource acted on, if it has an id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<Uuid>,
    /// The reason the actor gave, for actions that ask for one (declining or ending a match,
    /// closing a spot, rejecting hours, requesting changes to a lesson series).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

text_enum! {
    /// The order of the audit log.
    pub enum AuditOrder ("audit order") {
        /// Oldest first (the default, for clients that follow the log).
        Oldest = "oldest",
        /// Newest first, as a person reads it.
        Newest = "newest",
    }
}

/// Filters of the audit log; all are optional and combine.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct AuditQuery {
    /// `oldest` (default) or `newest` first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<AuditOrder>,
    /// Only what this person or client did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_id: Option<Uuid>,
    /// Only actions of this kind: the part before the dot, such as `placement` or `auth`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Only from this day on (UTC, included).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<chrono::NaiveDate>,
    /// Only up to this day (UTC, included).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<chrono::NaiveDate>,
    /// `false` leaves out logins, logouts and token renewals (`auth.*`); default `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logins: Option<bool>,
}
