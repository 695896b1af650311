//! `cargo xtask bench [http | matching]`: figures, not pass/fail. Speed targets live here, never
//! in timed tests. Without a part, both run, matching first.
//!
//! **http**: how fast the placement list is on PostgreSQL, compared with the database alone.
//! For 10,000 and then 100,000 placements it drives `GET /api/v1/placements` with a typical
//! filter (open spots of one school year in one region) from 32 connections with `wrk`, and runs
//! the same SQL, with the same bound parameters, through `pgbench` at the same concurrency, the
//! two taking turns for a few rounds. It prints the medians of requests/s, p50 and p99 of both
//! and their ratios. Targets: the API reaches at least 80% of pgbench's rate with a p99 at most
//! 2× pgbench's, and p99 at 100,000 rows stays within 1.5× of p99 at 10,000. A third run of
//! pgbench adds the session check the server makes before each list (the access token's
//! revocation), so the report shows how much of the gap is that second statement and how much
//! the server's own work.
//!
//! **matching**: the matching engine on generated, realistic instances of 1,000, 5,000 and
//! 20,000 ambassadors × as many placements, about 5% of the pairs feasible (the generator is
//! `crates/domain/examples/matching_scale.rs`, seeded). Each run is a process of its own, so the
//! peak memory read from `/proc/self/status` belongs to one size. It prints the median time of
//! three runs (graph building and solving apart), the peak memory and the engine's bytes per
//! feasible pair. Targets: 5,000 × 5,000 in under a second, and memory that grows with the
//! feasible pairs, not with ambassadors × placements. Every run of a size must propose the same
//! pairs, or the bench fails.
//!
//! **dashboard**: `GET /api/v1/dashboard` on PostgreSQL with 200 schools, 2,000 ambassadors and a
//! school year of hours: median and p99 of 50 requests. Target: p99 under 300 ms. Run on its own
//! (`cargo xtask bench dashboard`); `cargo xtask bench` without a part leaves it out.
//!
//! **web**: Plekken in headless Chromium, throttled through the DevTools protocol to 10 Mbit/s,
//! 40 ms and a 4× slower CPU, against the release server: min / median / max of five cold loads
//! and five repeat visits to the first table rows, and the wasm as Brotli sends it. Targets: cold
//! ≤ 1.0 s, repeat ≤ 0.4 s (and a repeat visit fetches nothing but `index.html` and the API, or
//! the bench fails), wasm ≤ 300 KB. Run on its own (`cargo xtask bench web`): it needs Chromium.
//!
//! **outbox**: 10,000 e-mails committed to PostgreSQL and delivered by the delivery worker to a
//! local SMTP server: messages per second, and the p50 and p99 delay from commit to delivery.

mod dashboard;
mod http;
mod matching;
mod outbox;
mod web;

use std::path::Path;

use anyhow::{Result, bail};

/// `cargo xtask bench [http | dashboard | web | matching [--seed N] [SIZE…] | outbox [N]]`.
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    match args.split_first() {
        None => {
            // Fail on a missing tool before spending minutes on the other part.
            http::tools_installed()?;
            crate::checks::postgres_reachable()?;
            matching::run(root, &[])?;
            outbox::run(root, &[])?;
            http::run(root)
        }
        Some((part, [])) if part == "http" => http::run(root),
        Some((part, [])) if part == "dashboard" => dashboard::run(root),
        Some((part, [])) if part == "web" => web::run(root),
        Some((part, options)) if part == "matching" => matching::run(root, options),
        Some((part, options)) if part == "outbox" => outbox::run(root, options),
        Some(_) => bail!(
            "unknown bench arguments '{}': cargo xtask bench [http | dashboard | web | matching [--seed N] [SIZE…] | outbox [N]]",
            args.join(" ")
        ),
    }
}
