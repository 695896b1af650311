//! The rows a research export is made from, with their real ids (the use case turns them into
//! pseudonyms and generalises places), and the exports given out.

use chrono::{DateTime, NaiveDate, Utc};
use domain::SchoolYear;
use domain::contract::{AmbassadorInput, LessonSeriesInput};
use uuid::Uuid;

use crate::ambassadors::from_json;
use crate::{Store, StoreResult, new_id, with_pool};

/// An ambassador with a match for a placement of the year.
#[derive(Debug, Clone)]
pub struct ResearchAmbassadorRow {
    /// Their id.
    pub id: Uuid,
    /// Their home municipality.
    pub municipality: Option<String>,
    /// The region of the school of their (first) match in the year.
    pub region: Option<String>,
    /// Their funding.
    pub funding: String,
    /// Their intake status.
    pub status: String,
}

/// A placement of the year with its school's facts.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ResearchPlacementRow {
    /// Its id.
    pub id: Uuid,
    /// The school.
    pub school_id: Uuid,
    /// `po` or `vo`.
    pub school_type: Option<String>,
    /// The school's region.
    pub region: Option<String>,
    /// The school's municipality.
    pub municipality: Option<String>,
    /// Its kind.
    pub kind: String,
    /// Its weekday.
    pub weekday: String,
    /// Its start moment.
    pub start_moment: String,
    /// Its commitment.
    pub commitment: String,
    /// Its places.
    pub capacity: i32,
    /// Its status.
    pub status: String,
}

/// A match for a placement of the year.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ResearchMatchRow {
    /// Its id.
    pub id: Uuid,
    /// The placement.
    pub placement_id: Uuid,
    /// The ambassador.
    pub ambassador_id: Uuid,
    /// Its status.
    pub status: String,
    /// Who declined, when it was declined.
    pub declined_by: Option<String>,
    /// The day it ended, when it ended.
    pub ended_on: Option<NaiveDate>,
    /// When it was proposed.
    pub created_at: DateTime<Utc>,
}

/// Approved minutes of one ambassador at one school in one month, of one kind.
#[derive(Debug, Clone)]
pub struct ResearchHoursRow {
    /// The ambassador.
    pub ambassador_id: Uuid,
    /// The school.
    pub school_id: Uuid,
    /// `YYYY-MM`.
    pub month: String,
    /// `sponsored` or `volunteered`.
    pub kind: String,
    /// The minutes.
    pub minutes: i64,
}

/// A lesson series started in the year.
#[derive(Debug, Clone)]
pub struct ResearchSeriesRow {
    /// Its id.
    pub id: Uuid,
    /// The ambassador.
    pub ambassador_id: Uuid,
    /// The school.
    pub school_id: Uuid,
    /// The framework.
    pub framework: String,
    /// The objectives' numbers.
    pub objectives: Vec<u32>,
    /// How many lessons.
    pub lessons: u32,
    /// Its status.
    pub status: String,
}

/// An enrolment in a course session of the year.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ResearchAttendanceRow {
    /// The ambassador.
    pub ambassador_id: Uuid,
    /// The course.
    pub course_id: Uuid,
    /// The course's kind.
    pub course_kind: String,
    /// The session's day.
    pub session_date: NaiveDate,
    /// The enrolment's status.
    pub status: String,
    /// Whether they came.
    pub attendance: Option<String>,
}

