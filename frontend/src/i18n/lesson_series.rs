//! The texts of the Lessenseries and Lesrooster pages, and the words for the values of lesson
//! series: statuses, review actions, dates and durations. The values themselves are in
//! `lesson_series/nl.rs` and `lesson_series/en.rs`.

use chrono::{Datelike, NaiveDate};
use domain::lesson_series::{LessonSeriesAction, LessonSeriesStatus};

use super::{Texts, fill};
use crate::api::ApiError;

#[cfg(any(test, feature = "english"))]
pub mod en;
pub mod form;
pub mod nl;

/// Texts of the lesson series and the school's lesson calendar.
#[derive(Debug, PartialEq)]
pub struct LessonSeriesTexts {
    pub menu_lesson_series: &'static str,
    pub menu_lesson_calendar: &'static str,

    // Statuses, and the review actions a comment came with.
    pub draft: &'static str,
    pub submitted: &'static str,
    pub changes_requested: &'static str,
    pub approved: &'static str,
    pub scheduled: &'static str,
    pub given: &'static str,
    pub action_submit: &'static str,
    pub action_request_changes: &'static str,
    pub action_approve: &'static str,
    pub action_schedule: &'static str,
    pub action_mark_given: &'static str,
    pub action_revise: &'static str,
    pub reply: &'static str,

    // The list.
    pub intro: &'static str,
    pub status_filter: &'static str,
    pub all_statuses: &'static str,
    pub school: &'static str,
    pub ambassador: &'static str,
    pub groups: &'static str,
    pub empty: &'static str,
    pub empty_filtered: &'static str,
    pub back_to_list: &'static str,

    // One series.
    pub theme: &'static str,
    pub framework: &'static str,
    pub description_title: &'static str,
    pub objectives_title: &'static str,
    pub objective: &'static str,
    pub lessons_title: &'static str,
    pub lesson: &'static str,
    pub goal: &'static str,
    pub duration: &'static str,
    pub materials: &'static str,
    pub schedule_title: &'static str,
    pub column_date: &'static str,
    pub column_time: &'static str,
    pub column_group: &'static str,
    pub column_lesson: &'static str,

    // The review.
    pub review_title: &'static str,
    pub review_hint: &'static str,
    pub approve: &'static str,
    pub request_changes: &'static str,
    pub request_changes_label: &'static str,
    pub request_changes_hint: &'static str,
    pub comment_required: &'static str,
    pub saving: &'static str,
    pub approved_done: &'static str,
    pub changes_requested_done: &'static str,
    pub comments_title: &'static str,
    pub comments_empty: &'static str,
    pub reply_label: &'static str,
    pub reply_submit: &'static str,
    pub reply_required: &'static str,
    pub replied_done: &'static str,
    pub err_review_transition: &'static str,

    // Calendar feeds.
    pub feed_title: &'static str,
    pub feed_download: &'static str,
    pub feed_url_label: &'static str,
    pub feed_hint: &'static str,

    // The lesson calendar.
    pub calendar_intro: &'static str,
    pub month: &'static str,
    pub previous_month: &'static str,
    pub next_month: &'static str,
    pub policy_limit: &'static str,
    pub no_policy: &'static str,
    pub hours_of: &'static str,
    pub no_limit: &'static str,
    pub over_limit: &'static str,
    pub calendar_empty: &'static str,
    pub by: &'static str,

    // Dates and durations.
    pub months_long: [&'static str; 12],
    pub hours: &'static str,
    pub minutes: &'static str,
    pub hours_minutes: &'static str,

    // Mijn lessen: the ambassador's own series.
    pub menu_my_lessons: &'static str,
    pub next_lesson: &'static str,
    pub copy_title: &'static str,
    pub copy_groups: &'static str,
    pub copy_hint: &'static str,
    pub copy_submit: &'static str,
    pub copy_wrong: &'static str,
    pub copied_done: &'static str,
    pub library_title: &'static str,
    pub library_intro: &'static str,
    pub library_theme: &'static str,
    pub library_group: &'static str,
    pub library_search: &'static str,
    pub library_empty: &'static str,
    pub my_lessons_intro: &'static str,
    pub my_lessons_empty: &'static str,
    pub back_to_my_lessons: &'static str,
    pub submit_series: &'static str,
    pub submitted_done: &'static str,
    pub revise_series: &'static str,
    pub revised_done: &'static str,
    pub plan_title: &'static str,
    pub plan_intro: &'static str,
    pub plan_group: &'static str,
    pub plan_date: &'static str,
    pub plan_time: &'static str,
    pub plan_submit: &'static str,
    pub scheduled_done: &'static str,
    pub schedule_not_placed: &'static str,
    pub err_over_limit: &'static str,
    pub err_excluded_domain: &'static str,
    pub err_schedule_dates: &'static str,

    // The form to write and edit a series.
    pub form: form::SeriesFormTexts,
}

impl LessonSeriesTexts {
    /// A series' status: "Ter beoordeling".
    pub fn status(&self, status: LessonSeriesStatus) -> &'static str {
        match status {
            LessonSeriesStatus::Draft => self.draft,
            LessonSeriesStatus::Submitted => self.submitted,
            LessonSeriesStatus::ChangesRequested => self.changes_requested,
            LessonSeriesStatus::Approved => self.approved,
            LessonSeriesStatus::Scheduled => self.scheduled,
            LessonSeriesStatus::Given => self.given,
        }
    }

