//! A school's capacity per school year: what the director records, and the suggestion.

use actix_web::{get, put, web};
use domain::contract::{Organisation, Problem, SchoolCapacity, SchoolCapacityInput};
use domain::{OrganisationKind, SchoolYear};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::state::AppState;

/// Registers the routes of this file.
pub fn configure(config: &mut ServiceConfig) {
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
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
    let (school, year) = find(&state, &path).await?;
    policy::authorize(&principal, Action::ReadCapacity(&school), "school")?;
    Ok(web::Json(capacity(&state, &school, year).await?))
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
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
    let (school, year) = find(&state, &path).await?;
    policy::authorize(&principal, Action::EditCapacity(&school), "school")?;
    let mut input = body.into_inner();
    input.validate().map_err(ApiError::invalid_fields)?;
    input
        .teachers
        .iter_mut()
        .for_each(|t| t.name = t.name.trim().to_owned());
    state
        .store
        .put_school_capacity(school.id, year, &input)
        .await?;
    super::audit(
        &state.store,
        &principal,
        "capacity.update",
        "school",
        Some(school.id),
    )
    .await?;
    Ok(web::Json(capacity(&state, &school, year).await?))
}

async fn find(
    state: &AppState,
    path: &(Uuid, String),
) -> Result<(Organisation, SchoolYear), ApiError> {
    let year = SchoolYear::parse(&path.1).map_err(|e| ApiError::BadRequest {
        code: "invalid_path",
        detail: e.0,
    })?;
    let school = match state.store.get_organisation(path.0).await {
        Ok(org) if org.kind == OrganisationKind::School => org,
        Ok(_) | Err(store::StoreError::NotFound) => return Err(ApiError::NotFound("school")),
        Err(e) => return Err(e.into()),
    };
    Ok((school, year))
}

async fn capacity(
    state: &AppState,
    school: &Organisation,
    year: SchoolYear,
) -> Result<SchoolCapacity, ApiError> {
    let recorded = state.store.get_school_capacity(school.id, year).await?;
    let (input, updated_at) = match recorded {
        Some((input, at)) => (input, Some(at)),
        None => (
            SchoolCapacityInput {
                groups: 0,
                groups_with_intern: 0,
                groups_with_starting_teacher: 0,
                teachers: Vec::new(),
                offered: None,
            },
            None,
        ),
    };
    let suggestion = input.suggestion();
    Ok(SchoolCapacity {
        school_id: school.id,
        school_year: year,
        reasoning: suggestion.reasoning_nl(),
        suggestion,
        placements: state.store.count_placements(school.id, year).await?,
        input,
        updated_at,
    })
}
