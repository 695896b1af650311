//! What the privacy officer reads, in headless Chromium against the real binary on SQLite and on
//! PostgreSQL: programme staff open Privacyregister (the register with this server's periods,
//! downloadable for the FG) and Inzage gevoelige gegevens (who read whose IBAN and CV, newest
//! first, narrowed by kind and by person); both fit a phone; a director has neither.

use crate::common::{
    Visit, api_get, assert_on_screen, log_in_as, set_value, shot, sideways_overflow, token,
    visit_as, wait_for,
};
use klasbrug_e2e::Browser;
use testkit::on_both_backends;

const ADMIN: (&str, &str) = ("beheer@klasbrug.example", "Iris van Leeuwen");
const DIRECTOR: (&str, &str) = ("directeur@zeester.example", "Anouk Visser");
const DESKTOP: (u32, u32) = (1280, 900);
const PHONE: (u32, u32) = (360, 800);

/// Programme staff read Fenna's IBAN and then Joris's CV through the API, as the web app would.
async fn read_sensitive_data(server: &testkit::TestServer) {
    let admin = token(server, ADMIN.0).await;
    let list = api_get(server, &admin, "/ambassadors?limit=100").await;
    let id_of = |name: &str| {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["name"] == name)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let profile = api_get(
        server,
        &admin,
        &format!("/ambassadors/{}/allowance-profile", id_of("Fenna Dijkstra")),
    )
    .await;
    assert!(profile["iban"].is_string(), "{profile}");
    let cv = reqwest::Client::new()
        .get(server.url(&format!(
            "/api/v1/ambassadors/{}/documents/cv",
            id_of("Joris Vermeer")
        )))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(cv.status().as_u16(), 200);
}

async fn kinds(browser: &Browser) -> Vec<String> {
    let value = browser
        .script("return [...document.querySelectorAll('#sensitive-reads tbody tr')].map(r => r.dataset.kind)")
        .await;
    serde_json::from_value(value).unwrap()
}

on_both_backends! {
    async fn programme_staff_read_the_register_and_who_saw_sensitive_data(db) {
        let Visit { server, browser, driver: _driver } = visit_as(&db, DESKTOP, ADMIN.0, ADMIN.1).await;
        read_sensitive_data(&server).await;

        browser.click(&browser.find("#menu-privacy-register").await).await;
        browser.wait_for_text("#page-title", "Privacyregister").await;
        browser.wait_for_text("#privacy-retention", "730 dagen").await;
        let retention = browser.text(&browser.find("#privacy-retention").await).await;
        assert!(retention.contains("7 jaar"), "{retention}");
        let vog = browser.wait_for_text("[data-activity=vog]", "Verklaring omtrent het gedrag").await;
        assert!(vog.contains("vog_records") && vog.contains("Wettelijke plicht"), "{vog}");
        let people = browser.text(&browser.find("#privacy-people-list").await).await;
        for name in ["Aanmelders", "Ambassadeurs", "Leerkrachten en schoolmedewerkers", "Schooldirecteuren",
            "Contactpersonen van werkgevers", "Partnerkoppelingen", "Programmamedewerkers"] {
            assert!(people.contains(name), "{name} missing: {people}");
        }
        let recipients = browser.text(&browser.find("#privacy-recipient-list").await).await;
        assert!(recipients.contains("research:read") && recipients.contains("De werkgever"), "{recipients}");
        browser.screenshot(&shot(&db, "privacyregister")).await;
        browser.click(&browser.find("#privacy-download").await).await;
        browser.wait_for_text("#privacy-downloaded", "verwerkingsregister-2026-12-03.html").await;

        browser.click(&browser.find("#menu-sensitive-reads").await).await;
        browser.wait_for_text("#page-title", "Inzage gevoelige gegevens").await;
        let first = browser.wait_for_text("#sensitive-reads tbody tr:first-child", "Joris Vermeer").await;
        assert!(first.contains("Intakedocument") && first.contains("het cv") && first.contains(ADMIN.1), "{first}");
        assert_eq!(kinds(&browser).await, ["document", "iban"], "newest first");
        browser.screenshot(&shot(&db, "inzage-gevoelige-gegevens")).await;

        // Only IBANs; then everything of Fenna.
        set_value(&browser, "#reads-kind", "iban").await;
        wait_for(&browser, "#sensitive-reads tbody:not(:has(tr[data-kind=document]))").await;
        assert_eq!(kinds(&browser).await, ["iban"]);
        set_value(&browser, "#reads-kind", "").await;
        wait_for(&browser, "#sensitive-reads tbody tr[data-kind=document]").await;
        browser.click(&browser.find("#sensitive-reads tr[data-kind=iban] .link-button").await).await;
        browser.wait_for_text("#reads-person", "Alleen inzage van Fenna Dijkstra").await;
        wait_for(&browser, "#sensitive-reads tbody:not(:has(tr[data-kind=document]))").await;
        assert_eq!(kinds(&browser).await, ["iban"]);
        browser.close().await;
    }

    async fn the_privacy_pages_fit_a_phone_and_are_for_programme_staff_only(db) {
        let Visit { server, browser, driver: _driver } = visit_as(&db, PHONE, ADMIN.0, ADMIN.1).await;
        read_sensitive_data(&server).await;
        browser.goto(&server.url("/privacyregister")).await;
        browser.wait_for_text("#privacy-retention", "730 dagen").await;
        wait_for(&browser, "[data-activity=allowances]").await;
        let overflow = sideways_overflow(&browser).await;
        assert!(overflow <= 0, "Privacyregister scrolls sideways at 360 px by {overflow} px");
        assert_on_screen(&browser, ".privacy-activities dd").await;
        browser.screenshot(&shot(&db, "privacyregister-360px")).await;
        browser.script("document.querySelector('[data-activity=allowances]').scrollIntoView()").await;
        browser.screenshot(&shot(&db, "privacyregister-vergoeding-360px")).await;

        browser.goto(&server.url("/inzage-gevoelige-gegevens")).await;
        browser.wait_for_text("#sensitive-reads", "Joris Vermeer").await;
        let overflow = sideways_overflow(&browser).await;
        assert!(overflow <= 0, "Inzage gevoelige gegevens scrolls sideways at 360 px by {overflow} px");
        // Each read is a card with every fact on the screen, not a table scrolled out of sight.
        assert_on_screen(&browser, "#sensitive-reads td").await;
        browser.screenshot(&shot(&db, "inzage-gevoelige-gegevens-360px")).await;

        // A director has neither page in the menu, and the address says no access.
        browser.click(&browser.find("#logout").await).await;
        log_in_as(&browser, DIRECTOR.0, DIRECTOR.1).await;
        let menu = browser.text(&browser.find("#menu").await).await;
        assert!(!menu.contains("Privacyregister") && !menu.contains("Inzage"), "{menu}");
        browser.goto(&server.url("/privacyregister")).await;
        browser.wait_for_text("#no-access", "geen toegang").await;
        browser.close().await;
    }
}
