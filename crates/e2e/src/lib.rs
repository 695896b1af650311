//! A small WebDriver client for browser tests: Debian's `chromium` and `chromedriver`, headless,
//! spoken to in plain W3C WebDriver over HTTP on a local port.
//!
//! Waiting is the browser's job: sessions set an implicit wait, so finding an element that the
//! app has yet to render blocks in chromedriver until it appears or the wait runs out. Our code
//! never sleeps.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test support: a failed step fails the test

use std::path::{Path, PathBuf};
use std::process::Stdio;

use base64::Engine;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// How long chromedriver waits for an element to appear.
const IMPLICIT_WAIT_MS: u64 = 10_000;
/// The W3C key for an element reference.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A running chromedriver, stopped when dropped together with every Chromium it started.
pub struct Driver {
    url: String,
    child: Child,
}

impl Drop for Driver {
    /// chromedriver runs in a process group of its own, which the browsers it starts join:
    /// killing only chromedriver left them running (over a thousand after a full run).
    fn drop(&mut self) {
        if let Some(pid) = self.child.id() {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", "--", &format!("-{pid}")])
                .stderr(Stdio::null())
                .status();
        }
    }
}

impl Driver {
    /// Starts `chromedriver` (or `$CHROMEDRIVER`) on a free port and returns once it says it
    /// accepts connections.
    pub async fn start() -> Self {
        let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".to_owned());
        let port = free_port();
        let mut child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("{binary} is needed for browser tests ({e}); install it: apt-get install chromium chromium-driver")
            });
        let stdout = child.stdout.take().expect("piped stdout");
        let mut lines = BufReader::new(stdout).lines();
        while let Some(line) = lines.next_line().await.expect("chromedriver output") {
            if line.contains("started successfully") {
                let rest = lines.into_inner();
                tokio::spawn(async move {
                    let mut lines = rest.lines();
                    while let Ok(Some(_)) = lines.next_line().await {}
                });
                return Self {
                    url: format!("http://127.0.0.1:{port}"),
                    child,
                };
            }
        }
        panic!("chromedriver exited before it started");
    }

    /// Opens a headless Chromium window whose page is `width` × `height` CSS pixels.
    pub async fn session(&self, width: u32, height: u32) -> Browser {
        let profile = tempfile::tempdir().expect("a profile folder");
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
        let args = vec![
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            format!("--window-size={width},{height}"),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let mut chrome_options = json!({ "binary": chromium, "args": args });
        if width < 500 {
            // A headless window is at least 500 px wide; a phone needs device emulation.
            chrome_options["mobileEmulation"] =
                json!({ "deviceMetrics": { "width": width, "height": height, "pixelRatio": 1 } });
        }
        let capabilities = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": chrome_options,
                "timeouts": { "implicit": IMPLICIT_WAIT_MS, "pageLoad": 30_000, "script": 30_000 }
            }}
        });
        let http = reqwest::Client::new();
        let response: Value = http
            .post(format!("{}/session", self.url))
            .json(&capabilities)
            .send()
            .await
            .expect("chromedriver answers")
            .json()
            .await
            .expect("a JSON answer");
        let id = response["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no browser session: {response}"))
            .to_owned();
        Browser {
            base: format!("{}/session/{id}", self.url),
            http,
            _profile: profile,
        }
    }
}

/// One browser window.
pub struct Browser {
    base: String,
    http: reqwest::Client,
    _profile: tempfile::TempDir,
}

/// An element on the page.
#[derive(Debug, Clone)]
pub struct Element(String);

