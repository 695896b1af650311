//! Which VOG reminders a person is due, on a given day. The daily sweep asks this for every
//! ambassador in the pool and sends each reminder once (it records what it sent).
//!
//! The rules, with [`crate::vog::check_records`] deciding which VOG counts (so of two VOGs of
//! one person, a renewal covers what the older one no longer does, and a later refusal counts):
//!
//! - **missing**: matched to a placement (proposed, meeting planned or confirmed) that starts
//!   within [`HORIZON_DAYS`] days, with no issued VOG on record at all;
//! - **expiring**: matched to a placement that starts within [`HORIZON_DAYS`] days, with a VOG
//!   that is valid today but will be too old on the placement's first day: it expires between
//!   now and the start;
//! - **expired**: in the pool (available, matched or active), with an issued VOG on record, but
//!   none of them valid today for the kind of school the person works at (po when unknown). Once
//!   per newest VOG: a renewal that expires later is reminded again.

use chrono::NaiveDate;
use uuid::Uuid;

use crate::SchoolType;
use crate::vog::{VogFacts, VogOutcome, VogProblem, check_records};

/// How many days before a placement's first day the reminders about it start.
pub const HORIZON_DAYS: i64 = 30;

/// A placement the person is matched to, not yet active.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UpcomingPlacement {
    /// The placement.
    pub placement_id: Uuid,
    /// po or vo: the VOG's window depends on it.
    pub school_type: SchoolType,
    /// Its first day.
    pub starts_on: NaiveDate,
}

/// A reminder due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VogReminder {
    /// No VOG on record, and the placement starts soon.
    Missing {
        /// The placement.
        placement: UpcomingPlacement,
    },
    /// The VOG on record will be too old on the placement's first day.
    Expiring {
        /// The placement.
        placement: UpcomingPlacement,
        /// The last first-day of a placement the person's VOGs still cover.
        valid_until: NaiveDate,
    },
    /// No VOG on record is valid today.
    Expired {
        /// Issue date of the newest issued VOG: what the reminder is about.
        issued_on: NaiveDate,
    },
}

impl VogReminder {
    /// The kind of message (the outbox kind and the key of what was sent).
    pub fn kind(&self) -> &'static str {
        match self {
            VogReminder::Missing { .. } => "vog.missing",
            VogReminder::Expiring { .. } => "vog.expiring",
            VogReminder::Expired { .. } => "vog.expired",
        }
    }

    /// What the reminder is about, so it is sent once: the placement, or the VOG.
    pub fn about(&self) -> String {
        match self {
            VogReminder::Missing { placement } | VogReminder::Expiring { placement, .. } => {
                placement.placement_id.to_string()
            }
            VogReminder::Expired { issued_on } => format!("vog-issued-{issued_on}"),
        }
    }
}

/// The reminders due on `today` for a person with `vogs` (in any order), matched to
/// `upcoming`, working at schools of `school_type` (the last placement's, po when unknown);
/// `in_pool` when available, matched or active.
pub fn due(
    today: NaiveDate,
    vogs: &[VogFacts],
    upcoming: &[UpcomingPlacement],
    school_type: SchoolType,
    in_pool: bool,
) -> Vec<VogReminder> {
    let issued: Vec<&VogFacts> = vogs
        .iter()
        .filter(|v| v.outcome == VogOutcome::Issued)
        .collect();
    let mut due = Vec::new();
    for placement in upcoming {
        let days = (placement.starts_on - today).num_days();
        if !(0..=HORIZON_DAYS).contains(&days) {
            continue;
        }
        if issued.is_empty() {
            due.push(VogReminder::Missing {
                placement: *placement,
            });
            continue;
        }
        let at_start = check_records(vogs, placement.school_type, placement.starts_on);
        let now = check_records(vogs, placement.school_type, today);
        if matches!(at_start, Err(VogProblem::TooOld { .. })) && now.is_ok() {
            due.push(VogReminder::Expiring {
                placement: *placement,
                valid_until: valid_until(vogs, placement.school_type, today),
            });
        }
    }
    if in_pool
        && let Some(newest) = issued.iter().map(|v| v.issued_on).max()
        && matches!(
            check_records(vogs, school_type, today),
            Err(VogProblem::TooOld { .. })
        )
    {
        due.push(VogReminder::Expired { issued_on: newest });
    }
    due
}

