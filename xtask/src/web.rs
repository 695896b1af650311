//! Builds the web app into `dist/`: cargo for wasm32, then the wasm-bindgen library (pinned to the
//! same version as the `wasm-bindgen` crate, so no CLI has to be installed), then the static
//! files. The `klasbrug` binary serves `dist/` at `/`.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

const WASM_TARGET: &str = "wasm32-unknown-unknown";
const PACKAGE: &str = "klasbrug-frontend";
/// The web app's bundles (frontend/src/bundle.rs): the binary cargo builds, and the name of the
/// files wasm-bindgen writes for it (`klasbrug-school.js`, `klasbrug-school_bg.wasm`), which
/// `start.js` names. The whole app comes first.
pub const BUNDLES: [(&str, &str); 4] = [
    ("klasbrug-frontend", "klasbrug"),
    ("school", "klasbrug-school"),
    ("ambassador", "klasbrug-ambassador"),
    ("employer", "klasbrug-employer"),
];
/// The profile of a release build of the web app, defined in the workspace's Cargo.toml: a
/// download should be small more than it should be fast.
const WASM_PROFILE: &str = "wasm-release";

/// Builds the web app of the workspace at `root` into `root/dist` and returns the sizes of each
/// bundle's wasm, the whole app's first (compressed sizes only in a release build).
pub fn build(root: &Path, release: bool) -> Result<Vec<crate::web_assets::WasmSizes>> {
    ensure_wasm_target()?;

    println!("==> web app: compiling for wasm32 (first build takes a few minutes)");
    let mut cargo = Command::new(env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo")));
    cargo.current_dir(root).args([
        "build",
        "--package",
        PACKAGE,
        "--bins",
        "--target",
        WASM_TARGET,
    ]);
    let profile = if release {
        cargo.args(["--profile", WASM_PROFILE]);
        WASM_PROFILE
    } else {
        "debug"
    };
    let status = cargo
        .status()
        .context("could not start cargo to compile the web app")?;
    if !status.success() {
        bail!("compiling the web app failed ({status}); see cargo's messages above");
    }

    let built = target_dir(root).join(WASM_TARGET).join(profile);
    let dist = root.join("dist");
    println!(
        "==> web app: generating JavaScript bindings into {}",
        dist.display()
    );
    // Start empty, so the assets of earlier builds (other hashes) do not pile up.
    if dist.exists() {
        fs::remove_dir_all(&dist).with_context(|| format!("could not empty {}", dist.display()))?;
    }
    fs::create_dir_all(&dist).with_context(|| format!("could not create {}", dist.display()))?;
    for (binary, out_name) in BUNDLES {
        let wasm = built.join(format!("{binary}.wasm"));
        wasm_bindgen_cli_support::Bindgen::new()
            .input_path(&wasm)
            .web(true)?
            .typescript(false)
            .out_name(out_name)
            // Function names are kept for the size report; a release build strips them after it.
            .remove_name_section(false)
            .remove_producers_section(release)
            .generate(&dist)
            .with_context(|| format!("wasm-bindgen could not process {}", wasm.display()))?;
        if release {
            let bound = dist.join(format!("{out_name}_bg.wasm"));
            let bytes = fs::read(&bound).with_context(|| format!("reading {}", bound.display()))?;
            // The whole app's report shows where the size is; the parts are the same code, less.
            if out_name == BUNDLES[0].1 {
                crate::web_size::report(&bytes)?;
            }
            // Function names only help reading panics in a debug build.
            fs::write(&bound, crate::web_size::strip_names(&bytes)?)
                .with_context(|| format!("writing {}", bound.display()))?;
        }
    }

    println!("==> web app: copying static files");
    copy_dir(&root.join("frontend").join("static"), &dist)?;

    println!(
        "==> web app: naming assets after their content{}",
        if release {
            ", compressing them (Brotli 11, gzip 9)"
        } else {
            ""
        }
    );
    let out_names = BUNDLES.map(|(_, out_name)| out_name);
    let sizes = crate::web_assets::finish(&dist, &out_names, release)?;
    println!("==> web app: ready in {}", dist.display());
    for bundle in &sizes {
        if release {
            println!(
                "    {}: {} raw, {} gzip, {} Brotli as sent",
                bundle.name,
                kib(bundle.raw),
                kib(bundle.gzip),
                kib(bundle.brotli),
            );
        } else {
            println!(
                "    {}: {} raw (debug build; use --release for the real size)",
                bundle.name,
                kib(bundle.raw),
            );
        }
    }
    Ok(sizes)
}

/// Installs the wasm32 target through rustup when it is missing.
fn ensure_wasm_target() -> Result<()> {
    let installed = match Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
    {
        Ok(output) if output.status.success() => output.stdout,
        Ok(output) => bail!(
            "`rustup target list --installed` failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ),
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            // A toolchain without rustup (a distribution's rustc) may still have the target.
            if sysroot_has_wasm_target() {
                return Ok(());
            }
            bail!(
                "the web app is compiled for {WASM_TARGET}, which this Rust toolchain lacks, and \
                 rustup is not installed to add it: install rustup (https://rustup.rs) and run \
                 `rustup target add {WASM_TARGET}`, or install your distribution's wasm32 \
                 standard library"
            );
        }
        Err(error) => return Err(error).context("could not run rustup"),
    };
    if String::from_utf8_lossy(&installed)
        .lines()
        .any(|line| line.trim() == WASM_TARGET)
    {
        return Ok(());
    }

    println!("==> web app: installing the {WASM_TARGET} target with rustup (once)");
    let status = Command::new("rustup")
        .args(["target", "add", WASM_TARGET])
        .status()
        .context("could not run rustup")?;
    if !status.success() {
        bail!("`rustup target add {WASM_TARGET}` failed ({status}); see its messages above");
    }
    Ok(())
}

fn sysroot_has_wasm_target() -> bool {
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| OsString::from("rustc"));
    Command::new(rustc)
        .args(["--print", "sysroot"])
        .output()
        .ok()
        .filter(|output| output.status.success())
        .map(|output| {
            let sysroot = String::from_utf8_lossy(&output.stdout).trim().to_owned();
            Path::new(&sysroot)
                .join("lib/rustlib")
                .join(WASM_TARGET)
                .is_dir()
        })
        .unwrap_or(false)
}

/// Cargo's target directory: `CARGO_TARGET_DIR` (relative to the workspace, as cargo reads it
/// when run from there), else `<root>/target`.
/// Where cargo puts its output: `CARGO_TARGET_DIR` (relative to the workspace) or `target/`.
pub fn target_dir(root: &Path) -> PathBuf {
    match env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root.join(dir),
        _ => root.join("target"),
    }
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    let entries =
        fs::read_dir(from).with_context(|| format!("could not read {}", from.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("could not read {}", from.display()))?;
        let source = entry.path();
        let destination = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            fs::create_dir_all(&destination)
                .with_context(|| format!("could not create {}", destination.display()))?;
            copy_dir(&source, &destination)?;
        } else {
            fs::copy(&source, &destination).with_context(|| {
                format!(
                    "could not copy {} to {}",
                    source.display(),
                    destination.display()
                )
            })?;
        }
    }
    Ok(())
}

pub fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}
