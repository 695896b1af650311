//! The browser half of `cargo xtask bench web`: how long Plekken takes to show its first rows on a
//! school's connection, cold and on a repeat visit. `cargo xtask bench web` builds the release web
//! app and server, starts the demo and runs this as `web_bench <server URL>`.
//!
//! Each run opens a fresh Chromium (an empty cache), gives it the refresh cookie of the demo
//! director through the DevTools protocol (so the run measures loading, not typing a password), throttles it through the
//! DevTools protocol to 10 Mbit/s with 40 ms latency and a 4× slower CPU, and opens `/plekken`:
//! the **first** visit in a new browser, which loads the whole app because nothing says yet
//! which bundle is the director's. The app leaves that hint in the browser's storage, as it does
//! for everyone (frontend/src/bundle.rs). Then the bench empties the browser's cache, as a new
//! release does for a person who comes back, and opens `/plekken` again: the **cold** load, of the
//! director's own bundle. It stays on that page for 10 s, as a person reads it (Chromium keeps
//! the module's compiled code in that time), then leaves and opens `/plekken` once more in the
//! same window: the **repeat** visit, which must fetch nothing but `index.html` and the API
//! (every other asset is named after its content and cached as immutable); the bench fails when
//! it fetches more.
//!
//! The time is the page's own clock (`performance.now()`, from the navigation's start) at the
//! moment the first row of `#placement-table` is in the document, seen by a `MutationObserver`
//! installed before any of the page's scripts run. It prints min / median / max over the runs
//! and, for the last run, what each visit fetched and when, with the marks `start.js` leaves.
#![allow(clippy::expect_used, clippy::unwrap_used)] // a bench: a failed step ends it

use std::process::ExitCode;

use klasbrug_e2e::{Browser, Driver};
use serde_json::{Value, json};

const RUNS: usize = 5;
const EMAIL: &str = "directeur@zeester.example";
const PASSWORD: &str = "klasbrug-demo";
/// The refresh cookie, as the server sets it (crates/api/src/auth/session.rs).
const COOKIE_NAME: &str = "klasbrug_refresh";
const COOKIE_PATH: &str = "/api/v1/auth";
/// 10 Mbit/s, in bytes per second, both ways.
const THROUGHPUT: u64 = 10_000_000 / 8;
const LATENCY_MS: u64 = 40;
const CPU_SLOWDOWN: u64 = 4;
const COLD_TARGET_MS: f64 = 1_000.0;
const REPEAT_TARGET_MS: f64 = 400.0;
/// How long the person stays on the page of the cold load before they leave.
const READING: std::time::Duration = std::time::Duration::from_secs(10);

/// Runs at the start of every document: notes when the first placement row appears.
const WATCH_ROWS: &str = "new MutationObserver((_, observer) => {\
       if (document.querySelector('#placement-table tbody tr')) {\
         window.__klasbrugRowsAt = performance.now();\
         observer.disconnect();\
       }\
     }).observe(document, { childList: true, subtree: true });";

/// Waits (up to the script timeout) for the rows, then answers their time and what was fetched:
/// the document and every resource, with the bytes that crossed the network (0 when cached),
/// and the marks `start.js` leaves (the session restored, the app started).
const COLLECT: &str = "const done = arguments[arguments.length - 1];\
     const deadline = Date.now() + 25000;\
     (function poll() {\
       if (window.__klasbrugRowsAt === undefined && Date.now() < deadline) return setTimeout(poll, 10);\
       const entry = e => ({ path: new URL(e.name).pathname + new URL(e.name).search,\
         transferred: e.transferSize, body: e.encodedBodySize,\
         start: e.startTime, end: e.responseEnd });\
       done({ rows_at: window.__klasbrugRowsAt ?? null,\
         fetched: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map(entry),\
         marks: performance.getEntriesByType('mark').map(m => ({ name: m.name, at: m.startTime })) });\
     })();";

/// One visit of Plekken.
struct Visit {
    rows_ms: f64,
    fetched: Vec<Value>,
    marks: Vec<Value>,
}

impl Visit {
    /// What crossed the network and is not `index.html` (the document) or the API.
    fn fetched_besides_index_and_api(&self) -> Vec<String> {
        self.fetched
            .iter()
            .skip(1) // the document itself
            .filter(|f| f["transferred"].as_u64().unwrap_or(0) > 0)
            .map(|f| f["path"].as_str().unwrap_or_default().to_owned())
            .filter(|path| !path.starts_with("/api/"))
            .collect()
    }

    fn transferred(&self) -> u64 {
        self.fetched
            .iter()
            .map(|f| f["transferred"].as_u64().unwrap_or(0))
            .sum()
    }

