//! Lesson series (*lessenseries*): written by a thematic ambassador, reviewed by the school's
//! internal coordinator, tied to core objectives.

use actix_web::{HttpResponse, get, post, put, web};
use domain::contract::{
    LessonSeries, LessonSeriesCopy, LessonSeriesInput, LessonSeriesQuery, LessonSeriesTransition,
    LibraryEntry, LibraryQuery, ObjectiveQuery, Page, Problem, ReviewCommentInput,
};
use domain::lesson_series::LessonSeriesTransitionError;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::ambassadors::actor;
use super::pagination::{PageQuery, into_page};
use crate::auth::Principal;
use crate::error::{ApiError, OrNotFound};
use crate::policy::{self, Action};
use crate::state::AppState;

/// Registers the routes of this file.
pub fn configure(config: &mut ServiceConfig) {
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

/// Checks that the body's `school_id` is a school.
async fn check_school(state: &AppState, school_id: Uuid) -> Result<(), ApiError> {
    match super::school_or_404(state, school_id).await {
        Ok(_) => Ok(()),
        Err(ApiError::NotFound(_)) => Err(ApiError::invalid_field("school_id", "is not a school")),
        Err(e) => Err(e),
    }
}

/// Checks that the objectives exist in the named framework.
async fn check_objectives(state: &AppState, input: &LessonSeriesInput) -> Result<(), ApiError> {
    let known = match state
        .store
        .list_objectives(&input.framework_code, &ObjectiveQuery::default())
        .await
    {
        Ok(list) if !list.is_empty() => list,
        Ok(_) | Err(store::StoreError::NotFound) => {
            return Err(ApiError::invalid_field(
                "framework_code",
                "no such framework; see GET /api/v1/frameworks",
            ));
        }
        Err(e) => return Err(e.into()),
    };
    let unknown: Vec<String> = input
        .objectives
        .iter()
        .filter(|n| !known.iter().any(|o| o.number == **n))
        .map(|n| n.to_string())
        .collect();
    if !unknown.is_empty() {
        return Err(ApiError::invalid_field(
            "objectives",
            format!("{} is not in {}", unknown.join(", "), input.framework_code),
        ));
    }
    Ok(())
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
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
    let mut input = body.into_inner();
    if input.ambassador_id.is_none()
        && let Principal::User(user) = &principal
    {
        input.ambassador_id = state
            .store
            .ambassador_of_user(user.id)
            .await
            .ok()
            .map(|a| a.id);
    }
    let ambassador_id = input.ambassador_id.ok_or_else(|| {
        ApiError::invalid_field("ambassador_id", "say which ambassador gives the series")
    })?;
    let owner = match state.store.ambassador_user(ambassador_id).await {
        Ok(owner) => owner,
        Err(store::StoreError::NotFound) => {
            return Err(ApiError::invalid_field(
                "ambassador_id",
                "no such ambassador",
            ));
        }
        Err(e) => return Err(e.into()),
    };
    check_school(&state, input.school_id).await?;
    let placed = state
        .store
        .ambassador_placement_at(ambassador_id, input.school_id)
        .await?
        .is_some();
    policy::authorize(
        &principal,
        Action::CreateLessonSeries {
            school: input.school_id,
            owner,
            placed,
        },
        "lesson series",
    )?;
    let input = input.validate().map_err(ApiError::invalid_fields)?;
    check_objectives(&state, &input).await?;
    let created = state.store.create_lesson_series(&input, None).await?;
    super::audit(
        &state.store,
        &principal,
        "lesson_series.create",
        "lesson_series",
        Some(created.id),
    )
    .await?;
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
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
    let (series, school, owner) = find(&state, *id).await?;
    policy::authorize(
        &principal,
        Action::EditLessonSeries { school, owner },
        "lesson series",
    )?;
    if !series.status.is_editable() {
        return Err(ApiError::Conflict {
            code: "not_editable",
            detail: format!(
                "a {} series cannot be changed; only drafts can",
                series.status
            ),
        });
    }
    let input = LessonSeriesInput {
        school_id: series.content.school_id,
        ambassador_id: series.content.ambassador_id,
        ..body.into_inner()
    }
    .validate()
    .map_err(ApiError::invalid_fields)?;
    check_objectives(&state, &input).await?;
    let updated = state
        .store
        .update_lesson_series(series.id, series.status, &input)
        .await?;
    super::audit(
        &state.store,
        &principal,
        "lesson_series.update",
        "lesson_series",
        Some(updated.id),
    )
    .await?;
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
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
    let (series, school, owner) = find(&state, *id).await?;
    let LessonSeriesTransition { action, comment } = body.into_inner();
    policy::authorize(
        &principal,
        Action::ReviewLessonSeries {
            school,
            owner,
            action,
        },
        "lesson series",
    )?;
    if action == domain::lesson_series::LessonSeriesAction::Schedule {
        return Err(ApiError::invalid_field(
            "action",
            format!(
                "a series is scheduled by giving its lessons dates: PUT /api/v1/lesson-series/{}/schedule",
                series.id
            ),
        ));
    }
    let comment = comment
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty());
    if comment.as_ref().is_some_and(|c| c.chars().count() > 2000) {
        return Err(ApiError::invalid_field(
            "comment",
            "at most 2000 characters",
        ));
    }
    let next = series
        .status
        .apply(action, comment.as_deref())
        .map_err(|e| match e {
            LessonSeriesTransitionError::CommentRequired => {
                ApiError::invalid_field("comment", e.to_string())
            }
            LessonSeriesTransitionError::NotFrom { .. } => ApiError::Conflict {
                code: "invalid_transition",
                detail: e.to_string(),
            },
        })?;
    let (_, name) = actor(&state, &principal).await?;
    let note = comment.as_deref().map(|text| store::NewComment {
        author_name: &name,
        text,
        action: Some(action),
    });
    let updated = state
        .store
        .transition_lesson_series(series.id, series.status, next, note)
        .await?;
    super::audit(
        &state.store,
        &principal,
        "lesson_series.transition",
        "lesson_series",
        Some(updated.id),
    )
    .await?;
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
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
    let (series, school, owner) = find(&state, *id).await?;
    policy::authorize(
        &principal,
        Action::CommentLessonSeries { school, owner },
        "lesson series",
    )?;
    let text = body.into_inner().text.trim().to_owned();
    if text.is_empty() || text.chars().count() > 2000 {
        return Err(ApiError::invalid_field("text", "1 to 2000 characters"));
    }
    let (_, name) = actor(&state, &principal).await?;
    let updated = state
        .store
        .add_review_comment(
            series.id,
            store::NewComment {
                author_name: &name,
                text: &text,
                action: None,
            },
        )
        .await?;
    super::audit(
        &state.store,
        &principal,
        "lesson_series.comment",
        "lesson_series",
        Some(updated.id),
    )
    .await?;
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
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
    let (original, school, owner) = find(&state, *id).await?;
    policy::authorize(
        &principal,
        Action::EditLessonSeries { school, owner },
        "lesson series",
    )?;
    let LessonSeriesCopy {
        school_id,
        target_groups,
    } = body.into_inner();
    let target_school = school_id.unwrap_or(school);
    check_school(&state, target_school).await?;
    let ambassador_id = original.content.ambassador_id.ok_or_else(|| {
        ApiError::Unexpected(anyhow::anyhow!("series {} has no ambassador", original.id))
    })?;
    let placed = state
        .store
        .ambassador_placement_at(ambassador_id, target_school)
        .await?
        .is_some();
    policy::authorize(
        &principal,
        Action::CreateLessonSeries {
            school: target_school,
            owner,
            placed,
        },
        "lesson series",
    )?;
    let input = LessonSeriesInput {
        school_id: target_school,
        target_groups: target_groups.unwrap_or_else(|| original.content.target_groups.clone()),
        ..original.content.clone()
    }
    .validate()
    .map_err(ApiError::invalid_fields)?;
    let copy = state
        .store
        .create_lesson_series(&input, Some(original.id))
        .await?;
    super::audit(
        &state.store,
        &principal,
        "lesson_series.copy",
        "lesson_series",
        Some(copy.id),
    )
    .await?;
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
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
