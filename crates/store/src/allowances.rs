//! The volunteer allowance: caps per year, the programme's amount, each volunteer's details,
//! allowances declared from elsewhere, and statement lines.

use chrono::{DateTime, NaiveDate, Utc};
use domain::allowance::{
    AgeCategory, AllowanceCaps, AllowancePolicy, AllowanceStep, LineStatus, StatementLine,
};
use domain::calendar_month::CalendarMonth;
use domain::contract::{AllowanceProfile, DeclaredAllowance, StatementLineItem};
use domain::hours::{HourKind, HourStatus};
use domain::iban::Iban;
use domain::money::Cents;
use uuid::Uuid;

use crate::ambassadors::{from_json, to_json};
use crate::error::conflict_says;
use crate::{Store, StoreError, StoreResult, new_id, with_pool};

/// One volunteer's hours in a month, for drawing up their line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthHours {
    /// The ambassador.
    pub ambassador_id: Uuid,
    /// Their name.
    pub name: String,
    /// The placement of their first entry in the month.
    pub placement_id: Uuid,
    /// Entries still waiting for a decision.
    pub submitted: u32,
    /// Approved or locked minutes the employer pays for.
    pub sponsored: u32,
    /// Approved or locked minutes volunteered.
    pub volunteered: u32,
}

#[derive(sqlx::FromRow)]
struct LineRow {
    id: Uuid,
    ambassador_id: Uuid,
    ambassador_name: String,
    line: String,
    has_iban: bool,
    payout_file_id: Option<Uuid>,
    version: i32,
}

const SELECT_LINES: &str = "SELECT l.id, l.ambassador_id, a.name AS ambassador_name, l.line, \
     (p.iban IS NOT NULL) AS has_iban, l.payout_file_id, l.version FROM statement_lines l JOIN ambassadors a ON a.id = l.ambassador_id \
     LEFT JOIN allowance_profiles p ON p.ambassador_id = l.ambassador_id";

