//! The HTTP part of the benchmark: the placement list through the API against pgbench.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use anyhow::{Context, Result, bail};

use crate::process::{cargo, step};

const CONNECTIONS: u32 = 32;
const SECONDS: u32 = 10;
/// API and pgbench take turns this many times per size; medians are reported, so a burst of
/// load from elsewhere on a shared machine skews one round, not the result.
const ROUNDS: usize = 3;
const SECRET: &str = "bench-secret-that-is-long-enough-for-hs256-000000";
const FILTER: &str = "school_year=2026-2027&status=open&region=midden";
/// The SQL the server runs for `FILTER` with the default page size (50 + 1 to see if there is a
/// next page), with the same parameters, which pgbench binds from `-D` variables. A copy of the
/// store's list query (crates/store/src/placements.rs): keep them in step.
const SQL: &str = "SELECT p.id, p.school_id, o.name AS school_name, o.school_type, o.region, o.municipality, \
p.school_year, p.start_moment, p.commitment, p.weekday, p.starts_at, p.ends_at, p.kind, p.group_label, \
p.teacher, p.task, p.theme, p.expertise, p.note, p.capacity, p.status, p.status_reason, p.created_at, \
p.updated_at FROM placements p JOIN organisations o ON o.id = p.school_id \
WHERE 1 = 1 AND p.school_year = :year AND p.status = :status AND o.region = :region ORDER BY p.id LIMIT :limit;\n";
/// The values of `FILTER`, as pgbench variables.
const PARAMETERS: [&str; 4] = ["year=2026", "status=open", "region=midden", "limit=51"];
/// The other statement the server runs for each request: whether the caller's session is still
/// live (crates/store/src/refresh_tokens.rs, `session_is_live`), with the bench login's session.
const SESSION_SQL: &str = "SELECT u.token_version FROM sessions s JOIN users u ON u.id = s.user_id \
WHERE s.id = :session AND s.user_id = :user AND s.ended_at IS NULL AND u.token_version = :version;\n";

/// Kills the server when the bench ends, however it ends.
pub(super) struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Requests (or transactions) per second and latency percentiles in milliseconds.
struct Figures {
    rate: f64,
    p50: f64,
    p99: f64,
}

pub(super) fn tools_installed() -> Result<()> {
    for tool in ["wrk", "pgbench", "psql"] {
        if Command::new(tool)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_err()
        {
            bail!("{tool} is needed for the benchmarks: apt-get install wrk postgresql-client");
        }
    }
    Ok(())
}

/// The HTTP part: the placement list through the API against pgbench.
pub(super) fn run(root: &Path) -> Result<()> {
    tools_installed()?;
    crate::checks::postgres_reachable()?;
    step("server: compiling a release build");
    cargo(root, &["build", "--release", "-p", "klasbrug-api"], &[])?;
    let binary = crate::target_dir(root).join("release/klasbrug");

    with_database(|url, work| bench(&binary, url, work))
}

