//! The JSON body extractor: like actix's, but an invalid body's message names the field
//! (`starts_at: input contains invalid characters`), so the caller knows what to fix.
//!
//! It is also the one place where text in a body is checked for control characters: every
//! string (and every key) is refused with a 422 naming its field when it holds one other than
//! newline, carriage return or tab. PostgreSQL cannot store a NUL in text, and no form field
//! has a use for the others.

use std::future::Future;
use std::pin::Pin;

use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpMessage, HttpRequest, dev::Payload, web};
use serde::de::DeserializeOwned;

use crate::error::ErrorCode;
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
        let is_json = is_json(req);
        let body = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            if !is_json {
                return Err(not_json());
            }
            let bytes = body.await.map_err(|e| {
                if e.as_response_error().status_code() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::PayloadTooLarge { limit: BODY_LIMIT }
                } else {
                    ApiError::BadRequest {
                        code: ErrorCode::MalformedJson,
                        detail: format!("the body could not be read: {e}"),
                    }
                }
            })?;
            parse(&bytes).map(Json)
        })
    }
}

/// Whether the request says its body is JSON (`application/json` or `…+json`).
pub fn is_json(req: &HttpRequest) -> bool {
    req.mime_type()
        .ok()
        .flatten()
        .is_some_and(|mime| mime.subtype() == "json" || mime.suffix().is_some_and(|s| s == "json"))
}

/// The 415 for a body that is not JSON.
pub fn not_json() -> ApiError {
    ApiError::UnsupportedMediaType(
        "send the body as JSON with Content-Type: application/json".to_owned(),
    )
}

/// Parses a JSON body read by the caller (for a route with a body limit of its own), with the
/// same checks and messages as [`Json`].
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| ApiError::BadRequest {
            code: ErrorCode::MalformedJson,
            detail: format!("the body is not valid for this operation: {e}"),
        })?;
    if let Some(field) = field_with_control_character(&value, "") {
        return Err(control_character_error(&field));
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
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
            code: ErrorCode::MalformedJson,
            detail,
        }
    })
}

/// The message for text with a control character in it.
pub const CONTROL_CHARACTER_MESSAGE: &str =
    "contains a control character; only line breaks and tabs are allowed in text";

/// A 422 naming `field` (or `body` when the body itself is the string).
pub fn control_character_error(field: &str) -> ApiError {
    let field = if field.is_empty() { "body" } else { field };
    ApiError::invalid_field(field, CONTROL_CHARACTER_MESSAGE)
}

/// Whether `text` holds a control character other than newline, carriage return or tab.
pub fn has_control_character(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// The path (`items[2].name`) of the first string or key in `value` with a control character.
fn field_with_control_character(value: &serde_json::Value, path: &str) -> Option<String> {
    match value {
        serde_json::Value::String(text) => has_control_character(text).then(|| path.to_owned()),
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| field_with_control_character(item, &format!("{path}[{i}]"))),
        serde_json::Value::Object(fields) => fields.iter().find_map(|(key, item)| {
            let inner = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            if has_control_character(key) {
                // The key itself is not echoed back: name the object that holds it.
                return Some(path.to_owned());
            }
            field_with_control_character(item, &inner)
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn line_breaks_and_tabs_are_text_and_other_control_characters_are_not() {
        assert!(!has_control_character("twee\nregels\r\nmet\ttab"));
        for bad in ["a\u{0}b", "\u{7}", "\u{1b}[31m", "\u{7f}", "\u{85}"] {
            assert!(has_control_character(bad), "{bad:?}");
        }
    }

    #[test]
    fn the_field_with_a_control_character_is_named_however_deep() {
        let body = json!({"name": "ok", "items": [{"note": "ok"}, {"note": "a\u{0}b"}]});
        assert_eq!(
            field_with_control_character(&body, "").as_deref(),
            Some("items[1].note")
        );
        assert_eq!(
            field_with_control_character(&json!({"a\u{0}": 1}), "").as_deref(),
            Some("")
        );
        assert_eq!(
            field_with_control_character(&json!({"a": ["b", 1, null]}), ""),
            None
        );
    }
}
