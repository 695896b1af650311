//! Requests of a data subject: the person's own (ask, follow, download their data) and
//! programme staff's (record, list what is due first, take up, answer or refuse).

use actix_web::http::header;
use actix_web::{HttpResponse, get, post, web};
use domain::contract::{
    KeptRecord, PersonalData, PrivacyRequest, PrivacyRequestInput, PrivacyRequestQuery,
    PrivacyRequestUpdate, Problem, RecordedPrivacyRequestInput,
};
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases::privacy_requests as usecase;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(ask_privacy_request)
        .service(list_my_privacy_requests)
        .service(get_my_erasure_preview)
        .service(get_my_data)
        .service(get_my_data_html)
        .service(record_privacy_request)
        .service(list_privacy_requests)
        .service(get_privacy_request)
        .service(change_privacy_request)
        .service(get_privacy_request_data)
        .service(get_privacy_request_data_html);
}

/// Ask to see one's data (AVG art. 15) or to be erased (art. 17), as the person who is logged
/// in. One request of each kind is open at a time; the answer is due within a month.
#[utoipa::path(
    operation_id = "askPrivacyRequest",
    tag = "privacy",
    request_body = PrivacyRequestInput,
    responses(
        (status = 201, description = "The request, with its deadline and, for an erasure, what would be kept and why.", body = PrivacyRequest),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A partner client is not a person.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A request of this kind is open already (`privacy_request_open`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The note is longer than 1000 characters.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/me/privacy-requests")]
pub async fn ask_privacy_request(
    state: web::Data<AppState>,
    principal: Principal,
    body: crate::json::Json<PrivacyRequestInput>,
) -> Result<HttpResponse, ApiError> {
    let created = usecase::ask(&state, &principal, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(created))
}

/// The logged-in person's requests, newest first, with their status, deadline and answer.
#[utoipa::path(
    operation_id = "listMyPrivacyRequests",
    tag = "privacy",
    responses(
        (status = 200, description = "Their requests.", body = Vec<PrivacyRequest>),
        (status = 403, description = "A partner client is not a person.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/privacy-requests")]
pub async fn list_my_privacy_requests(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<Vec<PrivacyRequest>>, ApiError> {
    Ok(web::Json(usecase::mine(&state, &principal).await?))
}

/// What erasing the logged-in person today would keep, why and until when, to read before
/// asking: paid allowances inside the payment period, the request, the audit log.
#[utoipa::path(
    operation_id = "getMyErasurePreview",
    tag = "privacy",
    responses(
        (status = 200, description = "What an erasure today would keep.", body = Vec<KeptRecord>),
        (status = 403, description = "A partner client is not a person.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/erasure-preview")]
pub async fn get_my_erasure_preview(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<Vec<KeptRecord>>, ApiError> {
    Ok(web::Json(
        usecase::erasure_preview(&state, &principal).await?,
    ))
}

/// Everything Klasbrug holds about the logged-in person, as JSON: their account and roles,
/// their ambassador profile (intake, documents, matches, concerns), the e-mails sent to them
/// and their requests. Audited; an ambassador's part is logged as a sensitive read.
#[utoipa::path(
    operation_id = "getMyData",
    tag = "privacy",
    responses(
        (status = 200, description = "All their data.", body = PersonalData),
        (status = 403, description = "A partner client is not a person.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/data")]
pub async fn get_my_data(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<PersonalData>, ApiError> {
    Ok(web::Json(usecase::my_data(&state, &principal).await?))
}

/// The same as a readable Dutch HTML document, to download, read and print.
#[utoipa::path(
    operation_id = "getMyDataHtml",
    tag = "privacy",
    responses(
        (status = 200, description = "Their data as an HTML document, with `Content-Disposition: attachment`.", content_type = "text/html", body = String),
        (status = 403, description = "A partner client is not a person.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/data.html")]
pub async fn get_my_data_html(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<HttpResponse, ApiError> {
    html(&usecase::my_data(&state, &principal).await?)
}

/// Record a request that came by letter or e-mail, for the person whose Klasbrug account has
/// the given address; its deadline runs from the day it was received. Programme staff only.
#[utoipa::path(
    operation_id = "recordPrivacyRequest",
    tag = "privacy",
    request_body = RecordedPrivacyRequestInput,
    responses(
        (status = 201, description = "The request.", body = PrivacyRequest),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff record requests.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The person has a request of this kind open already (`privacy_request_open`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No account has the address, the day is in the future, the channel is `own_page`, or the note is too long; each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/privacy-requests")]
pub async fn record_privacy_request(
    state: web::Data<AppState>,
    principal: Principal,
    body: crate::json::Json<RecordedPrivacyRequestInput>,
) -> Result<HttpResponse, ApiError> {
    let created = usecase::record(&state, &principal, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(created))
}

/// The open requests, the first due first (late ones marked `overdue`); with `open=false`
/// the answered and refused ones, the last closed first. Programme staff only.
#[utoipa::path(
    operation_id = "listPrivacyRequests",
    tag = "privacy",
    params(PrivacyRequestQuery),
    responses(
        (status = 200, description = "The requests.", body = Vec<PrivacyRequest>),
        (status = 400, description = "`open` is not `true` or `false`.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff see them.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/privacy-requests")]
pub async fn list_privacy_requests(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<PrivacyRequestQuery>,
) -> Result<web::Json<Vec<PrivacyRequest>>, ApiError> {
    let open = query.open.unwrap_or(true);
    Ok(web::Json(usecase::list(&state, &principal, open).await?))
}

/// One request. Programme staff only.
#[utoipa::path(
    operation_id = "getPrivacyRequest",
    tag = "privacy",
    params(("id" = Uuid, Path, description = "The request's id.")),
    responses(
        (status = 200, description = "The request.", body = PrivacyRequest),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff see requests.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such request.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/privacy-requests/{id}")]
pub async fn get_privacy_request(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<PrivacyRequest>, ApiError> {
    Ok(web::Json(usecase::one(&state, &principal, *id).await?))
}

/// Take a request up (`in_progress`), answer it (`done`) or refuse it (`refused`, with the
/// reason in `answer`). Answering an erasure erases the person in the same step: their
/// ambassador profile, account, roles and sessions; payments inside the fiscal period are
/// kept, as `kept` says. The person is mailed the answer. Programme staff only.
#[utoipa::path(
    operation_id = "changePrivacyRequest",
    tag = "privacy",
    params(("id" = Uuid, Path, description = "The request's id.")),
    request_body = PrivacyRequestUpdate,
    responses(
        (status = 200, description = "The request as changed.", body = PrivacyRequest),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff handle requests.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such request.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The request is closed, or cannot move so (`invalid_transition`); or the person is in a live match (`match_live`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A refusal without a reason, or an answer longer than 2000 characters.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/privacy-requests/{id}/transitions")]
pub async fn change_privacy_request(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<PrivacyRequestUpdate>,
) -> Result<web::Json<PrivacyRequest>, ApiError> {
    Ok(web::Json(
        usecase::change(&state, &principal, *id, body.into_inner()).await?,
    ))
}

/// Everything Klasbrug holds about the person of a request, as JSON, for programme staff to
/// answer a request that came by letter or e-mail. Audited and logged as a sensitive read.
#[utoipa::path(
    operation_id = "getPrivacyRequestData",
    tag = "privacy",
    params(("id" = Uuid, Path, description = "The request's id.")),
    responses(
        (status = 200, description = "All the person's data.", body = PersonalData),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such request, or its person is erased.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/privacy-requests/{id}/data")]
pub async fn get_privacy_request_data(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<PersonalData>, ApiError> {
    Ok(web::Json(
        usecase::subject_data(&state, &principal, *id).await?,
    ))
}

/// The same as a readable Dutch HTML document, to send to the person.
#[utoipa::path(
    operation_id = "getPrivacyRequestDataHtml",
    tag = "privacy",
    params(("id" = Uuid, Path, description = "The request's id.")),
    responses(
        (status = 200, description = "The person's data as an HTML document, with `Content-Disposition: attachment`.", content_type = "text/html", body = String),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such request, or its person is erased.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/privacy-requests/{id}/data.html")]
pub async fn get_privacy_request_data_html(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    html(&usecase::subject_data(&state, &principal, *id).await?)
}

fn html(data: &PersonalData) -> Result<HttpResponse, ApiError> {
    let html =
        crate::personal_data_html::render(data).map_err(|e| ApiError::Unexpected(e.into()))?;
    let day = domain::local_date::amsterdam_date(data.exported_at);
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"mijn-gegevens-klasbrug-{day}.html\""),
        ))
        .body(html))
}
