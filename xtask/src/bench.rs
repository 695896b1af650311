//! `cargo xtask bench`: load against a release build of the real server, on SQLite and on
//! PostgreSQL, with `wrk` from 32 connections. Figures, not pass/fail: speed targets live here,
//! never in timed tests.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use anyhow::{Context, Result, bail};

use crate::process::{cargo, step};

const CONNECTIONS: &str = "32";
const DURATION: &str = "10s";
const SECRET: &str = "bench-secret-that-is-long-enough-for-hs256-000000";

/// Kills the server when the bench ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn run(root: &Path) -> Result<()> {
    if Command::new("wrk").arg("--version").output().is_err() {
        bail!("wrk is needed for the benchmarks: apt-get install wrk");
    }
    crate::checks::postgres_reachable()?;
    step("server: compiling a release build");
    cargo(root, &["build", "--release", "-p", "klasbrug-api"], &[])?;
    let binary = crate::target_dir(root).join("release/klasbrug");

    let dir = std::env::temp_dir().join(format!("klasbrug-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let sqlite = format!("sqlite://{}?mode=rwc", dir.join("bench.db").display());
    let pg_name = format!("klasbrug_bench_{}", std::process::id());
    let pg_admin = std::env::var("KLASBRUG_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    psql(&pg_admin, &format!("CREATE DATABASE {pg_name}"))?;
    let postgres = format!(
        "{}/{pg_name}",
        pg_admin
            .rsplit_once('/')
            .map_or(pg_admin.as_str(), |(base, _)| base)
    );

    let result = (|| -> Result<()> {
        for (backend, url) in [
            ("SQLite", sqlite.as_str()),
            ("PostgreSQL", postgres.as_str()),
        ] {
            bench_backend(&binary, backend, url)?;
        }
        Ok(())
    })();
    let _ = psql(
        &pg_admin,
        &format!("DROP DATABASE IF EXISTS {pg_name} WITH (FORCE)"),
    );
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn bench_backend(binary: &Path, backend: &str, url: &str) -> Result<()> {
    let mut child = Command::new(binary)
        .arg("serve")
        .env("DATABASE_URL", url)
        .env("KLASBRUG_BIND", "127.0.0.1:0")
        .env("KLASBRUG_DEMO", "1")
        .env("KLASBRUG_JWT_SECRET", SECRET)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .context("starting the release server")?;
    let stdout = child.stdout.take().context("server output")?;
    let server = Server(child);
    let mut address = None;
    for line in BufReader::new(stdout).lines() {
        if let Some(url) = line?.strip_prefix("listening on http://") {
            address = Some(url.trim().to_owned());
            break;
        }
    }
    let address = address.context("the server stopped before it listened")?;
    let token = login(&address)?;
    for (what, path) in [
        ("GET /api/v1/me", "/api/v1/me"),
        ("GET /api/v1/organisations", "/api/v1/organisations"),
    ] {
        let output = Command::new("wrk")
            .args(["-t", "2", "-c", CONNECTIONS, "-d", DURATION, "--latency"])
            .args(["-H", &format!("Authorization: Bearer {token}")])
            .arg(format!("http://{address}{path}"))
            .output()
            .context("running wrk")?;
        let report = String::from_utf8_lossy(&output.stdout);
        let pick = |prefix: &str| {
            report
                .lines()
                .find(|l| l.trim_start().starts_with(prefix))
                .map(|l| l.trim().to_owned())
                .unwrap_or_default()
        };
        println!(
            "{backend:<10} {what:<28} {:<28} p50 {:<12} p99 {:<12} {}",
            pick("Requests/sec"),
            pick("50%").trim_start_matches("50%").trim(),
            pick("99%").trim_start_matches("99%").trim(),
            pick("Non-2xx"),
        );
    }
    drop(server);
    Ok(())
}

/// Logs the demo programme admin in over a raw HTTP/1.1 request and returns the access token.
fn login(address: &str) -> Result<String> {
    let body = r#"{"email":"beheer@klasbrug.example","password":"klasbrug-demo"}"#;
    let mut stream = TcpStream::connect(address)?;
    write!(
        stream,
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    let start = response
        .find("\"access_token\":\"")
        .context("no token in the login answer")?
        + 16;
    let end = response[start..]
        .find('"')
        .context("an unterminated token")?;
    Ok(response[start..start + end].to_owned())
}

fn psql(url: &str, sql: &str) -> Result<()> {
    let status = Command::new("psql")
        .args([url, "-q", "-c", sql])
        .stdout(Stdio::null())
        .status()
        .context("psql is needed to create the benchmark database")?;
    if !status.success() {
        bail!("psql failed: {sql}");
    }
    Ok(())
}