impl Store {
    /// The placements of `year`, with their school's type, region and municipality.
    pub async fn research_placements(
        &self,
        year: SchoolYear,
    ) -> StoreResult<Vec<ResearchPlacementRow>> {
        Ok(with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT p.id, p.school_id, o.school_type, o.region, o.municipality, p.kind, \
                 p.weekday, p.start_moment, p.commitment, p.capacity, p.status \
                 FROM placements p JOIN organisations o ON o.id = p.school_id \
                 WHERE p.school_year = $1 ORDER BY p.id",
            )
            .bind(year.start_year())
            .fetch_all(pool)
            .await?
        }))
    }

    /// The matches for placements of `year`.
    pub async fn research_matches(&self, year: SchoolYear) -> StoreResult<Vec<ResearchMatchRow>> {
        Ok(with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT m.id, m.placement_id, m.ambassador_id, m.status, m.declined_by, \
                 m.ended_on, m.created_at \
                 FROM matches m JOIN placements p ON p.id = m.placement_id \
                 WHERE p.school_year = $1 ORDER BY m.id",
            )
            .bind(year.start_year())
            .fetch_all(pool)
            .await?
        }))
    }

    /// The ambassadors with a match for a placement of `year`.
    pub async fn research_ambassadors(
        &self,
        year: SchoolYear,
    ) -> StoreResult<Vec<ResearchAmbassadorRow>> {
        let rows: Vec<(Uuid, String, String, Option<String>)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT a.id, a.profile, a.status, \
                 (SELECT o.region FROM matches m JOIN placements p ON p.id = m.placement_id \
                    JOIN organisations o ON o.id = p.school_id \
                    WHERE m.ambassador_id = a.id AND p.school_year = $1 ORDER BY m.id LIMIT 1) \
                 FROM ambassadors a \
                 WHERE EXISTS (SELECT 1 FROM matches m JOIN placements p ON p.id = m.placement_id \
                    WHERE m.ambassador_id = a.id AND p.school_year = $1) \
                 ORDER BY a.id",
            )
            .bind(year.start_year())
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|(id, profile, status, region)| {
                let profile: AmbassadorInput = from_json(&profile, "an ambassador's profile")?;
                Ok(ResearchAmbassadorRow {
                    id,
                    municipality: profile.home_municipality,
                    region,
                    funding: profile.funding.as_str().to_owned(),
                    status,
                })
            })
            .collect()
    }

    /// Approved (or locked) minutes per ambassador, school, month and kind within `year`.
    pub async fn research_hours(&self, year: SchoolYear) -> StoreResult<Vec<ResearchHoursRow>> {
        let rows: Vec<(Uuid, Uuid, NaiveDate, String, i64)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT ambassador_id, school_id, entry_date, kind, minutes FROM hour_entries \
                 WHERE status IN ('approved', 'locked') AND entry_date BETWEEN $1 AND $2 \
                 ORDER BY ambassador_id, entry_date",
            )
            .bind(year.first_day())
            .bind(year.last_day())
            .fetch_all(pool)
            .await?
        });
        // Summed per ambassador, school, month and kind in one pass (the month is formatted
        // here: SQLite and PostgreSQL name it differently).
        let mut sums: std::collections::BTreeMap<(Uuid, Uuid, String, String), i64> =
            std::collections::BTreeMap::new();
        for (ambassador_id, school_id, date, kind, minutes) in rows {
            let month = date.format("%Y-%m").to_string();
            *sums
                .entry((ambassador_id, school_id, month, kind))
                .or_default() += minutes;
        }
        Ok(sums
            .into_iter()
            .map(
                |((ambassador_id, school_id, month, kind), minutes)| ResearchHoursRow {
                    ambassador_id,
                    school_id,
                    month,
                    kind,
                    minutes,
                },
            )
            .collect())
    }

    /// The lesson series started within `year`.
    pub async fn research_series(&self, year: SchoolYear) -> StoreResult<Vec<ResearchSeriesRow>> {
        let from = year
            .first_day()
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            .and_utc();
        let to = year
            .next()
            .first_day()
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            .and_utc();
        let rows: Vec<(Uuid, Uuid, Uuid, String, String, String)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, ambassador_id, school_id, framework_code, content, status \
                 FROM lesson_series WHERE created_at >= $1 AND created_at < $2 ORDER BY id",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(
                |(id, ambassador_id, school_id, framework, content, status)| {
                    let content: LessonSeriesInput = from_json(&content, "a lesson series")?;
                    Ok(ResearchSeriesRow {
                        id,
                        ambassador_id,
                        school_id,
                        framework,
                        objectives: content.objectives,
                        lessons: u32::try_from(content.lessons.len()).unwrap_or(u32::MAX),
                        status,
                    })
                },
            )
            .collect()
    }

    /// The enrolments in course sessions within `year`.
    pub async fn research_attendance(
        &self,
        year: SchoolYear,
    ) -> StoreResult<Vec<ResearchAttendanceRow>> {
        Ok(with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT e.ambassador_id, c.id AS course_id, c.kind AS course_kind, s.session_date, \
                 e.status, e.attendance \
                 FROM course_enrolments e JOIN course_sessions s ON s.id = e.session_id \
                 JOIN courses c ON c.id = s.course_id \
                 WHERE s.session_date BETWEEN $1 AND $2 ORDER BY s.session_date, e.id",
            )
            .bind(year.first_day())
            .bind(year.last_day())
            .fetch_all(pool)
            .await?
        }))
    }

    /// Keeps an export given to partner client `client_id`; returns its id.
    pub async fn save_research_export(
        &self,
        id: Uuid,
        client_id: Uuid,
        year: SchoolYear,
        purpose: &str,
        body: &str,
    ) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO research_exports (id, client_id, school_year, purpose, body, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(client_id)
            .bind(year.start_year())
            .bind(purpose)
            .bind(body)
            .bind(self.now())
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// An export given to partner client `client_id`, as JSON; `NotFound` for another's.
    pub async fn research_export(&self, client_id: Uuid, id: Uuid) -> StoreResult<String> {
        Ok(with_pool!(self, pool => {
            sqlx::query_scalar("SELECT body FROM research_exports WHERE id = $1 AND client_id = $2")
                .bind(id)
                .bind(client_id)
                .fetch_one(pool)
                .await?
        }))
    }
}

/// A fresh id for an export.
pub fn new_export_id() -> Uuid {
    new_id()
}
