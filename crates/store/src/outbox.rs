//! The outbox: messages written in the transaction of the change that causes them, and handed
//! to a delivery worker that claims what is due for a while (a lease), sends it and marks it
//! sent, or schedules the next attempt, or gives up.
//!
//! Claiming takes rows with `FOR UPDATE SKIP LOCKED` on PostgreSQL, so two servers on one
//! database never claim the same row; SQLite has one writer, which serialises claims. A row
//! whose lease passed without an outcome (its server died) is due again.

use chrono::{DateTime, TimeDelta, Utc};
use domain::contract::{MessageQuery, MessageStatus, OutgoingMessage};
use uuid::Uuid;

use crate::{BackendKind, Store, StoreError, StoreResult, new_id, with_pool};

/// A file sent along with an e-mail, such as an iCalendar invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// Its file name, such as `kennismaking.ics`.
    pub name: String,
    /// Its media type, such as `text/calendar; method=REQUEST`.
    pub content_type: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// An e-mail to put in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEmail {
    /// What kind of message it is, such as `employer.invitation`.
    pub kind: &'static str,
    /// The address.
    pub to: String,
    /// The subject line.
    pub subject: String,
    /// The plain-text body.
    pub text: String,
    /// The HTML body, if there is one.
    pub html: Option<String>,
    /// A file to send along.
    pub attachment: Option<Attachment>,
}

/// A message a worker claimed and now delivers.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxMessage {
    /// Its id.
    pub id: Uuid,
    /// `email` or `webhook`.
    pub channel: String,
    /// What kind of message it is.
    pub kind: String,
    /// The address.
    pub recipient: String,
    /// The subject line.
    pub subject: String,
    /// The plain-text body.
    pub body_text: String,
    /// The HTML body.
    pub body_html: Option<String>,
    /// The attachment's file name.
    pub attachment_name: Option<String>,
    /// The attachment's media type.
    pub attachment_type: Option<String>,
    /// The attachment's bytes.
    pub attachment: Option<Vec<u8>>,
    /// How many times delivery was attempted, this one included.
    pub attempts: i32,
    /// When it was written.
    pub created_at: DateTime<Utc>,
    /// The webhook endpoint a delivery goes to.
    pub endpoint_id: Option<Uuid>,
}

impl OutboxMessage {
    /// The attachment, when the message has one.
    pub fn attachment(&self) -> Option<Attachment> {
        Some(Attachment {
            name: self.attachment_name.clone()?,
            content_type: self.attachment_type.clone()?,
            bytes: self.attachment.clone()?,
        })
    }
}

/// How many messages are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    /// Waiting for their first or next attempt, or being delivered.
    pub waiting: i64,
    /// Delivered.
    pub sent: i64,
    /// Given up on.
    pub failed: i64,
}

/// How many messages of one channel wait or failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxBacklog {
    /// `email` or `webhook`.
    pub channel: String,
    /// `waiting` (pending or being delivered) or `failed`.
    pub state: String,
    /// How many.
    pub count: i64,
}

/// A message as staff see it: everything but its body and attachment.
#[derive(sqlx::FromRow)]
struct ListedRow {
    id: Uuid,
    channel: String,
    kind: String,
    recipient: String,
    subject: String,
    status: String,
    attempts: i32,
    last_error: Option<String>,
    created_at: DateTime<Utc>,
    sent_at: Option<DateTime<Utc>>,
    next_attempt_at: DateTime<Utc>,
}

impl TryFrom<ListedRow> for OutgoingMessage {
    type Error = StoreError;

    fn try_from(row: ListedRow) -> StoreResult<Self> {
        let status = message_status(&row.status)?;
        Ok(OutgoingMessage {
            id: row.id,
            channel: row.channel,
            kind: row.kind,
            recipient: row.recipient,
            subject: row.subject,
            status,
            attempts: row.attempts,
            last_error: row.last_error,
            created_at: row.created_at,
            sent_at: row.sent_at,
            next_attempt_at: (status == MessageStatus::Waiting).then_some(row.next_attempt_at),
        })
    }
}

