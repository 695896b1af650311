//! Answers to POST requests sent with an `Idempotency-Key`, per caller and key, so a retry
//! replays the first answer instead of creating a second thing. Claiming a key is one insert
//! that either wins or finds the earlier request: two requests with one key at once never both
//! run.

use chrono::{DateTime, Duration, Utc};

use crate::{Store, StoreResult, with_pool};

/// How long an answer is kept and replayed.
pub const KEPT_FOR: Duration = Duration::hours(24);

/// How long a request may hold its key unanswered before a retry may take it over (the server
/// that held it stopped mid-request).
pub const ABANDONED_AFTER: Duration = Duration::minutes(5);

/// The answer kept for a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAnswer {
    /// The HTTP status.
    pub status: u16,
    /// Its `Content-Type`, if it had one.
    pub content_type: Option<String>,
    /// Its `Location`, if it had one.
    pub location: Option<String>,
    /// Its `ETag`, if it had one.
    pub etag: Option<String>,
    /// The body as sent.
    pub body: Vec<u8>,
}

/// What claiming a key found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// The key is this request's: handle it, then [`Store::keep_answer`] or
    /// [`Store::release_key`].
    Claimed,
    /// The same request was answered before: send this again.
    Answered(StoredAnswer),
    /// The key was used for a request with another method, path or body.
    OtherRequest,
    /// The first request with this key is still being handled.
    InProgress,
}

#[derive(sqlx::FromRow)]
struct Row {
    fingerprint: Vec<u8>,
    status: Option<i32>,
    content_type: Option<String>,
    location: Option<String>,
    etag: Option<String>,
    body: Option<Vec<u8>>,
}

impl Store {
    /// Claims `key` for `caller`'s request with `fingerprint` (a hash of what was asked), or
    /// finds what an earlier request with the key got. Keys older than [`KEPT_FOR`] are free
    /// again.
    pub async fn claim_idempotency_key(
        &self,
        caller: &str,
        key: &str,
        fingerprint: &[u8],
    ) -> StoreResult<Claim> {
        let now = self.now();
        // An expired answer, or a request abandoned unanswered, frees its key.
        let _freed = with_pool!(self, pool => {
            sqlx::query(
                "DELETE FROM idempotent_requests WHERE caller = $1 AND key = $2 \
                 AND (started_at <= $3 OR (status IS NULL AND started_at <= $4))",
            )
            .bind(caller.to_owned())
            .bind(key.to_owned())
            .bind(now - KEPT_FOR)
            .bind(now - ABANDONED_AFTER)
            .execute(pool)
            .await?
            .rows_affected()
        });
        let inserted = with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO idempotent_requests (caller, key, fingerprint, started_at) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (caller, key) DO NOTHING",
            )
            .bind(caller.to_owned())
            .bind(key.to_owned())
            .bind(fingerprint.to_vec())
            .bind(now)
            .execute(pool)
            .await?
            .rows_affected()
        });
        if inserted == 1 {
            return Ok(Claim::Claimed);
        }
        let row: Option<Row> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT fingerprint, status, content_type, location, etag, body \
                 FROM idempotent_requests WHERE caller = $1 AND key = $2",
            )
            .bind(caller.to_owned())
            .bind(key.to_owned())
            .fetch_optional(pool)
            .await?
        });
        Ok(match row {
            // Released between the insert and the read: the retry may go ahead next time.
            None => Claim::InProgress,
            Some(row) if row.fingerprint != fingerprint => Claim::OtherRequest,
            Some(Row {
                status: Some(status),
                content_type,
                location,
                etag,
                body,
                ..
            }) => Claim::Answered(StoredAnswer {
                status: u16::try_from(status).unwrap_or(500),
                content_type,
                location,
                etag,
                body: body.unwrap_or_default(),
            }),
            Some(_) => Claim::InProgress,
        })
    }

    /// Keeps the answer to the request that claimed `key`.
    pub async fn keep_answer(
        &self,
        caller: &str,
        key: &str,
        answer: &StoredAnswer,
    ) -> StoreResult<()> {
        let _kept = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE idempotent_requests SET status = $3, content_type = $4, location = $5, \
                 etag = $6, body = $7 WHERE caller = $1 AND key = $2",
            )
            .bind(caller.to_owned())
            .bind(key.to_owned())
            .bind(i32::from(answer.status))
            .bind(answer.content_type.clone())
            .bind(answer.location.clone())
            .bind(answer.etag.clone())
            .bind(answer.body.clone())
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(())
    }

    /// Frees `key` after its request failed in a way a retry may do better (a server error).
    pub async fn release_key(&self, caller: &str, key: &str) -> StoreResult<()> {
        let _freed = with_pool!(self, pool => {
            sqlx::query(
                "DELETE FROM idempotent_requests WHERE caller = $1 AND key = $2 AND status IS NULL",
            )
            .bind(caller.to_owned())
            .bind(key.to_owned())
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(())
    }

    /// Deletes answers kept longer than [`KEPT_FOR`] before `now`. Returns how many went.
    pub async fn purge_idempotent_requests(&self, now: DateTime<Utc>) -> StoreResult<u64> {
        let purged = with_pool!(self, pool => {
            sqlx::query("DELETE FROM idempotent_requests WHERE started_at <= $1")
                .bind(now - KEPT_FOR)
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(purged)
    }
}
