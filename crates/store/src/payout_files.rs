//! Payout files: the approved lines of a month put together once, kept as they were made (the
//! SEPA XML byte for byte, the payments as frozen), and the link from each line to the one file
//! it went into. A line's payee (IBAN and account holder) is recorded when it is approved.

use chrono::{DateTime, NaiveDate, Utc};
use domain::calendar_month::CalendarMonth;
use domain::contract::PayoutFile;
use domain::iban::Iban;
use domain::money::Cents;
use domain::payout::PayoutLine;
use uuid::Uuid;

use crate::ambassadors::{from_json, to_json};
use crate::{BackendKind, Store, StoreError, StoreResult, with_pool};

/// An approved line of a month not yet in a payout file, with whom to pay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnfiledLine {
    /// The line.
    pub id: Uuid,
    /// The volunteer's name.
    pub ambassador_name: String,
    /// What to pay.
    pub amount: Cents,
    /// The account recorded when the line was approved (else, for a line approved without
    /// one, the account on record now).
    pub iban: Option<Iban>,
    /// The account holder recorded with it, if any.
    pub account_holder: Option<String>,
}

/// A payout file to store.
#[derive(Debug, Clone)]
pub struct NewPayoutFile {
    /// Its id.
    pub id: Uuid,
    /// The month of its lines.
    pub month: CalendarMonth,
    /// The SEPA message id.
    pub msg_id: String,
    /// The day the bank is asked to pay.
    pub execution_date: NaiveDate,
    /// Who makes it: their user id (none for a partner client) and name.
    pub created_by: Option<Uuid>,
    /// Their name.
    pub created_by_name: String,
    /// When.
    pub created_at: DateTime<Utc>,
    /// The payments, frozen.
    pub lines: Vec<PayoutLine>,
    /// The SEPA file as written, when a payout account was set.
    pub sepa_xml: Option<String>,
}

/// A stored payout file with what it holds.
#[derive(Debug, Clone)]
pub struct StoredPayoutFile {
    /// What the API shows of it.
    pub file: PayoutFile,
    /// The payments, as frozen when it was made.
    pub lines: Vec<PayoutLine>,
    /// The SEPA file as written, if one was.
    pub sepa_xml: Option<String>,
}

#[derive(sqlx::FromRow)]
struct FileRow {
    id: Uuid,
    month: String,
    msg_id: String,
    execution_date: NaiveDate,
    created_by_name: String,
    created_at: DateTime<Utc>,
    line_count: i32,
    total: i64,
    has_sepa: bool,
}

const SELECT_FILES: &str = "SELECT id, month, msg_id, execution_date, created_by_name, created_at, \
     line_count, total, (sepa_xml IS NOT NULL) AS has_sepa FROM payout_files";

fn file(row: FileRow) -> PayoutFile {
    PayoutFile {
        id: row.id,
        month: row.month,
        msg_id: row.msg_id,
        execution_date: row.execution_date,
        created_at: row.created_at,
        created_by: row.created_by_name,
        line_count: i64::from(row.line_count),
        total: Cents(row.total),
        has_sepa: row.has_sepa,
    }
}

