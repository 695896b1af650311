//! Klasbrug's persistence: one interface over two sqlx backends.
//!
//! `DATABASE_URL` picks the backend by scheme: `sqlite:` for the embedded default, `postgres:`
//! for production. Both run the same SQL text wherever the dialects agree (runtime queries with
//! `$1` placeholders, which SQLite accepts too); each has its own migration history.
//!
//! A resource lives in a file of its own; every public method takes plain values and returns
//! domain types or records, and knows nothing of HTTP.

mod allowances;
mod ambassadors;
mod applications;
mod audit;
mod capacities;
mod clock;
mod dashboard;
mod error;
mod frameworks;
mod holidays;
mod hours;
mod hours_policies;
pub mod idempotency;
mod lesson_schedule;
mod lesson_series;
mod locks;
mod login_failures;
mod mail_preferences;
mod matches;
mod matching_runs;
mod mine;
mod organisations;
mod outbox;
mod partner_clients;
mod password_resets;
mod payout_files;
mod placements;
mod privacy_requests;
mod refresh_tokens;
mod reminders;
mod research;
mod retention;
mod sensitive_reads;
mod sponsorship;
mod team;
mod training;
mod users;
mod webhooks;

use chrono::{DateTime, SubsecRound, Utc};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use sqlx::{PgPool, SqlitePool};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Mutex;

pub use allowances::MonthHours;
pub use ambassadors::{Actor, Document, facts as vog_facts};
pub use applications::{NewApplication, PartnerSubmission, PendingApplication};
pub use audit::NewAuditEntry;
pub use clock::Clock;
pub use dashboard::{
    CapacityFacts, DashboardFilter, EmployerMinutes, MatchFunnel, MonthAllowances, MonthMinutes,
    SpotCount, StatusDays, TrainingCount,
};
pub use error::StoreError;
pub use hours::{HourFilter, NewHourEntry};
pub use lesson_schedule::FeedSubject;
pub use lesson_series::NewComment;
pub use locks::Lock;
pub use login_failures::FailureCount;
pub use mail_preferences::DigestItem;
pub use matches::{MatchUpdate, NewMatch};
pub use matching_runs::{MatchingInput, NewRun};
pub use organisations::{NewOrganisation, OrganisationFilter};
pub use outbox::{Attachment, NewEmail, OutboxBacklog, OutboxCounts, OutboxMessage};
pub use partner_clients::{NewPartnerClient, PartnerClientRecord};
pub use password_resets::PasswordResetRecord;
pub use payout_files::{NewPayoutFile, StoredPayoutFile, UnfiledLine};
pub use privacy_requests::{NewPrivacyRequest, PrivacyRequestChange};
pub use refresh_tokens::{RefreshOutcome, RefreshTokenRecord};
pub use research::{
    ResearchAmbassadorRow, ResearchAttendanceRow, ResearchHoursRow, ResearchMatchRow,
    ResearchPlacementRow, ResearchSeriesRow, new_export_id,
};
pub use retention::{BulkRecords, PersonCandidate};
pub use sensitive_reads::ReadOf;
pub use sponsorship::{InvitationRecord, NewEmployer};
pub use team::TeamInvitationRecord;
pub use training::LapsedOffer;
pub use users::{MembershipRecord, NewUser, UserRecord};
pub use webhooks::{EndpointFields, Subscriber, WebhookTarget};

/// A connection pool's use, for the metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolStats {
    /// Connections open, idle or in use.
    pub open: u32,
    /// Open connections not in use.
    pub idle: u32,
    /// The most it may open.
    pub max: u32,
}

/// The result of a store operation.
pub type StoreResult<T> = Result<T, StoreError>;

/// The application's database, whichever backend it is.
#[derive(Clone, Debug)]
pub struct Store {
    pool: Pool,
    clock: Clock,
}

#[derive(Clone, Debug)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
    /// A transaction begun on SQLite: every method of a [`Tx`] runs inside it.
    SqliteTx(SharedTx<sqlx::Sqlite>),
    /// A transaction begun on PostgreSQL.
    PostgresTx(SharedTx<sqlx::Postgres>),
}

/// An open transaction, shared by the methods a [`Tx`] runs one after the other.
type SharedTx<DB> = Arc<Mutex<sqlx::Transaction<'static, DB>>>;

