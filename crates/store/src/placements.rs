//! Placements (*plekken*) and their status changes.

use chrono::{DateTime, NaiveTime, Utc};
use domain::contract::{Placement, PlacementCounts, PlacementInput, PlacementQuery};
use domain::{
    Commitment, PlacementKind, PlacementStatus, Region, SchoolTask, SchoolType, SchoolYear,
    StartMoment, Weekday,
};
use uuid::Uuid;

use crate::{Store, StoreError, StoreResult, new_id, with_pool};

/// The columns of `SELECT`, in its order.
struct PlacementRow {
    id: Uuid,
    school_id: Uuid,
    school_name: String,
    school_type: Option<String>,
    region: Option<String>,
    municipality: Option<String>,
    school_year: i32,
    start_moment: String,
    commitment: String,
    weekday: String,
    starts_at: NaiveTime,
    ends_at: NaiveTime,
    kind: String,
    group_label: Option<String>,
    teacher: Option<String>,
    task: Option<String>,
    theme: Option<String>,
    expertise: String,
    note: Option<String>,
    capacity: i32,
    status: String,
    status_reason: Option<String>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

// By position rather than by name: lists decode thousands of these, and the name lookup per
// column showed in profiles of the placement benchmark. The order is `SELECT`'s, just below.
impl<'r, R: sqlx::Row> sqlx::FromRow<'r, R> for PlacementRow
where
    usize: sqlx::ColumnIndex<R>,
    Uuid: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    Option<String>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    i32: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    NaiveTime: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    DateTime<Utc>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    fn from_row(row: &'r R) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get(0)?,
            school_id: row.try_get(1)?,
            school_name: row.try_get(2)?,
            school_type: row.try_get(3)?,
            region: row.try_get(4)?,
            municipality: row.try_get(5)?,
            school_year: row.try_get(6)?,
            start_moment: row.try_get(7)?,
            commitment: row.try_get(8)?,
            weekday: row.try_get(9)?,
            starts_at: row.try_get(10)?,
            ends_at: row.try_get(11)?,
            kind: row.try_get(12)?,
            group_label: row.try_get(13)?,
            teacher: row.try_get(14)?,
            task: row.try_get(15)?,
            theme: row.try_get(16)?,
            expertise: row.try_get(17)?,
            note: row.try_get(18)?,
            capacity: row.try_get(19)?,
            status: row.try_get(20)?,
            status_reason: row.try_get(21)?,
            created_at: row.try_get(22)?,
            updated_at: row.try_get(23)?,
        })
    }
}

