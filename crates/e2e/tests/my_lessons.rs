//! Mijn lessen in headless Chromium on a 360 px phone, against the real binary on SQLite and on
//! PostgreSQL: Fenna finds her two series; once the coordinator approves *Water in de wijk* she
//! plans it for groep 7 with dates the page offers (only her Wednesdays from today, none in the
//! Christmas holiday, none after her placement ends); when a stricter rule for January then
//! refuses her new dates, the page says why in Dutch and her dates stay as they were.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Visit, set_value, shot, sideways_overflow, token, visit_as, wait_for};
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
        browser.type_into(&browser.find("#library-theme").await, "water").await;
        browser.click(&browser.find("#library-search").await).await;
        browser.wait_for_text("#library-results", "Water in de wijk").await;
        assert_eq!(sideways_overflow(&browser).await, 0, "Mijn lessen scrolls sideways at 360 px");
        browser.close().await;
    }
}
