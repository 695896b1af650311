//! `Idempotency-Key` on every POST of the API: a caller (a person's or a partner's token) that
//! sends the same key and body again within 24 hours gets the first answer again, status and
//! body, with `Idempotent-Replayed: true`, and nothing is done twice. The same key with another
//! method, path or body is 422 `idempotency_key_reused`; while the first request is still being
//! handled a second one gets 409 `idempotency_key_in_use` with `Retry-After`.
//!
//! Not here: logging in and tokens (`/api/v1/auth/…`, whose answers hold credentials), calls
//! without a valid token (nobody to keep the key for), and `POST /api/v1/applications`, which
//! keeps its key with the application itself. A server error frees the key for a retry.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::{Bytes, BytesMut};
use actix_web::{HttpMessage, HttpResponse, ResponseError, web};
use futures_util::StreamExt;
use sha2::{Digest, Sha256};
use store::idempotency::{Claim, StoredAnswer};

use crate::auth::Principal;
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

/// The request header.
pub const KEY_HEADER: HeaderName = HeaderName::from_static("idempotency-key");

/// The response header on a replayed answer.
pub const REPLAYED_HEADER: HeaderName = HeaderName::from_static("idempotent-replayed");

/// The longest key accepted.
pub const MAX_KEY_LEN: usize = 255;

/// The largest body read to fingerprint it: above every route's own limit.
const MAX_BODY: usize = 16 * 1024 * 1024;

/// Whether a POST to `path` is answered from its key here.
pub fn applies_to(method: &Method, path: &str) -> bool {
    method == Method::POST
        && path.starts_with("/api/v1/")
        && !path.starts_with("/api/v1/auth/")
        && !path.starts_with("/api/v1/applications")
}

/// The middleware.
pub async fn replay(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let key = req.headers().get(KEY_HEADER).cloned();
    let (Some(key), true) = (key, applies_to(req.method(), req.path())) else {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body);
    };
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body);
    };
    let Some(caller) = caller(&state, &req) else {
        // No valid token: the route answers 401 (or serves the public) as it always does.
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body);
    };
    let key = match valid_key(&key) {
        Ok(key) => key,
        Err(error) => return Ok(req.error_response(error).map_into_boxed_body()),
    };
    let body = match read_body(req.take_payload()).await {
        Ok(body) => body,
        Err(error) => return Ok(req.error_response(error).map_into_boxed_body()),
    };
    let fingerprint = fingerprint(&req, &body);
    req.set_payload(Payload::from(body));

    let claim = state
        .store
        .claim_idempotency_key(&caller, &key, &fingerprint)
        .await;
    match claim {
        Err(error) => Ok(req.error_response(ApiError::from(error)).map_into_boxed_body()),
        Ok(Claim::Answered(answer)) => {
            let response = replayed(&answer);
            Ok(req.into_response(response))
        }
        Ok(Claim::OtherRequest) => Ok(req
            .error_response(ApiError::Unprocessable {
                code: ErrorCode::IdempotencyKeyReused,
                detail: "this Idempotency-Key was used for another request (another path or body); use a new key for a new request".to_owned(),
            })
            .map_into_boxed_body()),
        Ok(Claim::InProgress) => {
            let mut response = ApiError::Conflict {
                code: ErrorCode::IdempotencyKeyInUse,
                detail: "the first request with this Idempotency-Key is still being handled; retry in a moment".to_owned(),
            }
            .error_response();
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            Ok(req.into_response(response))
        }
        Ok(Claim::Claimed) => {
            let response = next.call(req).await;
            finish(&state, &caller, &key, response).await
        }
    }
}

/// Keeps the answer for the key, or frees the key after a server error.
async fn finish<B: MessageBody + 'static>(
    state: &AppState,
    caller: &str,
    key: &str,
    response: Result<ServiceResponse<B>, actix_web::Error>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let response = match response {
        Ok(response) if !response.status().is_server_error() => response,
        other => {
            if let Err(error) = state.store.release_key(caller, key).await {
                tracing::error!(%error, "freeing an Idempotency-Key failed");
            }
            return other.map(ServiceResponse::map_into_boxed_body);
        }
    };
    let (request, response) = response.into_parts();
    let (head, body) = response.into_parts();
    let Ok(body) = actix_web::body::to_bytes(body).await else {
        let _ = state.store.release_key(caller, key).await;
        let error = ApiError::Unexpected(anyhow::anyhow!("reading a response body failed"));
        return Ok(ServiceResponse::new(request, error.error_response()));
    };
    let text = |name: header::HeaderName| {
        head.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let answer = StoredAnswer {
        status: head.status().as_u16(),
        content_type: text(header::CONTENT_TYPE),
        location: text(header::LOCATION),
        etag: text(header::ETAG),
        body: body.to_vec(),
    };
    if let Err(error) = state.store.keep_answer(caller, key, &answer).await {
        // The thing was made; only a retry's replay is lost. Free the key rather than leave it
        // "in progress" for the next five minutes.
        tracing::error!(%error, "keeping an idempotent answer failed");
        let _ = state.store.release_key(caller, key).await;
    }
    Ok(ServiceResponse::new(request, head.set_body(body)).map_into_boxed_body())
}

