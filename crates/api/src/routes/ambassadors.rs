//! Ambassadors: their profile, intake, VOG records and documents, and their privacy rights
//! (export and erasure).

use actix_web::http::header;
use actix_web::{HttpResponse, delete, get, post, put, web};
use domain::ambassador::{DocumentKind, MAX_DOCUMENT_BYTES};
use domain::contract::{
    Ambassador, AmbassadorExport, AmbassadorInput, AmbassadorListItem, AmbassadorQuery,
    DocumentInfo, Intake, IntakeTransition, Page, Problem, SensitiveReadKind, VogInput, VogRecord,
};
use futures_util::StreamExt;
use uuid::Uuid;

use super::pagination::{PageQuery, into_page};
use crate::auth::Principal;
use crate::error::ErrorCode;
use crate::error::{ApiError, OrNotFound};
use crate::policy::{self, Action};
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(list_ambassadors)
        .service(create_ambassador)
        .service(my_ambassador_profile)
        .service(get_ambassador)
        .service(update_ambassador)
        .service(get_intake)
        .service(take_intake_step)
        .service(record_vog)
        .service(put_document)
        .service(get_document)
        .service(export_ambassador)
        .service(erase_ambassador);
}

async fn find(state: &AppState, id: Uuid) -> Result<Ambassador, ApiError> {
    state
        .store
        .get_ambassador(id)
        .await
        .or_not_found("ambassador")
}

/// List ambassadors, with their intake status and whether their VOG is valid today.
#[utoipa::path(
    operation_id = "listAmbassadors",
    tag = "ambassadors",
    params(AmbassadorQuery, PageQuery),
    responses(
        (status = 200, description = "A page of ambassadors, oldest first.", body = Page<AmbassadorListItem>),
        (status = 400, description = "A filter has an unknown value.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff list ambassadors.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`limit` or `after` is invalid.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/ambassadors")]
