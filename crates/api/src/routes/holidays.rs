//! School holidays per region: lessons are never planned in them.

use actix_web::{HttpResponse, get, post, web};
use domain::contract::{HolidayItem, HolidayQuery, Problem};

use crate::auth::Principal;
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config.service(list_holidays).service(add_holiday);
}

/// The school holidays, by region and first day. Loaded from the national table (autumn 2025 to
/// summer 2027) and extended by programme staff.
#[utoipa::path(
    operation_id = "listHolidays",
    tag = "holidays",
    params(HolidayQuery),
    responses(
        (status = 200, description = "The holidays.", body = Vec<HolidayItem>),
        (status = 400, description = "An unknown region.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []), ("oauth2" = []))
)]
#[get("/holidays")]
pub async fn list_holidays(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<HolidayQuery>,
) -> Result<web::Json<Vec<HolidayItem>>, ApiError> {
    policy::authorize(&principal, Action::ReadHolidays, "holiday")?;
    Ok(web::Json(state.store.list_holidays(query.region).await?))
}

/// Add a school holiday to a region's calendar (programme staff), such as next year's
/// holidays once the ministry publishes them.
#[utoipa::path(
    operation_id = "addHoliday",
    tag = "holidays",
    request_body = HolidayItem,
    responses(
        (status = 201, description = "The holiday as stored.", body = HolidayItem),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff edit the calendar.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The region already has a holiday with this name.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/holidays")]
pub async fn add_holiday(
    state: web::Data<AppState>,
    principal: Principal,
    body: crate::json::Json<HolidayItem>,
) -> Result<HttpResponse, ApiError> {
    let holiday = usecases::holidays::add(&state, &principal, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(holiday))
}
