//! Hour entries as ambassadors record them and programme staff decide on them.

use super::*;
use HourAction as A;
use HourStatus as S;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn entry(date: NaiveDate, minutes: i64, kind: HourKind, status: HourStatus) -> HourEntry {
    HourEntry {
        date,
        minutes: EntryMinutes::new(minutes).unwrap(),
        activity: HourActivity::Class,
        kind,
        status,
    }
}

#[test]
fn an_entry_is_15_minutes_to_10_hours() {
    let cases: [(i64, bool); 8] = [
        (-15, false),
        (0, false),
        (14, false),
        (15, true),
        (480, true),
        (600, true),
        (601, false),
        (i64::MAX, false),
    ];
    for (minutes, ok) in cases {
        assert_eq!(EntryMinutes::new(minutes).is_ok(), ok, "{minutes} minutes");
    }
    assert_eq!(
        EntryMinutes::new(601).unwrap_err().to_string(),
        "an hour entry of 601 minutes is not accepted; record 15 to 600 minutes (10 hours) per entry"
    );
    assert!(serde_json::from_str::<EntryMinutes>("14").is_err());
    assert_eq!(
        serde_json::to_string(&EntryMinutes::new(90).unwrap()).unwrap(),
        "90"
    );
}

#[test]
fn a_submitted_entry_is_approved_or_rejected_with_a_reason() {
    assert_eq!(S::Submitted.apply(A::Approve, None), Ok(S::Approved));
    assert_eq!(
        S::Submitted.apply(A::Reject, Some("Was ziek die dag")),
        Ok(S::Rejected)
    );
    for reason in [None, Some(""), Some("   ")] {
        assert_eq!(
            S::Submitted.apply(A::Reject, reason),
            Err(HoursError::ReasonRequired { verb: "rejected" })
        );
    }
    assert_eq!(
        S::Submitted.apply(A::Reject, None).unwrap_err().to_string(),
        "say why the hour entry is rejected: a reason is required"
    );
}

#[test]
fn a_decision_stands_until_the_entry_is_reopened_with_a_reason() {
    for decided in [S::Approved, S::Rejected] {
        for action in [A::Approve, A::Reject] {
            assert!(
                matches!(
                    decided.apply(action, Some("reden")),
                    Err(HoursError::NotFrom { .. })
                ),
                "{decided} then {action}"
            );
        }
        assert_eq!(
            decided.apply(A::Reopen, None),
            Err(HoursError::ReasonRequired { verb: "reopened" })
        );
        assert_eq!(
            decided.apply(A::Reopen, Some("Verkeerde datum")),
            Ok(S::Submitted)
        );
    }
    assert_eq!(
        S::Approved
            .apply(A::Reject, Some("x"))
            .unwrap_err()
            .to_string(),
        "an hour entry that is approved cannot be rejected; it was approved already; reopen it, with a reason, to decide again"
    );
    assert!(S::Submitted.apply(A::Reopen, Some("x")).is_err());
}

#[test]
fn a_paid_entry_is_locked_for_good() {
    assert_eq!(S::Approved.apply(A::Lock, None), Ok(S::Locked));
    assert!(S::Submitted.apply(A::Lock, None).is_err());
    assert!(S::Rejected.apply(A::Lock, None).is_err());
    for action in HourAction::ALL {
        let err = S::Locked.apply(*action, Some("reden")).unwrap_err();
        assert!(
            err.to_string().contains("correction line"),
            "{action}: {err}"
        );
    }
    assert!(!S::Locked.is_editable());
    assert!(S::Locked.counts());
}

#[test]
fn only_a_submitted_entry_can_be_edited_and_only_approved_ones_count() {
    let editable: Vec<_> = HourStatus::ALL.iter().filter(|s| s.is_editable()).collect();
    assert_eq!(editable, [&S::Submitted]);
    let counted: Vec<_> = HourStatus::ALL.iter().filter(|s| s.counts()).collect();
    assert_eq!(counted, [&S::Approved, &S::Locked]);
}

#[test]
fn the_kind_of_hours_follows_the_funding() {
    use Funding as F;
    use HourKind as K;
    let cases = [
        (F::Sponsored, None, None, Ok(K::Sponsored)),
        (F::Volunteer, None, None, Ok(K::Volunteered)),
        (F::Hybrid, None, None, Err(HoursError::KindRequired)),
        (F::Hybrid, Some(K::Sponsored), None, Ok(K::Sponsored)),
        (F::Hybrid, Some(K::Volunteered), None, Ok(K::Volunteered)),
        (F::Volunteer, Some(K::Volunteered), None, Ok(K::Volunteered)),
        (
            F::Volunteer,
            Some(K::Sponsored),
            None,
            Err(HoursError::KindChangeNeedsReason {
                funding: F::Volunteer,
                expected: K::Volunteered,
                chosen: K::Sponsored,
            }),
        ),
        (
            F::Volunteer,
            Some(K::Sponsored),
            Some("Werkgever betaalt deze studiedag"),
            Ok(K::Sponsored),
        ),
        (
            F::Sponsored,
            Some(K::Volunteered),
            Some(" "),
            Err(HoursError::KindChangeNeedsReason {
                funding: F::Sponsored,
                expected: K::Sponsored,
                chosen: K::Volunteered,
            }),
        ),
        (
            F::Sponsored,
            Some(K::Volunteered),
            Some("Vrije dag opgenomen"),
            Ok(K::Volunteered),
        ),
    ];
    for (funding, chosen, reason, expected) in cases {
        assert_eq!(
            HourKind::choose(funding, chosen, reason),
            expected,
            "{funding} choosing {chosen:?} because {reason:?}"
        );
    }
    assert_eq!(
        HourKind::choose(F::Sponsored, Some(K::Volunteered), None)
            .unwrap_err()
            .to_string(),
        "a sponsored ambassador's hours are sponsored; say why these hours are volunteered instead"
    );
    assert!(K::Sponsored.needs_reason(F::Volunteer));
    assert!(!K::Sponsored.needs_reason(F::Hybrid));
    assert!(!K::Volunteered.needs_reason(F::Volunteer));
}

#[test]
fn a_month_is_complete_when_nothing_waits_for_a_decision() {
    assert!(month_is_complete([]));
    assert!(month_is_complete([S::Approved, S::Rejected, S::Locked]));
    assert!(!month_is_complete([S::Approved, S::Submitted]));
}

#[test]
fn only_the_months_approved_and_locked_minutes_count_by_kind() {
    use HourKind as K;
    let november = CalendarMonth::new(2025, 11).unwrap();
    let entries = [
        entry(d(2025, 11, 3), 240, K::Volunteered, S::Approved),
        entry(d(2025, 11, 3), 180, K::Sponsored, S::Approved),
        entry(d(2025, 11, 10), 60, K::Volunteered, S::Locked),
        entry(d(2025, 11, 17), 120, K::Volunteered, S::Submitted),
        entry(d(2025, 11, 24), 120, K::Volunteered, S::Rejected),
        entry(d(2025, 10, 31), 480, K::Volunteered, S::Approved),
        entry(d(2025, 12, 1), 480, K::Sponsored, S::Approved),
    ];
    let minutes = MinutesByKind::counted_in(november, &entries);
    assert_eq!(
        minutes,
        MinutesByKind {
            sponsored: 180,
            volunteered: 300
        }
    );
    assert_eq!(minutes.total(), 480);
}
