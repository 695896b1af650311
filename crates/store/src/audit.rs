//! The audit log: who did what to which resource, and when. Append only.

use chrono::{DateTime, Utc};
use domain::contract::{AuditEvent, AuditOrder, AuditQuery};
use uuid::Uuid;

use crate::{Store, StoreResult, new_id, with_pool};

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
    /// The reason the actor gave, for an action that asks for one.
    pub reason: Option<String>,
}

#[derive(sqlx::FromRow)]
struct AuditRow {
    id: Uuid,
    at: DateTime<Utc>,
    actor_kind: String,
    actor_id: Option<Uuid>,
    actor_name: Option<String>,
    action: String,
    resource_type: String,
    resource_id: Option<Uuid>,
    reason: Option<String>,
}

impl Store {
    /// Appends an entry.
    pub async fn record_audit(&self, entry: &NewAuditEntry) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO audit_log (id, at, actor_kind, actor_id, action, resource_type, resource_id, reason) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(new_id())
            .bind(self.now())
            .bind(entry.actor_kind)
            .bind(entry.actor_id)
            .bind(entry.action)
            .bind(entry.resource_type)
            .bind(entry.resource_id)
            .bind(entry.reason.as_deref())
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// A page of entries in `filter`'s order and filters, after the entry `after`.
    pub async fn list_audit(
        &self,
        filter: &AuditQuery,
        after: Option<Uuid>,
        limit: u32,
    ) -> StoreResult<Vec<AuditEvent>> {
        let newest = filter.order == Some(AuditOrder::Newest);
        let rows: Vec<AuditRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT a.id, a.at, a.actor_kind, a.actor_id, COALESCE(u.name, c.name) AS actor_name, \
                 a.action, a.resource_type, a.resource_id, a.reason FROM audit_log a \
                 LEFT JOIN users u ON a.actor_kind = 'user' AND u.id = a.actor_id \
                 LEFT JOIN partner_clients c ON a.actor_kind = 'client' AND c.id = a.actor_id \
                 WHERE 1 = 1",
            );
            if let Some(after) = after {
                query.push(if newest { " AND a.id < " } else { " AND a.id > " }).push_bind(after);
            }
            if let Some(actor) = filter.actor_id {
                query.push(" AND a.actor_id = ").push_bind(actor);
            }
            if let Some(kind) = filter.kind.as_deref() {
                query.push(" AND a.action LIKE ").push_bind(format!("{}.%", kind.replace(['%', '_'], "")));
            }
            if let Some(from) = filter.from {
                query.push(" AND a.at >= ").push_bind(from.and_hms_opt(0, 0, 0).map(|d| d.and_utc()));
            }
            if let Some(to) = filter.to.and_then(|d| d.succ_opt()) {
                query.push(" AND a.at < ").push_bind(to.and_hms_opt(0, 0, 0).map(|d| d.and_utc()));
            }
            if filter.logins == Some(false) {
                query.push(" AND a.action NOT LIKE 'auth.%'");
            }
            query.push(if newest { " ORDER BY a.id DESC LIMIT " } else { " ORDER BY a.id LIMIT " });
            query.push_bind(i64::from(limit));
            query.build_query_as().fetch_all(pool).await?
        });
        Ok(rows
            .into_iter()
            .map(|row| AuditEvent {
                id: row.id,
                at: row.at,
                actor_kind: row.actor_kind,
                actor_id: row.actor_id,
                actor_name: row.actor_name,
                action: row.action,
                resource_type: row.resource_type,
                resource_id: row.resource_id,
                reason: row.reason,
            })
            .collect())
    }
}