impl TryFrom<PlacementRow> for Placement {
    type Error = StoreError;
    fn try_from(row: PlacementRow) -> Result<Self, Self::Error> {
        let missing =
            |what: &str| StoreError::Corrupt(format!("school {} has no {what}", row.school_id));
        let school_year = SchoolYear::starting(row.school_year)?;
        let start_moment = StartMoment::parse(&row.start_moment)?;
        let commitment = Commitment::parse(&row.commitment)?;
        Ok(Placement {
            id: row.id,
            school_id: row.school_id,
            school_type: SchoolType::parse(
                row.school_type.as_deref().ok_or_else(|| missing("type"))?,
            )?,
            region: Region::parse(row.region.as_deref().ok_or_else(|| missing("region"))?)?,
            municipality: row
                .municipality
                .clone()
                .ok_or_else(|| missing("municipality"))?,
            school_name: row.school_name,
            school_year,
            start_moment,
            commitment,
            period: domain::school_year::period(school_year, start_moment, commitment),
            weekday: Weekday::parse(&row.weekday)?,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            minutes: (row.ends_at - row.starts_at).num_minutes(),
            kind: PlacementKind::parse(&row.kind)?,
            group: row.group_label,
            teacher: row.teacher,
            task: row.task.as_deref().map(SchoolTask::parse).transpose()?,
            theme: row.theme,
            expertise: row.expertise.lines().map(str::to_owned).collect(),
            note: row.note,
            capacity: u32::try_from(row.capacity)
                .map_err(|_| StoreError::Corrupt("negative capacity".into()))?,
            status: PlacementStatus::parse(&row.status)?,
            status_reason: row.status_reason,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }
}

const SELECT: &str = "SELECT p.id, p.school_id, o.name AS school_name, o.school_type, o.region, o.municipality, \
     p.school_year, p.start_moment, p.commitment, p.weekday, p.starts_at, p.ends_at, p.kind, p.group_label, \
     p.teacher, p.task, p.theme, p.expertise, p.note, p.capacity, p.status, p.status_reason, p.created_at, \
     p.updated_at FROM placements p JOIN organisations o ON o.id = p.school_id";

/// `%text%` for LIKE, with LIKE's own wildcards escaped.
fn contains_pattern(text: &str) -> String {
    let escaped = text
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// Binds a placement's details, in the column order both the INSERT and the UPDATE use:
/// school_year through capacity.
macro_rules! bind_details {
    ($query:expr, $input:expr) => {
        $query
            .bind($input.school_year.start_year())
            .bind($input.start_moment.as_str())
            .bind($input.commitment.as_str())
            .bind($input.weekday.as_str())
            .bind($input.starts_at)
            .bind($input.ends_at)
            .bind($input.kind.as_str())
            .bind($input.group.clone())
            .bind($input.teacher.clone())
            .bind($input.task.map(|t| t.as_str()))
            .bind($input.theme.clone())
            .bind($input.expertise.join("\n"))
            .bind($input.note.clone())
            .bind(i32::try_from($input.capacity).unwrap_or(i32::MAX))
    };
}

/// A compare-and-set that changed no row lost a race with another change.
fn changed_or_conflict(changed: u64) -> StoreResult<()> {
    if changed == 0 {
        return Err(StoreError::Conflict(
            "the placement changed in the meantime; reload it".into(),
        ));
    }
    Ok(())
}

impl Store {
    /// Creates a draft placement for `school_id` from validated input.
    pub async fn create_placement(
        &self,
        school_id: Uuid,
        input: &PlacementInput,
    ) -> StoreResult<Placement> {
        let id = new_id();
        let at = self.now();
        with_pool!(self, pool => {
            bind_details!(
                sqlx::query(
                    "INSERT INTO placements (id, school_id, school_year, start_moment, commitment, weekday, \
                     starts_at, ends_at, kind, group_label, teacher, task, theme, expertise, note, capacity, \
                     status, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)",
                )
                .bind(id)
                .bind(school_id),
                input
            )
            .bind(PlacementStatus::Draft.as_str())
            .bind(at)
            .execute(pool)
            .await?;
        });
        self.get_placement(id).await
    }

    /// One placement, or `NotFound`.
    pub async fn get_placement(&self, id: Uuid) -> StoreResult<Placement> {
        let row: PlacementRow = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT);
            query.push(" WHERE p.id = ").push_bind(id);
            query.build_query_as().fetch_one(pool).await?
        });
        row.try_into()
    }

    /// Replaces a placement's details, if its status is still `expected`. Returns `Conflict` when
    /// the status changed in the meantime.
    pub async fn update_placement(
        &self,
        id: Uuid,
        expected: PlacementStatus,
        input: &PlacementInput,
    ) -> StoreResult<Placement> {
        let changed = with_pool!(self, pool => {
            bind_details!(
                sqlx::query(
                    "UPDATE placements SET school_year = $1, start_moment = $2, commitment = $3, weekday = $4, \
                     starts_at = $5, ends_at = $6, kind = $7, group_label = $8, teacher = $9, task = $10, \
                     theme = $11, expertise = $12, note = $13, capacity = $14, updated_at = $15 \
                     WHERE id = $16 AND status = $17",
                ),
                input
            )
            .bind(self.now())
            .bind(id)
            .bind(expected.as_str())
            .execute(pool)
            .await?
            .rows_affected()
        });
        changed_or_conflict(changed)?;
        self.get_placement(id).await
    }

