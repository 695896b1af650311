//! The texts of the Matching, Kandidaten and Ambassadeurs pages, and the words for the values of
//! matches, intakes and VOGs. The values themselves are in `matching/nl.rs` and `matching/en.rs`.

use chrono::{NaiveDate, NaiveDateTime};
use domain::contract::PlacementSummary;
use domain::date_words::DateWords;
use domain::match_lifecycle::{MatchStatus, Side};
use domain::matching::Criterion;
use domain::vog::VogProblem;
use domain::{PlacementKind, SchoolType, StartMoment};

use super::{PlacementTexts, Texts, fill};
use crate::api::ApiError;

mod ambassadors;
#[cfg(any(test, feature = "english"))]
pub mod en;
pub mod nl;

pub use ambassadors::AmbassadorTexts;

/// Texts of matching runs and candidates, and the names of match values.
#[derive(Debug, PartialEq)]
pub struct MatchingTexts {
    pub menu_matching: &'static str,
    pub menu_candidates: &'static str,

    // Match statuses, sides and score criteria.
    pub status_proposed: &'static str,
    pub status_meeting_planned: &'static str,
    pub status_confirmed: &'static str,
    pub status_active: &'static str,
    pub status_declined: &'static str,
    pub status_ended: &'static str,
    pub side_school: &'static str,
    pub side_ambassador: &'static str,
    pub criterion_feasible: &'static str,
    pub criterion_expertise: &'static str,
    pub criterion_preference: &'static str,
    pub criterion_same_municipality: &'static str,
    pub criterion_continuity: &'static str,

    // What a match or proposal shows.
    pub score: &'static str,
    pub points: &'static str,
    pub breakdown_title: &'static str,
    pub reasons_title: &'static str,
    pub expertise: &'static str,
    pub themes: &'static str,
    pub employer: &'static str,
    pub no_employer: &'static str,
    pub meeting_title: &'static str,
    pub meeting_when: &'static str,
    pub meeting_none: &'static str,
    pub school_confirmed: &'static str,
    pub ambassador_confirmed: &'static str,
    pub declined_by: &'static str,
    pub reason: &'static str,
    pub starts_on: &'static str,
    pub ended_on: &'static str,

    // Kandidaten.
    pub candidates_intro: &'static str,
    pub candidates_intro_read_only: &'static str,
    pub candidates_empty: &'static str,
    pub confirm: &'static str,
    pub confirm_after_meeting: &'static str,
    pub waiting_for_ambassador: &'static str,
    pub decline: &'static str,
    pub decline_title: &'static str,
    pub decline_hint: &'static str,
    pub decline_submit: &'static str,
    pub back: &'static str,
    pub reason_required: &'static str,
    pub saving: &'static str,
    pub confirmed_done: &'static str,
    pub declined_done: &'static str,

    // Matching.
    pub runs_intro: &'static str,
    pub run_form_title: &'static str,
    pub school_year: &'static str,
    pub start_moment: &'static str,
    pub start_run: &'static str,
    pub starting_run: &'static str,
    pub runs_title: &'static str,
    pub runs_empty: &'static str,
    pub column_started: &'static str,
    pub column_for: &'static str,
    pub column_by: &'static str,
    pub column_proposals: &'static str,
    pub column_left_over: &'static str,
    pub column_total_score: &'static str,
    pub run_title: &'static str,
    pub run_meta: &'static str,
    pub back_to_runs: &'static str,
    pub totals_title: &'static str,
    pub total_candidates: &'static str,
    pub total_placements: &'static str,
    pub total_feasible: &'static str,
    pub total_score: &'static str,
    pub proposals_title: &'static str,
    pub proposals_empty: &'static str,
    pub propose: &'static str,
    pub proposing: &'static str,
    pub proposed: &'static str,
    pub not_proposed: &'static str,
    pub proposed_done: &'static str,
    pub to_ambassador: &'static str,
    pub to_run: &'static str,
    pub left_over_title: &'static str,
    pub left_over_intro: &'static str,
    pub left_over_empty: &'static str,

    // Errors of these pages, by server code or VOG problem.
    pub err_match_transition: &'static str,
    pub err_already_confirmed: &'static str,
    /// `meeting_not_held`, with `{when}`: the meeting's day and time.
    pub err_meeting_not_held: &'static str,
    /// `meeting_not_held` without the meeting in the problem's details.
    pub err_meeting_not_held_plain: &'static str,
    pub err_not_available: &'static str,
    pub err_placement_not_open: &'static str,
    pub err_already_proposed: &'static str,
    pub err_not_feasible: &'static str,
    pub err_vog: &'static str,
    pub err_placement_full: &'static str,
    pub err_changed_meanwhile: &'static str,
    pub vog_missing: &'static str,
    pub vog_refused: &'static str,
    pub vog_refused_after_valid: &'static str,
    pub vog_issued_after_start: &'static str,
    pub vog_too_old: &'static str,
    pub vog_seen_after_start: &'static str,
    pub window_po: &'static str,
    pub window_vo: &'static str,
}

