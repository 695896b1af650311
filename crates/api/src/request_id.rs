//! A request id on every request: taken from `X-Request-Id` when a trusted proxy set it
//! (`KLASBRUG_BEHIND_PROXY`), else made here (a UUIDv7). It is sent back as `X-Request-Id`,
//! put in every problem body as `request_id`, and recorded on the request's log span, so a
//! partner's report ("request 0193… failed") leads to the log lines of that request.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, web};

use crate::state::AppState;

/// The header the id travels in, both ways.
pub const HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// The longest id taken from a proxy; longer ones are replaced by our own.
pub const MAX_LEN: usize = 128;

/// The id of one request, in the request's extensions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(pub String);

tokio::task_local! {
    static CURRENT: RequestId;
}

/// The id of the request being handled on this task, if any: what problem bodies carry.
pub fn current() -> Option<String> {
    CURRENT.try_with(|id| id.0.clone()).ok()
}

/// The id a proxy sent, if it may be trusted and is a plain token: 1 to 128 characters of
/// letters, digits and `-_.:+=/`.
pub fn from_proxy(value: Option<&HeaderValue>, behind_proxy: bool) -> Option<String> {
    if !behind_proxy {
        return None;
    }
    let text = value?.to_str().ok()?.trim();
    let plain = !text.is_empty()
        && text.len() <= MAX_LEN
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.:+=/".contains(c));
    plain.then(|| text.to_owned())
}

/// Gives the request its id, runs it with that id in scope (so problem bodies carry it) and
/// sets the response header.
pub async fn assign(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let behind_proxy = req
        .app_data::<web::Data<AppState>>()
        .is_some_and(|state| state.behind_proxy);
    let id = from_proxy(req.headers().get(HEADER), behind_proxy)
        .unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    req.extensions_mut().insert(RequestId(id.clone()));
    let id = RequestId(id);
    // The request is not kept here: routing needs it unshared. An error from a middleware
    // further in (none of ours returns one) goes on without the header.
    let mut response = CURRENT
        .scope(id.clone(), next.call(req))
        .await?
        .map_into_boxed_body();
    if let Ok(value) = HeaderValue::from_str(&id.0) {
        response.headers_mut().insert(HEADER, value);
    }
    Ok(response)
}

/// The log span of each request: method, route, path and our id as `request_id`; the status
/// and any error are recorded at the end by tracing-actix-web.
pub struct RequestSpan;

impl tracing_actix_web::RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &ServiceRequest) -> tracing::Span {
        let id = request
            .extensions()
            .get::<RequestId>()
            .map(|id| id.0.clone())
            .unwrap_or_default();
        // At error level so that it is enabled whatever `RUST_LOG` lets through: a warning
        // logged at `RUST_LOG=warn` still names its request. (A span prints nothing itself.)
        tracing::error_span!(
            "HTTP request",
            http.method = %request.method(),
            http.route = %request.match_pattern().unwrap_or_default(),
            http.target = %request.path(),
            request_id = %id,
            http.status_code = tracing::field::Empty,
            otel.status_code = tracing::field::Empty,
            exception.message = tracing::field::Empty,
            exception.details = tracing::field::Empty,
        )
    }

    fn on_request_end<B: MessageBody>(
        span: tracing::Span,
        outcome: &Result<ServiceResponse<B>, actix_web::Error>,
    ) {
        tracing_actix_web::DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proxy_id_is_taken_only_behind_a_proxy_and_only_when_plain() {
        let plain = HeaderValue::from_static("lb-7f3a:0001");
        assert_eq!(
            from_proxy(Some(&plain), true).as_deref(),
            Some("lb-7f3a:0001")
        );
        assert_eq!(from_proxy(Some(&plain), false), None);
        assert_eq!(from_proxy(None, true), None);
        for bad in ["", "a b", "<script>", "é"] {
            let value = HeaderValue::from_str(bad).unwrap_or(HeaderValue::from_static("a b"));
            assert_eq!(from_proxy(Some(&value), true), None, "{bad:?}");
        }
        let longest = "a".repeat(MAX_LEN);
        let value = HeaderValue::from_str(&longest).unwrap();
        assert_eq!(from_proxy(Some(&value), true), Some(longest));
        let too_long = HeaderValue::from_str(&"a".repeat(MAX_LEN + 1)).unwrap();
        assert_eq!(from_proxy(Some(&too_long), true), None);
    }
}
