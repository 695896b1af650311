//! The texts of the Ambassadeurs pages, and the names of intake, VOG and profile values.

use domain::ambassador::{DocumentKind, Funding, IntakeAction, IntakeStatus};
use domain::vog::VogOutcome;

use crate::api::ApiError;
use crate::i18n::{Texts, fill};

/// Texts of the ambassadors' list and profile page, and the names of intake values.
#[derive(Debug, PartialEq)]
pub struct AmbassadorTexts {
    pub menu_ambassadors: &'static str,
    pub intro: &'static str,
    pub status_filter: &'static str,
    pub all_statuses: &'static str,
    pub column_name: &'static str,
    pub column_status: &'static str,
    pub column_weekdays: &'static str,
    pub column_expertise: &'static str,
    pub column_vog: &'static str,
    pub empty: &'static str,
    pub empty_filtered: &'static str,
    pub back_to_list: &'static str,

    // Intake statuses and steps.
    pub registered: &'static str,
    pub intake_planned: &'static str,
    pub intake_done: &'static str,
    pub vog_requested: &'static str,
    pub available: &'static str,
    pub matched: &'static str,
    pub active: &'static str,
    pub ended: &'static str,
    pub plan_intake: &'static str,
    pub complete_intake: &'static str,
    pub request_vog: &'static str,
    pub make_available: &'static str,
    pub withdraw: &'static str,

    // VOG validity in the list.
    pub vog_valid: &'static str,
    pub vog_not_valid: &'static str,
    pub vog_none: &'static str,
    pub vog_po: &'static str,
    pub vog_vo: &'static str,

    // Values of the profile.
    pub issued: &'static str,
    pub refused: &'static str,
    pub sponsored: &'static str,
    pub volunteer: &'static str,
    pub hybrid: &'static str,
    pub motivation_letter: &'static str,
    pub cv: &'static str,
    pub either_school_type: &'static str,
    pub minutes_a_week: &'static str,

    // The profile.
    pub profile_title: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    pub employer: &'static str,
    pub school_type: &'static str,
    pub home_municipality: &'static str,
    pub municipalities: &'static str,
    pub weekdays: &'static str,
    pub commitment: &'static str,
    pub available_from: &'static str,
    pub day_length: &'static str,
    pub funding: &'static str,
    pub expertise: &'static str,
    pub themes: &'static str,

    // The intake.
    pub intake_title: &'static str,
    pub intake_empty: &'static str,
    pub by: &'static str,
    pub next_step: &'static str,
    pub intake_note: &'static str,
    pub intake_note_hint: &'static str,
    pub no_next_step: &'static str,
    pub step_done: &'static str,
    pub withdraw_reason_required: &'static str,
    pub err_step: &'static str,
    pub err_vog_missing: &'static str,

    // The VOG.
    pub vog_title: &'static str,
    pub vog_intro: &'static str,
    pub vog_issued_on: &'static str,
    pub vog_seen_on: &'static str,
    pub vog_outcome: &'static str,
    pub vog_submit: &'static str,
    pub vog_saved: &'static str,
    pub vog_list_empty: &'static str,
    pub vog_of: &'static str,
    pub vog_seen_by: &'static str,
    pub msg_date_required: &'static str,
    pub msg_seen_before_issued: &'static str,
    pub msg_in_future: &'static str,

    // Documents.
    pub documents_title: &'static str,
    pub documents_empty: &'static str,
    pub column_document: &'static str,
    pub column_type: &'static str,
    pub column_size: &'static str,
    pub column_uploaded: &'static str,
    pub kilobytes: &'static str,

    // The ambassador's matches.
    pub matches_title: &'static str,
    pub matches_empty: &'static str,
    pub meeting_at: &'static str,
    pub meeting_place: &'static str,
    pub meeting_place_hint: &'static str,
    pub plan_meeting: &'static str,
    pub confirm_ambassador: &'static str,
    pub activate: &'static str,
    pub end: &'static str,
    pub end_reason: &'static str,
    pub msg_meeting_at: &'static str,
    pub msg_meeting_place: &'static str,
    pub planned_done: &'static str,
    pub confirmed_done: &'static str,
    pub activated_done: &'static str,
    pub ended_done: &'static str,

