//! What an ambassador changes of their own: an hour entry while the school has not decided on
//! it, and their request to be erased.

use chrono::NaiveDate;
use chrono::{DateTime, Utc};
use domain::contract::{ErasureRequest, HourEntry, HourEntryInput, ScheduledLesson};
use domain::hours::EntryMinutes;
use uuid::Uuid;

use crate::error::conflict_says;
use crate::{Store, StoreError, StoreResult, new_id, with_pool};

#[derive(sqlx::FromRow)]
struct ErasureRow {
    id: Uuid,
    ambassador_id: Uuid,
    ambassador_name: String,
    reason: Option<String>,
    requested_at: DateTime<Utc>,
    closed_at: Option<DateTime<Utc>>,
}

impl From<ErasureRow> for ErasureRequest {
    fn from(row: ErasureRow) -> Self {
        ErasureRequest {
            id: row.id,
            ambassador_id: row.ambassador_id,
            ambassador_name: row.ambassador_name,
            reason: row.reason,
            requested_at: row.requested_at,
            answer_due: domain::privacy_request::answer_due_at(row.requested_at),
            closed_at: row.closed_at,
        }
    }
}

const SELECT_ERASURE: &str = "SELECT e.id, e.ambassador_id, a.name AS ambassador_name, e.reason, \
     e.requested_at, e.closed_at FROM erasure_requests e JOIN ambassadors a ON a.id = e.ambassador_id";

impl Store {
    /// Changes a submitted entry's day, minutes, activity, note and date reason (else
    /// `Conflict`: the school decided on it meanwhile).
    pub async fn change_hour_entry(
        &self,
        id: Uuid,
        input: &HourEntryInput,
        minutes: EntryMinutes,
    ) -> StoreResult<HourEntry> {
        let at = self.now();
        let changed = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE hour_entries SET entry_date = $1, minutes = $2, activity = $3, note = $4, \
                 date_reason = $5, updated_at = $6 WHERE id = $7 AND status = 'submitted'",
            )
            .bind(input.date)
            .bind(i64::from(minutes.get()))
            .bind(input.activity.as_str())
            .bind(&input.note)
            .bind(input.date_reason.clone())
            .bind(at)
            .bind(id)
            .execute(pool)
            .await?
            .rows_affected()
        });
        if changed == 0 {
            return Err(StoreError::Conflict(
                "the school decided on the entry meanwhile; only a waiting entry changes".into(),
            ));
        }
        self.get_hour_entry(id).await
    }

    /// Withdraws a submitted entry: it is gone (else `Conflict`: the school decided on it).
    pub async fn withdraw_hour_entry(&self, id: Uuid) -> StoreResult<()> {
        let removed = with_pool!(self, pool => {
            sqlx::query("DELETE FROM hour_entries WHERE id = $1 AND status = 'submitted'")
                .bind(id)
                .execute(pool)
                .await?
                .rows_affected()
        });
        if removed == 0 {
            return Err(StoreError::Conflict(
                "the school decided on the entry meanwhile; only a waiting entry is withdrawn"
                    .into(),
            ));
        }
        Ok(())
    }

    /// Records an ambassador's request to be erased (`Conflict` while one is open).
    pub async fn create_erasure_request(
        &self,
        ambassador_id: Uuid,
        reason: Option<&str>,
    ) -> StoreResult<ErasureRequest> {
        let id = new_id();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO erasure_requests (id, ambassador_id, reason, requested_at) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(ambassador_id)
            .bind(reason)
            .bind(self.now())
            .execute(pool)
            .await
            .map_err(|e| conflict_says(e, "an erasure request is open already"))?;
        });
        self.erasure_request(id).await
    }

    /// One erasure request.
    pub async fn erasure_request(&self, id: Uuid) -> StoreResult<ErasureRequest> {
        let row: ErasureRow = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_ERASURE);
            query.push(" WHERE e.id = ").push_bind(id);
            query.build_query_as().fetch_one(pool).await?
        });
        Ok(row.into())
    }

    /// An ambassador's open erasure request, if any.
    pub async fn open_erasure_request(
        &self,
        ambassador_id: Uuid,
    ) -> StoreResult<Option<ErasureRequest>> {
        let row: Option<ErasureRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_ERASURE);
            query
                .push(" WHERE e.closed_at IS NULL AND e.ambassador_id = ")
                .push_bind(ambassador_id);
            query.build_query_as().fetch_optional(pool).await?
        });
        Ok(row.map(Into::into))
    }

    /// Every open erasure request, oldest first: programme staff's to deal with.
    pub async fn open_erasure_requests(&self) -> StoreResult<Vec<ErasureRequest>> {
        let rows: Vec<ErasureRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_ERASURE);
            query.push(" WHERE e.closed_at IS NULL ORDER BY e.requested_at, e.id");
            query.build_query_as().fetch_all(pool).await?
        });
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// Closes an ambassador's open erasure request, once they are erased.
    pub async fn close_erasure_requests(&self, ambassador_id: Uuid) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query(
                "UPDATE erasure_requests SET closed_at = $1 WHERE ambassador_id = $2 AND closed_at IS NULL",
            )
            .bind(self.now())
            .bind(ambassador_id)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// The names of a school's internal coordinators, by name.
    pub async fn coordinator_names(&self, school_id: Uuid) -> StoreResult<Vec<String>> {
        Ok(with_pool!(self, pool => {
            sqlx::query_scalar(
                "SELECT u.name FROM memberships m JOIN users u ON u.id = m.user_id \
                 WHERE m.organisation_id = $1 AND m.role = 'coordinator' ORDER BY u.name",
            )
            .bind(school_id)
            .fetch_all(pool)
            .await?
        }))
    }

    /// The lessons an ambassador gives at a school from `from` on, by date and time, at most
    /// `limit`.
    pub async fn ambassador_lessons(
        &self,
        ambassador_id: Uuid,
        school_id: Uuid,
        from: NaiveDate,
        limit: u32,
    ) -> StoreResult<Vec<ScheduledLesson>> {
        use crate::lesson_schedule::{LessonRow, ORDER_LESSONS, SELECT_LESSONS, scheduled_lesson};
        let rows: Vec<LessonRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_LESSONS);
            query
                .push(" WHERE l.school_id = ")
                .push_bind(school_id)
                .push(" AND s.ambassador_id = ")
                .push_bind(ambassador_id)
                .push(" AND l.lesson_date >= ")
                .push_bind(from);
            query.push(ORDER_LESSONS).push(" LIMIT ").push_bind(i64::from(limit));
            query.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter().map(scheduled_lesson).collect()
    }
}
