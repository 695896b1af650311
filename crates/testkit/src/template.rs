//! The seeded demo, made once per test process and copied into each test's database.
//!
//! Seeding the demo programme is most of what starting a test server costs (the migrations, a
//! few hundred inserts, a password hash). The result is the same for every test that starts on
//! an empty database at the same clock (usually [`crate::CLOCK_START`]), so the first such test
//! of a process runs `klasbrug seed-demo` into a template, and every test then gets a copy:
//! `CREATE DATABASE … TEMPLATE` on PostgreSQL, a file copy on SQLite. The server then finds its
//! database migrated and seeded, as it would after seeding it itself.
//!
//! It also keeps a test's clock honest: a server that seeds itself starts serving (and its
//! daily sweep looks at the clock) only after seeding, so a test that starts the clock two
//! seconds before 07:00 would miss the sweep on a busy machine.
//!
//! `KLASBRUG_TEST_NO_TEMPLATE=1` turns this off, to compare or to rule it out.
//!
//! A test without the demo, or on a database it already filled itself, gets no copy: its server
//! migrates as before.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex};

use sqlx::Connection;
use tokio::sync::OnceCell;

use crate::database::postgres_admin_url;
use crate::{Backend, TestDatabaseRef};

/// Prefix of the template databases (PostgreSQL) and folders (SQLite); the process id follows,
/// so a later run can remove what a finished one left.
const PREFIX: &str = "klasbrug_template_";

/// A seeded template: a SQLite file or a PostgreSQL database's name.
type Template = Arc<OnceCell<String>>;

/// The templates made so far, per backend and clock start.
static TEMPLATES: Mutex<Option<HashMap<(Backend, String), Template>>> = Mutex::new(None);

fn template_for(backend: Backend, clock: &str) -> Template {
    let mut templates = TEMPLATES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    templates
        .get_or_insert_with(HashMap::new)
        .entry((backend, clock.to_owned()))
        .or_default()
        .clone()
}

/// Fills `db` with a copy of the seeded demo when the server `env` describes would seed it
/// itself: demo mode, the default clock, and an empty database.
pub(crate) async fn prefill_demo(binary: &Path, db: &TestDatabaseRef, env: &[(&str, &str)]) {
    let setting = |key: &str| env.iter().rev().find(|(k, _)| *k == key).map(|(_, v)| *v);
    if std::env::var_os("KLASBRUG_TEST_NO_TEMPLATE").is_some()
        || setting("KLASBRUG_DEMO") != Some("1")
    {
        return;
    }
    let clock = setting("KLASBRUG_CLOCK_START").unwrap_or(crate::CLOCK_START);
    let template = template_for(db.backend, clock);
    match db.backend {
        Backend::Sqlite => {
            let path = sqlite_path(&db.url);
            if std::fs::metadata(&path).is_ok_and(|m| m.len() > 0) {
                return;
            }
            let file = template
                .get_or_init(|| sqlite_template(binary, clock))
                .await;
            std::fs::copy(file, &path).expect("copying the demo template");
        }
        Backend::Postgres => {
            if !postgres_is_empty(&db.url).await {
                return;
            }
            let name = template
                .get_or_init(|| postgres_template(binary, clock))
                .await;
            postgres_copy(name, &db.url).await;
        }
    }
}

/// The file of a `sqlite://<path>?mode=rwc` URL.
fn sqlite_path(url: &str) -> PathBuf {
    let rest = url.strip_prefix("sqlite://").expect("a sqlite:// URL");
    PathBuf::from(rest.split('?').next().unwrap_or(rest))
}

async fn sqlite_template(binary: &Path, clock: &str) -> String {
    let temp = std::env::temp_dir();
    let names = std::fs::read_dir(&temp)
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok());
    for name in stale(names) {
        let _ = std::fs::remove_dir_all(temp.join(name));
    }
    let dir = temp.join(format!("{PREFIX}{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder for the demo templates");
    let file = dir.join(format!("{}.db", uuid::Uuid::new_v4().simple()));
    let file = file.to_str().expect("a UTF-8 temporary path").to_owned();
    seed(binary, &format!("sqlite://{file}?mode=rwc"), clock).await;
    file
}

