//! The 22-hour rule: how much a group may be taught by professionals without a teaching
//! qualification, and which subjects they may not teach.
//!
//! Under the G5 experiment (Stcrt. 2020, 26759) a pupil gets at most 22 hours a month of lessons
//! from such professionals, and they may not teach Nederlands, rekenen/wiskunde or
//! bewegingsonderwijs. The rule is a policy with a validity period and a scope (municipalities),
//! so a follow-up rule is another [`HoursPolicy`] rather than a code change.
//!
//! Months are calendar months of the lesson dates. Every lesson for the group counts, whichever
//! ambassador gives it. Only the months a change touches are checked, so a month that is already
//! over the limit (for example after a policy change) does not block changes elsewhere.

use chrono::{Datelike, NaiveDate};
use uuid::Uuid;

use crate::kerndoelen::Domain;

/// The default monthly limit: 22 hours.
pub const DEFAULT_MAX_MINUTES_PER_MONTH: u32 = 22 * 60;

/// The subjects professionals without a teaching qualification may not teach, by default.
pub const DEFAULT_EXCLUDED_DOMAINS: [Domain; 3] = [
    Domain::Nederlands,
    Domain::RekenenWiskunde,
    Domain::Bewegingsonderwijs,
];

/// A limit on lessons by professionals without a teaching qualification.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct HoursPolicy {
    /// A name people recognise, shown in refusals.
    pub name: String,
    /// The first day it applies.
    pub valid_from: NaiveDate,
    /// The last day it applies, if it ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<NaiveDate>,
    /// The municipalities whose schools it applies to.
    pub municipalities: Vec<String>,
    /// The most minutes of such lessons one group may get in a calendar month.
    pub max_minutes_per_group_per_month: u32,
    /// Subjects such professionals may not teach.
    pub excluded_domains: Vec<Domain>,
}

impl HoursPolicy {
    /// The G5 experiment. It is taken to start with the school year 2020-2021 (1 August 2020)
    /// and ran to 31 July 2024.
    pub fn g5_experiment() -> Self {
        Self {
            name: "G5-experiment (Stcrt. 2020, 26759)".to_string(),
            valid_from: date(2020, 8, 1),
            valid_until: Some(date(2024, 7, 31)),
            municipalities: ["Amsterdam", "Almere", "Den Haag", "Rotterdam", "Utrecht"]
                .map(String::from)
                .to_vec(),
            max_minutes_per_group_per_month: DEFAULT_MAX_MINUTES_PER_MONTH,
            excluded_domains: DEFAULT_EXCLUDED_DOMAINS.to_vec(),
        }
    }

    /// Checks a policy programme staff enter; returns it tidied or every problem, by field.
    pub fn validate(&self) -> Result<HoursPolicy, Vec<crate::contract::FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field: &str, message: &str| {
            errors.push(crate::contract::FieldError {
                field: field.to_owned(),
                message: message.to_owned(),
            })
        };
        let name = self.name.trim().to_owned();
        if name.is_empty() || name.chars().count() > 200 {
            fail("name", "1 to 200 characters");
        }
        if self
            .valid_until
            .is_some_and(|until| until < self.valid_from)
        {
            fail("valid_until", "cannot be before valid_from");
        }
        let mut municipalities: Vec<String> = Vec::new();
        for m in self
            .municipalities
            .iter()
            .map(|m| m.trim())
            .filter(|m| !m.is_empty())
        {
            if !municipalities.iter().any(|k| k.eq_ignore_ascii_case(m)) {
                municipalities.push(m.to_owned());
            }
        }
        if municipalities.is_empty() {
            fail(
                "municipalities",
                "name at least one municipality the policy applies to",
            );
        }
        if !(60..=10_000).contains(&self.max_minutes_per_group_per_month) {
            fail("max_minutes_per_group_per_month", "60 to 10000 minutes");
        }
        let mut excluded = self.excluded_domains.clone();
        excluded.sort();
        excluded.dedup();
        if errors.is_empty() {
            Ok(HoursPolicy {
                name,
                municipalities,
                excluded_domains: excluded,
                ..self.clone()
            })
        } else {
            Err(errors)
        }
    }

    /// Whether it applies to a lesson on `date` at a school in `municipality`.
    pub fn applies(&self, municipality: &str, date: NaiveDate) -> bool {
        let municipality = municipality.trim();
        self.valid_from <= date
            && self.valid_until.is_none_or(|until| date <= until)
            && self
                .municipalities
                .iter()
                .any(|m| m.trim().eq_ignore_ascii_case(municipality))
    }
}

