//! The programme dashboard's figures, each summed by the database (GROUP BY), so the dashboard
//! costs a handful of small result sets however many rows lie behind them.

use chrono::NaiveDate;
use domain::contract::TeacherOptIn;
use domain::{Region, SchoolYear};
use uuid::Uuid;

use crate::team::{OptInRow, SELECT_OPT_IN};
use crate::{BackendKind, Store, StoreResult, with_pool};

/// Which schools the figures cover.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DashboardFilter {
    /// Only schools in this region.
    pub region: Option<Region>,
    /// Only schools in this municipality (compared without regard to case).
    pub municipality: Option<String>,
    /// Only these schools (a director's own); `None` for all.
    pub schools: Option<Vec<Uuid>>,
}

impl DashboardFilter {
    fn narrows(&self) -> bool {
        self.region.is_some() || self.municipality.is_some() || self.schools.is_some()
    }
}

/// Appends the school conditions on the organisation aliased `s` to a query builder.
macro_rules! push_school_filter {
    ($query:expr, $filter:expr) => {{
        let filter: &DashboardFilter = $filter;
        if let Some(region) = filter.region {
            $query.push(" AND s.region = ").push_bind(region.as_str());
        }
        if let Some(municipality) = &filter.municipality {
            $query
                .push(" AND lower(s.municipality) = ")
                .push_bind(municipality.to_lowercase());
        }
        if let Some(schools) = &filter.schools {
            if schools.is_empty() {
                $query.push(" AND 1 = 0");
            } else {
                $query.push(" AND s.id IN (");
                let mut ids = $query.separated(", ");
                for id in schools {
                    ids.push_bind(*id);
                }
                $query.push(")");
            }
        }
    }};
}

/// Appends "the ambassador (column `$column`) was placed at a school in the filter", when the
/// filter narrows at all.
macro_rules! push_ambassador_filter {
    ($query:expr, $column:literal, $filter:expr) => {{
        let filter: &DashboardFilter = $filter;
        if filter.narrows() {
            $query.push(concat!(
                " AND ",
                $column,
                " IN (SELECT m.ambassador_id FROM matches m \
                 JOIN placements p ON p.id = m.placement_id \
                 JOIN organisations s ON s.id = p.school_id \
                 WHERE m.status IN ('confirmed', 'active', 'ended')"
            ));
            push_school_filter!($query, filter);
            $query.push(")");
        }
    }};
}

/// Spots summed per start moment and region.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SpotCount {
    /// `september` or `february`.
    pub start_moment: String,
    /// The school's region.
    pub region: String,
    /// The number.
    pub count: i64,
}

/// A school's recorded capacity, for the suggestion.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CapacityFacts {
    /// The school.
    pub school_id: Uuid,
    /// Its region.
    pub region: String,
    /// Groups.
    pub groups: i32,
    /// Groups with an intern.
    pub groups_with_intern: i32,
    /// Groups with a starting teacher.
    pub groups_with_starting_teacher: i32,
    /// The teachers as recorded (JSON).
    pub teachers: String,
}

/// How many ambassadors spent a number of days in an intake status.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StatusDays {
    /// The status.
    pub status: String,
    /// Days spent in it.
    pub days: i64,
    /// How many times.
    pub count: i64,
}

/// The match funnel of a school year.
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct MatchFunnel {
    /// Every match proposed.
    pub proposed: i64,
    /// Those confirmed by both sides (later ones included).
    pub confirmed: i64,
    /// Those that started.
    pub active: i64,
    /// Those that ended early.
    pub ended: i64,
}

/// Minutes per month (`YYYY-MM`) and kind.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MonthMinutes {
    /// The month.
    pub month: String,
    /// `sponsored` or `volunteered`.
    pub kind: String,
    /// Minutes.
    pub minutes: i64,
}

/// Allowances paid in a month, against that year's cap.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MonthAllowances {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// Cents paid in all.
    pub paid: i64,
    /// Ambassadors paid.
    pub ambassadors: i64,
    /// The most paid to one ambassador, in cents.
    pub highest: i64,
    /// Ambassadors paid more than the monthly cap.
    pub over_cap: i64,
    /// The monthly cap in cents, if one is recorded for the year.
    pub monthly_cap: Option<i64>,
}

