//! Hours: what an ambassador records of a day at school, and how the school decides on it.
//!
//! An entry is *submitted* by the ambassador, then *approved* or *rejected* (with a reason) by
//! the school's internal coordinator or director (or programme staff). A decision stands:
//! deciding again first needs an explicit `reopen`, with a reason, which puts the entry back to
//! submitted. Once the month's allowance statement is paid,
//! its approved entries are *locked*: nothing changes them any more, and a mistake is put right
//! with a correction line on the statement (see [`crate::allowance`]).
//!
//! Each entry is *sponsored* (the employer pays: wages) or *volunteered* (may earn the volunteer
//! allowance). The kind follows from the ambassador's [`Funding`]; a hybrid ambassador picks
//! one per entry. Recording the other kind than the funding implies needs a reason, because it
//! moves money: a volunteered hour may earn an allowance, a sponsored one never does.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ambassador::Funding;
use crate::calendar_month::CalendarMonth;
use crate::text_enum;

text_enum! {
    /// What the time was spent on.
    pub enum HourActivity ("hour activity") {
        /// In a class, next to a teacher.
        Class = "class",
        /// At school level: surveillance, extracurricular activities, administrative work.
        SchoolTask = "school_task",
        /// Giving or preparing a lesson of a lesson series.
        Lesson = "lesson",
    }
}

text_enum! {
    /// Who pays for the time.
    pub enum HourKind ("kind of hours") {
        /// The employer pays salary for it: wages, never an allowance.
        Sponsored = "sponsored",
        /// Volunteered: counts toward the volunteer allowance.
        Volunteered = "volunteered",
    }
}

text_enum! {
    /// Where an hour entry is in its life.
    pub enum HourStatus ("hour status") {
        /// Recorded by the ambassador, waiting for a decision; the only editable status.
        Submitted = "submitted",
        /// Approved by the school: counts for statements and the allowance.
        Approved = "approved",
        /// Rejected by the school, with a reason: counts for nothing.
        Rejected = "rejected",
        /// Approved and part of a paid statement: never changes again.
        Locked = "locked",
    }
}

text_enum! {
    /// A decision on an hour entry.
    pub enum HourAction ("hour action") {
        /// submitted → approved.
        Approve = "approve",
        /// submitted → rejected. Needs a reason.
        Reject = "reject",
        /// approved or rejected → submitted, to decide again. Needs a reason.
        Reopen = "reopen",
        /// approved → locked, when the statement holding the entry is paid.
        Lock = "lock",
    }
}

/// The shortest entry: a quarter of an hour.
pub const MIN_ENTRY_MINUTES: u32 = 15;
/// The longest entry: ten hours, more than a school day.
pub const MAX_ENTRY_MINUTES: u32 = 600;

/// Why an hour entry or a decision on it is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    /// The decision does not follow from the entry's status.
    #[error("an hour entry that is {from} cannot be {verb}; {hint}")]
    NotFrom {
        /// The current status.
        from: HourStatus,
        /// The action, as a past participle.
        verb: &'static str,
        /// What can be done instead.
        hint: &'static str,
    },
    /// Rejecting and reopening need a reason.
    #[error("say why the hour entry is {verb}: a reason is required")]
    ReasonRequired {
        /// The action, as a past participle.
        verb: &'static str,
    },
    /// The entry is too short or too long.
    #[error(
        "an hour entry of {minutes} minutes is not accepted; record {MIN_ENTRY_MINUTES} to {MAX_ENTRY_MINUTES} minutes (10 hours) per entry"
    )]
    MinutesOutOfRange {
        /// The minutes given.
        minutes: i64,
    },
    /// A hybrid ambassador did not say which kind the hours are.
    #[error("say whether these hours are sponsored by the employer or volunteered")]
    KindRequired,
    /// The kind differs from what the funding implies, without a reason.
    #[error(
        "a {funding} ambassador's hours are {expected}; say why these hours are {chosen} instead"
    )]
    KindChangeNeedsReason {
        /// The ambassador's funding.
        funding: Funding,
        /// The kind the funding implies.
        expected: HourKind,
        /// The kind chosen.
        chosen: HourKind,
    },
}

/// The length of one hour entry: 15 to 600 minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "i64", into = "i64")]
pub struct EntryMinutes(u32);

impl EntryMinutes {
    /// Checks the minutes an ambassador entered.
    pub fn new(minutes: i64) -> Result<Self, HoursError> {
        match u32::try_from(minutes) {
            Ok(m) if (MIN_ENTRY_MINUTES..=MAX_ENTRY_MINUTES).contains(&m) => Ok(Self(m)),
            _ => Err(HoursError::MinutesOutOfRange { minutes }),
        }
    }

    /// The minutes.
    pub fn get(self) -> u32 {
        self.0
    }
}

impl TryFrom<i64> for EntryMinutes {
    type Error = HoursError;
    fn try_from(minutes: i64) -> Result<Self, Self::Error> {
        Self::new(minutes)
    }
}

impl From<EntryMinutes> for i64 {
    fn from(minutes: EntryMinutes) -> i64 {
        i64::from(minutes.0)
    }
}

