//! Requests of a data subject (AVG art. 15–17): to see one's data, or to have it erased.
//!
//! The controller answers "without undue delay and in any event within one month of receipt"
//! (AVG art. 12(3)). A month runs to the same day of the next month; where that month is shorter,
//! to its last day (31 January → 28 or 29 February), as the EDPB reads it and as chrono adds
//! months.

use chrono::{DateTime, Months, NaiveDate, Utc};

use crate::local_date::amsterdam_date;

/// The last day to answer a request received on `received` (an Amsterdam date).
pub fn answer_due(received: NaiveDate) -> NaiveDate {
    received
        .checked_add_months(Months::new(1))
        .unwrap_or(NaiveDate::MAX)
}

/// The last day to answer a request that arrived at instant `at`.
pub fn answer_due_at(at: DateTime<Utc>) -> NaiveDate {
    answer_due(amsterdam_date(at))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(answer_due_at(late), day("2027-03-01"));
        let evening = "2027-01-31T22:30:00Z".parse().unwrap();
        assert_eq!(answer_due_at(evening), day("2027-02-28"));
    }
}
