#![allow(clippy::expect_used, clippy::unwrap_used)] // test support: a failed set-up should fail the test loudly
//! Real parts for tests: a fresh database per test, and the real `klasbrug` binary serving it.
//!
//! Every test gets its own database: a temporary SQLite file, or a uniquely named PostgreSQL
//! database that is dropped afterwards. PostgreSQL is found through `KLASBRUG_TEST_POSTGRES_URL`
//! (default `postgres://postgres@127.0.0.1:5432/postgres`); when it is unreachable the test fails
//! with a message saying so. It is never skipped silently.

mod database;
pub mod mail;
mod server;
pub mod smtp;
mod template;
pub mod webhook;

pub use database::{Backend, TestDatabase, TestDatabaseRef};
pub use server::TestServer;

/// The instant at which every test server's clock starts (`KLASBRUG_CLOCK_START`), so a test
/// means the same on any real date: a Thursday in the 2026-2027 school year, after the demo's
/// October and November hours. A test that needs another day gives its own.
pub const CLOCK_START: &str = "2026-12-03T09:00:00Z";

/// The Amsterdam date of [`CLOCK_START`]: "today" for a test.
pub const TODAY: &str = "2026-12-03";

/// Runs `body` once per backend, each on a fresh database that is dropped afterwards even when
/// the body panics; the panic is then re-raised so the test fails.
#[macro_export]
macro_rules! on_both_backends {
    ($( $(#[$meta:meta])* async fn $name:ident($db:ident) $body:block )+) => {
        mod sqlite {
            #[allow(unused_imports)]
            use super::*;
            $(
                $(#[$meta])*
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    $crate::TestDatabase::run($crate::Backend::Sqlite, |$db| async move $body).await
                }
            )+
        }
        mod postgres {
            #[allow(unused_imports)]
            use super::*;
            $(
                $(#[$meta])*
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    $crate::TestDatabase::run($crate::Backend::Postgres, |$db| async move $body).await
                }
            )+
        }
    };
}
