//! The audit log.

use domain::contract::{AuditEvent, AuditOrder, AuditQuery, Page};

use super::{Api, ApiError, PAGE_SIZE};

/// One page of the audit log, newest first, with `filter`'s filters.
pub async fn list_audit_events(
    api: &Api,
    filter: &AuditQuery,
    after: Option<String>,
) -> Result<Page<AuditEvent>, ApiError> {
    let mut query = vec![
        ("limit", PAGE_SIZE.to_string()),
        ("order", AuditOrder::Newest.as_str().to_owned()),
    ];
    if let Some(actor) = filter.actor_id {
        query.push(("actor_id", actor.to_string()));
    }
    if let Some(kind) = &filter.kind {
        query.push(("kind", kind.clone()));
    }
    if let Some(from) = filter.from {
        query.push(("from", from.to_string()));
    }
    if let Some(to) = filter.to {
        query.push(("to", to.to_string()));
    }
    if let Some(logins) = filter.logins {
        query.push(("logins", logins.to_string()));
    }
    if let Some(after) = after {
        query.push(("after", after));
    }
    api.get("/audit-events", &query).await
}
