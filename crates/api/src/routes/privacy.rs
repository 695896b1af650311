//! What the privacy officer reads: the register of processing and the log of sensitive reads,
//! for programme staff.

use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use domain::contract::{Page, PrivacyRegister, Problem, SensitiveRead, SensitiveReadQuery};
use uuid::Uuid;

use super::pagination::{PageQuery, into_page};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(get_register)
        .service(get_register_html)
        .service(list_sensitive_reads);
}

/// The register of processing activities (AVG art. 30), produced from the code's data model and
/// this server's settings: categories of people and data per table, purposes, legal basis,
/// retention (with the configured periods), recipients (partners per scope, employers) and
/// where the data lives. Its descriptive texts are Dutch.
#[utoipa::path(
    operation_id = "getPrivacyRegister",
    tag = "privacy",
    responses(
        (status = 200, description = "The register.", body = PrivacyRegister),
        (status = 403, description = "Only programme staff read the register.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/privacy/register")]
pub async fn get_register(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<PrivacyRegister>, ApiError> {
    Ok(web::Json(usecases::privacy::register(&state, &principal)?))
}

/// The register as a printable Dutch HTML document, to download and hand to the privacy officer.
#[utoipa::path(
    operation_id = "getPrivacyRegisterHtml",
    tag = "privacy",
    responses(
        (status = 200, description = "The register as an HTML document, with `Content-Disposition: attachment`.", content_type = "text/html", body = String),
        (status = 403, description = "Only programme staff read the register.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/privacy/register.html")]
pub async fn get_register_html(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<HttpResponse, ApiError> {
    let register = usecases::privacy::register(&state, &principal)?;
    let html =
        crate::privacy_html::render(&register).map_err(|e| ApiError::Unexpected(e.into()))?;
    let day = domain::local_date::amsterdam_date(register.generated_at);
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"verwerkingsregister-{day}.html\""),
        ))
        .body(html))
}

/// Who read sensitive data (VOG records, IBANs, intake documents, concerns, full exports) of
/// which ambassador, and when; newest first, filtered by person and kind. Reading this log is
/// not itself logged here (it is programme staff's own audit trail).
#[utoipa::path(
    operation_id = "listSensitiveReads",
    tag = "privacy",
    params(SensitiveReadQuery, PageQuery),
    responses(
        (status = 200, description = "A page of reads, newest first.", body = Page<SensitiveRead>),
        (status = 400, description = "A filter has an unknown value.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff read the log.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`limit` or `after` is invalid.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/privacy/sensitive-reads")]
pub async fn list_sensitive_reads(
    state: web::Data<AppState>,
    principal: Principal,
    filter: web::Query<SensitiveReadQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<SensitiveRead>>, ApiError> {
    policy::authorize(&principal, Action::ReadPrivacyRecords, "sensitive reads")?;
    let limit = page.limit()?;
    let after = page.after(|text| Uuid::parse_str(text).ok())?;
    let items = state
        .store
        .list_sensitive_reads(&filter, after, limit + 1)
        .await?;
    Ok(web::Json(into_page(items, limit, |e| e.id.to_string())))
}
