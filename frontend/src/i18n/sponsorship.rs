//! The texts of employer sponsorship: the Werkgever and Werkgevers pages (staff, agreements,
//! contributions, the statement), the employer's sign-up and the invitation an employee accepts.
//! Employers are addressed with "je", like everyone else in the app. The values themselves are in
//! `sponsorship/nl.rs` and `sponsorship/en.rs`. Amounts are written with
//! [`domain::money::format_euro`], hours with [`super::LessonSeriesTexts::duration`], as on the
//! Uren page.

use domain::contract::{ContributionType, InvitationStatus};
use domain::sponsorship::{AgreementAction, AgreementStatus, Party};

use super::{LessonSeriesTexts, Texts, fill};
use crate::api::ApiError;

#[cfg(any(test, feature = "english"))]
pub mod en;
pub mod nl;

/// Texts of employer sponsorship.
#[derive(Debug, PartialEq)]
pub struct SponsorshipTexts {
    pub menu_employer: &'static str,
    pub menu_employers: &'static str,
    pub employer_intro: &'static str,
    pub employers_intro: &'static str,
    pub on_this_page: &'static str,
    pub no_employer: &'static str,

    // Verification.
    pub verified: &'static str,
    pub unverified: &'static str,
    pub verify: &'static str,
    pub verifying: &'static str,
    pub verified_done: &'static str,
    pub not_verified_notice: &'static str,
    pub not_verified_admin: &'static str,
    pub no_employers: &'static str,
    pub column_employer: &'static str,
    pub column_municipality: &'static str,
    pub column_status: &'static str,
    pub column_signed_up: &'static str,
    pub municipality: &'static str,

    // Staff and invitations.
    pub staff_title: &'static str,
    pub invite_title: &'static str,
    pub invite_hint: &'static str,
    pub invite_name: &'static str,
    pub invite_email: &'static str,
    pub invite_submit: &'static str,
    pub sending: &'static str,
    pub invite_sent: &'static str,
    pub invitations_title: &'static str,
    pub no_invitations: &'static str,
    pub pending: &'static str,
    pub accepted: &'static str,
    pub expired: &'static str,
    pub revoked: &'static str,
    pub valid_until: &'static str,
    pub accepted_on: &'static str,
    pub expired_on: &'static str,
    pub employees_title: &'static str,
    pub no_employees: &'static str,

    // Agreements.
    pub agreements_title: &'static str,
    pub agreements_intro: &'static str,
    pub column_employee: &'static str,
    pub column_school_year: &'static str,
    pub column_start: &'static str,
    pub column_commitment: &'static str,
    pub column_sponsored: &'static str,
    pub column_volunteered: &'static str,
    pub column_rate: &'static str,
    pub column_actions: &'static str,
    pub proposed: &'static str,
    pub agreed: &'static str,
    pub running: &'static str,
    pub ended: &'static str,
    pub no_agreements: &'static str,
    pub propose_title: &'static str,
    pub propose_needs_employee: &'static str,
    pub employee_label: &'static str,
    pub choose_employee: &'static str,
    pub school_year_label: &'static str,
    pub start_label: &'static str,
    pub commitment_label: &'static str,
    pub sponsored_label: &'static str,
    pub volunteered_label: &'static str,
    pub hours_hint: &'static str,
    pub rate_label: &'static str,
    pub rate_hint: &'static str,
    pub propose_submit: &'static str,
    pub proposed_done: &'static str,
    pub agree: &'static str,
    pub start: &'static str,
    pub end: &'static str,
    pub end_label: &'static str,
    pub end_hint: &'static str,
    pub end_required: &'static str,
    pub end_submit: &'static str,
    pub end_reason: &'static str,
    pub cancel: &'static str,
    pub saving: &'static str,
    pub agreed_done: &'static str,
    pub started_done: &'static str,
    pub ended_done: &'static str,