/// The strictest of `policies` applying to a school in `municipality` on some day of the month
/// that starts on `first_day`: the limit a month's overview shows.
pub fn strictest_in_month<'a>(
    policies: &'a [HoursPolicy],
    municipality: &str,
    first_day: NaiveDate,
) -> Option<&'a HoursPolicy> {
    let days: Vec<NaiveDate> = first_day
        .iter_days()
        .take_while(|d| d.month() == first_day.month())
        .collect();
    policies
        .iter()
        .filter(|p| days.iter().any(|d| p.applies(municipality, *d)))
        .min_by_key(|p| p.max_minutes_per_group_per_month)
}

/// One lesson planned for a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupLesson {
    /// The lesson's identity: a proposed lesson with the id of a scheduled one moves it.
    pub id: Uuid,
    /// The ambassador giving it (every ambassador's lessons count alike).
    pub ambassador_id: Uuid,
    /// The day.
    pub date: NaiveDate,
    /// Its length.
    pub minutes: u32,
    /// The learning areas of its lesson series.
    pub domains: Vec<Domain>,
}

/// Why a change to a group's lessons is refused; sent with the refusal as the problem's
/// `details.hours_policy`, so a client can say it in its own words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HoursPolicyError {
    /// The group would get more lesson time in a month than the policy allows.
    #[error(
        "{group} would get {} of lessons from professionals without a teaching qualification in {}; the limit is {} a month ({policy})",
        hours_text(*planned_minutes),
        month_text(*year, *month),
        hours_text(*limit_minutes)
    )]
    MonthlyLimitExceeded {
        /// The group's label.
        group: String,
        /// The calendar year.
        year: i32,
        /// The month, 1–12.
        month: u32,
        /// The minutes planned in that month, the change included.
        planned_minutes: u32,
        /// The policy's limit.
        limit_minutes: u32,
        /// The policy's name.
        policy: String,
    },
    /// The lesson teaches a subject the policy keeps for qualified teachers.
    #[error(
        "the lesson for {group} on {date} teaches {}, which professionals without a teaching qualification may not teach ({policy})",
        domain.name()
    )]
    ExcludedDomain {
        /// The group's label.
        group: String,
        /// The lesson's date.
        date: NaiveDate,
        /// The subject.
        domain: Domain,
        /// The policy's name.
        policy: String,
    },
}

/// Checks `proposed` lessons for `group` of a school in `municipality` against every policy
/// that applies. `scheduled` holds the group's lessons by every ambassador; a proposed lesson
/// whose id is already scheduled replaces it (a move), any other is added.
pub fn check_group_lessons(
    policies: &[HoursPolicy],
    municipality: &str,
    group: &str,
    scheduled: &[GroupLesson],
    proposed: &[GroupLesson],
) -> Result<(), HoursPolicyError> {
    let after: Vec<&GroupLesson> = scheduled
        .iter()
        .filter(|s| !proposed.iter().any(|p| p.id == s.id))
        .chain(proposed)
        .collect();
    for policy in policies {
        for lesson in proposed
            .iter()
            .filter(|l| policy.applies(municipality, l.date))
        {
            if let Some(domain) = lesson
                .domains
                .iter()
                .find(|d| policy.excluded_domains.contains(d))
            {
                return Err(HoursPolicyError::ExcludedDomain {
                    group: group.to_string(),
                    date: lesson.date,
                    domain: *domain,
                    policy: policy.name.clone(),
                });
            }
        }
        let mut months: Vec<(i32, u32)> = proposed
            .iter()
            .filter(|l| policy.applies(municipality, l.date))
            .map(|l| (l.date.year(), l.date.month()))
            .collect();
        months.sort_unstable();
        months.dedup();
        for (year, month) in months {
            let planned_minutes: u32 = after
                .iter()
                .filter(|l| (l.date.year(), l.date.month()) == (year, month))
                .filter(|l| policy.applies(municipality, l.date))
                .map(|l| l.minutes)
                .sum();
            if planned_minutes > policy.max_minutes_per_group_per_month {
                return Err(HoursPolicyError::MonthlyLimitExceeded {
                    group: group.to_string(),
                    year,
                    month,
                    planned_minutes,
                    limit_minutes: policy.max_minutes_per_group_per_month,
                    policy: policy.name.clone(),
                });
            }
        }
    }
    Ok(())
}

fn hours_text(minutes: u32) -> String {
    let unit = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (minutes / 60, minutes % 60) {
        (0, m) => unit(m, "minute", "minutes"),
        (h, 0) => unit(h, "hour", "hours"),
        (h, m) => format!(
            "{} {}",
            unit(h, "hour", "hours"),
            unit(m, "minute", "minutes")
        ),
    }
}

/// The month as schools write it: `november 2026`.
fn month_text(year: i32, month: u32) -> String {
    crate::calendar_month::CalendarMonth::new(year, month)
        .map(|m| m.dutch())
        .unwrap_or_else(|_| format!("{year}-{month:02}"))
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    // Only called with fixed, valid dates.
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests;
