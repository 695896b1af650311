//! The certificate of conduct (*Verklaring Omtrent Gedrag*, VOG). Required for anyone who
//! teaches (WPO art. 3). Only its dates and outcome are kept, never the document.
//!
//! Its issue date may lie at most 6 months (po) or 26 weeks (vo) before it is handed to the
//! school board, which happens when the placement starts; and programme staff must have seen it
//! by then. So a VOG is valid for a placement starting on day S when it was issued, issued on or
//! before S and no longer than that window before S, and seen on or before S.

use chrono::{Days, Months, NaiveDate};

use crate::{SchoolType, text_enum};

text_enum! {
    /// What Justis decided.
    pub enum VogOutcome ("VOG outcome") {
        /// The VOG was issued.
        Issued = "issued",
        /// The VOG was refused.
        Refused = "refused",
    }
}

/// The facts of a VOG that decide its validity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VogFacts {
    /// When it was issued.
    pub issued_on: NaiveDate,
    /// When programme staff saw it.
    pub seen_on: NaiveDate,
    /// The outcome.
    pub outcome: VogOutcome,
}

/// Why a VOG is not valid for a placement. In a problem's `details` it is an object whose
/// `reason` says which case it is, with that case's dates.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum VogProblem {
    /// No VOG is on record.
    #[error("no VOG is on record")]
    Missing,
    /// The VOG was refused.
    #[error("the VOG was refused")]
    Refused,
    /// A valid VOG is on record, but a refusal was issued on or after it.
    #[error("a VOG was refused on {refused_on}, after the valid one issued on {valid_issued_on}")]
    RefusedAfterValid {
        /// Issue date of the refusal.
        refused_on: NaiveDate,
        /// Issue date of the newest VOG valid at the start.
        valid_issued_on: NaiveDate,
    },
    /// Issued after the placement starts.
    #[error("the VOG was issued on {issued_on}, after the placement starts on {starts_on}")]
    IssuedAfterStart {
        /// Issue date.
        issued_on: NaiveDate,
        /// Start of the placement.
        starts_on: NaiveDate,
    },
    /// Too old at the start.
    #[error(
        "the VOG was issued on {issued_on}; for a placement in {school_type} starting on {starts_on} it must be issued on or after {earliest} ({window} before the start)"
    )]
    TooOld {
        /// Issue date.
        issued_on: NaiveDate,
        /// Start of the placement.
        starts_on: NaiveDate,
        /// The earliest acceptable issue date.
        earliest: NaiveDate,
        /// po or vo.
        school_type: SchoolType,
        /// The window, in words (the school type says it too).
        #[serde(skip)]
        window: &'static str,
    },
    /// Seen by programme staff only after the start.
    #[error("the VOG was seen on {seen_on}, after the placement starts on {starts_on}")]
    SeenAfterStart {
        /// When it was seen.
        seen_on: NaiveDate,
        /// Start of the placement.
        starts_on: NaiveDate,
    },
}

/// The earliest issue date a VOG may have for a placement of `school_type` starting on
/// `starts_on`: 6 calendar months before in po, 26 weeks before in vo.
pub fn earliest_issue_date(school_type: SchoolType, starts_on: NaiveDate) -> NaiveDate {
    match school_type {
        SchoolType::Po => starts_on.checked_sub_months(Months::new(6)),
        SchoolType::Vo => starts_on.checked_sub_days(Days::new(26 * 7)),
    }
    .unwrap_or(NaiveDate::MIN)
}

/// Whether `vog` (the latest on record, if any) is valid for a placement of `school_type`
/// starting on `starts_on`.
pub fn check(
    vog: Option<&VogFacts>,
    school_type: SchoolType,
    starts_on: NaiveDate,
) -> Result<(), VogProblem> {
    let vog = vog.ok_or(VogProblem::Missing)?;
    if vog.outcome == VogOutcome::Refused {
        return Err(VogProblem::Refused);
    }
    if vog.issued_on > starts_on {
        return Err(VogProblem::IssuedAfterStart {
            issued_on: vog.issued_on,
            starts_on,
        });
    }
    let earliest = earliest_issue_date(school_type, starts_on);
    if vog.issued_on < earliest {
        return Err(VogProblem::TooOld {
            issued_on: vog.issued_on,
            starts_on,
            earliest,
            school_type,
            window: match school_type {
                SchoolType::Po => "6 months",
                SchoolType::Vo => "26 weeks",
            },
        });
    }
    if vog.seen_on > starts_on {
        return Err(VogProblem::SeenAfterStart {
            seen_on: vog.seen_on,
            starts_on,
        });
    }
    Ok(())
}

