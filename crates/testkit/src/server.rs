//! The real `klasbrug` binary, serving a test database on a free port.

use std::path::Path;
use std::process::Stdio;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncRead, BufReader};
use tokio::process::{Child, Command};

/// A running `klasbrug serve`, stopped when dropped. Its log is printed if the test panics.
pub struct TestServer {
    /// Where it listens, such as `http://127.0.0.1:41234`.
    pub base_url: String,
    /// Everything it printed, for the failure report.
    log: Arc<Mutex<String>>,
    _child: Child,
}

/// Lines on standard output that the binary prints once it accepts connections.
const LISTENING: &str = "listening on ";

impl TestServer {
    /// Starts `binary serve` on `database_url`, bound to a free port, with `env` added to a
    /// minimal environment (a fixed test signing key, quiet logs). Returns once the server has
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
        let log = Arc::new(Mutex::new(String::new()));
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
                        log.lock().map(|l| l.clone()).unwrap_or_default()
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
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("--- klasbrug output ---\n{}", self.log());
        }
    }
}

async fn collect(stream: impl AsyncRead + Unpin, log: Arc<Mutex<String>>) {
    let mut lines = BufReader::new(stream).lines();
    while let Ok(Some(line)) = lines.next_line().await {
        append(&log, &line);
    }
}

fn append(log: &Mutex<String>, line: &str) {
    if let Ok(mut log) = log.lock() {
        log.push_str(line);
        log.push('\n');
    }
}
