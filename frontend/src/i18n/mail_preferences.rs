//! The texts of a person's e-mail choices and of unsubscribing from a link.

use domain::mail_preference::{MailCategory, MailChoice};

/// Texts of the e-mail settings and the unsubscribe page.
#[derive(Debug, PartialEq)]
pub struct MailPreferencesTexts {
    pub link: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub always: &'static str,
    pub save: &'static str,
    pub saving: &'static str,
    pub saved: &'static str,
    pub unsubscribe_title: &'static str,
    pub unsubscribe_intro: &'static str,
    pub unsubscribe: &'static str,
    pub unsubscribing: &'static str,
    /// "{what}" is the category in words.
    pub unsubscribed: &'static str,
    pub to_settings: &'static str,
    pub err_no_token: &'static str,
    pub err_invalid: &'static str,
    pub immediately: &'static str,
    pub weekly: &'static str,
    pub never: &'static str,
    pub matching: (&'static str, &'static str),
    pub hours: (&'static str, &'static str),
    pub lesson_series: (&'static str, &'static str),
    pub allowance: (&'static str, &'static str),
    pub reminders: (&'static str, &'static str),
    pub statements: (&'static str, &'static str),
}

impl MailPreferencesTexts {
    /// A category's name and what it holds.
    pub fn category(&self, category: MailCategory) -> (&'static str, &'static str) {
        match category {
            MailCategory::Matching => self.matching,
            MailCategory::Hours => self.hours,
            MailCategory::LessonSeries => self.lesson_series,
            MailCategory::Allowance => self.allowance,
            MailCategory::Reminders => self.reminders,
            MailCategory::Statements => self.statements,
        }
    }

    /// A choice in words.
    pub fn choice(&self, choice: MailChoice) -> &'static str {
        match choice {
            MailChoice::Immediately => self.immediately,
            MailChoice::Weekly => self.weekly,
            MailChoice::Never => self.never,
        }
    }
}

/// Dutch.
pub const NL: MailPreferencesTexts = MailPreferencesTexts {
    link: "E-mails",
    title: "E-mailinstellingen",
    intro: "Kies per soort bericht of je het direct krijgt, één keer per week in een overzicht (maandagochtend) of niet.",
    always: "Uitnodigingen, bevestigingslinks, een nieuw wachtwoord en een verlopen VOG krijg je altijd.",
    save: "Opslaan",
    saving: "Bezig met opslaan…",
    saved: "Je keuzes zijn opgeslagen.",
    unsubscribe_title: "Afmelden voor e-mails",
    unsubscribe_intro: "Je meldt je af voor deze e-mails van Klasbrug:",
    unsubscribe: "Afmelden",
    unsubscribing: "Bezig met afmelden…",
    unsubscribed: "Je bent afgemeld. Je krijgt geen e-mails meer over {what}.",
    to_settings: "Alle e-mailinstellingen",
    err_no_token: "Deze link is niet compleet. Open de link uit de e-mail opnieuw, of kopieer hem helemaal.",
    err_invalid: "Deze afmeldlink klopt niet. Kopieer de hele link uit de e-mail, of log in en kies bij je e-mailinstellingen.",
    immediately: "Direct",
    weekly: "Eén keer per week",
    never: "Niet",
    matching: (
        "Koppelingen",
        "Voorstellen, kennismakingen, bevestigingen en het einde van een koppeling.",
    ),
    hours: (
        "Uren",
        "Afgekeurde uren, en uren die op goedkeuring wachten.",
    ),
    lesson_series: (
        "Lessenseries",
        "Ingediend, aanpassingen gevraagd of goedgekeurd.",
    ),
    allowance: ("Vrijwilligersvergoeding", "Je vergoeding is betaald."),
    reminders: (
        "Herinneringen",
        "Je intake is gepland, of je VOG ontbreekt of wordt te oud.",
    ),
    statements: (
        "Verklaringen",
        "De verklaring van een maand staat klaar (voor werkgevers).",
    ),
};

/// English.
#[cfg(any(test, feature = "english"))]
pub const EN: MailPreferencesTexts = MailPreferencesTexts {
    link: "E-mails",
    title: "E-mail settings",
    intro: "Choose per kind of message whether you get it right away, once a week in a digest (Monday morning) or not at all.",
    always: "Invitations, confirmation links, a new password and an expired VOG always reach you.",
    save: "Save",
    saving: "Saving…",
    saved: "Your choices are saved.",
    unsubscribe_title: "Unsubscribe from e-mails",
    unsubscribe_intro: "You unsubscribe from these e-mails of Klasbrug:",
    unsubscribe: "Unsubscribe",
    unsubscribing: "Unsubscribing…",
    unsubscribed: "You are unsubscribed. You will get no more e-mails about {what}.",
    to_settings: "All e-mail settings",
    err_no_token: "This link is incomplete. Open the link from the e-mail again, or copy all of it.",
    err_invalid: "This unsubscribe link is not right. Copy the whole link from the e-mail, or log in and choose in your e-mail settings.",
    immediately: "Right away",
    weekly: "Once a week",
    never: "Never",
    matching: (
        "Matches",
        "Proposals, introductions, confirmations and the end of a match.",
    ),
    hours: ("Hours", "Rejected hours, and hours waiting for approval."),
    lesson_series: ("Lesson series", "Submitted, changes requested or approved."),
    allowance: ("Volunteer allowance", "Your allowance was paid."),
    reminders: (
        "Reminders",
        "Your intake is planned, or your VOG is missing or getting too old.",
    ),
    statements: (
        "Statements",
        "A month's statement is ready (for employers).",
    ),
};