    // Contributions and extra cost rows.
    pub contributions_title: &'static str,
    pub contributions_intro: &'static str,
    pub column_date: &'static str,
    pub column_kind: &'static str,
    pub column_description: &'static str,
    pub column_amount: &'static str,
    pub column_receipt: &'static str,
    pub materials: &'static str,
    pub money: &'static str,
    pub no_contributions: &'static str,
    pub contribution_title: &'static str,
    pub kind_label: &'static str,
    pub description_label: &'static str,
    pub description_hint: &'static str,
    pub amount_label: &'static str,
    pub amount_hint: &'static str,
    pub date_label: &'static str,
    pub receipt_label: &'static str,
    pub contribution_submit: &'static str,
    pub contribution_done: &'static str,
    pub cost_roles_title: &'static str,
    pub cost_roles_intro: &'static str,
    pub column_role: &'static str,
    pub column_party: &'static str,
    pub column_hours: &'static str,
    pub column_cost: &'static str,
    pub party_employer: &'static str,
    pub party_school: &'static str,
    pub party_programme: &'static str,
    pub no_cost_roles: &'static str,
    pub cost_role_title: &'static str,
    pub role_label: &'static str,
    pub role_hint: &'static str,
    pub party_label: &'static str,
    pub cost_hours_label: &'static str,
    pub cost_hours_hint: &'static str,
    pub cost_rate_label: &'static str,
    pub cost_role_submit: &'static str,
    pub cost_role_done: &'static str,

    // The statement.
    pub report_title: &'static str,
    pub report_intro: &'static str,
    pub from_label: &'static str,
    pub to_label: &'static str,
    pub show_report: &'static str,
    pub report_period: &'static str,
    pub hours_title: &'static str,
    pub column_schools: &'static str,
    pub column_agreed: &'static str,
    pub column_delivered: &'static str,
    pub column_difference: &'static str,
    pub total: &'static str,
    pub no_report_employees: &'static str,
    pub sroi_title: &'static str,
    pub sroi_value: &'static str,
    pub sroi_how: &'static str,
    pub cost_title: &'static str,
    pub party_total: &'static str,
    pub hours_cost_total: &'static str,
    pub contributions_total: &'static str,
    pub download_csv: &'static str,
    pub download_xlsx: &'static str,
    pub downloading: &'static str,
    pub downloaded: &'static str,

    // The employer's sign-up.
    pub sign_up_title: &'static str,
    pub sign_up_intro: &'static str,
    pub sign_up_link: &'static str,
    pub organisation_name_label: &'static str,
    pub municipality_hint: &'static str,
    pub contact_name_label: &'static str,
    pub email_label: &'static str,
    pub email_hint: &'static str,
    pub password_label: &'static str,
    pub password_hint: &'static str,
    pub password_repeat_label: &'static str,
    pub sign_up_submit: &'static str,
    pub signed_up: &'static str,
    pub to_login: &'static str,

    // Accepting an invitation.
    pub invitation_title: &'static str,
    pub invitation_from: &'static str,
    pub invitation_for: &'static str,
    pub weekdays_label: &'static str,
    pub accept_submit: &'static str,
    pub accept_linked_submit: &'static str,
    pub account_created: &'static str,
    pub account_linked: &'static str,
    pub account_exists: &'static str,
    pub log_in_first: &'static str,

    // Messages at fields.
    pub msg_name: &'static str,
    pub msg_email: &'static str,
    pub msg_organisation_name: &'static str,
    pub msg_municipality: &'static str,
    pub msg_contact_name: &'static str,
    pub msg_password: &'static str,
    pub msg_password_repeat: &'static str,
    pub msg_password_weak: &'static str,
    pub msg_weekdays: &'static str,
    pub msg_employee: &'static str,
    pub msg_hours: &'static str,
    pub msg_no_hours: &'static str,
    pub msg_rate: &'static str,
    pub msg_amount: &'static str,
    pub msg_description: &'static str,
    pub msg_date: &'static str,
    pub msg_receipt: &'static str,
    pub msg_role: &'static str,
    pub msg_cost_hours: &'static str,
    pub msg_to_before_from: &'static str,
    pub msg_check: &'static str,

    // What went wrong, by server code.
    pub err_not_verified: &'static str,
    pub err_already_verified: &'static str,
    pub err_not_linked: &'static str,
    pub err_receipt_taken: &'static str,
    pub err_agreement_changed: &'static str,
    pub err_invitation_expired: &'static str,
    pub err_invitation_used: &'static str,
    pub err_invitation_wrong_employer: &'static str,
    pub err_invitation_unknown: &'static str,
}

