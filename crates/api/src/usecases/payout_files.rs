//! Payout files: making one of a month's approved lines that are in no file yet, and reading
//! the files made before.
//!
//! Making a file decides and writes in one transaction: it takes the month's approved lines
//! that are in no file (locked on PostgreSQL, under the write lock on SQLite), freezes whom
//! each pays (the account recorded at approval), writes the SEPA file once and stores it with
//! the link from every line to it. Two people making a file at once take turns, and the second
//! finds only the lines the first left, so a line is in exactly one file. A file never changes:
//! downloaded again, it is the same SEPA XML, and the same CSV of the same payments.

use chrono::{Duration, NaiveDate};
use domain::calendar_month::CalendarMonth;
use domain::contract::ProblemDetails;
use domain::payout::business_day::{closed_because, next_business_day};
use domain::payout::{CreditTransfer, PayoutLine, write_csv, write_pain001};
use store::{NewPayoutFile, StoredPayoutFile};
use uuid::Uuid;

use super::{actor, begin, commit_with_audit};
use crate::error::{ApiError, ErrorCode, OrNotFound};
use crate::policy::{self, Action};
use crate::state::AppState;

/// Whether the caller needs the SEPA file of what they make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// The SEPA file: refused without a payout account.
    Sepa,
    /// The CSV only: made without a SEPA file when no payout account is set.
    Any,
}

/// Makes a payout file of `month`'s approved lines that are in no file yet, paid on
/// `execution_date` (tomorrow or the first business day after it when absent).
pub async fn make(
    state: &AppState,
    principal: &crate::auth::Principal,
    month: CalendarMonth,
    execution_date: Option<NaiveDate>,
    needs: Needs,
) -> Result<StoredPayoutFile, ApiError> {
    policy::authorize(principal, Action::ManageAllowances, "statements")?;
    let account = state.payout_account.clone();
    if account.is_none() && needs == Needs::Sepa {
        return Err(account_missing());
    }
    let execution_date = execution_date_or_refusal(state, execution_date)?;
    let (created_by, created_by_name) = actor(&state.store, principal).await?;
    let tx = begin(state).await?;
    let unfiled = tx.unfiled_payout_lines(month).await?;
    if unfiled.is_empty() {
        return Err(nothing_to_pay(&tx, month).await?);
    }
    let missing: Vec<&str> = unfiled
        .iter()
        .filter(|l| l.iban.is_none())
        .map(|l| l.ambassador_name.as_str())
        .collect();
    if !missing.is_empty() {
        return Err(ApiError::Conflict {
            code: ErrorCode::IbanMissing,
            detail: format!(
                "no IBAN on record for {}; record it in their allowance details first",
                missing.join(", ")
            ),
        });
    }
    let line_ids: Vec<Uuid> = unfiled.iter().map(|l| l.id).collect();
    let lines: Vec<PayoutLine> = unfiled
        .into_iter()
        .filter_map(|l| {
            let iban = l.iban?;
            Some(PayoutLine {
                end_to_end_id: format!("KB{}", l.id.simple()).chars().take(35).collect(),
                name: l.account_holder.unwrap_or(l.ambassador_name),
                iban: Some(iban),
                amount: l.amount,
                description: format!("Vrijwilligersvergoeding {}", month.dutch()),
            })
        })
        .collect();
    // The CSV is written from the frozen lines whenever it is downloaded; refuse now what it
    // could not carry.
    write_csv(&lines, domain::CsvDialect::Dutch).map_err(|e| ApiError::Unexpected(e.into()))?;
    let id = Uuid::now_v7();
    // Unique per file, also for two files made in the same second: 35 characters.
    let msg_id = format!("KB-{}", id.simple());
    let created_at = state.clock.now();
    let sepa_xml = match account {
        Some(account) => Some(
            write_pain001(&CreditTransfer {
                message_id: msg_id.clone(),
                created_at,
                execution_date,
                debtor_name: account.name,
                debtor_iban: account.iban,
                debtor_bic: None,
                lines: lines.clone(),
            })
            .map_err(|e| ApiError::Unexpected(e.into()))?,
        ),
        None => None,
    };
    tx.add_payout_file(
        &NewPayoutFile {
            id,
            month,
            msg_id,
            execution_date,
            created_by: Some(created_by),
            created_by_name,
            created_at,
            lines,
            sepa_xml,
        },
        &line_ids,
    )
    .await?;
    let made = tx.payout_file(id).await?;
    commit_with_audit(tx, principal, "allowance.payout", "payout_file", Some(id)).await?;
    Ok(made)
}