    // Registering an ambassador.
    pub new_ambassador: &'static str,
    pub new_intro: &'static str,
    pub name: &'static str,
    pub list_hint: &'static str,
    pub municipalities_hint: &'static str,
    pub section_contact: &'static str,
    pub section_when: &'static str,
    pub section_what: &'static str,
    pub section_where: &'static str,
    pub sponsored_minutes: &'static str,
    pub volunteer_minutes: &'static str,
    pub save_new: &'static str,
    pub edit_profile: &'static str,
    pub save_profile: &'static str,
    pub profile_saved: &'static str,
    pub download: &'static str,
    pub concerns_title: &'static str,
    pub decline_reason: &'static str,
    pub decline_for_ambassador: &'static str,
    pub decline_for_school: &'static str,
    pub declined_on_behalf_done: &'static str,
    pub cancel: &'static str,
    pub msg_name: &'static str,
    pub msg_email: &'static str,
    pub msg_phone: &'static str,
    pub msg_words: &'static str,
    pub msg_municipalities: &'static str,
    pub msg_weekdays: &'static str,
    pub msg_day_length: &'static str,
    pub msg_hybrid: &'static str,
    pub msg_check: &'static str,
}

impl AmbassadorTexts {
    pub fn status(&self, status: IntakeStatus) -> &'static str {
        match status {
            IntakeStatus::Registered => self.registered,
            IntakeStatus::IntakePlanned => self.intake_planned,
            IntakeStatus::IntakeDone => self.intake_done,
            IntakeStatus::VogRequested => self.vog_requested,
            IntakeStatus::Available => self.available,
            IntakeStatus::Matched => self.matched,
            IntakeStatus::Active => self.active,
            IntakeStatus::Ended => self.ended,
        }
    }

    pub fn action(&self, action: IntakeAction) -> &'static str {
        match action {
            IntakeAction::PlanIntake => self.plan_intake,
            IntakeAction::CompleteIntake => self.complete_intake,
            IntakeAction::RequestVog => self.request_vog,
            IntakeAction::MakeAvailable => self.make_available,
            IntakeAction::Withdraw => self.withdraw,
        }
    }

    pub fn outcome(&self, outcome: VogOutcome) -> &'static str {
        match outcome {
            VogOutcome::Issued => self.issued,
            VogOutcome::Refused => self.refused,
        }
    }

    pub fn funding(&self, funding: Funding) -> &'static str {
        match funding {
            Funding::Sponsored => self.sponsored,
            Funding::Volunteer => self.volunteer,
            Funding::Hybrid => self.hybrid,
        }
    }

    pub fn document(&self, kind: DocumentKind) -> &'static str {
        match kind {
            DocumentKind::MotivationLetter => self.motivation_letter,
            DocumentKind::Cv => self.cv,
        }
    }

    /// A file's type as people know it: "PDF", "Word".
    pub fn media_type(&self, media_type: &str) -> String {
        match media_type {
            "application/pdf" => "PDF".to_owned(),
            t if t.contains("wordprocessingml") => "Word".to_owned(),
            other => other.to_owned(),
        }
    }

    /// A file size in whole kilobytes, at least 1: "12 kB".
    pub fn size(&self, bytes: i64) -> String {
        let kb = ((bytes + 1023) / 1024).max(1);
        fill(self.kilobytes, &[("n", &kb.to_string())])
    }

    /// Whether a VOG is valid for one school type, in words, with a mark for the eye:
    /// "po ✓ geldig".
    pub fn validity(&self, school_type: &'static str, valid: bool) -> String {
        let (mark, word) = if valid {
            ("✓", self.vog_valid)
        } else {
            ("✗", self.vog_not_valid)
        };
        format!("{school_type} {mark} {word}")
    }

    /// What went wrong with an intake step or a VOG.
    pub fn error(&self, texts: &Texts, error: &ApiError) -> String {
        if let ApiError::Problem(problem) = error {
            if problem.code == "invalid_transition" {
                return self.err_step.to_owned();
            }
            if problem.code == "vog_missing" {
                return self.err_vog_missing.to_owned();
            }
        }
        texts.matching().error(texts, error)
    }
}
