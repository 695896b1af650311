//! A school's capacity per school year: what the director records, and the suggestion.

use actix_web::{get, put, web};
use domain::SchoolYear;
use domain::contract::{Problem, SchoolCapacity, SchoolCapacityInput};
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::error::ErrorCode;
use crate::policy::{self, Action};
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases;
use crate::usecases::schools::{capacity, school};

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config.service(get_capacity).service(put_capacity);
}

/// A school's capacity for a school year, with the suggested number of spots, its reasoning,
/// and the placements so far by status. All zero until the director records it.
#[utoipa::path(
    operation_id = "getSchoolCapacity",
    tag = "schools",
    params(
        ("id" = Uuid, Path, description = "The school's id."),
        ("school_year" = String, Path, description = "The school year, such as `2026-2027`."),
    ),
    responses(
        (status = 200, description = "The capacity.", body = SchoolCapacity),
        (status = 400, description = "The id or school year is malformed.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only the school's director and coordinator (and programme admins) read it.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such school that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/schools/{id}/capacity/{school_year}")]
pub async fn get_capacity(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, String)>,
) -> Result<web::Json<SchoolCapacity>, ApiError> {
    let year = school_year(&path.1)?;
    let school = school(&state.store, path.0).await?;
    policy::authorize(&principal, Action::ReadCapacity(&school), "school")?;
    Ok(web::Json(capacity(&state.store, &school, year).await?))
}

/// Record a school's capacity for a school year: groups, interns, starting teachers, the
/// teachers and whether they opted in, and the number of spots offered.
#[utoipa::path(
    operation_id = "putSchoolCapacity",
    tag = "schools",
    params(
        ("id" = Uuid, Path, description = "The school's id."),
        ("school_year" = String, Path, description = "The school year, such as `2026-2027`."),
    ),
    request_body = SchoolCapacityInput,
    responses(
        (status = 200, description = "The capacity as recorded, with the new suggestion.", body = SchoolCapacity),
        (status = 400, description = "The body or path is malformed.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only the school's director (or a programme admin) records it.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such school that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The numbers do not add up; each problem is named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/schools/{id}/capacity/{school_year}")]
pub async fn put_capacity(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, String)>,
    body: crate::json::Json<SchoolCapacityInput>,
) -> Result<web::Json<SchoolCapacity>, ApiError> {
    let (id, year) = path.into_inner();
    let year = school_year(&year)?;
    let recorded =
        usecases::schools::put_capacity(&state, &principal, id, year, body.into_inner()).await?;
    Ok(web::Json(recorded))
}

/// The school year in a path, or a 400 naming it.
fn school_year(text: &str) -> Result<SchoolYear, ApiError> {
    SchoolYear::parse(text).map_err(|e| ApiError::BadRequest {
        code: ErrorCode::InvalidPath,
        detail: e.0,
    })
}
