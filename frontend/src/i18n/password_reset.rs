//! The texts of a forgotten password: asking for a link, and choosing a new password with it.

use super::Texts;
use crate::api::ApiError;

/// Texts of resetting a password.
#[derive(Debug, PartialEq)]
pub struct PasswordResetTexts {
    pub link: &'static str,
    pub forgot_title: &'static str,
    pub forgot_intro: &'static str,
    pub email: &'static str,
    pub send: &'static str,
    pub sending: &'static str,
    pub sent: &'static str,
    pub reset_title: &'static str,
    pub reset_intro: &'static str,
    pub password: &'static str,
    pub password_hint: &'static str,
    pub password_repeat: &'static str,
    pub msg_password: &'static str,
    pub msg_password_repeat: &'static str,
    pub save: &'static str,
    pub saving: &'static str,
    pub done: &'static str,
    pub to_login: &'static str,
    pub ask_again: &'static str,
    pub err_no_token: &'static str,
    pub err_invalid: &'static str,
    pub err_expired: &'static str,
    pub err_used: &'static str,
    pub err_too_many: &'static str,
}

impl PasswordResetTexts {
    /// What went wrong, in words for the person.
    pub fn error(&self, texts: &Texts, error: &ApiError) -> &'static str {
        match error.code() {
            Some("reset_link_invalid") => self.err_invalid,
            Some("reset_link_expired") => self.err_expired,
            Some("reset_link_used") => self.err_used,
            Some("too_many_attempts") => self.err_too_many,
            _ => texts.error(error),
        }
    }
}

/// Dutch.
pub const NL: PasswordResetTexts = PasswordResetTexts {
    link: "Wachtwoord vergeten?",
    forgot_title: "Wachtwoord vergeten",
    forgot_intro: "Vul het e-mailadres in waarmee je inlogt. Je krijgt een e-mail met een link om een nieuw wachtwoord te kiezen.",
    email: "E-mailadres",
    send: "Stuur de link",
    sending: "Bezig met versturen…",
    sent: "Als er een account bij dit adres hoort, krijg je een e-mail met een link. De link werkt één uur. Kreeg je geen e-mail? Kijk ook in je spam.",
    reset_title: "Nieuw wachtwoord kiezen",
    reset_intro: "Kies een nieuw wachtwoord. Daarna ben je overal uitgelogd en log je in met het nieuwe wachtwoord.",
    password: "Nieuw wachtwoord",
    password_hint: "Minstens 10 tekens. Een paar losse woorden is sterk en makkelijk te onthouden.",
    password_repeat: "Herhaal het nieuwe wachtwoord",
    msg_password: "Kies een wachtwoord van minstens 10 tekens dat moeilijk te raden is, zonder je naam of e-mailadres.",
    msg_password_repeat: "De twee wachtwoorden zijn niet gelijk.",
    save: "Wachtwoord opslaan",
    saving: "Bezig met opslaan…",
    done: "Je wachtwoord is gewijzigd. Log in met je nieuwe wachtwoord.",
    to_login: "Naar inloggen",
    ask_again: "Vraag een nieuwe link aan",
    err_no_token: "Deze link is niet compleet. Open de link uit de e-mail opnieuw, of vraag een nieuwe aan.",
    err_invalid: "Deze link klopt niet. Kopieer de hele link uit de e-mail, of vraag een nieuwe aan.",
    err_expired: "Deze link is verlopen: hij werkt één uur. Vraag een nieuwe aan.",
    err_used: "Deze link is al gebruikt. Log in met je nieuwe wachtwoord, of vraag een nieuwe link aan.",
    err_too_many: "Je vroeg al een paar keer een link aan. Probeer het over een uur opnieuw, en kijk intussen in je e-mail en spam.",
};

/// English.
#[cfg(any(test, feature = "english"))]
pub const EN: PasswordResetTexts = PasswordResetTexts {
    link: "Forgot your password?",
    forgot_title: "Forgot your password",
    forgot_intro: "Enter the e-mail address you log in with. You will get an e-mail with a link to choose a new password.",
    email: "E-mail address",
    send: "Send the link",
    sending: "Sending…",
    sent: "If an account belongs to this address, you will get an e-mail with a link. The link works for one hour. No e-mail? Check your spam folder too.",
    reset_title: "Choose a new password",
    reset_intro: "Choose a new password. You will then be logged out everywhere and log in with the new password.",
    password: "New password",
    password_hint: "At least 10 characters. A few unrelated words are strong and easy to remember.",
    password_repeat: "Repeat the new password",
    msg_password: "Choose a password of at least 10 characters that is hard to guess, without your name or e-mail address.",
    msg_password_repeat: "The two passwords are not the same.",
    save: "Save password",
    saving: "Saving…",
    done: "Your password has been changed. Log in with your new password.",
    to_login: "To login",
    ask_again: "Ask for a new link",
    err_no_token: "This link is incomplete. Open the link from the e-mail again, or ask for a new one.",
    err_invalid: "This link is not right. Copy the whole link from the e-mail, or ask for a new one.",
    err_expired: "This link has expired: it works for one hour. Ask for a new one.",
    err_used: "This link was used already. Log in with your new password, or ask for a new link.",
    err_too_many: "You asked for a link several times already. Try again in an hour, and check your e-mail and spam meanwhile.",
};
