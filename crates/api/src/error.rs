//! The API's one error type and its mapping to `application/problem+json` (RFC 9457).
//!
//! Which variant to use:
//! - input a person can fix: `Invalid` (422, per field) or `BadRequest` (400, the whole request);
//! - who you are: `Unauthenticated`, `InvalidToken`, `InvalidCredentials`, … (401);
//! - what you may do: `Forbidden` (403), or `NotFound` (404) where even existence must not leak;
//! - the database out of reach: `Unavailable` (503 with `Retry-After`), mapped from the store;
//! - anything else is `Unexpected`: logged with its cause chain, shown as an opaque 500.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
pub use domain::contract::ErrorCode;
use domain::contract::{FieldError, Problem};

/// How long a client should wait before retrying while the database is unreachable.
pub const UNAVAILABLE_RETRY_SECS: u64 = 5;

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Some fields are invalid.
    #[error("{detail}")]
    Invalid {
        /// A summary for a person.
        detail: String,
        /// The fields and what is wrong with each.
        errors: Vec<FieldError>,
    },
    /// The request as a whole cannot be understood.
    #[error("{detail}")]
    BadRequest {
        /// The stable code.
        code: ErrorCode,
        /// What to fix.
        detail: String,
    },
    /// The request is well-formed but cannot be carried out as sent (422), such as an
    /// `Idempotency-Key` reused for another request.
    #[error("{detail}")]
    Unprocessable {
        /// The stable code, such as `idempotency_key_reused`.
        code: ErrorCode,
        /// What to fix.
        detail: String,
    },
    /// The body is not of a type this operation accepts.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// The body is larger than accepted.
    #[error("the request body is larger than {limit} bytes")]
    PayloadTooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// No credentials were sent.
    #[error("this operation needs an access token: send Authorization: Bearer <token>")]
    Unauthenticated,
    /// The access token is expired, tampered with or not ours.
    #[error("the access token is invalid or expired; log in again or refresh it")]
    InvalidToken,
    /// E-mail and password do not match an account.
    #[error("the e-mail address or password is incorrect")]
    InvalidCredentials,
    /// The refresh token is missing, expired or revoked.
    #[error("there is no valid session; log in again")]
    InvalidRefreshToken,
    /// Client id and secret do not match a partner client.
    #[error("the client id or secret is incorrect")]
    InvalidClient,
    /// Too many failed attempts; try again later.
    #[error("too many failed login attempts; try again in {retry_after_secs} seconds")]
    TooManyAttempts {
        /// When to try again.
        retry_after_secs: u64,
    },
    /// The principal may not do this.
    #[error("you may not do this")]
    Forbidden,
    /// The resource does not exist, or the principal may not know that it does.
    #[error("{0} not found")]
    NotFound(&'static str),
    /// A key from a link (a token) names nothing; a more precise code than `not_found` tells
    /// the client what to say (404).
    #[error("{detail}")]
    UnknownLink {
        /// The stable code, such as `reset_link_invalid`.
        code: ErrorCode,
        /// What to do instead.
        detail: String,
    },
    /// The request conflicts with the resource's state.
    #[error("{detail}")]
    Conflict {
        /// The stable code, such as `invalid_transition`.
        code: ErrorCode,
        /// What conflicts and what to do instead.
        detail: String,
    },
    /// The resource existed but is spent for good, such as a used or expired invitation.
    #[error("{detail}")]
    Gone {
        /// The stable code, such as `invitation_expired`.
        code: ErrorCode,
        /// What happened and what to do instead.
        detail: String,
    },
    /// The request's `If-Match` names a version the resource no longer has: someone changed it
    /// in between.
    #[error("{0}")]
    PreconditionFailed(String),
    /// Any of the above with facts a client acts on (which cap, which VOG, the current
    /// version), sent as the problem's `details`.
    #[error("{error}")]
    Detailed {
        /// Status, code and message.
        error: Box<ApiError>,
        /// The facts behind it.
        details: Box<domain::contract::ProblemDetails>,
    },
    /// The database cannot be reached.
    #[error("the database is not reachable")]
    Unavailable,
    /// Anything the caller cannot fix.
    #[error("unexpected error")]
    Unexpected(#[from] anyhow::Error),
}

impl ApiError {
    /// A 422 for one invalid field.
    pub fn invalid_field(field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        ApiError::Invalid {
            detail: format!("{field}: {message}"),
            errors: vec![FieldError {
                field: field.to_owned(),
                message,
            }],
        }
    }

    /// A 422 for every invalid field found.
    pub fn invalid_fields(errors: Vec<FieldError>) -> Self {
        let detail = errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect::<Vec<_>>()
            .join("; ");
        ApiError::Invalid { detail, errors }
    }

    /// `error` with the facts behind it.
    pub fn detailed(error: ApiError, details: domain::contract::ProblemDetails) -> Self {
        ApiError::Detailed {
            error: Box::new(error),
            details: Box::new(details),
        }
    }

    /// The stable code clients branch on.
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::Detailed { error, .. } => error.code(),
            ApiError::Invalid { .. } => ErrorCode::InvalidInput,
            ApiError::BadRequest { code, .. } | ApiError::Unprocessable { code, .. } => *code,
            ApiError::UnsupportedMediaType(_) => ErrorCode::UnsupportedMediaType,
            ApiError::PayloadTooLarge { .. } => ErrorCode::PayloadTooLarge,
            ApiError::Unauthenticated => ErrorCode::Unauthenticated,
            ApiError::InvalidToken => ErrorCode::InvalidToken,
            ApiError::InvalidCredentials => ErrorCode::InvalidCredentials,
            ApiError::InvalidRefreshToken => ErrorCode::InvalidRefreshToken,
            ApiError::InvalidClient => ErrorCode::InvalidClient,
            ApiError::TooManyAttempts { .. } => ErrorCode::TooManyAttempts,
            ApiError::Forbidden => ErrorCode::Forbidden,
            ApiError::NotFound(_) => ErrorCode::NotFound,
            ApiError::Conflict { code, .. }
            | ApiError::Gone { code, .. }
            | ApiError::UnknownLink { code, .. } => *code,
            ApiError::PreconditionFailed(_) => ErrorCode::PreconditionFailed,
            ApiError::Unavailable => ErrorCode::Unavailable,
            ApiError::Unexpected(_) => ErrorCode::InternalError,
        }
    }

    /// The response body.
    pub fn problem(&self) -> Problem {
        if let ApiError::Detailed { error, details } = self {
            let mut problem = error.problem();
            problem.details = Some((**details).clone());
            return problem;
        }
        let status = self.status_code();
        let errors = match self {
            ApiError::Invalid { errors, .. } => errors.clone(),
            _ => Vec::new(),
        };
        Problem {
            problem_type: "about:blank".to_owned(),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail: self.to_string(),
            code: self.code(),
            details: None,
            errors,
            request_id: crate::request_id::current(),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::Detailed { error, .. } => error.status_code(),
            ApiError::Invalid { .. } | ApiError::Unprocessable { .. } => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Unauthenticated
            | ApiError::InvalidToken
            | ApiError::InvalidCredentials
            | ApiError::InvalidRefreshToken
            | ApiError::InvalidClient => StatusCode::UNAUTHORIZED,
            ApiError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) | ApiError::UnknownLink { .. } => StatusCode::NOT_FOUND,
            ApiError::Conflict { .. } => StatusCode::CONFLICT,
            ApiError::Gone { .. } => StatusCode::GONE,
            ApiError::PreconditionFailed(_) => StatusCode::PRECONDITION_FAILED,
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let ApiError::Unexpected(cause) = self {
            tracing::error!(error = ?cause, "request failed unexpectedly");
        }
        let mut response = HttpResponse::build(self.status_code());
        response.insert_header((
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        ));
        match self {
            ApiError::TooManyAttempts { retry_after_secs } => {
                response.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            ApiError::Unavailable => {
                response.insert_header((header::RETRY_AFTER, UNAVAILABLE_RETRY_SECS.to_string()));
            }
            ApiError::Unauthenticated | ApiError::InvalidToken => {
                response.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"klasbrug\""));
            }
            _ => {}
        }
        response.body(serde_json::to_string(&self.problem()).unwrap_or_default())
    }
}

