//! The texts of the Vergoedingen page: a month's volunteer allowance statement, the caps of a
//! year, a line's checks, flags and steps, and the payout files. The values themselves are in
//! `allowances/nl.rs` and `allowances/en.rs`. Amounts are written with
//! [`domain::money::format_euro`]; a cap breach has its own Dutch sentence in the domain
//! ([`domain::allowance::CapBreach::dutch`]).

use domain::allowance::{CapCheck, CapKind, LineStatus};
use domain::contract::LineAction;
use domain::money::format_euro;

use super::{Texts, fill};
use crate::api::ApiError;

#[cfg(any(test, feature = "english"))]
pub mod en;
pub mod nl;

/// Texts of the volunteer allowance.
#[derive(Debug, PartialEq)]
pub struct AllowanceTexts {
    pub menu_allowances: &'static str,
    pub intro: &'static str,

    // Drawing up a month.
    pub draw_up: &'static str,
    pub drawing_up: &'static str,
    pub drawn_up: &'static str,
    pub empty: &'static str,
    pub empty_drawn_up: &'static str,
    pub waiting_title: &'static str,
    pub waiting_none: &'static str,
    pub waiting_hours_one: &'static str,
    pub waiting_hours_many: &'static str,
    pub waiting_no_details: &'static str,

    // The caps of a year.
    pub caps_missing: &'static str,
    pub caps_title: &'static str,
    pub caps_hourly_21_plus: &'static str,
    pub caps_hourly_under_21: &'static str,
    pub caps_monthly: &'static str,
    pub caps_yearly: &'static str,
    pub caps_hint: &'static str,
    pub caps_submit: &'static str,
    pub caps_saved: &'static str,
    pub caps_entered_already: &'static str,
    pub msg_euros: &'static str,
    pub msg_caps_year: &'static str,
    pub msg_caps_21_plus: &'static str,
    pub msg_caps_under_21: &'static str,
    pub msg_caps_monthly: &'static str,
    pub msg_caps_yearly: &'static str,

    // One line.
    pub draft: &'static str,
    pub approved: &'static str,
    pub paid: &'static str,
    pub correction: &'static str,
    pub volunteered: &'static str,
    pub amount: &'static str,
    pub computed: &'static str,
    pub adjustment_reason: &'static str,
    pub checks_title: &'static str,
    pub check_monthly: &'static str,
    pub check_yearly: &'static str,
    pub check_hourly: &'static str,
    pub check_of: &'static str,
    pub check_within: &'static str,
    pub check_over: &'static str,
    pub flags_title: &'static str,
    pub no_iban: &'static str,
    pub approve_blocked: &'static str,

    // Steps on a line.
    pub adjust: &'static str,
    pub approve: &'static str,
    pub reopen: &'static str,
    pub mark_paid: &'static str,
    pub cancel: &'static str,
    pub saving: &'static str,
    pub adjust_amount: &'static str,
    pub adjust_amount_hint: &'static str,
    pub adjust_reason: &'static str,
    pub adjust_reason_hint: &'static str,
    pub adjust_required: &'static str,
    pub adjust_submit: &'static str,
    pub reopen_label: &'static str,
    pub reopen_hint: &'static str,
    pub reopen_required: &'static str,
    pub confirm_paid: &'static str,
    pub confirm_paid_yes: &'static str,
    pub adjusted_done: &'static str,
    pub approved_done: &'static str,
    pub reopened_done: &'static str,
    pub paid_done: &'static str,

    // The month's totals and the payout files.
    pub totals: &'static str,
    pub lines_one: &'static str,
    pub lines_many: &'static str,
    pub payout_title: &'static str,
    pub payout_hint: &'static str,
    pub payout_none: &'static str,
    pub payout_none_yet: &'static str,
    pub execution_date: &'static str,
    pub make_payout: &'static str,
    pub making_payout: &'static str,
    pub payout_made: &'static str,
    pub payout_files_title: &'static str,
    pub payout_files_none: &'static str,
    pub payout_file_facts: &'static str,
    pub payments_one: &'static str,
    pub payments_many: &'static str,
    pub download_csv: &'static str,
    pub download_sepa: &'static str,
    pub no_sepa: &'static str,
    pub downloading: &'static str,
    pub downloaded: &'static str,

    // What went wrong, by server code.
    pub err_over_cap: &'static str,
    pub err_over_cap_monthly: &'static str,
    pub err_over_cap_yearly: &'static str,
    pub err_over_cap_hourly: &'static str,
    pub err_stale: &'static str,
    pub err_correctable: &'static str,
    pub err_changed: &'static str,
    pub err_negative: &'static str,
    pub err_nothing_to_pay: &'static str,
    pub err_all_in_files: &'static str,
    pub err_iban_missing: &'static str,
    pub err_iban_missing_names: &'static str,
    pub err_payout_account: &'static str,
    pub err_execution_date: &'static str,
}