impl Store {
    /// The caps of every year entered, oldest first.
    pub async fn list_allowance_caps(&self) -> StoreResult<Vec<AllowanceCaps>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            year: i32,
            hourly_21_plus: i64,
            hourly_under_21: i64,
            monthly: i64,
            yearly: i64,
        }
        let rows: Vec<Row> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT year, hourly_21_plus, hourly_under_21, monthly, yearly FROM allowance_caps ORDER BY year",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|r| AllowanceCaps {
                year: r.year,
                hourly_21_plus: Cents(r.hourly_21_plus),
                hourly_under_21: Cents(r.hourly_under_21),
                monthly: Cents(r.monthly),
                yearly: Cents(r.yearly),
            })
            .collect())
    }

    /// Adds a year's caps; `Conflict` when that year has caps already.
    pub async fn add_allowance_caps(&self, caps: &AllowanceCaps) -> StoreResult<()> {
        let result = with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO allowance_caps (year, hourly_21_plus, hourly_under_21, monthly, yearly) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(caps.year)
            .bind(caps.hourly_21_plus.0)
            .bind(caps.hourly_under_21.0)
            .bind(caps.monthly.0)
            .bind(caps.yearly.0)
            .execute(pool)
            .await
            .map(|_| ())
        });
        result.map_err(|e| {
            conflict_says(e, format!("the caps for {} are entered already", caps.year))
        })
    }

    /// The programme's monthly amount over time.
    pub async fn allowance_policy(&self) -> StoreResult<AllowancePolicy> {
        let rows: Vec<(NaiveDate, i64)> = with_pool!(self, pool => {
            sqlx::query_as("SELECT valid_from, monthly FROM allowance_amounts ORDER BY valid_from")
                .fetch_all(pool)
                .await?
        });
        let steps = rows
            .into_iter()
            .map(|(valid_from, monthly)| AllowanceStep {
                valid_from,
                monthly: Cents(monthly),
            })
            .collect();
        AllowancePolicy::new(steps).map_err(|e| StoreError::Corrupt(e.to_string()))
    }

    /// A volunteer's allowance details, if recorded.
    pub async fn allowance_profile(
        &self,
        ambassador_id: Uuid,
    ) -> StoreResult<Option<AllowanceProfile>> {
        /// Age category, hourly rate, IBAN, account holder.
        type Row = (String, Option<i64>, Option<String>, Option<String>);
        let row: Option<Row> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT age_category, hourly_rate, iban, account_holder FROM allowance_profiles WHERE ambassador_id = $1",
            )
            .bind(ambassador_id)
            .fetch_optional(pool)
            .await?
        });
        row.map(|(age, rate, iban, holder)| {
            Ok(AllowanceProfile {
                age_category: AgeCategory::parse(&age)?,
                hourly_rate: rate.map(Cents),
                iban: iban
                    .map(|i| Iban::parse(&i).map_err(|e| StoreError::Corrupt(e.to_string())))
                    .transpose()?,
                account_holder: holder,
            })
        })
        .transpose()
    }

    /// Records a volunteer's allowance details, replacing earlier ones.
    pub async fn put_allowance_profile(
        &self,
        ambassador_id: Uuid,
        profile: &AllowanceProfile,
    ) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO allowance_profiles (ambassador_id, age_category, hourly_rate, iban, account_holder, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (ambassador_id) DO UPDATE SET \
                 age_category = excluded.age_category, hourly_rate = excluded.hourly_rate, iban = excluded.iban, \
                 account_holder = excluded.account_holder, updated_at = excluded.updated_at",
            )
            .bind(ambassador_id)
            .bind(profile.age_category.as_str())
            .bind(profile.hourly_rate.map(|c| c.0))
            .bind(profile.iban.as_ref().map(|i| i.as_str().to_owned()))
            .bind(profile.account_holder.clone())
            .bind(self.now())
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// Records an allowance a volunteer received elsewhere.
    pub async fn declare_allowance(
        &self,
        ambassador_id: Uuid,
        month: CalendarMonth,
        amount: Cents,
        source: &str,
    ) -> StoreResult<DeclaredAllowance> {
        let id = new_id();
        let at = self.now();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO declared_allowances (id, ambassador_id, month, amount, source, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(ambassador_id)
            .bind(month.to_string())
            .bind(amount.0)
            .bind(source)
            .bind(at)
            .execute(pool)
            .await?;
        });
        Ok(DeclaredAllowance {
            id,
            month: month.to_string(),
            amount,
            source: source.to_owned(),
            created_at: at,
        })
    }

    /// A volunteer's declared allowances in a calendar year, by month.
    pub async fn declared_allowances(
        &self,
        ambassador_id: Uuid,
        year: i32,
    ) -> StoreResult<Vec<DeclaredAllowance>> {
        let rows: Vec<(Uuid, String, i64, String, DateTime<Utc>)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, month, amount, source, created_at FROM declared_allowances \
                 WHERE ambassador_id = $1 AND month >= $2 AND month <= $3 ORDER BY month, id",
            )
            .bind(ambassador_id)
            .bind(format!("{year:04}-01"))
            .bind(format!("{year:04}-12"))
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(
                |(id, month, amount, source, created_at)| DeclaredAllowance {
                    id,
                    month,
                    amount: Cents(amount),
                    source,
                    created_at,
                },
            )
            .collect())
    }

    /// Everyone's hours in `month`, per ambassador: what a statement run draws up.
    pub async fn hours_in_month(&self, month: CalendarMonth) -> StoreResult<Vec<MonthHours>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            ambassador_id: Uuid,
            name: String,
            placement_id: Uuid,
            kind: String,
            status: String,
            minutes: i64,
        }
        let rows: Vec<Row> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT h.ambassador_id, a.name, h.placement_id, h.kind, h.status, h.minutes FROM hour_entries h \
                 JOIN ambassadors a ON a.id = h.ambassador_id \
                 WHERE h.entry_date >= $1 AND h.entry_date <= $2 ORDER BY a.name, h.ambassador_id, h.entry_date, h.id",
            )
            .bind(month.first_day())
            .bind(month.last_day())
            .fetch_all(pool)
            .await?
        });
        let mut out: Vec<MonthHours> = Vec::new();
        for row in rows {
            let status = HourStatus::parse(&row.status)?;
            let kind = HourKind::parse(&row.kind)?;
            let minutes = u32::try_from(row.minutes).unwrap_or(0);
            if out
                .last()
                .is_none_or(|m| m.ambassador_id != row.ambassador_id)
            {
                out.push(MonthHours {
                    ambassador_id: row.ambassador_id,
                    name: row.name.clone(),
                    placement_id: row.placement_id,
                    submitted: 0,
                    sponsored: 0,
                    volunteered: 0,
                });
            }
            let Some(hours) = out.last_mut() else {
                continue;
            };
            if status == HourStatus::Submitted {
                hours.submitted += 1;
            } else if status.counts() {
                match kind {
                    HourKind::Sponsored => hours.sponsored += minutes,
                    HourKind::Volunteered => hours.volunteered += minutes,
                }
            }
        }
        Ok(out)
    }

    /// Stores a new line; `Conflict` when the volunteer has a line for the month already
    /// (corrections aside).
    pub async fn add_statement_line(
        &self,
        ambassador_id: Uuid,
        line: &StatementLine,
    ) -> StoreResult<Uuid> {
        let id = new_id();
        let at = self.now();
        let result = with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO statement_lines (id, ambassador_id, month, line, amount, status, corrects, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
            )
            .bind(id)
            .bind(ambassador_id)
            .bind(line.month().to_string())
            .bind(to_json(line, "a statement line")?)
            .bind(line.amount().0)
            .bind(line.status().as_str())
            .bind(line.corrects())
            .bind(at)
            .execute(pool)
            .await
            .map(|_| ())
        });
        result
            .map(|_| id)
            .map_err(|e| conflict_says(e, "this volunteer has a line for the month already"))
    }

    /// The lines of a month, by volunteer's name; `ambassador_id` narrows to one volunteer.
    pub async fn statement_lines(
        &self,
        month: Option<CalendarMonth>,
        year: Option<i32>,
        ambassador_id: Option<Uuid>,
    ) -> StoreResult<Vec<StatementLineItem>> {
        let rows: Vec<LineRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_LINES);
            query.push(" WHERE 1 = 1");
            if let Some(month) = month {
                query.push(" AND l.month = ").push_bind(month.to_string());
            }
            if let Some(year) = year {
                query
                    .push(" AND l.month >= ")
                    .push_bind(format!("{year:04}-01"))
                    .push(" AND l.month <= ")
                    .push_bind(format!("{year:04}-12"));
            }
            if let Some(ambassador) = ambassador_id {
                query.push(" AND l.ambassador_id = ").push_bind(ambassador);
            }
            query.push(" ORDER BY l.month, a.name, l.created_at, l.id");
            query.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter().map(line_item).collect()
    }

    /// One line, or `NotFound`.
    pub async fn statement_line(&self, id: Uuid) -> StoreResult<StatementLineItem> {
        let row: LineRow = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_LINES);
            query.push(" WHERE l.id = ").push_bind(id);
            query.build_query_as().fetch_one(pool).await?
        });
        line_item(row)
    }

    /// Writes a changed line if it still has `expected_version`, and counts the version up;
    /// `None` when someone changed it in between (nothing is written then). A line that becomes
    /// paid locks the volunteer's approved hours of its month in the same transaction.
    pub async fn update_statement_line(
        &self,
        id: Uuid,
        ambassador_id: Uuid,
        expected_version: i64,
        line: &StatementLine,
    ) -> StoreResult<Option<StatementLineItem>> {
        let Ok(expected_version) = i32::try_from(expected_version) else {
            return Ok(None);
        };
        let at = self.now();
        let changed = with_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let changed = sqlx::query(
                "UPDATE statement_lines SET line = $1, amount = $2, status = $3, updated_at = $4, \
                 paid_at = CASE WHEN $3 = 'paid' THEN COALESCE(paid_at, $4) ELSE paid_at END, \
                 version = version + 1 WHERE id = $5 AND version = $6",
            )
            .bind(to_json(line, "a statement line")?)
            .bind(line.amount().0)
            .bind(line.status().as_str())
            .bind(at)
            .bind(id)
            .bind(expected_version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 1 && line.status() == LineStatus::Paid {
                sqlx::query(
                    "UPDATE hour_entries SET status = 'locked', updated_at = $1 WHERE ambassador_id = $2 \
                     AND entry_date >= $3 AND entry_date <= $4 AND status = 'approved'",
                )
                .bind(at)
                .bind(ambassador_id)
                .bind(line.month().first_day())
                .bind(line.month().last_day())
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            changed
        });
        if changed == 0 {
            return Ok(None);
        }
        self.statement_line(id).await.map(Some)
    }
}

