//! Requests of a data subject (AVG art. 15–17): to see one's data, or to have it erased; how
//! a request moves, and what erasure keeps and why.
//!
//! The controller answers "without undue delay and in any event within one month of receipt"
//! (AVG art. 12(3)). A month runs to the same day of the next month; where that month is shorter,
//! to its last day (31 January → 28 or 29 February), as the EDPB reads it and as chrono adds
//! months.

use chrono::{Months, NaiveDate};

use crate::contract::{KeptRecord, PrivacyRequestStatus};
use crate::date_words::DUTCH;
use crate::retention::{RetentionPeriod, RetentionSettings};

/// The last day to answer a request received on `received` (an Amsterdam date).
pub fn answer_due(received: NaiveDate) -> NaiveDate {
    received
        .checked_add_months(Months::new(1))
        .unwrap_or(NaiveDate::MAX)
}

/// The longest note a person or staff member adds to a request, in characters.
pub const MAX_NOTE: usize = 1000;
/// The longest answer staff give, in characters.
pub const MAX_ANSWER: usize = 2000;

/// Whether a request is still waiting for an answer.
pub fn is_open(status: PrivacyRequestStatus) -> bool {
    matches!(
        status,
        PrivacyRequestStatus::Received | PrivacyRequestStatus::InProgress
    )
}

/// Whether a request may move from `from` to `to`: taken up once, answered or refused while
/// open; an answered or refused request is final.
pub fn may_move(from: PrivacyRequestStatus, to: PrivacyRequestStatus) -> bool {
    use PrivacyRequestStatus::{Done, InProgress, Received, Refused};
    matches!(
        (from, to),
        (Received, InProgress) | (Received | InProgress, Done | Refused)
    )
}

/// Whether a request received on `received` and still `status` on `today` is late.
pub fn is_overdue(status: PrivacyRequestStatus, received: NaiveDate, today: NaiveDate) -> bool {
    is_open(status) && answer_due(received) < today
}

/// What decides what an erasure keeps about a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErasureFacts {
    /// The day the person's last allowance line was paid, if one was.
    pub last_payment: Option<NaiveDate>,
}

/// What Klasbrug keeps after erasing a person on `today`, why, and until when: the payments
/// inside their fiscal period (name and IBAN included, as the records must show who was paid),
/// the request and its answer, and the audit log that shows what was done.
pub fn kept_on_erasure(
    facts: ErasureFacts,
    settings: &RetentionSettings,
    today: NaiveDate,
) -> Vec<KeptRecord> {
    let mut kept = Vec::new();
    if let Some(paid) = facts.last_payment {
        let until = settings.kept_until(RetentionPeriod::Payment, paid);
        if until >= today {
            kept.push(KeptRecord {
                key: "payments".into(),
                what: "De uitbetaalde vrijwilligersvergoedingen: bedragen, maanden, \
                       betaaldatum, je naam en je IBAN."
                    .into(),
                why: format!(
                    "De fiscale bewaarplicht (art. 52 Algemene wet inzake rijksbelastingen) \
                     vraagt dat we betalingen {years} jaar bewaren. Daarna verdwijnen je naam \
                     en IBAN; de bedragen blijven zonder naam.",
                    years = settings.payment_years(),
                ),
                until: Some(until),
            });
        }
    }
    let personal_until = settings.kept_until(RetentionPeriod::Personal, today);
    kept.push(KeptRecord {
        key: "request".into(),
        what: "Dit verzoek en ons antwoord.".into(),
        why: "We moeten kunnen laten zien dat en hoe we je verzoek hebben afgehandeld \
              (AVG art. 5 lid 2)."
            .into(),
        until: Some(personal_until),
    });
    kept.push(KeptRecord {
        key: "audit_log".into(),
        what: "Het logboek van wijzigingen: wie wanneer iets deed, zonder de inhoud.".into(),
        why: format!(
            "Voor de beveiliging en verantwoording van de gegevens (AVG art. 32); het logboek \
             wordt na {days} dagen gewist.",
            days = settings.personal_days(),
        ),
        until: Some(personal_until),
    });
    kept
}

