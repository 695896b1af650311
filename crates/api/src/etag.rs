//! Optimistic concurrency for what two staff members edit: a resource carries an `ETag` (its
//! version), and a write may send it back in `If-Match`. When the resource changed meanwhile
//! the write is refused with 412 instead of silently undoing the other person's change.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest};
use chrono::{DateTime, Utc};

use crate::error::ApiError;

/// The entity tag of a resource last changed at `updated_at` (a strong tag: the instant, in
/// microseconds, which both databases store exactly).
pub fn of(updated_at: DateTime<Utc>) -> String {
    format!("\"{}\"", updated_at.timestamp_micros())
}

/// The `If-Match` header of a request, if it sent one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IfMatch(Option<String>);

impl IfMatch {
    /// A precondition on the tag `tag`, as a client would send it.
    pub fn new(tag: impl Into<String>) -> Self {
        Self(Some(tag.into()))
    }

    /// Passes when no `If-Match` was sent, when it is `*`, or when one of its tags is
    /// `current`; otherwise a 412 naming `what`.
    pub fn check(&self, current: &str, what: &'static str) -> Result<(), ApiError> {
        let Some(sent) = &self.0 else {
            return Ok(());
        };
        let matches = sent
            .split(',')
            .map(|tag| tag.trim().trim_start_matches("W/"))
            .any(|tag| tag == "*" || tag == current);
        if matches {
            Ok(())
        } else {
            Err(ApiError::PreconditionFailed(format!(
                "{what} was changed by someone else since you loaded it; load it again and redo your change"
            )))
        }
    }
}

impl FromRequest for IfMatch {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let value = req
            .headers()
            .get(header::IF_MATCH)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        std::future::ready(Ok(Self(value)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_without_if_match_or_with_the_current_tag_passes() {
        let at = DateTime::from_timestamp_micros(1_764_000_000_123_456).unwrap();
        let tag = of(at);
        assert_eq!(tag, "\"1764000000123456\"");
        assert!(IfMatch::default().check(&tag, "match").is_ok());
        assert!(IfMatch::new(tag.clone()).check(&tag, "match").is_ok());
        assert!(IfMatch::new("*").check(&tag, "match").is_ok());
        assert!(
            IfMatch::new(format!("\"1\", {tag}"))
                .check(&tag, "match")
                .is_ok()
        );
    }

    #[test]
    fn a_stale_tag_is_refused_with_412() {
        let tag = of(DateTime::from_timestamp_micros(2).unwrap());
        let stale = IfMatch::new(of(DateTime::from_timestamp_micros(1).unwrap()));
        let error = stale.check(&tag, "match").unwrap_err();
        assert_eq!(error.code(), "precondition_failed");
    }
}
