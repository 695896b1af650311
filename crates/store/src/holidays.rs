//! School holidays per region: calendar data, loaded by migration and extended by admins.

use chrono::NaiveDate;
use domain::Region;
use domain::contract::HolidayItem;

use crate::{Store, StoreResult, with_pool};

impl Store {
    /// The holidays, by region and first day, optionally of one region.
    pub async fn list_holidays(&self, region: Option<Region>) -> StoreResult<Vec<HolidayItem>> {
        let rows: Vec<(String, String, NaiveDate, NaiveDate, bool)> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT region, name, first_day, last_day, binding FROM holidays WHERE 1 = 1",
            );
            if let Some(region) = region {
                query.push(" AND region = ").push_bind(region.as_str());
            }
            query.push(" ORDER BY region, first_day, name");
            query.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter()
            .map(|(region, name, first_day, last_day, binding)| {
                Ok(HolidayItem {
                    region: Region::parse(&region)?,
                    name,
                    first_day,
                    last_day,
                    binding,
                })
            })
            .collect()
    }

    /// Adds a holiday; `Conflict` when the region already has one with that name.
    pub async fn add_holiday(&self, holiday: &HolidayItem) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO holidays (region, name, first_day, last_day, binding) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(holiday.region.as_str())
            .bind(&holiday.name)
            .bind(holiday.first_day)
            .bind(holiday.last_day)
            .bind(holiday.binding)
            .execute(pool)
            .await?;
        });
        Ok(())
    }
}
