//! Matching runs: the engine proposes, programme staff review. Nothing is matched until people
//! confirm.

use actix_web::{HttpResponse, get, post, web};
use domain::contract::{MatchingRun, MatchingRunInput, MatchingRunListItem, Page, Problem};
use uuid::Uuid;

use super::pagination::{PageQuery, into_page};
use crate::auth::Principal;
use crate::error::{ApiError, OrNotFound};
use crate::policy::{self, Action};
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(create_matching_run)
        .service(list_matching_runs)
        .service(get_matching_run);
}

/// Run the matching engine for a school year and start moment: every available ambassador
/// against every open placement with room. The proposals maximise the total score (see the
/// `ScorePart` criteria), each with its score broken down and Dutch reasons; ambassadors left
/// over are listed as candidates for thematic placements. The run is stored; nobody is matched
/// until programme staff propose from it and both sides confirm.
#[utoipa::path(
    operation_id = "createMatchingRun",
    tag = "matching",
    request_body = MatchingRunInput,
    responses(
        (status = 201, description = "The run with its proposals.", body = MatchingRun),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff run matching.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/matching-runs")]
pub async fn create_matching_run(
    state: web::Data<AppState>,
    principal: Principal,
    body: crate::json::Json<MatchingRunInput>,
) -> Result<HttpResponse, ApiError> {
    let run = usecases::matching::run(&state, &principal, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(run))
}

/// Earlier matching runs, newest first.
#[utoipa::path(
    operation_id = "listMatchingRuns",
    tag = "matching",
    params(PageQuery),
    responses(
        (status = 200, description = "A page of runs, newest first.", body = Page<MatchingRunListItem>),
        (status = 403, description = "Only programme staff see runs.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`limit` or `after` is invalid.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/matching-runs")]
pub async fn list_matching_runs(
    state: web::Data<AppState>,
    principal: Principal,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<MatchingRunListItem>>, ApiError> {
    policy::authorize(&principal, Action::RunMatching, "matching run")?;
    let limit = page.limit()?;
    let before = page.after(|text| Uuid::parse_str(text).ok())?;
    let items = state.store.list_matching_runs(before, limit + 1).await?;
    Ok(web::Json(into_page(items, limit, |r| r.id.to_string())))
}

/// One matching run with its proposals, and the matches made from them so far.
#[utoipa::path(
    operation_id = "getMatchingRun",
    tag = "matching",
    params(("id" = Uuid, Path, description = "The run's id.")),
    responses(
        (status = 200, description = "The run.", body = MatchingRun),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff see runs.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such run.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/matching-runs/{id}")]
pub async fn get_matching_run(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<MatchingRun>, ApiError> {
    policy::authorize(&principal, Action::RunMatching, "matching run")?;
    let run = state
        .store
        .get_matching_run(*id)
        .await
        .or_not_found("matching run")?;
    Ok(web::Json(run))
}
