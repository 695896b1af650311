//! The volunteer allowance's writes that touch statement lines or what counts toward the caps:
//! drawing up a month, adjusting a line, moving it on (approve, reopen, mark paid), correcting a
//! paid line, and declaring an allowance from elsewhere.
//!
//! Each runs in one transaction that locks the volunteer (and the line), reads the line and the
//! volunteer's whole calendar year again inside it, lets [`domain::allowance::decide`] decide,
//! writes with a version-conditional update, audits and commits. So the caps are checked against
//! everything approved, paid or declared at the moment money is allowed to move, and two people
//! changing one line take turns: the second is told the line changed (412) when it sent the
//! version it saw, and decides on the new state when it did not.

use domain::allowance::decide::{self, DrawUp};
use domain::allowance::{
    LedgerDeclaration, LedgerLine, LineError, MonthInput, StatementLine, YearLedger, caps_for,
    compute_line,
};
use domain::ambassador::Funding;
use domain::calendar_month::CalendarMonth;
use domain::contract::{
    DeclaredAllowance, LineAction, Statement, StatementLineItem, WaitingVolunteer,
};
use domain::hours::MinutesByKind;
use domain::money::Cents;
use store::{Lock, Store, Tx};
use uuid::Uuid;

use super::{begin, commit_with_audit};
use crate::auth::Principal;
use crate::error::ErrorCode;
use crate::error::{ApiError, OrNotFound};
use crate::etag::IfMatch;
use crate::policy::{self, Action};
use crate::state::AppState;

mod refusal;

use refusal::{Result, changed_under_lock, precondition, refusal};

/// Draws up `month`'s statement: a draft line for every volunteer whose hours of the month are
/// all decided, checked against the caps with their whole calendar year; a draft nobody
/// adjusted is drawn up afresh. Volunteers whose hours still wait are listed.
pub async fn draw_up(
    state: &AppState,
    principal: &Principal,
    month: CalendarMonth,
) -> Result<Statement> {
    policy::authorize(principal, Action::ManageAllowances, "statements")?;
    let tx = begin(state).await?;
    let all_caps = tx.list_allowance_caps().await?;
    let Some(caps) = caps_for(&all_caps, month.year()).copied() else {
        return Err(ApiError::Conflict {
            code: ErrorCode::CapsMissing,
            detail: domain::allowance::StatementError::MissingCaps { year: month.year() }
                .to_string(),
        });
    };
    let policy_amounts = tx.allowance_policy().await?;
    let mut waiting = Vec::new();
    for hours in tx.hours_in_month(month).await? {
        let Ok(ambassador) = tx.get_ambassador(hours.ambassador_id).await else {
            continue; // erased
        };
        if ambassador.profile.funding == Funding::Sponsored {
            continue;
        }
        let wait = |reason: String| WaitingVolunteer {
            ambassador_id: hours.ambassador_id,
            ambassador_name: hours.name.clone(),
            reason,
        };
        if hours.submitted > 0 {
            waiting.push(wait(format!(
                "{} hour entries wait for the school's decision",
                hours.submitted
            )));
            continue;
        }
        if hours.volunteered == 0 {
            continue;
        }
        let Some(profile) = tx.allowance_profile(ambassador.id).await? else {
            waiting.push(wait(
                "no allowance details: record the age category (and IBAN) first".to_owned(),
            ));
            continue;
        };
        tx.lock(Lock::Ambassador(ambassador.id)).await?;
        // The months the placement starts and ends in are paid pro rata: from the day the
        // ambassador's match started (else the placement's first day) to the day it ended
        // (else the placement's last day).
        let placement = tx.get_placement(hours.placement_id).await?;
        let (started, ended) = tx.match_dates(ambassador.id, hours.placement_id).await?;
        let input = MonthInput {
            month,
            caps: Some(&caps),
            policy: &policy_amounts,
            age: profile.age_category,
            hourly_rate: profile.hourly_rate,
            placement_start: started.unwrap_or(placement.period.starts_on),
            placement_end: Some(ended.unwrap_or(placement.period.ends_on)),
            minutes: MinutesByKind {
                sponsored: hours.sponsored,
                volunteered: hours.volunteered,
            },
            others: Default::default(),
        };
        let fresh = compute_line(&input).map_err(|e| ApiError::Conflict {
            code: ErrorCode::CannotCompute,
            detail: format!("{}: {e}", hours.name),
        })?;
        let ledger = ledger(&tx, ambassador.id, month.year()).await?;
        let existing = tx
            .statement_lines(Some(month), None, Some(ambassador.id))
            .await?
            .into_iter()
            .find(|l| l.line.corrects().is_none());
        match decide::draw_up(fresh, existing.as_ref().map(|l| (l.id, &l.line)), &ledger) {
            DrawUp::Add(line) => {
                tx.add_statement_line(ambassador.id, &line).await?;
            }
            DrawUp::Replace(line) => {
                if let Some(old) = existing {
                    tx.update_statement_line(old.id, ambassador.id, old.version, &line)
                        .await?
                        .ok_or_else(changed_under_lock)?;
                }
            }
            DrawUp::Keep => {}
        }
    }
    let lines = tx.statement_lines(Some(month), None, None).await?;
    commit_with_audit(tx, principal, "allowance.statement", "statement", None).await?;
    Ok(Statement {
        month: month.to_string(),
        lines,
        waiting,
    })
}