    /// What a comment came with: "Wijzigingen gevraagd", or "Reactie" for a plain reply.
    pub fn action(&self, action: Option<LessonSeriesAction>) -> &'static str {
        match action {
            None => self.reply,
            Some(LessonSeriesAction::Submit) => self.action_submit,
            Some(LessonSeriesAction::RequestChanges) => self.action_request_changes,
            Some(LessonSeriesAction::Approve) => self.action_approve,
            Some(LessonSeriesAction::Schedule) => self.action_schedule,
            Some(LessonSeriesAction::MarkGiven) => self.action_mark_given,
            Some(LessonSeriesAction::Revise) => self.action_revise,
        }
    }

    /// A month: "december 2026".
    pub fn month_name(&self, month: NaiveDate) -> String {
        format!(
            "{} {}",
            self.months_long[month.month0() as usize],
            month.year()
        )
    }

    /// A duration: "1 uur 30 min", "2 uur", "45 min".
    pub fn duration(&self, minutes: u32) -> String {
        let (h, m) = (minutes / 60, minutes % 60);
        let (h, m) = (h.to_string(), m.to_string());
        match (h.as_str(), m.as_str()) {
            ("0", _) => fill(self.minutes, &[("m", &m)]),
            (_, "0") => fill(self.hours, &[("h", &h)]),
            _ => fill(self.hours_minutes, &[("h", &h), ("m", &m)]),
        }
    }

    /// A group's hours against the limit: "3 uur van 22 uur", or "3 uur · geen limiet".
    pub fn hours_used(&self, planned: u32, limit: Option<u32>) -> String {
        match limit {
            Some(limit) => fill(
                self.hours_of,
                &[
                    ("used", &self.duration(planned)),
                    ("limit", &self.duration(limit)),
                ],
            ),
            None => format!("{} · {}", self.duration(planned), self.no_limit),
        }
    }

    /// What went wrong with a review step or a reply. A missing comment is said at its field,
    /// so it is not said here; a step the status no longer allows gets its own sentence.
    pub fn error(&self, texts: &Texts, error: &ApiError) -> &'static str {
        match error.code() {
            Some("invalid_transition") => self.err_review_transition,
            _ => texts.error(error),
        }
    }
}

/// Whether a failure is the server saying that `field` is missing or too long (a 422 naming it).
pub fn is_about_field(error: &ApiError, field: &str) -> bool {
    matches!(error, ApiError::Problem(problem)
        if problem.status == 422 && problem.errors.iter().any(|e| e.field == field))
}

#[cfg(test)]
mod tests {
    use domain::contract::{FieldError, Problem};

    use super::*;
    use crate::i18n::{EN, NL};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn statuses_have_their_dutch_names() {
        let t = NL.lesson_series();
        let names: Vec<_> = LessonSeriesStatus::ALL
            .iter()
            .map(|s| t.status(*s))
            .collect();
        assert_eq!(
            names,
            [
                "Concept",
                "Ter beoordeling",
                "Wijzigingen gevraagd",
                "Goedgekeurd",
                "Ingepland",
                "Gegeven"
            ]
        );
        assert_eq!(
            EN.lesson_series().status(LessonSeriesStatus::Submitted),
            "In review"
        );
    }

    #[test]
    fn a_comment_says_what_it_came_with() {
        let t = NL.lesson_series();
        assert_eq!(
            t.action(Some(LessonSeriesAction::RequestChanges)),
            "Wijzigingen gevraagd"
        );
        assert_eq!(t.action(None), "Reactie");
    }

    #[test]
    fn months_are_written_out_in_dutch() {
        let t = NL.lesson_series();
        assert_eq!(t.month_name(d(2026, 12, 1)), "december 2026");
        assert_eq!(t.month_name(d(2027, 3, 1)), "maart 2027");
    }

    #[test]
    fn durations_are_hours_and_minutes() {
        let t = NL.lesson_series();
        assert_eq!(t.duration(90), "1 uur 30 min");
        assert_eq!(t.duration(120), "2 uur");
        assert_eq!(t.duration(45), "45 min");
        assert_eq!(t.duration(0), "0 min");
    }

    #[test]
    fn hours_are_said_against_the_limit_or_its_absence() {
        let t = NL.lesson_series();
        assert_eq!(t.hours_used(180, Some(22 * 60)), "3 uur van 22 uur");
        assert_eq!(t.hours_used(90, None), "1 uur 30 min · geen limiet");
    }

    fn problem(status: u16, code: &str, field: Option<&str>) -> ApiError {
        ApiError::Problem(Box::new(Problem {
            request_id: None,
            problem_type: "about:blank".into(),
            title: "t".into(),
            status,
            detail: "English".into(),
            code: domain::contract::ErrorCode::parse(code)
                .unwrap_or_else(|| panic!("no such code: {code}")),
            details: None,
            errors: field
                .map(|field| FieldError {
                    field: field.into(),
                    message: "required".into(),
                })
                .into_iter()
                .collect(),
        }))
    }

    #[test]
    fn a_refused_review_step_says_to_reload() {
        let t = NL.lesson_series();
        let message = t.error(&NL, &problem(409, "invalid_transition", None));
        assert!(message.contains("Vernieuw de pagina"), "{message}");
        assert!(message.contains("lessenserie"), "{message}");
        assert_eq!(
            t.error(&NL, &problem(403, "forbidden", None)),
            NL.err_forbidden
        );
    }

    #[test]
    fn a_missing_comment_is_recognised_by_its_field() {
        let missing = problem(422, "invalid_input", Some("comment"));
        assert!(is_about_field(&missing, "comment"));
        assert!(!is_about_field(&missing, "text"));
        assert!(!is_about_field(&ApiError::Network, "comment"));
    }
}
