//! What the daily sweep sends once: the record of reminders sent, and the few questions the
//! sweep asks that no screen does.

use uuid::Uuid;

use crate::{Store, StoreResult, with_pool};

impl Store {
    /// Records that `person_id` was sent the reminder of `kind` about `about`, unless that was
    /// recorded before: true when this call recorded it, so the caller queues the message in
    /// the same transaction. Two sweeps at once record (and so send) it once.
    pub async fn record_reminder(
        &self,
        person_id: Uuid,
        kind: &str,
        about: &str,
    ) -> StoreResult<bool> {
        let at = self.now();
        let inserted = with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO reminders_sent (person_id, kind, about, sent_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (person_id, kind, about) DO NOTHING",
            )
            .bind(person_id)
            .bind(kind)
            .bind(about)
            .bind(at)
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(inserted == 1)
    }

    /// Employers with at least one sponsorship agreement beyond a proposal.
    pub async fn employers_with_agreements(&self) -> StoreResult<Vec<Uuid>> {
        let rows: Vec<(Uuid,)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT DISTINCT employer_id FROM sponsorship_agreements WHERE status <> 'proposed' \
                 ORDER BY employer_id",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    /// Per school, how many hour entries wait for its approval.
    pub async fn waiting_hours_by_school(&self) -> StoreResult<Vec<(Uuid, i64)>> {
        let rows: Vec<(Uuid, i64)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT school_id, COUNT(*) FROM hour_entries WHERE status = 'submitted' \
                 GROUP BY school_id ORDER BY school_id",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows)
    }
}
