//! The dates of lesson series per group, and the secret addresses of calendar feeds.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};
use domain::contract::{LessonSeriesInput, ScheduledLesson};
use domain::hours_policy::GroupLesson;
use domain::lesson_schedule::PlannedLesson;
use domain::lesson_series::TargetGroup;
use uuid::Uuid;

use crate::ambassadors::from_json;
use crate::{Store, StoreError, StoreResult, new_id, with_pool};

/// What a calendar feed shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedSubject {
    /// Every lesson at a school.
    School(Uuid),
    /// The lessons of one series.
    LessonSeries(Uuid),
    /// One ambassador's course sessions (enrolled, or offered a place).
    Ambassador(Uuid),
}

impl FeedSubject {
    fn parts(self) -> (Uuid, &'static str) {
        match self {
            FeedSubject::School(id) => (id, "school"),
            FeedSubject::LessonSeries(id) => (id, "lesson_series"),
            FeedSubject::Ambassador(id) => (id, "ambassador"),
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct LessonRow {
    id: Uuid,
    series_id: Uuid,
    group_label: String,
    lesson_number: i64,
    lesson_date: NaiveDate,
    starts_at: NaiveTime,
    minutes: i64,
    series_title: String,
    content: String,
    ambassador_name: String,
}

pub(crate) const SELECT_LESSONS: &str = "SELECT l.id, l.series_id, l.group_label, l.lesson_number, l.lesson_date, l.starts_at, \
     l.minutes, s.title AS series_title, s.content, a.name AS ambassador_name FROM scheduled_lessons l \
     JOIN lesson_series s ON s.id = l.series_id JOIN ambassadors a ON a.id = s.ambassador_id";

pub(crate) const ORDER_LESSONS: &str = " ORDER BY l.lesson_date, l.starts_at, l.group_label, l.id";

impl Store {
    /// Gives a series' lessons for `group` the `planned` dates, replacing earlier ones, and makes
    /// an approved series scheduled, if `check` accepts them. `check` gets every lesson of the
    /// group at the school from `from` to `to` by any ambassador, except this series' own (which
    /// the new dates replace), for the 22-hour count. Changes at one school are serialised, so
    /// two people planning the same group at once cannot both pass the count. `Conflict` if the
    /// series is no longer approved or scheduled.
    pub async fn schedule_group<E>(
        &self,
        series_id: Uuid,
        school_id: Uuid,
        group: TargetGroup,
        planned: &[PlannedLesson],
        (from, to): (NaiveDate, NaiveDate),
        check: impl FnOnce(&[GroupLesson]) -> Result<(), E>,
    ) -> StoreResult<Result<(), E>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            id: Uuid,
            ambassador_id: Uuid,
            lesson_date: NaiveDate,
            minutes: i64,
        }
        let label = group.to_string();
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            // A write to the school's row first: PostgreSQL locks that row and SQLite the whole
            // database until commit, so the count below cannot go stale before the insert.
            sqlx::query("UPDATE organisations SET name = name WHERE id = $1")
                .bind(school_id)
                .execute(&mut *tx)
                .await?;
            let rows: Vec<Row> = sqlx::query_as(
                "SELECT l.id, s.ambassador_id, l.lesson_date, l.minutes FROM scheduled_lessons l \
                 JOIN lesson_series s ON s.id = l.series_id \
                 WHERE l.school_id = $1 AND l.group_label = $2 AND l.lesson_date >= $3 AND l.lesson_date <= $4 \
                 AND l.series_id <> $5",
            )
            .bind(school_id)
            .bind(&label)
            .bind(from)
            .bind(to)
            .bind(series_id)
            .fetch_all(&mut *tx)
            .await?;
            let scheduled: Vec<GroupLesson> = rows
                .into_iter()
                .map(|r| GroupLesson {
                    id: r.id,
                    ambassador_id: r.ambassador_id,
                    date: r.lesson_date,
                    minutes: u32::try_from(r.minutes).unwrap_or(0),
                    domains: Vec::new(),
                })
                .collect();
            if let Err(refusal) = check(&scheduled) {
                return Ok(Err(refusal));
            }
            let changed = sqlx::query(
                "UPDATE lesson_series SET status = 'scheduled', updated_at = $1 \
                 WHERE id = $2 AND status IN ('approved', 'scheduled')",
            )
            .bind(self.now())
            .bind(series_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Err(StoreError::Conflict(
                    "only an approved or scheduled series gets dates; reload it".into(),
                ));
            }
            sqlx::query("DELETE FROM scheduled_lessons WHERE series_id = $1 AND group_label = $2")
                .bind(series_id)
                .bind(&label)
                .execute(&mut *tx)
                .await?;
            for lesson in planned {
                sqlx::query(
                    "INSERT INTO scheduled_lessons (id, series_id, school_id, group_label, lesson_number, \
                     lesson_date, starts_at, minutes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(new_id())
                .bind(series_id)
                .bind(school_id)
                .bind(&label)
                .bind(i64::from(lesson.lesson))
                .bind(lesson.date)
                .bind(lesson.starts_at)
                .bind(i64::from(lesson.minutes))
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        Ok(Ok(()))
    }

    /// The scheduled lessons of each of `ids`, by date and time.
    pub(crate) async fn series_schedules(
        &self,
        ids: &[Uuid],
    ) -> StoreResult<HashMap<Uuid, Vec<ScheduledLesson>>> {
        let mut by_series: HashMap<Uuid, Vec<ScheduledLesson>> = HashMap::new();
        if ids.is_empty() {
            return Ok(by_series);
        }
        let rows: Vec<LessonRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_LESSONS);
            query.push(" WHERE l.series_id IN (");
            let mut list = query.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            query.push(")").push(ORDER_LESSONS);
            query.build_query_as().fetch_all(pool).await?
        });
        for row in rows {
            let lesson = scheduled_lesson(row)?;
            by_series.entry(lesson.series_id).or_default().push(lesson);
        }
        Ok(by_series)
    }

