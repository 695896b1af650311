//! Hour entries and the school's decisions on them.

use chrono::{DateTime, NaiveDate, Utc};
use domain::contract::{HourEntry, HourEntryInput};
use domain::hours::{EntryMinutes, HourActivity, HourKind, HourStatus};
use uuid::Uuid;

use crate::{Store, StoreError, StoreResult, new_id, with_pool};

#[derive(sqlx::FromRow)]
struct EntryRow {
    id: Uuid,
    ambassador_id: Uuid,
    ambassador_name: String,
    placement_id: Uuid,
    school_id: Uuid,
    school_name: String,
    entry_date: NaiveDate,
    minutes: i64,
    activity: String,
    kind: String,
    kind_reason: Option<String>,
    date_reason: Option<String>,
    note: String,
    status: String,
    decision_reason: Option<String>,
    decided_by: Option<String>,
    decided_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
}

const SELECT: &str = "SELECT h.id, h.ambassador_id, a.name AS ambassador_name, h.placement_id, h.school_id, \
     o.name AS school_name, h.entry_date, h.minutes, h.activity, h.kind, h.kind_reason, h.date_reason, h.note, h.status, \
     h.decision_reason, h.decided_by, h.decided_at, h.created_at FROM hour_entries h \
     JOIN ambassadors a ON a.id = h.ambassador_id JOIN organisations o ON o.id = h.school_id";

/// A new entry, checked.
#[derive(Debug, Clone)]
pub struct NewHourEntry<'a> {
    /// The ambassador.
    pub ambassador_id: Uuid,
    /// The placement's school.
    pub school_id: Uuid,
    /// What was logged (its `placement_id`, `date`, `activity`, `note`, `kind_reason`).
    pub input: &'a HourEntryInput,
    /// The minutes.
    pub minutes: EntryMinutes,
    /// The kind, as chosen or implied.
    pub kind: HourKind,
}

/// Which entries a list shows.
#[derive(Debug, Clone, Default)]
pub struct HourFilter {
    /// Only this school's.
    pub school_id: Option<Uuid>,
    /// Only this ambassador's.
    pub ambassador_id: Option<Uuid>,
    /// Only dated from this day.
    pub from: Option<NaiveDate>,
    /// Only dated to this day.
    pub to: Option<NaiveDate>,
    /// Only in this status.
    pub status: Option<HourStatus>,
    /// Only at schools where this user holds a role.
    pub member: Option<Uuid>,
    /// Only the ambassador whose account this is.
    pub ambassador_user: Option<Uuid>,
}