/// The kept records in one Dutch paragraph per record, for an e-mail.
pub fn kept_in_words(kept: &[KeptRecord]) -> String {
    kept.iter()
        .map(|record| match record.until {
            Some(until) => format!(
                "- {} Tot en met {}. {}",
                record.what,
                DUTCH.date(until),
                record.why
            ),
            None => format!("- {} {}", record.what, record.why),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::local_date::amsterdam_date;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn a_request_is_due_on_the_same_day_next_month() {
        assert_eq!(answer_due(day("2026-12-03")), day("2027-01-03"));
        assert_eq!(answer_due(day("2026-12-31")), day("2027-01-31"));
        assert_eq!(answer_due(day("2027-03-15")), day("2027-04-15"));
    }

    #[test]
    fn a_shorter_next_month_ends_the_term_on_its_last_day() {
        assert_eq!(answer_due(day("2027-01-31")), day("2027-02-28"));
        assert_eq!(
            answer_due(day("2028-01-31")),
            day("2028-02-29"),
            "a leap year"
        );
        assert_eq!(answer_due(day("2028-01-29")), day("2028-02-29"));
        assert_eq!(answer_due(day("2027-03-31")), day("2027-04-30"));
        assert_eq!(answer_due(day("2027-02-28")), day("2027-03-28"));
    }

    #[test]
    fn the_day_of_receipt_is_the_amsterdam_date() {
        // 23:30 UTC on 31 January is 00:30 on 1 February in Amsterdam.
        let late = "2027-01-31T23:30:00Z".parse().unwrap();
        assert_eq!(answer_due(amsterdam_date(late)), day("2027-03-01"));
        let evening = "2027-01-31T22:30:00Z".parse().unwrap();
        assert_eq!(answer_due(amsterdam_date(evening)), day("2027-02-28"));
    }
}

#[cfg(test)]
mod rule_tests {
    use super::*;
    use crate::contract::PrivacyRequestStatus::{Done, InProgress, Received, Refused};

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn a_request_is_taken_up_once_and_closed_once() {
        assert!(may_move(Received, InProgress));
        assert!(may_move(Received, Done));
        assert!(may_move(InProgress, Refused));
        assert!(!may_move(InProgress, InProgress));
        assert!(!may_move(InProgress, Received));
        for closed in [Done, Refused] {
            for to in PrivacyRequestStatus::ALL {
                assert!(!may_move(closed, *to), "{closed:?} -> {to:?}");
            }
        }
    }

    #[test]
    fn a_request_is_overdue_only_while_open_after_its_last_day() {
        let received = day("2027-01-31");
        assert!(
            !is_overdue(Received, received, day("2027-02-28")),
            "the last day"
        );
        assert!(is_overdue(Received, received, day("2027-03-01")));
        assert!(is_overdue(InProgress, received, day("2027-03-01")));
        assert!(!is_overdue(Done, received, day("2027-03-01")));
        assert!(!is_overdue(Refused, received, day("2028-03-01")));
    }

    #[test]
    fn erasure_inside_the_payment_period_keeps_the_payments_until_its_end() {
        let settings = RetentionSettings::default();
        let kept = kept_on_erasure(
            ErasureFacts {
                last_payment: Some(day("2026-11-25")),
            },
            &settings,
            day("2026-12-03"),
        );
        let keys: Vec<&str> = kept.iter().map(|k| k.key.as_str()).collect();
        assert_eq!(keys, ["payments", "request", "audit_log"]);
        assert_eq!(kept[0].until, Some(day("2033-11-25")));
        assert!(kept[0].why.contains("7 jaar"), "{}", kept[0].why);
        assert_eq!(
            kept[1].until,
            Some(day("2028-12-02")),
            "730 days on, across 29 February"
        );
    }

    #[test]
    fn a_payment_on_its_last_kept_day_is_still_kept_and_gone_the_day_after() {
        let settings = RetentionSettings::default();
        let facts = ErasureFacts {
            last_payment: Some(day("2019-12-03")),
        };
        let last = kept_on_erasure(facts, &settings, day("2026-12-03"));
        assert_eq!(last[0].key, "payments");
        let after = kept_on_erasure(facts, &settings, day("2026-12-04"));
        assert!(after.iter().all(|k| k.key != "payments"));
    }

    #[test]
    fn someone_never_paid_keeps_only_the_request_and_the_log() {
        let kept = kept_on_erasure(
            ErasureFacts { last_payment: None },
            &RetentionSettings::default(),
            day("2026-12-03"),
        );
        assert_eq!(kept.len(), 2);
        let words = kept_in_words(&kept);
        assert!(words.contains("Tot en met 2 dec. 2028"), "{words}");
    }
}