impl Browser {
    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        match self.try_call(method.clone(), path, body).await {
            Ok(value) => value,
            Err(error) => panic!("WebDriver {method} {path}: {error}"),
        }
    }

    /// A WebDriver command, with its error (`code: message`) as an error.
    async fn try_call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<Value, String> {
        let mut request = self
            .http
            .request(method.clone(), format!("{}{path}", self.base));
        if let Some(body) = body {
            request = request.json(&body);
        } else if method == reqwest::Method::POST {
            request = request.json(&json!({}));
        }
        let response: Value = request
            .send()
            .await
            .expect("chromedriver answers")
            .json()
            .await
            .expect("JSON");
        if let Some(error) = response["value"]["error"].as_str() {
            return Err(format!("{error}: {}", response["value"]["message"]));
        }
        Ok(response["value"].clone())
    }

    /// Opens `url` and waits for it to load.
    pub async fn goto(&self, url: &str) {
        self.call(reqwest::Method::POST, "/url", Some(json!({ "url": url })))
            .await;
    }

    /// The element matching `css`, waiting for it to appear.
    pub async fn find(&self, css: &str) -> Element {
        let value = self
            .call(
                reqwest::Method::POST,
                "/element",
                Some(json!({"using": "css selector", "value": css})),
            )
            .await;
        Element(
            value[ELEMENT_KEY]
                .as_str()
                .unwrap_or_else(|| panic!("no element {css}: {value}"))
                .to_owned(),
        )
    }

    /// Every element matching `css` right now (waits only if there is none yet).
    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        let value = self
            .call(
                reqwest::Method::POST,
                "/elements",
                Some(json!({"using": "css selector", "value": css})),
            )
            .await;
        value
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e[ELEMENT_KEY].as_str().map(|s| Element(s.to_owned())))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Types `text` into an element.
    pub async fn type_into(&self, element: &Element, text: &str) {
        self.call(
            reqwest::Method::POST,
            &format!("/element/{}/value", element.0),
            Some(json!({ "text": text })),
        )
        .await;
    }

    /// Clears an input.
    pub async fn clear(&self, element: &Element) {
        self.call(
            reqwest::Method::POST,
            &format!("/element/{}/clear", element.0),
            None,
        )
        .await;
    }

    /// Clicks an element.
    pub async fn click(&self, element: &Element) {
        self.call(
            reqwest::Method::POST,
            &format!("/element/{}/click", element.0),
            None,
        )
        .await;
    }

    /// The visible text of an element.
    pub async fn text(&self, element: &Element) -> String {
        self.call(
            reqwest::Method::GET,
            &format!("/element/{}/text", element.0),
            None,
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
    }

    /// Runs a script in the page and returns its result.
    pub async fn script(&self, script: &str) -> Value {
        self.call(
            reqwest::Method::POST,
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
        .await
    }

    /// Runs an asynchronous script in the page: it ends by calling its last argument with the
    /// result, which this returns.
    pub async fn script_async(&self, script: &str) -> Value {
        self.call(
            reqwest::Method::POST,
            "/execute/async",
            Some(json!({ "script": script, "args": [] })),
        )
        .await
    }

    /// Sends a command of Chromium's DevTools protocol to the window (through chromedriver) and
    /// returns its result: throttling, emulation, the cache.
    pub async fn cdp(&self, command: &str, params: Value) -> Value {
        self.call(
            reqwest::Method::POST,
            "/goog/cdp/execute",
            Some(json!({ "cmd": command, "params": params })),
        )
        .await
    }

    /// Waits (in the browser, up to the implicit wait) until `css` matches an element whose text
    /// contains `text`, and returns that text.
    pub async fn wait_for_text(&self, css: &str, text: &str) -> String {
        let found = format!(
            "[...document.querySelectorAll({css:?})].find(e => e.innerText.includes({text:?}))?.innerText"
        );
        self.wait_until(&found)
            .await
            .unwrap_or_else(|| panic!("no {css} with text {text:?} appeared"))
    }

    /// Waits (in the browser, up to the implicit wait) until the JavaScript expression `found`
    /// gives a string, and returns it; `None` if it never did.
    pub async fn wait_until(&self, found: &str) -> Option<String> {
        let script = format!(
            "const done = arguments[arguments.length - 1];\
             const deadline = Date.now() + {IMPLICIT_WAIT_MS};\
             (function poll() {{\
               const found = {found};\
               if (typeof found === 'string') return done(found);\
               if (Date.now() > deadline) return done(null);\
               requestAnimationFrame(poll);\
             }})();"
        );
        let body = json!({ "script": script, "args": [] });
        // A page may load itself again while this waits (the web app does when it switches
        // bundles). Chromedriver then ends the script at once with a script timeout (the script
        // itself gives up after IMPLICIT_WAIT_MS, well within the session's 30 s), and the wait
        // goes on in the new page.
        for _ in 0..3 {
            match self
                .try_call(reqwest::Method::POST, "/execute/async", Some(body.clone()))
                .await
            {
                Ok(Value::String(found)) => return Some(found),
                Ok(_) => return None,
                Err(error) if error.starts_with("script timeout") => continue,
                Err(error) => panic!("WebDriver, waiting for {found}: {error}"),
            }
        }
        None
    }

    /// The current URL.
    pub async fn current_url(&self) -> String {
        self.call(reqwest::Method::GET, "/url", None)
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Saves a PNG of the window to `path`.
    pub async fn screenshot(&self, path: &Path) {
        let value = self.call(reqwest::Method::GET, "/screenshot", None).await;
        let png = base64::engine::general_purpose::STANDARD
            .decode(value.as_str().expect("base64"))
            .expect("a PNG");
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("a screenshot folder");
        }
        std::fs::write(path, png).expect("the screenshot is written");
    }

    /// Shows the page as it prints (CSS `@media print`), through Chromium's DevTools protocol.
    pub async fn emulate_print(&self) {
        self.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
            .await;
    }

    /// Prints the page to PDF as a person's "save as PDF" would, leaving the page size to the
    /// page's own CSS, and saves it to `path`; returns the bytes.
    pub async fn print_pdf(&self, path: &Path) -> Vec<u8> {
        let value = self
            .call(
                reqwest::Method::POST,
                "/print",
                Some(json!({ "background": false, "shrinkToFit": false })),
            )
            .await;
        let pdf = base64::engine::general_purpose::STANDARD
            .decode(value.as_str().expect("base64"))
            .expect("a PDF");
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("a folder for the PDF");
        }
        std::fs::write(path, &pdf).expect("the PDF is written");
        pdf
    }

    /// Closes the window.
    pub async fn close(self) {
        let _ = self.http.delete(&self.base).send().await;
    }
}

/// Where screenshots go: `target/e2e/`, as a canonical path because
/// chromedriver refuses files to upload from a path with `..` in it.
pub fn screenshot_dir() -> PathBuf {
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let dir = target.join("e2e");
    std::fs::create_dir_all(&dir).expect("target/e2e can be made");
    dir.canonicalize().expect("target/e2e has a canonical path")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}