pub async fn list_ambassadors(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<AmbassadorQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<AmbassadorListItem>>, ApiError> {
    policy::authorize(&principal, Action::ListAmbassadors, "ambassador")?;
    let limit = page.limit()?;
    let after = page.after(|text| Uuid::parse_str(text).ok())?;
    let items = state
        .store
        .list_ambassadors(query.status, state.clock.today(), after, limit + 1)
        .await?;
    Ok(web::Json(into_page(items, limit, |a| a.id.to_string())))
}

/// Register an ambassador. They start as `registered`. When a user account with the same
/// e-mail address exists and has no profile yet, the profile is linked to it, so the
/// ambassador can keep it up to date themself.
#[utoipa::path(
    operation_id = "createAmbassador",
    tag = "ambassadors",
    request_body = AmbassadorInput,
    responses(
        (status = 201, description = "The ambassador.", body = Ambassador),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff register ambassadors.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/ambassadors")]
pub async fn create_ambassador(
    state: web::Data<AppState>,
    principal: Principal,
    body: crate::json::Json<AmbassadorInput>,
) -> Result<HttpResponse, ApiError> {
    let created = usecases::ambassadors::create(&state, &principal, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(created))
}

/// The profile of the ambassador who is logged in.
#[utoipa::path(
    operation_id = "getMyAmbassadorProfile",
    tag = "ambassadors",
    responses(
        (status = 200, description = "Their profile.", body = Ambassador),
        (status = 403, description = "A partner client is not a person.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The person has no ambassador profile.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/ambassador")]
pub async fn my_ambassador_profile(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<Ambassador>, ApiError> {
    let Principal::User(user) = &principal else {
        return Err(ApiError::Forbidden);
    };
    let profile = state
        .store
        .ambassador_of_user(user.id)
        .await
        .or_not_found("ambassador profile")?;
    Ok(web::Json(profile))
}

/// One ambassador's full profile: programme staff, or the ambassador themself.
#[utoipa::path(
    operation_id = "getAmbassador",
    tag = "ambassadors",
    params(("id" = Uuid, Path, description = "The ambassador's id.")),
    responses(
        (status = 200, description = "The profile.", body = Ambassador),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ambassador that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/ambassadors/{id}")]
pub async fn get_ambassador(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Ambassador>, ApiError> {
    let ambassador = find(&state, *id).await?;
    policy::authorize(
        &principal,
        Action::ReadAmbassador {
            owner: ambassador.user_id,
        },
        "ambassador",
    )?;
    Ok(web::Json(ambassador))
}

/// Replace an ambassador's profile: programme staff, or the ambassador themself.
#[utoipa::path(
    operation_id = "updateAmbassador",
    tag = "ambassadors",
    params(("id" = Uuid, Path, description = "The ambassador's id.")),
    request_body = AmbassadorInput,
    responses(
        (status = 200, description = "The profile as stored.", body = Ambassador),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ambassador that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/ambassadors/{id}")]
pub async fn update_ambassador(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<AmbassadorInput>,
) -> Result<web::Json<Ambassador>, ApiError> {
    let updated = usecases::ambassadors::update(&state, &principal, *id, body.into_inner()).await?;
    Ok(web::Json(updated))
}

/// The intake so far: its steps, the documents still kept, and every VOG on record. A read that
/// shows VOG records is logged as a sensitive read.
#[utoipa::path(
    operation_id = "getIntake",
    tag = "ambassadors",
    params(("id" = Uuid, Path, description = "The ambassador's id.")),
    responses(
        (status = 200, description = "The intake.", body = Intake),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ambassador that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/ambassadors/{id}/intake")]
pub async fn get_intake(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Intake>, ApiError> {
    let ambassador = find(&state, *id).await?;
    policy::authorize(
        &principal,
        Action::ReadIntake {
            owner: ambassador.user_id,
        },
        "ambassador",
    )?;
    let intake = usecases::ambassadors::intake(&state, ambassador.id).await?;
    if !intake.vogs.is_empty() {
        usecases::privacy::log_read(
            &state,
            &principal,
            SensitiveReadKind::VogRecords,
            ambassador.id,
            "intake",
            ambassador.id,
        )
        .await?;
    }
    Ok(web::Json(intake))
}

/// Take an intake step: plan the intake, complete it (the intake decision), request the VOG,
/// make the ambassador available (needs an issued VOG on record), or withdraw (with a reason).
#[utoipa::path(
    operation_id = "takeIntakeStep",
    tag = "ambassadors",
    params(("id" = Uuid, Path, description = "The ambassador's id.")),
    request_body = IntakeTransition,
    responses(
        (status = 200, description = "The ambassador in their new status.", body = Ambassador),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff take intake steps.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ambassador that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The step does not follow from the current status (`invalid_transition`), or no issued VOG is on record (`vog_missing`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A reason is required, the note is too long, or the day is in the future.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/ambassadors/{id}/intake")]
pub async fn take_intake_step(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<IntakeTransition>,
) -> Result<web::Json<Ambassador>, ApiError> {
    let updated =
        usecases::ambassadors::take_intake_step(&state, &principal, *id, body.into_inner()).await?;
    Ok(web::Json(updated))
}

/// Record a VOG that programme staff saw: its dates and outcome, never the document.
#[utoipa::path(
    operation_id = "recordVog",
    tag = "ambassadors",
    params(("id" = Uuid, Path, description = "The ambassador's id.")),
    request_body = VogInput,
    responses(
        (status = 201, description = "The record.", body = VogRecord),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff record VOGs.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ambassador that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Seen before it was issued, or a date in the future.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/ambassadors/{id}/vogs")]
pub async fn record_vog(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<VogInput>,
) -> Result<HttpResponse, ApiError> {
    let record =
        usecases::ambassadors::record_vog(&state, &principal, *id, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(record))
}

/// Hand in the motivation letter or the CV: the raw bytes of a PDF or DOCX (at most 5 MiB),
/// recognised by content, whatever `Content-Type` says. Replaces an earlier one. Kept until a
/// set number of days after the intake decision.
#[utoipa::path(
    operation_id = "putDocument",
    tag = "ambassadors",
    params(
        ("id" = Uuid, Path, description = "The ambassador's id."),
        ("kind" = DocumentKind, Path, description = "`motivation_letter` or `cv`."),
    ),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The PDF or DOCX file."),
    responses(
        (status = 200, description = "The document as stored.", body = DocumentInfo),
        (status = 400, description = "The id or kind is not valid.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ambassador that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Larger than 5 MiB.", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not a PDF or DOCX file.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/ambassadors/{id}/documents/{kind}")]
pub async fn put_document(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, String)>,
    mut payload: web::Payload,
) -> Result<web::Json<DocumentInfo>, ApiError> {
    let (id, kind) = path.into_inner();
    let kind = DocumentKind::parse(&kind).map_err(|e| ApiError::BadRequest {
        code: ErrorCode::InvalidPath,
        detail: e.0,
    })?;
    let mut content = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::BadRequest {
            code: ErrorCode::MalformedBody,
            detail: e.to_string(),
        })?;
        if content.len() + chunk.len() > MAX_DOCUMENT_BYTES {
            return Err(ApiError::PayloadTooLarge {
                limit: MAX_DOCUMENT_BYTES,
            });
        }
        content.extend_from_slice(&chunk);
    }
    let info = usecases::ambassadors::put_document(&state, &principal, id, kind, content).await?;
    Ok(web::Json(info))
}

/// Download an intake document. Each download is logged as a sensitive read.
#[utoipa::path(
    operation_id = "getDocument",
    tag = "ambassadors",
    params(
        ("id" = Uuid, Path, description = "The ambassador's id."),
        ("kind" = DocumentKind, Path, description = "`motivation_letter` or `cv`."),
    ),
    responses(
        (status = 200, description = "The file, as it was handed in: a PDF or a DOCX document, with `Content-Disposition: attachment`.", content(
            (Vec<u8> = "application/pdf"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        )),
        (status = 400, description = "The id or kind is not valid.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such document (perhaps purged) that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/ambassadors/{id}/documents/{kind}")]
pub async fn get_document(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, String)>,
) -> Result<HttpResponse, ApiError> {
    let (id, kind) = path.into_inner();
    let kind = DocumentKind::parse(&kind).map_err(|e| ApiError::BadRequest {
        code: ErrorCode::InvalidPath,
        detail: e.0,
    })?;
    let ambassador = find(&state, id).await?;
    policy::authorize(
        &principal,
        Action::ReadIntake {
            owner: ambassador.user_id,
        },
        "ambassador",
    )?;
    let document = state
        .store
        .get_document(ambassador.id, kind)
        .await
        .or_not_found("document")?;
    usecases::privacy::log_read(
        &state,
        &principal,
        SensitiveReadKind::Document,
        ambassador.id,
        kind.as_str(),
        ambassador.id,
    )
    .await?;
    Ok(HttpResponse::Ok()
        .content_type(document.format.media_type())
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"{}.{}\"",
                kind,
                document.format.extension()
            ),
        ))
        .body(document.content))
}

/// Everything Klasbrug holds about an ambassador, as JSON (right of access). Audited, and logged
/// as a sensitive read.
#[utoipa::path(
    operation_id = "exportAmbassador",
    tag = "ambassadors",
    params(("id" = Uuid, Path, description = "The ambassador's id.")),
    responses(
        (status = 200, description = "All their data.", body = AmbassadorExport),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ambassador that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/ambassadors/{id}/export")]
pub async fn export_ambassador(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<AmbassadorExport>, ApiError> {
    let ambassador = find(&state, *id).await?;
    policy::authorize(
        &principal,
        Action::ReadIntake {
            owner: ambassador.user_id,
        },
        "ambassador",
    )?;
    let export = usecases::ambassadors::export_of(&state, ambassador).await?;
    super::audit(
        &state.store,
        &principal,
        "ambassador.export",
        "ambassador",
        Some(export.ambassador.id),
    )
    .await?;
    usecases::privacy::log_read(
        &state,
        &principal,
        SensitiveReadKind::Export,
        export.ambassador.id,
        "export",
        export.ambassador.id,
    )
    .await?;
    Ok(web::Json(export))
}

/// Erase an ambassador's personal data (right to erasure). The profile becomes anonymous;
/// documents, VOG records, notes and concern texts are deleted; their login is closed. Matches
/// stay, anonymously, as the schools' history. Refused while a match is live. Audited.
#[utoipa::path(
    operation_id = "eraseAmbassador",
    tag = "ambassadors",
    params(("id" = Uuid, Path, description = "The ambassador's id.")),
    responses(
        (status = 204, description = "Erased."),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff erase.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ambassador (or already erased).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A match is still live: decline or end it first.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[delete("/ambassadors/{id}")]
pub async fn erase_ambassador(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    usecases::ambassadors::erase(&state, &principal, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}
