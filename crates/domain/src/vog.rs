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

/// Why a VOG is not valid for a placement.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VogProblem {
    /// No VOG is on record.
    #[error("no VOG is on record")]
    Missing,
    /// The VOG was refused.
    #[error("the VOG was refused")]
    Refused,
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
        /// The window, in words.
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
}
