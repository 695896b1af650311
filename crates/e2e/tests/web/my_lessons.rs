//! Mijn lessen in headless Chromium on a 360 px phone, against the real binary on SQLite and on
//! PostgreSQL: Fenna finds her two series; once the coordinator approves *Water in de wijk* she
//! plans it for groep 7 with dates the page offers (only her Wednesdays from today, none in the
//! Christmas holiday, none after her placement ends); when a stricter rule for January then
//! refuses her new dates, the page says why in Dutch and her dates stay as they were. She also
//! writes a new series in the form: two lessons and a kerndoel; a missing title is said in Dutch
//! beside its field; she saves it as a draft, reopens and edits it, submits it, and edits it
//! once more after the coordinator asks for changes.

use crate::common::{
    Visit, assert_on_screen, labelled_and_keyboard_reachable, log_in_as, set_value, shot,
    sideways_overflow, token, type_in, visit_as, wait_for,
};
use klasbrug_e2e::Browser;
use serde_json::{Value, json};
use testkit::{TestServer, on_both_backends};

const FENNA: (&str, &str) = ("fenna@ambassadeur.example", "Fenna Dijkstra");
const PHONE: (u32, u32) = (360, 740);

async fn send(
    server: &TestServer,
    email: &str,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> Value {
    let token = token(server, email).await;
    let mut request = reqwest::Client::new()
        .request(method, server.url(&format!("/api/v1{path}")))
        .bearer_auth(token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let answer: Value = response.json().await.unwrap_or(Value::Null);
    assert!(status.is_success(), "{path}: {status} {answer}");
    answer
}

/// The `id` of the element that has the keyboard focus.
async fn focused(browser: &Browser) -> String {
    browser
        .script("return document.activeElement ? document.activeElement.id : ''")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// A property of the element matching `css`, such as an input's `value` or `checked`.
async fn property(browser: &Browser, css: &str, name: &str) -> Value {
    browser.find(css).await;
    browser
        .script(&format!("return document.querySelector({css:?})[{name:?}]"))
        .await
}

/// Fenna's series with this title, as the API has it.
async fn series_titled(server: &TestServer, title: &str) -> Option<Value> {
    let list = send(
        server,
        FENNA.0,
        reqwest::Method::GET,
        "/lesson-series?limit=50",
        None,
    )
    .await;
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["content"]["title"] == title)
        .cloned()
}

async fn option_values(browser: &Browser, css: &str) -> Vec<String> {
    let script = format!("return [...document.querySelectorAll({css:?})].map(o => o.value)");
    serde_json::from_value(browser.script(&script).await).unwrap()
}

on_both_backends! {
    async fn an_ambassador_plans_an_approved_series_on_her_school_days_and_hears_a_refusal_in_dutch(db) {
        let Visit { server, browser, driver: _driver } = visit_as(&db, PHONE, FENNA.0, FENNA.1).await;

        // Her two series, as cards.
        browser.click(&browser.find("#menu-my-lessons").await).await;
        browser.wait_for_text("#page-title", "Mijn lessen").await;
        let list = browser.wait_for_text("#my-lessons-list", "Water in de wijk").await;
        assert!(list.contains("Bruggen bouwen") && list.contains("Ingepland"), "{list}");
        assert!(list.contains("Ter beoordeling"), "{list}");
        assert_eq!(sideways_overflow(&browser).await, 0, "Mijn lessen scrolls sideways at 360 px");
        browser.screenshot(&shot(&db, "mijn-lessen")).await;

        // Submitted: nothing to plan yet. The coordinator approves it.
        let series = send(&server, FENNA.0, reqwest::Method::GET, "/lesson-series?limit=50", None).await;
        let water = series["items"].as_array().unwrap().iter()
            .find(|s| s["content"]["title"] == "Water in de wijk").unwrap()["id"].as_str().unwrap().to_owned();
        let cards = browser.find_all("#my-lessons-list a").await;
        let mut opened = false;
        for card in cards {
            if browser.text(&card).await == "Water in de wijk" {
                browser.click(&card).await;
                opened = true;
                break;
            }
        }
        assert!(opened);
        browser.wait_for_text("#series-status", "Ter beoordeling").await;
        send(&server, "ic@zeester.example", reqwest::Method::POST, &format!("/lesson-series/{water}/transitions"), Some(json!({"action": "approve"}))).await;
        browser.goto(&server.url(&format!("/lessenseries/{water}"))).await;
        browser.wait_for_text("#series-status", "Goedgekeurd").await;

        // The dates offered: her Wednesdays from today (Thursday 3 December) to the end of
        // January, without the Christmas holiday (19 December to 3 January, region noord).
        wait_for(&browser, "#series-plan-form").await;
        let offered = option_values(&browser, "#plan-date-1 option").await;
        assert_eq!(offered, ["2026-12-09", "2026-12-16", "2027-01-06", "2027-01-13", "2027-01-20", "2027-01-27"]);
        assert_eq!(option_values(&browser, "#plan-group option").await, ["groep 7", "groep 8"]);
        assert_eq!(sideways_overflow(&browser).await, 0, "the series scrolls sideways at 360 px");
        browser.click(&browser.find("#series-plan-submit").await).await;
        browser.wait_for_text("#series-message", "ingepland").await;
        browser.wait_for_text("#series-status", "Ingepland").await;
        let dated = browser.text(&browser.find("#series-schedule").await).await;
        assert!(dated.contains("wo 9 dec. 2026") && dated.contains("wo 6 jan. 2027"), "{dated}");

        // A stricter rule for January: one hour a group a month. Two lessons in January now go
        // over it: refused, in Dutch, and her dates stay.
        send(&server, "beheer@klasbrug.example", reqwest::Method::POST, "/hours-policies", Some(json!({
            "name": "Proefregel januari", "valid_from": "2027-01-01", "valid_until": "2027-07-31",
            "municipalities": ["Groningen"], "max_minutes_per_group_per_month": 60, "excluded_domains": []
        }))).await;
        set_value(&browser, "#plan-date-2", "2027-01-06").await;
        set_value(&browser, "#plan-date-3", "2027-01-13").await;
        browser.click(&browser.find("#series-plan-submit").await).await;
        let refusal = browser.wait_for_text("#series-plan-error", "Dit kan niet").await;
        assert!(refusal.contains("groep 7") && refusal.contains("januari 2027") && refusal.contains("22-urenregel"), "{refusal}");
        assert!(refusal.contains("2 uur") && refusal.contains("1 uur"), "{refusal}");
        browser.screenshot(&shot(&db, "lessen-inplannen-geweigerd")).await;
        let after = send(&server, FENNA.0, reqwest::Method::GET, &format!("/lesson-series/{water}"), None).await;
        let dates: Vec<&str> = after["schedule"].as_array().unwrap().iter().map(|l| l["date"].as_str().unwrap()).collect();
        assert_eq!(dates, ["2026-12-09", "2026-12-16", "2027-01-06"]);

        // She copies the series for groep 8 alone: a new draft, opened at once.
        browser.click(&browser.find("#copy-submit").await).await;
        browser.wait_for_text("#copy-groups-error", "groep 7").await;
        browser.type_into(&browser.find("#copy-groups").await, "groep 8").await;
        browser.click(&browser.find("#copy-submit").await).await;
        browser.wait_for_text("#series-status", "Concept").await;
        assert!(!browser.current_url().await.ends_with(&water), "the copy is a series of its own");
        browser.wait_for_text("#series-step", "Indienen ter beoordeling").await;

        // And finds approved series in the library by theme.
        browser.click(&browser.find("#menu-my-lessons").await).await;
        // The series load above the library: once they are there, the search button stays put.
        browser.wait_for_text("#my-lessons-list", "Bruggen bouwen").await;
        browser.type_into(&browser.find("#library-theme").await, "water").await;
        browser.click(&browser.find("#library-search").await).await;
        browser.wait_for_text("#library-results", "Water in de wijk").await;
        assert_eq!(sideways_overflow(&browser).await, 0, "Mijn lessen scrolls sideways at 360 px");
        browser.close().await;
    }

    async fn an_ambassador_writes_a_series_with_two_lessons_hears_what_is_missing_edits_and_submits_it(db) {
        let Visit { server, browser, driver } = visit_as(&db, PHONE, FENNA.0, FENNA.1).await;
        browser.click(&browser.find("#menu-my-lessons").await).await;
        browser.wait_for_text("#my-lessons-list", "Water in de wijk").await;
        assert_on_screen(&browser, "#new-series").await;
        browser.screenshot(&shot(&db, "mijn-lessen-nieuw-360px")).await;
        browser.click(&browser.find("#new-series").await).await;
        browser.wait_for_text("#page-title", "Nieuwe lessenserie").await;
        browser.wait_for_text("#sf-school-name", "Basisschool De Zeester").await;
        wait_for(&browser, "#sf-objective-45").await;
        assert!(labelled_and_keyboard_reachable(&browser).await, "a field without a label, or out of keyboard reach");
        assert_eq!(sideways_overflow(&browser).await, 0, "the form scrolls sideways at 360 px");
        // De Zeester is a primary school: groep 1 to 8.
        assert_eq!(browser.find_all("#sf-groups input[type=checkbox]").await.len(), 8);

        // Everything but the title: theme, a group, a kerndoel and two lessons (of the three a
        // new series starts with).
        type_in(&browser, "#sf-theme", "techniek").await;
        type_in(&browser, "#sf-description", "Leerlingen ontwerpen en testen een brug van papier.").await;
        browser.click(&browser.find("#sf-group-groep-6").await).await;
        browser.click(&browser.find("#sf-area-orientatie_op_jezelf_en_de_wereld summary").await).await;
        browser.click(&browser.find("#sf-objective-45").await).await;
        browser.wait_for_text("#sf-area-orientatie_op_jezelf_en_de_wereld summary", "1 gekozen").await;
        type_in(&browser, "#sf-lesson-0-title", "Wat houdt een brug omhoog?").await;
        type_in(&browser, "#sf-lesson-0-goal", "Krachten herkennen").await;
        type_in(&browser, "#sf-lesson-1-title", "Zelf een brug bouwen").await;
        type_in(&browser, "#sf-lesson-1-minutes", "90").await;
        type_in(&browser, "#sf-lesson-1-materials", "papier, plakband, knikkers").await;
        browser.click(&browser.find("#sf-lesson-2-remove").await).await;
        wait_for(&browser, "#series-form:not(:has(#sf-lesson-2))").await;
        assert_eq!(focused(&browser).await, "sf-add-lesson", "the focus stays in the lessons");
        assert_eq!(sideways_overflow(&browser).await, 0, "the filled form scrolls sideways at 360 px");
        for (section, name) in [("sf-objectives", "lessenserie-kerndoelen-360px"), ("sf-lessons", "lessenserie-lessen-360px")] {
            browser.script(&format!("document.getElementById('{section}').scrollIntoView()")).await;
            browser.screenshot(&shot(&db, name)).await;
        }
        assert_on_screen(&browser, "#series-form button").await;

        // No title: the server refuses, and the form says so in Dutch beside the field.
        browser.click(&browser.find("#series-form-save").await).await;
        let message = browser.wait_for_text("#sf-title-error", "titel").await;
        assert_eq!(message, "Geef een titel van hoogstens 200 tekens.");
        browser.wait_for_text("#series-form-error", "Niet alles is goed ingevuld").await;
        assert_eq!(focused(&browser).await, "sf-title");
        assert_eq!(property(&browser, "#sf-title", "ariaInvalid").await, "true");
        assert_eq!(property(&browser, "#sf-lesson-1-title", "value").await, "Zelf een brug bouwen", "what she typed stays");
        assert_eq!(sideways_overflow(&browser).await, 0, "the form with messages scrolls sideways at 360 px");
        browser.screenshot(&shot(&db, "lessenserie-titel-ontbreekt-360px")).await;
        let mine = send(&server, FENNA.0, reqwest::Method::GET, "/lesson-series?limit=50", None).await;
        assert_eq!(mine["items"].as_array().unwrap().len(), 2, "nothing was saved");

        // With a title it is saved as a draft, and its page opens.
        type_in(&browser, "#sf-title", "Bruggen van papier").await;
        browser.click(&browser.find("#series-form-save").await).await;
        browser.wait_for_text("#series-title", "Bruggen van papier").await;
        browser.wait_for_text("#series-status", "Concept").await;
        let lessons = browser.wait_for_text("#series-lessons", "Zelf een brug bouwen").await;
        assert!(lessons.contains("Wat houdt een brug omhoog?") && lessons.contains("1 uur 30 min"), "{lessons}");
        browser.wait_for_text("#series-objectives", "Oplossingen voor technische problemen").await;
        let saved = series_titled(&server, "Bruggen van papier").await.expect("the series is saved");
        let id = saved["id"].as_str().unwrap().to_owned();
        assert_eq!(saved["status"], "draft");
        assert_eq!(saved["content"]["objectives"], json!([45]));
        assert_eq!(saved["content"]["target_groups"], json!(["groep 6"]));
        assert_eq!(saved["content"]["theme"], "techniek");
        let minutes: Vec<u64> = saved["content"]["lessons"].as_array().unwrap().iter().map(|l| l["minutes"].as_u64().unwrap()).collect();
        assert_eq!(minutes, [60, 90]);
        assert_eq!(saved["content"]["lessons"][1]["materials"], "papier, plakband, knikkers");

        // She reopens it: the form holds what she saved. She adds a third lesson and renames it.
        browser.click(&browser.find("#series-edit").await).await;
        browser.wait_for_text("#page-title", "Lessenserie bewerken").await;
        wait_for(&browser, "#sf-objective-45").await;
        assert_eq!(property(&browser, "#sf-title", "value").await, "Bruggen van papier");
        assert_eq!(property(&browser, "#sf-objective-45", "checked").await, true);
        assert_eq!(property(&browser, "#sf-area-orientatie_op_jezelf_en_de_wereld", "open").await, true);
        assert_eq!(property(&browser, "#sf-group-groep-6", "checked").await, true);
        assert_eq!(property(&browser, "#sf-lesson-1-minutes", "value").await, "90");
        browser.click(&browser.find("#sf-add-lesson").await).await;
        wait_for(&browser, "#sf-lesson-2-title").await;
        assert_eq!(focused(&browser).await, "sf-lesson-2-title", "a new lesson's title gets the focus");
        type_in(&browser, "#sf-lesson-2-title", "De brug testen").await;
        type_in(&browser, "#sf-title", "Bruggen van papier en karton").await;
        assert_eq!(sideways_overflow(&browser).await, 0, "the edit form scrolls sideways at 360 px");
        browser.screenshot(&shot(&db, "lessenserie-bewerken-360px")).await;
        browser.click(&browser.find("#series-form-save").await).await;
        browser.wait_for_text("#series-title", "Bruggen van papier en karton").await;
        browser.wait_for_text("#series-lessons", "De brug testen").await;
        assert_eq!(browser.find_all("#series-lessons .lesson").await.len(), 3);

        // She submits it; a submitted series is not hers to edit. (The kerndoelen's titles load
        // after the page: once they are there, nothing above the buttons moves under a click.)
        wait_for(&browser, "#series-objectives .objective-title").await;
        browser.click(&browser.find("#series-submit").await).await;
        browser.wait_for_text("#series-status", "Ter beoordeling").await;
        wait_for(&browser, "#series:not(:has(#series-edit))").await;
        let submitted = send(&server, FENNA.0, reqwest::Method::GET, &format!("/lesson-series/{id}"), None).await;
        assert_eq!(submitted["status"], "submitted");
        assert_eq!(submitted["content"]["lessons"].as_array().unwrap().len(), 3);
        browser.goto(&server.url(&format!("/lessenseries/{id}/bewerken"))).await;
        browser.wait_for_text("#series-form-not-editable", "niet meer bewerken").await;

        // The coordinator asks for changes: she edits it once more, and it is a draft again.
        send(&server, "ic@zeester.example", reqwest::Method::POST, &format!("/lesson-series/{id}/transitions"),
            Some(json!({"action": "request_changes", "comment": "Maak les 3 korter."}))).await;
        browser.goto(&server.url(&format!("/lessenseries/{id}"))).await;
        browser.wait_for_text("#series-status", "Wijzigingen gevraagd").await;
        wait_for(&browser, "#series-objectives .objective-title").await;
        browser.click(&browser.find("#series-edit").await).await;
        browser.wait_for_text("#series-form-changes", "wijzigingen").await;
        wait_for(&browser, "#sf-objective-45").await;
        type_in(&browser, "#sf-lesson-2-minutes", "45").await;
        browser.click(&browser.find("#series-form-save").await).await;
        browser.wait_for_text("#series-lessons", "45 min").await;
        browser.wait_for_text("#series-status", "Concept").await;
        let revised = send(&server, FENNA.0, reqwest::Method::GET, &format!("/lesson-series/{id}"), None).await;
        assert_eq!(revised["status"], "draft");
        assert_eq!(revised["content"]["lessons"][2]["minutes"], 45);

        // At desktop width the form reads the same.
        let desktop = driver.session(1280, 1000).await;
        desktop.goto(&server.url("/")).await;
        log_in_as(&desktop, FENNA.0, FENNA.1).await;
        desktop.goto(&server.url(&format!("/lessenseries/{id}/bewerken"))).await;
        wait_for(&desktop, "#sf-objective-45").await;
        let overflow = sideways_overflow(&desktop).await;
        assert!(overflow <= 0, "the form scrolls sideways at 1280 px by {overflow} px");
        desktop.screenshot(&shot(&db, "lessenserie-bewerken")).await;
        desktop.script("document.getElementById('sf-lessons').scrollIntoView()").await;
        desktop.screenshot(&shot(&db, "lessenserie-bewerken-lessen")).await;
        desktop.close().await;
        browser.close().await;
    }
}