impl Store {
    /// Records a submitted entry.
    pub async fn create_hour_entry(&self, new: &NewHourEntry<'_>) -> StoreResult<HourEntry> {
        let id = new_id();
        let at = self.now();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO hour_entries (id, ambassador_id, placement_id, school_id, entry_date, minutes, activity, \
                 kind, kind_reason, note, status, created_at, updated_at, date_reason) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'submitted', $11, $11, $12)",
            )
            .bind(id)
            .bind(new.ambassador_id)
            .bind(new.input.placement_id)
            .bind(new.school_id)
            .bind(new.input.date)
            .bind(i64::from(new.minutes.get()))
            .bind(new.input.activity.as_str())
            .bind(new.kind.as_str())
            .bind(new.input.kind_reason.clone())
            .bind(&new.input.note)
            .bind(at)
            .bind(new.input.date_reason.clone())
            .execute(pool)
            .await?;
        });
        self.get_hour_entry(id).await
    }

    /// Minutes an ambassador logged on `date` that still count (anything not rejected), at
    /// every school.
    pub async fn minutes_logged_on(
        &self,
        ambassador_id: Uuid,
        date: NaiveDate,
    ) -> StoreResult<u32> {
        let total: i64 = with_pool!(self, pool => {
            sqlx::query_scalar(
                "SELECT CAST(COALESCE(SUM(minutes), 0) AS BIGINT) FROM hour_entries \
                 WHERE ambassador_id = $1 AND entry_date = $2 AND status <> 'rejected'",
            )
            .bind(ambassador_id)
            .bind(date)
            .fetch_one(pool)
            .await?
        });
        Ok(u32::try_from(total).unwrap_or(u32::MAX))
    }

    /// Whether an allowance line of the ambassador for `month` (`YYYY-MM`) is paid: the hours of
    /// a paid month are closed.
    pub async fn allowance_month_paid(
        &self,
        ambassador_id: Uuid,
        month: &str,
    ) -> StoreResult<bool> {
        let paid: i64 = with_pool!(self, pool => {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM statement_lines \
                 WHERE ambassador_id = $1 AND month = $2 AND status = 'paid'",
            )
            .bind(ambassador_id)
            .bind(month)
            .fetch_one(pool)
            .await?
        });
        Ok(paid > 0)
    }

    /// One entry, or `NotFound`.
    pub async fn get_hour_entry(&self, id: Uuid) -> StoreResult<HourEntry> {
        let row: EntryRow = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT);
            query.push(" WHERE h.id = ").push_bind(id);
            query.build_query_as().fetch_one(pool).await?
        });
        entry(row)
    }

    /// The user account of an entry's ambassador, for deciding who may act.
    pub async fn hour_entry_owner(&self, id: Uuid) -> StoreResult<Option<Uuid>> {
        Ok(with_pool!(self, pool => {
            sqlx::query_scalar(
                "SELECT a.user_id FROM hour_entries h JOIN ambassadors a ON a.id = h.ambassador_id WHERE h.id = $1",
            )
            .bind(id)
            .fetch_one(pool)
            .await?
        }))
    }

    /// Entries by date and id, narrowed by `filter`; `after` is the last `(date, id)` of the
    /// previous page.
    pub async fn list_hour_entries(
        &self,
        filter: &HourFilter,
        after: Option<(NaiveDate, Uuid)>,
        limit: u32,
    ) -> StoreResult<Vec<HourEntry>> {
        let rows: Vec<EntryRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT);
            query.push(" WHERE 1 = 1");
            if let Some(school) = filter.school_id {
                query.push(" AND h.school_id = ").push_bind(school);
            }
            if let Some(ambassador) = filter.ambassador_id {
                query.push(" AND h.ambassador_id = ").push_bind(ambassador);
            }
            if let Some(from) = filter.from {
                query.push(" AND h.entry_date >= ").push_bind(from);
            }
            if let Some(to) = filter.to {
                query.push(" AND h.entry_date <= ").push_bind(to);
            }
            if let Some(status) = filter.status {
                query.push(" AND h.status = ").push_bind(status.as_str());
            }
            if let Some(user) = filter.member {
                query
                    .push(" AND h.school_id IN (SELECT organisation_id FROM memberships WHERE user_id = ")
                    .push_bind(user)
                    .push(")");
            }
            if let Some(user) = filter.ambassador_user {
                query.push(" AND a.user_id = ").push_bind(user);
            }
            if let Some((date, id)) = after {
                query
                    .push(" AND (h.entry_date > ")
                    .push_bind(date)
                    .push(" OR (h.entry_date = ")
                    .push_bind(date)
                    .push(" AND h.id > ")
                    .push_bind(id)
                    .push("))");
            }
            query.push(" ORDER BY h.entry_date, h.id LIMIT ").push_bind(i64::from(limit));
            query.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter().map(entry).collect()
    }

    /// Moves an entry from `from` to `to` with the decision's reason (else `Conflict`).
    pub async fn decide_hour_entry(
        &self,
        id: Uuid,
        from: HourStatus,
        to: HourStatus,
        reason: Option<&str>,
        by: &str,
    ) -> StoreResult<HourEntry> {
        let at = self.now();
        let changed = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE hour_entries SET status = $1, decision_reason = $2, decided_by = $3, decided_at = $4, \
                 updated_at = $4 WHERE id = $5 AND status = $6",
            )
            .bind(to.as_str())
            .bind(reason)
            .bind(by)
            .bind(at)
            .bind(id)
            .bind(from.as_str())
            .execute(pool)
            .await?
            .rows_affected()
        });
        if changed == 0 {
            return Err(StoreError::Conflict(
                "the entry changed in the meantime; reload it".into(),
            ));
        }
        self.get_hour_entry(id).await
    }

    /// Approves every submitted entry of a school dated from `from` to `to`; returns how many.
    pub async fn approve_hour_entries(
        &self,
        school_id: Uuid,
        from: NaiveDate,
        to: NaiveDate,
        by: &str,
    ) -> StoreResult<u64> {
        let at = self.now();
        Ok(with_pool!(self, pool => {
            sqlx::query(
                "UPDATE hour_entries SET status = 'approved', decision_reason = NULL, decided_by = $1, \
                 decided_at = $2, updated_at = $2 \
                 WHERE school_id = $3 AND entry_date >= $4 AND entry_date <= $5 AND status = 'submitted'",
            )
            .bind(by)
            .bind(at)
            .bind(school_id)
            .bind(from)
            .bind(to)
            .execute(pool)
            .await?
            .rows_affected()
        }))
    }
}

fn entry(row: EntryRow) -> StoreResult<HourEntry> {
    Ok(HourEntry {
        id: row.id,
        ambassador_id: row.ambassador_id,
        ambassador_name: row.ambassador_name,
        placement_id: row.placement_id,
        school_id: row.school_id,
        school_name: row.school_name,
        date: row.entry_date,
        minutes: u32::try_from(row.minutes)
            .map_err(|_| StoreError::Corrupt(format!("{} minutes", row.minutes)))?,
        activity: HourActivity::parse(&row.activity)?,
        kind: HourKind::parse(&row.kind)?,
        kind_reason: row.kind_reason,
        date_reason: row.date_reason,
        note: row.note,
        status: HourStatus::parse(&row.status)?,
        decision_reason: row.decision_reason,
        decided_by: row.decided_by,
        decided_at: row.decided_at,
        created_at: row.created_at,
    })
}
