//! The JSON body extractor: like actix's, but an invalid body's message names the field
//! (`starts_at: input contains invalid characters`), so the caller knows what to fix.

use std::future::Future;
use std::pin::Pin;

use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpMessage, HttpRequest, dev::Payload, web};
use serde::de::DeserializeOwned;

use crate::error::{ApiError, extractors::BODY_LIMIT};

/// A request body parsed from JSON.
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T> Json<T> {
    /// The parsed body.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Json<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let is_json = req.mime_type().ok().flatten().is_some_and(|mime| {
            mime.subtype() == "json" || mime.suffix().is_some_and(|s| s == "json")
        });
        let body = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            if !is_json {
                return Err(ApiError::UnsupportedMediaType(
                    "send the body as JSON with Content-Type: application/json".to_owned(),
                ));
            }
            let bytes = body.await.map_err(|e| {
                if e.as_response_error().status_code() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::PayloadTooLarge { limit: BODY_LIMIT }
                } else {
                    ApiError::BadRequest {
                        code: "malformed_json",
                        detail: format!("the body could not be read: {e}"),
                    }
                }
            })?;
            let deserializer = &mut serde_json::Deserializer::from_slice(&bytes);
            serde_path_to_error::deserialize(deserializer)
                .map(Json)
                .map_err(|e| {
                    let path = e.path().to_string();
                    let detail = if path == "." {
                        format!("the body is not valid for this operation: {}", e.inner())
                    } else {
                        format!(
                            "the body is not valid for this operation: {path}: {}",
                            e.inner()
                        )
                    };
                    ApiError::BadRequest {
                        code: "malformed_json",
                        detail,
                    }
                })
        })
    }
}
