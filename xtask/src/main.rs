//! Build automation for Klasbrug, in Rust so it runs wherever cargo does.
//!
//! `cargo xtask run | build | test | openapi | e2e | bench` (see `cargo xtask help`).

mod bench;
mod checks;
mod contract;
mod lints;
mod process;
mod test_binaries;
mod web;
mod web_assets;
mod web_size;

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};

use process::{Phases, cargo, step};

const HELP: &str = "\
cargo xtask <command>

  run      build the web app and the server, then serve the demo on http://127.0.0.1:8080
  build    build the web app and a release binary (target/release/klasbrug); the web app's
           build prints its size report (per crate and function, raw/gzip/Brotli)
  build --web  the web app only, into dist/
  test     everything: formatting, lints, unit tests, both databases, API, browser
  test --quick  the inner loop: formatting, lints, unit tests and SQLite only (no PostgreSQL,
           no browser); CI runs the whole `test`
  openapi  rewrite openapi/openapi.json from the code
  contract lint the document (Redocly) and run a generated Python client against the server
  e2e      the browser tests only (builds what they need); `e2e applying::` runs the tests
           of one file
  bench    benchmarks on release builds (see README):
           bench http      the placement list under load (needs wrk, pgbench, PostgreSQL)
           bench matching  the matching engine at 1,000, 5,000 and 20,000 ambassadors
                           (options: --seed N, sizes such as 5000 or 2000x3000)
           bench outbox    10,000 e-mails through the outbox to a local SMTP server
           bench dashboard the dashboard API with 200 schools and 2,000 ambassadors (PostgreSQL)
           bench web       (on its own) Plekken in headless Chromium at 10 Mbit/s, 40 ms, 4x CPU:
                           cold and repeat load, and the wasm's size as Brotli sends it
           bench           all three
";

fn main() {
    if let Err(error) = run() {
        eprintln!("\nxtask: {error:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let root = workspace_root()?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("run") => run_demo(&root),
        Some("build") if args.get(1).is_some_and(|a| a == "--web") => {
            web::build(&root, true).map(|_| ())
        }
        Some("build") => build(&root),
        Some("test") if args.get(1).is_some_and(|a| a == "--quick") => test_quick(&root),
        Some("test") => test(&root),
        Some("openapi") => openapi(&root),
        Some("contract") => {
            cargo(&root, &["build", "-p", "klasbrug-api"], &[])?;
            contract::run(&root, &target_dir(&root))
        }
        Some("e2e") => e2e(&root, &args[1..]),
        Some("bench") => bench::run(&root, &args[1..]),
        None | Some("help" | "--help" | "-h") => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => bail!("unknown command '{other}'\n\n{HELP}"),
    }
}

fn workspace_root() -> Result<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .context("xtask lives one folder below the workspace root")
}

fn target_dir(root: &Path) -> PathBuf {
    web::target_dir(root)
}

/// `cargo xtask run`: the demo, from a fresh clone.
fn run_demo(root: &Path) -> Result<()> {
    let started = Instant::now();
    web::build(root, true)?;
    step("server: compiling (first build takes a few minutes)");
    cargo(root, &["build", "-p", "klasbrug-api"], &[])?;
    println!("==> ready in {:.0?}", started.elapsed());
    let binary = target_dir(root).join("debug/klasbrug");
    let mut command = std::process::Command::new(&binary);
    command.arg("serve").current_dir(root);
    if std::env::var_os("KLASBRUG_DEMO").is_none() {
        command.env("KLASBRUG_DEMO", "1");
    }
    if std::env::var_os("KLASBRUG_STATIC_DIR").is_none() {
        command.env("KLASBRUG_STATIC_DIR", root.join("dist"));
    }
    println!("==> starting Klasbrug (Ctrl-C stops it)");
    let status = command
        .status()
        .with_context(|| format!("starting {}", binary.display()))?;
    if !status.success() {
        bail!("klasbrug stopped with {status}");
    }
    Ok(())
}

