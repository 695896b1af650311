//! How an allowance write says no: which versions of a line a write accepts (`If-Match`), and
//! the refusals with the facts behind them (the caps exceeded, the cents still correctable,
//! the line's current version) as problem details.

use domain::allowance::{CapBreach, CapCheck, CapKind, LineError};
use domain::contract::{ProblemDetails, StatementLineItem};

use crate::error::ApiError;
use crate::error::ErrorCode;
use crate::etag::{self, IfMatch};

pub(super) type Result<T> = std::result::Result<T, ApiError>;

/// Refuses a write whose `If-Match` names a version the line no longer has.
pub(super) fn precondition(item: &StatementLineItem, expected: &IfMatch) -> Result<()> {
    if expected.matches(&etag::of_version(item.version)) {
        return Ok(());
    }
    Err(ApiError::detailed(
        ApiError::PreconditionFailed(format!(
            "the statement line was changed by someone else in the meantime and is at version {} now; reload it, check it and try again",
            item.version
        )),
        ProblemDetails {
            current_version: Some(item.version),
            ..ProblemDetails::default()
        },
    ))
}

/// The version moved on although the line was locked: cannot happen while every writer locks
/// first, so it is reported as a conflict to retry rather than silently overwritten.
pub(super) fn changed_under_lock() -> ApiError {
    ApiError::Conflict {
        code: ErrorCode::Conflict,
        detail: "the statement line changed in the meantime; reload it".to_owned(),
    }
}

/// A refused decision as a problem: cap breaches and corrections that take back too much carry
/// their numbers in `details`.
pub(super) fn refusal(error: LineError) -> ApiError {
    let detail = error.to_string();
    match error {
        LineError::ReasonRequired { .. } => ApiError::invalid_field("reason", detail),
        LineError::NegativeAmount { .. }
        | LineError::EmptyCorrection
        | LineError::BelowZero { .. } => ApiError::invalid_field("amount", detail),
        LineError::TakesBackTooMuch { correctable, .. } => ApiError::detailed(
            ApiError::invalid_field("amount", detail),
            ProblemDetails {
                correctable: Some(correctable),
                ..ProblemDetails::default()
            },
        ),
        LineError::OverCap { breaches } => ApiError::detailed(
            ApiError::Conflict {
                code: ErrorCode::OverCap,
                detail,
            },
            ProblemDetails {
                caps: breaches.iter().map(cap_check).collect(),
                ..ProblemDetails::default()
            },
        ),
        _ => ApiError::Conflict {
            code: ErrorCode::InvalidTransition,
            detail,
        },
    }
}

fn cap_check(breach: &CapBreach) -> CapCheck {
    match *breach {
        CapBreach::MonthlyCap { total, cap } => CapCheck {
            kind: CapKind::Monthly,
            total,
            cap,
        },
        CapBreach::YearlyCap { total, cap } => CapCheck {
            kind: CapKind::Yearly,
            total,
            cap,
        },
        CapBreach::HourlyCap { rate, cap, .. } => CapCheck {
            kind: CapKind::Hourly,
            total: rate,
            cap,
        },
    }
}
