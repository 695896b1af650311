//! The dashboard part: `GET /api/v1/dashboard` on PostgreSQL with 200 schools, 2,000
//! ambassadors and a school year of hours (about 67,500 hour entries, 8,250 paid allowance
//! lines, 1,700 matches, 10,000 intake steps), seeded with SQL. It asks 50 times one after the
//! other (after 5 to warm up), for the whole programme and narrowed to a region, and prints the
//! median and p99. Target: p99 under 300 ms.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::Instant;

use anyhow::{Result, bail};

use super::http::{login, psql, start, with_database};
use crate::process::{cargo, step};

const REQUESTS: usize = 50;
const WARM_UP: usize = 5;
const TARGET_MS: f64 = 300.0;

/// The seed, in the order the foreign keys want. Ids are md5 hashes of a name and a number, so
/// the rows find each other without lookups.
const SEED: &[(&str, &str)] = &[
    (
        "20 employers",
        "INSERT INTO organisations (id, kind, name, created_at) \
      SELECT md5('employer-' || i)::uuid, 'employer', 'Benchwerkgever ' || i, now() FROM generate_series(1, 20) AS i",
    ),
    (
        "200 schools",
        "INSERT INTO organisations (id, kind, name, school_type, region, municipality, created_at) \
      SELECT md5('school-' || i)::uuid, 'school', 'Benchschool ' || i, CASE WHEN i % 4 = 0 THEN 'vo' ELSE 'po' END, \
      (ARRAY['noord', 'midden', 'zuid'])[1 + i % 3], (ARRAY['Utrecht', 'Zwolle', 'Breda', 'Delft', 'Hoorn'])[1 + i % 5], now() \
      FROM generate_series(1, 200) AS i",
    ),
    (
        "200 capacities",
        "INSERT INTO school_capacities (school_id, school_year, groups, groups_with_intern, \
      groups_with_starting_teacher, teachers, offered, updated_at) \
      SELECT md5('school-' || i)::uuid, 2026, 8, 1, 1, \
      '[{\"name\":\"Leerkracht A\",\"opted_in\":true},{\"name\":\"Leerkracht B\",\"opted_in\":true},{\"name\":\"Leerkracht C\",\"opted_in\":false}]', \
      10, now() FROM generate_series(1, 200) AS i",
    ),
    (
        "2,000 placements",
        "INSERT INTO placements (id, school_id, school_year, start_moment, commitment, weekday, \
      starts_at, ends_at, kind, group_label, teacher, expertise, capacity, status, created_at, updated_at) \
      SELECT md5('placement-' || i)::uuid, md5('school-' || (1 + (i - 1) % 200))::uuid, 2026, \
      CASE WHEN i % 3 = 0 THEN 'february' ELSE 'september' END, 'half_year', \
      (ARRAY['monday', 'tuesday', 'wednesday', 'thursday', 'friday'])[1 + i % 5], '08:30', '15:00', 'class', \
      'groep ' || (1 + i % 8), 'Leerkracht ' || i, 'techniek', 1, \
      CASE WHEN i <= 1500 THEN 'filled' ELSE 'open' END, now(), now() FROM generate_series(1, 2000) AS i",
    ),
    (
        "2,000 ambassadors",
        "INSERT INTO ambassadors (id, name, email, employer_id, profile, status, created_at, updated_at) \
      SELECT md5('ambassador-' || i)::uuid, 'Ambassadeur ' || i, 'ambassadeur' || i || '@bench.example', \
      CASE WHEN i % 2 = 0 THEN md5('employer-' || (1 + i % 20))::uuid END, '{}', \
      CASE WHEN i <= 1500 THEN 'active' WHEN i <= 1700 THEN 'ended' \
      ELSE (ARRAY['registered', 'intake_planned', 'intake_done', 'vog_requested', 'available'])[1 + i % 5] END, \
      now(), now() FROM generate_series(1, 2000) AS i",
    ),
    (
        "10,000 intake steps",
        "INSERT INTO intake_steps (id, ambassador_id, status, on_date, recorded_at) \
      SELECT md5('step-' || i || '-' || k)::uuid, md5('ambassador-' || i)::uuid, \
      (ARRAY['registered', 'intake_planned', 'intake_done', 'vog_requested', 'available'])[k], \
      date '2026-04-01' + (i % 60) + k * (3 + i % 11), now() \
      FROM generate_series(1, 2000) AS i, generate_series(1, 5) AS k",
    ),
    (
        "1,700 matches",
        "INSERT INTO matches (id, placement_id, ambassador_id, status, score, breakdown, reasons, \
      ended_on, reason, created_at, updated_at) \
      SELECT md5('match-' || i)::uuid, md5('placement-' || i)::uuid, md5('ambassador-' || i)::uuid, \
      CASE WHEN i <= 1500 THEN 'active' ELSE 'ended' END, 50, '{}', '[]', \
      CASE WHEN i > 1500 THEN date '2026-11-01' END, \
      CASE WHEN i > 1500 THEN (ARRAY['verhuisd', 'ander werk', 'ziek'])[1 + i % 3] END, now(), now() \
      FROM generate_series(1, 1700) AS i",
    ),
    (
        "a school year of hours",
        "INSERT INTO hour_entries (id, ambassador_id, placement_id, school_id, entry_date, \
      minutes, activity, kind, note, status, created_at, updated_at) \
      SELECT md5('hours-' || a || '-' || w)::uuid, md5('ambassador-' || a)::uuid, md5('placement-' || a)::uuid, \
      md5('school-' || (1 + (a - 1) % 200))::uuid, date '2026-08-31' + w * 7 + a % 5, 180, 'class', \
      CASE WHEN a % 2 = 0 THEN 'sponsored' ELSE 'volunteered' END, 'bench', 'approved', now(), now() \
      FROM generate_series(1, 1500) AS a, generate_series(0, 44) AS w",
    ),
    (
        "paid allowances",
        "INSERT INTO statement_lines (id, ambassador_id, month, line, amount, status, created_at, updated_at) \
      SELECT md5('line-' || a || '-' || m)::uuid, md5('ambassador-' || a)::uuid, \
      to_char(date '2026-08-01' + make_interval(months => m), 'YYYY-MM'), '{}', 16000, 'paid', now(), now() \
      FROM generate_series(1, 1500, 2) AS a, generate_series(0, 10) AS m",
    ),
    ("statistics", "ANALYZE"),
];

