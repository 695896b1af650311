//! Frameworks of core objectives (kerndoelen): the reference lesson series are tied to.

use actix_web::{get, web};
use domain::contract::{FrameworkSummary, ObjectiveItem, ObjectiveQuery, Problem};

use crate::auth::Principal;
use crate::error::{ApiError, OrNotFound};
use crate::policy::{self, Action};
use crate::routes::registry::Routes;
use crate::state::AppState;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(list_frameworks)
        .service(get_framework)
        .service(list_objectives);
}

/// Every framework of core objectives, oldest first. The 2006 kerndoelen are in force until the
/// new sets (phased in from 1 August 2027) replace them; new sets are data, added without code
/// changes.
#[utoipa::path(
    operation_id = "listFrameworks",
    tag = "frameworks",
    responses(
        (status = 200, description = "The frameworks.", body = Vec<FrameworkSummary>),
    ),
    security(("bearer" = []), ("oauth2" = []))
)]
#[get("/frameworks")]
pub async fn list_frameworks(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<Vec<FrameworkSummary>>, ApiError> {
    policy::authorize(&principal, Action::ReadFrameworks, "framework")?;
    Ok(web::Json(state.store.list_frameworks().await?))
}

/// One framework.
#[utoipa::path(
    operation_id = "getFramework",
    tag = "frameworks",
    params(("code" = String, Path, description = "The framework's code, such as `kerndoelen-2006`.")),
    responses(
        (status = 200, description = "The framework.", body = FrameworkSummary),
        (status = 404, description = "No framework with this code.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []), ("oauth2" = []))
)]
#[get("/frameworks/{code}")]
pub async fn get_framework(
    state: web::Data<AppState>,
    principal: Principal,
    code: web::Path<String>,
) -> Result<web::Json<FrameworkSummary>, ApiError> {
    policy::authorize(&principal, Action::ReadFrameworks, "framework")?;
    Ok(web::Json(find(&state, &code).await?))
}

/// A framework's objectives by number, optionally only one learning area (`domain`) or
/// sub-domain.
#[utoipa::path(
    operation_id = "listObjectives",
    tag = "frameworks",
    params(
        ("code" = String, Path, description = "The framework's code, such as `kerndoelen-2006`."),
        ObjectiveQuery,
    ),
    responses(
        (status = 200, description = "The objectives; empty when no objective is in the asked domain.", body = Vec<ObjectiveItem>),
        (status = 404, description = "No framework with this code.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []), ("oauth2" = []))
)]
#[get("/frameworks/{code}/objectives")]
pub async fn list_objectives(
    state: web::Data<AppState>,
    principal: Principal,
    code: web::Path<String>,
    query: web::Query<ObjectiveQuery>,
) -> Result<web::Json<Vec<ObjectiveItem>>, ApiError> {
    policy::authorize(&principal, Action::ReadFrameworks, "framework")?;
    let framework = find(&state, &code).await?;
    Ok(web::Json(
        state.store.list_objectives(&framework.code, &query).await?,
    ))
}

async fn find(state: &AppState, code: &str) -> Result<FrameworkSummary, ApiError> {
    state
        .store
        .get_framework(code)
        .await
        .or_not_found("framework")
}
