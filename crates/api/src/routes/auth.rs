//! Logging in and out, refreshing sessions, resetting a forgotten password, and OAuth2 client
//! credentials for partners.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, ResponseError, post, web};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use domain::EmailAddress;
use domain::contract::{
    AccessToken, ClientCredentialsRequest, LoginRequest, PasswordResetConfirmation,
    PasswordResetRequest, Problem, SignUpReceived,
};

use crate::auth::jwt::ACCESS_TOKEN_SECONDS;
use crate::auth::{Principal, rate_limit, session};
use crate::error::ApiError;
use crate::error::ErrorCode;
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases::{password_resets, sessions};

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(login)
        .service(refresh)
        .service(logout)
        .service(request_password_reset)
        .service(confirm_password_reset)
        .service(token);
}

/// Log in with e-mail and password.
///
/// Answers with a 15-minute access token and sets the session cookie (`klasbrug_refresh`,
/// HttpOnly, SameSite=Strict, path `/api/v1/auth`) used by `POST /api/v1/auth/refresh`. The
/// access token stops working early when the session ends (logout) or the password changes.
///
/// Guessing is slowed per account and client address: each attempt is counted before the
/// password is checked, and after 5 attempts that were not a successful login for one account
/// from one address within 15 minutes (or 20 from one address across accounts), further
/// attempts from that address get 429 with `Retry-After` until the window has passed. Logins
/// to the same account from other addresses are not affected.
#[utoipa::path(
    operation_id = "login",
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in.", body = AccessToken,
            headers(("Set-Cookie" = String, description = "The session cookie."))),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "E-mail address or password is incorrect (`invalid_credentials`).", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is larger than 1 MiB.", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The e-mail address or password is missing or implausible.", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts; see `Retry-After`.", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    ),
    security(())
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: crate::json::Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let LoginRequest { email, password } = body.into_inner();
    let email = EmailAddress::parse(&email).map_err(|e| ApiError::invalid_field("email", e.0))?;
    if password.is_empty() {
        return Err(ApiError::invalid_field("password", "is required"));
    }
    let address = rate_limit::client_address(&state, &req);
    let begun = sessions::log_in(&state, &email, password, &address).await?;
    token_response(&state, &begun)
}

/// Exchange the session cookie for a new access token.
///
/// The cookie is rotated on every use. Presenting a cookie that was already used revokes the
/// whole session: it means the cookie was copied.
#[utoipa::path(
    operation_id = "refresh",
    tag = "auth",
    responses(
        (status = 200, description = "A new access token, and a new session cookie.", body = AccessToken,
            headers(("Set-Cookie" = String, description = "The rotated session cookie."))),
        (status = 401, description = "No valid session (`invalid_refresh_token`).", body = Problem, content_type = "application/problem+json"),
    ),
    security(("session_cookie" = []))
)]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let Some(cookie) = req.cookie(session::COOKIE_NAME) else {
        return Err(ApiError::InvalidRefreshToken);
    };
    match sessions::renew(&state, cookie.value()).await? {
        Some(renewed) => token_response(&state, &renewed),
        None => Ok(end_session_response(
            &state,
            ApiError::InvalidRefreshToken.error_response(),
        )),
    }
}

/// Log out: end the session and clear its cookie. Always succeeds.
///
/// The session's refresh tokens are revoked and the access tokens issued in it stop working at
/// once (`invalid_token`); the person's other sessions go on.
#[utoipa::path(
    operation_id = "logout",
    tag = "auth",
    responses(
        (status = 204, description = "Logged out; the session cookie is cleared."),
        (status = 500, description = "The session could not be revoked; try again.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("session_cookie" = []))
)]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    if let Some(cookie) = req.cookie(session::COOKIE_NAME) {
        sessions::log_out(&state, cookie.value()).await?;
    }
    Ok(end_session_response(
        &state,
        HttpResponse::NoContent().finish(),
    ))
}

/// Ask for a link to choose a new password.
///
/// Answers 202 with the same body whether or not the address has an account, so the answer
/// tells nobody who has one. Only an account's address gets an e-mail: a link to
/// `/wachtwoord-herstellen?token=…`, usable once within an hour. Limited to 3 requests per
/// e-mail address and 20 in all from one client address per hour; beyond that 429 with
/// `Retry-After`, whether or not the address has an account.
#[utoipa::path(
    operation_id = "requestPasswordReset",
    tag = "auth",
    request_body = PasswordResetRequest,
    responses(
        (status = 202, description = "Received: if the address has an account, it gets an e-mail with a link (the same answer either way).", body = SignUpReceived),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is larger than 1 MiB.", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The e-mail address is missing or implausible.", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this client address; see `Retry-After`.", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    ),
    security(())
)]
#[post("/auth/password-reset")]
pub async fn request_password_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: crate::json::Json<PasswordResetRequest>,
) -> Result<HttpResponse, ApiError> {
    let email =
        EmailAddress::parse(&body.email).map_err(|e| ApiError::invalid_field("email", e.0))?;
    let address = rate_limit::client_address(&state, &req);
    rate_limit::claim_password_reset(&state.store, email.as_str(), &address).await?;
    password_resets::request(&state, &email).await?;
    Ok(HttpResponse::Accepted().json(SignUpReceived::check_your_email()))
}

