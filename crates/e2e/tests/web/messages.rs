//! Berichten in headless Chromium, against the real binary on SQLite and on PostgreSQL with a
//! real SMTP server: the mail server refuses an employee's invitation, so it fails after its one
//! attempt; programme staff see it as "Mislukt" with the server's answer, the mail server
//! accepts again, "Opnieuw versturen" sends it, and the row becomes "Verstuurd". On a 360 px
//! phone each message is a card and nothing scrolls sideways.

use crate::common::{
    assert_on_screen, labelled_and_keyboard_reachable, log_in_as, shot, sideways_overflow,
    spawn_server_with, token,
};
use klasbrug_e2e::Driver;
use serde_json::{Value, json};
use testkit::on_both_backends;
use testkit::smtp::{Mode, SmtpServer};

const ADMIN: (&str, &str) = ("beheer@klasbrug.example", "Iris van Leeuwen");
const EMPLOYEE: &str = "sanne@voorbeeld.example";

/// The messages to `EMPLOYEE` as the API lists them, once `done` holds for them: the worker
/// records an attempt's outcome just after the mail server answers.
async fn messages_once(server: &testkit::TestServer, admin: &str, done: impl Fn(&[Value]) -> bool) {
    let client = reqwest::Client::new();
    let url = server.url(&format!("/api/v1/messages?recipient={EMPLOYEE}"));
    let wait = async {
        loop {
            let page: Value = client
                .get(&url)
                .bearer_auth(admin)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            if done(page["items"].as_array().unwrap()) {
                return;
            }
            tokio::task::yield_now().await;
        }
    };
    tokio::time::timeout(std::time::Duration::from_secs(20), wait)
        .await
        .expect("the API never showed the message as the test expects");
}

on_both_backends! {
    async fn programme_staff_see_a_failed_message_with_its_error_and_send_it_again(db) {
        let smtp = SmtpServer::start_in(Mode::RefuseTemporarily).await;
        let smtp_url = smtp.url();
        let server = spawn_server_with(&db, &[
            ("KLASBRUG_SMTP_URL", smtp_url.as_str()),
            ("KLASBRUG_MAIL_MAX_ATTEMPTS", "1"),
        ]).await;

        // The employer's contact invites an employee; the mail server refuses it once, and with
        // one attempt allowed that makes it fail.
        let contact = token(&server, "hr@hoogland.example").await;
        let client = reqwest::Client::new();
        let employers: Value = client.get(server.url("/api/v1/employers")).bearer_auth(&contact)
            .send().await.unwrap().json().await.unwrap();
        let invited = client
            .post(server.url(&format!("/api/v1/employers/{}/invitations", employers[0]["id"].as_str().unwrap())))
            .bearer_auth(&contact)
            .json(&json!({"name": "Sanne Voorbeeld", "email": EMPLOYEE}))
            .send().await.unwrap();
        assert_eq!(invited.status().as_u16(), 201);
        let admin = token(&server, ADMIN.0).await;
        messages_once(&server, &admin, |m| m.len() == 1 && m[0]["status"] == "failed").await;

        let driver = Driver::start().await;
        let browser = driver.session(1280, 900).await;
        browser.goto(&server.url("/")).await;
        log_in_as(&browser, ADMIN.0, ADMIN.1).await;
        browser.click(&browser.find("#menu-messages").await).await;
        let row = browser.wait_for_text("#messages tbody tr[data-status='failed']", EMPLOYEE).await;
        assert!(row.contains("Mislukt") && row.contains("451"), "{row}");
        assert!(row.contains("Uitnodiging van"), "{row}");
        assert!(labelled_and_keyboard_reachable(&browser).await);
        assert_on_screen(&browser, "#messages button.retry").await;
        browser.screenshot(&shot(&db, "berichten-mislukt")).await;

        // The mail server accepts again; staff send the message again and see it go.
        smtp.set_mode(Mode::Accept);
        browser.click(&browser.find("#messages tbody tr[data-status='failed'] button.retry").await).await;
        browser.wait_for_text("#messages-notice", "staat weer klaar om te versturen").await;
        let sent = browser.wait_for_text("#messages tbody tr[data-status='sent']", "Verstuurd").await;
        assert!(sent.contains(EMPLOYEE), "{sent}");
        smtp.wait_for_mail_to(EMPLOYEE).await;
        assert_eq!(smtp.mails_to(EMPLOYEE).len(), 1);
        assert!(browser.find_all("#messages button.retry").await.is_empty(), "nothing left to retry");
        browser.screenshot(&shot(&db, "berichten")).await;

        // The filter: only what failed is nothing now.
        crate::common::set_value(&browser, "#messages-status", "failed").await;
        browser.wait_for_text("#messages-empty", "geen berichten").await;
        crate::common::set_value(&browser, "#messages-status", "sent").await;
        browser.wait_for_text("#messages tbody tr", EMPLOYEE).await;

        // On a phone each message is a card, and nothing scrolls sideways.
        let phone = driver.session(360, 800).await;
        phone.goto(&server.url("/")).await;
        log_in_as(&phone, ADMIN.0, ADMIN.1).await;
        phone.goto(&server.url("/berichten")).await;
        phone.wait_for_text("#messages tbody tr", EMPLOYEE).await;
        assert_eq!(sideways_overflow(&phone).await, 0, "Berichten scrolls sideways at 360 px");
        assert_on_screen(&phone, "#messages tbody tr td").await;
        let card = phone.text(&phone.find("#messages tbody tr").await).await;
        assert!(!card.contains("Laatste fout"), "a sent message's card has no empty error: {card}");
        phone.screenshot(&shot(&db, "berichten-360px")).await;
    }
}