impl AllowanceTexts {
    /// A line's status: "concept", "goedgekeurd", "betaald".
    pub fn status(&self, status: LineStatus) -> &'static str {
        match status {
            LineStatus::Draft => self.draft,
            LineStatus::Approved => self.approved,
            LineStatus::Paid => self.paid,
        }
    }

    /// The name of a cap a line was checked against: "Per maand".
    pub fn check(&self, kind: CapKind) -> &'static str {
        match kind {
            CapKind::Monthly => self.check_monthly,
            CapKind::Yearly => self.check_yearly,
            CapKind::Hourly => self.check_hourly,
        }
    }

    /// Why a volunteer waits, in Dutch. The server says it in English for developers; the two
    /// reasons it gives are recognised, anything else is shown as it came.
    pub fn waiting_reason(&self, reason: &str) -> String {
        let waiting_hours = reason
            .strip_suffix(" hour entries wait for the school's decision")
            .and_then(|n| n.parse::<u32>().ok());
        match waiting_hours {
            Some(1) => self.waiting_hours_one.to_owned(),
            Some(n) => fill(self.waiting_hours_many, &[("n", &n.to_string())]),
            None if reason.starts_with("no allowance details") => {
                self.waiting_no_details.to_owned()
            }
            None => reason.to_owned(),
        }
    }

    /// How many lines: "1 regel", "3 regels".
    pub fn lines(&self, n: usize) -> String {
        match n {
            1 => self.lines_one.to_owned(),
            n => fill(self.lines_many, &[("n", &n.to_string())]),
        }
    }

    /// The message after a step on `name`'s line.
    pub fn done(&self, action: LineAction, name: &str) -> String {
        let template = match action {
            LineAction::Approve => self.approved_done,
            LineAction::Reopen => self.reopened_done,
            LineAction::MarkPaid => self.paid_done,
        };
        fill(template, &[("name", name)])
    }

    /// The message for a field of the caps form the server refused. Its own message is English
    /// and meant for developers: each field has the rule it breaks, in Dutch.
    pub fn caps_field_message(&self, field: &str) -> &'static str {
        match field {
            "year" => self.msg_caps_year,
            "hourly_21_plus" => self.msg_caps_21_plus,
            "hourly_under_21" => self.msg_caps_under_21,
            "monthly" => self.msg_caps_monthly,
            _ => self.msg_caps_yearly,
        }
    }

    /// What went wrong on this page. `without_iban` are the volunteers whose approved lines have
    /// no IBAN on record, as the page knows them: they are named when a payout file is refused
    /// for it.
    pub fn error(&self, texts: &Texts, error: &ApiError, without_iban: &[&str]) -> String {
        let details = error.details();
        let own = match error.code() {
            Some("over_cap") => return self.over_cap(details.map_or(&[], |d| &d.caps)),
            Some("precondition_failed") => self.err_stale,
            _ if super::is_about_field(error, "amount")
                && details.and_then(|d| d.correctable).is_some() =>
            {
                let correctable = details
                    .and_then(|d| d.correctable)
                    .unwrap_or(domain::money::Cents::ZERO);
                return fill(
                    self.err_correctable,
                    &[("amount", &format_euro(correctable))],
                );
            }
            Some("invalid_transition") => self.err_changed,
            Some("nothing_to_pay") if details.is_some_and(|d| !d.payout_files.is_empty()) => {
                self.err_all_in_files
            }
            Some("nothing_to_pay") => self.err_nothing_to_pay,
            Some("payout_account_missing") => self.err_payout_account,
            Some("iban_missing") if without_iban.is_empty() => self.err_iban_missing,
            Some("iban_missing") => {
                return fill(
                    self.err_iban_missing_names,
                    &[("names", &without_iban.join(", "))],
                );
            }
            _ if super::is_about_field(error, "execution_date") => self.err_execution_date,
            _ if super::is_about_field(error, "amount") => self.err_negative,
            _ => texts.error(error),
        };
        own.to_owned()
    }
}

impl AllowanceTexts {
    /// Why a line cannot be approved or paid, from the caps the server names: each cap with
    /// the total and the cap in euros. Without details, the general sentence.
    fn over_cap(&self, caps: &[CapCheck]) -> String {
        if caps.is_empty() {
            return self.err_over_cap.to_owned();
        }
        caps.iter()
            .map(|check| {
                let template = match check.kind {
                    CapKind::Monthly => self.err_over_cap_monthly,
                    CapKind::Yearly => self.err_over_cap_yearly,
                    CapKind::Hourly => self.err_over_cap_hourly,
                };
                fill(
                    template,
                    &[
                        ("total", &format_euro(check.total)),
                        ("cap", &format_euro(check.cap)),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests;
