//! Control characters in the address: a middleware that refuses a request whose decoded path or
//! query string holds one (other than line breaks and tabs), with the same 422 the JSON
//! extractor gives a body, before any route or the database sees it. `%00` in a path segment
//! would otherwise reach PostgreSQL, which cannot store NUL in text.

use actix_web::ResponseError;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;

use crate::json::{control_character_error, has_control_character};

/// Answers 422 `invalid_input` for a control character in the path or query string.
pub async fn refuse_control_characters<B: MessageBody>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    if let Some(field) = offending_part(req.path(), req.query_string()) {
        let response = control_character_error(&field).error_response();
        return Ok(req.into_response(response).map_into_right_body());
    }
    next.call(req)
        .await
        .map(ServiceResponse::map_into_left_body)
}

/// `path`, or the name of the query parameter, whose decoded text has a control character.
fn offending_part(path: &str, query: &str) -> Option<String> {
    if has_control_character(&percent_decode(path)) {
        return Some("path".to_owned());
    }
    query.split('&').find_map(|pair| {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let name = percent_decode(&name.replace('+', " "));
        let value = percent_decode(&value.replace('+', " "));
        if has_control_character(&name) {
            Some("query".to_owned())
        } else if has_control_character(&value) {
            Some(name)
        } else {
            None
        }
    })
}

/// `%XX` escapes decoded; bytes that are not UTF-8 become U+FFFD (not a control character).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_control_characters_are_found_in_the_path_and_each_parameter() {
        assert_eq!(
            offending_part("/api/v1/calendars/a%00b.ics", "").as_deref(),
            Some("path")
        );
        assert_eq!(
            offending_part("/api/v1/organisations", "limit=5&after=x%1by").as_deref(),
            Some("after")
        );
        assert_eq!(
            offending_part("/api/v1/organisations", "q=%C2%85").as_deref(),
            Some("q")
        );
        assert_eq!(
            offending_part("/api/v1/organisations", "q=a%0Ab%09c+d&x=%E2%82%AC%zz"),
            None
        );
    }
}
