//! The contract as others read it: Redocly CLI lints `openapi/openapi.json` (zero errors, zero
//! warnings beyond those `openapi/redocly.yaml` accepts with a reason), openapi-python-client
//! generates a client from it with no warnings, and that client runs the partner scenario and
//! the employer statement (`xtask/contract/scenario.py`) against the real binary on a fresh
//! demo-seeded SQLite database. The tools are pinned and installed once under
//! `target/contract/`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

use crate::process::step;

const PYTHON_CLIENT: &str = "openapi-python-client==0.29.1";
const REDOCLY: &str = "@redocly/cli@2.11.0";

/// The pinned tools, installed.
pub struct Tools {
    folder: PathBuf,
    generator: PathBuf,
    python: PathBuf,
    redocly: PathBuf,
}

/// Installs the tools under `target/contract/` where they are missing or of another version.
/// Mostly downloading: `cargo xtask test` does it while the tests build.
pub fn install(target: &Path) -> Result<Tools> {
    let folder = target.join("contract");
    std::fs::create_dir_all(&folder)?;
    let (generator, python) = python_client(&folder)?;
    let redocly = redocly(&folder)?;
    Ok(Tools {
        folder,
        generator,
        python,
        redocly,
    })
}

/// Installs the tools, lints the document, generates the client and runs the scenario.
pub fn run(root: &Path, target: &Path) -> Result<()> {
    check(root, target, &install(target)?)
}

/// Lints the document, generates the client and runs the scenario with installed `tools`.
pub fn check(root: &Path, target: &Path, tools: &Tools) -> Result<()> {
    let Tools {
        folder: tools,
        generator,
        python,
        redocly,
    } = tools;
    let document = root.join("openapi/openapi.json");

    step("contract: Redocly lint of openapi/openapi.json");
    let output = Command::new(redocly)
        .arg("lint")
        .arg(&document)
        .arg("--config")
        .arg(root.join("openapi/redocly.yaml"))
        .current_dir(root)
        .output()
        .context("running redocly")?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    if !output.status.success() || !text.contains("Woohoo! Your API description is valid.") {
        bail!("the linter found problems:\n{text}");
    }

    step("contract: generating a Python client with openapi-python-client");
    let client = tools.join("client");
    if client.exists() {
        std::fs::remove_dir_all(&client)?;
    }
    let output = Command::new(generator)
        .arg("generate")
        .arg("--path")
        .arg(&document)
        .arg("--config")
        .arg(root.join("openapi/python-client.yaml"))
        .args(["--meta", "none", "--output-path"])
        .arg(client.join("klasbrug_client"))
        .current_dir(root)
        .output()
        .context("running openapi-python-client")?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    if !output.status.success() || text.to_lowercase().contains("warning") {
        bail!("the generator did not take the document as it is:\n{text}");
    }

    step("contract: the generated client runs the scenario against the binary");
    let database = tools.join("contract.db");
    for file in ["contract.db", "contract.db-wal", "contract.db-shm"] {
        let _ = std::fs::remove_file(tools.join(file));
    }
    let mut server = Command::new(target.join("debug/klasbrug"))
        .arg("serve")
        .env(
            "DATABASE_URL",
            format!("sqlite://{}?mode=rwc", database.display()),
        )
        .env("KLASBRUG_BIND", "127.0.0.1:0")
        .env("KLASBRUG_DEMO", "1")
        .env(
            "KLASBRUG_JWT_SECRET",
            "contract-secret-that-is-long-enough-for-hs256-0123456789",
        )
        .env("KLASBRUG_CLOCK_START", "2026-12-03T09:00:00Z")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .context("starting target/debug/klasbrug")?;
    let result = (|| {
        let stdout = server.stdout.take().context("the server's output")?;
        let mut lines = BufReader::new(stdout).lines();
        let base = loop {
            match lines.next() {
                Some(line) => {
                    if let Some(url) = line?.strip_prefix("listening on ") {
                        break url.trim().to_owned();
                    }
                }
                None => bail!("klasbrug stopped before it listened"),
            }
        };
        // Keep reading so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        let status = Command::new(python)
            .arg(root.join("xtask/contract/scenario.py"))
            .arg(&base)
            .env("PYTHONPATH", &client)
            .status()
            .context("running the scenario")?;
        if !status.success() {
            bail!("the generated client's scenario failed ({status})");
        }
        Ok(())
    })();
    let _ = server.kill();
    let _ = server.wait();
    result
}

/// The generator and the Python it runs under, in a virtual environment of their own.
fn python_client(tools: &Path) -> Result<(PathBuf, PathBuf)> {
    let venv = tools.join("venv");
    let python = venv.join("bin/python");
    let generator = venv.join("bin/openapi-python-client");
    let version = PYTHON_CLIENT.rsplit('=').next().unwrap_or_default();
    let installed = Command::new(&generator)
        .arg("--version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains(version));
    if !installed {
        step(&format!(
            "contract: installing {PYTHON_CLIENT} into {}",
            venv.display()
        ));
        run_quietly(Command::new("python3").arg("-m").arg("venv").arg(&venv))?;
        run_quietly(Command::new(venv.join("bin/pip")).args([
            "install",
            "--quiet",
            "--disable-pip-version-check",
            PYTHON_CLIENT,
        ]))?;
    }
    Ok((generator, python))
}

/// Redocly CLI, installed with npm into a folder of its own.
fn redocly(tools: &Path) -> Result<PathBuf> {
    let folder = tools.join("node");
    let binary = folder.join("node_modules/.bin/redocly");
    let version = REDOCLY.rsplit('@').next().unwrap_or_default();
    let installed = Command::new(&binary)
        .arg("--version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == version);
    if !installed {
        step(&format!(
            "contract: installing {REDOCLY} into {}",
            folder.display()
        ));
        std::fs::create_dir_all(&folder)?;
        std::fs::write(folder.join("package.json"), "{\"private\": true}\n")?;
        run_quietly(
            Command::new("npm")
                .args(["install", "--silent", "--no-audit", "--no-fund", REDOCLY])
                .current_dir(&folder),
        )?;
    }
    Ok(binary)
}

fn run_quietly(command: &mut Command) -> Result<()> {
    let output = command
        .output()
        .with_context(|| format!("running {command:?}"))?;
    if !output.status.success() {
        bail!(
            "{command:?} failed:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(())
}