/// The payout files of `month`, oldest first (programme staff).
pub async fn list(
    state: &AppState,
    principal: &crate::auth::Principal,
    month: CalendarMonth,
) -> Result<Vec<domain::contract::PayoutFile>, ApiError> {
    policy::authorize(principal, Action::ManageAllowances, "statements")?;
    Ok(state.store.payout_files(month).await?)
}

/// A payout file of `month` made before, to download again (programme staff); the download is
/// audited, as the first was.
pub async fn fetch(
    state: &AppState,
    principal: &crate::auth::Principal,
    month: CalendarMonth,
    id: Uuid,
) -> Result<StoredPayoutFile, ApiError> {
    policy::authorize(principal, Action::ManageAllowances, "statements")?;
    let stored = state
        .store
        .payout_file(id)
        .await
        .or_not_found("payout file")?;
    if stored.file.month != month.to_string() {
        return Err(ApiError::NotFound("payout file"));
    }
    crate::routes::audit(
        &state.store,
        principal,
        "allowance.payout_download",
        "payout_file",
        Some(id),
    )
    .await?;
    Ok(stored)
}

/// The refusal for a payout without a payout account.
pub fn account_missing() -> ApiError {
    ApiError::Conflict {
        code: ErrorCode::PayoutAccountMissing,
        detail: "set KLASBRUG_PAYOUT_IBAN (and KLASBRUG_PAYOUT_NAME) to the account allowances are paid from".to_owned(),
    }
}

/// The execution date asked for, or tomorrow (or the first business day after it); refused
/// when it has passed or TARGET2 is closed that day, naming the next business day.
fn execution_date_or_refusal(
    state: &AppState,
    asked: Option<NaiveDate>,
) -> Result<NaiveDate, ApiError> {
    let today = state.clock.today();
    let day = asked.unwrap_or_else(|| next_business_day(today + Duration::days(1)));
    if day < today {
        return Err(ApiError::invalid_field(
            "execution_date",
            "the bank cannot pay on a day that has passed",
        ));
    }
    if let Some(closed) = closed_because(day) {
        return Err(ApiError::invalid_field(
            "execution_date",
            format!(
                "{day} is {closed}, when banks do not execute SEPA transfers (TARGET2 is closed); the next business day is {}",
                next_business_day(day)
            ),
        ));
    }
    Ok(day)
}

/// `nothing_to_pay`, naming the month's earlier files so the office can download again the one
/// it paid with.
async fn nothing_to_pay(store: &store::Store, month: CalendarMonth) -> Result<ApiError, ApiError> {
    let files = store.payout_files(month).await?;
    if files.is_empty() {
        return Ok(ApiError::Conflict {
            code: ErrorCode::NothingToPay,
            detail: format!("no approved lines with an amount for {month}"),
        });
    }
    let detail = {
        format!(
            "every approved line of {month} is in a payout file already ({}); download one of those again",
            files
                .iter()
                .map(|f| f.msg_id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    Ok(ApiError::detailed(
        ApiError::Conflict {
            code: ErrorCode::NothingToPay,
            detail,
        },
        ProblemDetails {
            payout_files: files,
            ..ProblemDetails::default()
        },
    ))
}
