//! Courses, their sessions, admissions, enrolments with a waiting list, and attendance. The
//! rules (who may enrol, who gets a place, when an offer lapses) are in `domain::training`; a
//! use case locks the session (and the ambassador) before it reads what it decides on.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use domain::Weekday;
use domain::contract::{
    Course, CourseInput, CourseProgress, CourseSession, CourseSessionInput, Enrolment,
};
use domain::training::{Attendance, BookedSession, CourseKind, EnrolmentStatus, SessionTime};
use uuid::Uuid;

use crate::{Store, StoreError, StoreResult, new_id, placed_statuses, with_pool};

#[derive(sqlx::FromRow)]
struct CourseRow {
    id: Uuid,
    kind: String,
    title: String,
    topics: String,
    description: String,
    requires_intake: bool,
    requires_placement: bool,
    min_attended: i64,
    offer_hours: i64,
    required_for_available: bool,
    created_at: DateTime<Utc>,
}

impl CourseRow {
    fn into_course(self, sessions: Vec<CourseSession>) -> StoreResult<Course> {
        Ok(Course {
            id: self.id,
            kind: CourseKind::parse(&self.kind)?,
            title: self.title,
            topics: self
                .topics
                .lines()
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect(),
            description: self.description,
            requires_intake: self.requires_intake,
            requires_placement: self.requires_placement,
            min_attended: count(self.min_attended)?,
            offer_hours: count(self.offer_hours)?,
            required_for_available: self.required_for_available,
            sessions,
            created_at: self.created_at,
        })
    }
}

fn count(value: i64) -> StoreResult<u32> {
    u32::try_from(value).map_err(|_| StoreError::Corrupt(format!("a count of {value}")))
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: Uuid,
    course_id: Uuid,
    session_date: NaiveDate,
    starts_at: NaiveTime,
    ends_at: NaiveTime,
    location: String,
    online_url: Option<String>,
    capacity: i64,
    teacher: String,
    held: i64,
    waiting: i64,
}

impl TryFrom<SessionRow> for CourseSession {
    type Error = StoreError;

    fn try_from(row: SessionRow) -> StoreResult<Self> {
        Ok(CourseSession {
            id: row.id,
            course_id: row.course_id,
            date: row.session_date,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            location: row.location,
            online_url: row.online_url,
            capacity: count(row.capacity)?,
            teacher: row.teacher,
            held: count(row.held)?,
            waiting: count(row.waiting)?,
        })
    }
}

const SELECT_SESSIONS: &str = "SELECT s.id, s.course_id, s.session_date, s.starts_at, s.ends_at, \
     s.location, s.online_url, s.capacity, s.teacher, \
     (SELECT COUNT(*) FROM course_enrolments e WHERE e.session_id = s.id \
        AND e.status IN ('enrolled', 'offered')) AS held, \
     (SELECT COUNT(*) FROM course_enrolments e WHERE e.session_id = s.id \
        AND e.status = 'waiting') AS waiting \
     FROM course_sessions s";

const ORDER_SESSIONS: &str = " ORDER BY s.session_date, s.starts_at, s.id";

const COURSE_COLUMNS: &str = "id, kind, title, topics, description, requires_intake, \
     requires_placement, min_attended, offer_hours, required_for_available, created_at";

#[derive(sqlx::FromRow)]
struct EnrolmentRow {
    id: Uuid,
    session_id: Uuid,
    course_id: Uuid,
    course_title: String,
    ambassador_id: Uuid,
    ambassador_name: String,
    status: String,
    position: i64,
    offered_until: Option<DateTime<Utc>>,
    on_school_day: bool,
    attendance: Option<String>,
    session_date: NaiveDate,
    starts_at: NaiveTime,
    ends_at: NaiveTime,
    location: String,
    created_at: DateTime<Utc>,
}

impl TryFrom<EnrolmentRow> for Enrolment {
    type Error = StoreError;

