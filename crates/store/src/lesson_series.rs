//! Lesson series and the comments of their review.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use domain::contract::{
    LessonSeries, LessonSeriesInput, LibraryEntry, LibraryQuery, ObjectiveQuery, ReviewComment,
    ScheduledLesson,
};
use domain::lesson_series::{LessonSeriesAction, LessonSeriesStatus};
use uuid::Uuid;

use crate::ambassadors::{from_json, to_json};
use crate::{Store, StoreError, StoreResult, new_id, with_pool};

#[derive(sqlx::FromRow)]
struct SeriesRow {
    id: Uuid,
    content: String,
    school_name: String,
    ambassador_name: String,
    status: String,
    copied_from: Option<Uuid>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

const SELECT: &str = "SELECT s.id, s.content, o.name AS school_name, a.name AS ambassador_name, s.status, \
     s.copied_from, s.created_at, s.updated_at FROM lesson_series s \
     JOIN organisations o ON o.id = s.school_id JOIN ambassadors a ON a.id = s.ambassador_id";

/// Records a comment: id, series, author, text, action, written at.
const INSERT_COMMENT: &str = "INSERT INTO review_comments (id, series_id, author_name, text, action, written_at) \
     VALUES ($1, $2, $3, $4, $5, $6)";

/// A comment to write with a transition or on its own.
#[derive(Debug, Clone, Copy)]
pub struct NewComment<'a> {
    /// Who writes it.
    pub author_name: &'a str,
    /// The text.
    pub text: &'a str,
    /// The action it comes with.
    pub action: Option<LessonSeriesAction>,
}

