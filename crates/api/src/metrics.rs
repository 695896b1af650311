//! Prometheus metrics at `GET /metrics`, for a scraper that holds `KLASBRUG_METRICS_TOKEN`:
//! requests by route and status, their latency, the database pool's use and the outbox's
//! backlog (e-mail and webhooks). Without the setting the path is 404, like any unknown path.

use std::sync::Arc;
use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse, web};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;
use sha2::{Digest, Sha256};

use crate::error::ApiError;
use crate::state::AppState;

/// The media type of the Prometheus text exposition format.
pub const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// Latency buckets in seconds: 5 ms to 10 s.
const BUCKETS: [f64; 12] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 7.5, 10.0,
];

/// The label of a request that matched no route.
const UNMATCHED: &str = "unmatched";

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    method: String,
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StateLabels {
    state: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct BacklogLabels {
    channel: String,
    state: String,
}

/// Every metric of one server, shared by its workers.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    pool: Family<StateLabels, Gauge>,
    pool_max: Gauge,
    backlog: Family<BacklogLabels, Gauge>,
}

fn latency_histogram() -> Histogram {
    Histogram::new(BUCKETS.iter().copied())
}

impl Metrics {
    /// A registry with every metric at zero.
    pub fn new() -> Arc<Self> {
        let mut registry = Registry::default();
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "klasbrug_http_requests",
            "HTTP requests answered, by method, route pattern and status",
            requests.clone(),
        );
        let latency =
            Family::<RouteLabels, Histogram>::new_with_constructor(latency_histogram as fn() -> _);
        registry.register(
            "klasbrug_http_request_duration_seconds",
            "Time from receiving a request to its response, by method and route pattern",
            latency.clone(),
        );
        let pool = Family::<StateLabels, Gauge>::default();
        registry.register(
            "klasbrug_db_pool_connections",
            "Database connections open, by state (idle, in_use)",
            pool.clone(),
        );
        let pool_max = Gauge::default();
        registry.register(
            "klasbrug_db_pool_max_connections",
            "The most database connections this server opens",
            pool_max.clone(),
        );
        let backlog = Family::<BacklogLabels, Gauge>::default();
        registry.register(
            "klasbrug_outbox_messages",
            "Outgoing messages not delivered, by channel (email, webhook) and state (waiting, failed)",
            backlog.clone(),
        );
        Arc::new(Self {
            registry,
            requests,
            latency,
            pool,
            pool_max,
            backlog,
        })
    }

    fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        self.requests
            .get_or_create(&RequestLabels {
                method: method.to_owned(),
                route: route.to_owned(),
                status,
            })
            .inc();
        self.latency
            .get_or_create(&RouteLabels {
                method: method.to_owned(),
                route: route.to_owned(),
            })
            .observe(seconds);
    }

    /// The text exposition, with the pool and backlog read now.
    async fn exposition(&self, store: &store::Store) -> Result<String, ApiError> {
        let pool = store.pool_stats();
        self.pool_max.set(i64::from(pool.max));
        self.pool
            .get_or_create(&StateLabels {
                state: "idle".to_owned(),
            })
            .set(i64::from(pool.idle));
        self.pool
            .get_or_create(&StateLabels {
                state: "in_use".to_owned(),
            })
            .set(i64::from(pool.open.saturating_sub(pool.idle)));
        let backlog = store.outbox_backlog().await?;
        self.backlog.clear();
        for channel in ["email", "webhook"] {
            for state in ["waiting", "failed"] {
                let count = backlog
                    .iter()
                    .find(|row| row.channel == channel && row.state == state)
                    .map_or(0, |row| row.count);
                self.backlog
                    .get_or_create(&BacklogLabels {
                        channel: channel.to_owned(),
                        state: state.to_owned(),
                    })
                    .set(count);
            }
        }
        let mut text = String::new();
        prometheus_client::encoding::prometheus_text::encode(&mut text, &self.registry)
            .map_err(|e| ApiError::Unexpected(anyhow::anyhow!("encoding metrics: {e}")))?;
        Ok(text)
    }
}

/// Counts each request and times it, under its route pattern (never the raw path, so ids do
/// not make a series each).
pub async fn record(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let metrics = req
        .app_data::<web::Data<AppState>>()
        .map(|state| state.metrics.clone());
    let method = req.method().as_str().to_owned();
    let route = req.match_pattern().unwrap_or_else(|| UNMATCHED.to_owned());
    let started = Instant::now();
    let outcome = next.call(req).await;
    if let Some(metrics) = metrics {
        let status = match &outcome {
            Ok(response) => response.status(),
            Err(error) => error.as_response_error().status_code(),
        };
        metrics.observe(
            &method,
            &route,
            status.as_u16(),
            started.elapsed().as_secs_f64(),
        );
    }
    outcome
}

/// `GET /metrics`: the exposition for a scraper with the token; 404 when metrics are off.
pub async fn serve(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let Some(token) = &state.metrics_token else {
        return Err(ApiError::NotFound("route"));
    };
    let sent = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .ok_or(ApiError::Unauthenticated)?;
    // Compared as digests, so the time taken says nothing about the token.
    if Sha256::digest(sent.trim().as_bytes()) != Sha256::digest(token.as_bytes()) {
        return Err(ApiError::InvalidToken);
    }
    let text = state.metrics.exposition(&state.store).await?;
    Ok(HttpResponse::Ok()
        .content_type(CONTENT_TYPE)
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(text))
}
