//! Applications to become an ambassador: from the website (no login), from a partner on a
//! candidate's behalf, their confirmation by the candidate, and the lists of who applied.

use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, HttpResponse, get, post, web};
use domain::contract::{
    Application, ApplicationConfirmation, ApplicationInput, ApplicationQuery, ConfirmedApplication,
    Page, Problem, SignUpReceived,
};
use futures_util::StreamExt;
use uuid::Uuid;

use super::pagination::{PageQuery, into_page};
use crate::auth::{Principal, rate_limit};
use crate::error::{ApiError, ErrorCode, OrNotFound};
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases;

/// The largest application body: two documents of 5 MiB as base64, and the fields.
pub const APPLICATION_BODY_LIMIT: usize = 15 * 1024 * 1024;

/// The header a partner sends so a retry never makes a second application.
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(submit_application)
        .service(confirm_application)
        .service(list_applications)
        .service(get_application);
}

/// Apply to become an ambassador, with the motivation letter and CV (PDF or DOCX, at most 5 MiB
/// each, base64) and consent to the privacy statement.
///
/// **Without a token** (the website): answers 202 whatever the address, and mails it a
/// confirmation link, or, when it has an account already, a note saying so. Only the candidate's
/// confirmation (`confirmApplication`) makes the account and the ambassador (`registered`).
/// Unconfirmed applications are deleted with their documents after seven days. Limited per client
/// address, like signing up.
///
/// **With a partner token** (scope `ambassadors:write`): on a candidate's behalf, with an
/// `Idempotency-Key` header. A retry with the same key and body answers the first application
/// (200, `Idempotent-Replayed: true`); the same key with another body is refused.
#[utoipa::path(
    operation_id = "submitApplication",
    tag = "applications",
    request_body = ApplicationInput,
    params(
        ("Idempotency-Key" = Option<String>, Header, description = "Partners: a unique value per application (at most 255 characters), such as a UUID. Required with a token."),
    ),
    responses(
        (status = 200, description = "A partner's retry: the application the key made first.", body = Application),
        (status = 201, description = "A partner's application, awaiting the candidate's confirmation.", body = Application),
        (status = 202, description = "Received: the address gets an e-mail (the same answer whether or not it has an account).", body = SignUpReceived),
        (status = 400, description = "The body is not valid JSON for this operation, or a partner sent no `Idempotency-Key` (`idempotency_key_required`).", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "A token was sent but is not valid.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The token is not a partner's with scope `ambassadors:write`.", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is larger than 15 MiB.", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields or documents, each named in `errors`; or the `Idempotency-Key` was used for a different application (`idempotency_key_reused`).", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many applications from this address; `Retry-After` says when to try again.", body = Problem, content_type = "application/problem+json"),
    ),
    security((), ("oauth2" = ["ambassadors:write"]))
)]
#[post("/applications")]
pub async fn submit_application(
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    // A token that was sent must be valid: a bad one is not taken for "no token".
    let principal = if req.headers().contains_key(header::AUTHORIZATION) {
        Some(Principal::extract(&req).await?)
    } else {
        None
    };
    if !crate::json::is_json(&req) {
        return Err(crate::json::not_json());
    }
    let body = read_body(payload).await?;
    let input: ApplicationInput = crate::json::parse(&body)?;
    match principal {
        None => {
            let address = rate_limit::client_address(&state, &req);
            rate_limit::claim_sign_up(&state.store, &address).await?;
            usecases::applications::apply(&state, input).await?;
            Ok(HttpResponse::Accepted().json(SignUpReceived::check_your_email()))
        }
        Some(principal) => {
            let key = match req.headers().get(IDEMPOTENCY_KEY) {
                Some(value) => Some(value.to_str().map_err(|_| ApiError::BadRequest {
                    code: ErrorCode::IdempotencyKeyRequired,
                    detail: "the Idempotency-Key must be printable ASCII".to_owned(),
                })?),
                None => None,
            };
            let submitted =
                usecases::applications::submit_for_candidate(&state, &principal, key, input)
                    .await?;
            let location = format!("/api/v1/applications/{}", submitted.application.id);
            Ok(if submitted.replayed {
                HttpResponse::Ok()
                    .insert_header(("Idempotent-Replayed", "true"))
                    .insert_header((header::LOCATION, location))
                    .json(submitted.application)
            } else {
                HttpResponse::Created()
                    .insert_header((header::LOCATION, location))
                    .json(submitted.application)
            })
        }
    }
}

/// Reads a body of at most [`APPLICATION_BODY_LIMIT`] bytes.
async fn read_body(mut payload: web::Payload) -> Result<Vec<u8>, ApiError> {
    let mut body = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::BadRequest {
            code: ErrorCode::MalformedBody,
            detail: e.to_string(),
        })?;
        if body.len() + chunk.len() > APPLICATION_BODY_LIMIT {
            return Err(ApiError::PayloadTooLarge {
                limit: APPLICATION_BODY_LIMIT,
            });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Confirm an application from the link in the e-mail and choose a password: makes the account
/// and the ambassador (`registered`, with both documents). Then log in as usual.
#[utoipa::path(
    operation_id = "confirmApplication",
    tag = "applications",
    request_body = ApplicationConfirmation,
    responses(
        (status = 201, description = "The account and the ambassador are made.", body = ConfirmedApplication),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No application has this token.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Confirmed already (`application_already_confirmed`), or the address got an account meanwhile (`account_exists`).", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "The link expired (`application_expired`): apply again.", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The password is too weak, named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[post("/applications/confirm")]
pub async fn confirm_application(
    state: web::Data<AppState>,
    body: crate::json::Json<ApplicationConfirmation>,
) -> Result<HttpResponse, ApiError> {
    let confirmed = usecases::applications::confirm(&state, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(confirmed))
}

/// Applications, newest first: programme staff see all of them, a partner (scope
/// `ambassadors:write`) only those it sent, with how far each candidate got.
#[utoipa::path(
    operation_id = "listApplications",
    tag = "applications",
    params(ApplicationQuery, PageQuery),
    responses(
        (status = 200, description = "A page of applications, newest first.", body = Page<Application>),
        (status = 400, description = "A filter has an unknown value.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff and partners with `ambassadors:write`.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`limit` or `after` is invalid.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []), ("oauth2" = ["ambassadors:write"]))
)]
#[get("/applications")]
pub async fn list_applications(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<ApplicationQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<Application>>, ApiError> {
    let partner = usecases::applications::partner_scope(&principal)?;
    let limit = page.limit()?;
    let after = page.after(|text| Uuid::parse_str(text).ok())?;
    let items = state
        .store
        .list_applications(
            partner,
            query.status,
            state.clock.now(),
            after,
            i64::from(limit) + 1,
        )
        .await?;
    Ok(web::Json(into_page(items, limit, |a| a.id.to_string())))
}

/// One application: programme staff, or the partner that sent it.
#[utoipa::path(
    operation_id = "getApplication",
    tag = "applications",
    params(("id" = Uuid, Path, description = "The application's id.")),
    responses(
        (status = 200, description = "The application.", body = Application),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff and partners with `ambassadors:write`.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such application that the caller may see (unconfirmed ones are deleted after they expire).", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []), ("oauth2" = ["ambassadors:write"]))
)]
#[get("/applications/{id}")]
pub async fn get_application(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Application>, ApiError> {
    let partner = usecases::applications::partner_scope(&principal)?;
    Ok(web::Json(
        state
            .store
            .get_application(*id, partner, state.clock.now())
            .await
            .or_not_found("application")?,
    ))
}
