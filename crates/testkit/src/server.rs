//! The real `klasbrug` binary, serving a test database on a free port.

use std::path::Path;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncRead, BufReader};
use tokio::process::{Child, Command};
use tokio::sync::Notify;

/// A running `klasbrug serve`, stopped when dropped. Its log is printed if the test panics.
pub struct TestServer {
    /// Where it listens, such as `http://127.0.0.1:41234`.
    pub base_url: String,
    /// Everything it printed, for the failure report.
    log: Arc<Log>,
    _child: Child,
}

/// What the server printed, and a signal for each line added.
#[derive(Default)]
struct Log {
    text: Mutex<String>,
    appended: Notify,
}

/// How long [`TestServer::wait_for_log`] waits for a line before the test fails.
const LOG_WAIT: Duration = Duration::from_secs(30);

/// Lines on standard output that the binary prints once it accepts connections.
const LISTENING: &str = "listening on ";

impl TestServer {
    /// Starts `binary serve` on the test database `db`: [`Self::spawn`], after filling an empty
    /// database with a copy of the seeded demo when the server would seed it itself (see
    /// `template.rs`).
    pub async fn spawn_on(
        binary: &Path,
        db: &crate::TestDatabaseRef,
        env: &[(&str, &str)],
    ) -> Self {
        crate::template::prefill_demo(binary, db, env).await;
        Self::spawn(binary, &db.url, env).await
    }

    /// Starts `binary serve` on `database_url`, bound to a free port, with `env` added to a
    /// minimal environment (a fixed test signing key, quiet logs, the clock at
    /// [`crate::CLOCK_START`]). Returns once the server has
    /// said where it listens.
    pub async fn spawn(binary: &Path, database_url: &str, env: &[(&str, &str)]) -> Self {
        let mut command = Command::new(binary);
        command
            .arg("serve")
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DATABASE_URL", database_url)
            .env("KLASBRUG_BIND", "127.0.0.1:0")
            .env(
                "KLASBRUG_JWT_SECRET",
                "test-secret-that-is-long-enough-for-hs256-0123456789",
            )
            .env("RUST_LOG", "warn")
            .env("KLASBRUG_CLOCK_START", crate::CLOCK_START)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {}: {e}", binary.display()));
        let log = Arc::new(Log::default());
        let stderr = child.stderr.take().expect("piped stderr");
        tokio::spawn(collect(stderr, log.clone()));

        let stdout = child.stdout.take().expect("piped stdout");
        let mut lines = BufReader::new(stdout).lines();
        let base_url = loop {
            match lines.next_line().await {
                Ok(Some(line)) => {
                    append(&log, &line);
                    if let Some(url) = line.strip_prefix(LISTENING) {
                        break url.trim().to_owned();
                    }
                }
                Ok(None) | Err(_) => {
                    let status = child.wait().await;
                    panic!(
                        "klasbrug exited before listening ({status:?}). Its output:\n{}",
                        log.text()
                    );
                }
            }
        };
        let rest = lines.into_inner();
        tokio::spawn(collect(rest, log.clone()));
        Self {
            base_url,
            log,
            _child: child,
        }
    }

    /// The full URL of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// What the server printed so far.
    pub fn log(&self) -> String {
        self.log.text()
    }

    /// Waits until `find` finds something in what the server printed, and returns it. The log
    /// is read from the server's output as it arrives, so a line written while answering a
    /// request may land a moment after the answer; this wakes on each new line (no polling) and
    /// fails the test after 30 seconds without a match.
    pub async fn wait_for_log<T>(&self, find: impl Fn(&str) -> Option<T>) -> T {
        let wait = async {
            loop {
                let appended = self.log.appended.notified();
                tokio::pin!(appended);
                appended.as_mut().enable();
                if let Some(found) = find(&self.log()) {
                    return found;
                }
                appended.await;
            }
        };
        match tokio::time::timeout(LOG_WAIT, wait).await {
            Ok(found) => found,
            Err(_) => panic!(
                "the server did not log what the test waits for within {LOG_WAIT:?}. Its output:\n{}",
                self.log()
            ),
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("--- klasbrug output ---\n{}", self.log());
        }
    }
}

async fn collect(stream: impl AsyncRead + Unpin, log: Arc<Log>) {
    let mut lines = BufReader::new(stream).lines();
    while let Ok(Some(line)) = lines.next_line().await {
        append(&log, &line);
    }
}

fn append(log: &Log, line: &str) {
    if let Ok(mut text) = log.text.lock() {
        text.push_str(line);
        text.push('\n');
    }
    log.appended.notify_waiters();
}

impl Log {
    fn text(&self) -> String {
        self.text.lock().map(|t| t.clone()).unwrap_or_default()
    }
}
