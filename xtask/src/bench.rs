//! `cargo xtask bench [http | matching]`: figures, not pass/fail. Speed targets live here, never
//! in timed tests. Without a part, both run, matching first.
//!
//! **http**: how fast the placement list is on PostgreSQL, compared with the database alone.
//! For 10,000 and then 100,000 placements it drives `GET /api/v1/placements` with a typical
//! filter (open spots of one school year in one region) from 32 connections with `wrk`, and runs
//! the same SQL, with the same bound parameters, through `pgbench` at the same concurrency, the
//! two taking turns for a few rounds. It prints the medians of requests/s, p50 and p99 of both
//! and their ratio. Targets: the API reaches at least 60% of pgbench's rate, and p99 at 100,000
//! rows stays within 1.5× of p99 at 10,000.
//!
//! **matching**: the matching engine on generated, realistic instances of 1,000, 5,000 and
//! 20,000 ambassadors × as many placements, about 5% of the pairs feasible (the generator is
//! `crates/domain/examples/matching_scale.rs`, seeded). Each run is a process of its own, so the
//! peak memory read from `/proc/self/status` belongs to one size. It prints the median time of
//! three runs (graph building and solving apart), the peak memory and the engine's bytes per
//! feasible pair. Targets: 5,000 × 5,000 in under a second, and memory that grows with the
//! feasible pairs, not with ambassadors × placements. Every run of a size must propose the same
//! pairs, or the bench fails.

use std::collections::HashMap;
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

/// Kills the server when the bench ends, however it ends.
struct Server(Child);

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

/// `cargo xtask bench [http | matching [--seed N] [SIZE…]]`.
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    match args.split_first() {
        None => {
            // Fail on a missing tool before spending minutes on the other part.
            http_tools_installed()?;
            crate::checks::postgres_reachable()?;
            matching(root, &[])?;
            http(root)
        }
        Some((part, [])) if part == "http" => http(root),
        Some((part, options)) if part == "matching" => matching(root, options),
        Some(_) => bail!(
            "unknown bench arguments '{}': cargo xtask bench [http | matching [--seed N] [SIZE…]]",
            args.join(" ")
        ),
    }
}

