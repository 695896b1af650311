//! The programme dashboard, as JSON and as an Excel workbook.

use actix_web::{HttpResponse, get, web};
use domain::contract::{Dashboard, DashboardQuery, Problem};

use crate::auth::Principal;
use crate::error::ApiError;
use crate::policy;
use crate::routes::registry::Routes;
use crate::state::AppState;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config.service(get_dashboard).service(get_dashboard_xlsx);
}

async fn dashboard(
    state: &AppState,
    principal: &Principal,
    query: &DashboardQuery,
) -> Result<Dashboard, ApiError> {
    let scope = policy::dashboard_scope(principal)?;
    crate::dashboard::build(&state.store, state.clock.today(), &scope, query).await
}

/// The dashboard of a school year: per section a chart's numbers as a small table (spots
/// offered, suggested and filled; ambassadors per intake step with their median wait; matches
/// from proposed to ended early with the reasons; approved hours per month; allowances paid
/// against the caps; sponsored hours and social-return value per employer). Programme staff
/// see the programme, narrowed by the filters; a school director or coordinator sees only
/// their own schools.
#[utoipa::path(
    operation_id = "getDashboard",
    tag = "dashboard",
    params(DashboardQuery),
    responses(
        (status = 200, description = "The dashboard.", body = Dashboard),
        (status = 400, description = "An unknown filter, school year or region.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not programme staff, a school director or a coordinator.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A municipality longer than 100 characters.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/dashboard")]
pub async fn get_dashboard(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<DashboardQuery>,
) -> Result<web::Json<Dashboard>, ApiError> {
    Ok(web::Json(dashboard(&state, &principal, &query).await?))
}

/// The same dashboard as an Excel workbook: one sheet per section, Dutch headings, numeric
/// cells.
#[utoipa::path(
    operation_id = "getDashboardXlsx",
    tag = "dashboard",
    params(DashboardQuery),
    responses(
        (status = 200, description = "The workbook.", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 400, description = "An unknown filter, school year or region.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not programme staff, a school director or a coordinator.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A municipality longer than 100 characters.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/dashboard.xlsx")]
pub async fn get_dashboard_xlsx(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<DashboardQuery>,
) -> Result<HttpResponse, ApiError> {
    let dashboard = dashboard(&state, &principal, &query).await?;
    let bytes = crate::dashboard_xlsx::write_xlsx(&dashboard)
        .map_err(|e| ApiError::Unexpected(e.into()))?;
    Ok(HttpResponse::Ok()
        .content_type(crate::dashboard_xlsx::CONTENT_TYPE)
        .insert_header((
            "Content-Disposition",
            format!(
                "attachment; filename=\"dashboard-{}.xlsx\"",
                dashboard.school_year
            ),
        ))
        .body(bytes))
}