/// Runs `f` on a fresh PostgreSQL database (its URL) and a scratch folder, and drops both
/// afterwards, however `f` ends.
pub(super) fn with_database(f: impl FnOnce(&str, &Path) -> Result<()>) -> Result<()> {
    let admin_url = std::env::var("KLASBRUG_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    let name = format!("klasbrug_bench_{}", std::process::id());
    let url = format!(
        "{}/{name}",
        admin_url
            .rsplit_once('/')
            .map_or(admin_url.as_str(), |(base, _)| base)
    );
    let work = std::env::temp_dir().join(&name);
    std::fs::create_dir_all(&work)?;
    psql(&admin_url, &format!("CREATE DATABASE {name}"))?;
    let result = f(&url, &work);
    let _ = psql(
        &admin_url,
        &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
    );
    let _ = std::fs::remove_dir_all(&work);
    result
}

fn bench(binary: &Path, url: &str, work: &Path) -> Result<()> {
    let (server, address) = start(binary, url)?;
    // The same server with no list cache: every request runs the list's SQL, as pgbench does.
    let (uncached_server, uncached) = start_with(
        binary,
        url,
        &[("KLASBRUG_LIST_CACHE_MB", std::ffi::OsStr::new("0"))],
    )?;
    let token = login(&address)?;
    let session = psql_row(
        url,
        "SELECT 'session=' || s.id || ' user=' || s.user_id || ' version=' || u.token_version \
         FROM sessions s JOIN users u ON u.id = s.user_id \
         WHERE s.ended_at IS NULL AND u.email = 'beheer@klasbrug.example' \
         ORDER BY s.started_at DESC LIMIT 1",
    )?;
    let session: Vec<&str> = session.split_whitespace().collect();
    let both = format!("{SESSION_SQL}{SQL}");
    psql(url, SCHOOLS)?;
    let mut results = Vec::new();
    let mut rows = 0;
    for size in [10_000, 100_000] {
        step(&format!("seeding {} placements", size - rows));
        psql(url, &placements_sql(size - rows, rows))?;
        psql(url, "ANALYZE")?;
        rows = size;
        step(&format!(
            "{size} placements: wrk against the API (with and without its list cache) and pgbench in turn, {ROUNDS} rounds, {CONNECTIONS} connections, {SECONDS} s each"
        ));
        let mut api_rounds = Vec::new();
        let mut uncached_rounds = Vec::new();
        let mut db_rounds = Vec::new();
        let mut both_rounds = Vec::new();
        for _ in 0..ROUNDS {
            api_rounds.push(wrk(&address, &token)?);
            uncached_rounds.push(wrk(&uncached, &token)?);
            db_rounds.push(pgbench(url, work, SQL, &[])?);
            both_rounds.push(pgbench(url, work, &both, &session)?);
        }
        let (api, uncached, db, both) = (
            median(api_rounds),
            median(uncached_rounds),
            median(db_rounds),
            median(both_rounds),
        );
        println!(
            "    API     {:>8.0} req/s   p50 {:>6.2} ms   p99 {:>6.2} ms\n    pgbench {:>8.0} tps     p50 {:>6.2} ms   p99 {:>6.2} ms\n    API/pgbench {:.0}% of the rate (target ≥ 80%), {:.2}× the p99 (target ≤ 2×)",
            api.rate,
            api.p50,
            api.p99,
            db.rate,
            db.p50,
            db.p99,
            100.0 * api.rate / db.rate,
            api.p99 / db.p99
        );
        // Without the cache the server runs the list's SQL for every request, and also asks
        // whether the session is live: a second statement, which pgbench's second run adds.
        println!(
            "    API without its list cache {:.0} req/s, p99 {:.2} ms: {:.0}% of pgbench's rate, {:.2}× its p99\n    pgbench with both statements the uncached API sends (session check + list): {:.0} tps, p99 {:.2} ms; the uncached API reaches {:.0}% of that rate",
            uncached.rate,
            uncached.p99,
            100.0 * uncached.rate / db.rate,
            uncached.p99 / db.p99,
            both.rate,
            both.p99,
            100.0 * uncached.rate / both.rate
        );
        results.push((size, api, uncached, db));
    }
    drop(server);
    drop(uncached_server);
    println!(
        "\n| placements | API req/s | API p50 | API p99 | pgbench tps | pgbench p50 | pgbench p99 | rate API/pgbench (≥ 80%) | p99 API/pgbench (≤ 2×) | uncached API req/s | uncached rate | uncached p99 ratio |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (size, api, uncached, db) in &results {
        println!(
            "| {size} | {:.0} | {:.2} ms | {:.2} ms | {:.0} | {:.2} ms | {:.2} ms | {:.0}% | {:.2}× | {:.0} | {:.0}% | {:.2}× |",
            api.rate,
            api.p50,
            api.p99,
            db.rate,
            db.p50,
            db.p99,
            100.0 * api.rate / db.rate,
            api.p99 / db.p99,
            uncached.rate,
            100.0 * uncached.rate / db.rate,
            uncached.p99 / db.p99
        );
    }
    if let [(_, small, _, _), (_, large, _, _)] = results.as_slice() {
        println!(
            "API p99 at 100,000 / p99 at 10,000: {:.2}× (target ≤ 1.5×)",
            large.p99 / small.p99
        );
    }
    Ok(())
}

pub(super) fn start(binary: &Path, url: &str) -> Result<(Server, String)> {
    start_with(binary, url, &[])
}

/// [`start`] with more environment, such as `KLASBRUG_STATIC_DIR`.
pub(super) fn start_with(
    binary: &Path,
    url: &str,
    env: &[(&str, &std::ffi::OsStr)],
) -> Result<(Server, String)> {
    let mut child = Command::new(binary)
        .arg("serve")
        .envs(env.iter().copied())
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
    for line in BufReader::new(stdout).lines() {
        if let Some(address) = line?.strip_prefix("listening on http://") {
            return Ok((server, address.trim().to_owned()));
        }
    }
    bail!("the server stopped before it listened")
}

fn wrk(address: &str, token: &str) -> Result<Figures> {
    let output = Command::new("wrk")
        .args([
            "-t",
            "2",
            "-c",
            &CONNECTIONS.to_string(),
            "-d",
            &format!("{SECONDS}s"),
            "--latency",
        ])
        .args(["-H", &format!("Authorization: Bearer {token}")])
        .arg(format!("http://{address}/api/v1/placements?{FILTER}"))
        .output()
        .context("running wrk")?;
    let report = String::from_utf8_lossy(&output.stdout);
    if report.contains("Non-2xx") {
        bail!("the API answered errors under load:\n{report}");
    }
    let line = |prefix: &str| {
        report
            .lines()
            .map(str::trim)
            .find(|l| l.starts_with(prefix))
            .and_then(|l| l.split_whitespace().nth(1))
            .with_context(|| format!("wrk printed no '{prefix}':\n{report}"))
    };
    Ok(Figures {
        rate: line("Requests/sec:")?.parse()?,
        p50: millis(line("50%")?)?,
        p99: millis(line("99%")?)?,
    })
}

/// The median of each figure over the rounds.
fn median(rounds: Vec<Figures>) -> Figures {
    let middle = |pick: fn(&Figures) -> f64| {
        let mut values: Vec<f64> = rounds.iter().map(pick).collect();
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    Figures {
        rate: middle(|f| f.rate),
        p50: middle(|f| f.p50),
        p99: middle(|f| f.p99),
    }
}

/// wrk's `812.00us`, `1.20ms` or `1.02s` in milliseconds.
fn millis(text: &str) -> Result<f64> {
    let (number, factor) = if let Some(n) = text.strip_suffix("us") {
        (n, 0.001)
    } else if let Some(n) = text.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = text.strip_suffix('s') {
        (n, 1000.0)
    } else {
        bail!("unexpected latency '{text}'")
    };
    Ok(number.parse::<f64>()? * factor)
}

/// pgbench running `sql` at the API's concurrency, with `PARAMETERS` and `more` variables bound.
fn pgbench(url: &str, work: &Path, sql: &str, more: &[&str]) -> Result<Figures> {
    let script = work.join("placements.sql");
    std::fs::write(&script, sql)?;
    let logs = work.join("pgbench-log");
    let _ = std::fs::remove_dir_all(&logs);
    std::fs::create_dir_all(&logs)?;
    let output = Command::new("pgbench")
        .args([
            "-n",
            "-M",
            "prepared",
            "-c",
            &CONNECTIONS.to_string(),
            "-j",
            "2",
            "-T",
            &SECONDS.to_string(),
        ])
        .args(PARAMETERS.iter().chain(more).flat_map(|p| ["-D", p]))
        .arg("-f")
        .arg(&script)
        .arg("-l")
        .arg(format!("--log-prefix={}", logs.join("tx").display()))
        .arg(url)
        .current_dir(work)
        .output()
        .context("running pgbench")?;
    if !output.status.success() {
        bail!(
            "pgbench failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let report = String::from_utf8_lossy(&output.stdout);
    let rate = report
        .lines()
        .find_map(|l| l.strip_prefix("tps = "))
        .and_then(|l| l.split_whitespace().next())
        .with_context(|| format!("pgbench printed no tps:\n{report}"))?
        .parse()?;
    let mut latencies = Vec::new();
    for file in std::fs::read_dir(&logs)? {
        let text = std::fs::read_to_string(file?.path())?;
        latencies.extend(
            text.lines()
                .filter_map(|l| l.split_whitespace().nth(2)?.parse::<f64>().ok()),
        );
    }
    latencies.sort_by(f64::total_cmp);
    let at = |q: f64| {
        latencies
            .get(((latencies.len() as f64 - 1.0) * q) as usize)
            .copied()
            .unwrap_or(0.0)
            / 1000.0
    };
    Ok(Figures {
        rate,
        p50: at(0.50),
        p99: at(0.99),
    })
}

/// Logs the demo programme admin in over a raw HTTP/1.1 request and returns the access token.
pub(super) fn login(address: &str) -> Result<String> {
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

/// 300 fictional schools over the three regions.
const SCHOOLS: &str = "INSERT INTO organisations (id, kind, name, school_type, region, municipality, created_at) \
SELECT gen_random_uuid(), 'school', 'Benchschool ' || i, CASE WHEN i % 4 = 0 THEN 'vo' ELSE 'po' END, \
(ARRAY['noord', 'midden', 'zuid'])[1 + i % 3], (ARRAY['Utrecht', 'Zwolle', 'Breda', 'Delft', 'Hoorn'])[1 + i % 5], now() \
FROM generate_series(1, 300) AS i";

/// `count` placements spread over schools, five school years, weekdays and statuses, numbered
/// from `offset` so a second batch continues the first.
fn placements_sql(count: u32, offset: u32) -> String {
    format!(
        "WITH schools AS (SELECT array_agg(id ORDER BY id) AS ids, count(*) AS n FROM organisations WHERE kind = 'school') \
         INSERT INTO placements (id, school_id, school_year, start_moment, commitment, weekday, starts_at, ends_at, \
         kind, group_label, teacher, expertise, capacity, status, created_at, updated_at) \
         SELECT gen_random_uuid(), s.ids[1 + (i * 7) % s.n], 2024 + i % 5, \
         CASE WHEN (i / 5) % 2 = 0 THEN 'september' ELSE 'february' END, 'half_year', \
         (ARRAY['monday', 'tuesday', 'wednesday', 'thursday', 'friday'])[1 + (i / 3) % 5], '08:30', '15:00', 'class', \
         'groep ' || (1 + i % 8), 'Leerkracht ' || i, \
         (ARRAY['techniek', 'muziek', 'sport', 'zorg', 'ict'])[1 + (i / 11) % 5] || E'\\n' || 'natuur', 1, \
         (ARRAY['draft', 'open', 'open', 'proposed', 'filled', 'closed'])[1 + (i / 5) % 6], now(), now() \
         FROM generate_series({}, {}) AS i, schools s",
        offset + 1,
        offset + count
    )
}

/// The one row `sql` answers, as psql prints it unaligned.
fn psql_row(url: &str, sql: &str) -> Result<String> {
    let row = run_psql(url, "-At", sql)?;
    if row.is_empty() {
        bail!("psql answered no row:\n{sql}");
    }
    Ok(row)
}

pub(super) fn psql(url: &str, sql: &str) -> Result<()> {
    run_psql(url, "-q", sql).map(|_| ())
}

/// Runs `sql` with psql and `flag`, and answers what it printed, trimmed.
fn run_psql(url: &str, flag: &str, sql: &str) -> Result<String> {
    let output = Command::new("psql")
        .args([url, flag, "-v", "ON_ERROR_STOP=1", "-c", sql])
        .output()
        .context("psql is needed for the benchmark database")?;
    if !output.status.success() {
        bail!(
            "psql failed: {}\n{sql}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
}