fn http_tools_installed() -> Result<()> {
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
fn http(root: &Path) -> Result<()> {
    http_tools_installed()?;
    crate::checks::postgres_reachable()?;
    step("server: compiling a release build");
    cargo(root, &["build", "--release", "-p", "klasbrug-api"], &[])?;
    let binary = crate::target_dir(root).join("release/klasbrug");

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
    let result = bench(&binary, &url, &work);
    let _ = psql(
        &admin_url,
        &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
    );
    let _ = std::fs::remove_dir_all(&work);
    result
}

fn bench(binary: &Path, url: &str, work: &Path) -> Result<()> {
    let (server, address) = start(binary, url)?;
    let token = login(&address)?;
    psql(url, SCHOOLS)?;
    let mut results = Vec::new();
    let mut rows = 0;
    for size in [10_000, 100_000] {
        step(&format!("seeding {} placements", size - rows));
        psql(url, &placements_sql(size - rows, rows))?;
        psql(url, "ANALYZE")?;
        rows = size;
        step(&format!(
            "{size} placements: wrk against the API and pgbench in turn, {ROUNDS} rounds, {CONNECTIONS} connections, {SECONDS} s each"
        ));
        let mut api_rounds = Vec::new();
        let mut db_rounds = Vec::new();
        for _ in 0..ROUNDS {
            api_rounds.push(wrk(&address, &token)?);
            db_rounds.push(pgbench(url, work)?);
        }
        let (api, db) = (median(api_rounds), median(db_rounds));
        println!(
            "    API     {:>8.0} req/s   p50 {:>6.2} ms   p99 {:>6.2} ms\n    pgbench {:>8.0} tps     p50 {:>6.2} ms   p99 {:>6.2} ms\n    API/pgbench {:.0}%",
            api.rate,
            api.p50,
            api.p99,
            db.rate,
            db.p50,
            db.p99,
            100.0 * api.rate / db.rate
        );
        results.push((size, api, db));
    }
    drop(server);
    println!(
        "\n| placements | API req/s | API p50 | API p99 | pgbench tps | pgbench p50 | pgbench p99 | API/pgbench |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (size, api, db) in &results {
        println!(
            "| {size} | {:.0} | {:.2} ms | {:.2} ms | {:.0} | {:.2} ms | {:.2} ms | {:.0}% |",
            api.rate,
            api.p50,
            api.p99,
            db.rate,
            db.p50,
            db.p99,
            100.0 * api.rate / db.rate
        );
    }
    if let [(_, small, _), (_, large, _)] = results.as_slice() {
        println!(
            "API p99 at 100,000 / p99 at 10,000: {:.2}× (target ≤ 1.5×)",
            large.p99 / small.p99
        );
    }
    Ok(())
}

fn start(binary: &Path, url: &str) -> Result<(Server, String)> {
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

fn pgbench(url: &str, work: &Path) -> Result<Figures> {
    let script = work.join("placements.sql");
    std::fs::write(&script, SQL)?;
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
        .args(PARAMETERS.iter().flat_map(|p| ["-D", p]))
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

fn psql(url: &str, sql: &str) -> Result<()> {
    let output = Command::new("psql")
        .args([url, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql])
        .output()
        .context("psql is needed for the benchmark database")?;
    if !output.status.success() {
        bail!(
            "psql failed: {}\n{sql}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(())
}

/// The sizes the matching bench runs, ambassadors = placements.
const MATCHING_SIZES: [usize; 3] = [1_000, 5_000, 20_000];
/// Runs per size; the median time is reported.
const MATCHING_RUNS: usize = 3;
/// The seed of the generated instances: the same seed gives the same instance and total score.
const MATCHING_SEED: u64 = 2026;
/// Target: this many ambassadors × as many placements …
const MATCHING_TARGET_SIZE: usize = 5_000;
/// … in under this many milliseconds.
const MATCHING_TARGET_MS: f64 = 1_000.0;

/// One run of the example, as it reports itself on its `bench …` line.
struct MatchingRun {
    pairs: u64,
    total_score: u64,
    fingerprint: String,
    propose_ms: f64,
    graph_ms: f64,
    solve_ms: f64,
    cpu_ms: f64,
    instance_kb: u64,
    peak_kb: u64,
}

impl MatchingRun {
    /// What the engine itself added to the process's peak, in bytes.
    fn engine_bytes(&self) -> f64 {
        self.peak_kb.saturating_sub(self.instance_kb) as f64 * 1024.0
    }
}

/// The matching part: `[--seed N] [SIZE…]`, a size being `5000` or `2000x3000`.
fn matching(root: &Path, args: &[String]) -> Result<()> {
    let mut seed = MATCHING_SEED;
    let mut sizes: Vec<(usize, usize)> = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--seed" {
            let value = args.next().context("--seed needs a number")?;
            seed = value
                .parse()
                .with_context(|| format!("--seed {value}: not a number"))?;
        } else {
            sizes.push(parse_size(arg)?);
        }
    }
    if sizes.is_empty() {
        sizes = MATCHING_SIZES.iter().map(|&n| (n, n)).collect();
    }

    step("matching: compiling the engine and its instance generator (release)");
    cargo(
        root,
        &[
            "build",
            "--release",
            "-p",
            "klasbrug-domain",
            "--features",
            "bench",
            "--example",
            "matching_scale",
        ],
        &[],
    )?;
    let binary = crate::target_dir(root).join("release/examples/matching_scale");

    let mut results = Vec::new();
    for &(ambassadors, placements) in &sizes {
        step(&format!(
            "matching {} ambassadors x {} placements, seed {seed}: {MATCHING_RUNS} runs, each in a process of its own",
            thousands(ambassadors as u64),
            thousands(placements as u64)
        ));
        let mut runs = Vec::new();
        for _ in 0..MATCHING_RUNS {
            let run = matching_run(&binary, ambassadors, placements, seed)?;
            println!(
                "    {:>9.1} ms  (graph {:.1} ms, solve {:.1} ms, {:.1} ms on the CPU)  peak {:.1} MB",
                run.propose_ms,
                run.graph_ms,
                run.solve_ms,
                run.cpu_ms,
                run.peak_kb as f64 / 1024.0
            );
            if let Some(first) = runs.first()
                && !same_outcome(first, &run)
            {
                bail!(
                    "two runs of the same instance proposed differently (total {} vs {}, fingerprint {} vs {}): the engine is not deterministic",
                    first.total_score,
                    run.total_score,
                    first.fingerprint,
                    run.fingerprint
                );
            }
            runs.push(run);
        }
        runs.sort_by(|a, b| a.propose_ms.total_cmp(&b.propose_ms));
        let median = runs.swap_remove(runs.len() / 2);
        results.push((ambassadors, placements, median));
    }

    println!(
        "\n| ambassadors × placements | feasible pairs | feasible | total score | propose (median of {MATCHING_RUNS}) | graph | solve | CPU | peak memory | engine bytes / feasible pair |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (ambassadors, placements, run) in &results {
        println!(
            "| {} × {} | {} | {:.2}% | {} | {:.0} ms | {:.0} ms | {:.0} ms | {:.0} ms | {:.1} MB | {:.1} |",
            thousands(*ambassadors as u64),
            thousands(*placements as u64),
            thousands(run.pairs),
            100.0 * run.pairs as f64 / (*ambassadors as f64 * *placements as f64),
            thousands(run.total_score),
            run.propose_ms,
            run.graph_ms,
            run.solve_ms,
            run.cpu_ms,
            run.peak_kb as f64 / 1024.0,
            run.engine_bytes() / run.pairs.max(1) as f64,
        );
    }
    println!(
        "Peak memory is VmHWM while the engine runs (reset after generating the instance, which it includes); the engine's share is the rise above the instance."
    );

    if let Some((_, _, run)) = results
        .iter()
        .find(|(a, p, _)| (*a, *p) == (MATCHING_TARGET_SIZE, MATCHING_TARGET_SIZE))
    {
        println!(
            "{0} × {0}: {1:.0} ms (target < {2:.0} ms): {3}",
            thousands(MATCHING_TARGET_SIZE as u64),
            run.propose_ms,
            MATCHING_TARGET_MS,
            verdict(run.propose_ms < MATCHING_TARGET_MS)
        );
    }
    // Memory that grew with ambassadors × placements would show as bytes per feasible pair
    // rising with size at a fixed density, and as a byte or more per ambassador × placement.
    if let (Some((sa, sp, small)), Some((la, lp, large))) = (results.first(), results.last())
        && results.len() > 1
    {
        let per_pair = |run: &MatchingRun| run.engine_bytes() / run.pairs.max(1) as f64;
        let per_cell = large.engine_bytes() / (*la as f64 * *lp as f64);
        println!(
            "memory: {:.1} bytes per feasible pair at {} × {}, {:.1} at {} × {}, {:.2} bytes per ambassador × placement (target: grows with the feasible pairs, not with ambassadors × placements): {}",
            per_pair(small),
            thousands(*sa as u64),
            thousands(*sp as u64),
            per_pair(large),
            thousands(*la as u64),
            thousands(*lp as u64),
            per_cell,
            verdict(per_pair(large) <= per_pair(small) * 1.25 && per_cell < 1.0)
        );
    }
    Ok(())
}

/// Runs the example once in a process of its own and reads its `bench …` line.
fn matching_run(
    binary: &Path,
    ambassadors: usize,
    placements: usize,
    seed: u64,
) -> Result<MatchingRun> {
    let output = Command::new(binary)
        .arg(format!("{ambassadors}x{placements}"))
        .args(["--seed", &seed.to_string()])
        .output()
        .with_context(|| format!("running {}", binary.display()))?;
    let report = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        bail!(
            "the matching example failed ({}):\n{report}{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let fields: HashMap<&str, &str> = report
        .lines()
        .find_map(|l| l.strip_prefix("bench "))
        .with_context(|| format!("the matching example printed no 'bench' line:\n{report}"))?
        .split_whitespace()
        .filter_map(|field| field.split_once('='))
        .collect();
    let field = |name: &str| {
        fields
            .get(name)
            .copied()
            .with_context(|| format!("no {name} in the matching example's output:\n{report}"))
    };
    let number = |name: &str| -> Result<f64> {
        field(name)?
            .parse()
            .with_context(|| format!("{name} is not a number"))
    };
    let whole = |name: &str| -> Result<u64> {
        field(name)?
            .parse()
            .with_context(|| format!("{name} is not a whole number"))
    };
    if field("peak_reset")? != "true" {
        println!(
            "    (the peak could not be reset after generating the instance: it includes generation)"
        );
    }
    Ok(MatchingRun {
        pairs: whole("pairs")?,
        total_score: whole("total_score")?,
        fingerprint: field("fingerprint")?.to_owned(),
        propose_ms: number("propose_ms")?,
        graph_ms: number("graph_ms")?,
        solve_ms: number("solve_ms")?,
        cpu_ms: number("cpu_ms")?,
        instance_kb: whole("instance_kb")?,
        peak_kb: whole("peak_kb")?,
    })
}

fn same_outcome(a: &MatchingRun, b: &MatchingRun) -> bool {
    (a.pairs, a.total_score, &a.fingerprint) == (b.pairs, b.total_score, &b.fingerprint)
}

/// `5000` or `2000x3000`: ambassadors and placements.
fn parse_size(text: &str) -> Result<(usize, usize)> {
    let number = |part: &str| {
        part.replace('_', "")
            .parse::<usize>()
            .ok()
            .filter(|&n| n > 0)
            .with_context(|| format!("'{text}' is not a size: write 5000 or 2000x3000"))
    };
    match text.split_once('x') {
        Some((ambassadors, placements)) => Ok((number(ambassadors)?, number(placements)?)),
        None => number(text).map(|n| (n, n)),
    }
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "MISSED" }
}

/// `19645070` as `19,645,070`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}
