//! What `cargo xtask test` needs from the machine. A missing piece is an error that names it:
//! the tests never skip a database or the browser silently.

use std::net::{TcpStream, ToSocketAddrs};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Result, bail};

/// PostgreSQL answers where the tests will look for it.
pub fn postgres_reachable() -> Result<()> {
    let url = std::env::var("KLASBRUG_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    let authority = url.split("://").nth(1).unwrap_or_default();
    let host_port = authority
        .rsplit('@')
        .next()
        .unwrap_or_default()
        .split('/')
        .next()
        .unwrap_or_default();
    let host_port = if host_port.contains(':') {
        host_port.to_owned()
    } else {
        format!("{host_port}:5432")
    };
    let reachable = host_port
        .to_socket_addrs()
        .ok()
        .and_then(|mut addrs| addrs.next())
        .is_some_and(|addr| TcpStream::connect_timeout(&addr, Duration::from_secs(3)).is_ok());
    if !reachable {
        bail!(
            "PostgreSQL is not reachable at {host_port}, and the tests run on it as well as on SQLite.\n\
             Start it (Debian: pg_ctlcluster 15 main start), or point KLASBRUG_TEST_POSTGRES_URL at one \
             (a user that may CREATE DATABASE)."
        );
    }
    Ok(())
}

/// Chromium and chromedriver are installed for the browser tests.
/// LibreOffice opens the payout CSV the way a Dutch office does, in one API test.
pub fn office_suite_installed() -> Result<()> {
    if on_path("soffice").is_some() {
        return Ok(());
    }
    bail!(
        "soffice (LibreOffice) not found, and a test opens the payout CSV with it as a Dutch \
         office suite would.\nInstall Debian's package: apt-get install --no-install-recommends \
         libreoffice-calc-nogui"
    )
}

pub fn browser_installed() -> Result<()> {
    let chromium = std::env::var("CHROMIUM")
        .map(PathBuf::from)
        .ok()
        .or_else(|| on_path("chromium"));
    let driver = std::env::var("CHROMEDRIVER")
        .map(PathBuf::from)
        .ok()
        .or_else(|| on_path("chromedriver"));
    match (chromium, driver) {
        (Some(_), Some(_)) => Ok(()),
        (chromium, driver) => {
            let missing: Vec<&str> = [
                ("chromium", chromium.is_none()),
                ("chromedriver", driver.is_none()),
            ]
            .into_iter()
            .filter_map(|(name, missing)| missing.then_some(name))
            .collect();
            bail!(
                "{} not found, and the browser tests need it.\n\
                 Install Debian's packages: apt-get install chromium chromium-driver \
                 (or set CHROMIUM / CHROMEDRIVER to their paths)",
                missing.join(" and ")
            )
        }
    }
}

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")
        .map(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join(name))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .find(|path| path.is_file())
}
