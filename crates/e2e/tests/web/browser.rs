//! The web app in headless Chromium against the real binary, on SQLite and on PostgreSQL.

use crate::common::{Visit, log_in, log_in_as, shot, spawn_server, visit_as, wait_for};
use klasbrug_e2e::{Browser, Driver};
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

    async fn each_person_loads_the_bundle_of_their_pages_and_a_page_outside_it_loads_the_whole_app(db) {
        // A new browser knows nobody yet: the whole app. Logging in leaves the director's bundle
        // as the hint for the next visit.
        let Visit { server, browser, driver } = visit_as(&db, (1280, 900), "directeur@zeester.example", "Anouk Visser").await;
        assert_eq!(bundle_running(&browser).await, "full");
        assert_eq!(browser.script("return localStorage.getItem('klasbrug-app')").await, "school");

        // The next visit loads the school's bundle, whose pages work.
        browser.goto(&server.url("/plekken")).await;
        wait_for(&browser, "#placement-table tbody tr").await;
        assert_eq!(bundle_running(&browser).await, "school");
        let menu = browser.text(&browser.find("#menu").await).await;
        assert!(menu.contains("Team") && menu.contains("Capaciteit"), "{menu}");
        browser.click(&browser.find("#menu a[href='/team']").await).await;
        browser.wait_for_text("main", "Jeroen Bakker").await;
        // Its start page looks for what waits on the school's pages: the hours to approve.
        browser.click(&browser.find("#menu-overview").await).await;
        browser.wait_for_text("#waiting-hours", "uren om goed te keuren").await;
        assert_eq!(bundle_running(&browser).await, "school");

        // A page the school's bundle does not hold (the application form) loads the whole app
        // in its place, for the rest of this tab.
        browser.goto(&server.url("/aanmelden")).await;
        wait_for_bundle(&browser, "full").await;
        browser.wait_for_text("main", "Aanmelden als onderwijsambassadeur").await;
        assert_eq!(browser.script("return sessionStorage.getItem('klasbrug-app')").await, "full");
        browser.close().await;

        // Another person on a device whose hint is the school's: the programme admin logs in
        // on the school's bundle, which loads again as the whole app, with the admin's pages.
        let browser = driver.session(1280, 900).await;
        browser.goto(&server.url("/")).await;
        browser.script("localStorage.setItem('klasbrug-app', 'school')").await;
        browser.goto(&server.url("/")).await;
        browser.find("#email").await;
        assert_eq!(bundle_running(&browser).await, "school");
        log_in(&browser, "beheer@klasbrug.example", "klasbrug-demo").await;
        wait_for_bundle(&browser, "full").await;
        browser.wait_for_text("#menu", "Auditlog").await;
        assert_eq!(browser.script("return localStorage.getItem('klasbrug-app')").await, "full");
        browser.click(&browser.find("#menu a[href='/audit']").await).await;
        browser.wait_for_text("#page-title", "Auditlog").await;
        browser.close().await;

        // An ambassador's next visit loads theirs; their hours page works in it.
        let browser = driver.session(390, 844).await;
        browser.goto(&server.url("/")).await;
        log_in_as(&browser, "noah@ambassadeur.example", "Noah Verbeek").await;
        assert_eq!(browser.script("return localStorage.getItem('klasbrug-app')").await, "ambassador");
        browser.goto(&server.url("/mijn-uren")).await;
        browser.wait_for_text("#page-title", "Mijn uren").await;
        assert_eq!(bundle_running(&browser).await, "ambassador");
        let menu = browser.text(&browser.find("#menu").await).await;
        assert!(menu.contains("Mijn plek") && !menu.contains("Plekken"), "{menu}");
        browser.screenshot(&shot(&db, "ambassador-bundle-hours")).await;
        browser.close().await;

        // An employer's HR officer: theirs, with their employer's page.
        let browser = driver.session(1280, 900).await;
        browser.goto(&server.url("/")).await;
        log_in_as(&browser, "hr@hoogland.example", "Eva Jansen").await;
        assert_eq!(browser.script("return localStorage.getItem('klasbrug-app')").await, "employer");
        browser.goto(&server.url("/werkgever")).await;
        browser.wait_for_text("#page-title", "Bouwbedrijf Hoogland").await;
        browser.wait_for_text("#employer-status", "Geverifieerd").await;
        assert_eq!(bundle_running(&browser).await, "employer");
        // Nothing waits for her on the pages of her bundle, and her start page says so.
        browser.click(&browser.find("#menu-overview").await).await;
        wait_for(&browser, "#waiting-nothing").await;
        assert_eq!(bundle_running(&browser).await, "employer");
        browser.close().await;
    }
}

/// Waits until the page has loaded `bundle` (after it loaded itself again).
async fn wait_for_bundle(browser: &Browser, bundle: &str) {
    let loaded = format!(
        "{LOADED_WASM}.find(p => p.startsWith('/klasbrug-{bundle}-') || ({bundle:?} === 'full' && /^\\/klasbrug-[0-9a-f]{{16}}_bg\\.wasm$/.test(p)))"
    );
    browser
        .wait_until(&loaded)
        .await
        .unwrap_or_else(|| panic!("the page did not load the bundle {bundle:?}"));
    assert_eq!(bundle_running(browser).await, bundle);
}

/// The paths of the wasm modules the page loaded.
const LOADED_WASM: &str = "performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).filter(p => p.endsWith('_bg.wasm'))";

/// Which bundle the page loaded: named after its wasm file (`klasbrug-school-<hash>_bg.wasm`).
async fn bundle_running(browser: &Browser) -> String {
    let wasm = browser.script(&format!("return {LOADED_WASM}")).await;
    let wasm = wasm
        .as_array()
        .and_then(|files| files.first())
        .and_then(|file| file.as_str())
        .unwrap_or_default()
        .to_owned();
    let name = wasm
        .trim_start_matches("/klasbrug-")
        .trim_end_matches("_bg.wasm");
    match name.rsplit_once('-') {
        Some((bundle, _hash)) => bundle.to_owned(),
        None if !name.is_empty() => "full".to_owned(),
        None => panic!("no wasm was loaded: {wasm:?}"),
    }
}