/// A word with its first letter in capitals, for the start of a line: "Dinsdag".
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl MatchingTexts {
    pub fn status(&self, status: MatchStatus) -> &'static str {
        match status {
            MatchStatus::Proposed => self.status_proposed,
            MatchStatus::MeetingPlanned => self.status_meeting_planned,
            MatchStatus::Confirmed => self.status_confirmed,
            MatchStatus::Active => self.status_active,
            MatchStatus::Declined => self.status_declined,
            MatchStatus::Ended => self.status_ended,
        }
    }

    pub fn side(&self, side: Side) -> &'static str {
        match side {
            Side::School => self.side_school,
            Side::Ambassador => self.side_ambassador,
        }
    }

    pub fn criterion(&self, criterion: Criterion) -> &'static str {
        match criterion {
            Criterion::Feasible => self.criterion_feasible,
            Criterion::Expertise => self.criterion_expertise,
            Criterion::Preference => self.criterion_preference,
            Criterion::SameMunicipality => self.criterion_same_municipality,
            Criterion::Continuity => self.criterion_continuity,
        }
    }

    /// "45 punten".
    pub fn points(&self, points: u64) -> String {
        fill(self.points, &[("n", &points.to_string())])
    }

    /// A placement in one line: "Dinsdag · In de klas · groep 5 · februari 2027, half jaar".
    pub fn placement_line(&self, t: &PlacementTexts, placement: &PlacementSummary) -> String {
        let detail = match placement.kind {
            PlacementKind::Class => placement.group.clone(),
            PlacementKind::Thematic => placement.theme.clone(),
            PlacementKind::SchoolTask => None,
        };
        let what = match detail {
            Some(detail) => format!("{} · {detail}", t.kind(placement.kind)),
            None => t.kind(placement.kind).to_owned(),
        };
        let year = match placement.start_moment {
            StartMoment::September => placement.school_year.start_year(),
            StartMoment::February => placement.school_year.start_year() + 1,
        };
        format!(
            "{} · {what} · {} {year}, {}",
            capitalised(t.weekday(placement.weekday)),
            t.start_moment(placement.start_moment),
            t.commitment(placement.commitment)
        )
    }

    /// When a meeting is: "di 8 dec. 2026 om 15:30" (its day of the week matters).
    pub fn meeting_when(&self, dates: &DateWords, at: NaiveDateTime) -> String {
        fill(
            self.meeting_when,
            &[
                ("day", &dates.day(at.date())),
                ("time", &at.format("%H:%M").to_string()),
            ],
        )
    }

    /// What went wrong with a match, a run or a VOG check, in words a person can act on: from
    /// the problem's code and its details, never from the server's English `detail`. A VOG
    /// refusal is told with its dates, from `details.vog`; a confirmation before the
    /// introduction meeting with the meeting's day and time, from `details.meeting`.
    pub fn error(&self, texts: &Texts, error: &ApiError) -> String {
        let ApiError::Problem(problem) = error else {
            return texts.error(error).to_owned();
        };
        if let Some(vog) = problem.details.as_ref().and_then(|d| d.vog.as_ref()) {
            return self.vog_problem(&texts.dates, vog);
        }
        if problem.code.as_str() == "meeting_not_held" {
            return match problem.details.as_ref().and_then(|d| d.meeting.as_ref()) {
                Some(meeting) => fill(
                    self.err_meeting_not_held,
                    &[("when", &self.meeting_when(&texts.dates, meeting.at))],
                ),
                None => self.err_meeting_not_held_plain.to_owned(),
            };
        }
        let text = match problem.code.as_str() {
            "invalid_transition" => self.err_match_transition,
            "already_confirmed" => self.err_already_confirmed,
            "not_available" | "ambassador_not_available" => self.err_not_available,
            "placement_not_open" => self.err_placement_not_open,
            "placement_full" => self.err_placement_full,
            "already_proposed" | "already_matched" => self.err_already_proposed,
            "not_feasible" => self.err_not_feasible,
            "precondition_failed" => self.err_changed_meanwhile,
            code if code.starts_with("vog") => self.err_vog,
            _ => texts.error(error),
        };
        text.to_owned()
    }

    /// A VOG problem (`domain::vog::VogProblem`, as the server sends it in `details.vog`), in
    /// this language with its dates.
    pub fn vog_problem(&self, dates: &DateWords, vog: &VogProblem) -> String {
        let with = |template: &str, values: &[(&str, NaiveDate)]| {
            let values: Vec<(&str, String)> =
                values.iter().map(|(k, d)| (*k, dates.date(*d))).collect();
            let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
            fill(template, &values)
        };
        match vog {
            VogProblem::Missing => self.vog_missing.to_owned(),
            VogProblem::Refused => self.vog_refused.to_owned(),
            VogProblem::RefusedAfterValid {
                refused_on,
                valid_issued_on,
            } => with(
                self.vog_refused_after_valid,
                &[("refused", *refused_on), ("valid", *valid_issued_on)],
            ),
            VogProblem::TooOld {
                issued_on,
                starts_on,
                earliest,
                school_type,
                ..
            } => {
                let window = match school_type {
                    SchoolType::Po => self.window_po,
                    SchoolType::Vo => self.window_vo,
                };
                let dated = with(
                    self.vog_too_old,
                    &[
                        ("issued", *issued_on),
                        ("starts", *starts_on),
                        ("earliest", *earliest),
                    ],
                );
                fill(&dated, &[("window", window)])
            }
            VogProblem::IssuedAfterStart {
                issued_on,
                starts_on,
            } => with(
                self.vog_issued_after_start,
                &[("issued", *issued_on), ("starts", *starts_on)],
            ),
            VogProblem::SeenAfterStart { seen_on, starts_on } => with(
                self.vog_seen_after_start,
                &[("seen", *seen_on), ("starts", *starts_on)],
            ),
        }
    }
}

#[cfg(test)]
mod tests;
