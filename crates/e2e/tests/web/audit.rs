//! The audit log in headless Chromium, against the real binary on SQLite and on PostgreSQL: the
//! director offers a spot and closes it again; programme staff read it at the top of Auditlog as
//! "Anouk Visser bood een plek aan", with a link to Plekken, and the closing with the reason she
//! gave; logins are left out until asked for; the kind filter and a click on a name narrow the
//! log down.

use crate::common::{Visit, set_value, shot, token, visit_as, wait_for};
use klasbrug_e2e::Browser;
use serde_json::{Value, json};
use testkit::on_both_backends;

const ADMIN: (&str, &str) = ("beheer@klasbrug.example", "Iris van Leeuwen");
const DESKTOP: (u32, u32) = (1280, 900);

async fn actions(browser: &Browser) -> Vec<String> {
    let value = browser
        .script("return [...document.querySelectorAll('#audit-events tbody tr')].map(r => r.dataset.action)")
        .await;
    serde_json::from_value(value).unwrap()
}

on_both_backends! {
    async fn programme_staff_read_who_did_what_newest_first_and_filter_it(db) {
        let Visit { server, browser, driver: _driver } = visit_as(&db, DESKTOP, ADMIN.0, ADMIN.1).await;

        // The start page says what waits: the demo's new application (Joris), the series
        // waiting for review and the school's hours waiting for approval.
        browser.wait_for_text("#waiting-applications", "nieuwe aanmeldingen").await;
        let applications = browser.text(&browser.find("#waiting-applications .waiting-count").await).await;
        assert_eq!(applications, "1");
        browser.wait_for_text("#waiting-series", "lessenseries om te beoordelen").await;
        browser.wait_for_text("#waiting-hours", "uren om goed te keuren").await;
        browser.screenshot(&shot(&db, "overzicht-beheer")).await;

        // The director offers a spot through the API, as the web app would.
        let director = token(&server, "directeur@zeester.example").await;
        let me: Value = reqwest::Client::new().get(server.url("/api/v1/me")).bearer_auth(&director)
            .send().await.unwrap().json().await.unwrap();
        let school = me["memberships"][0]["organisation"]["id"].as_str().unwrap().to_owned();
        let created = reqwest::Client::new().post(server.url("/api/v1/placements")).bearer_auth(&director)
            .json(&json!({"school_id": school, "school_year": "2026-2027", "start_moment": "february",
                "commitment": "half_year", "weekday": "wednesday", "starts_at": "08:30:00", "ends_at": "15:00:00",
                "kind": "thematic", "theme": "Robotica-lab", "expertise": ["programmeren"]}))
            .send().await.unwrap();
        assert_eq!(created.status().as_u16(), 201);
        // And closes it again, saying why: the log shows the reason beside the action.
        let created: Value = created.json().await.unwrap();
        let closed = reqwest::Client::new()
            .post(server.url(&format!("/api/v1/placements/{}/transitions", created["id"].as_str().unwrap())))
            .bearer_auth(&director)
            .json(&json!({"action": "close", "reason": "De leerkracht gaat met verlof"}))
            .send().await.unwrap();
        assert_eq!(closed.status().as_u16(), 200);

        browser.click(&browser.find("#menu-audit").await).await;
        let first = browser.wait_for_text("#audit-events tbody tr", "Anouk Visser").await;
        assert!(first.contains("De leerkracht gaat met verlof"), "{first}");
        let rows = actions(&browser).await;
        assert_eq!(rows[..2], ["placement.close", "placement.create"], "newest first: {rows:?}");
        let second = browser.text(&browser.find("#audit-events tbody tr:nth-child(2)").await).await;
        assert!(second.contains("bood een plek aan") && second.contains("plek"), "{second}");
        assert!(rows.iter().all(|a| !a.starts_with("auth.")), "logins are left out: {rows:?}");
        wait_for(&browser, "#audit-events tbody tr:first-child a[href='/plekken']").await;
        browser.screenshot(&shot(&db, "auditlog")).await;

        // Logins on request.
        browser.click(&browser.find("#audit-logins").await).await;
        browser.wait_for_text("#audit-events", "logde in").await;

        // Only placements; then only what Anouk did.
        set_value(&browser, "#audit-kind", "placement").await;
        browser.wait_for_text("#audit-events tbody tr:nth-child(2)", "bood een plek aan").await;
        let rows = actions(&browser).await;
        assert!(!rows.is_empty() && rows.iter().all(|a| a.starts_with("placement.")), "{rows:?}");
        set_value(&browser, "#audit-kind", "").await;
        browser.click(&browser.find("#audit-events tbody tr:first-child .link-button").await).await;
        browser.wait_for_text("#audit-person", "Door Anouk Visser").await;
        wait_for(&browser, "#audit-events tbody tr[data-action='auth.login']").await;
        let names = browser
            .script("return [...document.querySelectorAll('#audit-events tbody tr td:nth-child(2)')].map(td => td.innerText)")
            .await;
        let names: Vec<String> = serde_json::from_value(names).unwrap();
        assert!(names.iter().all(|n| n == "Anouk Visser"), "{names:?}");
        browser.close().await;
    }
}