    fn try_from(row: EnrolmentRow) -> StoreResult<Self> {
        let status = EnrolmentStatus::parse(&row.status)?;
        Ok(Enrolment {
            id: row.id,
            session_id: row.session_id,
            course_id: row.course_id,
            course_title: row.course_title,
            ambassador_id: row.ambassador_id,
            ambassador_name: row.ambassador_name,
            status,
            position: (status == EnrolmentStatus::Waiting)
                .then(|| count(row.position))
                .transpose()?,
            offered_until: row.offered_until,
            on_school_day: row.on_school_day,
            attendance: row
                .attendance
                .as_deref()
                .map(Attendance::parse)
                .transpose()?,
            date: row.session_date,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            location: row.location,
            created_at: row.created_at,
        })
    }
}

/// An enrolment with its session and course; `position` counts those waiting before it.
const SELECT_ENROLMENTS: &str = "SELECT e.id, e.session_id, c.id AS course_id, c.title AS course_title, \
     e.ambassador_id, a.name AS ambassador_name, e.status, \
     (SELECT COUNT(*) FROM course_enrolments w WHERE w.session_id = e.session_id \
        AND w.status = 'waiting' \
        AND (w.created_at < e.created_at OR (w.created_at = e.created_at AND w.id < e.id))) + 1 \
        AS position, \
     e.offered_until, e.on_school_day, e.attendance, s.session_date, s.starts_at, s.ends_at, \
     s.location, e.created_at \
     FROM course_enrolments e \
     JOIN course_sessions s ON s.id = e.session_id \
     JOIN courses c ON c.id = s.course_id \
     JOIN ambassadors a ON a.id = e.ambassador_id";

/// The order staff read a session's list in: places first, then the waiting list in its
/// order, then those who left it.
const ORDER_ENROLMENTS: &str = " ORDER BY s.session_date, s.starts_at, \
     CASE e.status WHEN 'enrolled' THEN 0 WHEN 'offered' THEN 1 WHEN 'waiting' THEN 2 ELSE 3 END, \
     e.created_at, e.id";

/// An offer whose time ran out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LapsedOffer {
    /// The enrolment that was offered the place.
    pub enrolment_id: Uuid,
    /// Its session.
    pub session_id: Uuid,
}

