//! What an ambassador changes of their own: an hour entry while the school has not decided on
//! it; and what their own page shows of their schools.

use chrono::NaiveDate;
use domain::contract::{HourEntry, HourEntryInput, ScheduledLesson};
use domain::hours::EntryMinutes;
use uuid::Uuid;

use crate::{Store, StoreError, StoreResult, with_pool};

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
