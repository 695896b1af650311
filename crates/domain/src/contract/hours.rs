//! Hour entries as the API shows them: what ambassadors log and schools decide on.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::FieldError;
use crate::hours::{EntryMinutes, HourAction, HourActivity, HourKind, HourStatus};

/// A day (or part of one) at school, as the ambassador logs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct HourEntryInput {
    /// The placement the time was spent on: one where the ambassador has a confirmed or active
    /// match.
    pub placement_id: Uuid,
    /// The ambassador (programme staff logging on someone's behalf; an ambassador's own is
    /// filled in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ambassador_id: Option<Uuid>,
    /// The day: inside the placement's period, not in the future.
    pub date: NaiveDate,
    /// How long, 15 to 600 minutes.
    pub minutes: i64,
    /// What the time was spent on.
    pub activity: HourActivity,
    /// Sponsored or volunteered; follows the ambassador's arrangement when absent (a hybrid
    /// ambassador says which). Another kind than the arrangement's needs `kind_reason`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<HourKind>,
    /// Why the kind differs from the arrangement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind_reason: Option<String>,
    /// A note for the school, such as what was done.
    #[serde(default)]
    pub note: String,
    /// Why the day falls outside the usual school day: required for another weekday than the
    /// placement's, or a day in the school's holiday.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_reason: Option<String>,
}

impl HourEntryInput {
    /// Checks what needs no database: the minutes, the lengths of the texts.
    pub fn validate(&self) -> Result<(EntryMinutes, HourEntryInput), Vec<FieldError>> {
        let mut errors = Vec::new();
        let minutes = EntryMinutes::new(self.minutes).map_err(|e| FieldError {
            field: "minutes".into(),
            message: e.to_string(),
        });
        if let Err(e) = &minutes {
            errors.push(e.clone());
        }
        let reason = self
            .kind_reason
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned);
        if reason.as_ref().is_some_and(|r| r.chars().count() > 500) {
            errors.push(FieldError {
                field: "kind_reason".into(),
                message: "at most 500 characters".into(),
            });
        }
        let date_reason = self
            .date_reason
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned);
        if date_reason
            .as_ref()
            .is_some_and(|r| r.chars().count() > 500)
        {
            errors.push(FieldError {
                field: "date_reason".into(),
                message: "at most 500 characters".into(),
            });
        }
        if self.note.chars().count() > 1000 {
            errors.push(FieldError {
                field: "note".into(),
                message: "at most 1000 characters".into(),
            });
        }
        match minutes {
            Ok(minutes) if errors.is_empty() => Ok((
                minutes,
                HourEntryInput {
                    kind_reason: reason,
                    date_reason,
                    note: self.note.trim().to_owned(),
                    ..self.clone()
                },
            )),
            _ => Err(errors),
        }
    }
}

/// An hour entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HourEntry {
    /// The entry's id.
    pub id: Uuid,
    /// The ambassador.
    pub ambassador_id: Uuid,
    /// The ambassador's name.
    pub ambassador_name: String,
    /// The placement.
    pub placement_id: Uuid,
    /// The school.
    pub school_id: Uuid,
    /// The school's name.
    pub school_name: String,
    /// The day.
    pub date: NaiveDate,
    /// How long.
    pub minutes: u32,
    /// What the time was spent on.
    pub activity: HourActivity,
    /// Sponsored or volunteered.
    pub kind: HourKind,
    /// Why the kind differs from the arrangement, if it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind_reason: Option<String>,
    /// The ambassador's note.
    pub note: String,
    /// Why the day falls outside the usual school day, if it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_reason: Option<String>,
    /// Where it is: submitted, approved, rejected, or locked once paid.
    pub status: HourStatus,
    /// The reason given with the last rejection or reopening.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_reason: Option<String>,
    /// Who decided last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<DateTime<Utc>>,
    /// When it was logged.
    pub created_at: DateTime<Utc>,
}

/// A decision on an hour entry: approve, reject (with a reason), reopen (with a reason).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct HourTransition {
    /// What to do; `lock` is the statement's, not a person's.
    pub action: HourAction,
    /// Required to reject or reopen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Filters for the list of hour entries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct HourQuery {
    /// Only entries at this school.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_id: Option<Uuid>,
    /// Only this ambassador's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ambassador_id: Option<Uuid>,
    /// Only entries dated in this month, `YYYY-MM`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<String>,
    /// Only entries in this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<HourStatus>,
}

/// A school's hours in one month: complete once every entry is decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HourMonth {
    /// The school.
    pub school_id: Uuid,
    /// The month, `YYYY-MM`.
    pub month: String,
    /// Whether every entry is decided, so the month's allowances can be drawn up.
    pub complete: bool,
    /// Entries still waiting for a decision.
    pub submitted: u32,
    /// Approved (or locked) minutes that the employer pays for.
    pub sponsored_minutes: u32,
    /// Approved (or locked) minutes volunteered.
    pub volunteered_minutes: u32,
    /// The entries, by date.
    pub entries: Vec<HourEntry>,
}

/// The outcome of approving a month in one go.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkApproval {
    /// How many entries were approved.
    pub approved: u32,
    /// The month afterwards.
    pub month: HourMonth,
}
