//! Fresh databases.

use std::future::Future;

use sqlx::Connection;

/// Which database engine a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Backend {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// A database that exists for one test.
pub struct TestDatabase {
    /// The connection URL to hand to the code under test.
    pub url: String,
    /// Which engine it is.
    pub backend: Backend,
    /// For SQLite: the folder holding the file, removed when dropped.
    _dir: Option<tempfile::TempDir>,
    /// For PostgreSQL: the database's name, dropped by `drop_database`.
    pg_name: Option<String>,
}

pub(crate) fn postgres_admin_url() -> String {
    std::env::var("KLASBRUG_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

impl TestDatabase {
    /// Creates an empty database.
    pub async fn create(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("a temporary folder for the SQLite file");
                let url = format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display());
                Self {
                    url,
                    backend,
                    _dir: Some(dir),
                    pg_name: None,
                }
            }
            Backend::Postgres => {
                let admin = postgres_admin_url();
                let name = format!("klasbrug_test_{}", uuid::Uuid::new_v4().simple());
                let mut conn = sqlx::PgConnection::connect(&admin)
                    .await
                    .unwrap_or_else(|e| {
                        panic!(
                            "PostgreSQL is needed for this test but {admin} is unreachable ({e}). \
                         Start it (pg_ctlcluster 15 main start) or set KLASBRUG_TEST_POSTGRES_URL."
                        )
                    });
                sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut conn)
                    .await
                    .expect("CREATE DATABASE for the test");
                let _ = conn.close().await;
                let base = admin
                    .rsplit_once('/')
                    .map_or(admin.as_str(), |(base, _)| base);
                let url = format!("{base}/{name}");
                Self {
                    url,
                    backend,
                    _dir: None,
                    pg_name: Some(name),
                }
            }
        }
    }

    /// Removes the database. The SQLite folder goes when `self` is dropped.
    pub async fn drop_database(self) {
        if let Some(name) = &self.pg_name {
            let admin = postgres_admin_url();
            if let Ok(mut conn) = sqlx::PgConnection::connect(&admin).await {
                let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                if let Err(e) = sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                    .execute(&mut conn)
                    .await
                {
                    eprintln!("could not drop test database {name}: {e}");
                }
                let _ = conn.close().await;
            }
        }
    }

    /// Runs `body` on a fresh database of `backend`, drops the database, then re-raises any
    /// panic of the body so that the test fails after cleaning up.
    pub async fn run<F, Fut>(backend: Backend, body: F)
    where
        F: FnOnce(TestDatabaseRef) -> Fut,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let db = Self::create(backend).await;
        let handle = tokio::spawn(body(TestDatabaseRef {
            url: db.url.clone(),
            backend,
        }));
        let outcome = handle.await;
        db.drop_database().await;
        if let Err(e) = outcome {
            if e.is_panic() {
                std::panic::resume_unwind(e.into_panic());
            }
            panic!("test task failed: {e}");
        }
    }
}

/// What a test body gets: where its database is.
#[derive(Debug, Clone)]
pub struct TestDatabaseRef {
    /// The connection URL.
    pub url: String,
    /// Which engine it is.
    pub backend: Backend,
}

impl TestDatabaseRef {
    /// PostgreSQL only: drops the database under a running server, ending its connections, as
    /// if the database had gone away. `TestDatabase::run` still cleans up afterwards.
    pub async fn make_unreachable(&self) {
        assert_eq!(
            self.backend,
            Backend::Postgres,
            "only a PostgreSQL database can be taken away from a running server"
        );
        let name = self
            .url
            .rsplit_once('/')
            .map(|(_, name)| name.to_owned())
            .expect("a database name in the URL");
        let mut conn = sqlx::PgConnection::connect(&postgres_admin_url())
            .await
            .expect("an admin connection");
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE {name} WITH (FORCE)"
        )))
        .execute(&mut conn)
        .await
        .expect("DROP DATABASE under the server");
        let _ = conn.close().await;
    }
}