/// Runs it once on PostgreSQL.
pub(super) fn run(root: &Path) -> Result<()> {
    crate::checks::postgres_reachable()?;
    step("dashboard: compiling a release build");
    cargo(root, &["build", "--release", "-p", "klasbrug-api"], &[])?;
    let binary = crate::target_dir(root).join("release/klasbrug");
    with_database(|url, _| bench(&binary, url))
}

fn bench(binary: &Path, url: &str) -> Result<()> {
    let (server, address) = start(binary, url)?;
    let token = login(&address)?;
    for (what, sql) in SEED {
        step(&format!("seeding {what}"));
        psql(url, sql)?;
    }
    println!("\n| dashboard | requests | median | p99 | target p99 |");
    println!("|---|---:|---:|---:|---:|");
    let mut worst: f64 = 0.0;
    for (name, query) in [
        ("programme", "school_year=2026-2027"),
        ("region midden", "school_year=2026-2027&region=midden"),
        (
            "municipality Breda",
            "school_year=2026-2027&municipality=Breda",
        ),
    ] {
        let path = format!("/api/v1/dashboard?{query}");
        for _ in 0..WARM_UP {
            get(&address, &token, &path)?;
        }
        let mut times = Vec::with_capacity(REQUESTS);
        for _ in 0..REQUESTS {
            let started = Instant::now();
            get(&address, &token, &path)?;
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        let p99 = times[((times.len() as f64 - 1.0) * 0.99).round() as usize];
        worst = worst.max(p99);
        println!("| {name} | {REQUESTS} | {median:.1} ms | {p99:.1} ms | < {TARGET_MS:.0} ms |");
    }
    drop(server);
    if worst >= TARGET_MS {
        println!("p99 {worst:.1} ms misses the target of {TARGET_MS:.0} ms");
    }
    Ok(())
}

/// One `GET` over a fresh connection, read to the end; fails unless the answer is 200.
fn get(address: &str, token: &str, path: &str) -> Result<()> {
    let mut stream = TcpStream::connect(address)?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"
    )?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    if !response.starts_with(b"HTTP/1.1 200") {
        bail!(
            "the dashboard answered:\n{}",
            String::from_utf8_lossy(&response[..response.len().min(600)])
        );
    }
    Ok(())
}