/// `cargo xtask build`: what a deployment needs.
fn build(root: &Path) -> Result<()> {
    web::build(root, true)?;
    step("server: compiling a release build");
    cargo(root, &["build", "--release", "-p", "klasbrug-api"], &[])?;
    println!(
        "==> built {} and {}",
        target_dir(root).join("release/klasbrug").display(),
        root.join("dist").display()
    );
    Ok(())
}

/// `cargo xtask test --quick`: what changes most often, fast. The tests that run on both
/// databases run on SQLite only; nothing starts a browser.
fn test_quick(root: &Path) -> Result<()> {
    let started = Instant::now();
    let mut phases = Phases::default();
    checks::office_suite_installed()?;
    format_and_lints(root, &mut phases)?;
    step(
        "unit, store contract and API tests on SQLite (--quick: PostgreSQL and the browser skipped)",
    );
    phases.time("tests on SQLite", || {
        cargo(
            root,
            &[
                "test",
                "--workspace",
                "--exclude",
                "klasbrug-e2e",
                "--",
                "--skip",
                "::postgres::",
            ],
            &[],
        )
    })?;
    phases.report();
    println!(
        "\n==> quick checks passed in {:.0?}; `cargo xtask test` runs everything",
        started.elapsed()
    );
    Ok(())
}

/// How many API, store and unit tests run at once: part of the time they wait for their server
/// process and the database. On two cores the API tests left 17 % of the CPU idle two at once
/// and 4 % four at once, and took 246 s against 196 s.
const TEST_THREADS: usize = 4;
/// How many browser tests run at once: each drives a Chromium, which wants a core.
const BROWSER_TEST_THREADS: usize = 2;

/// `cargo xtask test`: everything CI runs.
///
/// The web app's release build runs beside the tests' build: its link steps run on one core
/// each, so the other core compiles the server meanwhile. All tests are built by one `cargo test
/// --workspace --no-run`, so every dependency is compiled once with the features all members
/// need, through clippy-driver, which lints the workspace's crates as it compiles them (see
/// `lints.rs`). Then each test binary runs with the threads its tests can use.
fn test(root: &Path) -> Result<()> {
    let started = Instant::now();
    checks::postgres_reachable()?;
    checks::browser_installed()?;
    checks::office_suite_installed()?;
    let mut phases = Phases::default();
    format(root, &mut phases)?;
    let web_root = root.to_path_buf();
    let web = std::thread::spawn(move || -> Result<std::time::Duration> {
        let started = Instant::now();
        web::build(&web_root, true)?;
        let built = started.elapsed();
        // Not through clippy-driver as the tests' build is: it compiles without MIR
        // optimisations, and the browser tests test the wasm that ships (25 KiB smaller).
        step("lints: cargo clippy on the web app for the browser");
        lints::web_clippy(&web_root)?;
        Ok(built)
    });
    // Mostly downloads: done while the tests compile.
    let contract_target = target_dir(root);
    let contract_tools = std::thread::spawn(move || contract::install(&contract_target));
    let through_clippy = lints::through_clippy();
    let through_clippy: Vec<_> = through_clippy
        .iter()
        .map(|(key, value)| (*key, value.as_os_str()))
        .collect();
    step(
        "lints and the tests' build: the tests compiled through clippy, warnings as errors; the web app's release build and its lints run beside",
    );
    let binaries = phases.time("lints and the tests' build", || {
        test_binaries::build(root, &lints::FEATURES, &through_clippy)
    })?;
    step("web app: waiting for its release build and its lints");
    let web_took = phases.time(
        "web app: waiting for its build and lints after the tests' build",
        || {
            web.join()
                .map_err(|_| anyhow::anyhow!("the web app's build panicked"))?
        },
    )?;
    println!(
        "==> web app: built in {:.0?}, beside the lints and the tests' build",
        web_took
    );
    let binary = target_dir(root).join("debug/klasbrug");
    let dist = root.join("dist");
    let env = [
        ("KLASBRUG_BIN", binary.as_os_str()),
        ("KLASBRUG_STATIC_DIR", dist.as_os_str()),
    ];
    step(
        "tests: unit, store contract (SQLite + PostgreSQL), API, then browser (headless Chromium against the real binary)",
    );
    let (browser, others): (Vec<_>, Vec<_>) =
        binaries.into_iter().partition(|binary| binary.is_browser());
    phases.time("tests: unit, store and API", || {
        others
            .iter()
            .try_for_each(|binary| binary.run(TEST_THREADS, &env))
    })?;
    phases.time("tests: documentation examples", || {
        // The same features and compiler as the build above, so nothing is compiled again.
        let mut doc = vec!["test", "--workspace", "--doc"];
        doc.extend(lints::FEATURES);
        cargo(root, &doc, &through_clippy)
    })?;
    phases.time("tests: browser", || {
        if browser.is_empty() {
            bail!("the browser tests' binary (klasbrug-e2e, web) was not built");
        }
        browser
            .iter()
            .try_for_each(|binary| binary.run(BROWSER_TEST_THREADS, &env))
    })?;
    phases.time("contract: lint and generated client", || {
        let tools = contract_tools
            .join()
            .map_err(|_| anyhow::anyhow!("installing the contract's tools panicked"))??;
        contract::check(root, &target_dir(root), &tools)
    })?;
    phases.report();
    println!("\n==> all checks passed in {:.0?}", started.elapsed());
    Ok(())
}