/// Sets another amount on a draft line, with the reason; the caps are checked again.
pub async fn adjust(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    expected: &IfMatch,
    amount: Cents,
    reason: &str,
) -> Result<StatementLineItem> {
    change_line(
        state,
        principal,
        id,
        expected,
        "allowance.adjust",
        |line, ledger| decide::adjust(line, id, amount, reason, ledger),
    )
    .await
}

/// Approves, reopens or marks a line paid; approving and paying check the caps again against
/// everything approved, paid or declared now.
pub async fn transition(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    expected: &IfMatch,
    action: LineAction,
    reason: &str,
) -> Result<StatementLineItem> {
    change_line(
        state,
        principal,
        id,
        expected,
        "allowance.transition",
        |line, ledger| decide::transition(line, id, action, reason, ledger),
    )
    .await
}

/// Adds a draft correction to a paid line; one taking money back is limited to what its month
/// can still give back.
pub async fn correct(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    expected: &IfMatch,
    amount: Cents,
    reason: &str,
) -> Result<StatementLineItem> {
    policy::authorize(principal, Action::ManageAllowances, "statement line")?;
    let tx = begin(state).await?;
    let (item, ledger) = locked_line(&tx, id).await?;
    precondition(&item, expected)?;
    let correction =
        decide::correct(&item.line, item.id, amount, reason, &ledger).map_err(refusal)?;
    let created = tx
        .add_statement_line(item.ambassador_id, &correction)
        .await?;
    let created = tx.statement_line(created).await?;
    commit_with_audit(
        tx,
        principal,
        "allowance.correct",
        "statement_line",
        Some(created.id),
    )
    .await?;
    Ok(created)
}

/// Records an allowance a volunteer received elsewhere: the ambassador themself or programme
/// staff. It counts toward the caps from now on, at every approval and payment.
pub async fn declare(
    state: &AppState,
    principal: &Principal,
    ambassador_id: Uuid,
    month: CalendarMonth,
    amount: Cents,
    source: &str,
) -> Result<DeclaredAllowance> {
    let tx = begin(state).await?;
    tx.lock(Lock::Ambassador(ambassador_id)).await?;
    let ambassador = tx
        .get_ambassador(ambassador_id)
        .await
        .or_not_found("ambassador")?;
    policy::authorize(
        principal,
        Action::EditAmbassador {
            owner: ambassador.user_id,
        },
        "ambassador",
    )?;
    let source = domain::allowance::ledger::declared_source(amount, source)
        .map_err(|e| ApiError::invalid_fields(vec![e]))?;
    let declared = tx
        .declare_allowance(ambassador.id, month, amount, &source)
        .await?;
    commit_with_audit(
        tx,
        principal,
        "allowance.declare",
        "ambassador",
        Some(ambassador.id),
    )
    .await?;
    Ok(declared)
}