/// For store lookups: a missing row becomes a 404 that names `what`; other errors map as usual.
pub trait OrNotFound<T> {
    /// `NotFound` as `ApiError::NotFound(what)`.
    fn or_not_found(self, what: &'static str) -> Result<T, ApiError>;
}

impl<T> OrNotFound<T> for store::StoreResult<T> {
    fn or_not_found(self, what: &'static str) -> Result<T, ApiError> {
        self.map_err(|e| match e {
            store::StoreError::NotFound => ApiError::NotFound(what),
            other => other.into(),
        })
    }
}

/// For store writes that break a uniqueness rule or a state check: the store's conflict becomes
/// a 409 with the stable `code` the caller names; other errors map as usual.
pub trait OrConflict<T> {
    /// `Conflict` as `ApiError::Conflict` with `code` and the store's words.
    fn or_conflict(self, code: ErrorCode) -> Result<T, ApiError>;
}

impl<T> OrConflict<T> for store::StoreResult<T> {
    fn or_conflict(self, code: ErrorCode) -> Result<T, ApiError> {
        self.map_err(|e| match e {
            store::StoreError::Conflict(detail) => ApiError::Conflict { code, detail },
            other => other.into(),
        })
    }
}

impl From<store::StoreError> for ApiError {
    fn from(error: store::StoreError) -> Self {
        match error {
            store::StoreError::NotFound => ApiError::NotFound("resource"),
            store::StoreError::Conflict(detail) => ApiError::Conflict {
                code: ErrorCode::Conflict,
                detail,
            },
            store::StoreError::Unavailable(cause) => {
                tracing::warn!(error = %cause, "the database is unavailable");
                ApiError::Unavailable
            }
            other => ApiError::Unexpected(other.into()),
        }
    }
}

/// Maps actix's body and parameter errors to problems, so bad input never gets an HTML or
/// plain-text error from the framework.
pub mod extractors {
    use super::{ApiError, ErrorCode};
    use actix_web::error::{PathError, QueryPayloadError, UrlencodedError};
    use actix_web::{HttpRequest, web};

