//! The web app in headless Chromium against the real binary, on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Visit, log_in, log_in_as, shot, spawn_server, visit_as};
use klasbrug_e2e::Driver;
use testkit::on_both_backends;

on_both_backends! {
    async fn the_demo_director_logs_in_sees_their_school_stays_logged_in_and_logs_out(db) {
        let server = spawn_server(&db).await;
        let driver = Driver::start().await;
        let browser = driver.session(1280, 900).await;
        browser.goto(&server.url("/")).await;

        let heading = browser.wait_for_text("h1", "Inloggen").await;
        assert!(heading.contains("Inloggen"));
        assert_eq!(browser.script("return document.documentElement.lang").await, "nl");

        // A wrong password shows a Dutch message on the page.
        log_in(&browser, "directeur@zeester.example", "niet-het-goede-wachtwoord").await;
        let error = browser.wait_for_text("#login-error", "klopt niet").await;
        assert!(error.contains("E-mailadres of wachtwoord klopt niet"), "{error}");
        browser.screenshot(&shot(&db, "login-error")).await;

        log_in_as(&browser, "directeur@zeester.example", "Anouk Visser").await;
        assert!(browser.text(&browser.find("#user-role").await).await.contains("Schooldirecteur"));
        assert!(browser.text(&browser.find("#user-organisation").await).await.contains("Basisschool De Zeester"));
        let menu = browser.text(&browser.find("#menu").await).await;
        assert!(menu.contains("Team"), "{menu}");
        assert!(!menu.contains("Auditlog"), "a director has no audit log: {menu}");
        browser.screenshot(&shot(&db, "overview")).await;

        // The access token lives in memory only; a reload restores the session from the cookie.
        let stored = browser.script("return JSON.stringify(Object.assign({}, localStorage, sessionStorage))").await;
        assert!(!stored.as_str().unwrap().contains("eyJ"), "a token was stored in web storage: {stored}");
        browser.goto(&server.url("/")).await;
        browser.wait_for_text("#user-name", "Anouk Visser").await;
        // start.js restored it while the module loaded, and the app took those answers once:
        // one refresh (the cookie rotates on each) and one /me, not a second pair of its own.
        let asked = browser
            .script(
                "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)\
                   .filter(p => p === '/api/v1/auth/refresh' || p === '/api/v1/me')",
            )
            .await;
        assert_eq!(asked, serde_json::json!(["/api/v1/auth/refresh", "/api/v1/me"]));
        assert_eq!(browser.script("return typeof window.klasbrugSession").await, "undefined");
        // The token it handed over works for what the pages ask next.
        browser.click(&browser.find("#menu a[href='/team']").await).await;
        browser.wait_for_text("main", "Jeroen Bakker").await;

        browser.click(&browser.find("#logout").await).await;
        browser.find("#email").await;
        browser.goto(&server.url("/")).await;
        browser.wait_for_text("h1", "Inloggen").await;
        browser.close().await;
    }

    async fn swagger_ui_renders_under_the_content_security_policy(db) {
        let server = spawn_server(&db).await;
        let driver = Driver::start().await;
        let browser = driver.session(1280, 900).await;
        // Scripts blocked by the policy would leave the page empty.
        browser.goto(&server.url("/docs/")).await;
        browser.wait_for_text(".information-container .title", "Klasbrug").await;
        browser.wait_for_text(".opblock-tag-section", "training").await;
        browser.screenshot(&shot(&db, "docs")).await;
        browser.close().await;
    }

    async fn the_team_page_lists_the_school_staff_on_a_phone_sized_screen(db) {
        let Visit { server, browser, driver: _driver } = visit_as(&db, (360, 800), "directeur@zeester.example", "Anouk Visser").await;
        // Opening the page by its address restores the session and shows the page.
        browser.goto(&server.url("/team")).await;
        let team = browser.wait_for_text("main", "Jeroen Bakker").await;
        assert!(team.contains("Intern coördinator"), "{team}");
        assert_eq!(browser.script("return window.innerWidth").await, 360);
        let overflow = browser.script("return document.documentElement.scrollWidth - window.innerWidth").await;
        assert!(overflow.as_i64().unwrap() <= 0, "the page scrolls sideways at 360 px by {overflow} px");
        browser.screenshot(&shot(&db, "team-360px")).await;
        browser.close().await;
    }
}
