//! The 22-hour rule's policies: how many hours a month a group may get lessons from
//! professionals without a teaching qualification, where and when, and which subjects they may
//! not teach.

use actix_web::{HttpResponse, get, post, web};
use domain::contract::Problem;
use domain::hours_policy::HoursPolicy;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(list_hours_policies)
        .service(add_hours_policy);
}

/// The policies, oldest first. The G5 experiment (Amsterdam, Almere, Den Haag, Rotterdam,
/// Utrecht; 22 hours a month; not Nederlands, rekenen/wiskunde or bewegingsonderwijs) is loaded
/// by default; schools outside every policy's scope and period are not limited.
#[utoipa::path(
    operation_id = "listHoursPolicies",
    tag = "lesson-series",
    responses(
        (status = 200, description = "The policies.", body = Vec<HoursPolicy>),
    ),
    security(("bearer" = []), ("oauth2" = []))
)]
#[get("/hours-policies")]
pub async fn list_hours_policies(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<Vec<HoursPolicy>>, ApiError> {
    policy::authorize(&principal, Action::ReadHoursPolicies, "hours policy")?;
    Ok(web::Json(state.store.list_hours_policies().await?))
}

/// Add a policy (programme staff), such as a new rule with its own period and municipalities.
#[utoipa::path(
    operation_id = "addHoursPolicy",
    tag = "lesson-series",
    request_body = HoursPolicy,
    responses(
        (status = 201, description = "The policy as stored.", body = HoursPolicy),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff add policies.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A policy with this name exists.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/hours-policies")]
pub async fn add_hours_policy(
    state: web::Data<AppState>,
    principal: Principal,
    body: crate::json::Json<HoursPolicy>,
) -> Result<HttpResponse, ApiError> {
    let policy = usecases::hours_policies::add(&state, &principal, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(policy))
}