impl Store {
    /// Creates a course without sessions.
    pub async fn create_course(&self, input: &CourseInput) -> StoreResult<Course> {
        let id = new_id();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO courses (id, kind, title, topics, description, requires_intake, \
                 requires_placement, min_attended, offer_hours, required_for_available, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            )
            .bind(id)
            .bind(input.kind.as_str())
            .bind(&input.title)
            .bind(input.topics.join("\n"))
            .bind(&input.description)
            .bind(input.requires_intake)
            .bind(input.requires_placement)
            .bind(i64::from(input.min_attended))
            .bind(i64::from(input.offer_hours))
            .bind(input.required_for_available)
            .bind(self.now())
            .execute(pool)
            .await?;
        });
        self.get_course(id).await
    }

    /// Replaces a course's details; its sessions stay.
    pub async fn update_course(&self, id: Uuid, input: &CourseInput) -> StoreResult<Course> {
        let changed = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE courses SET kind = $1, title = $2, topics = $3, description = $4, \
                 requires_intake = $5, requires_placement = $6, min_attended = $7, \
                 offer_hours = $8, required_for_available = $9 WHERE id = $10",
            )
            .bind(input.kind.as_str())
            .bind(&input.title)
            .bind(input.topics.join("\n"))
            .bind(&input.description)
            .bind(input.requires_intake)
            .bind(input.requires_placement)
            .bind(i64::from(input.min_attended))
            .bind(i64::from(input.offer_hours))
            .bind(input.required_for_available)
            .bind(id)
            .execute(pool)
            .await?
            .rows_affected()
        });
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        self.get_course(id).await
    }

    /// One course with its sessions.
    pub async fn get_course(&self, id: Uuid) -> StoreResult<Course> {
        let sql = format!("SELECT {COURSE_COLUMNS} FROM courses WHERE id = $1");
        let row: CourseRow = with_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(pool).await?
        });
        let sql = format!("{SELECT_SESSIONS} WHERE s.course_id = $1{ORDER_SESSIONS}");
        let sessions: Vec<SessionRow> = with_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_all(pool).await?
        });
        let sessions = sessions
            .into_iter()
            .map(CourseSession::try_from)
            .collect::<StoreResult<_>>()?;
        row.into_course(sessions)
    }

    /// Every course with its sessions, the one with the earliest session first.
    pub async fn list_courses(&self) -> StoreResult<Vec<Course>> {
        let sql = format!("SELECT {COURSE_COLUMNS} FROM courses ORDER BY id");
        let rows: Vec<CourseRow> = with_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(pool).await?
        });
        let sql = format!("{SELECT_SESSIONS}{ORDER_SESSIONS}");
        let sessions: Vec<SessionRow> = with_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(pool).await?
        });
        let mut by_course: std::collections::HashMap<Uuid, Vec<CourseSession>> =
            std::collections::HashMap::new();
        for session in sessions {
            let session = CourseSession::try_from(session)?;
            by_course
                .entry(session.course_id)
                .or_default()
                .push(session);
        }
        let mut courses = rows
            .into_iter()
            .map(|row| {
                let own = by_course.remove(&row.id).unwrap_or_default();
                row.into_course(own)
            })
            .collect::<StoreResult<Vec<_>>>()?;
        courses.sort_by_key(|c| c.sessions.first().map(|s| (s.date, s.starts_at)));
        Ok(courses)
    }

    /// Adds a session to course `course_id`.
    pub async fn create_course_session(
        &self,
        course_id: Uuid,
        input: &CourseSessionInput,
    ) -> StoreResult<CourseSession> {
        let id = new_id();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO course_sessions (id, course_id, session_date, starts_at, ends_at, \
                 location, online_url, capacity, teacher, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(id)
            .bind(course_id)
            .bind(input.date)
            .bind(input.starts_at)
            .bind(input.ends_at)
            .bind(&input.location)
            .bind(input.online_url.as_deref())
            .bind(i64::from(input.capacity))
            .bind(&input.teacher)
            .bind(self.now())
            .execute(pool)
            .await?;
        });
        self.get_course_session(id).await
    }

    /// One session, with how full it is.
    pub async fn get_course_session(&self, id: Uuid) -> StoreResult<CourseSession> {
        let sql = format!("{SELECT_SESSIONS} WHERE s.id = $1");
        let row: SessionRow = with_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(pool).await?
        });
        row.try_into()
    }

    /// Records that an ambassador was admitted to a course after its intake. Admitting twice
    /// keeps the first.
    pub async fn admit_to_course(
        &self,
        course_id: Uuid,
        ambassador_id: Uuid,
        by: Uuid,
    ) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO course_admissions (course_id, ambassador_id, admitted_by, admitted_at) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (course_id, ambassador_id) DO NOTHING",
            )
            .bind(course_id)
            .bind(ambassador_id)
            .bind(by)
            .bind(self.now())
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// Whether an ambassador was admitted to a course.
    pub async fn admitted_to_course(
        &self,
        course_id: Uuid,
        ambassador_id: Uuid,
    ) -> StoreResult<bool> {
        let found: Option<i32> = with_pool!(self, pool => {
            sqlx::query_scalar(
                "SELECT 1 FROM course_admissions WHERE course_id = $1 AND ambassador_id = $2",
            )
            .bind(course_id)
            .bind(ambassador_id)
            .fetch_optional(pool)
            .await?
        });
        Ok(found.is_some())
    }

    /// The weekdays of an ambassador's confirmed or active placements: their school days.
    pub async fn school_days(&self, ambassador_id: Uuid) -> StoreResult<Vec<Weekday>> {
        let days: Vec<String> = with_pool!(self, pool => {
            sqlx::query_scalar(concat!(
                "SELECT DISTINCT p.weekday FROM matches m JOIN placements p ON p.id = m.placement_id \
                 WHERE m.ambassador_id = $1 AND m.status IN ",
                placed_statuses!()
            ))
            .bind(ambassador_id)
            .fetch_all(pool)
            .await?
        });
        days.iter()
            .map(|d| Weekday::parse(d).map_err(StoreError::from))
            .collect()
    }

    /// An ambassador's live enrolments (placed, offered or waiting), in any course, for the
    /// overlap check.
    pub async fn booked_sessions(
        &self,
        ambassador_id: Uuid,
    ) -> StoreResult<Vec<(Uuid, BookedSession)>> {
        let rows: Vec<(Uuid, String, NaiveDate, NaiveTime, NaiveTime)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT s.id, c.title, s.session_date, s.starts_at, s.ends_at \
                 FROM course_enrolments e JOIN course_sessions s ON s.id = e.session_id \
                 JOIN courses c ON c.id = s.course_id \
                 WHERE e.ambassador_id = $1 AND e.status IN ('enrolled', 'waiting', 'offered')",
            )
            .bind(ambassador_id)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(session, title, date, starts_at, ends_at)| {
                (
                    session,
                    BookedSession {
                        title,
                        time: SessionTime {
                            date,
                            starts_at,
                            ends_at,
                        },
                    },
                )
            })
            .collect())
    }

    /// Enrols an ambassador in a session with `status`. Returns the enrolment's id.
    pub async fn create_enrolment(
        &self,
        session_id: Uuid,
        ambassador_id: Uuid,
        status: EnrolmentStatus,
        on_school_day: bool,
    ) -> StoreResult<Uuid> {
        let id = new_id();
        let now = self.now();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO course_enrolments (id, session_id, ambassador_id, status, \
                 on_school_day, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)",
            )
            .bind(id)
            .bind(session_id)
            .bind(ambassador_id)
            .bind(status.as_str())
            .bind(on_school_day)
            .bind(now)
            .execute(pool)
            .await?;
        });
        Ok(id)
    }

    /// One enrolment.
    pub async fn get_enrolment(&self, id: Uuid) -> StoreResult<Enrolment> {
        let sql = format!("{SELECT_ENROLMENTS} WHERE e.id = $1");
        let row: EnrolmentRow = with_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(pool).await?
        });
        row.try_into()
    }

    /// A session's enrolments: places, then the waiting list in order, then those who left.
    pub async fn session_enrolments(&self, session_id: Uuid) -> StoreResult<Vec<Enrolment>> {
        let sql = format!("{SELECT_ENROLMENTS} WHERE e.session_id = $1{ORDER_ENROLMENTS}");
        let rows: Vec<EnrolmentRow> = with_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(session_id).fetch_all(pool).await?
        });
        rows.into_iter().map(Enrolment::try_from).collect()
    }

    /// An ambassador's enrolments, earliest session first.
    pub async fn ambassador_enrolments(&self, ambassador_id: Uuid) -> StoreResult<Vec<Enrolment>> {
        let sql = format!("{SELECT_ENROLMENTS} WHERE e.ambassador_id = $1{ORDER_ENROLMENTS}");
        let rows: Vec<EnrolmentRow> = with_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(ambassador_id).fetch_all(pool).await?
        });
        rows.into_iter().map(Enrolment::try_from).collect()
    }

    /// Moves an enrolment to `status`, with the offer's deadline when it is offered a place.
    pub async fn set_enrolment_status(
        &self,
        id: Uuid,
        status: EnrolmentStatus,
        offered_until: Option<DateTime<Utc>>,
    ) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query(
                "UPDATE course_enrolments SET status = $1, offered_until = $2, updated_at = $3 \
                 WHERE id = $4",
            )
            .bind(status.as_str())
            .bind(offered_until)
            .bind(self.now())
            .bind(id)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// The first on a session's waiting list.
    pub async fn first_waiting(&self, session_id: Uuid) -> StoreResult<Option<Uuid>> {
        Ok(with_pool!(self, pool => {
            sqlx::query_scalar(
                "SELECT id FROM course_enrolments WHERE session_id = $1 AND status = 'waiting' \
                 ORDER BY created_at, id LIMIT 1",
            )
            .bind(session_id)
            .fetch_optional(pool)
            .await?
        }))
    }

    /// Offers whose deadline passed before `now`, oldest first.
    pub async fn lapsed_offers(&self, now: DateTime<Utc>) -> StoreResult<Vec<LapsedOffer>> {
        let rows: Vec<(Uuid, Uuid)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, session_id FROM course_enrolments \
                 WHERE status = 'offered' AND offered_until < $1 ORDER BY offered_until, id",
            )
            .bind(now)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(enrolment_id, session_id)| LapsedOffer {
                enrolment_id,
                session_id,
            })
            .collect())
    }

    /// The offers of one session that ran out before `now`, in the order they were made.
    pub async fn lapsed_offers_in(
        &self,
        session_id: Uuid,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<LapsedOffer>> {
        let rows: Vec<Uuid> = with_pool!(self, pool => {
            sqlx::query_scalar(
                "SELECT id FROM course_enrolments \
                 WHERE session_id = $1 AND status = 'offered' AND offered_until < $2 \
                 ORDER BY offered_until, id",
            )
            .bind(session_id)
            .bind(now)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|enrolment_id| LapsedOffer {
                enrolment_id,
                session_id,
            })
            .collect())
    }

    /// The enrolments with a place in sessions on `date`, for the day-before reminder.
    pub async fn enrolled_on(&self, date: NaiveDate) -> StoreResult<Vec<Enrolment>> {
        let sql = format!(
            "{SELECT_ENROLMENTS} WHERE s.session_date = $1 AND e.status = 'enrolled'{ORDER_ENROLMENTS}"
        );
        let rows: Vec<EnrolmentRow> = with_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(date).fetch_all(pool).await?
        });
        rows.into_iter().map(Enrolment::try_from).collect()
    }

    /// Records whether someone came.
    pub async fn set_attendance(&self, id: Uuid, attendance: Attendance) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query("UPDATE course_enrolments SET attendance = $1, updated_at = $2 WHERE id = $3")
                .bind(attendance.as_str())
                .bind(self.now())
                .bind(id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// An ambassador's progress in each course they are enrolled in, admitted to, or must
    /// complete to become available.
    pub async fn course_progress(&self, ambassador_id: Uuid) -> StoreResult<Vec<CourseProgress>> {
        let rows: Vec<(Uuid, String, String, i64, bool, i64, bool)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT c.id, c.title, c.kind, c.min_attended, c.required_for_available, \
                 (SELECT COUNT(*) FROM course_enrolments e JOIN course_sessions s ON s.id = e.session_id \
                    WHERE s.course_id = c.id AND e.ambassador_id = $1 AND e.attendance = 'present'), \
                 EXISTS (SELECT 1 FROM course_admissions d WHERE d.course_id = c.id AND d.ambassador_id = $1) \
                 FROM courses c \
                 WHERE c.required_for_available \
                    OR EXISTS (SELECT 1 FROM course_admissions d WHERE d.course_id = c.id AND d.ambassador_id = $1) \
                    OR EXISTS (SELECT 1 FROM course_enrolments e JOIN course_sessions s ON s.id = e.session_id \
                       WHERE s.course_id = c.id AND e.ambassador_id = $1) \
                 ORDER BY c.id",
            )
            .bind(ambassador_id)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(
                |(course_id, title, kind, required, required_for_available, attended, admitted)| {
                    let required = count(required)?;
                    let attended = count(attended)?;
                    Ok(CourseProgress {
                        course_id,
                        title,
                        kind: CourseKind::parse(&kind)?,
                        attended,
                        required,
                        completed: domain::training::completed(required, attended),
                        required_for_available,
                        admitted,
                    })
                },
            )
            .collect()
    }
}