fn format_and_lints(root: &Path, phases: &mut Phases) -> Result<()> {
    format(root, phases)?;
    step("lints: cargo clippy (server, tests, web app) with warnings as errors");
    phases.time("lints", || lints::clippy(root))
}

fn format(root: &Path, phases: &mut Phases) -> Result<()> {
    step("formatting: cargo fmt --check");
    phases.time("formatting", || {
        cargo(root, &["fmt", "--all", "--check"], &[])
    })
}

/// `cargo xtask openapi`: the published contract, regenerated.
fn openapi(root: &Path) -> Result<()> {
    let output = std::process::Command::new(process::cargo_binary())
        .args(["run", "--quiet", "-p", "klasbrug-api", "--", "openapi"])
        .current_dir(root)
        .output()
        .context("running cargo")?;
    if !output.status.success() {
        bail!(
            "generating the document failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let path = root.join("openapi/openapi.json");
    let before = std::fs::read(&path).unwrap_or_default();
    std::fs::write(&path, &output.stdout).with_context(|| format!("writing {}", path.display()))?;
    let verdict = if before == output.stdout {
        "unchanged"
    } else {
        "updated: review and commit the diff"
    };
    println!("==> {} {verdict}", path.display());
    Ok(())
}

/// `cargo xtask e2e`: the browser tests and what they need.
fn e2e(root: &Path, filter: &[String]) -> Result<()> {
    checks::postgres_reachable()?;
    checks::browser_installed()?;
    browser_tests(root, filter)
}

/// Builds the web app and the server, then runs the browser tests; `filter` goes to `cargo
/// test` as it is (`applying::` runs the tests of one file, `crates/e2e/tests/web/applying.rs`).
fn browser_tests(root: &Path, filter: &[String]) -> Result<()> {
    web::build(root, true)?;
    step("server: compiling for the browser tests");
    cargo(root, &["build", "-p", "klasbrug-api"], &[])?;
    step("browser tests: headless Chromium against the real binary");
    let binary = target_dir(root).join("debug/klasbrug");
    let dist = root.join("dist");
    let mut test = vec!["test", "-p", "klasbrug-e2e"];
    test.extend(filter.iter().map(String::as_str));
    cargo(
        root,
        &test,
        &[
            ("KLASBRUG_BIN", binary.as_os_str()),
            ("KLASBRUG_STATIC_DIR", dist.as_os_str()),
        ],
    )?;
    println!(
        "==> screenshots in {}",
        target_dir(root).join("e2e").display()
    );
    Ok(())
}
