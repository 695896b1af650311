//! Webhook endpoints of partner clients, and their deliveries: outbox rows of channel
//! `webhook` that name their endpoint. Everything a partner reads or changes here is narrowed to
//! its own client: another client's endpoint is `NotFound`, as if it did not exist.

use chrono::{DateTime, Utc};
use domain::Scopes;
use domain::contract::message::MessageStatus;
use domain::contract::{WebhookDelivery, WebhookEndpoint};
use domain::webhook::WebhookEvent;
use uuid::Uuid;

use crate::{Store, StoreError, StoreResult, new_id, with_pool};

/// An endpoint's fields as a partner sets them.
#[derive(Debug, Clone)]
pub struct EndpointFields<'a> {
    /// Where deliveries go.
    pub url: &'a str,
    /// The event types, sorted and without repeats.
    pub events: &'a [WebhookEvent],
    /// A note for people.
    pub description: Option<&'a str>,
}

/// An endpoint that wants an event, with what its client may read.
#[derive(Debug, Clone)]
pub struct Subscriber {
    /// The endpoint.
    pub endpoint_id: Uuid,
    /// Its URL, as it was when the event happened.
    pub url: String,
    /// The partner client that registered it.
    pub client_id: Uuid,
    /// The partner organisation of that client.
    pub organisation_id: Uuid,
    /// The client's scopes now.
    pub scopes: Scopes,
}

/// Where a delivery goes and how it is signed.
#[derive(Debug, Clone)]
pub struct WebhookTarget {
    /// The endpoint's URL now.
    pub url: String,
    /// The signing secret (`whsec_…`).
    pub secret: String,
}

#[derive(sqlx::FromRow)]
struct EndpointRow {
    id: Uuid,
    url: String,
    events: String,
    description: Option<String>,
    created_at: DateTime<Utc>,
}

impl TryFrom<EndpointRow> for WebhookEndpoint {
    type Error = StoreError;

    fn try_from(row: EndpointRow) -> StoreResult<Self> {
        Ok(WebhookEndpoint {
            id: row.id,
            url: row.url,
            events: parse_events(&row.events)?,
            description: row.description,
            created_at: row.created_at,
        })
    }
}

fn parse_events(text: &str) -> StoreResult<Vec<WebhookEvent>> {
    text.split_whitespace()
        .map(|word| WebhookEvent::parse(word).map_err(|e| StoreError::Corrupt(e.0)))
        .collect()
}

