//! Optimistic concurrency for what two staff members edit: a resource carries an `ETag` (its
//! version), and a write may send it back in `If-Match`. When the resource changed meanwhile
//! the write is refused with 412 instead of silently undoing the other person's change.
//!
//! A read the same client repeats, such as a list page, carries a tag of its body: sent back in
//! `If-None-Match`, an unchanged page is answered 304 without a body.

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

/// The entity tag of an answer's body: a digest of its bytes, for answers made of several rows
/// (a list page) that have no one version.
pub fn of_body(body: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(body);
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

/// The `If-None-Match` header of a request: the tags of the copies the client already has.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IfNoneMatch(Option<String>);

impl IfNoneMatch {
    /// The header as a client would send it.
    pub fn new(tags: impl Into<String>) -> Self {
        Self(Some(tags.into()))
    }

    /// Whether the client's copy is the current one, so 304 may answer: `*`, or one of the
    /// listed tags is `current` by weak comparison (RFC 9110, 13.1.2: `W/` is ignored).
    pub fn matches(&self, current: &str) -> bool {
        let Some(sent) = &self.0 else {
            return false;
        };
        let current = current.trim_start_matches("W/");
        sent.trim() == "*"
            || sent
                .split(',')
                .any(|tag| tag.trim().trim_start_matches("W/") == current)
    }
}

impl FromRequest for IfNoneMatch {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(Ok(Self(
            req.headers()
                .get(header::IF_NONE_MATCH)
                .map(|v| v.to_str().unwrap_or("\u{0}").to_owned()),
        )))
    }
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
    fn a_body_tag_changes_with_any_byte_and_if_none_match_compares_weakly() {
        let tag = of_body(b"{\"items\":[]}");
        assert_eq!(tag.len(), 34, "32 hex digits in quotes: {tag}");
        assert_eq!(tag, of_body(b"{\"items\":[]}"));
        assert_ne!(tag, of_body(b"{\"items\":[ ]}"));
        assert!(IfNoneMatch::new(tag.clone()).matches(&tag));
        assert!(IfNoneMatch::new(format!("W/{tag}")).matches(&tag));
        assert!(IfNoneMatch::new(format!("\"x\", {tag}")).matches(&tag));
        assert!(IfNoneMatch::new("*").matches(&tag));
        assert!(!IfNoneMatch::default().matches(&tag));
        assert!(!IfNoneMatch::new("\"other\"").matches(&tag));
        // Unquoted, it is not the same tag.
        assert!(!IfNoneMatch::new(tag.trim_matches('"')).matches(&tag));
    }

    #[test]
    fn a_stale_tag_is_refused_with_412() {
        let tag = of(DateTime::from_timestamp_micros(2).unwrap());
        let stale = IfMatch::new(of(DateTime::from_timestamp_micros(1).unwrap()));
        let error = stale.check(&tag, "match").unwrap_err();
        assert_eq!(error.code(), "precondition_failed");
    }
}
