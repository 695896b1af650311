//! Lesson series (*lessenseries*): written by a thematic ambassador, reviewed by the school's
//! internal coordinator, tied to core objectives.

use actix_web::{HttpResponse, get, post, put, web};
use domain::contract::{
    LessonSeries, LessonSeriesCopy, LessonSeriesInput, LessonSeriesQuery, LessonSeriesTransition,
    LibraryEntry, LibraryQuery, Page, Problem, ReviewCommentInput,
};
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
        .service(list_lesson_series)
        .service(create_lesson_series)
        .service(get_lesson_series)
        .service(update_lesson_series)
        .service(transition_lesson_series)
        .service(comment_lesson_series)
        .service(copy_lesson_series)
        .service(search_library);
}

/// A series with the school and user account that decide who may act on it.
pub(super) async fn find(
    state: &AppState,
    id: Uuid,
) -> Result<(LessonSeries, Uuid, Option<Uuid>), ApiError> {
    let series = state
        .store
        .get_lesson_series(id)
        .await
        .or_not_found("lesson series")?;
    let (school, owner) = state
        .store
        .lesson_series_owners(id)
        .await
        .or_not_found("lesson series")?;
    Ok((series, school, owner))
}

/// List lesson series. Programme staff see all; school staff their schools' (the coordinator's
/// review queue is `?status=submitted`); ambassadors their own.
#[utoipa::path(
    operation_id = "listLessonSeries",
    tag = "lesson-series",
    params(LessonSeriesQuery, PageQuery),
    responses(
        (status = 200, description = "A page of series, oldest first.", body = Page<LessonSeries>),
        (status = 400, description = "A filter has an unknown value.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller has no school role and is no ambassador.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`limit` or `after` is invalid.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/lesson-series")]