    /// A school's lessons from `from` to `to` (both included; every lesson when absent), by
    /// date and time.
    pub async fn school_lessons(
        &self,
        school_id: Uuid,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> StoreResult<Vec<ScheduledLesson>> {
        let rows: Vec<LessonRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_LESSONS);
            query.push(" WHERE l.school_id = ").push_bind(school_id);
            if let Some(from) = from {
                query.push(" AND l.lesson_date >= ").push_bind(from);
            }
            if let Some(to) = to {
                query.push(" AND l.lesson_date <= ").push_bind(to);
            }
            query.push(ORDER_LESSONS);
            query.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter().map(scheduled_lesson).collect()
    }

    /// The secret token of a feed, made from `fresh` the first time it is asked for.
    pub async fn calendar_feed_token(
        &self,
        subject: FeedSubject,
        fresh: &str,
    ) -> StoreResult<String> {
        let (id, kind) = subject.parts();
        Ok(with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO calendar_feeds (subject_id, kind, token, created_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (subject_id) DO NOTHING",
            )
            .bind(id)
            .bind(kind)
            .bind(fresh)
            .bind(self.now())
            .execute(&mut *pool)
            .await?;
            sqlx::query_scalar("SELECT token FROM calendar_feeds WHERE subject_id = $1")
                .bind(id)
                .fetch_one(pool)
                .await?
        }))
    }

    /// What the feed with `token` shows, or `NotFound`.
    pub async fn calendar_feed(&self, token: &str) -> StoreResult<FeedSubject> {
        let (id, kind): (Uuid, String) = with_pool!(self, pool => {
            sqlx::query_as("SELECT subject_id, kind FROM calendar_feeds WHERE token = $1")
                .bind(token)
                .fetch_one(pool)
                .await?
        });
        match kind.as_str() {
            "school" => Ok(FeedSubject::School(id)),
            "lesson_series" => Ok(FeedSubject::LessonSeries(id)),
            "ambassador" => Ok(FeedSubject::Ambassador(id)),
            other => Err(StoreError::Corrupt(format!("unknown feed kind {other}"))),
        }
    }
}

pub(crate) fn scheduled_lesson(row: LessonRow) -> StoreResult<ScheduledLesson> {
    let content: LessonSeriesInput = from_json(&row.content, "a lesson series")?;
    let lesson = u32::try_from(row.lesson_number)
        .map_err(|_| StoreError::Corrupt(format!("lesson number {}", row.lesson_number)))?;
    let lesson_title = content
        .lessons
        .get(lesson.saturating_sub(1) as usize)
        .map(|l| l.title.clone())
        .unwrap_or_default();
    Ok(ScheduledLesson {
        id: row.id,
        series_id: row.series_id,
        series_title: row.series_title,
        lesson,
        lesson_title,
        group: TargetGroup::parse(&row.group_label)?,
        date: row.lesson_date,
        starts_at: row.starts_at,
        minutes: u32::try_from(row.minutes)
            .map_err(|_| StoreError::Corrupt(format!("{} minutes", row.minutes)))?,
        ambassador_name: row.ambassador_name,
    })
}