/// The steps every change to one line shares: lock, read again, check the version, decide,
/// write if the version is still the one read, audit, commit.
async fn change_line(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    expected: &IfMatch,
    action: &'static str,
    decide: impl FnOnce(&StatementLine, &YearLedger) -> std::result::Result<StatementLine, LineError>,
) -> Result<StatementLineItem> {
    policy::authorize(principal, Action::ManageAllowances, "statement line")?;
    let tx = begin(state).await?;
    let (item, ledger) = locked_line(&tx, id).await?;
    precondition(&item, expected)?;
    let line = match decide(&item.line, &ledger) {
        Ok(line) => line,
        Err(error @ LineError::OverCap { .. }) => {
            // Refused over a cap: the line keeps the checks that refused it, so whoever
            // looks next sees it flagged instead of the checks of its draw-up.
            let flagged = decide::recheck(&item.line, item.id, &ledger);
            if flagged != item.line {
                tx.update_statement_line(item.id, item.ambassador_id, item.version, &flagged)
                    .await?
                    .ok_or_else(changed_under_lock)?;
                commit_with_audit(
                    tx,
                    principal,
                    "allowance.flag",
                    "statement_line",
                    Some(item.id),
                )
                .await?;
            }
            return Err(refusal(error));
        }
        Err(error) => return Err(refusal(error)),
    };
    use domain::allowance::LineStatus;
    if let Some(file) = item.payout_file_id
        && line.status() == LineStatus::Draft
    {
        // The file may have gone to the bank: taking the line out of it could pay it twice.
        let msg_id = tx.payout_file(file).await?.file.msg_id;
        return Err(ApiError::Conflict {
            code: ErrorCode::InvalidTransition,
            detail: format!(
                "the line is in payout file {msg_id}, which may have gone to the bank; mark it paid, and correct it if needed"
            ),
        });
    }
    let saved = tx
        .update_statement_line(item.id, item.ambassador_id, item.version, &line)
        .await?
        .ok_or_else(changed_under_lock)?;
    if line.status() == LineStatus::Approved && item.line.status() != LineStatus::Approved {
        // An approved line pays to the account on record now, whatever is entered later.
        let profile = tx.allowance_profile(item.ambassador_id).await?;
        let (iban, holder) = profile
            .map(|p| (p.iban, p.account_holder))
            .unwrap_or_default();
        tx.set_line_payee(item.id, iban.as_ref(), holder.as_deref())
            .await?;
    }
    let paid_now = item.line.status() != LineStatus::Paid && line.status() == LineStatus::Paid;
    if paid_now {
        let ambassador = tx.get_ambassador(item.ambassador_id).await?;
        if !ambassador.profile.email.is_empty() {
            let message = crate::allowance_mail::paid(
                &state.mailer,
                &ambassador.profile.email,
                &ambassador.profile.name,
                &line,
            );
            state.mailer.queue(&tx, "allowance.paid", message).await?;
        }
    }
    commit_with_audit(tx, principal, action, "statement_line", Some(item.id)).await?;
    state.mailer.wake();
    Ok(saved)
}

/// The line, read again once its volunteer and the line itself are locked, with the
/// volunteer's calendar year as it stands.
async fn locked_line(tx: &Tx, id: Uuid) -> Result<(StatementLineItem, YearLedger)> {
    let ambassador = tx
        .statement_line(id)
        .await
        .or_not_found("statement line")?
        .ambassador_id;
    tx.lock(Lock::Ambassador(ambassador)).await?;
    tx.lock(Lock::StatementLine(id)).await?;
    let item = tx.statement_line(id).await.or_not_found("statement line")?;
    let ledger = ledger(tx, ambassador, item.line.month().year()).await?;
    Ok((item, ledger))
}

/// Everything of the volunteer's calendar `year` that counts toward the caps.
async fn ledger(store: &Store, ambassador: Uuid, year: i32) -> Result<YearLedger> {
    let lines = store
        .statement_lines(None, Some(year), Some(ambassador))
        .await?
        .iter()
        .map(|item| LedgerLine {
            id: item.id,
            month: item.line.month(),
            status: item.line.status(),
            amount: item.line.amount(),
            is_correction: item.line.corrects().is_some(),
        })
        .collect();
    let declared = store
        .declared_allowances(ambassador, year)
        .await?
        .iter()
        .map(|d| {
            CalendarMonth::parse(&d.month)
                .map(|month| LedgerDeclaration {
                    month,
                    amount: d.amount,
                })
                .map_err(|e| ApiError::Unexpected(anyhow::anyhow!("declared month: {e}")))
        })
        .collect::<std::result::Result<_, _>>()?;
    Ok(YearLedger { lines, declared })
}
