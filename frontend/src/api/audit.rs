//! The audit log.

use domain::contract::{AuditEvent, Page};

use super::{Api, ApiError, PAGE_SIZE};

/// One page of the audit log.
pub async fn list_audit_events(
    api: &Api,
    after: Option<String>,
) -> Result<Page<AuditEvent>, ApiError> {
    let mut query = vec![("limit", PAGE_SIZE.to_string())];
    if let Some(after) = after {
        query.push(("after", after));
    }
    api.get("/audit-events", &query).await
}
