//! The log of reads of sensitive data: who read whose VOG records, IBAN, documents or concerns,
//! and when. Append only; kept as long as the audit log.

use chrono::{DateTime, Utc};
use domain::contract::{SensitiveRead, SensitiveReadKind, SensitiveReadQuery};
use uuid::Uuid;

use crate::{Store, StoreError, StoreResult, new_id, with_pool};

/// One read to log: whose data, and which resource it was read through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOf {
    /// The ambassador whose data was read.
    pub person_id: Uuid,
    /// The kind of resource, such as `intake`.
    pub resource_type: &'static str,
    /// The resource.
    pub resource_id: Uuid,
}

#[derive(sqlx::FromRow)]
struct ReadRow {
    id: Uuid,
    at: DateTime<Utc>,
    actor_kind: String,
    actor_id: Uuid,
    actor_name: Option<String>,
    kind: String,
    person_id: Uuid,
    person_name: Option<String>,
    resource_type: String,
    resource_id: Uuid,
}

impl Store {
    /// Logs that `actor_kind`/`actor_id` read `kind` data through each of `reads`, at the
    /// application's now, in one statement: all are logged or none.
    pub async fn record_sensitive_reads(
        &self,
        actor_kind: &'static str,
        actor_id: Uuid,
        kind: SensitiveReadKind,
        reads: &[ReadOf],
    ) -> StoreResult<()> {
        if reads.is_empty() {
            return Ok(());
        }
        let at = self.now();
        with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "INSERT INTO sensitive_reads (id, at, actor_kind, actor_id, kind, person_id, resource_type, resource_id) ",
            );
            query.push_values(reads, |mut row, read| {
                row.push_bind(new_id())
                    .push_bind(at)
                    .push_bind(actor_kind)
                    .push_bind(actor_id)
                    .push_bind(kind.as_str())
                    .push_bind(read.person_id)
                    .push_bind(read.resource_type)
                    .push_bind(read.resource_id);
            });
            query.build().execute(pool).await?;
        });
        Ok(())
    }

    /// A page of the log, newest first, after the entry `after`.
    pub async fn list_sensitive_reads(
        &self,
        filter: &SensitiveReadQuery,
        after: Option<Uuid>,
        limit: u32,
    ) -> StoreResult<Vec<SensitiveRead>> {
        let rows: Vec<ReadRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT r.id, r.at, r.actor_kind, r.actor_id, COALESCE(u.name, c.name) AS actor_name, \
                 r.kind, r.person_id, a.name AS person_name, r.resource_type, r.resource_id \
                 FROM sensitive_reads r \
                 LEFT JOIN users u ON r.actor_kind = 'user' AND u.id = r.actor_id \
                 LEFT JOIN partner_clients c ON r.actor_kind = 'client' AND c.id = r.actor_id \
                 LEFT JOIN ambassadors a ON a.id = r.person_id \
                 WHERE 1 = 1",
            );
            if let Some(after) = after {
                query.push(" AND r.id < ").push_bind(after);
            }
            if let Some(person) = filter.person_id {
                query.push(" AND r.person_id = ").push_bind(person);
            }
            if let Some(kind) = filter.kind {
                query.push(" AND r.kind = ").push_bind(kind.as_str());
            }
            query.push(" ORDER BY r.id DESC LIMIT ").push_bind(i64::from(limit));
            query.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter()
            .map(|row| {
                Ok(SensitiveRead {
                    id: row.id,
                    at: row.at,
                    actor_kind: row.actor_kind,
                    actor_id: row.actor_id,
                    actor_name: row.actor_name,
                    kind: SensitiveReadKind::parse(&row.kind)
                        .map_err(|e| StoreError::Corrupt(e.to_string()))?,
                    person_id: row.person_id,
                    person_name: row.person_name,
                    resource_type: row.resource_type,
                    resource_id: row.resource_id,
                })
            })
            .collect()
    }

    /// Deletes the log entries older than `before`, as the audit log's retention does; answers
    /// how many went.
    pub async fn purge_sensitive_reads(&self, before: DateTime<Utc>) -> StoreResult<u64> {
        let done = with_pool!(self, pool => {
            sqlx::query("DELETE FROM sensitive_reads WHERE at < $1")
                .bind(before)
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(done)
    }

    /// The ambassadors paid in a payout file, whose IBANs it shows.
    pub async fn payout_file_people(&self, file_id: Uuid) -> StoreResult<Vec<Uuid>> {
        let people: Vec<(Uuid,)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT DISTINCT ambassador_id FROM statement_lines WHERE payout_file_id = $1 ORDER BY ambassador_id",
            )
            .bind(file_id)
            .fetch_all(pool)
            .await?
        });
        Ok(people.into_iter().map(|(id,)| id).collect())
    }
}
