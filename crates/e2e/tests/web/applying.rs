//! Applying to become an ambassador in headless Chromium on a 360 px phone, against the real
//! binary on SQLite and on PostgreSQL: a professional finds the form from the login page, is told
//! in Dutch what is missing, applies with a motivation letter (PDF) and a CV (DOCX), confirms from
//! the e-mail's link and logs in; a partner's application, sent twice with one Idempotency-Key,
//! is confirmed by its candidate; programme staff then see both new applications, each once, on
//! top of Ambassadeurs. No page scrolls sideways, every field has a label, and every control
//! takes the keyboard.

use crate::common::{
    labelled_and_keyboard_reachable, log_in, log_in_as, shot, sideways_overflow, spawn_server,
    type_in, wait_for,
};
use base64::Engine;
use klasbrug_e2e::Driver;
use serde_json::json;
use testkit::mail::{application_links, token_of};
use testkit::on_both_backends;

const PHONE: (u32, u32) = (360, 740);
const APPLICANT: (&str, &str) = ("sanne.hoekstra@voorbeeld.example", "Sanne Hoekstra");
const CANDIDATE: (&str, &str) = ("ruben.vos@voorbeeld.example", "Ruben Vos");
const PASSWORD: &str = "fietsen-naar-school-42";

/// A minimal Word document as the server recognises one: a ZIP with `[Content_Types].xml` and a
/// `word/` part.
fn docx() -> Vec<u8> {
    let mut bytes = b"PK\x03\x04".to_vec();
    bytes.extend_from_slice(
        b"\x14\x00\x00\x00[Content_Types].xml<Types/>PK\x03\x04word/document.xml<w:document/>",
    );
    bytes
}