/// Runs the same code against whichever backend the store holds, with `$conn` bound to one
/// connection: a connection from the pool for a plain store, or the open transaction's for a
/// [`Tx`]. The body is compiled once per backend, so the SQL text is shared and each backend's
/// types are checked. A body that runs several statements passes `&mut *$conn` to each.
macro_rules! with_pool {
    ($store:expr, $conn:ident => $body:expr) => {
        match &$store.pool {
            $crate::Pool::Sqlite(pool) => {
                let mut connection = pool.acquire().await?;
                let $conn = &mut *connection;
                #[allow(unused_imports)]
                use sqlx::Connection as _;
                $body
            }
            $crate::Pool::Postgres(pool) => {
                let mut connection = pool.acquire().await?;
                let $conn = &mut *connection;
                #[allow(unused_imports)]
                use sqlx::Connection as _;
                $body
            }
            $crate::Pool::SqliteTx(tx) => {
                let mut guard = tx.lock().await;
                let $conn = &mut **guard;
                #[allow(unused_imports)]
                use sqlx::Connection as _;
                $body
            }
            $crate::Pool::PostgresTx(tx) => {
                let mut guard = tx.lock().await;
                let $conn = &mut **guard;
                #[allow(unused_imports)]
                use sqlx::Connection as _;
                $body
            }
        }
    };
}
pub(crate) use with_pool;

/// The statuses in which an ambassador is placed: both sides confirmed, or already at school.
macro_rules! placed_statuses {
    () => {
        "('confirmed', 'active')"
    };
}
pub(crate) use placed_statuses;

/// The statuses in which a match holds the ambassador and a place in the placement.
macro_rules! live_statuses {
    () => {
        "('proposed', 'meeting_planned', 'confirmed', 'active')"
    };
}
pub(crate) use live_statuses;

/// Places left in placement `p`: its capacity minus its live matches.
macro_rules! placement_room {
    () => {
        concat!(
            "p.capacity - (SELECT COUNT(*) FROM matches m WHERE m.placement_id = p.id AND m.status IN ",
            $crate::live_statuses!(),
            ")"
        )
    };
}
pub(crate) use placement_room;

/// Which database engine a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackendKind {
    /// Embedded SQLite.
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

/// How many connections a pool may open unless told otherwise. A request holds its connection
/// only while its query runs; with fewer connections than requests in flight, PostgreSQL sat
/// idle while requests queued for a connection (11% idle at 16, 4% at 32, in the benchmark).
pub const DEFAULT_MAX_CONNECTIONS: u32 = 32;

impl Store {
    /// Connects to `url` (`sqlite:…` or `postgres:…`) with the default pool size. Does not
    /// migrate.
    pub async fn connect(url: &str) -> StoreResult<Self> {
        Self::connect_with(url, DEFAULT_MAX_CONNECTIONS).await
    }

