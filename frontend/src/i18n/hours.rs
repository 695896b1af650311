//! The texts of the Uren page and the words for the values of hour entries: statuses,
//! activities, kinds, and the month's summary. Dates and durations are written with the words of
//! [`LessonSeriesTexts`]. The values themselves are in `hours/nl.rs` and `hours/en.rs`.

use domain::hours::{HourAction, HourActivity, HourKind, HourStatus};

use super::{LessonSeriesTexts, Texts, fill};
use crate::api::ApiError;

#[cfg(any(test, feature = "english"))]
pub mod en;
pub mod nl;

/// Texts of a school's hours.
#[derive(Debug, PartialEq)]
pub struct HoursTexts {
    pub menu_hours: &'static str,
    pub intro: &'static str,

    // Statuses, activities and kinds, as they read inside a sentence.
    pub submitted: &'static str,
    pub approved: &'static str,
    pub rejected: &'static str,
    pub locked: &'static str,
    pub activity_class: &'static str,
    pub activity_school_task: &'static str,
    pub activity_lesson: &'static str,
    pub volunteered: &'static str,
    pub sponsored: &'static str,

    // The month's summary.
    pub waiting_none: &'static str,
    pub waiting_one: &'static str,
    pub waiting_many: &'static str,
    pub approved_totals: &'static str,
    pub totals: &'static str,
    pub complete: &'static str,
    pub approve_month: &'static str,
    pub approving_month: &'static str,
    pub month_approved_one: &'static str,
    pub month_approved_many: &'static str,
    pub empty: &'static str,

    // One entry.
    pub kind_reason: &'static str,
    /// Why an entry falls on another day than the placement's, or in a holiday.
    pub date_reason: &'static str,
    pub reject_reason_label: &'static str,
    pub reopen_reason_label: &'static str,
    pub decision_reason: &'static str,
    pub decided_by: &'static str,
    pub reopened_by: &'static str,

    // Deciding on one entry.
    pub approve: &'static str,
    pub reject: &'static str,
    pub reopen: &'static str,
    pub cancel: &'static str,
    pub saving: &'static str,
    pub reject_label: &'static str,
    pub reject_hint: &'static str,
    pub reject_required: &'static str,
    pub reopen_label: &'static str,
    pub reopen_hint: &'static str,
    pub reopen_required: &'static str,
    pub approved_done: &'static str,
    pub rejected_done: &'static str,
    pub reopened_done: &'static str,
    pub err_forbidden: &'static str,
    pub err_transition: &'static str,
}