impl HourAction {
    fn past_participle(self) -> &'static str {
        match self {
            HourAction::Approve => "approved",
            HourAction::Reject => "rejected",
            HourAction::Reopen => "reopened",
            HourAction::Lock => "locked",
        }
    }

    /// Whether the action needs a reason.
    pub fn needs_reason(self) -> bool {
        matches!(self, HourAction::Reject | HourAction::Reopen)
    }
}

impl HourStatus {
    /// The status after `action`, or why it is refused. `reason` is what the person gave.
    pub fn apply(self, action: HourAction, reason: Option<&str>) -> Result<Self, HoursError> {
        use HourAction as A;
        use HourStatus as S;
        let next = match (self, action) {
            (S::Submitted, A::Approve) => S::Approved,
            (S::Submitted, A::Reject) => S::Rejected,
            (S::Approved | S::Rejected, A::Reopen) => S::Submitted,
            (S::Approved, A::Lock) => S::Locked,
            (from, action) => {
                return Err(HoursError::NotFrom {
                    from,
                    verb: action.past_participle(),
                    hint: from.hint(),
                });
            }
        };
        if action.needs_reason() && reason.is_none_or(|r| r.trim().is_empty()) {
            return Err(HoursError::ReasonRequired {
                verb: action.past_participle(),
            });
        }
        Ok(next)
    }

    /// Whether the ambassador may still change the entry.
    pub fn is_editable(self) -> bool {
        self == HourStatus::Submitted
    }

    /// Whether the entry's minutes count for statements and the allowance.
    pub fn counts(self) -> bool {
        matches!(self, HourStatus::Approved | HourStatus::Locked)
    }

    fn hint(self) -> &'static str {
        match self {
            HourStatus::Submitted => "approve or reject it",
            HourStatus::Approved => {
                "it was approved already; reopen it, with a reason, to decide again"
            }
            HourStatus::Rejected => {
                "it was rejected already; reopen it, with a reason, to decide again"
            }
            HourStatus::Locked => {
                "it is part of a paid statement; put a mistake right with a correction line on the statement"
            }
        }
    }
}

impl HourKind {
    /// The kind an ambassador's hours are by default: none for a hybrid ambassador, who says
    /// per entry.
    pub fn default_for(funding: Funding) -> Option<HourKind> {
        match funding {
            Funding::Sponsored => Some(HourKind::Sponsored),
            Funding::Volunteer => Some(HourKind::Volunteered),
            Funding::Hybrid => None,
        }
    }

    /// Whether recording `self` for an ambassador with `funding` needs a reason.
    pub fn needs_reason(self, funding: Funding) -> bool {
        Self::default_for(funding).is_some_and(|expected| expected != self)
    }

    /// The kind of a new entry: `chosen` if given (with a `reason` when it differs from the
    /// funding's default), else the default.
    pub fn choose(
        funding: Funding,
        chosen: Option<HourKind>,
        reason: Option<&str>,
    ) -> Result<HourKind, HoursError> {
        match (Self::default_for(funding), chosen) {
            (None, None) => Err(HoursError::KindRequired),
            (Some(expected), None) => Ok(expected),
            (Some(expected), Some(chosen))
                if expected != chosen && reason.is_none_or(|r| r.trim().is_empty()) =>
            {
                Err(HoursError::KindChangeNeedsReason {
                    funding,
                    expected,
                    chosen,
                })
            }
            (_, Some(chosen)) => Ok(chosen),
        }
    }
}

/// One recorded stretch of time at school.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HourEntry {
    /// The day.
    pub date: NaiveDate,
    /// How long.
    pub minutes: EntryMinutes,
    /// What it was spent on.
    pub activity: HourActivity,
    /// Who pays for it.
    pub kind: HourKind,
    /// Where it is in its life.
    pub status: HourStatus,
}

/// A month's counted (approved or locked) minutes, by kind: the input of the allowance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MinutesByKind {
    /// Minutes the employer pays for.
    pub sponsored: u32,
    /// Minutes volunteered.
    pub volunteered: u32,
}

impl MinutesByKind {
    /// The counted minutes of `entries` dated in `month`; other months and entries that are
    /// submitted or rejected are left out.
    pub fn counted_in<'a>(
        month: CalendarMonth,
        entries: impl IntoIterator<Item = &'a HourEntry>,
    ) -> Self {
        let mut out = Self::default();
        for entry in entries {
            if entry.status.counts() && CalendarMonth::containing(entry.date) == month {
                let slot = match entry.kind {
                    HourKind::Sponsored => &mut out.sponsored,
                    HourKind::Volunteered => &mut out.volunteered,
                };
                *slot = slot.saturating_add(entry.minutes.get());
            }
        }
        out
    }

    /// Both kinds together.
    pub fn total(self) -> u32 {
        self.sponsored.saturating_add(self.volunteered)
    }
}

/// Whether a month's entries, given by their statuses, are all decided, so its statement can
/// be drawn up. A month without entries is complete.
pub fn month_is_complete(statuses: impl IntoIterator<Item = HourStatus>) -> bool {
    statuses.into_iter().all(|s| s != HourStatus::Submitted)
}

pub mod plausibility;

#[cfg(test)]
mod tests;