impl SponsorshipTexts {
    /// An invitation's status: "Wacht op acceptatie".
    pub fn invitation_status(&self, status: InvitationStatus) -> &'static str {
        match status {
            InvitationStatus::Pending => self.pending,
            InvitationStatus::Accepted => self.accepted,
            InvitationStatus::Expired => self.expired,
            InvitationStatus::Revoked => self.revoked,
        }
    }

    /// An agreement's status: "Lopend".
    pub fn agreement_status(&self, status: AgreementStatus) -> &'static str {
        match status {
            AgreementStatus::Proposed => self.proposed,
            AgreementStatus::Agreed => self.agreed,
            AgreementStatus::Running => self.running,
            AgreementStatus::Ended => self.ended,
        }
    }

    /// The button of a step: "Afspreken".
    pub fn action(&self, action: AgreementAction) -> &'static str {
        match action {
            AgreementAction::Agree => self.agree,
            AgreementAction::Start => self.start,
            AgreementAction::End => self.end,
        }
    }

    /// What a step on `name`'s agreement did.
    pub fn done(&self, action: AgreementAction, name: &str) -> String {
        let template = match action {
            AgreementAction::Agree => self.agreed_done,
            AgreementAction::Start => self.started_done,
            AgreementAction::End => self.ended_done,
        };
        fill(template, &[("name", name)])
    }

    /// Materials or money.
    pub fn contribution_kind(&self, kind: ContributionType) -> &'static str {
        match kind {
            ContributionType::Materials => self.materials,
            ContributionType::Money => self.money,
        }
    }

    /// Who bears a cost: "Werkgever".
    pub fn party(&self, party: Party) -> &'static str {
        match party {
            Party::Employer => self.party_employer,
            Party::School => self.party_school,
            Party::Programme => self.party_programme,
        }
    }

    /// Minutes as hours the Uren page's way: "32 uur", "1 uur 30 min"; none is "0 uur".
    pub fn hours(&self, words: &LessonSeriesTexts, minutes: u64) -> String {
        match u32::try_from(minutes) {
            Ok(0) => fill(words.hours, &[("h", "0")]),
            Ok(minutes) => words.duration(minutes),
            Err(_) => fill(words.hours, &[("h", &(minutes / 60).to_string())]),
        }
    }

    /// A difference in minutes, with its sign: "+2 uur", "-1 uur 30 min", "0 uur".
    pub fn difference(&self, words: &LessonSeriesTexts, minutes: i64) -> String {
        let size = self.hours(words, minutes.unsigned_abs());
        match minutes.signum() {
            1 => format!("+{size}"),
            -1 => format!("-{size}"),
            _ => size,
        }
    }

    /// The message for a field the server refused; its own message is English and meant for
    /// developers.
    pub fn field_message(&self, field: &str) -> &'static str {
        match field {
            "name" => self.msg_name,
            "email" => self.msg_email,
            "organisation_name" => self.msg_organisation_name,
            "municipality" => self.msg_municipality,
            "contact_name" => self.msg_contact_name,
            "password" => self.msg_password,
            "weekdays" => self.msg_weekdays,
            "ambassador_id" => self.msg_employee,
            "sponsored_minutes_per_week" | "volunteered_minutes_per_week" => self.msg_hours,
            "hourly_rate" => self.msg_rate,
            "amount" => self.msg_amount,
            "description" => self.msg_description,
            "given_on" | "recorded_on" => self.msg_date,
            "receipt_number" => self.msg_receipt,
            "role" => self.msg_role,
            "minutes" => self.msg_cost_hours,
            "to" | "from" => self.msg_to_before_from,
            _ => self.msg_check,
        }
    }

    /// The messages for fields the server refused after the page's own checks passed: a
    /// password refused then is one that is too easy to guess (or holds the person's details).
    pub fn refused_by_server(
        &self,
        wrong: Vec<(String, &'static str)>,
    ) -> Vec<(String, &'static str)> {
        wrong
            .into_iter()
            .map(|(field, message)| {
                let message = if field == "password" {
                    self.msg_password_weak
                } else {
                    message
                };
                (field, message)
            })
            .collect()
    }

    /// What went wrong, in Dutch: the codes of sponsorship first, then the general ones.
    pub fn error(&self, texts: &Texts, error: &ApiError) -> &'static str {
        match (error.code(), error.status()) {
            (Some("employer_not_verified"), _) => self.err_not_verified,
            (Some("already_verified"), _) => self.err_already_verified,
            (Some("not_linked"), _) => self.err_not_linked,
            (Some("receipt_taken"), _) => self.err_receipt_taken,
            (Some("invalid_transition"), _) => self.err_agreement_changed,
            (Some("invitation_expired"), _) => self.err_invitation_expired,
            (Some("invitation_already_used"), _) => self.err_invitation_used,
            (Some("invitation_wrong_employer"), _) => self.err_invitation_wrong_employer,
            _ => texts.error(error),
        }
    }
}

#[cfg(test)]
mod tests;
