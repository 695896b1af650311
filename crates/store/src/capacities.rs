//! What directors record about a school year's capacity.

use chrono::{DateTime, Utc};
use domain::SchoolYear;
use domain::contract::{SchoolCapacityInput, Teacher};
use uuid::Uuid;

use crate::{Store, StoreError, StoreResult, with_pool};

#[derive(sqlx::FromRow)]
struct CapacityRow {
    groups: i32,
    groups_with_intern: i32,
    groups_with_starting_teacher: i32,
    teachers: String,
    offered: Option<i32>,
    updated_at: DateTime<Utc>,
}

fn count(value: i32) -> StoreResult<u32> {
    u32::try_from(value).map_err(|_| StoreError::Corrupt(format!("a negative count: {value}")))
}

fn column(value: u32) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

impl Store {
    /// The recorded capacity of a school in a school year, with when it was saved; `None` if
    /// never recorded.
    pub async fn get_school_capacity(
        &self,
        school_id: Uuid,
        year: SchoolYear,
    ) -> StoreResult<Option<(SchoolCapacityInput, DateTime<Utc>)>> {
        let row: Option<CapacityRow> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT groups, groups_with_intern, groups_with_starting_teacher, teachers, offered, updated_at \
                 FROM school_capacities WHERE school_id = $1 AND school_year = $2",
            )
            .bind(school_id)
            .bind(year.start_year())
            .fetch_optional(pool)
            .await?
        });
        row.map(|row| {
            let teachers: Vec<Teacher> = serde_json::from_str(&row.teachers)
                .map_err(|e| StoreError::Corrupt(format!("teachers of a school capacity: {e}")))?;
            Ok((
                SchoolCapacityInput {
                    groups: count(row.groups)?,
                    groups_with_intern: count(row.groups_with_intern)?,
                    groups_with_starting_teacher: count(row.groups_with_starting_teacher)?,
                    teachers,
                    offered: row.offered.map(count).transpose()?,
                },
                row.updated_at,
            ))
        })
        .transpose()
    }

    /// Records (or replaces) a school's capacity for a school year.
    pub async fn put_school_capacity(
        &self,
        school_id: Uuid,
        year: SchoolYear,
        input: &SchoolCapacityInput,
    ) -> StoreResult<()> {
        let teachers = serde_json::to_string(&input.teachers)
            .map_err(|e| StoreError::Corrupt(format!("teachers do not serialise: {e}")))?;
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO school_capacities (school_id, school_year, groups, groups_with_intern, \
                 groups_with_starting_teacher, teachers, offered, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                 ON CONFLICT (school_id, school_year) DO UPDATE SET groups = excluded.groups, \
                 groups_with_intern = excluded.groups_with_intern, \
                 groups_with_starting_teacher = excluded.groups_with_starting_teacher, \
                 teachers = excluded.teachers, offered = excluded.offered, updated_at = excluded.updated_at",
            )
            .bind(school_id)
            .bind(year.start_year())
            .bind(column(input.groups))
            .bind(column(input.groups_with_intern))
            .bind(column(input.groups_with_starting_teacher))
            .bind(teachers)
            .bind(input.offered.map(column))
            .bind(self.now())
            .execute(pool)
            .await?;
        });
        Ok(())
    }
}
