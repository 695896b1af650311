//! The ambassador's own pages in headless Chromium on a 360 px phone, against the real binary on
//! SQLite and on PostgreSQL: Noah, proposed to a school whose introduction meeting took place,
//! starts at Mijn plek and confirms; Fenna logs her school day in two taps, sees it wait, changes
//! it with the keyboard alone, sees it approved once the coordinator approved it, and sees a paid
//! month in her allowance year; from Mijn gegevens she goes to Mijn privacy and asks to be
//! erased, which staff see counted on Ambassadeurs and listed on Privacyverzoeken with its
//! deadline. No page scrolls sideways, and every control takes the keyboard.

use crate::common::{Visit, log_in_as, shot, sideways_overflow, token, visit_as, wait_for};
use klasbrug_e2e::Browser;
use serde_json::{Value, json};
use testkit::{TestServer, on_both_backends};

const NOAH: (&str, &str) = ("noah@ambassadeur.example", "Noah Verbeek");
const FENNA: (&str, &str) = ("fenna@ambassadeur.example", "Fenna Dijkstra");
const COORDINATOR: &str = "ic@zeester.example";
const ADMIN: &str = "beheer@klasbrug.example";
const PHONE: (u32, u32) = (360, 740);

/// A JSON call to the API as the holder of `token`; the status and the answer.
async fn call(
    server: &TestServer,
    token: &str,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = reqwest::Client::new()
        .request(method, server.url(&format!("/api/v1{path}")))
        .bearer_auth(token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn post(server: &TestServer, token: &str, path: &str, body: Value) -> Value {
    let (status, answer) = call(
        server,
        token,
        reqwest::Method::POST,
        path,
        Some(body.clone()),
    )
    .await;
    assert!(
        (200..300).contains(&status),
        "POST {path} {body}: {status} {answer}"
    );
    answer
}

/// Programme staff propose Noah for a February placement and hold the introduction meeting the
/// day before the app's today; returns the match id.
async fn propose_noah_with_a_meeting_held(server: &TestServer) -> String {
    let admin = token(server, ADMIN).await;
    let run = post(
        server,
        &admin,
        "/matching-runs",
        json!({"school_year": "2026-2027", "start_moment": "february"}),
    )
    .await;
    let proposal = run["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["ambassador"]["name"] == NOAH.1)
        .expect("the run proposes Noah")
        .clone();
    let created = post(
        server,
        &admin,
        "/matches",
        json!({"placement_id": proposal["placement"]["id"], "ambassador_id": proposal["ambassador"]["id"]}),
    )
    .await;
    let id = created["id"].as_str().unwrap().to_owned();
    post(
        server,
        &admin,
        &format!("/matches/{id}/transitions"),
        json!({"action": "plan_meeting", "meeting": {"at": "2026-12-02T15:30", "place": "De Zeester, lerarenkamer"}}),
    )
    .await;
    id
}

/// Programme staff pay Fenna's October: the year's caps, the statement, approved and paid.
async fn pay_fennas_october(server: &TestServer) {
    let admin = token(server, ADMIN).await;
    let caps = json!({"year": 2026, "hourly_21_plus": 560, "hourly_under_21": 330, "monthly": 21000, "yearly": 210000});
    post(server, &admin, "/allowance-caps", caps).await;
    let statement = post(server, &admin, "/statements", json!({"month": "2026-10"})).await;
    let line = statement["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["ambassador_name"] == FENNA.1)
        .expect("October holds Fenna's line")
        .clone();
    let id = line["id"].as_str().unwrap();
    post(
        server,
        &admin,
        &format!("/statement-lines/{id}/transitions"),
        json!({"action": "approve"}),
    )
    .await;
    post(
        server,
        &admin,
        &format!("/statement-lines/{id}/transitions"),
        json!({"action": "mark_paid"}),
    )
    .await;
}

/// Clicks the element `css`, counting the tap.
async fn tap(browser: &Browser, css: &str, taps: &mut u32) {
    browser.click(&browser.find(css).await).await;
    *taps += 1;
}

/// Whether every element a person works with on the page can take the keyboard focus: buttons,
/// links, inputs, selects and text areas that are not disabled and not taken out of the tab order.
async fn all_keyboard_reachable(browser: &Browser) -> bool {
    browser
        .script(
            "const els = [...document.querySelectorAll('main button, main a[href], main input, main select, main textarea')];\
             return els.length > 0 && els.every(el => el.disabled || el.tabIndex >= 0);",
        )
        .await
        .as_bool()
        .unwrap()
}

on_both_backends! {
    async fn an_ambassador_confirms_a_proposal_logs_a_day_in_few_taps_and_sees_it_approved_and_paid(db) {
        let Visit { server, browser, driver: _driver } = visit_as(&db, PHONE, NOAH.0, NOAH.1).await;
        let match_id = propose_noah_with_a_meeting_held(&server).await;

        // Noah starts at Mijn plek: where he stands, and the proposal with its meeting.
        browser.goto(&server.url("/")).await;
        browser.wait_for_text("#page-title", "Mijn plek").await;
        assert!(browser.current_url().await.ends_with("/mijn-plek"));
        let menu = browser.text(&browser.find("#menu").await).await;
        for item in ["Mijn plek", "Mijn uren", "Vergoeding", "Mijn gegevens"] {
            assert!(menu.contains(item), "{menu}");
        }
        browser.wait_for_text("#my-intake-status", "").await;
        let vog = browser.text(&browser.find("#my-vog").await).await;
        assert!(vog.starts_with("geldig tot"), "{vog}");
        let card = format!("#proposal-{match_id}");
        let meeting = browser.wait_for_text(&format!("{card}-meeting"), "De Zeester, lerarenkamer").await;
        assert!(meeting.contains("2 dec"), "{meeting}");
        browser.find(&format!("{card}-school")).await;
        assert_eq!(sideways_overflow(&browser).await, 0, "Mijn plek scrolls sideways at 360 px");
        assert!(all_keyboard_reachable(&browser).await);
        browser.screenshot(&shot(&db, "mijn-plek-voorstel")).await;

        // Declining needs a reason; he confirms instead.
        browser.click(&browser.find(&format!("{card}-decline")).await).await;
        browser.click(&browser.find(&format!("{card}-decline-send")).await).await;
        browser.wait_for_text(&format!("{card}-reason-error"), "Schrijf waarom je afwijst").await;
        browser.click(&browser.find(&format!("{card} .decline-form .button-secondary")).await).await;
        browser.click(&browser.find(&format!("{card}-confirm")).await).await;
        browser.wait_for_text("#place-notice", "Bevestigd").await;
        browser.wait_for_text(card.as_str(), "Je hebt bevestigd").await;
        let admin = token(&server, ADMIN).await;
        let (_, confirmed) = call(&server, &admin, reqwest::Method::GET, &format!("/matches/{match_id}"), None).await;
        assert!(confirmed["ambassador_confirmed_at"].is_string(), "{confirmed}");

        // Fenna on her phone: Mijn uren, and one tap logs her Wednesday.
        browser.click(&browser.find("#logout").await).await;
        browser.find("#email").await;
        log_in_as(&browser, FENNA.0, FENNA.1).await;
        browser.wait_for_text("#my-placement", "Basisschool De Zeester").await;
        assert_eq!(sideways_overflow(&browser).await, 0);
        browser.screenshot(&shot(&db, "mijn-plek")).await;
        let mut taps = 0;
        tap(&browser, "#menu-my-hours", &mut taps).await;
        browser.find("#log-submit").await;
        let date = browser.script("return document.getElementById('log-date').value").await;
        assert_eq!(date, "2026-12-02", "the most recent Wednesday before Thursday 3 December");
        let minutes = browser.script("return document.getElementById('log-minutes').value").await;
        assert_eq!(minutes, "390", "her placement's day, 08:30 to 15:00");
        tap(&browser, "#log-submit", &mut taps).await;
        browser.wait_for_text("#hours-notice", "Geregistreerd: wo 2 dec. 2026").await;
        assert!(taps <= 3, "{taps} taps");
        let fenna = token(&server, FENNA.0).await;
        let (_, december) = call(&server, &fenna, reqwest::Method::GET, "/hour-entries?month=2026-12", None).await;
        let entry = december["items"].as_array().unwrap().iter().find(|e| e["date"] == "2026-12-02").unwrap().clone();
        let id = entry["id"].as_str().unwrap().to_owned();
        assert_eq!((entry["minutes"].as_u64(), entry["status"].as_str()), (Some(390), Some("submitted")));
        browser.wait_for_text(&format!("#hour-{id}-status"), "Wacht op de school").await;
        let total = browser.text(&browser.find("#hours-total").await).await;
        assert!(total.starts_with("Deze maand: 6 uur") && total.contains("die je plek verwacht"), "{total}");
        assert_eq!(sideways_overflow(&browser).await, 0, "Mijn uren scrolls sideways at 360 px");
        assert!(all_keyboard_reachable(&browser).await);
        browser.screenshot(&shot(&db, "mijn-uren-wacht")).await;

        // With the keyboard alone she changes it while it waits: Enter on "Wijzigen" puts the
        // keyboard in the minutes, and Enter there saves.
        browser.type_into(&browser.find(&format!("#hour-{id}-change")).await, "\u{E007}").await;
        let minutes_field = browser.find(&format!("#hour-{id}-minutes")).await;
        wait_for(&browser, &format!("#hour-{id}-minutes:focus")).await;
        browser.clear(&minutes_field).await;
        browser.type_into(&minutes_field, "360\u{E007}").await;
        browser.wait_for_text("#hours-notice", "Gewijzigd").await;
        let (_, changed) = call(&server, &fenna, reqwest::Method::GET, &format!("/hour-entries/{id}"), None).await;
        assert_eq!((changed["minutes"].as_u64(), changed["status"].as_str()), (Some(360), Some("submitted")));

        // The coordinator approves it; Fenna sees it approved.
        let coordinator = token(&server, COORDINATOR).await;
        post(&server, &coordinator, &format!("/hour-entries/{id}/transitions"), json!({"action": "approve"})).await;
        browser.goto(&server.url("/mijn-uren")).await;
        browser.wait_for_text(&format!("#hour-{id}-status"), "Goedgekeurd").await;
        wait_for(&browser, &format!("#hour-{id}:not(:has(#hour-{id}-withdraw))")).await;
        browser.screenshot(&shot(&db, "mijn-uren-goedgekeurd")).await;

        // Her allowance year shows October paid.
        pay_fennas_october(&server).await;
        browser.click(&browser.find("#menu-my-allowance").await).await;
        browser.wait_for_text("#allowance-2026-10 .month-status", "Betaald").await;
        let paid = browser.text(&browser.find("#allowance-paid").await).await;
        assert!(!paid.contains("EUR 0,00"), "{paid}");
        let iban = browser.script("return document.getElementById('allowance-iban').value").await;
        assert_eq!(iban, "NL20INGB0001234567");
        assert_eq!(sideways_overflow(&browser).await, 0, "Vergoeding scrolls sideways at 360 px");
        assert!(all_keyboard_reachable(&browser).await);
        browser.screenshot(&shot(&db, "mijn-vergoeding")).await;

        // Mijn gegevens: her profile, documents, data and a concern, on the phone too.
        browser.click(&browser.find("#menu-my-details").await).await;
        browser.find("#profile-name").await;
        let name = browser.script("return document.getElementById('profile-name').value").await;
        assert_eq!(name, FENNA.1);
        browser.find("#doc-motivation_letter").await;
        browser.find("#concern-text").await;
        browser.click(&browser.find("#concern-submit").await).await;
        browser.wait_for_text("#concern-text-error", "Schrijf wat je zorg is").await;
        assert_eq!(sideways_overflow(&browser).await, 0, "Mijn gegevens scrolls sideways at 360 px");
        assert!(all_keyboard_reachable(&browser).await);
        browser.screenshot(&shot(&db, "mijn-gegevens")).await;

        // She hands in her motivation letter as a PDF from her phone.
        browser.wait_for_text("#doc-motivation_letter-state", "Nog niet ingeleverd").await;
        browser.click(&browser.find("#doc-motivation_letter-upload").await).await;
        browser.wait_for_text("#doc-motivation_letter-error", "Kies eerst een bestand").await;
        let letter = shot(&db, "motivatiebrief").with_extension("pdf");
        std::fs::write(&letter, b"%PDF-1.4 Waarom ik ambassadeur wil zijn").unwrap();
        let file_input = browser.find("#doc-motivation_letter").await;
        browser.type_into(&file_input, letter.to_str().unwrap()).await;
        browser.click(&browser.find("#doc-motivation_letter-upload").await).await;
        browser.wait_for_text("#doc-motivation_letter-state", "Ingeleverd op").await;
        let me = call(&server, &fenna, reqwest::Method::GET, "/me/ambassador", None).await.1;
        let (_, intake) = call(&server, &fenna, reqwest::Method::GET, &format!("/ambassadors/{}/intake", me["id"].as_str().unwrap()), None).await;
        assert_eq!(intake["documents"][0]["media_type"], "application/pdf", "{intake}");

        // Asking to see or erase her data is on Mijn privacy, which Mijn gegevens links to.
        browser.wait_for_text("#erasure-elsewhere", "Dat vraag je op").await;
        browser.click(&browser.find("#to-my-privacy").await).await;
        browser.wait_for_text("#page-title", "Mijn privacy").await;
        // She asks to be erased: a step first says what that means, then the page says until
        // when the programme has to answer (a month after the test clock's 3 December) and what
        // would be kept.
        browser.click(&browser.find("#ask-kind-erasure").await).await;
        browser.click(&browser.find("#ask-submit").await).await;
        browser.wait_for_text("#confirm-erasure", "Weet je het zeker?").await;
        browser.click(&browser.find("#confirm-erasure-submit").await).await;
        browser.wait_for_text("#privacy-asked", "We antwoorden uiterlijk 3 jan. 2027").await;
        let request = browser.wait_for_text("#my-requests-list li[data-kind=erasure]", "antwoord uiterlijk 3 jan. 2027").await;
        assert!(request.contains("Ontvangen") && request.contains("Wat we bewaren en waarom"), "{request}");
        assert_eq!(sideways_overflow(&browser).await, 0, "Mijn privacy scrolls sideways at 360 px");
        assert!(all_keyboard_reachable(&browser).await);
        let (_, requests) = call(&server, &admin, reqwest::Method::GET, "/privacy-requests", None).await;
        assert_eq!(requests[0]["name"], FENNA.1, "{requests}");

        // Programme staff see it counted on Ambassadeurs and listed on Privacyverzoeken.
        browser.click(&browser.find("#logout").await).await;
        browser.find("#email").await;
        log_in_as(&browser, ADMIN, "Iris van Leeuwen").await;
        browser.click(&browser.find("#menu-ambassadors").await).await;
        browser.wait_for_text("#open-privacy-requests", "Open privacyverzoeken: 1").await;
        browser.click(&browser.find("#open-privacy-requests a").await).await;
        let card = browser.wait_for_text("#privacy-request-list li[data-kind=erasure]", "Fenna Dijkstra").await;
        assert!(card.contains("3 jan. 2027") && card.contains("Verwijdering"), "{card}");
    }
}
