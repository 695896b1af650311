//! Clippy's lints, with warnings as errors, in two ways.
//!
//! `cargo clippy` type-checks every dependency once more only to read their metadata: on two
//! cores, the server's and the web app's took 283 s of a 876 s `cargo xtask test`, beside the
//! web app's build. `cargo xtask test` builds the tests anyway, so it compiles the workspace's
//! own crates through `clippy-driver` instead of `rustc`, which is what `cargo clippy` does,
//! only to real code instead of metadata: the same lints, and each host dependency compiled
//! once. clippy-driver compiles without MIR optimisations (the whole app's wasm came out 25 KiB
//! larger), which changes nothing a test sees in a debug build; the web app's release build,
//! which ships, goes through `rustc` and is linted by `cargo clippy` (`web_clippy`).
//!
//! Cargo keeps what it compiled through clippy beside what it compiled through rustc, so the
//! first plain `cargo test` or `cargo xtask run` afterwards compiles the workspace's own crates
//! once more, and later switches compile nothing again. `cargo xtask test --quick` runs `cargo
//! clippy`: it builds no browser tests, so its build could not lint them.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::process::{cargo, cargo_binary};

/// What the lints need beyond the default features: the matching benchmark's example builds
/// only with it, and would otherwise go unchecked.
pub const FEATURES: [&str; 2] = ["--features", "klasbrug-domain/bench"];

/// The environment that makes cargo compile the workspace's crates through clippy-driver with
/// warnings as errors, as `cargo clippy -- -D warnings` sets it.
pub fn through_clippy() -> [(&'static str, OsString); 2] {
    [
        ("RUSTC_WORKSPACE_WRAPPER", clippy_driver().into_os_string()),
        // clippy-driver splits its arguments on this marker (clippy's `cargo-clippy`).
        (
            "CLIPPY_ARGS",
            "-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__".into(),
        ),
    ]
}

/// The clippy-driver beside the cargo that runs us (rustup installs them side by side), or the
/// one on the PATH.
fn clippy_driver() -> PathBuf {
    let beside = Path::new(&cargo_binary()).with_file_name("clippy-driver");
    if beside.is_file() {
        beside
    } else {
        PathBuf::from("clippy-driver")
    }
}

/// `cargo clippy` on the server, its tests and the web app, warnings as errors.
pub fn clippy(root: &Path) -> Result<()> {
    let mut server = vec!["clippy", "--workspace", "--all-targets"];
    server.extend(FEATURES);
    server.extend(["--", "-D", "warnings"]);
    cargo(root, &server, &[])?;
    web_clippy(root)
}

/// `cargo clippy` on the web app for the browser, warnings as errors: the host's build leaves
/// out what only the browser runs.
pub fn web_clippy(root: &Path) -> Result<()> {
    cargo(
        root,
        &[
            "clippy",
            "-p",
            "klasbrug-frontend",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ],
        &[],
    )
}
