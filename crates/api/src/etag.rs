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

/// The entity tag of a resource that counts its versions, such as a statement line.
pub fn of_version(version: i64) -> String {
    format!("\"{version}\"")
}

/// The `If-Match` header of a request, if it sent one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IfMatch(Option<String>);

impl IfMatch {
    /// A precondition on the tag `tag`, as a client would send it.
    pub fn new(tag: impl Into<String>) -> Self {
        Self(Some(tag.into()))
    }

    /// The precondition `request` sends. A header that is not text matches nothing.
    pub fn of(request: &HttpRequest) -> Self {
        Self(
            request
                .headers()
                .get(header::IF_MATCH)
                .map(|v| v.to_str().unwrap_or("\u{0}").to_owned()),
        )
    }

    /// Whether a write may go ahead on a resource whose tag is `current`: without `If-Match`,
    /// with `*`, or when one of the listed tags is `current` by strong comparison (RFC 9110:
    /// a weak tag `W/"3"` matches nothing).
    pub fn matches(&self, current: &str) -> bool {
        let Some(sent) = &self.0 else {
            return true;
        };
        sent.trim() == "*" || sent.split(',').any(|tag| tag.trim() == current)
    }

    /// Passes when [`IfMatch::matches`] `current`; otherwise a 412 naming `what`.
    pub fn check(&self, current: &str, what: &'static str) -> Result<(), ApiError> {
        if self.matches(current) {
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
        std::future::ready(Ok(Self::of(req)))
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
    fn tags_compare_strongly_and_a_list_may_name_several() {
        let three = of_version(3);
        assert_eq!(three, "\"3\"");
        assert!(IfMatch::new("\"3\", \"4\"").matches(&three));
        assert!(IfMatch::new(" * ").matches(&three));
        // A weak tag, or a bare number, matches no version.
        assert!(!IfMatch::new("W/\"3\"").matches(&three));
        assert!(!IfMatch::new("3").matches(&three));
        assert!(!IfMatch::new("\"4\"").matches(&three));
    }

    #[test]
    fn a_stale_tag_is_refused_with_412() {
        let tag = of(DateTime::from_timestamp_micros(2).unwrap());
        let stale = IfMatch::new(of(DateTime::from_timestamp_micros(1).unwrap()));
        let error = stale.check(&tag, "match").unwrap_err();
        assert_eq!(error.code(), "precondition_failed");
    }
}