/// Choose a new password with the token from the reset e-mail.
///
/// The password is checked as when an account is made (at least 10 characters, hard to
/// guess). The link is then spent, and every session of the person ends: refresh tokens are
/// revoked and access tokens issued before stop working (`invalid_token`). Then log in with the
/// new password. Of two uses of one link at once, one succeeds and the other gets 410.
#[utoipa::path(
    operation_id = "confirmPasswordReset",
    tag = "auth",
    request_body = PasswordResetConfirmation,
    responses(
        (status = 204, description = "The password is changed; every earlier session has ended."),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No reset link has this token (`reset_link_invalid`).", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "The link has expired after an hour (`reset_link_expired`), or was used, or a newer link of the same person was (`reset_link_used`).", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is larger than 1 MiB.", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The password is too short or too easy to guess, named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[post("/auth/password-reset/confirm")]
pub async fn confirm_password_reset(
    state: web::Data<AppState>,
    body: crate::json::Json<PasswordResetConfirmation>,
) -> Result<HttpResponse, ApiError> {
    password_resets::confirm(&state, body.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Get an access token for a partner client (OAuth2 client credentials, RFC 6749 §4.4).
///
/// Send `grant_type=client_credentials` as `application/x-www-form-urlencoded`, with the client
/// id and secret either in the form or as HTTP Basic authentication. Ask for fewer scopes with
/// `scope`; by default the token has every scope the client was granted.
#[utoipa::path(
    operation_id = "issueClientToken",
    tag = "auth",
    request_body(content = ClientCredentialsRequest, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "An access token with the scopes granted.", body = AccessToken),
        (status = 400, description = "Unsupported `grant_type` (`unsupported_grant_type`), a scope not granted (`invalid_scope`), or a malformed form.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Client id or secret is incorrect (`invalid_client`).", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not a form.", body = Problem, content_type = "application/problem+json"),
    ),
    security((), ("client_basic" = []))
)]
#[post("/auth/token")]
pub async fn token(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<ClientCredentialsRequest>,
) -> Result<HttpResponse, ApiError> {
    let form = form.into_inner();
    if form.grant_type != "client_credentials" {
        return Err(ApiError::BadRequest {
            code: ErrorCode::UnsupportedGrantType,
            detail: format!(
                "grant_type '{}' is not supported; use client_credentials",
                form.grant_type
            ),
        });
    }
    let (client_id, secret) = match (basic_credentials(&req), form.client_id, form.client_secret) {
        (Some(basic), _, _) => basic,
        (None, Some(id), Some(secret)) => (id, secret),
        _ => return Err(ApiError::InvalidClient),
    };
    let client =
        sessions::authenticate_client(&state, &client_id, &secret, form.scope.as_deref()).await?;
    let access_token =
        state
            .keys
            .issue_for_client(client.id, client.organisation_id, &client.scopes)?;
    let scopes = client.scopes;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(AccessToken {
            access_token,
            token_type: "Bearer".into(),
            expires_in: ACCESS_TOKEN_SECONDS,
            scope: Some(scopes.to_string()),
        }))
}

/// The access token of a session begun or renewed, with its cookie.
fn token_response(state: &AppState, begun: &sessions::Session) -> Result<HttpResponse, ApiError> {
    let Principal::User(user) = &begun.principal else {
        return Err(ApiError::Unexpected(anyhow::anyhow!(
            "a session is only for people"
        )));
    };
    let (session_id, token_version) = begun.session;
    let access_token =
        state
            .keys
            .issue_for_user(user.id, session_id, token_version, &user.grants)?;
    let mut response = HttpResponse::Ok();
    response.insert_header((header::CACHE_CONTROL, "no-store"));
    response.cookie(session::cookie(
        begun.refresh_token.clone(),
        state.secure_cookies,
    ));
    Ok(response.json(AccessToken {
        access_token,
        token_type: "Bearer".into(),
        expires_in: ACCESS_TOKEN_SECONDS,
        scope: None,
    }))
}

fn end_session_response(state: &AppState, mut response: HttpResponse) -> HttpResponse {
    if let Err(e) = response.add_cookie(&session::removal_cookie(state.secure_cookies)) {
        tracing::warn!(error = %e, "could not clear the session cookie");
    }
    response
}

/// Client id and secret from an `Authorization: Basic` header.
fn basic_credentials(req: &HttpRequest) -> Option<(String, String)> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let encoded = value.strip_prefix("Basic ")?;
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}