/// A uniqueness conflict explained as `message`; any other error as it is.
fn line_item(row: LineRow) -> StoreResult<StatementLineItem> {
    Ok(StatementLineItem {
        id: row.id,
        ambassador_id: row.ambassador_id,
        ambassador_name: row.ambassador_name,
        line: from_json(&row.line, "a statement line")?,
        has_iban: row.has_iban,
        payout_file_id: row.payout_file_id,
        version: i64::from(row.version),
    })
}

impl Store {
    /// Adds a step to the programme's monthly amount; `Conflict` when one starts that day.
    pub async fn add_allowance_step(&self, step: &AllowanceStep) -> StoreResult<()> {
        let result = with_pool!(self, pool => {
            sqlx::query("INSERT INTO allowance_amounts (valid_from, monthly) VALUES ($1, $2)")
                .bind(step.valid_from)
                .bind(step.monthly.0)
                .execute(pool)
                .await
                .map(|_| ())
        });
        result.map_err(|e| {
            conflict_says(
                e,
                format!("an amount from {} is entered already", step.valid_from),
            )
        })
    }
}

impl Store {
    /// The first and last day of an ambassador's match for a placement, where known: when the
    /// placement really started and ended for them.
    pub async fn match_dates(
        &self,
        ambassador_id: Uuid,
        placement_id: Uuid,
    ) -> StoreResult<(Option<NaiveDate>, Option<NaiveDate>)> {
        let row: Option<(Option<NaiveDate>, Option<NaiveDate>)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT starts_on, ended_on FROM matches WHERE ambassador_id = $1 AND placement_id = $2 \
                 AND status IN ('confirmed', 'active', 'ended') ORDER BY id DESC LIMIT 1",
            )
            .bind(ambassador_id)
            .bind(placement_id)
            .fetch_optional(pool)
            .await?
        });
        Ok(row.unwrap_or((None, None)))
    }
}
