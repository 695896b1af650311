//! The webhook worker: POSTs due deliveries to partner endpoints, signed per Standard Webhooks,
//! and keeps each endpoint's answer. A 2xx answer is a delivery; anything else, or no answer in
//! time, is tried again with backoff until the attempts are spent and the delivery fails.

use std::sync::Arc;

use http_body_util::BodyExt;
use store::{OutboxMessage, Store};
use tokio::sync::Notify;
use uuid::Uuid;

use crate::config::WebhookConfig;
use crate::delivery::{Channel, Failure, Retries, record, work};
use crate::webhook_signature;

/// The most of an endpoint's answer kept, in characters.
const KEPT_BODY: usize = 1_000;
/// The most of an endpoint's answer read, in bytes.
const KEPT_BYTES: usize = 64 * 1024;
/// Who calls, in the `User-Agent` header.
const USER_AGENT: &str = concat!("Klasbrug-Webhooks/", env!("CARGO_PKG_VERSION"));

/// The HTTP client deliveries go out with.
pub type Client = hyper_util::client::legacy::Client<
    hyper_rustls::HttpsConnector<hyper_util::client::legacy::connect::HttpConnector>,
    http_body_util::Full<bytes::Bytes>,
>;

/// The client: HTTP/1.1 over rustls (on ring) with the Mozilla roots, so no system trust store
/// is needed in a container; no redirects are followed.
pub fn client() -> anyhow::Result<Client> {
    let connector = hyper_rustls::HttpsConnectorBuilder::new()
        .with_provider_and_webpki_roots(Arc::new(rustls::crypto::ring::default_provider()))?
        .https_or_http()
        .enable_http1()
        .build();
    Ok(
        hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
            .build(connector),
    )
}

/// Delivers what is due until the server stops; `wake` is notified after a commit that queued
/// a delivery.
pub async fn run(store: Store, http: Client, config: WebhookConfig, wake: Arc<Notify>) {
    let retries = Retries {
        base: config.retry_base,
        max_attempts: config.max_attempts,
    };
    work(
        &store,
        Channel::Webhook,
        config.poll_interval,
        &wake,
        |message, worker| {
            let (store, http, config) = (&store, &http, &config);
            async move {
                let outcome = deliver(store, http, config.timeout, worker, &message).await;
                record(store, Channel::Webhook, worker, &message, outcome, retries).await;
            }
        },
    )
    .await;
}

async fn deliver(
    store: &Store,
    http: &Client,
    timeout: std::time::Duration,
    worker: Uuid,
    message: &OutboxMessage,
) -> Result<(), Failure> {
    let permanent = |text: &str| Failure {
        text: text.to_owned(),
        permanent: true,
    };
    let endpoint = message
        .endpoint_id
        .ok_or_else(|| permanent("the delivery names no endpoint"))?;
    let target = match store.webhook_target(endpoint).await {
        Ok(Some(target)) => target,
        Ok(None) => return Err(permanent("the endpoint was removed")),
        Err(error) => {
            return Err(Failure {
                text: format!("reading the endpoint failed: {error}"),
                permanent: false,
            });
        }
    };
    let id = message.id.to_string();
    // The real time, not the application's clock: receivers compare it with theirs to refuse
    // replayed requests (Standard Webhooks allows five minutes either way).
    let timestamp = chrono::Utc::now().timestamp();
    let signature = webhook_signature::sign(&target.secret, &id, timestamp, &message.body_text)
        .ok_or_else(|| permanent("the endpoint's secret cannot sign"))?;
    let request = http::Request::post(target.url.as_str())
        .header(http::header::CONTENT_TYPE, "application/json")
        .header(http::header::USER_AGENT, USER_AGENT)
        .header("webhook-id", &id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(http_body_util::Full::new(bytes::Bytes::from(
            message.body_text.clone(),
        )))
        .map_err(|e| permanent(&format!("the request cannot be built: {e}")))?;
    let exchange = async {
        let response = http.request(request).await.map_err(|e| describe(&e))?;
        let status = response.status();
        let body = http_body_util::Limited::new(response.into_body(), KEPT_BYTES)
            .collect()
            .await
            .map(|b| b.to_bytes())
            .unwrap_or_default();
        Ok::<_, String>((status, body))
    };
    let (status, body) = match tokio::time::timeout(timeout, exchange).await {
        Ok(Ok(answer)) => answer,
        Ok(Err(text)) => return Err(not_answered(store, worker, message, text).await),
        Err(_) => {
            let text = "the endpoint did not answer in time".to_owned();
            return Err(not_answered(store, worker, message, text).await);
        }
    };
    let kept: String = String::from_utf8_lossy(&body)
        .chars()
        .take(KEPT_BODY)
        .collect();
    if let Err(error) = store
        .record_webhook_response(
            message.id,
            worker,
            Some(i32::from(status.as_u16())),
            Some(&kept),
        )
        .await
    {
        tracing::error!(%error, id = %message.id, "keeping a webhook's answer failed");
    }
    if status.is_success() {
        Ok(())
    } else {
        Err(Failure {
            text: format!("the endpoint answered {status}"),
            permanent: false,
        })
    }
}

/// Clears the last answer of a delivery whose endpoint did not answer, and says why.
async fn not_answered(
    store: &Store,
    worker: Uuid,
    message: &OutboxMessage,
    text: String,
) -> Failure {
    if let Err(error) = store
        .record_webhook_response(message.id, worker, None, None)
        .await
    {
        tracing::error!(%error, id = %message.id, "keeping a webhook's answer failed");
    }
    Failure {
        text,
        permanent: false,
    }
}

/// A connection error in words, with its causes.
fn describe(error: &hyper_util::client::legacy::Error) -> String {
    let mut text = if error.is_connect() {
        "the endpoint could not be reached".to_owned()
    } else {
        error.to_string()
    };
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
