//! Hours: an ambassador logs a school day; the school decides on one entry or a whole month.
//! Logging locks the ambassador, so two entries for one day are added up and not both taken
//! against the same free minutes.

use chrono::{Datelike, NaiveDate};
use domain::contract::{HourEntry, HourEntryInput, HourTransition};
use domain::hours::plausibility::{self, Implausible};
use domain::hours::{HourAction, HourKind, HourStatus, HoursError};
use store::{HourFilter, Lock, NewHourEntry, Store, StoreError};
use uuid::Uuid;

use super::{actor, begin, commit_with_audit, commit_with_audit_because};
use crate::auth::Principal;
use crate::error::ErrorCode;
use crate::error::{ApiError, OrNotFound};
use crate::policy::{self, Action};
use crate::state::AppState;

/// Logs hours: an ambassador their own, programme staff on an ambassador's behalf.
pub async fn log(
    state: &AppState,
    principal: &Principal,
    input: HourEntryInput,
) -> Result<HourEntry, ApiError> {
    let tx = begin(state).await?;
    let ambassador = match (input.ambassador_id, principal) {
        (Some(id), _) => tx.get_ambassador(id).await.map_err(|e| match e {
            StoreError::NotFound => ApiError::invalid_field("ambassador_id", "no such ambassador"),
            e => e.into(),
        })?,
        (None, Principal::User(user)) => {
            tx.ambassador_of_user(user.id).await.map_err(|e| match e {
                StoreError::NotFound => ApiError::invalid_field(
                    "ambassador_id",
                    "say whose hours these are; you are no ambassador",
                ),
                e => e.into(),
            })?
        }
        (None, Principal::Client(_)) => return Err(ApiError::Forbidden),
    };
    tx.lock(Lock::Ambassador(ambassador.id)).await?;
    let school = tx
        .school_where_ambassador_works(ambassador.id, input.placement_id)
        .await?;
    policy::authorize(
        principal,
        Action::LogHours {
            owner: ambassador.user_id,
            works_there: school.is_some(),
        },
        "hours",
    )?;
    let (minutes, input) = input.validate().map_err(ApiError::invalid_fields)?;
    let Some(school_id) = school else {
        return Err(ApiError::invalid_field(
            "placement_id",
            format!(
                "{} has no confirmed or active match for this placement",
                ambassador.profile.name
            ),
        ));
    };
    let kind = HourKind::choose(
        ambassador.profile.funding,
        input.kind,
        input.kind_reason.as_deref(),
    )
    .map_err(|e| ApiError::invalid_field("kind", e.to_string()))?;
    let already_logged = tx.minutes_logged_on(ambassador.id, input.date).await?;
    check_day(state, &tx, ambassador.id, &input, minutes, already_logged).await?;
    let created = tx
        .create_hour_entry(&NewHourEntry {
            ambassador_id: ambassador.id,
            school_id,
            input: &input,
            minutes,
            kind,
        })
        .await?;
    commit_with_audit(tx, principal, "hours.log", "hour_entry", Some(created.id)).await?;
    Ok(created)
}

/// The checks a day's entry passes whether it is logged or changed: not in the future, inside
/// the placement's period, and plausible (the day not over full with `already_logged` other
/// minutes, the placement's weekday outside the holidays or a reason, the month not paid).
pub(crate) async fn check_day(
    state: &AppState,
    tx: &Store,
    ambassador_id: Uuid,
    input: &HourEntryInput,
    minutes: domain::hours::EntryMinutes,
    already_logged: u32,
) -> Result<(), ApiError> {
    let placement = tx.get_placement(input.placement_id).await?;
    if input.date > state.clock.today() {
        return Err(ApiError::invalid_field(
            "date",
            "hours are logged once they are worked; this day is still to come",
        ));
    }
    if input.date < placement.period.starts_on || input.date > placement.period.ends_on {
        return Err(ApiError::invalid_field(
            "date",
            format!(
                "{} is outside the placement's period, {} to {}",
                input.date, placement.period.starts_on, placement.period.ends_on
            ),
        ));
    }
    let holiday = holiday_on(tx, placement.region, input.date).await?;
    let month = format!("{:04}-{:02}", input.date.year(), input.date.month());
    plausibility::check(&plausibility::Day {
        date: input.date,
        minutes: minutes.get(),
        already_logged,
        weekday: placement.weekday,
        holiday: holiday.as_deref(),
        month_paid: tx.allowance_month_paid(ambassador_id, &month).await?,
        reason: input.date_reason.as_deref(),
    })
    .map_err(implausible)
}