    fn print_fetches(&self, what: &str) {
        println!("    {what}: fetched (ms from the navigation's start, bytes over the network)");
        for f in &self.fetched {
            println!(
                "      {:>6.0} → {:>6.0}  {:>8}  {}",
                f["start"].as_f64().unwrap_or(0.0),
                f["end"].as_f64().unwrap_or(0.0),
                f["transferred"].as_u64().unwrap_or(0),
                f["path"].as_str().unwrap_or_default()
            );
        }
        for mark in &self.marks {
            println!(
                "      {:>6.0}            {:>8}  ({})",
                mark["at"].as_f64().unwrap_or(0.0),
                "",
                mark["name"].as_str().unwrap_or_default()
            );
        }
        println!(
            "      {:>6.0}            {:>8}  (the first row)",
            self.rows_ms, ""
        );
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let Some(base) = std::env::args().nth(1) else {
        eprintln!("usage: web_bench <URL of a demo server>, as cargo xtask bench web runs it");
        return ExitCode::FAILURE;
    };
    let base = base.trim_end_matches('/').to_owned();
    let driver = Driver::start().await;
    let mut first_visits = Vec::new();
    let mut cold = Vec::new();
    let mut repeat = Vec::new();
    let mut failures = Vec::new();
    for run in 1..=RUNS {
        let browser = driver.session(1280, 800).await;
        let (new_browser, first, second) = visits(&browser, &base).await;
        browser.close().await;
        let extra = second.fetched_besides_index_and_api();
        println!(
            "    run {run}: first {:>5.0} ms ({} KiB), cold {:>5.0} ms ({} KiB over the network), repeat {:>5.0} ms ({} KiB)",
            new_browser.rows_ms,
            new_browser.transferred() / 1024,
            first.rows_ms,
            first.transferred() / 1024,
            second.rows_ms,
            second.transferred() / 1024,
        );
        if !extra.is_empty() {
            failures.push(format!(
                "run {run}: the repeat visit fetched more than index.html and the API: {}",
                extra.join(", ")
            ));
        }
        if run == RUNS {
            if let Some(wasm) = first.fetched.iter().find(|f| {
                f["path"]
                    .as_str()
                    .is_some_and(|path| path.ends_with("_bg.wasm"))
            }) {
                println!(
                    "    the wasm as this Chromium received it: {:.1} KiB",
                    wasm["body"].as_f64().unwrap_or(0.0) / 1024.0
                );
            }
            first.print_fetches("cold");
            second.print_fetches("repeat");
        }
        first_visits.push(new_browser.rows_ms);
        cold.push(first.rows_ms);
        repeat.push(second.rows_ms);
    }
    println!(
        "\n  Plekken to its first rows, {RUNS} runs at 10 Mbit/s, {LATENCY_MS} ms, {CPU_SLOWDOWN}× CPU:"
    );
    for (what, times, target) in [
        ("first", &mut first_visits, None),
        ("cold", &mut cold, Some(COLD_TARGET_MS)),
        ("repeat", &mut repeat, Some(REPEAT_TARGET_MS)),
    ] {
        times.sort_by(f64::total_cmp);
        println!(
            "    {what:<7} min {:>5.0} ms   median {:>5.0} ms   max {:>5.0} ms   {}",
            times[0],
            times[times.len() / 2],
            times[times.len() - 1],
            match target {
                Some(target) => format!("(target ≤ {target:.0} ms)"),
                None => "(the whole app: a new browser)".to_owned(),
            }
        );
    }
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        for failure in failures {
            eprintln!("web bench: {failure}");
        }
        ExitCode::FAILURE
    }
}

/// A cold load of Plekken in `browser` (fresh, logged in by cookie) and a repeat visit.
/// The first visit in a new browser, the cold load after its cache was emptied, and the repeat visit.
async fn visits(browser: &Browser, base: &str) -> (Visit, Visit, Visit) {
    browser
        .cdp(
            "Network.setCookie",
            json!({
                "name": COOKIE_NAME,
                "value": refresh_token(base).await,
                "url": base,
                "path": COOKIE_PATH,
                "httpOnly": true,
                "sameSite": "Strict",
            }),
        )
        .await;
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": WATCH_ROWS }),
        )
        .await;
    browser.cdp("Network.enable", json!({})).await;
    browser
        .cdp(
            "Network.emulateNetworkConditions",
            json!({
                "offline": false,
                "latency": LATENCY_MS,
                "downloadThroughput": THROUGHPUT,
                "uploadThroughput": THROUGHPUT,
            }),
        )
        .await;
    browser
        .cdp(
            "Emulation.setCPUThrottlingRate",
            json!({ "rate": CPU_SLOWDOWN }),
        )
        .await;
    let new_browser = visit(browser, base).await;
    browser.goto("about:blank").await;
    // What a new release does to a person's cache; the app's hint in storage stays.
    browser.cdp("Network.clearBrowserCache", json!({})).await;
    let cold = visit(browser, base).await;
    // A person reads the page before they leave, and comes back later: by then Chromium has
    // kept the module's compiled code beside the cached file, which it does a few seconds after
    // the module started (V8's wasm code cache). Without the pause the repeat visit compiles the
    // module again, which no person who comes back the next morning sees.
    tokio::time::sleep(READING).await;
    // Leave first, so the next visit is a navigation like a person's, not a reload.
    browser.goto("about:blank").await;
    let repeat = visit(browser, base).await;
    (new_browser, cold, repeat)
}

async fn visit(browser: &Browser, base: &str) -> Visit {
    browser.goto(&format!("{base}/plekken")).await;
    let answer = browser.script_async(COLLECT).await;

    let rows_ms = answer["rows_at"]
        .as_f64()
        .unwrap_or_else(|| panic!("Plekken showed no rows within 25 s: {answer}"));
    Visit {
        rows_ms,
        fetched: answer["fetched"].as_array().cloned().unwrap_or_default(),
        marks: answer["marks"].as_array().cloned().unwrap_or_default(),
    }
}

/// Logs the demo director in through the API and returns the refresh token from the cookie the
/// server sets.
async fn refresh_token(base: &str) -> String {
    let response = reqwest::Client::new()
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({ "email": EMAIL, "password": PASSWORD }))
        .send()
        .await
        .expect("the server answers");
    assert!(
        response.status().is_success(),
        "logging in failed: {}",
        response.status()
    );
    response
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(|cookie| cookie.strip_prefix(&format!("{COOKIE_NAME}=")))
        .and_then(|rest| rest.split(';').next())
        .expect("the login sets the refresh cookie")
        .to_owned()
}