fn events_text(events: &[WebhookEvent]) -> String {
    events
        .iter()
        .map(|e| e.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(sqlx::FromRow)]
struct DeliveryRow {
    id: Uuid,
    kind: String,
    status: String,
    attempts: i32,
    response_status: Option<i32>,
    response_body: Option<String>,
    last_error: Option<String>,
    body_text: String,
    created_at: DateTime<Utc>,
    sent_at: Option<DateTime<Utc>>,
    next_attempt_at: DateTime<Utc>,
}

impl TryFrom<DeliveryRow> for WebhookDelivery {
    type Error = StoreError;

    fn try_from(row: DeliveryRow) -> StoreResult<Self> {
        let status = crate::outbox::message_status(&row.status)?;
        Ok(WebhookDelivery {
            id: row.id,
            event: WebhookEvent::parse(&row.kind).map_err(|e| StoreError::Corrupt(e.0))?,
            status,
            attempts: row.attempts,
            response_status: row.response_status,
            response_body: row.response_body,
            last_error: row.last_error,
            payload: serde_json::from_str(&row.body_text)
                .map_err(|e| StoreError::Corrupt(format!("a webhook payload: {e}")))?,
            created_at: row.created_at,
            sent_at: row.sent_at,
            next_attempt_at: (status == MessageStatus::Waiting).then_some(row.next_attempt_at),
        })
    }
}

const ENDPOINT_COLUMNS: &str = "id, url, events, description, created_at";

impl Store {
    /// Registers an endpoint of partner client `client_id` with its signing `secret`.
    pub async fn create_webhook_endpoint(
        &self,
        client_id: Uuid,
        fields: &EndpointFields<'_>,
        secret: &str,
    ) -> StoreResult<WebhookEndpoint> {
        let id = new_id();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO webhook_endpoints (id, client_id, url, events, description, secret, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(id)
            .bind(client_id)
            .bind(fields.url)
            .bind(events_text(fields.events))
            .bind(fields.description)
            .bind(secret)
            .bind(self.now())
            .execute(pool)
            .await?;
        });
        self.webhook_endpoint(client_id, id).await
    }

    /// The endpoints of partner client `client_id`, oldest first.
    pub async fn webhook_endpoints(&self, client_id: Uuid) -> StoreResult<Vec<WebhookEndpoint>> {
        let sql = format!(
            "SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints \
             WHERE client_id = $1 AND deleted_at IS NULL ORDER BY id"
        );
        let rows: Vec<EndpointRow> = with_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(client_id).fetch_all(pool).await?
        });
        rows.into_iter().map(WebhookEndpoint::try_from).collect()
    }

    /// One endpoint of partner client `client_id`; `NotFound` when it is another's or removed.
    pub async fn webhook_endpoint(
        &self,
        client_id: Uuid,
        id: Uuid,
    ) -> StoreResult<WebhookEndpoint> {
        let sql = format!(
            "SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints \
             WHERE id = $1 AND client_id = $2 AND deleted_at IS NULL"
        );
        let row: EndpointRow = with_pool!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).bind(client_id).fetch_one(pool).await?
        });
        row.try_into()
    }

    /// Replaces an endpoint's URL, events and note; `NotFound` as [`Store::webhook_endpoint`].
    pub async fn update_webhook_endpoint(
        &self,
        client_id: Uuid,
        id: Uuid,
        fields: &EndpointFields<'_>,
    ) -> StoreResult<WebhookEndpoint> {
        let changed = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE webhook_endpoints SET url = $1, events = $2, description = $3 \
                 WHERE id = $4 AND client_id = $5 AND deleted_at IS NULL",
            )
            .bind(fields.url)
            .bind(events_text(fields.events))
            .bind(fields.description)
            .bind(id)
            .bind(client_id)
            .execute(pool)
            .await?
            .rows_affected()
        });
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        self.webhook_endpoint(client_id, id).await
    }

    /// Removes an endpoint: nothing more is delivered to it, and what still waited fails with
    /// that reason. Its past deliveries stay listed with the outbox. `NotFound` as above.
    pub async fn delete_webhook_endpoint(&self, client_id: Uuid, id: Uuid) -> StoreResult<()> {
        let now = self.now();
        let removed = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE webhook_endpoints SET deleted_at = $1 \
                 WHERE id = $2 AND client_id = $3 AND deleted_at IS NULL",
            )
            .bind(now)
            .bind(id)
            .bind(client_id)
            .execute(pool)
            .await?
            .rows_affected()
        });
        if removed == 0 {
            return Err(StoreError::NotFound);
        }
        with_pool!(self, pool => {
            sqlx::query(
                "UPDATE outbox SET status = 'failed', last_error = 'the endpoint was removed', \
                 claimed_by = NULL, claimed_until = NULL \
                 WHERE endpoint_id = $1 AND status = 'pending'",
            )
            .bind(id)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// The live endpoints that want `event`, of live clients, with each client's scopes; only
    /// those of client `only_client` when given. The caller checks the scopes.
    pub async fn webhook_subscribers(
        &self,
        event: WebhookEvent,
        only_client: Option<Uuid>,
    ) -> StoreResult<Vec<Subscriber>> {
        let rows: Vec<(Uuid, String, Uuid, Uuid, String)> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT e.id, e.url, c.id, c.organisation_id, c.scopes \
                 FROM webhook_endpoints e JOIN partner_clients c ON c.id = e.client_id \
                 WHERE e.deleted_at IS NULL AND c.revoked_at IS NULL AND ' ' || e.events || ' ' LIKE ",
            );
            query.push_bind(format!("% {} %", event.as_str()));
            if let Some(client) = only_client {
                query.push(" AND c.id = ").push_bind(client);
            }
            query.push(" ORDER BY e.id");
            query.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter()
            .map(|(endpoint_id, url, client_id, organisation_id, scopes)| {
                Ok(Subscriber {
                    endpoint_id,
                    url,
                    client_id,
                    organisation_id,
                    scopes: Scopes::parse(&scopes).map_err(|e| StoreError::Corrupt(e.0))?,
                })
            })
            .collect()
    }

    /// Writes a delivery of `event` with JSON `payload` to `endpoint` in the outbox, due at
    /// once. Call it on the transaction of the change the event tells of.
    pub async fn enqueue_webhook(
        &self,
        endpoint: &Subscriber,
        event: WebhookEvent,
        payload: &str,
    ) -> StoreResult<Uuid> {
        let id = new_id();
        let at = self.now();
        with_pool!(self, pool => {
            sqlx::query(
                "INSERT INTO outbox (id, channel, kind, recipient, subject, body_text, status, \
                 attempts, next_attempt_at, created_at, endpoint_id) \
                 VALUES ($1, 'webhook', $2, $3, $2, $4, 'pending', 0, $5, $5, $6)",
            )
            .bind(id)
            .bind(event.as_str())
            .bind(&endpoint.url)
            .bind(payload)
            .bind(at)
            .bind(endpoint.endpoint_id)
            .execute(pool)
            .await?;
        });
        Ok(id)
    }

    /// Where a delivery to `endpoint_id` goes now and its secret; `None` once it was removed.
    pub async fn webhook_target(&self, endpoint_id: Uuid) -> StoreResult<Option<WebhookTarget>> {
        let row: Option<(String, String)> = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT url, secret FROM webhook_endpoints WHERE id = $1 AND deleted_at IS NULL",
            )
            .bind(endpoint_id)
            .fetch_optional(pool)
            .await?
        });
        Ok(row.map(|(url, secret)| WebhookTarget { url, secret }))
    }

    /// Keeps what an endpoint answered to the attempt of claimed delivery `id`.
    pub async fn record_webhook_response(
        &self,
        id: Uuid,
        worker: Uuid,
        status: Option<i32>,
        body: Option<&str>,
    ) -> StoreResult<()> {
        with_pool!(self, pool => {
            sqlx::query(
                "UPDATE outbox SET response_status = $1, response_body = $2 \
                 WHERE id = $3 AND claimed_by = $4",
            )
            .bind(status)
            .bind(body)
            .bind(id)
            .bind(worker)
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// A page of the deliveries to endpoint `endpoint_id` of client `client_id`, newest first,
    /// after delivery `after`. `NotFound` when the endpoint is not the client's.
    pub async fn webhook_deliveries(
        &self,
        client_id: Uuid,
        endpoint_id: Uuid,
        status: Option<MessageStatus>,
        after: Option<Uuid>,
        limit: u32,
    ) -> StoreResult<Vec<WebhookDelivery>> {
        self.webhook_endpoint(client_id, endpoint_id).await?;
        let rows: Vec<DeliveryRow> = with_pool!(self, pool => {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT id, kind, status, attempts, response_status, response_body, last_error, \
                 body_text, created_at, sent_at, next_attempt_at FROM outbox \
                 WHERE channel = 'webhook' AND endpoint_id = ",
            );
            query.push_bind(endpoint_id);
            if let Some(after) = after {
                query.push(" AND id < ").push_bind(after);
            }
            if let Some(status) = status {
                query.push(match status {
                    MessageStatus::Waiting => " AND status IN ('pending', 'sending')",
                    MessageStatus::Sent => " AND status = 'sent'",
                    MessageStatus::Failed => " AND status = 'failed'",
                });
            }
            query.push(" ORDER BY id DESC LIMIT ").push_bind(i64::from(limit));
            query.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter().map(WebhookDelivery::try_from).collect()
    }

    /// One delivery to endpoint `endpoint_id` of client `client_id`.
    pub async fn webhook_delivery(
        &self,
        client_id: Uuid,
        endpoint_id: Uuid,
        id: Uuid,
    ) -> StoreResult<WebhookDelivery> {
        self.webhook_endpoint(client_id, endpoint_id).await?;
        let row: DeliveryRow = with_pool!(self, pool => {
            sqlx::query_as(
                "SELECT id, kind, status, attempts, response_status, response_body, last_error, \
                 body_text, created_at, sent_at, next_attempt_at FROM outbox \
                 WHERE channel = 'webhook' AND endpoint_id = $1 AND id = $2",
            )
            .bind(endpoint_id)
            .bind(id)
            .fetch_one(pool)
            .await?
        });
        row.try_into()
    }

    /// Sends a delivery again, sent or failed, with the same id and body: pending, due now, its
    /// attempts counted afresh. `false` when it waits or is being delivered already; the status
    /// guard in the one statement decides which of two replays at once wins.
    pub async fn replay_webhook_delivery(&self, endpoint_id: Uuid, id: Uuid) -> StoreResult<bool> {
        let now = self.now();
        let done = with_pool!(self, pool => {
            sqlx::query(
                "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = $1, \
                 claimed_by = NULL, claimed_until = NULL, sent_at = NULL \
                 WHERE id = $2 AND endpoint_id = $3 AND channel = 'webhook' \
                 AND status IN ('sent', 'failed')",
            )
            .bind(now)
            .bind(id)
            .bind(endpoint_id)
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(done == 1)
    }
}
