//! Attempt counters that slow down guessing (logins) and mass sign-ups, kept in the database so
//! every server instance sees the same counts. (The file keeps its old name; failed logins were
//! once counted here after the fact, which parallel requests could outrun.)
//!
//! A counter is a fixed window per key: the first attempt opens it, each attempt claims one
//! more, and the claim is one conditional upsert, so two parallel requests can never both take
//! the last slot.

use chrono::{DateTime, Utc};

use crate::{Store, StoreResult, now, with_pool};

impl Store {
    /// Claims one attempt under `key`: at most `limit` per window of `window` length. `None` when
    /// the attempt is claimed; otherwise the full count, whose `oldest` is when the window
    /// opened, so the caller can say when to retry.
    pub async fn claim_attempt(
        &self,
        key: &str,
        limit: i64,
        window: chrono::Duration,
    ) -> StoreResult<Option<FailureCount>> {
        let at = now();
        let claimed: Option<i64> = with_pool!(self, pool => {
            sqlx::query_scalar(
                "INSERT INTO rate_limits (key, window_started_at, attempts) VALUES ($1, $2, 1) \
                 ON CONFLICT (key) DO UPDATE SET \
                   attempts = CASE WHEN rate_limits.window_started_at <= $3 THEN 1 \
                                   ELSE rate_limits.attempts + 1 END, \
                   window_started_at = CASE WHEN rate_limits.window_started_at <= $3 THEN $2 \
                                            ELSE rate_limits.window_started_at END \
                 WHERE rate_limits.window_started_at <= $3 OR rate_limits.attempts < $4 \
                 RETURNING attempts",
            )
            .bind(key.to_owned())
            .bind(at)
            .bind(at - window)
            .bind(limit)
            .fetch_optional(pool)
            .await?
        });
        if claimed.is_some() {
            return Ok(None);
        }
        let row: Option<(i64, DateTime<Utc>)> = with_pool!(self, pool => {
            sqlx::query_as("SELECT attempts, window_started_at FROM rate_limits WHERE key = $1")
                .bind(key.to_owned())
                .fetch_optional(pool)
                .await?
        });
        Ok(Some(match row {
            Some((count, opened)) => FailureCount {
                count,
                oldest: Some(opened),
            },
            None => FailureCount {
                count: limit,
                oldest: Some(at),
            },
        }))
    }

    /// Gives back an attempt claimed under `key` (a login that turned out right should not
    /// count against the person), and forgets windows that closed before `before`.
    pub async fn release_attempt(&self, key: &str, before: DateTime<Utc>) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query("UPDATE rate_limits SET attempts = attempts - 1 WHERE key = $1 AND attempts > 0")
                .bind(key.to_owned())
                .execute(&mut *pool)
                .await?;
            sqlx::query("DELETE FROM rate_limits WHERE window_started_at < $1")
                .bind(before)
                .execute(pool)
                .await?;
        });
        Ok(())
    }
}

/// How many attempts were counted, and when the window they count in opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailureCount {
    /// Attempts in the window.
    pub count: i64,
    /// When the window opened.
    pub oldest: Option<DateTime<Utc>>,
}

impl From<(i64, Option<DateTime<Utc>>)> for FailureCount {
    fn from((count, oldest): (i64, Option<DateTime<Utc>>)) -> Self {
        Self { count, oldest }
    }
}
