//! What can go wrong talking to the server, in a form pages can keep in state and compare.

use domain::contract::{Problem, ProblemDetails};
use serde::de::DeserializeOwned;

/// A failed API call. `i18n::Texts::error` turns it into a sentence for people.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server answered with a problem document (`application/problem+json`). Boxed: it is
    /// large, and errors travel through every `Result` of the app.
    Problem(Box<Problem>),
    /// The server (or a proxy in front of it) answered with an error status but no problem
    /// document.
    Status(u16),
    /// No answer at all: offline, server down, connection refused.
    Network,
    /// An answer that does not match the contract, or a request that could not be built.
    Unexpected,
}

impl ApiError {
    /// The HTTP status, if there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Problem(problem) => Some(problem.status),
            ApiError::Status(status) => Some(*status),
            ApiError::Network | ApiError::Unexpected => None,
        }
    }

    /// The server's machine-readable code, if it sent one.
    pub fn code(&self) -> Option<&str> {
        match self {
            ApiError::Problem(problem) => Some(problem.code.as_str()),
            _ => None,
        }
    }

    /// The server's structured details, if it sent any.
    pub fn details(&self) -> Option<&ProblemDetails> {
        match self {
            ApiError::Problem(problem) => problem.details.as_ref(),
            _ => None,
        }
    }

    /// Whether this says that the caller is not (or no longer) logged in.
    pub fn is_unauthenticated(&self) -> bool {
        self.status() == Some(401)
    }
}

/// Reads a response body: the expected shape on a 2xx (an empty body reads as JSON `null`, so
/// `()` fits a 204), a problem document otherwise.
pub fn decode<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, ApiError> {
    if (200..300).contains(&status) {
        let body = if body.trim().is_empty() { "null" } else { body };
        serde_json::from_str(body).map_err(|_| ApiError::Unexpected)
    } else {
        Err(serde_json::from_str::<Problem>(body)
            .map(|problem| ApiError::Problem(Box::new(problem)))
            .unwrap_or(ApiError::Status(status)))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use domain::contract::{AccessToken, Page};

    use super::*;

    #[test]
    fn a_success_body_is_read_as_the_expected_shape() {
        let token: AccessToken = decode(
            200,
            r#"{"access_token":"abc","token_type":"Bearer","expires_in":900}"#,
        )
        .unwrap();
        assert_eq!(token.access_token, "abc");
    }

    #[test]
    fn an_empty_204_reads_as_unit() {
        assert_eq!(decode::<()>(204, ""), Ok(()));
    }

    #[test]
    fn a_problem_document_keeps_its_code() {
        let body = r#"{"type":"about:blank","title":"Unauthorized","status":401,
            "detail":"wrong e-mail or password","code":"invalid_credentials"}"#;
        let error = decode::<AccessToken>(401, body).unwrap_err();
        assert_eq!(error.code(), Some("invalid_credentials"));
        assert!(error.is_unauthenticated());
    }

    #[test]
    fn an_error_without_a_problem_document_keeps_its_status() {
        let error = decode::<AccessToken>(502, "<html>Bad Gateway</html>").unwrap_err();
        assert_eq!(error, ApiError::Status(502));
    }

    #[test]
    fn a_success_in_the_wrong_shape_is_unexpected() {
        assert_eq!(
            decode::<Page<AccessToken>>(200, r#"{"nothing":"here"}"#),
            Err(ApiError::Unexpected)
        );
    }
}