/// A row's status as people see it: pending and sending both wait.
pub(crate) fn message_status(text: &str) -> StoreResult<MessageStatus> {
    Ok(match text {
        "pending" | "sending" => MessageStatus::Waiting,
        "sent" => MessageStatus::Sent,
        "failed" => MessageStatus::Failed,
        other => return Err(StoreError::Corrupt(format!("outbox status '{other}'"))),
    })
}

const LISTED_COLUMNS: &str = "id, channel, kind, recipient, subject, status, attempts, \
     last_error, created_at, sent_at, next_attempt_at";

const COLUMNS: &str = "id, channel, kind, recipient, subject, body_text, body_html, \
     attachment_name, attachment_type, attachment, attempts, created_at, endpoint_id";

impl Store {
    /// Writes `email` to the outbox, due at once. Call it on the [`crate::Tx`] of the change
    /// that causes it: the message exists exactly when the change does.
    pub async fn enqueue_email(&self, email: &NewEmail) -> StoreResult<Uuid> {
        let id = new_id();
        let at = self.now();
        let attachment = email.attachment.as_ref();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO outbox (id, channel, kind, recipient, subject, body_text, body_html, \
                 attachment_name, attachment_type, attachment, status, attempts, next_attempt_at, \
                 created_at) VALUES ($1, 'email', $2, $3, $4, $5, $6, $7, $8, $9, 'pending', 0, $10, $10)",
            )
            .bind(id)
            .bind(email.kind)
            .bind(&email.to)
            .bind(&email.subject)
            .bind(&email.text)
            .bind(email.html.as_deref())
            .bind(attachment.map(|a| a.name.as_str()))
            .bind(attachment.map(|a| a.content_type.as_str()))
            .bind(attachment.map(|a| a.bytes.as_slice()))
            .bind(at)
            .execute(pool)
            .await?;
        });
        Ok(id)
    }

    /// Claims up to `limit` due messages of `channel` (`email`, `webhook`) for `worker` for
    /// `lease`: pending ones whose attempt is due, and ones whose previous lease passed without
    /// an outcome. Oldest due first. Each claim counts as an attempt.
    pub async fn claim_due_messages(
        &self,
        channel: &str,
        worker: Uuid,
        limit: u32,
        lease: TimeDelta,
    ) -> StoreResult<Vec<OutboxMessage>> {
        let now = self.now();
        let skip_locked = match self.backend() {
            BackendKind::Postgres => " FOR UPDATE SKIP LOCKED",
            BackendKind::Sqlite => "",
        };
        let sql = format!(
            "UPDATE outbox SET status = 'sending', claimed_by = $1, claimed_until = $2, \
             attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM outbox \
                 WHERE channel = $5 AND ((status = 'pending' AND next_attempt_at <= $3) \
                    OR (status = 'sending' AND claimed_until <= $3)) \
                 ORDER BY next_attempt_at, id LIMIT $4{skip_locked}) \
             RETURNING {COLUMNS}"
        );
        let mut claimed: Vec<OutboxMessage> = with_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(worker)
                .bind(now + lease)
                .bind(now)
                .bind(i64::from(limit))
                .bind(channel)
                .fetch_all(pool)
                .await?
        });
        claimed.sort_by_key(|m| (m.created_at, m.id));
        Ok(claimed)
    }

    /// Marks a claimed message delivered. `false` when `worker` no longer holds it (its lease
    /// passed and another worker took it over).
    pub async fn mark_message_sent(&self, id: Uuid, worker: Uuid) -> StoreResult<bool> {
        let at = self.now();
        let done = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE outbox SET status = 'sent', sent_at = $1, claimed_by = NULL, \
                 claimed_until = NULL, last_error = NULL \
                 WHERE id = $2 AND claimed_by = $3 AND status = 'sending'",
            )
            .bind(at)
            .bind(id)
            .bind(worker)
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(done == 1)
    }

    /// Records a failed attempt of a claimed message: tried again at `retry_at`, or, without
    /// one, given up on for good.
    pub async fn mark_message_attempt_failed(
        &self,
        id: Uuid,
        worker: Uuid,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> StoreResult<bool> {
        let done = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE outbox SET status = CASE WHEN $1 THEN 'pending' ELSE 'failed' END, \
                 next_attempt_at = COALESCE($2, next_attempt_at), last_error = $3, \
                 claimed_by = NULL, claimed_until = NULL \
                 WHERE id = $4 AND claimed_by = $5 AND status = 'sending'",
            )
            .bind(retry_at.is_some())
            .bind(retry_at)
            .bind(error)
            .bind(id)
            .bind(worker)
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(done == 1)
    }

    /// How many messages wait, were sent and failed.
    pub async fn count_outbox(&self) -> StoreResult<OutboxCounts> {
        let rows: Vec<(String, i64)> = with_pool!(self, pool => {
            sqlx::query_as("SELECT status, COUNT(*) FROM outbox GROUP BY status")
                .fetch_all(pool)
                .await?
        });
        let mut counts = OutboxCounts::default();
        for (status, n) in rows {
            match status.as_str() {
                "sent" => counts.sent += n,
                "failed" => counts.failed += n,
                _ => counts.waiting += n,
            }
        }
        Ok(counts)
    }

    /// Messages not yet delivered per channel (`email`, `webhook`): waiting (or being delivered)
    /// and given up on, for the metrics.
    pub async fn outbox_backlog(&self) -> StoreResult<Vec<OutboxBacklog>> {
        let rows: Vec<(String, String, i64)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT channel, CASE WHEN status = 'failed' THEN 'failed' ELSE 'waiting' END AS state, \
                 COUNT(*) FROM outbox WHERE status <> 'sent' GROUP BY channel, state ORDER BY channel, state",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(channel, state, count)| OutboxBacklog {
                channel,
                state,
                count,
            })
            .collect())
    }

    /// When the next message of `channel` is due, if any waits.
    pub async fn next_message_due(&self, channel: &str) -> StoreResult<Option<DateTime<Utc>>> {
        let due: Option<DateTime<Utc>> = with_pool!(self, pool => {
            sqlx::query_scalar(
                "SELECT MIN(CASE WHEN status = 'sending' THEN claimed_until ELSE next_attempt_at END) \
                 FROM outbox WHERE status IN ('pending', 'sending') AND channel = $1",
            )
            .bind(channel)
            .fetch_one(pool)
            .await?
        });
        Ok(due)
    }

    /// A page of messages, newest first, after the message `after`, with `filter`'s filters.
    pub async fn list_messages(
        &self,
        filter: &MessageQuery,
        after: Option<Uuid>,
        limit: u32,
    ) -> StoreResult<Vec<OutgoingMessage>> {
        let rows: Vec<ListedRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new("SELECT ");
            query.push(LISTED_COLUMNS).push(" FROM outbox WHERE 1 = 1");
            if let Some(after) = after {
                // Ids are UUIDv7, so a smaller id is an older message.
                query.push(" AND id < ").push_bind(after);
            }
            if let Some(status) = filter.status {
                query.push(match status {
                    MessageStatus::Waiting => " AND status IN ('pending', 'sending')",
                    MessageStatus::Sent => " AND status = 'sent'",
                    MessageStatus::Failed => " AND status = 'failed'",
                });
            }
            if let Some(text) = filter.recipient.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                let pattern = format!("%{}%", text.to_lowercase().replace(['%', '_'], ""));
                query.push(" AND LOWER(recipient) LIKE ").push_bind(pattern);
            }
            query.push(" ORDER BY id DESC LIMIT ").push_bind(i64::from(limit));
            query.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter().map(OutgoingMessage::try_from).collect()
    }

    /// One message, without its body.
    pub async fn get_message(&self, id: Uuid) -> StoreResult<OutgoingMessage> {
        let sql = format!("SELECT {LISTED_COLUMNS} FROM outbox WHERE id = $1");
        let row: ListedRow = with_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(pool).await?
        });
        row.try_into()
    }

    /// Puts a failed message back in the queue: pending, due now, its attempts counted afresh.
    /// `false` when it is not failed (it waits, was sent, or another caller retried it first);
    /// the status guard in the one statement decides which of two callers at once wins.
    pub async fn retry_message(&self, id: Uuid) -> StoreResult<bool> {
        let now = self.now();
        let done = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = $1, \
                 claimed_by = NULL, claimed_until = NULL \
                 WHERE id = $2 AND status = 'failed'",
            )
            .bind(now)
            .bind(id)
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(done == 1)
    }
}