impl HoursTexts {
    /// An entry's status: "wacht op besluit".
    pub fn status(&self, status: HourStatus) -> &'static str {
        match status {
            HourStatus::Submitted => self.submitted,
            HourStatus::Approved => self.approved,
            HourStatus::Rejected => self.rejected,
            HourStatus::Locked => self.locked,
        }
    }

    /// What the time was spent on: "in de klas".
    pub fn activity(&self, activity: HourActivity) -> &'static str {
        match activity {
            HourActivity::Class => self.activity_class,
            HourActivity::SchoolTask => self.activity_school_task,
            HourActivity::Lesson => self.activity_lesson,
        }
    }

    /// Who pays for the time: "vrijwillig".
    pub fn kind(&self, kind: HourKind) -> &'static str {
        match kind {
            HourKind::Volunteered => self.volunteered,
            HourKind::Sponsored => self.sponsored,
        }
    }

    /// How many entries wait: "3 wachten op een besluit".
    pub fn waiting(&self, submitted: u32) -> String {
        match submitted {
            0 => self.waiting_none.to_owned(),
            1 => self.waiting_one.to_owned(),
            n => fill(self.waiting_many, &[("n", &n.to_string())]),
        }
    }

    /// The month's approved time by kind: "16 uur 30 min vrijwillig · 0 uur gesponsord". Totals
    /// are hours, also when there are none.
    pub fn totals(&self, words: &LessonSeriesTexts, volunteered: u32, sponsored: u32) -> String {
        let total = |minutes: u32| {
            if minutes == 0 {
                fill(words.hours, &[("h", "0")])
            } else {
                words.duration(minutes)
            }
        };
        fill(
            self.totals,
            &[
                ("volunteered", &total(volunteered)),
                ("sponsored", &total(sponsored)),
            ],
        )
    }

    /// The bulk button: "Alles goedkeuren (3)".
    pub fn approve_month(&self, submitted: u32) -> String {
        fill(self.approve_month, &[("n", &submitted.to_string())])
    }

    /// What the bulk approval did: "3 urenregels goedgekeurd."
    pub fn month_approved(&self, approved: u32) -> String {
        match approved {
            1 => self.month_approved_one.to_owned(),
            n => fill(self.month_approved_many, &[("n", &n.to_string())]),
        }
    }

    /// What a decision on the entry of `day` did: "De uren van wo 11 november 2026 zijn afgekeurd."
    pub fn done(&self, action: HourAction, day: &str) -> String {
        let template = match action {
            HourAction::Reject => self.rejected_done,
            HourAction::Reopen => self.reopened_done,
            HourAction::Approve | HourAction::Lock => self.approved_done,
        };
        fill(template, &[("day", day)])
    }

    /// The label of the reason shown with an entry: why it was rejected, or reopened.
    pub fn reason_label(&self, status: HourStatus) -> &'static str {
        match status {
            HourStatus::Rejected => self.reject_reason_label,
            HourStatus::Submitted => self.reopen_reason_label,
            HourStatus::Approved | HourStatus::Locked => self.decision_reason,
        }
    }

    /// Who decided last, and when: "Besluit van Jeroen Bakker, 3 nov 2026, 14:05". On an entry
    /// that waits again, that was its reopening.
    pub fn decided(&self, status: HourStatus, name: &str, when: &str) -> String {
        let template = match status {
            HourStatus::Submitted => self.reopened_by,
            _ => self.decided_by,
        };
        fill(template, &[("name", name), ("when", when)])
    }

    /// The reason form of `action`: its label, its hint and the message when it is left empty.
    pub fn reason_form(&self, action: HourAction) -> (&'static str, &'static str, &'static str) {
        match action {
            HourAction::Reopen => (self.reopen_label, self.reopen_hint, self.reopen_required),
            _ => (self.reject_label, self.reject_hint, self.reject_required),
        }
    }

    /// What went wrong with a decision. A missing reason is said at its field, so it is not
    /// said here; a decision someone else made first, or one the person may not make, gets its
    /// own sentence.
    pub fn error(&self, texts: &Texts, error: &ApiError) -> &'static str {
        match (error.code(), error.status()) {
            (Some("invalid_transition"), _) | (_, Some(409)) => self.err_transition,
            (_, Some(403)) => self.err_forbidden,
            _ => texts.error(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use domain::contract::Problem;

    use super::*;
    use crate::i18n::{EN, NL};

    #[test]
    fn statuses_activities_and_kinds_have_their_dutch_words() {
        let t = NL.hours();
        let statuses: Vec<_> = HourStatus::ALL.iter().map(|s| t.status(*s)).collect();
        assert_eq!(
            statuses,
            ["wacht op besluit", "goedgekeurd", "afgekeurd", "vastgelegd"]
        );
        let activities: Vec<_> = HourActivity::ALL.iter().map(|a| t.activity(*a)).collect();
        assert_eq!(activities, ["in de klas", "schooltaak", "les"]);
        assert_eq!(t.kind(HourKind::Volunteered), "vrijwillig");
        assert_eq!(t.kind(HourKind::Sponsored), "gesponsord");
        assert_eq!(
            EN.hours().status(HourStatus::Submitted),
            "awaiting a decision"
        );
    }

    #[test]
    fn the_summary_counts_what_waits_and_totals_in_hours() {
        let t = NL.hours();
        assert_eq!(t.waiting(3), "3 wachten op een besluit");
        assert_eq!(t.waiting(1), "1 wacht op een besluit");
        assert_eq!(t.waiting(0), "Niets wacht op een besluit");
        let words = NL.lesson_series();
        assert_eq!(
            t.totals(words, 990, 0),
            "16 uur 30 min vrijwillig · 0 uur gesponsord"
        );
        assert_eq!(
            t.totals(words, 720, 45),
            "12 uur vrijwillig · 45 min gesponsord"
        );
        assert_eq!(t.approve_month(3), "Alles goedkeuren (3)");
        assert_eq!(t.month_approved(1), "1 urenregel goedgekeurd.");
        assert_eq!(t.month_approved(3), "3 urenregels goedgekeurd.");
    }

    #[test]
    fn a_decision_says_which_day_it_was_about() {
        let t = NL.hours();
        let day = "wo 11 november 2026";
        assert_eq!(
            t.done(HourAction::Reject, day),
            "De uren van wo 11 november 2026 zijn afgekeurd."
        );
        assert!(
            t.done(HourAction::Approve, day)
                .ends_with("zijn goedgekeurd.")
        );
        assert!(
            t.done(HourAction::Reopen, day).contains("wachten weer"),
            "{}",
            t.done(HourAction::Reopen, day)
        );
    }

    #[test]
    fn rejecting_and_reopening_each_ask_for_their_own_reason() {
        let t = NL.hours();
        let (label, _, required) = t.reason_form(HourAction::Reject);
        assert!(
            label.contains("af") && required.contains("afkeurt"),
            "{label} {required}"
        );
        let (label, _, required) = t.reason_form(HourAction::Reopen);
        assert!(
            label.contains("heropen") && required.contains("heropent"),
            "{label} {required}"
        );
        assert_eq!(t.reason_label(HourStatus::Rejected), "Reden van afkeuren");
        assert_eq!(t.reason_label(HourStatus::Submitted), "Reden van heropenen");
        assert_eq!(
            t.decided(HourStatus::Rejected, "Jeroen Bakker", "3 nov 2026, 14:05"),
            "Besluit van Jeroen Bakker, 3 nov 2026, 14:05"
        );
        assert!(
            t.decided(HourStatus::Submitted, "Anouk Visser", "nu")
                .starts_with("Heropend door")
        );
    }

    fn problem(status: u16, code: &str) -> ApiError {
        ApiError::Problem(Box::new(Problem {
            request_id: None,
            problem_type: "about:blank".into(),
            title: "t".into(),
            status,
            detail: "English".into(),
            code: domain::contract::ErrorCode::parse(code)
                .unwrap_or_else(|| panic!("no such code: {code}")),
            details: None,
            errors: Vec::new(),
        }))
    }

    #[test]
    fn a_refused_decision_says_why_in_dutch() {
        let t = NL.hours();
        let late = t.error(&NL, &problem(409, "invalid_transition"));
        assert!(late.contains("al besloten"), "{late}");
        let own = t.error(&NL, &problem(403, "forbidden"));
        assert!(own.contains("Eigen uren"), "{own}");
        assert_eq!(t.error(&NL, &ApiError::Network), NL.err_network);
    }
}