async fn postgres_template(binary: &Path, clock: &str) -> String {
    let admin = postgres_admin_url();
    let mut conn = sqlx::PgConnection::connect(&admin)
        .await
        .expect("an admin connection to PostgreSQL");
    let names: Vec<(String,)> =
        sqlx::query_as("SELECT datname FROM pg_database WHERE datname LIKE 'klasbrug_template_%'")
            .fetch_all(&mut conn)
            .await
            .expect("listing earlier templates");
    for name in stale(names.into_iter().map(|(name,)| name)) {
        let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
            .execute(&mut conn)
            .await;
    }
    let name = format!(
        "{PREFIX}{}_{}",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    );
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut conn)
        .await
        .expect("CREATE DATABASE for the demo template");
    seed(binary, &with_database(&admin, &name), clock).await;
    // Nobody connects to the template again (not even autovacuum), so a copy never finds it busy.
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false"
    )))
    .execute(&mut conn)
    .await
    .expect("closing the demo template to connections");
    let _ = conn.close().await;
    name
}

/// The entries among `names` that a process no longer running left behind.
fn stale(names: impl Iterator<Item = String>) -> Vec<String> {
    names
        .filter(|name| {
            let Some(rest) = name.strip_prefix(PREFIX) else {
                return false;
            };
            let pid = rest.split('_').next().unwrap_or_default();
            !pid.is_empty()
                && pid.chars().all(|c| c.is_ascii_digit())
                && pid != std::process::id().to_string()
                && !Path::new("/proc").join(pid).exists()
        })
        .collect()
}

/// Runs `klasbrug seed-demo` on `url` with the clock starting at `clock`.
async fn seed(binary: &Path, url: &str, clock: &str) {
    let output = tokio::process::Command::new(binary)
        .arg("seed-demo")
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", url)
        .env("KLASBRUG_CLOCK_START", clock)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .output()
        .await
        .unwrap_or_else(|e| panic!("could not start {}: {e}", binary.display()));
    assert!(
        output.status.success(),
        "seeding the demo template failed ({}):\n{}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn with_database(url: &str, name: &str) -> String {
    let base = url.rsplit_once('/').map_or(url, |(base, _)| base);
    format!("{base}/{name}")
}

fn database_name(url: &str) -> &str {
    url.rsplit_once('/').map_or(url, |(_, name)| name)
}

/// True when the database at `url` has no tables yet.
async fn postgres_is_empty(url: &str) -> bool {
    let mut conn = sqlx::PgConnection::connect(url)
        .await
        .expect("a connection to the test database");
    let (tables,): (i64,) = sqlx::query_as(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'",
    )
    .fetch_one(&mut conn)
    .await
    .expect("counting the tables");
    let _ = conn.close().await;
    tables == 0
}

/// Held while PostgreSQL copies a template in this process.
static COPYING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Replaces the (empty) database at `url` with a copy of `template`.
async fn postgres_copy(template: &str, url: &str) {
    let name = database_name(url);
    let mut conn = sqlx::PgConnection::connect(&postgres_admin_url())
        .await
        .expect("an admin connection to PostgreSQL");
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE {name} WITH (FORCE)"
    )))
    .execute(&mut conn)
    .await
    .expect("dropping the empty test database");
    // PostgreSQL refuses to copy a template while another session is connected to it, which
    // only another copy can be: the templates are this process's own, so copying one at a time
    // here is enough.
    let _one_at_a_time = COPYING.lock().await;
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "CREATE DATABASE {name} TEMPLATE {template}"
    )))
    .execute(&mut conn)
    .await
    .unwrap_or_else(|e| panic!("copying the demo template: {e}"));
    let _ = conn.close().await;
}
