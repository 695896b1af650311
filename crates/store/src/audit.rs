//! The audit log: who did what to which resource, and when. Append only.

use chrono::{DateTime, Utc};
use domain::contract::AuditEvent;
use uuid::Uuid;

use crate::{Store, StoreResult, new_id, now, with_pool};

/// An entry to append.
#[derive(Debug, Clone)]
pub struct NewAuditEntry {
    /// `user`, `client` or `system`.
    pub actor_kind: &'static str,
    /// The user or client that acted.
    pub actor_id: Option<Uuid>,
    /// What was done, such as `auth.login`.
    pub action: &'static str,
    /// The kind of resource, such as `user`.
    pub resource_type: &'static str,
    /// The resource, if it has an id.
    pub resource_id: Option<Uuid>,
}

#[derive(sqlx::FromRow)]
struct AuditRow {
    id: Uuid,
    at: DateTime<Utc>,
    actor_kind: String,
    actor_id: Option<Uuid>,
    action: String,
    resource_type: String,
    resource_id: Option<Uuid>,
}

impl Store {
    /// Appends an entry.
    pub async fn record_audit(&self, entry: &NewAuditEntry) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO audit_log (id, at, actor_kind, actor_id, action, resource_type, resource_id) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(new_id())
            .bind(now())
            .bind(entry.actor_kind)
            .bind(entry.actor_id)
            .bind(entry.action)
            .bind(entry.resource_type)
            .bind(entry.resource_id)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// A page of entries, oldest first, after the entry `after`.
    pub async fn list_audit(
        &self,
        after: Option<Uuid>,
        limit: u32,
    ) -> StoreResult<Vec<AuditEvent>> {
        let rows: Vec<AuditRow> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, at, actor_kind, actor_id, action, resource_type, resource_id FROM audit_log \
                 WHERE ($1 IS NULL OR id > $1) ORDER BY id LIMIT $2",
            )
            .bind(after)
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|row| AuditEvent {
                id: row.id,
                at: row.at,
                actor_kind: row.actor_kind,
                actor_id: row.actor_id,
                action: row.action,
                resource_type: row.resource_type,
                resource_id: row.resource_id,
            })
            .collect())
    }
}
