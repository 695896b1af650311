//! Failed logins, kept to slow down password guessing across every server instance.

use chrono::{DateTime, Utc};

use crate::{Store, StoreResult, new_id, now, with_pool};

impl Store {
    /// Records one failed login for an address (lower-cased e-mail) from a network address.
    pub async fn record_login_failure(&self, email: &str, address: &str) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query("INSERT INTO login_failures (id, email, address, failed_at) VALUES ($1, $2, $3, $4)")
                .bind(new_id())
                .bind(email.to_owned())
                .bind(address.to_owned())
                .bind(now())
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Failed logins since `since`: (for this e-mail, from this address), each with the time
    /// of the oldest one counted, so the caller can say when to retry.
    pub async fn login_failures_since(
        &self,
        email: &str,
        address: &str,
        since: DateTime<Utc>,
    ) -> StoreResult<(FailureCount, FailureCount)> {
        let by_email: (i64, Option<DateTime<Utc>>) = with_pool!(self, pool => {
            sqlx::query_as("SELECT COUNT(*), MIN(failed_at) FROM login_failures WHERE email = $1 AND failed_at > $2")
                .bind(email.to_owned())
                .bind(since)
                .fetch_one(pool)
                .await?
        });
        let by_address: (i64, Option<DateTime<Utc>>) = with_pool!(self, pool => {
            sqlx::query_as("SELECT COUNT(*), MIN(failed_at) FROM login_failures WHERE address = $1 AND failed_at > $2")
                .bind(address.to_owned())
                .bind(since)
                .fetch_one(pool)
                .await?
        });
        Ok((FailureCount::from(by_email), FailureCount::from(by_address)))
    }

    /// Forgets the failures of an account after a successful login, and every failure older
    /// than `before` (they no longer count).
    pub async fn clear_login_failures(
        &self,
        email: &str,
        before: DateTime<Utc>,
    ) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query("DELETE FROM login_failures WHERE email = $1 OR failed_at < $2")
                .bind(email.to_owned())
                .bind(before)
                .execute(pool)
                .await?;
        });
        Ok(())
    }
}

/// How many failures were counted, and when the oldest of them happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailureCount {
    /// Failures in the window.
    pub count: i64,
    /// The oldest failure in the window.
    pub oldest: Option<DateTime<Utc>>,
}

impl From<(i64, Option<DateTime<Utc>>)> for FailureCount {
    fn from((count, oldest): (i64, Option<DateTime<Utc>>)) -> Self {
        Self { count, oldest }
    }
}
