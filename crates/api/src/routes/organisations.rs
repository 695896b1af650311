//! Organisations (tenants) and the people in them.

use actix_web::{get, web};
use domain::contract::{Member, Organisation, Page, Problem};
use domain::{OrganisationKind, Role};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::pagination::{PageQuery, into_page};
use crate::auth::Principal;
use crate::error::{ApiError, OrNotFound};
use crate::policy::{self, Action};
use crate::routes::registry::Routes;
use crate::state::AppState;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(list_organisations)
        .service(get_organisation)
        .service(list_members);
}

/// Filters of the organisation list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrganisationQuery {
    /// Only organisations of this kind.
    pub kind: Option<OrganisationKind>,
}

/// List the organisations the caller may see.
///
/// Programme admins see every organisation; people see those they hold a role in; partner
/// clients with scope `schools:read` see schools.
#[utoipa::path(
    operation_id = "listOrganisations",
    tag = "organisations",
    params(OrganisationQuery, PageQuery),
    responses(
        (status = 200, description = "A page of organisations, in a stable order.", body = Page<Organisation>),
        (status = 400, description = "The query string is invalid.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The client lacks scope `schools:read`.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`limit` or `after` is invalid.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []), ("oauth2" = ["schools:read"]))
)]
#[get("/organisations")]
pub async fn list_organisations(
    state: web::Data<AppState>,
    principal: Principal,
    filter: web::Query<OrganisationQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<Organisation>>, ApiError> {
    let filter = policy::organisation_filter(&principal, filter.kind)?;
    let limit = page.limit()?;
    let after = page.after(|text| Uuid::parse_str(text).ok())?;
    let items = state
        .store
        .list_organisations(&filter, after, limit + 1)
        .await?;
    Ok(web::Json(into_page(items, limit, |o| o.id.to_string())))
}

/// One organisation.
#[utoipa::path(
    operation_id = "getOrganisation",
    tag = "organisations",
    params(("id" = Uuid, Path, description = "The organisation's id.")),
    responses(
        (status = 200, description = "The organisation.", body = Organisation),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []), ("oauth2" = ["schools:read"]))
)]
#[get("/organisations/{id}")]
pub async fn get_organisation(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Organisation>, ApiError> {
    let organisation = find(&state, *id).await?;
    policy::authorize(
        &principal,
        Action::ReadOrganisation(&organisation),
        "organisation",
    )?;
    Ok(web::Json(organisation))
}

/// The people who hold a role in an organisation.
///
/// For programme admins, and for the director of a school or the contact of an employer.
#[utoipa::path(
    operation_id = "listOrganisationMembers",
    tag = "organisations",
    params(("id" = Uuid, Path, description = "The organisation's id."), PageQuery),
    responses(
        (status = 200, description = "A page of members, ordered by person and role.", body = Page<Member>),
        (status = 403, description = "The caller belongs to the organisation but may not list its people.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`limit` or `after` is invalid.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/organisations/{id}/members")]
pub async fn list_members(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<Member>>, ApiError> {
    let organisation = find(&state, *id).await?;
    policy::authorize(
        &principal,
        Action::ListMembers(&organisation),
        "organisation",
    )?;
    let limit = page.limit()?;
    let after = page.after(|text| {
        let (id, role) = text.split_once('.')?;
        Some((Uuid::parse_str(id).ok()?, Role::parse(role).ok()?))
    })?;
    let items = state
        .store
        .list_members(organisation.id, after, limit + 1)
        .await?;
    Ok(web::Json(into_page(items, limit, |m| {
        format!("{}.{}", m.user_id, m.role)
    })))
}

async fn find(state: &AppState, id: Uuid) -> Result<Organisation, ApiError> {
    state
        .store
        .get_organisation(id)
        .await
        .or_not_found("organisation")
}
