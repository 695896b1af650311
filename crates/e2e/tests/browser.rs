//! The web app in headless Chromium against the real binary, on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use klasbrug_e2e::{Browser, Driver, screenshot_dir};
use testkit::{Backend, TestDatabaseRef, TestServer, on_both_backends};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

async fn spawn_server(db: &TestDatabaseRef) -> TestServer {
    let binary = std::env::var("KLASBRUG_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|_| workspace().join("target/debug/klasbrug"));
    let dist = std::env::var("KLASBRUG_STATIC_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| workspace().join("dist"));
    assert!(
        binary.is_file(),
        "{} is missing: run `cargo xtask e2e`, which builds it",
        binary.display()
    );
    assert!(
        dist.join("index.html").is_file(),
        "{} has no web app: run `cargo xtask e2e`, which builds it",
        dist.display()
    );
    let dist = dist.to_str().unwrap().to_owned();
    TestServer::spawn(
        &binary,
        &db.url,
        &[("KLASBRUG_DEMO", "1"), ("KLASBRUG_STATIC_DIR", &dist)],
    )
    .await
}

fn shot(db: &TestDatabaseRef, name: &str) -> PathBuf {
    let backend = match db.backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    screenshot_dir().join(format!("{name}-{backend}.png"))
}

async fn log_in(browser: &Browser, email: &str, password: &str) {
    let email_field = browser.find("#email").await;
    browser.clear(&email_field).await;
    browser.type_into(&email_field, email).await;
    let password_field = browser.find("#password").await;
    browser.clear(&password_field).await;
    browser.type_into(&password_field, password).await;
    browser.click(&browser.find("#login-submit").await).await;
}

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

        log_in(&browser, "directeur@zeester.example", "klasbrug-demo").await;
        browser.wait_for_text("#user-name", "Anouk Visser").await;
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

        browser.click(&browser.find("#logout").await).await;
        browser.find("#email").await;
        browser.goto(&server.url("/")).await;
        browser.wait_for_text("h1", "Inloggen").await;
        browser.close().await;
    }

    async fn the_team_page_lists_the_school_staff_on_a_phone_sized_screen(db) {
        let server = spawn_server(&db).await;
        let driver = Driver::start().await;
        let browser = driver.session(360, 800).await;
        browser.goto(&server.url("/")).await;
        log_in(&browser, "directeur@zeester.example", "klasbrug-demo").await;
        browser.wait_for_text("#user-name", "Anouk Visser").await;
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
