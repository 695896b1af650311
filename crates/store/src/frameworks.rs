//! Frameworks of core objectives: reference data, loaded by migration.

use chrono::NaiveDate;
use domain::contract::{FrameworkSummary, ObjectiveItem, ObjectiveQuery};

use crate::{Store, StoreResult, with_pool};

#[derive(sqlx::FromRow)]
struct ObjectiveRow {
    framework_code: String,
    number: i32,
    domain: String,
    sub_domain: Option<String>,
    title: String,
    only_in_province: Option<String>,
}

impl Store {
    /// Every framework, oldest first, with its number of objectives.
    pub async fn list_frameworks(&self) -> StoreResult<Vec<FrameworkSummary>> {
        let rows: Vec<(String, String, NaiveDate, Option<NaiveDate>, i64)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT f.code, f.name, f.valid_from, f.valid_until, \
                 (SELECT COUNT(*) FROM objectives o WHERE o.framework_code = f.code) \
                 FROM frameworks f ORDER BY f.valid_from, f.code",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(
                |(code, name, valid_from, valid_until, count)| FrameworkSummary {
                    code,
                    name,
                    valid_from,
                    valid_until,
                    objectives: u32::try_from(count).unwrap_or(0),
                },
            )
            .collect())
    }

    /// One framework, or `NotFound`.
    pub async fn get_framework(&self, code: &str) -> StoreResult<FrameworkSummary> {
        self.list_frameworks()
            .await?
            .into_iter()
            .find(|f| f.code == code)
            .ok_or(crate::StoreError::NotFound)
    }

    /// A framework's objectives by number, narrowed by domain and sub-domain.
    pub async fn list_objectives(
        &self,
        code: &str,
        filter: &ObjectiveQuery,
    ) -> StoreResult<Vec<ObjectiveItem>> {
        let rows: Vec<ObjectiveRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT framework_code, number, domain, sub_domain, title, only_in_province FROM objectives \
                 WHERE framework_code = ",
            );
            query.push_bind(code.to_owned());
            if let Some(domain) = &filter.domain {
                query.push(" AND domain = ").push_bind(domain.clone());
            }
            if let Some(sub_domain) = &filter.sub_domain {
                query.push(" AND sub_domain = ").push_bind(sub_domain.clone());
            }
            query.push(" ORDER BY number");
            query.build_query_as().fetch_all(pool).await?
        });
        Ok(rows
            .into_iter()
            .map(|r| ObjectiveItem {
                framework_code: r.framework_code,
                number: u32::try_from(r.number).unwrap_or(0),
                domain: r.domain,
                sub_domain: r.sub_domain,
                title: r.title,
                only_in_province: r.only_in_province,
            })
            .collect())
    }
}
