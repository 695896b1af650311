//! A forgotten password in headless Chromium on a 360 px phone, against the real binary on
//! SQLite and on PostgreSQL, with the e-mail going to a real SMTP server: Noah finds "Wachtwoord
//! vergeten?" on the login page, asks for a link and is told the same as anyone would be, opens
//! the link from the e-mail, is told in Dutch when the two passwords differ, sets a new one and
//! logs in with it; the old one no longer works. Every field has a label and takes the keyboard,
//! and no page scrolls sideways.

use crate::common::{
    labelled_and_keyboard_reachable, log_in, shot, sideways_overflow, spawn_server_with, type_in,
};
use klasbrug_e2e::Driver;
use testkit::on_both_backends;
use testkit::smtp::SmtpServer;

const PHONE: (u32, u32) = (360, 740);
const NOAH: (&str, &str) = ("noah@ambassadeur.example", "Noah Verbeek");
const NEW_PASSWORD: &str = "zeilen-op-het-ijsselmeer-5";

/// The reset link in a message's text, as a path.
fn reset_link(text: &str) -> String {
    let at = text
        .find("/wachtwoord-herstellen?token=")
        .expect("a reset link");
    text[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "/?=&-_".contains(*c))
        .collect()
}

on_both_backends! {
    async fn noah_resets_a_forgotten_password_from_the_login_page_and_logs_in_with_the_new_one(db) {
        let smtp = SmtpServer::start().await;
        let smtp_url = smtp.url();
        let server = spawn_server_with(&db, &[("KLASBRUG_SMTP_URL", smtp_url.as_str())]).await;
        let driver = Driver::start().await;
        let browser = driver.session(PHONE.0, PHONE.1).await;

        // From the login page to the form; an implausible address is refused in Dutch.
        browser.goto(&server.url("/")).await;
        browser.click(&browser.find("#forgot-password-link").await).await;
        browser.wait_for_text("#page-title", "Wachtwoord vergeten").await;
        assert!(browser.current_url().await.ends_with("/wachtwoord-vergeten"));
        assert_eq!(sideways_overflow(&browser).await, 0, "the form scrolls sideways at 360 px");
        assert!(labelled_and_keyboard_reachable(&browser).await, "a field without a label or keyboard");
        type_in(&browser, "#fp-email", "noah").await;
        browser.click(&browser.find("#fp-submit").await).await;
        browser.wait_for_text("#fp-email-error", "geldig e-mailadres").await;
        type_in(&browser, "#fp-email", NOAH.0).await;
        browser.click(&browser.find("#fp-submit").await).await;
        browser.wait_for_text("#fp-sent", "Als er een account bij dit adres hoort, krijg je een e-mail met een link.").await;
        browser.screenshot(&shot(&db, "wachtwoord-vergeten")).await;

        // The e-mail's link: two different passwords are refused, then the new one is set.
        let mail = smtp.wait_for_mail_to(NOAH.0).await;
        browser.goto(&server.url(&reset_link(&mail.text()))).await;
        browser.wait_for_text("#page-title", "Nieuw wachtwoord kiezen").await;
        assert_eq!(sideways_overflow(&browser).await, 0, "the reset page scrolls sideways at 360 px");
        assert!(labelled_and_keyboard_reachable(&browser).await);
        type_in(&browser, "#rp-password", NEW_PASSWORD).await;
        type_in(&browser, "#rp-password-repeat", "iets-anders-dan-dat").await;
        browser.click(&browser.find("#rp-submit").await).await;
        browser.wait_for_text("#rp-password-repeat-error", "niet gelijk").await;
        type_in(&browser, "#rp-password-repeat", NEW_PASSWORD).await;
        browser.screenshot(&shot(&db, "wachtwoord-herstellen")).await;
        browser.click(&browser.find("#rp-submit").await).await;
        browser.wait_for_text("#rp-done", "Je wachtwoord is gewijzigd").await;
        browser.screenshot(&shot(&db, "wachtwoord-gewijzigd")).await;

        // To the login: the old password is refused, the new one logs in.
        browser.click(&browser.find("#to-login").await).await;
        log_in(&browser, NOAH.0, "klasbrug-demo").await;
        browser.wait_for_text("#login-error", "E-mailadres of wachtwoord klopt niet").await;
        log_in(&browser, NOAH.0, NEW_PASSWORD).await;
        browser.wait_for_text("#user-name", NOAH.1).await;
        assert_eq!(smtp.mails_to(NOAH.0).len(), 1);
    }
}
