//! The workspace's test binaries, built by one `cargo test --no-run` and then run one by one,
//! each with as many threads as its tests can use.
//!
//! `cargo test` runs every binary with the same number of threads, one per core. The API tests
//! wait part of the time for the server they started and for the database, so on two cores they
//! finish sooner four at once; the browser tests each drive a Chromium, which keeps a core busy.
//! Running the binaries here, as cargo would (in their package's folder), lets each get
//! its number.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};
use serde_json::Value;

use crate::process::cargo_binary;

/// A test binary cargo built.
pub struct TestBinary {
    /// The package it tests, such as `klasbrug-api`.
    pub package: String,
    /// The test target's name: the crate's for unit tests, the file's or folder's for
    /// integration tests (`api`, `web`).
    pub target: String,
    executable: PathBuf,
    folder: PathBuf,
}

impl TestBinary {
    /// Whether this is the browser tests' binary.
    pub fn is_browser(&self) -> bool {
        self.package == "klasbrug-e2e" && self.target == "web"
    }

    /// Runs the binary's tests with `threads` at once, in the package's folder, as `cargo test`
    /// does; fails when a test fails.
    pub fn run(&self, threads: usize, env: &[(&str, &OsStr)]) -> Result<()> {
        println!(
            "\n==> {} ({}), {threads} at once",
            self.target, self.package
        );
        let status = Command::new(&self.executable)
            .args(["--test-threads", &threads.to_string()])
            .envs(env.iter().copied())
            .current_dir(&self.folder)
            .status()
            .with_context(|| format!("running {}", self.executable.display()))?;
        if !status.success() {
            bail!(
                "the tests of {} in {} failed ({status})",
                self.target,
                self.package
            );
        }
        Ok(())
    }
}

/// Builds the tests of the whole workspace (`cargo test --workspace --no-run` with `args` and
/// `env` added), showing cargo's messages as usual, and returns the binaries it made.
pub fn build(root: &Path, args: &[&str], env: &[(&str, &OsStr)]) -> Result<Vec<TestBinary>> {
    let output = Command::new(cargo_binary())
        .args([
            "test",
            "--workspace",
            "--no-run",
            "--message-format=json-render-diagnostics",
        ])
        .args(args)
        .envs(env.iter().copied())
        .current_dir(root)
        .stderr(Stdio::inherit())
        .output()
        .context("running cargo test --no-run")?;
    if !output.status.success() {
        bail!(
            "building the tests failed ({}); see cargo's messages above",
            output.status
        );
    }
    let binaries = parse(&String::from_utf8_lossy(&output.stdout))?;
    if binaries.is_empty() {
        bail!("cargo built no test binaries");
    }
    Ok(binaries)
}

/// The test executables in cargo's JSON messages, one message per line.
fn parse(messages: &str) -> Result<Vec<TestBinary>> {
    let mut binaries = Vec::new();
    for line in messages.lines().filter(|line| line.starts_with('{')) {
        let message: Value = serde_json::from_str(line).context("reading cargo's messages")?;
        if message["reason"] != "compiler-artifact" || message["profile"]["test"] != true {
            continue;
        }
        let Some(executable) = message["executable"].as_str() else {
            continue;
        };
        let manifest = message["manifest_path"]
            .as_str()
            .context("a test artifact without its manifest")?;
        let package_id = message["package_id"].as_str().unwrap_or_default();
        binaries.push(TestBinary {
            package: package_name(package_id, manifest),
            target: message["target"]["name"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            executable: PathBuf::from(executable),
            folder: Path::new(manifest)
                .parent()
                .context("a manifest path without a folder")?
                .to_path_buf(),
        });
    }
    Ok(binaries)
}

/// The package's name, from its id: `path+file:///…/crates/api#klasbrug-api@0.1.0`, or
/// `path+file:///…/xtask#0.1.0` when the name is the folder's. Ids of another form give the
/// manifest's folder.
fn package_name(package_id: &str, manifest: &str) -> String {
    match package_id.rsplit_once('#') {
        Some((_, fragment)) if fragment.contains('@') => {
            fragment.split('@').next().unwrap_or(fragment).to_owned()
        }
        _ => Path::new(manifest)
            .parent()
            .and_then(Path::file_name)
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_test_binaries_are_read_from_cargos_messages() {
        let messages = r#"{"reason":"compiler-artifact","package_id":"path+file:///w/crates/api#klasbrug-api@0.1.0","manifest_path":"/w/crates/api/Cargo.toml","target":{"name":"api","kind":["test"]},"profile":{"test":true},"executable":"/w/target/debug/deps/api-1"}
{"reason":"compiler-artifact","package_id":"path+file:///w/crates/api#klasbrug-api@0.1.0","manifest_path":"/w/crates/api/Cargo.toml","target":{"name":"klasbrug","kind":["bin"]},"profile":{"test":false},"executable":"/w/target/debug/klasbrug"}
{"reason":"compiler-artifact","package_id":"path+file:///w/crates/e2e#klasbrug-e2e@0.1.0","manifest_path":"/w/crates/e2e/Cargo.toml","target":{"name":"web","kind":["test"]},"profile":{"test":true},"executable":"/w/target/debug/deps/web-2"}
{"reason":"compiler-artifact","package_id":"path+file:///w/crates/domain#0.1.0","manifest_path":"/w/crates/domain/Cargo.toml","target":{"name":"klasbrug_domain","kind":["lib"]},"profile":{"test":true},"executable":"/w/target/debug/deps/klasbrug_domain-3"}
{"reason":"compiler-artifact","package_id":"x","manifest_path":"/w/crates/store/Cargo.toml","target":{"name":"klasbrug_store","kind":["lib"]},"profile":{"test":false},"executable":null}
{"reason":"build-finished","success":true}"#;
        let binaries = parse(messages).unwrap();
        let seen: Vec<(&str, &str, bool)> = binaries
            .iter()
            .map(|b| (b.package.as_str(), b.target.as_str(), b.is_browser()))
            .collect();
        assert_eq!(
            seen,
            [
                ("klasbrug-api", "api", false),
                ("klasbrug-e2e", "web", true),
                ("domain", "klasbrug_domain", false),
            ]
        );
        assert_eq!(binaries[0].folder, Path::new("/w/crates/api"));
        assert_eq!(
            binaries[1].executable,
            Path::new("/w/target/debug/deps/web-2")
        );
    }
}
