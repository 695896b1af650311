//! The web part: the release web app as a school's browser gets it. It builds the web app (whose
//! build reports the wasm's sizes) and the release server, starts the demo on a fresh SQLite
//! database, and runs `crates/e2e/examples/web_bench.rs`, which drives headless Chromium.
//! Targets: the wasm as sent to a browser that accepts `br` ≤ 300 KB; Plekken's first rows at
//! 10 Mbit/s, 40 ms and a 4× slower CPU ≤ 1.0 s cold and ≤ 0.4 s on a repeat visit, which must
//! fetch nothing but `index.html` and the API (the example fails otherwise).

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

use super::http::start_with;
use crate::process::{cargo, step};
use crate::web::kib;

/// The target for the wasm as Brotli sends it: 300 KB.
const BROTLI_TARGET_BYTES: usize = 300 * 1000;

pub(super) fn run(root: &Path) -> Result<()> {
    crate::checks::browser_installed()?;
    let sizes = crate::web::build(root, true)?;
    step("server: compiling a release build");
    cargo(root, &["build", "--release", "-p", "klasbrug-api"], &[])?;
    step("the browser driver: compiling");
    cargo(
        root,
        &["build", "-p", "klasbrug-e2e", "--example", "web_bench"],
        &[],
    )?;
    let target = crate::target_dir(root);
    let work = std::env::temp_dir().join(format!("klasbrug_bench_web_{}", std::process::id()));
    std::fs::create_dir_all(&work)?;
    let database = format!("sqlite://{}?mode=rwc", work.join("bench.db").display());
    let dist = root.join("dist");
    step("the demo on the release server, on a fresh SQLite database");
    let outcome = start_with(
        &target.join("release/klasbrug"),
        &database,
        &[("KLASBRUG_STATIC_DIR", dist.as_os_str())],
    )
    .and_then(|(server, address)| {
        step("Plekken in headless Chromium: a cold load and a repeat visit per run");
        let status = Command::new(target.join("debug/examples/web_bench"))
            .arg(format!("http://{address}"))
            .status()
            .context("running the web bench")?;
        drop(server);
        Ok(status)
    });
    let _ = std::fs::remove_dir_all(&work);
    let status = outcome?;
    for bundle in &sizes {
        println!(
            "    {:<44} {:>4.0} KB ({}) as Brotli sends it; {} raw, {} gzip   (target ≤ {} KB: {})",
            bundle.name,
            bundle.brotli as f64 / 1000.0,
            kib(bundle.brotli),
            kib(bundle.raw),
            kib(bundle.gzip),
            BROTLI_TARGET_BYTES / 1000,
            if bundle.brotli <= BROTLI_TARGET_BYTES {
                "met"
            } else {
                "not met"
            }
        );
    }
    if !status.success() {
        bail!("the web bench failed ({status}); see its messages above");
    }
    Ok(())
}