    /// The largest request body accepted: 1 MiB.
    pub const BODY_LIMIT: usize = 1024 * 1024;

    /// Form bodies (the OAuth2 token endpoint).
    pub fn form_config() -> web::FormConfig {
        web::FormConfig::default()
            .limit(BODY_LIMIT)
            .error_handler(|error, _req| {
                let api_error = match error {
                    UrlencodedError::ContentType => ApiError::UnsupportedMediaType(
                        "send the body as application/x-www-form-urlencoded".to_owned(),
                    ),
                    UrlencodedError::Overflow { .. } => {
                        ApiError::PayloadTooLarge { limit: BODY_LIMIT }
                    }
                    other => ApiError::BadRequest {
                        code: ErrorCode::MalformedForm,
                        detail: format!("the form could not be read: {other}"),
                    },
                };
                api_error.into()
            })
    }

    /// Query strings.
    pub fn query_config() -> web::QueryConfig {
        web::QueryConfig::default().error_handler(|error: QueryPayloadError, _req: &HttpRequest| {
            ApiError::BadRequest {
                code: ErrorCode::InvalidQuery,
                detail: format!("the query string is invalid: {error}"),
            }
            .into()
        })
    }

    /// Path parameters, such as an id that is not a UUID.
    pub fn path_config() -> web::PathConfig {
        web::PathConfig::default().error_handler(|error: PathError, _req: &HttpRequest| {
            ApiError::BadRequest {
                code: ErrorCode::InvalidPath,
                detail: format!("the path is invalid: {error}"),
            }
            .into()
        })
    }
}
