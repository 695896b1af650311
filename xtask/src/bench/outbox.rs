//! The outbox part: 10,000 e-mails committed one transaction each to a fresh PostgreSQL
//! database and delivered by the server's worker to a local SMTP server. The example
//! (`crates/api/examples/outbox_bench.rs`) prints messages per second and the p50 and p99
//! delay from commit to delivery.

use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::process::{cargo, step};

/// Runs it once; `args` may give another number of messages.
pub(super) fn run(root: &Path, args: &[String]) -> Result<()> {
    crate::checks::postgres_reachable()?;
    step("outbox: compiling the delivery benchmark (release)");
    cargo(
        root,
        &[
            "build",
            "--release",
            "-p",
            "klasbrug-api",
            "--example",
            "outbox_bench",
        ],
        &[],
    )?;
    let binary = crate::target_dir(root).join("release/examples/outbox_bench");
    step("outbox: 10,000 e-mails through the outbox to a local SMTP server");
    let status = std::process::Command::new(&binary)
        .args(args)
        .current_dir(root)
        .status()
        .with_context(|| format!("starting {}", binary.display()))?;
    if !status.success() {
        bail!("the outbox benchmark failed ({status})");
    }
    Ok(())
}