/// The last day, from `today` on, for which `vogs` still allow a placement of `school_type`
/// to start (`today` itself when not even today).
pub fn valid_until(vogs: &[VogFacts], school_type: SchoolType, today: NaiveDate) -> NaiveDate {
    let mut last = today;
    // A window is at most 6 months (26 weeks is shorter): 190 days bound the search.
    for ahead in 1..=190 {
        let Some(day) = today.checked_add_days(chrono::Days::new(ahead)) else {
            break;
        };
        if check_records(vogs, school_type, day).is_ok() {
            last = day;
        } else {
            break;
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn issued(on: NaiveDate) -> VogFacts {
        VogFacts {
            issued_on: on,
            seen_on: on,
            outcome: VogOutcome::Issued,
        }
    }

    fn refused(on: NaiveDate) -> VogFacts {
        VogFacts {
            outcome: VogOutcome::Refused,
            ..issued(on)
        }
    }

    const TODAY: (i32, u32, u32) = (2026, 12, 3);

    fn today() -> NaiveDate {
        d(TODAY.0, TODAY.1, TODAY.2)
    }

    fn starting_in(days: u64) -> UpcomingPlacement {
        UpcomingPlacement {
            placement_id: Uuid::from_u128(u128::from(days)),
            school_type: SchoolType::Po,
            starts_on: today() + chrono::Days::new(days),
        }
    }

    fn kinds(due: &[VogReminder]) -> Vec<&'static str> {
        due.iter().map(VogReminder::kind).collect()
    }

    #[test]
    fn a_missing_vog_is_reminded_from_thirty_days_before_the_start() {
        for (days, expected) in [
            (0, vec!["vog.missing"]),
            (29, vec!["vog.missing"]),
            (30, vec!["vog.missing"]),
            (31, vec![]),
        ] {
            let due = due(today(), &[], &[starting_in(days)], SchoolType::Po, true);
            assert_eq!(kinds(&due), expected, "starting in {days} days");
        }
        let started = UpcomingPlacement {
            starts_on: today() - chrono::Days::new(1),
            ..starting_in(0)
        };
        assert!(due(today(), &[], &[started], SchoolType::Po, true).is_empty());
    }

    #[test]
    fn a_refusal_alone_is_not_a_vog_on_record() {
        let due = due(
            today(),
            &[refused(d(2026, 11, 1))],
            &[starting_in(10)],
            SchoolType::Po,
            true,
        );
        assert_eq!(kinds(&due), ["vog.missing"]);
    }

    #[test]
    fn a_vog_that_will_be_too_old_at_the_start_is_expiring_from_thirty_days_before() {
        // Issued 2026-06-15: in po it covers starts up to 2026-12-15 (6 months).
        let expiring = [issued(d(2026, 6, 15))];
        for (days, expected) in [
            (29, vec!["vog.expiring"]),
            (30, vec!["vog.expiring"]),
            (31, vec![]),
        ] {
            let due = due(
                today(),
                &expiring,
                &[starting_in(days)],
                SchoolType::Po,
                true,
            );
            assert_eq!(kinds(&due), expected, "starting in {days} days");
        }
        // Issued 2026-07-01: it covers starts up to 2027-01-01, 29 days from today.
        let vogs = [issued(d(2026, 7, 1))];
        // Starting on the last day it covers: no reminder.
        let on_the_day = UpcomingPlacement {
            starts_on: d(2027, 1, 1),
            ..starting_in(29)
        };
        assert!(due(today(), &vogs, &[on_the_day], SchoolType::Po, true).is_empty());
        let after = UpcomingPlacement {
            starts_on: d(2027, 1, 2),
            ..starting_in(30)
        };
        let due = due(today(), &vogs, &[after], SchoolType::Po, true);
        assert_eq!(
            due,
            [VogReminder::Expiring {
                placement: after,
                valid_until: d(2027, 1, 1)
            }]
        );
    }

    #[test]
    fn of_two_vogs_the_renewal_counts() {
        let old = issued(d(2026, 5, 1));
        let renewal = issued(d(2026, 11, 20));
        let due = due(
            today(),
            &[renewal, old],
            &[starting_in(30)],
            SchoolType::Po,
            true,
        );
        assert!(due.is_empty(), "{due:?}");
        // Recorded in the other order, the same.
        let again = super::due(
            today(),
            &[old, renewal],
            &[starting_in(30)],
            SchoolType::Po,
            true,
        );
        assert!(again.is_empty());
    }

    #[test]
    fn a_vog_expires_the_day_after_the_last_start_it_covers() {
        // Issued 2026-06-03: in po it covers starts up to 2026-12-03, today.
        let vogs = [issued(d(2026, 6, 3))];
        assert!(due(today(), &vogs, &[], SchoolType::Po, true).is_empty());
        let tomorrow = today() + chrono::Days::new(1);
        assert_eq!(
            due(tomorrow, &vogs, &[], SchoolType::Po, true),
            [VogReminder::Expired {
                issued_on: d(2026, 6, 3)
            }]
        );
        // Only for people in the pool.
        assert!(due(tomorrow, &vogs, &[], SchoolType::Po, false).is_empty());
        // vo's 26 weeks are shorter than po's 6 months: it expired there already.
        assert_eq!(
            kinds(&due(today(), &vogs, &[], SchoolType::Vo, true)),
            ["vog.expired"]
        );
    }

    #[test]
    fn an_expired_vog_with_a_valid_renewal_is_no_reminder_and_a_later_refusal_is_not_expiry() {
        let vogs = [issued(d(2026, 1, 5)), issued(d(2026, 10, 1))];
        assert!(due(today(), &vogs, &[], SchoolType::Po, true).is_empty());
        let vogs = [issued(d(2026, 10, 1)), refused(d(2026, 11, 1))];
        assert!(due(today(), &vogs, &[], SchoolType::Po, true).is_empty());
    }

    #[test]
    fn what_a_reminder_is_about_keeps_it_to_once() {
        let placement = starting_in(3);
        assert_eq!(
            VogReminder::Missing { placement }.about(),
            placement.placement_id.to_string()
        );
        assert_eq!(
            VogReminder::Expired {
                issued_on: d(2026, 6, 3)
            }
            .about(),
            "vog-issued-2026-06-03"
        );
    }
}
