//! The 22-hour rule's policies: data with a validity period and a scope.

use chrono::NaiveDate;
use domain::hours_policy::HoursPolicy;

use crate::ambassadors::{from_json, to_json};
use crate::{Store, StoreResult, with_pool};

impl Store {
    /// Every policy, oldest first.
    pub async fn list_hours_policies(&self) -> StoreResult<Vec<HoursPolicy>> {
        let rows: Vec<(String, NaiveDate, Option<NaiveDate>, String, i32, String)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT name, valid_from, valid_until, municipalities, max_minutes_per_group_per_month, \
                 excluded_domains FROM hours_policies ORDER BY valid_from, name",
            )
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(
                |(name, valid_from, valid_until, municipalities, max, excluded)| {
                    Ok(HoursPolicy {
                        name,
                        valid_from,
                        valid_until,
                        municipalities: from_json(&municipalities, "a policy's municipalities")?,
                        max_minutes_per_group_per_month: u32::try_from(max).unwrap_or(0),
                        excluded_domains: from_json(&excluded, "a policy's excluded domains")?,
                    })
                },
            )
            .collect()
    }

    /// Adds a policy; `Conflict` when one with that name exists.
    pub async fn add_hours_policy(&self, policy: &HoursPolicy) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO hours_policies (name, valid_from, valid_until, municipalities, \
                 max_minutes_per_group_per_month, excluded_domains) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&policy.name)
            .bind(policy.valid_from)
            .bind(policy.valid_until)
            .bind(to_json(&policy.municipalities, "a policy's municipalities")?)
            .bind(i32::try_from(policy.max_minutes_per_group_per_month).unwrap_or(i32::MAX))
            .bind(to_json(&policy.excluded_domains, "a policy's excluded domains")?)
            .execute(pool)
            .await?;
        });
        Ok(())
    }
}