/// Whether the VOGs on record for one person, in any order, allow a placement of `school_type`
/// starting on `starts_on`. One VOG valid at the start is enough (a renewal issued later, or an
/// older expired VOG recorded afterwards, changes nothing), unless a refusal was issued on or
/// after the newest valid one: what was recorded last does not matter, the issue dates do.
/// Without a valid VOG, the newest by issue date explains why.
pub fn check_records(
    vogs: &[VogFacts],
    school_type: SchoolType,
    starts_on: NaiveDate,
) -> Result<(), VogProblem> {
    let newest_valid = vogs
        .iter()
        .filter(|v| check(Some(v), school_type, starts_on).is_ok())
        .max_by_key(|v| v.issued_on);
    let Some(valid) = newest_valid else {
        let newest = vogs.iter().max_by_key(|v| (v.issued_on, v.seen_on));
        return check(newest, school_type, starts_on);
    };
    let later_refusal = vogs
        .iter()
        .filter(|v| v.outcome == VogOutcome::Refused && v.issued_on >= valid.issued_on)
        .max_by_key(|v| v.issued_on);
    match later_refusal {
        Some(refusal) => Err(VogProblem::RefusedAfterValid {
            refused_on: refusal.issued_on,
            valid_issued_on: valid.issued_on,
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn issued(issued_on: NaiveDate) -> VogFacts {
        VogFacts {
            issued_on,
            seen_on: issued_on,
            outcome: VogOutcome::Issued,
        }
    }

    #[test]
    fn in_po_a_vog_may_be_six_calendar_months_old_at_the_start() {
        let start = d(2026, 9, 1);
        assert_eq!(
            check(Some(&issued(d(2026, 3, 1))), SchoolType::Po, start),
            Ok(())
        );
        let err = check(Some(&issued(d(2026, 2, 28))), SchoolType::Po, start).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the VOG was issued on 2026-02-28; for a placement in po starting on 2026-09-01 it must be issued on or after 2026-03-01 (6 months before the start)"
        );
    }

    #[test]
    fn in_vo_the_window_is_26_weeks() {
        let start = d(2026, 9, 1);
        assert_eq!(earliest_issue_date(SchoolType::Vo, start), d(2026, 3, 3));
        assert!(check(Some(&issued(d(2026, 3, 3))), SchoolType::Vo, start).is_ok());
        assert!(check(Some(&issued(d(2026, 3, 2))), SchoolType::Vo, start).is_err());
        // The same VOG is fine in po, where the window is longer.
        assert!(check(Some(&issued(d(2026, 3, 2))), SchoolType::Po, start).is_ok());
    }

    #[test]
    fn a_refused_missing_late_or_unseen_vog_is_not_valid() {
        let start = d(2027, 2, 1);
        assert_eq!(check(None, SchoolType::Po, start), Err(VogProblem::Missing));
        let refused = VogFacts {
            outcome: VogOutcome::Refused,
            ..issued(d(2027, 1, 5))
        };
        assert_eq!(
            check(Some(&refused), SchoolType::Po, start),
            Err(VogProblem::Refused)
        );
        assert!(matches!(
            check(Some(&issued(d(2027, 2, 2))), SchoolType::Po, start),
            Err(VogProblem::IssuedAfterStart { .. })
        ));
        let unseen = VogFacts {
            seen_on: d(2027, 2, 3),
            ..issued(d(2027, 1, 5))
        };
        assert!(matches!(
            check(Some(&unseen), SchoolType::Po, start),
            Err(VogProblem::SeenAfterStart { .. })
        ));
    }

    fn refused(issued_on: NaiveDate) -> VogFacts {
        VogFacts {
            outcome: VogOutcome::Refused,
            ..issued(issued_on)
        }
    }

    #[test]
    fn a_refusal_issued_after_a_valid_vog_blocks_in_whatever_order_they_were_recorded() {
        let start = d(2027, 2, 1);
        // Valid 1 October, refused 1 November, then an older valid one recorded last.
        let records = [
            issued(d(2026, 10, 1)),
            refused(d(2026, 11, 1)),
            issued(d(2026, 9, 20)),
        ];
        assert_eq!(
            check_records(&records, SchoolType::Po, start),
            Err(VogProblem::RefusedAfterValid {
                refused_on: d(2026, 11, 1),
                valid_issued_on: d(2026, 10, 1)
            })
        );
        // A refusal on the very day of the valid one blocks too: fail closed.
        let same_day = [issued(d(2026, 10, 1)), refused(d(2026, 10, 1))];
        assert!(check_records(&same_day, SchoolType::Po, start).is_err());
        // A new valid VOG issued after the refusal counts again.
        let renewed = [
            issued(d(2026, 10, 1)),
            refused(d(2026, 11, 1)),
            issued(d(2026, 12, 1)),
        ];
        assert_eq!(check_records(&renewed, SchoolType::Po, start), Ok(()));
    }

    #[test]
    fn one_vog_valid_at_the_start_is_enough() {
        let start = d(2027, 2, 1);
        // An older, expired VOG recorded after the valid one does not block.
        let expired_after = [issued(d(2026, 10, 1)), issued(d(2025, 1, 10))];
        assert_eq!(check_records(&expired_after, SchoolType::Po, start), Ok(()));
        // Nor does a renewal issued after the start.
        let renewal = [issued(d(2026, 10, 1)), issued(d(2027, 3, 1))];
        assert_eq!(check_records(&renewal, SchoolType::Po, start), Ok(()));
        // A refusal issued before the valid one is history.
        let earlier_refusal = [refused(d(2026, 8, 1)), issued(d(2026, 10, 1))];
        assert_eq!(
            check_records(&earlier_refusal, SchoolType::Po, start),
            Ok(())
        );
    }

    #[test]
    fn without_a_valid_vog_the_newest_by_issue_date_explains_why() {
        let start = d(2027, 2, 1);
        assert_eq!(
            check_records(&[], SchoolType::Po, start),
            Err(VogProblem::Missing)
        );
        let too_old = [issued(d(2026, 7, 31)), issued(d(2026, 3, 1))];
        assert!(matches!(
            check_records(&too_old, SchoolType::Po, start),
            Err(VogProblem::TooOld { issued_on, .. }) if issued_on == d(2026, 7, 31)
        ));
        // The 6-month boundary in po: 1 August is valid for a 1 February start, 31 July not.
        assert_eq!(
            check_records(&[issued(d(2026, 8, 1))], SchoolType::Po, start),
            Ok(())
        );
        assert_eq!(
            check_records(&[refused(d(2026, 10, 1))], SchoolType::Po, start),
            Err(VogProblem::Refused)
        );
    }
}