    /// Moves a placement from `from` to `to`, if it is still in `from`; records the reason for
    /// closing or cancelling (and clears it otherwise).
    pub async fn set_placement_status(
        &self,
        id: Uuid,
        from: PlacementStatus,
        to: PlacementStatus,
        reason: Option<&str>,
    ) -> StoreResult<Placement> {
        let changed = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE placements SET status = $1, status_reason = $2, updated_at = $3 \
                 WHERE id = $4 AND status = $5",
            )
            .bind(to.as_str())
            .bind(reason.map(str::to_owned))
            .bind(self.now())
            .bind(id)
            .bind(from.as_str())
            .execute(pool)
            .await?
            .rows_affected()
        });
        changed_or_conflict(changed)?;
        self.get_placement(id).await
    }

    /// The version of what the placement list shows: it rises with every committed change to
    /// placements, organisations or memberships (database triggers keep it). A list page built
    /// after reading version `v` is current for as long as the version is still `v`.
    pub async fn placements_list_version(&self) -> StoreResult<i64> {
        Ok(with_pool!(self, pool => {
            sqlx::query_scalar("SELECT version FROM list_versions WHERE name = 'placements'")
                .fetch_one(pool)
                .await?
        }))
    }

    /// A page of placements in id (creation) order, after `after`, at most `limit`, narrowed by
    /// `filter` and, with `member`, to the schools in which that user holds a role. Only the
    /// filters given become SQL, so each query can use the index that fits it.
    pub async fn list_placements(
        &self,
        filter: &PlacementQuery,
        member: Option<Uuid>,
        after: Option<Uuid>,
        limit: u32,
    ) -> StoreResult<Vec<Placement>> {
        let rows: Vec<PlacementRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT);
            query.push(" WHERE 1 = 1");
            if let Some(year) = filter.school_year {
                query.push(" AND p.school_year = ").push_bind(year.start_year());
            }
            if let Some(moment) = filter.start_moment {
                query.push(" AND p.start_moment = ").push_bind(moment.as_str());
            }
            if let Some(weekday) = filter.weekday {
                query.push(" AND p.weekday = ").push_bind(weekday.as_str());
            }
            if let Some(kind) = filter.kind {
                query.push(" AND p.kind = ").push_bind(kind.as_str());
            }
            if let Some(status) = filter.status {
                query.push(" AND p.status = ").push_bind(status.as_str());
            }
            if let Some(school_id) = filter.school_id {
                query.push(" AND p.school_id = ").push_bind(school_id);
            }
            if let Some(user) = member {
                query
                    .push(" AND p.school_id IN (SELECT organisation_id FROM memberships WHERE user_id = ")
                    .push_bind(user)
                    .push(")");
            }
            if let Some(school_type) = filter.school_type {
                query.push(" AND o.school_type = ").push_bind(school_type.as_str());
            }
            if let Some(region) = filter.region {
                query.push(" AND o.region = ").push_bind(region.as_str());
            }
            if let Some(municipality) = &filter.municipality {
                query.push(" AND LOWER(o.municipality) = ").push_bind(municipality.to_lowercase());
            }
            if let Some(text) = &filter.expertise {
                let pattern = contains_pattern(text);
                query
                    .push(" AND (LOWER(p.expertise) LIKE ")
                    .push_bind(pattern.clone())
                    .push(" ESCAPE '\\' OR LOWER(COALESCE(p.theme, '')) LIKE ")
                    .push_bind(pattern)
                    .push(" ESCAPE '\\')");
            }
            if let Some(after) = after {
                query.push(" AND p.id > ").push_bind(after);
            }
            query.push(" ORDER BY p.id LIMIT ").push_bind(i64::from(limit));
            query.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter().map(TryInto::try_into).collect()
    }

    /// How many of a school's placements in a school year are in each status.
    pub async fn count_placements(
        &self,
        school_id: Uuid,
        year: SchoolYear,
    ) -> StoreResult<PlacementCounts> {
        let rows: Vec<(String, i64)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT status, COUNT(*) FROM placements WHERE school_id = $1 AND school_year = $2 GROUP BY status",
            )
            .bind(school_id)
            .bind(year.start_year())
            .fetch_all(pool)
            .await?
        });
        let mut counts = PlacementCounts::default();
        for (status, count) in rows {
            let count = u32::try_from(count).unwrap_or(u32::MAX);
            match PlacementStatus::parse(&status)? {
                PlacementStatus::Draft => counts.draft = count,
                PlacementStatus::Open => counts.open = count,
                PlacementStatus::Proposed => counts.proposed = count,
                PlacementStatus::Filled => counts.filled = count,
                PlacementStatus::Closed => counts.closed = count,
                PlacementStatus::Cancelled => counts.cancelled = count,
            }
        }
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::contains_pattern;

    #[test]
    fn like_wildcards_in_search_text_are_taken_literally() {
        assert_eq!(contains_pattern("50%_Tech\\"), "%50\\%\\_tech\\\\%");
    }
}
