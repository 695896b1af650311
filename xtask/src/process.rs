//! Running cargo and saying what is happening.

use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

/// The cargo that runs us, so toolchain overrides carry through.
pub fn cargo_binary() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

/// Prints a progress line.
pub fn step(what: &str) {
    println!("==> {what}");
}

/// Runs `cargo args…` in `root` with extra environment, streaming its output; fails on a
/// non-zero exit.
pub fn cargo(root: &Path, args: &[&str], env: &[(&str, &OsStr)]) -> Result<()> {
    let mut command = Command::new(cargo_binary());
    command.args(args).current_dir(root);
    for (key, value) in env {
        command.env(key, value);
    }
    let status = command
        .status()
        .with_context(|| format!("running cargo {}", args.join(" ")))?;
    if !status.success() {
        bail!("cargo {} failed ({status})", args.join(" "));
    }
    Ok(())
}

/// How long each part of a run took, printed at its end so a slow part stands out.
#[derive(Default)]
pub struct Phases(Vec<(&'static str, Duration)>);

impl Phases {
    /// Runs `part`, noting its time under `name`.
    pub fn time<T>(&mut self, name: &'static str, part: impl FnOnce() -> Result<T>) -> Result<T> {
        let started = Instant::now();
        let outcome = part();
        self.0.push((name, started.elapsed()));
        outcome
    }

    /// Prints the parts and their times.
    pub fn report(&self) {
        println!();
        for (name, took) in &self.0 {
            println!("    {:>6.1} s  {name}", took.as_secs_f64());
        }
    }
}
