//! The audit log, for programme staff.

use actix_web::{get, web};
use domain::contract::{AuditEvent, AuditQuery, Page, Problem};
use uuid::Uuid;

use super::pagination::{PageQuery, into_page};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::routes::registry::Routes;
use crate::state::AppState;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config.service(list_audit_events);
}

/// The audit log: who (with their name) did what to which resource, and when; oldest first, or
/// newest first with `order=newest`, filtered by person, kind of action, period, and without
/// logins with `logins=false`.
#[utoipa::path(
    operation_id = "listAuditEvents",
    tag = "audit",
    params(AuditQuery, PageQuery),
    responses(
        (status = 200, description = "A page of audit events.", body = Page<AuditEvent>),
        (status = 400, description = "A filter has an unknown value.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme admins read the audit log.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`limit` or `after` is invalid.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/audit-events")]
pub async fn list_audit_events(
    state: web::Data<AppState>,
    principal: Principal,
    filter: web::Query<AuditQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<AuditEvent>>, ApiError> {
    policy::authorize(&principal, Action::ReadAuditLog, "audit log")?;
    let limit = page.limit()?;
    let after = page.after(|text| Uuid::parse_str(text).ok())?;
    let items = state.store.list_audit(&filter, after, limit + 1).await?;
    Ok(web::Json(into_page(items, limit, |e| e.id.to_string())))
}