/// Who the key belongs to: the person or client of a valid bearer token.
fn caller(state: &AppState, req: &ServiceRequest) -> Option<String> {
    let token = req
        .headers()
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")?;
    let principal = state.keys.verify(token.trim())?;
    Some(match principal {
        Principal::User(user) => format!("user:{}", user.id),
        Principal::Client(client) => format!("client:{}", client.id),
    })
}

/// The key as text: 1 to 255 visible ASCII characters.
fn valid_key(value: &HeaderValue) -> Result<String, ApiError> {
    let text = value.to_str().unwrap_or_default().trim();
    if text.is_empty() || text.len() > MAX_KEY_LEN || !text.chars().all(|c| c.is_ascii_graphic()) {
        return Err(ApiError::BadRequest {
            code: ErrorCode::IdempotencyKeyRequired,
            detail: format!(
                "the Idempotency-Key must be 1 to {MAX_KEY_LEN} visible ASCII characters, such as a UUID"
            ),
        });
    }
    Ok(text.to_owned())
}

async fn read_body(mut payload: Payload) -> Result<Bytes, ApiError> {
    let mut body = BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::BadRequest {
            code: ErrorCode::MalformedJson,
            detail: format!("the request body could not be read: {e}"),
        })?;
        if body.len() + chunk.len() > MAX_BODY {
            return Err(ApiError::PayloadTooLarge { limit: MAX_BODY });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// What makes two requests the same: method, path, query, content type and body.
fn fingerprint(req: &ServiceRequest, body: &[u8]) -> Vec<u8> {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .map(HeaderValue::as_bytes)
        .unwrap_or_default();
    let mut hash = Sha256::new();
    for part in [
        req.method().as_str().as_bytes(),
        req.path().as_bytes(),
        req.query_string().as_bytes(),
        content_type,
        body,
    ] {
        hash.update((part.len() as u64).to_be_bytes());
        hash.update(part);
    }
    hash.finalize().to_vec()
}

fn replayed(answer: &StoredAnswer) -> HttpResponse {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::OK);
    let mut response = HttpResponse::build(status);
    response.insert_header((REPLAYED_HEADER, "true"));
    for (name, value) in [
        (header::CONTENT_TYPE, &answer.content_type),
        (header::LOCATION, &answer.location),
        (header::ETAG, &answer.etag),
    ] {
        if let Some(value) = value {
            response.insert_header((name, value.as_str()));
        }
    }
    response.body(answer.body.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creating_posts_of_the_api_take_a_key_but_logins_and_applications_do_not() {
        assert!(applies_to(&Method::POST, "/api/v1/placements"));
        assert!(applies_to(&Method::POST, "/api/v1/matches/x/confirm"));
        assert!(!applies_to(&Method::PUT, "/api/v1/placements/x"));
        assert!(!applies_to(&Method::POST, "/api/v1/auth/login"));
        assert!(!applies_to(&Method::POST, "/api/v1/applications"));
        assert!(!applies_to(&Method::POST, "/docs/"));
    }

    #[test]
    fn a_key_is_one_to_255_visible_characters() {
        assert!(valid_key(&HeaderValue::from_static("a")).is_ok());
        let longest = "k".repeat(MAX_KEY_LEN);
        assert!(valid_key(&HeaderValue::from_str(&longest).unwrap()).is_ok());
        let too_long = "k".repeat(MAX_KEY_LEN + 1);
        assert!(valid_key(&HeaderValue::from_str(&too_long).unwrap()).is_err());
        assert!(valid_key(&HeaderValue::from_static("")).is_err());
        assert!(valid_key(&HeaderValue::from_static("two words")).is_err());
    }
}
