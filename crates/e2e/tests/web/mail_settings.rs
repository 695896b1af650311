//! E-mail choices in headless Chromium on a 360 px phone, against the real binary on SQLite and
//! on PostgreSQL with a real SMTP server: Fenna's hours are rejected and the e-mail ends with an
//! unsubscribe link; she opens it without being logged in, sees what it stops and stops it. Then
//! she logs in, finds "E-mailinstellingen" in the header, sees hours set to "Niet", chooses a
//! weekly digest for lesson series and saves; the choices stay after a reload. Every field has a
//! label, takes the keyboard, and nothing scrolls sideways.

use crate::common::{
    labelled_and_keyboard_reachable, log_in_as, shot, sideways_overflow, spawn_server_with, token,
    wait_for,
};
use klasbrug_e2e::Driver;
use testkit::on_both_backends;
use testkit::smtp::SmtpServer;

const PHONE: (u32, u32) = (360, 740);
const FENNA: (&str, &str) = ("fenna@ambassadeur.example", "Fenna Dijkstra");

/// The unsubscribe link in a message's text, as a path.
fn unsubscribe_link(text: &str) -> String {
    let at = text.find("/afmelden?token=").expect("an unsubscribe link");
    text[at..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect()
}

/// The coordinator of De Zeester rejects one of Fenna's November entries through the API.
async fn reject_one_of_fennas_entries(server: &testkit::TestServer) {
    let coordinator = token(server, "ic@zeester.example").await;
    let client = reqwest::Client::new();
    let me: serde_json::Value = client
        .get(server.url("/api/v1/me"))
        .bearer_auth(&coordinator)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let school = me["memberships"][0]["organisation"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let month: serde_json::Value = client
        .get(server.url(&format!("/api/v1/schools/{school}/hour-months/2026-11")))
        .bearer_auth(&coordinator)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let waiting = month["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["status"] == "submitted")
        .unwrap();
    let response = client
        .post(server.url(&format!(
            "/api/v1/hour-entries/{}/transitions",
            waiting["id"].as_str().unwrap()
        )))
        .bearer_auth(&coordinator)
        .json(&serde_json::json!({"action": "reject", "reason": "Die dag was de school dicht"}))
        .send()
        .await
        .unwrap();
    assert!(
        response.status().is_success(),
        "{}",
        response.text().await.unwrap()
    );
}

on_both_backends! {
    async fn fenna_unsubscribes_from_a_link_and_chooses_the_rest_on_her_settings_page(db) {
        let smtp = SmtpServer::start().await;
        let smtp_url = smtp.url();
        let server = spawn_server_with(&db, &[("KLASBRUG_SMTP_URL", smtp_url.as_str())]).await;
        reject_one_of_fennas_entries(&server).await;
        let mail = smtp.wait_for_mail_to(FENNA.0).await;

        // The link works without logging in, and says what it stops before it does.
        let driver = Driver::start().await;
        let browser = driver.session(PHONE.0, PHONE.1).await;
        browser.goto(&server.url(&unsubscribe_link(&mail.text()))).await;
        browser.wait_for_text("#page-title", "Afmelden voor e-mails").await;
        browser.wait_for_text("#unsubscribe-category", "Uren").await;
        assert_eq!(sideways_overflow(&browser).await, 0, "the page scrolls sideways at 360 px");
        browser.screenshot(&shot(&db, "afmelden")).await;
        browser.click(&browser.find("#unsubscribe").await).await;
        browser.wait_for_text("#unsubscribed", "Je krijgt geen e-mails meer over uren.").await;

        // A link that was cut short says so in Dutch.
        browser.goto(&server.url("/afmelden?token=abc.hours.xyz")).await;
        browser.click(&browser.find("#unsubscribe").await).await;
        browser.wait_for_text("#unsubscribe-error", "Deze afmeldlink klopt niet").await;

        // Logged in, her settings show it; she chooses a weekly digest for lesson series.
        browser.goto(&server.url("/")).await;
        log_in_as(&browser, FENNA.0, FENNA.1).await;
        browser.click(&browser.find("#mail-settings-link").await).await;
        browser.wait_for_text("#page-title", "E-mailinstellingen").await;
        wait_for(&browser, "#mail-hours[data-choice='never'] #mail-hours-never:checked").await;
        wait_for(&browser, "#mail-matching[data-choice='immediately']").await;
        assert_eq!(sideways_overflow(&browser).await, 0, "the settings scroll sideways at 360 px");
        browser.screenshot(&shot(&db, "e-mailinstellingen-boven")).await;
        assert!(labelled_and_keyboard_reachable(&browser).await, "a choice without a label or keyboard");
        browser.click(&browser.find("label[for='mail-lesson_series-weekly']").await).await;
        browser.click(&browser.find("#mail-settings-save").await).await;
        browser.wait_for_text("#mail-settings-status", "Je keuzes zijn opgeslagen.").await;
        browser.screenshot(&shot(&db, "e-mailinstellingen")).await;

        browser.goto(&server.url("/e-mailinstellingen")).await;
        wait_for(&browser, "#mail-lesson_series[data-choice='weekly'] #mail-lesson_series-weekly:checked").await;
        wait_for(&browser, "#mail-hours[data-choice='never']").await;
        assert_eq!(smtp.mails_to(FENNA.0).len(), 1, "nothing else was sent to her");
    }
}