/// Enrolments of one course with one status and attendance.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TrainingCount {
    /// The course.
    pub course_id: Uuid,
    /// Its title.
    pub title: String,
    /// The enrolments' status.
    pub status: String,
    /// Their attendance, once recorded.
    pub attendance: Option<String>,
    /// How many.
    pub enrolments: i64,
}

/// Sponsored minutes of an employer's ambassadors at schools of one municipality.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EmployerMinutes {
    /// The employer.
    pub employer_id: Uuid,
    /// Its name.
    pub employer_name: String,
    /// The schools' municipality.
    pub municipality: String,
    /// Minutes.
    pub minutes: i64,
}

impl Store {
    /// Spots offered (placements' capacity, drafts and withdrawn ones left out) per start
    /// moment and region.
    pub async fn dashboard_offered(
        &self,
        year: SchoolYear,
        filter: &DashboardFilter,
    ) -> StoreResult<Vec<SpotCount>> {
        Ok(with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT p.start_moment, s.region, CAST(COALESCE(SUM(p.capacity), 0) AS BIGINT) AS count \
                 FROM placements p JOIN organisations s ON s.id = p.school_id \
                 WHERE p.status NOT IN ('draft', 'cancelled') AND p.school_year = ",
            );
            query.push_bind(year.start_year());
            push_school_filter!(query, filter);
            query.push(" GROUP BY p.start_moment, s.region");
            query.build_query_as().fetch_all(pool).await?
        }))
    }

    /// Spots filled (confirmed or active matches) per start moment and region.
    pub async fn dashboard_filled(
        &self,
        year: SchoolYear,
        filter: &DashboardFilter,
    ) -> StoreResult<Vec<SpotCount>> {
        Ok(with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT p.start_moment, s.region, COUNT(*) AS count \
                 FROM matches m JOIN placements p ON p.id = m.placement_id \
                 JOIN organisations s ON s.id = p.school_id \
                 WHERE m.status IN ('confirmed', 'active') AND p.school_year = ",
            );
            query.push_bind(year.start_year());
            push_school_filter!(query, filter);
            query.push(" GROUP BY p.start_moment, s.region");
            query.build_query_as().fetch_all(pool).await?
        }))
    }

    /// The recorded capacities of a school year (one row a school) and the teachers' own
    /// answers, for the suggestion.
    pub async fn dashboard_capacities(
        &self,
        year: SchoolYear,
        filter: &DashboardFilter,
    ) -> StoreResult<(Vec<CapacityFacts>, Vec<TeacherOptIn>)> {
        let (facts, answers): (Vec<CapacityFacts>, Vec<OptInRow>) = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT c.school_id, s.region, c.groups, c.groups_with_intern, \
                 c.groups_with_starting_teacher, c.teachers \
                 FROM school_capacities c JOIN organisations s ON s.id = c.school_id \
                 WHERE c.school_year = ",
            );
            query.push_bind(year.start_year());
            push_school_filter!(query, filter);
            let facts = query.build_query_as().fetch_all(&mut *pool).await?;
            let mut query = sqlx::QueryBuilder::new(SELECT_OPT_IN);
            query.push(" JOIN organisations s ON s.id = t.school_id WHERE t.school_year = ");
            query.push_bind(year.start_year());
            push_school_filter!(query, filter);
            let answers = query.build_query_as().fetch_all(&mut *pool).await?;
            (facts, answers)
        });
        let answers = answers
            .into_iter()
            .map(TryInto::try_into)
            .collect::<StoreResult<_>>()?;
        Ok((facts, answers))
    }

    /// Ambassadors (not erased) per current status.
    pub async fn dashboard_intake_counts(
        &self,
        filter: &DashboardFilter,
    ) -> StoreResult<Vec<(String, i64)>> {
        Ok(with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT a.status, COUNT(*) FROM ambassadors a WHERE a.erased_at IS NULL",
            );
            push_ambassador_filter!(query, "a.id", filter);
            query.push(" GROUP BY a.status");
            query.build_query_as().fetch_all(pool).await?
        }))
    }

    /// How many days ambassadors spent in each intake status, from the recorded steps: from a
    /// step's date to the next step's, or to `today` for the status they are in now. Counted
    /// per (status, days), so the median is read off a small histogram.
    pub async fn dashboard_intake_days(
        &self,
        today: NaiveDate,
        filter: &DashboardFilter,
    ) -> StoreResult<Vec<StatusDays>> {
        let days = match self.backend() {
            BackendKind::Sqlite => {
                "CAST(julianday(COALESCE(x.next_on, x.today)) - julianday(x.on_date) AS INTEGER)"
            }
            BackendKind::Postgres => "CAST(COALESCE(x.next_on, x.today) - x.on_date AS BIGINT)",
        };
        Ok(with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new("SELECT x.status, ");
            query.push(days);
            query.push(
                " AS days, COUNT(*) AS count FROM (\
                 SELECT i.status, i.on_date, LEAD(i.on_date) OVER \
                 (PARTITION BY i.ambassador_id ORDER BY i.on_date, i.recorded_at) AS next_on, ",
            );
            query.push_bind(today);
            query.push(
                " AS today FROM intake_steps i JOIN ambassadors a ON a.id = i.ambassador_id \
                 WHERE a.erased_at IS NULL",
            );
            push_ambassador_filter!(query, "a.id", filter);
            query.push(") x WHERE x.status <> 'ended' GROUP BY x.status, 2");
            query.build_query_as().fetch_all(pool).await?
        }))
    }

    /// The school year's matches from proposed to ended early.
    pub async fn dashboard_match_funnel(
        &self,
        year: SchoolYear,
        filter: &DashboardFilter,
    ) -> StoreResult<MatchFunnel> {
        Ok(with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT COUNT(*) AS proposed, \
                 CAST(COALESCE(SUM(CASE WHEN m.status IN ('confirmed', 'active', 'ended') THEN 1 ELSE 0 END), 0) AS BIGINT) AS confirmed, \
                 CAST(COALESCE(SUM(CASE WHEN m.status IN ('active', 'ended') THEN 1 ELSE 0 END), 0) AS BIGINT) AS active, \
                 CAST(COALESCE(SUM(CASE WHEN m.status = 'ended' THEN 1 ELSE 0 END), 0) AS BIGINT) AS ended \
                 FROM matches m JOIN placements p ON p.id = m.placement_id \
                 JOIN organisations s ON s.id = p.school_id WHERE p.school_year = ",
            );
            query.push_bind(year.start_year());
            push_school_filter!(query, filter);
            query.build_query_as().fetch_one(pool).await?
        }))
    }

    /// The reasons matches of the school year ended early, with how often each was given.
    pub async fn dashboard_end_reasons(
        &self,
        year: SchoolYear,
        filter: &DashboardFilter,
    ) -> StoreResult<Vec<(String, i64)>> {
        Ok(with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT COALESCE(m.reason, '') AS reason, COUNT(*) AS count \
                 FROM matches m JOIN placements p ON p.id = m.placement_id \
                 JOIN organisations s ON s.id = p.school_id \
                 WHERE m.status = 'ended' AND p.school_year = ",
            );
            query.push_bind(year.start_year());
            push_school_filter!(query, filter);
            query.push(" GROUP BY COALESCE(m.reason, '') ORDER BY 2 DESC, 1");
            query.build_query_as().fetch_all(pool).await?
        }))
    }

    /// Approved minutes per month and kind, in the school year.
    pub async fn dashboard_hours(
        &self,
        year: SchoolYear,
        filter: &DashboardFilter,
    ) -> StoreResult<Vec<MonthMinutes>> {
        Ok(with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT substr(CAST(h.entry_date AS TEXT), 1, 7) AS month, h.kind, \
                 CAST(SUM(h.minutes) AS BIGINT) AS minutes \
                 FROM hour_entries h JOIN organisations s ON s.id = h.school_id \
                 WHERE h.status IN ('approved', 'locked') AND h.entry_date >= ",
            );
            query.push_bind(year.first_day());
            query.push(" AND h.entry_date <= ").push_bind(year.last_day());
            push_school_filter!(query, filter);
            query.push(" GROUP BY 1, 2 ORDER BY 1, 2");
            query.build_query_as().fetch_all(pool).await?
        }))
    }

    /// Allowances paid per month of the school year: in all, to how many, the most to one,
    /// and how many went over that year's monthly cap.
    pub async fn dashboard_allowances(
        &self,
        year: SchoolYear,
        filter: &DashboardFilter,
    ) -> StoreResult<Vec<MonthAllowances>> {
        let first = year.first_day().format("%Y-%m").to_string();
        let last = year.last_day().format("%Y-%m").to_string();
        Ok(with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT x.month, CAST(SUM(x.total) AS BIGINT) AS paid, COUNT(*) AS ambassadors, \
                 CAST(MAX(x.total) AS BIGINT) AS highest, \
                 CAST(SUM(CASE WHEN c.monthly IS NOT NULL AND x.total > c.monthly THEN 1 ELSE 0 END) AS BIGINT) AS over_cap, \
                 CAST(MAX(c.monthly) AS BIGINT) AS monthly_cap \
                 FROM (SELECT l.month, l.ambassador_id, SUM(l.amount) AS total \
                 FROM statement_lines l WHERE l.status = 'paid' AND l.month >= ",
            );
            query.push_bind(first.clone());
            query.push(" AND l.month <= ").push_bind(last.clone());
            push_ambassador_filter!(query, "l.ambassador_id", filter);
            query.push(
                " GROUP BY l.month, l.ambassador_id) x \
                 LEFT JOIN allowance_caps c ON c.year = CAST(substr(x.month, 1, 4) AS INTEGER) \
                 GROUP BY x.month ORDER BY x.month",
            );
            query.build_query_as().fetch_all(pool).await?
        }))
    }

    /// Enrolments in course sessions of the school year per course, status and attendance; with
    /// a narrowing filter, only of ambassadors placed at a school in it.
    pub async fn dashboard_training(
        &self,
        year: SchoolYear,
        filter: &DashboardFilter,
    ) -> StoreResult<Vec<TrainingCount>> {
        Ok(with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT c.id AS course_id, c.title, e.status, e.attendance, \
                 CAST(COUNT(*) AS BIGINT) AS enrolments \
                 FROM course_enrolments e JOIN course_sessions cs ON cs.id = e.session_id \
                 JOIN courses c ON c.id = cs.course_id WHERE cs.session_date >= ",
            );
            query.push_bind(year.first_day());
            query.push(" AND cs.session_date <= ").push_bind(year.last_day());
            push_ambassador_filter!(query, "e.ambassador_id", filter);
            query.push(" GROUP BY c.id, c.title, e.status, e.attendance ORDER BY c.title, c.id");
            query.build_query_as().fetch_all(pool).await?
        }))
    }

    /// Approved sponsored minutes per employer and school municipality, in the school year.
    pub async fn dashboard_employer_minutes(
        &self,
        year: SchoolYear,
        filter: &DashboardFilter,
    ) -> StoreResult<Vec<EmployerMinutes>> {
        Ok(with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT e.id AS employer_id, e.name AS employer_name, s.municipality, \
                 CAST(SUM(h.minutes) AS BIGINT) AS minutes \
                 FROM hour_entries h JOIN ambassadors a ON a.id = h.ambassador_id \
                 JOIN organisations e ON e.id = a.employer_id \
                 JOIN organisations s ON s.id = h.school_id \
                 WHERE h.kind = 'sponsored' AND h.status IN ('approved', 'locked') AND h.entry_date >= ",
            );
            query.push_bind(year.first_day());
            query.push(" AND h.entry_date <= ").push_bind(year.last_day());
            push_school_filter!(query, filter);
            query.push(" GROUP BY e.id, e.name, s.municipality ORDER BY e.name, e.id");
            query.build_query_as().fetch_all(pool).await?
        }))
    }
}