on_both_backends! {
    async fn a_professional_applies_with_both_documents_and_staff_see_it_as_a_partners_once(db) {
        let server = spawn_server(&db).await;
        let driver = Driver::start().await;
        let browser = driver.session(PHONE.0, PHONE.1).await;

        // From the login page to the form.
        browser.goto(&server.url("/")).await;
        browser.click(&browser.find("#apply-link").await).await;
        browser.wait_for_text("#page-title", "Aanmelden als onderwijsambassadeur").await;
        assert!(browser.current_url().await.ends_with("/aanmelden"));
        let privacy = browser.text(&browser.find("#privacy-statement").await).await;
        assert!(privacy.contains("2 jaar") && privacy.contains("7 dagen"), "{privacy}");
        // The statement says which version one agrees to; the consent records it.
        assert!(privacy.contains("Privacyverklaring, versie 2026-12"), "{privacy}");
        assert_eq!(sideways_overflow(&browser).await, 0, "the form scrolls sideways at 360 px");
        assert!(labelled_and_keyboard_reachable(&browser).await, "a field without a label or keyboard");

        // Sent empty, it says in Dutch what is missing and changes nothing.
        browser.click(&browser.find("#ap-submit").await).await;
        browser.wait_for_text("#ap-name-error", "Vul je naam in").await;
        browser.wait_for_text("#ap-consent-error", "Ga akkoord met de privacyverklaring").await;
        browser.wait_for_text("#ap-cv-error", "Kies een bestand").await;
        let focused = browser.script("return document.activeElement.id").await;
        assert_eq!(focused, "ap-name", "the first wrong field gets the focus");

        // Filled in, with a PDF letter and a Word CV from the phone.
        type_in(&browser, "#ap-name", APPLICANT.1).await;
        type_in(&browser, "#ap-email", APPLICANT.0).await;
        type_in(&browser, "#ap-phone", "06-11223344").await;
        type_in(&browser, "#ap-home", "Zwolle").await;
        type_in(&browser, "#ap-municipalities", "Kampen, Deventer").await;
        type_in(&browser, "#ap-expertise", "zorg, biologie").await;
        browser.click(&browser.find("#ap-weekday-tuesday").await).await;
        browser.click(&browser.find("#ap-sponsored").await).await;
        type_in(&browser, "#ap-employer", "Zorggroep Voorbeeld").await;
        let letter = shot(&db, "aanmelding-motivatie").with_extension("pdf");
        std::fs::write(&letter, b"%PDF-1.4\nWaarom ik ambassadeur wil zijn\n%%EOF").unwrap();
        let cv = shot(&db, "aanmelding-cv").with_extension("docx");
        std::fs::write(&cv, docx()).unwrap();
        browser.type_into(&browser.find("#ap-motivation-letter").await, letter.to_str().unwrap()).await;
        browser.type_into(&browser.find("#ap-cv").await, cv.to_str().unwrap()).await;
        browser.click(&browser.find("#ap-consent").await).await;
        browser.screenshot(&shot(&db, "aanmelden")).await;
        browser.click(&browser.find("#ap-submit").await).await;
        browser.wait_for_text("#apply-done", "Kijk in je e-mail").await;

        // The e-mail's link: choose a password, then log in.
        let link = server.wait_for_log(|log| application_links(log, APPLICANT.0).into_iter().next()).await;
        browser.goto(&server.url(&link)).await;
        browser.wait_for_text("#page-title", "Bevestig je aanmelding").await;
        assert_eq!(sideways_overflow(&browser).await, 0, "the confirmation scrolls sideways at 360 px");
        assert!(labelled_and_keyboard_reachable(&browser).await);
        type_in(&browser, "#ac-password", PASSWORD).await;
        type_in(&browser, "#ac-password-repeat", "iets-anders-dan-dat").await;
        browser.click(&browser.find("#ac-submit").await).await;
        browser.wait_for_text("#ac-password-repeat-error", "niet gelijk").await;
        type_in(&browser, "#ac-password-repeat", PASSWORD).await;
        browser.click(&browser.find("#ac-submit").await).await;
        browser.wait_for_text("#ac-done", "Je aanmelding is bevestigd").await;
        browser.screenshot(&shot(&db, "aanmelding-bevestigd")).await;
        browser.click(&browser.find("#to-login").await).await;
        log_in(&browser, APPLICANT.0, PASSWORD).await;
        browser.wait_for_text("#user-name", APPLICANT.1).await;
        browser.click(&browser.find("#logout").await).await;
        browser.find("#email").await;

        // A partner applies for Pieter, and its retry carries the same Idempotency-Key.
        let client = reqwest::Client::new();
        let partner: serde_json::Value = client.post(server.url("/api/v1/auth/token"))
            .form(&[("grant_type", "client_credentials"), ("client_id", "demo-partner"), ("client_secret", "demo-partner-secret")])
            .send().await.unwrap().json().await.unwrap();
        let partner = partner["access_token"].as_str().unwrap().to_owned();
        let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
        let application = json!({
            "name": CANDIDATE.1, "email": CANDIDATE.0, "home_municipality": "Assen",
            "weekdays": ["friday"], "commitment": "half_year", "available_from_year": "2026-2027",
            "available_from_moment": "february", "minutes_per_day": 480, "expertise": ["logistiek"],
            "motivation_letter": b64(b"%PDF-1.7\nmotivatie"), "cv": b64(b"%PDF-1.7\ncv"), "privacy_consent": true,
        });
        let mut statuses = Vec::new();
        for _ in 0..2 {
            let response = client.post(server.url("/api/v1/applications")).bearer_auth(&partner)
                .header("Idempotency-Key", "partner-kandidaat-17").json(&application).send().await.unwrap();
            statuses.push(response.status().as_u16());
        }
        assert_eq!(statuses, [201, 200], "the retry answers the first application");
        let link = server.wait_for_log(|log| application_links(log, CANDIDATE.0).into_iter().next()).await;
        let confirmed = client.post(server.url("/api/v1/applications/confirm"))
            .json(&json!({"token": token_of(&link), "password": PASSWORD})).send().await.unwrap();
        assert_eq!(confirmed.status().as_u16(), 201);

        // Programme staff see both on top of Ambassadeurs, Pieter once, via the partner.
        log_in_as(&browser, "beheer@klasbrug.example", "Iris van Leeuwen").await;
        browser.click(&browser.find("#menu-ambassadors").await).await;
        let section = browser.wait_for_text("#new-applications", APPLICANT.1).await;
        assert!(section.contains("Zorggroep Voorbeeld"), "{section}");
        assert_eq!(section.matches(CANDIDATE.1).count(), 1, "{section}");
        assert!(section.contains("Partnerorganisatie Demo"), "{section}");
        let first = browser.text(&browser.find("#new-applications li").await).await;
        assert!(first.starts_with(CANDIDATE.1), "newest first: {first}");
        assert_eq!(sideways_overflow(&browser).await, 0, "Ambassadeurs scrolls sideways at 360 px");
        browser.screenshot(&shot(&db, "nieuwe-aanmeldingen")).await;

        // Her page holds both documents, as handed in.
        let links = browser.find_all("#new-applications li a").await;
        browser.click(&links[1]).await;
        browser.wait_for_text("#ambassador-name", APPLICANT.1).await;
        let documents = browser.wait_for_text("#ambassador-documents", "PDF").await;
        assert!(documents.contains("Word"), "{documents}");
        wait_for(&browser, "#ambassador-documents tbody tr:nth-child(2)").await;
        wait_for(&browser, "#download-cv").await;

        // Staff fill in what the application left out, and replace the CV with a PDF.
        browser.click(&browser.find("#edit-profile").await).await;
        let expertise = browser.find("#af-expertise").await;
        browser.clear(&expertise).await;
        // Enter in a field saves the form, as with the keyboard alone.
        browser.type_into(&expertise, "zorg, biologie, EHBO\u{E007}").await;
        browser.wait_for_text("#ambassador-status", "opgeslagen").await;
        browser.wait_for_text("#ambassador-profile", "EHBO").await;
        let new_cv = shot(&db, "aanmelding-cv-nieuw").with_extension("pdf");
        std::fs::write(&new_cv, b"%PDF-1.4\nNieuw cv\n%%EOF").unwrap();
        browser.type_into(&browser.find("#doc-cv").await, new_cv.to_str().unwrap()).await;
        browser.click(&browser.find("#doc-cv-upload").await).await;
        browser.wait_for_text("#ambassador-status", "Ingeleverd").await;
        browser.wait_for_text("#ambassador-documents tr[data-kind='cv']", "PDF").await;
        let admin: serde_json::Value = client.post(server.url("/api/v1/auth/login"))
            .json(&json!({"email": "beheer@klasbrug.example", "password": "klasbrug-demo"}))
            .send().await.unwrap().json().await.unwrap();
        let url = browser.current_url().await;
        let id = url.rsplit('/').next().unwrap();
        let cv = client.get(server.url(&format!("/api/v1/ambassadors/{id}/documents/cv")))
            .bearer_auth(admin["access_token"].as_str().unwrap()).send().await.unwrap().bytes().await.unwrap();
        assert_eq!(cv.as_ref(), b"%PDF-1.4\nNieuw cv\n%%EOF");
        browser.close().await;
    }
}