impl Store {
    /// The approved lines of `month` with an amount that are in no payout file yet, by name.
    /// On PostgreSQL they stay locked until the transaction ends, so a second transaction
    /// asking at the same time waits and then no longer sees the lines the first put in a file
    /// (on SQLite the transaction holds the database's write lock already).
    pub async fn unfiled_payout_lines(
        &self,
        month: CalendarMonth,
    ) -> StoreResult<Vec<UnfiledLine>> {
        type Row = (Uuid, String, i64, Option<String>, Option<String>);
        let lock = match self.backend() {
            BackendKind::Postgres => " FOR UPDATE OF l",
            BackendKind::Sqlite => "",
        };
        let sql = format!(
            "SELECT l.id, a.name, l.amount, COALESCE(l.payee_iban, p.iban), \
             CASE WHEN l.payee_iban IS NULL THEN p.account_holder ELSE l.payee_name END \
             FROM statement_lines l JOIN ambassadors a ON a.id = l.ambassador_id \
             LEFT JOIN allowance_profiles p ON p.ambassador_id = l.ambassador_id \
             WHERE l.month = $1 AND l.status = 'approved' AND l.amount > 0 AND l.payout_file_id IS NULL \
             ORDER BY a.name, l.created_at, l.id{lock}"
        );
        let rows: Vec<Row> = with_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(month.to_string())
                .fetch_all(pool)
                .await?
        });
        rows.into_iter()
            .map(|(id, ambassador_name, amount, iban, account_holder)| {
                Ok(UnfiledLine {
                    id,
                    ambassador_name,
                    amount: Cents(amount),
                    iban: iban
                        .map(|i| Iban::parse(&i).map_err(|e| StoreError::Corrupt(e.to_string())))
                        .transpose()?,
                    account_holder,
                })
            })
            .collect()
    }

    /// Stores a payout file and links `line_ids` to it. `Conflict` when one of the lines is
    /// no longer an approved line outside any file (nothing is written then, as the caller's
    /// transaction rolls back).
    pub async fn add_payout_file(&self, new: &NewPayoutFile, line_ids: &[Uuid]) -> StoreResult<()> {
        let total: i64 = new.lines.iter().map(|l| l.amount.0).sum();
        let count = i32::try_from(new.lines.len())
            .map_err(|_| StoreError::Conflict("too many lines for one payout file".into()))?;
        let lines = to_json(&new.lines, "payout lines")?;
        let linked = with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO payout_files (id, month, msg_id, execution_date, created_by, created_by_name, \
                 created_at, line_count, total, lines, sepa_xml) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            )
            .bind(new.id)
            .bind(new.month.to_string())
            .bind(&new.msg_id)
            .bind(new.execution_date)
            .bind(new.created_by)
            .bind(&new.created_by_name)
            .bind(new.created_at)
            .bind(count)
            .bind(total)
            .bind(lines)
            .bind(new.sepa_xml.clone())
            .execute(&mut *pool)
            .await?;
            let mut linked = 0;
            for id in line_ids {
                linked += sqlx::query(
                    "UPDATE statement_lines SET payout_file_id = $1, version = version + 1, updated_at = $2 \
                     WHERE id = $3 AND status = 'approved' AND payout_file_id IS NULL",
                )
                .bind(new.id)
                .bind(new.created_at)
                .bind(id)
                .execute(&mut *pool)
                .await?
                .rows_affected();
            }
            linked
        });
        if usize::try_from(linked).ok() != Some(line_ids.len()) {
            return Err(StoreError::Conflict(
                "a line changed or went into another payout file meanwhile".into(),
            ));
        }
        Ok(())
    }

    /// The payout files of `month`, oldest first.
    pub async fn payout_files(&self, month: CalendarMonth) -> StoreResult<Vec<PayoutFile>> {
        let rows: Vec<FileRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_FILES);
            query.push(" WHERE month = ").push_bind(month.to_string());
            query.push(" ORDER BY created_at, id");
            query.build_query_as().fetch_all(pool).await?
        });
        Ok(rows.into_iter().map(file).collect())
    }

    /// One payout file with what it holds, or `NotFound`.
    pub async fn payout_file(&self, id: Uuid) -> StoreResult<StoredPayoutFile> {
        let (row, lines, sepa_xml): (FileRow, String, Option<String>) = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(SELECT_FILES);
            query.push(" WHERE id = ").push_bind(id);
            let row: FileRow = query.build_query_as().fetch_one(&mut *pool).await?;
            let (lines, sepa_xml): (String, Option<String>) =
                sqlx::query_as("SELECT lines, sepa_xml FROM payout_files WHERE id = $1")
                    .bind(id)
                    .fetch_one(&mut *pool)
                    .await?;
            (row, lines, sepa_xml)
        });
        Ok(StoredPayoutFile {
            file: file(row),
            lines: from_json(&lines, "payout lines")?,
            sepa_xml,
        })
    }

    /// Records whom an approved line pays: the account on record at approval.
    pub async fn set_line_payee(
        &self,
        line_id: Uuid,
        iban: Option<&Iban>,
        account_holder: Option<&str>,
    ) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query("UPDATE statement_lines SET payee_iban = $1, payee_name = $2 WHERE id = $3")
                .bind(iban.map(|i| i.as_str().to_owned()))
                .bind(account_holder)
                .bind(line_id)
                .execute(pool)
                .await?;
        });
        Ok(())
    }
}