pub async fn list_lesson_series(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<LessonSeriesQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<LessonSeries>>, ApiError> {
    let (member, own) = policy::lesson_series_view(&principal)?;
    let limit = page.limit()?;
    let after = page.after(|text| Uuid::parse_str(text).ok())?;
    let items = state
        .store
        .list_lesson_series(query.school_id, query.status, member, own, after, limit + 1)
        .await?;
    Ok(web::Json(into_page(items, limit, |s| s.id.to_string())))
}

/// Start a lesson series as a draft: an ambassador for themself at a school where they are
/// placed (a confirmed or active match), or programme staff for an ambassador.
#[utoipa::path(
    operation_id = "createLessonSeries",
    tag = "lesson-series",
    request_body = LessonSeriesInput,
    responses(
        (status = 201, description = "The series, as a draft.", body = LessonSeries),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an ambassador placed at this school, nor programme staff.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors` (unknown objectives among them).", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/lesson-series")]
pub async fn create_lesson_series(
    state: web::Data<AppState>,
    principal: Principal,
    body: crate::json::Json<LessonSeriesInput>,
) -> Result<HttpResponse, ApiError> {
    let created = usecases::lesson_series::create(&state, &principal, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(created))
}

/// One lesson series with its review.
#[utoipa::path(
    operation_id = "getLessonSeries",
    tag = "lesson-series",
    params(("id" = Uuid, Path, description = "The series' id.")),
    responses(
        (status = 200, description = "The series.", body = LessonSeries),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such series that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/lesson-series/{id}")]
pub async fn get_lesson_series(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<LessonSeries>, ApiError> {
    let (series, school, owner) = find(&state, *id).await?;
    policy::authorize(
        &principal,
        Action::ReadLessonSeries { school, owner },
        "lesson series",
    )?;
    Ok(web::Json(series))
}

/// Replace a series' content while it is a draft (after changes were requested, `revise` it
/// first). The school and the ambassador stay.
#[utoipa::path(
    operation_id = "updateLessonSeries",
    tag = "lesson-series",
    params(("id" = Uuid, Path, description = "The series' id.")),
    request_body = LessonSeriesInput,
    responses(
        (status = 200, description = "The series as stored.", body = LessonSeries),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only its ambassador (or programme staff) edits a series.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such series that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The series is not a draft (`not_editable`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/lesson-series/{id}")]
pub async fn update_lesson_series(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<LessonSeriesInput>,
) -> Result<web::Json<LessonSeries>, ApiError> {
    let updated =
        usecases::lesson_series::update(&state, &principal, *id, body.into_inner()).await?;
    Ok(web::Json(updated))
}

/// Move a series on in its review: the ambassador submits (and revises after changes were
/// requested); the school's internal coordinator requests changes (with a comment) or approves.
#[utoipa::path(
    operation_id = "transitionLessonSeries",
    tag = "lesson-series",
    params(("id" = Uuid, Path, description = "The series' id.")),
    request_body = LessonSeriesTransition,
    responses(
        (status = 200, description = "The series in its new status.", body = LessonSeries),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller may see the series but not take this step.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such series that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The step does not follow from the status (`invalid_transition`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A comment is required, or too long.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/lesson-series/{id}/transitions")]
pub async fn transition_lesson_series(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<LessonSeriesTransition>,
) -> Result<web::Json<LessonSeries>, ApiError> {
    let updated =
        usecases::lesson_series::transition(&state, &principal, *id, body.into_inner()).await?;
    Ok(web::Json(updated))
}

/// Reply in a series' review: the ambassador, the school's coordinator or director.
#[utoipa::path(
    operation_id = "commentLessonSeries",
    tag = "lesson-series",
    params(("id" = Uuid, Path, description = "The series' id.")),
    request_body = ReviewCommentInput,
    responses(
        (status = 201, description = "The series with the comment.", body = LessonSeries),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller may see the series but not comment.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such series that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty or longer than 2000 characters.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/lesson-series/{id}/comments")]
pub async fn comment_lesson_series(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<ReviewCommentInput>,
) -> Result<HttpResponse, ApiError> {
    let text = body.into_inner().text;
    let updated = usecases::lesson_series::comment(&state, &principal, *id, &text).await?;
    Ok(HttpResponse::Created().json(updated))
}

/// Copy a series to another group or school: a new draft by the same ambassador, who must be
/// placed at the copy's school, that remembers where it came from. Small changes follow with
/// `PUT`.
#[utoipa::path(
    operation_id = "copyLessonSeries",
    tag = "lesson-series",
    params(("id" = Uuid, Path, description = "The series to copy.")),
    request_body = LessonSeriesCopy,
    responses(
        (status = 201, description = "The copy, as a draft.", body = LessonSeries),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not the series' ambassador placed at the copy's school, nor programme staff.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such series that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unknown school or invalid groups.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/lesson-series/{id}/copies")]
pub async fn copy_lesson_series(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<LessonSeriesCopy>,
) -> Result<HttpResponse, ApiError> {
    let copy = usecases::lesson_series::copy(&state, &principal, *id, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(copy))
}

/// The library: approved lesson series across schools, to reuse. Filter by framework,
/// objective, learning area, theme and group. Without the ambassadors' names or the review, so
/// partner clients (scope `lesson-series:read`) can search it too.
#[utoipa::path(
    operation_id = "searchLibrary",
    tag = "lesson-series",
    params(LibraryQuery, PageQuery),
    responses(
        (status = 200, description = "A page of approved series, oldest first.", body = Page<LibraryEntry>),
        (status = 400, description = "A filter has an invalid value (such as a group that is not `groep 1`–`8` or `leerjaar 1`–`6`).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A partner client without `lesson-series:read`.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`limit` or `after` is invalid.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []), ("oauth2" = ["lesson-series:read"]))
)]
#[get("/library")]
pub async fn search_library(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<LibraryQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<LibraryEntry>>, ApiError> {
    policy::authorize(&principal, Action::ReadLibrary, "library")?;
    let limit = page.limit()?;
    let after = page.after(|text| Uuid::parse_str(text).ok())?;
    let items = state.store.library(&query, after, limit + 1).await?;
    Ok(web::Json(into_page(items, limit, |s| s.id.to_string())))
}
