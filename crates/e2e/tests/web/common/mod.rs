//! What the browser tests share: the real server on a test database, logging in, screenshots.
#![allow(clippy::unwrap_used)] // test support: a failed set-up fails the test

use std::path::{Path, PathBuf};

use klasbrug_e2e::{Browser, Driver, screenshot_dir};
use testkit::{Backend, TestDatabaseRef, TestServer};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub async fn spawn_server(db: &TestDatabaseRef) -> TestServer {
    spawn_server_with(db, &[]).await
}

/// [`spawn_server`] with more environment, such as `KLASBRUG_SMTP_URL` to send the e-mail to a
/// test's SMTP server instead of the log. Later entries override earlier ones.
pub async fn spawn_server_with(db: &TestDatabaseRef, extra: &[(&str, &str)]) -> TestServer {
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
    // The demo server logs each e-mail it would send (target `klasbrug::mail`, info): tests read
    // invitation links from there. Later entries override testkit's quiet RUST_LOG.
    let mut env = vec![
        ("KLASBRUG_DEMO", "1"),
        ("KLASBRUG_STATIC_DIR", dist.as_str()),
        ("RUST_LOG", "warn,klasbrug::mail=info"),
    ];
    env.extend_from_slice(extra);
    TestServer::spawn_on(&binary, db, &env).await
}

pub fn shot(db: &TestDatabaseRef, name: &str) -> PathBuf {
    let backend = match db.backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    screenshot_dir().join(format!("{name}-{backend}.png"))
}

pub async fn log_in(browser: &Browser, email: &str, password: &str) {
    let email_field = browser.find("#email").await;
    browser.clear(&email_field).await;
    browser.type_into(&email_field, email).await;
    let password_field = browser.find("#password").await;
    browser.clear(&password_field).await;
    browser.type_into(&password_field, password).await;
    browser.click(&browser.find("#login-submit").await).await;
}

/// Logs in and waits until the overview greets `name`.
pub async fn log_in_as(browser: &Browser, email: &str, name: &str) {
    log_in(browser, email, "klasbrug-demo").await;
    browser.wait_for_text("#user-name", name).await;
}

/// A demo server with a browser window on it, logged in.
pub struct Visit {
    pub server: TestServer,
    pub browser: Browser,
    /// Chromedriver: the window closes when it is dropped, so bind it (as `driver: _driver`,
    /// not `..`) for as long as the test uses the browser.
    pub driver: Driver,
}

/// Starts the demo on `db`, opens a `width` × `height` window and logs `email` in, waiting until
/// the overview greets `name`.
pub async fn visit_as(
    db: &TestDatabaseRef,
    (width, height): (u32, u32),
    email: &str,
    name: &str,
) -> Visit {
    let server = spawn_server(db).await;
    let driver = Driver::start().await;
    let browser = driver.session(width, height).await;
    browser.goto(&server.url("/")).await;
    log_in_as(&browser, email, name).await;
    Visit {
        server,
        browser,
        driver,
    }
}

/// Waits until `css` matches an element: with `:has()` and `:not()`, until something is gone.
pub async fn wait_for(browser: &Browser, css: &str) {
    browser.wait_for_text(css, "").await;
}

/// How many pixels the page is wider than the window: 0 when nothing scrolls sideways.
pub async fn sideways_overflow(browser: &Browser) -> i64 {
    browser
        .script("return document.documentElement.scrollWidth - window.innerWidth")
        .await
        .as_i64()
        .unwrap()
}

/// Sets a select's, date's, time's or month's value the way a person's choice would: the value,
/// then the `input` and `change` events the app listens to.
pub async fn set_value(browser: &Browser, css: &str, value: &str) {
    browser.find(css).await;
    let script = format!(
        "const el = document.querySelector({css:?});\
         el.value = {value:?};\
         el.dispatchEvent(new Event('input', {{ bubbles: true }}));\
         el.dispatchEvent(new Event('change', {{ bubbles: true }}));"
    );
    browser.script(&script).await;
}

/// An access token for a demo account, as any API client gets one.
pub async fn token(server: &TestServer, email: &str) -> String {
    let response: serde_json::Value = reqwest::Client::new()
        .post(server.url("/api/v1/auth/login"))
        .json(&serde_json::json!({ "email": email, "password": "klasbrug-demo" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    response["access_token"]
        .as_str()
        .unwrap_or_else(|| panic!("no token for {email}: {response}"))
        .to_owned()
}

/// `GET` of an API path (below `/api/v1`) as the holder of `token`, as JSON.
pub async fn api_get(server: &TestServer, token: &str, path: &str) -> serde_json::Value {
    reqwest::Client::new()
        .get(server.url(&format!("/api/v1{path}")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// Whether every input, select and textarea on the page has a label a screen reader reads, and
/// every control can be reached with the keyboard.
pub async fn labelled_and_keyboard_reachable(browser: &Browser) -> bool {
    browser
        .script(
            "const fields = [...document.querySelectorAll('main input, main select, main textarea')];\
             const labelled = fields.every(el => el.labels && el.labels.length > 0);\
             const controls = [...document.querySelectorAll('main button, main a[href], main input, main select, main textarea')];\
             return fields.length > 0 && labelled && controls.every(el => el.disabled || el.tabIndex >= 0);",
        )
        .await
        .as_bool()
        .unwrap()
}

/// Empties a field and types `text` into it.
pub async fn type_in(browser: &Browser, css: &str, text: &str) {
    let field = browser.find(css).await;
    browser.clear(&field).await;
    browser.type_into(&field, text).await;
}

/// Asserts that something matches `css` and that all of it is on the screen: nothing sticks out
/// on the right and nothing sits in a box that scrolls sideways (a table wider than its frame,
/// whose own scroll bar `sideways_overflow` does not see).
pub async fn assert_on_screen(browser: &Browser, css: &str) {
    let script = format!(
        "const els = [...document.querySelectorAll({css:?})];\
         const scrolls = el => {{ for (let a = el.parentElement; a; a = a.parentElement) {{\
             const x = getComputedStyle(a).overflowX;\
             if ((x === 'auto' || x === 'scroll') && a.scrollWidth > a.clientWidth + 1) return true; }}\
           return false; }};\
         const off = els.filter(el => {{ const r = el.getBoundingClientRect();\
             return r.left < 0 || r.right > window.innerWidth + 0.5 || scrolls(el); }})\
           .map(el => el.textContent.trim().slice(0, 40));\
         return {{ count: els.length, off }};"
    );
    let answer = browser.script(&script).await;
    assert!(
        answer["count"].as_u64().unwrap() > 0,
        "nothing matches {css}"
    );
    assert_eq!(
        answer["off"],
        serde_json::json!([]),
        "{css}: these are off the screen at {} px",
        browser.script("return window.innerWidth").await
    );
}
