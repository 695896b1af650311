//! The texts of the outgoing messages (Berichten): the filter, the columns, the statuses, and
//! sending a failed message again.

use domain::contract::MessageStatus;

use super::Texts;
use crate::api::ApiError;

/// Texts of the outgoing messages.
#[derive(Debug, PartialEq)]
pub struct MessagesTexts {
    pub menu: &'static str,
    pub intro: &'static str,
    pub filter_status: &'static str,
    pub all: &'static str,
    pub filter_recipient: &'static str,
    pub column_created: &'static str,
    pub column_recipient: &'static str,
    pub column_subject: &'static str,
    pub column_status: &'static str,
    pub column_attempts: &'static str,
    pub column_error: &'static str,
    pub column_sent: &'static str,
    pub column_actions: &'static str,
    pub waiting: &'static str,
    pub sent: &'static str,
    pub failed: &'static str,
    pub next_attempt: &'static str,
    pub retry: &'static str,
    pub retrying: &'static str,
    pub retried: &'static str,
    pub none: &'static str,
    /// Someone else sent the message again first, or it no longer failed.
    pub err_not_failed: &'static str,
}

impl MessagesTexts {
    /// A status in words.
    pub fn status(&self, status: MessageStatus) -> &'static str {
        match status {
            MessageStatus::Waiting => self.waiting,
            MessageStatus::Sent => self.sent,
            MessageStatus::Failed => self.failed,
        }
    }

    /// What went wrong sending a message again, in words.
    pub fn error(&self, texts: &Texts, error: &ApiError) -> &'static str {
        match error {
            ApiError::Problem(problem) if problem.code == "message_not_failed" => {
                self.err_not_failed
            }
            other => texts.error(other),
        }
    }
}

/// Dutch.
pub const NL: MessagesTexts = MessagesTexts {
    menu: "Berichten",
    intro: "Welke e-mails Klasbrug verstuurde, welke nog wachten en welke mislukten, en waarom. Een mislukt bericht kun je opnieuw versturen.",
    filter_status: "Status",
    all: "Alles",
    filter_recipient: "Aan (zoeken)",
    column_created: "Aangemaakt",
    column_recipient: "Aan",
    column_subject: "Onderwerp",
    column_status: "Status",
    column_attempts: "Pogingen",
    column_error: "Laatste fout",
    column_sent: "Verstuurd",
    column_actions: "Acties",
    waiting: "Wacht",
    sent: "Verstuurd",
    failed: "Mislukt",
    next_attempt: "volgende poging",
    retry: "Opnieuw versturen",
    retrying: "Bezig…",
    retried: "Het bericht aan {recipient} staat weer klaar om te versturen.",
    none: "Er zijn geen berichten die hierbij passen.",
    err_not_failed: "Dit bericht is niet meer mislukt: iemand anders heeft het al opnieuw verstuurd, of het wacht nog. De lijst is bijgewerkt.",
};

/// English.
#[cfg(any(test, feature = "english"))]
pub const EN: MessagesTexts = MessagesTexts {
    menu: "Messages",
    intro: "Which e-mails Klasbrug sent, which still wait and which failed, and why. You can send a failed message again.",
    filter_status: "Status",
    all: "All",
    filter_recipient: "To (search)",
    column_created: "Created",
    column_recipient: "To",
    column_subject: "Subject",
    column_status: "Status",
    column_attempts: "Attempts",
    column_error: "Last error",
    column_sent: "Sent",
    column_actions: "Actions",
    waiting: "Waiting",
    sent: "Sent",
    failed: "Failed",
    next_attempt: "next attempt",
    retry: "Send again",
    retrying: "Sending…",
    retried: "The message to {recipient} is queued again.",
    none: "No messages match.",
    err_not_failed: "This message has not failed any more: someone else sent it again, or it still waits. The list is up to date.",
};