    /// Connects to `url` with a pool of at most `max_connections`. Does not migrate.
    pub async fn connect_with(url: &str, max_connections: u32) -> StoreResult<Self> {
        let pool = if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)
                .map_err(|e| {
                    StoreError::Config(format!("DATABASE_URL is not a valid SQLite URL: {e}"))
                })?
                .journal_mode(SqliteJournalMode::Wal)
                .busy_timeout(Duration::from_secs(5))
                .foreign_keys(true);
            Pool::Sqlite(
                SqlitePoolOptions::new()
                    .max_connections(max_connections)
                    .connect_with(options)
                    .await?,
            )
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let options = PgConnectOptions::from_str(url).map_err(|e| {
                StoreError::Config(format!("DATABASE_URL is not a valid PostgreSQL URL: {e}"))
            })?;
            Pool::Postgres(
                PgPoolOptions::new()
                    .max_connections(max_connections)
                    // A ping before every use doubles the round trips of a request; a broken
                    // connection shows up as an error on use and is replaced by the pool.
                    .test_before_acquire(false)
                    .acquire_timeout(Duration::from_secs(5))
                    .connect_with(options)
                    .await?,
            )
        } else {
            return Err(StoreError::Config(
                "DATABASE_URL must start with sqlite: or postgres:".to_owned(),
            ));
        };
        Ok(Self {
            pool,
            clock: Clock::system(),
        })
    }

    /// The connection pool's use right now: open connections, idle ones, and the maximum.
    /// Inside a transaction there is no pool to count: all zero.
    pub fn pool_stats(&self) -> PoolStats {
        let (size, idle, max) = match &self.pool {
            Pool::Sqlite(pool) => (
                pool.size(),
                pool.num_idle(),
                pool.options().get_max_connections(),
            ),
            Pool::Postgres(pool) => (
                pool.size(),
                pool.num_idle(),
                pool.options().get_max_connections(),
            ),
            Pool::SqliteTx(_) | Pool::PostgresTx(_) => (0, 0, 0),
        };
        PoolStats {
            open: size,
            idle: u32::try_from(idle).unwrap_or(u32::MAX),
            max,
        }
    }

    /// This store, reading "now" from `clock` for every instant it records (creation and
    /// decision times, the audit log), so they agree with the dates the rules were applied on.
    /// Session lifetimes and login attempts stay on the system's time, like the tokens' expiry.
    #[must_use]
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// The application's now, at the precision both backends store.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Connects with the default pool size and brings the schema up to date.
    pub async fn connect_and_migrate(url: &str) -> StoreResult<Self> {
        let store = Self::connect(url).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Applies every migration not yet applied. Forward only.
    pub async fn migrate(&self) -> StoreResult<()> {
        match &self.pool {
            Pool::Sqlite(pool) => sqlx::migrate!("../../migrations/sqlite").run(pool).await?,
            Pool::Postgres(pool) => {
                sqlx::migrate!("../../migrations/postgres")
                    .run(pool)
                    .await?
            }
            Pool::SqliteTx(_) | Pool::PostgresTx(_) => {
                return Err(StoreError::Config(
                    "migrations run on the store, not inside a transaction".into(),
                ));
            }
        }
        Ok(())
    }

    /// Which engine this store runs on.
    pub fn backend(&self) -> BackendKind {
        match self.pool {
            Pool::Sqlite(_) | Pool::SqliteTx(_) => BackendKind::Sqlite,
            Pool::Postgres(_) | Pool::PostgresTx(_) => BackendKind::Postgres,
        }
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query("SELECT 1").execute(pool).await?;
        });
        Ok(())
    }

    /// Closes every connection. A transaction's store has none of its own to close.
    pub async fn close(&self) {
        match &self.pool {
            Pool::Sqlite(pool) => pool.close().await,
            Pool::Postgres(pool) => pool.close().await,
            Pool::SqliteTx(_) | Pool::PostgresTx(_) => {}
        }
    }

    /// Begins a transaction: every method called on the returned [`Tx`] runs inside it, and
    /// nothing is visible to others until [`Tx::commit`]. Dropping it uncommitted rolls back.
    ///
    /// On SQLite the transaction takes the database's write lock at once (`BEGIN IMMEDIATE`),
    /// so two transactions that read and then write are serialised instead of failing at the
    /// write; on PostgreSQL it runs at READ COMMITTED and a use case locks the rows it decides
    /// on with the `lock_*` methods, which are no-ops on SQLite for that reason.
    pub async fn transaction(&self) -> StoreResult<Tx> {
        let pool = match &self.pool {
            Pool::Sqlite(pool) => Pool::SqliteTx(Arc::new(Mutex::new(
                pool.begin_with("BEGIN IMMEDIATE").await?,
            ))),
            Pool::Postgres(pool) => Pool::PostgresTx(Arc::new(Mutex::new(pool.begin().await?))),
            Pool::SqliteTx(_) | Pool::PostgresTx(_) => {
                return Err(StoreError::Config(
                    "a transaction cannot begin inside another: pass the Tx along instead".into(),
                ));
            }
        };
        Ok(Tx {
            store: Store {
                pool,
                clock: self.clock,
            },
        })
    }
}

/// A store whose every method runs inside one database transaction; see
/// [`Store::transaction`]. Derefs to [`Store`], so a use case calls the same methods on it.
#[derive(Debug)]
pub struct Tx {
    store: Store,
}

impl std::ops::Deref for Tx {
    type Target = Store;

    fn deref(&self) -> &Store {
        &self.store
    }
}

impl Tx {
    /// Makes every write of the transaction durable and visible at once.
    pub async fn commit(self) -> StoreResult<()> {
        match self.store.pool {
            Pool::SqliteTx(tx) => unshare(tx)?.commit().await?,
            Pool::PostgresTx(tx) => unshare(tx)?.commit().await?,
            Pool::Sqlite(_) | Pool::Postgres(_) => {}
        }
        Ok(())
    }
}

/// The transaction itself, once no method holds it any more.
fn unshare<DB: sqlx::Database>(tx: SharedTx<DB>) -> StoreResult<sqlx::Transaction<'static, DB>> {
    Arc::try_unwrap(tx).map(Mutex::into_inner).map_err(|_| {
        StoreError::Config("a transaction was committed while a copy of it was still held".into())
    })
}

/// The current instant, at the microsecond precision both backends store, so that what is
/// written compares equal to what is read back.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// A new time-ordered identifier.
pub(crate) fn new_id() -> uuid::Uuid {
    uuid::Uuid::now_v7()
}