/// Approves, rejects or reopens one entry: the school's coordinator or director, never the
/// ambassador who logged it.
pub async fn decide(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: HourTransition,
) -> Result<HourEntry, ApiError> {
    let (seen, _) = find(&state.store, id).await?;
    let tx = begin(state).await?;
    tx.lock(Lock::Ambassador(seen.ambassador_id)).await?;
    let (entry, owner) = find(&tx, id).await?;
    policy::authorize(
        principal,
        Action::DecideHours {
            school: entry.school_id,
            owner,
        },
        "hour entry",
    )?;
    let HourTransition { action, reason } = input;
    if action == HourAction::Lock {
        return Err(ApiError::invalid_field(
            "action",
            "entries are locked when the statement holding them is paid",
        ));
    }
    let reason = reason
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    if reason.as_ref().is_some_and(|r| r.chars().count() > 500) {
        return Err(ApiError::invalid_field("reason", "at most 500 characters"));
    }
    let next = entry
        .status
        .apply(action, reason.as_deref())
        .map_err(|e| match e {
            HoursError::ReasonRequired { .. } => ApiError::invalid_field("reason", e.to_string()),
            e => ApiError::Conflict {
                code: ErrorCode::InvalidTransition,
                detail: e.to_string(),
            },
        })?;
    let (_, name) = actor(&tx, principal).await?;
    let decided = tx
        .decide_hour_entry(entry.id, entry.status, next, reason.as_deref(), &name)
        .await?;
    if next == HourStatus::Rejected
        && let Some(owner) = owner
    {
        let ambassador = tx.get_user(owner).await?;
        let message = crate::review_mail::hours_rejected(
            &state.mailer,
            &ambassador.email,
            &ambassador.name,
            &decided,
            reason.as_deref().unwrap_or("-"),
        );
        state.mailer.queue(&tx, "hours.rejected", message).await?;
    }
    commit_with_audit_because(
        tx,
        principal,
        "hours.decide",
        "hour_entry",
        Some(decided.id),
        reason.as_deref(),
    )
    .await?;
    state.mailer.wake();
    Ok(decided)
}

/// Approves every submitted entry of a school's month; returns how many. Refused as a whole
/// when the month holds submitted entries of the approver's own: nobody approves their own
/// hours, and a failure to find out whose they are refuses too.
pub async fn approve_month(
    state: &AppState,
    principal: &Principal,
    school: Uuid,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<u64, ApiError> {
    policy::authorize(
        principal,
        Action::DecideHours {
            school,
            owner: None,
        },
        "school",
    )?;
    crate::routes::school_or_404(state, school).await?;
    let tx = begin(state).await?;
    let (user, name) = actor(&tx, principal).await?;
    let own = match tx.ambassador_of_user(user).await {
        Ok(ambassador) => Some(ambassador.id),
        Err(StoreError::NotFound) => None,
        Err(other) => return Err(other.into()),
    };
    if let Some(own) = own {
        let filter = HourFilter {
            school_id: Some(school),
            ambassador_id: Some(own),
            from: Some(first),
            to: Some(last),
            status: Some(HourStatus::Submitted),
            ..HourFilter::default()
        };
        if !tx.list_hour_entries(&filter, None, 1).await?.is_empty() {
            return Err(ApiError::Forbidden);
        }
    }
    let approved = tx.approve_hour_entries(school, first, last, &name).await?;
    commit_with_audit(tx, principal, "hours.approve_month", "school", Some(school)).await?;
    Ok(approved)
}

/// An entry and the user account of its ambassador.
pub(crate) async fn find(store: &Store, id: Uuid) -> Result<(HourEntry, Option<Uuid>), ApiError> {
    let entry = store.get_hour_entry(id).await.or_not_found("hour entry")?;
    let owner = store
        .hour_entry_owner(id)
        .await
        .or_not_found("hour entry")?;
    Ok((entry, owner))
}

/// The name of the school holiday of `region` that `date` falls in, as the database's calendar
/// holds it.
async fn holiday_on(
    store: &Store,
    region: domain::Region,
    date: NaiveDate,
) -> Result<Option<String>, ApiError> {
    Ok(store
        .list_holidays(Some(region))
        .await?
        .into_iter()
        .find(|h| h.first_day <= date && date <= h.last_day)
        .map(|h| h.name))
}

/// An implausible entry as the field to fix, or as a conflict when nothing in the entry can.
fn implausible(problem: Implausible) -> ApiError {
    let field = match problem {
        Implausible::DayFull { .. } => "minutes",
        Implausible::OtherWeekday { .. } | Implausible::InHoliday { .. } => "date_reason",
        Implausible::MonthPaid { .. } => {
            return ApiError::Conflict {
                code: ErrorCode::MonthPaid,
                detail: problem.to_string(),
            };
        }
    };
    ApiError::invalid_field(field, problem.to_string())
}