impl Store {
    /// Creates a draft series from validated input whose `ambassador_id` is set.
    pub async fn create_lesson_series(
        &self,
        input: &LessonSeriesInput,
        copied_from: Option<Uuid>,
    ) -> StoreResult<LessonSeries> {
        let id = new_id();
        let at = self.now();
        let ambassador = input
            .ambassador_id
            .ok_or_else(|| StoreError::Corrupt("a series needs its ambassador".into()))?;
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO lesson_series (id, school_id, ambassador_id, framework_code, title, content, status, \
                 copied_from, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $8, $8)",
            )
            .bind(id)
            .bind(input.school_id)
            .bind(ambassador)
            .bind(&input.framework_code)
            .bind(&input.title)
            .bind(to_json(input, "a lesson series")?)
            .bind(copied_from)
            .bind(at)
            .execute(pool)
            .await?;
        });
        self.get_lesson_series(id).await
    }

    /// One series with its review, or `NotFound`.
    pub async fn get_lesson_series(&self, id: Uuid) -> StoreResult<LessonSeries> {
        let row: SeriesRow = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT);
            query.push(" WHERE s.id = ").push_bind(id);
            query.build_query_as().fetch_one(pool).await?
        });
        let mut comments = self.review_comments(&[id]).await?;
        let mut schedules = self.series_schedules(&[id]).await?;
        series(
            row,
            comments.remove(&id).unwrap_or_default(),
            schedules.remove(&id).unwrap_or_default(),
        )
    }

    /// The school and the ambassador's user account of a series, for deciding who may act.
    pub async fn lesson_series_owners(&self, id: Uuid) -> StoreResult<(Uuid, Option<Uuid>)> {
        Ok(with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT s.school_id, a.user_id FROM lesson_series s JOIN ambassadors a ON a.id = s.ambassador_id \
                 WHERE s.id = $1",
            )
            .bind(id)
            .fetch_one(pool)
            .await?
        }))
    }

    /// Series in id order, narrowed to a school and status, and with `member` to the schools that
    /// user holds a role in, with `ambassador_user` to that user's own series.
    pub async fn list_lesson_series(
        &self,
        school_id: Option<Uuid>,
        status: Option<LessonSeriesStatus>,
        member: Option<Uuid>,
        ambassador_user: Option<Uuid>,
        after: Option<Uuid>,
        limit: u32,
    ) -> StoreResult<Vec<LessonSeries>> {
        let rows: Vec<SeriesRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT);
            query.push(" WHERE 1 = 1");
            if let Some(school) = school_id {
                query.push(" AND s.school_id = ").push_bind(school);
            }
            if let Some(status) = status {
                query.push(" AND s.status = ").push_bind(status.as_str());
            }
            if let Some(user) = member {
                query
                    .push(" AND s.school_id IN (SELECT organisation_id FROM memberships WHERE user_id = ")
                    .push_bind(user)
                    .push(")");
            }
            if let Some(user) = ambassador_user {
                query.push(" AND a.user_id = ").push_bind(user);
            }
            if let Some(after) = after {
                query.push(" AND s.id > ").push_bind(after);
            }
            query.push(" ORDER BY s.id LIMIT ").push_bind(i64::from(limit));
            query.build_query_as().fetch_all(pool).await?
        });
        // One query for the whole page's comments and one for its dates, not one per series.
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let mut comments = self.review_comments(&ids).await?;
        let mut schedules = self.series_schedules(&ids).await?;
        rows.into_iter()
            .map(|row| {
                let own = comments.remove(&row.id).unwrap_or_default();
                let dates = schedules.remove(&row.id).unwrap_or_default();
                series(row, own, dates)
            })
            .collect()
    }

    /// Replaces a series' content if it is still in `expected` (else `Conflict`).
    pub async fn update_lesson_series(
        &self,
        id: Uuid,
        expected: LessonSeriesStatus,
        input: &LessonSeriesInput,
    ) -> StoreResult<LessonSeries> {
        let changed = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE lesson_series SET framework_code = $1, title = $2, content = $3, updated_at = $4 \
                 WHERE id = $5 AND status = $6",
            )
            .bind(&input.framework_code)
            .bind(&input.title)
            .bind(to_json(input, "a lesson series")?)
            .bind(self.now())
            .bind(id)
            .bind(expected.as_str())
            .execute(pool)
            .await?
            .rows_affected()
        });
        if changed == 0 {
            return Err(StoreError::Conflict(
                "the series changed in the meantime; reload it".into(),
            ));
        }
        self.get_lesson_series(id).await
    }

    /// Moves a series from `from` to `to` (else `Conflict`), with a comment if given.
    pub async fn transition_lesson_series(
        &self,
        id: Uuid,
        from: LessonSeriesStatus,
        to: LessonSeriesStatus,
        comment: Option<NewComment<'_>>,
    ) -> StoreResult<LessonSeries> {
        let at = self.now();
        with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let changed = sqlx::query(
                "UPDATE lesson_series SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4",
            )
            .bind(to.as_str())
            .bind(at)
            .bind(id)
            .bind(from.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Err(StoreError::Conflict("the series changed in the meantime; reload it".into()));
            }
            if let Some(comment) = comment {
                sqlx::query(INSERT_COMMENT)
                .bind(new_id())
                .bind(id)
                .bind(comment.author_name)
                .bind(comment.text)
                .bind(comment.action.map(|a| a.as_str()))
                .bind(at)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        });
        self.get_lesson_series(id).await
    }

    /// Adds a comment without changing the status (a reply).
    pub async fn add_review_comment(
        &self,
        id: Uuid,
        comment: NewComment<'_>,
    ) -> StoreResult<LessonSeries> {
        with_pool!(self, pool => {
            sqlx::query(INSERT_COMMENT)
            .bind(new_id())
            .bind(id)
            .bind(comment.author_name)
            .bind(comment.text)
            .bind(comment.action.map(|a| a.as_str()))
            .bind(self.now())
            .execute(pool)
            .await?;
        });
        self.get_lesson_series(id).await
    }

    /// One series as the library shows it; `NotFound` unless it is approved, scheduled or given.
    pub async fn library_entry(&self, id: Uuid) -> StoreResult<LibraryEntry> {
        let row: SeriesRow = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT);
            query.push(" WHERE s.status IN ('approved', 'scheduled', 'given') AND s.id = ").push_bind(id);
            query.build_query_as().fetch_one(pool).await?
        });
        library_entry(row)
    }

    /// The library: approved (and scheduled or given) series across schools, by id, narrowed by
    /// framework, objective, the objectives' learning area, theme and group.
    pub async fn library(
        &self,
        filter: &LibraryQuery,
        after: Option<Uuid>,
        limit: u32,
    ) -> StoreResult<Vec<LibraryEntry>> {
        let rows: Vec<SeriesRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT);
            query.push(" WHERE s.status IN ('approved', 'scheduled', 'given')");
            if let Some(code) = &filter.framework_code {
                query.push(" AND s.framework_code = ").push_bind(code.clone());
            }
            if let Some(after) = after {
                query.push(" AND s.id > ").push_bind(after);
            }
            query.push(" ORDER BY s.id");
            query.build_query_as().fetch_all(pool).await?
        });
        // Which objective numbers lie in the asked learning area, per framework.
        let mut in_domain: std::collections::HashMap<String, Vec<u32>> =
            std::collections::HashMap::new();
        let theme = filter.theme.as_deref().map(|t| t.trim().to_lowercase());
        let mut out = Vec::new();
        for row in rows {
            let entry = library_entry(row)?;
            if let Some(domain) = &filter.domain {
                if !in_domain.contains_key(&entry.framework_code) {
                    let only = ObjectiveQuery {
                        domain: Some(domain.clone()),
                        sub_domain: None,
                    };
                    let numbers = self
                        .list_objectives(&entry.framework_code, &only)
                        .await?
                        .iter()
                        .map(|o| o.number)
                        .collect();
                    in_domain.insert(entry.framework_code.clone(), numbers);
                }
                let numbers = in_domain
                    .get(&entry.framework_code)
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                if !entry.objectives.iter().any(|n| numbers.contains(n)) {
                    continue;
                }
            }
            let keep = filter
                .objective
                .is_none_or(|n| entry.objectives.contains(&n))
                && theme
                    .as_deref()
                    .is_none_or(|t| entry.theme.to_lowercase().contains(t))
                && filter
                    .group
                    .is_none_or(|g| entry.target_groups.contains(&g));
            if keep {
                out.push(entry);
                if out.len() as u32 >= limit {
                    break;
                }
            }
        }
        Ok(out)
    }

    /// The comments of each of `ids`, oldest first.
    async fn review_comments(
        &self,
        ids: &[Uuid],
    ) -> StoreResult<HashMap<Uuid, Vec<ReviewComment>>> {
        let mut by_series: HashMap<Uuid, Vec<ReviewComment>> = HashMap::new();
        if ids.is_empty() {
            return Ok(by_series);
        }
        #[derive(sqlx::FromRow)]
        struct Row {
            series_id: Uuid,
            author_name: String,
            text: String,
            action: Option<String>,
            written_at: DateTime<Utc>,
        }
        let rows: Vec<Row> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT series_id, author_name, text, action, written_at FROM review_comments WHERE series_id IN (",
            );
            let mut list = query.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            query.push(") ORDER BY id");
            query.build_query_as().fetch_all(pool).await?
        });
        for row in rows {
            by_series
                .entry(row.series_id)
                .or_default()
                .push(ReviewComment {
                    author_name: row.author_name,
                    text: row.text,
                    action: row
                        .action
                        .as_deref()
                        .map(LessonSeriesAction::parse)
                        .transpose()?,
                    written_at: row.written_at,
                });
        }
        Ok(by_series)
    }
}

fn series(
    row: SeriesRow,
    comments: Vec<ReviewComment>,
    schedule: Vec<ScheduledLesson>,
) -> StoreResult<LessonSeries> {
    Ok(LessonSeries {
        id: row.id,
        content: from_json(&row.content, "a lesson series")?,
        school_name: row.school_name,
        ambassador_name: row.ambassador_name,
        status: LessonSeriesStatus::parse(&row.status)?,
        copied_from: row.copied_from,
        comments,
        schedule,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

fn library_entry(row: SeriesRow) -> StoreResult<LibraryEntry> {
    let content: LessonSeriesInput = from_json(&row.content, "a lesson series")?;
    Ok(LibraryEntry {
        id: row.id,
        school_name: row.school_name,
        title: content.title,
        description: content.description,
        theme: content.theme,
        target_groups: content.target_groups,
        framework_code: content.framework_code,
        objectives: content.objectives,
        lessons: content.lessons,
        status: LessonSeriesStatus::parse(&row.status)?,
        copied_from: row.copied_from,
    })
}
