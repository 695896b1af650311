//! Matches: proposal, introduction meeting, confirmation by both sides, activation, decline
//! and early end, and concerns reported along the way. Every transition is audited.

use actix_web::{HttpResponse, get, post, web};
use domain::contract::{
    Concern, ConcernInput, Match, MatchInput, MatchQuery, MatchTransition, Page, Problem,
};
use uuid::Uuid;

use super::pagination::{PageQuery, into_page};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::etag::{self, IfMatch};
use crate::policy::{self, Action};
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases;
use actix_web::http::header;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(propose_match)
        .service(list_matches)
        .service(get_match)
        .service(transition_match)
        .service(report_concern)
        .service(list_concerns)
        .service(school_concerns);
}

/// A match with the user account of its ambassador, which decides what its ambassador may do.
async fn find(state: &AppState, id: Uuid) -> Result<(Match, Option<Uuid>), ApiError> {
    usecases::matches::find(&state.store, id).await
}

/// A match as JSON with its version in the `ETag` header, for `If-Match` on the next write.
fn with_etag(found: Match) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::ETAG, etag::of(found.updated_at)))
        .json(found)
}

/// Propose an ambassador for a placement, from a matching run (its score and reasons are
/// copied) or by hand (the pair must meet every hard constraint; the score and reasons are
/// worked out now). The ambassador leaves the pool; the placement waits for the match.
#[utoipa::path(
    operation_id = "proposeMatch",
    tag = "matching",
    request_body = MatchInput,
    responses(
        (status = 201, description = "The match, `proposed`.", body = Match),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff propose.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ambassador is not in the pool (`ambassador_not_available`), the placement is not open or has no room (`placement_not_open`), or the pair breaks a hard constraint (`not_feasible`, each named in `detail`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unknown placement, ambassador or run, or a run that did not propose this pair.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/matches")]
pub async fn propose_match(
    state: web::Data<AppState>,
    principal: Principal,
    body: crate::json::Json<MatchInput>,
) -> Result<HttpResponse, ApiError> {
    let created = usecases::matches::propose(&state, &principal, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(created))
}

/// List matches. Programme staff see all; school directors and coordinators see their
/// schools' (the candidates proposed to them, without contact details, VOG or documents);
/// ambassadors see their own.
#[utoipa::path(
    operation_id = "listMatches",
    tag = "matching",
    params(MatchQuery, PageQuery),
    responses(
        (status = 200, description = "A page of matches, oldest first.", body = Page<Match>),
        (status = 400, description = "A filter has an unknown value.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller has no school role and is no ambassador.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`limit` or `after` is invalid.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/matches")]
pub async fn list_matches(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<MatchQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<Match>>, ApiError> {
    let (member, own) = policy::match_view(&principal)?;
    let limit = page.limit()?;
    let after = page.after(|text| Uuid::parse_str(text).ok())?;
    let items = state
        .store
        .list_matches(&query, member, own, after, limit + 1)
        .await?;
    Ok(web::Json(into_page(items, limit, |m| m.id.to_string())))
}

/// One match.
#[utoipa::path(
    operation_id = "getMatch",
    tag = "matching",
    params(("id" = Uuid, Path, description = "The match's id.")),
    responses(
        (status = 200, description = "The match.", body = Match,
            headers(("ETag" = String, description = "The match's version, to send as `If-Match` with a transition."))),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "School staff other than the director and coordinator.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such match that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/matches/{id}")]
pub async fn get_match(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let (found, owner) = find(&state, *id).await?;
    policy::authorize(
        &principal,
        Action::ReadMatch {
            school: found.placement.school_id,
            owner,
        },
        "match",
    )?;
    Ok(with_etag(found))
}

/// Move a match on: plan the introduction meeting (programme staff), confirm once the meeting
/// has started (the school's director for the school, the ambassador for themself), decline
/// with a reason (either side; the ambassador goes back to the pool and the placement opens
/// again), activate (programme staff; refused without a VOG valid at the start), or end an
/// active match early with a reason.
#[utoipa::path(
    operation_id = "transitionMatch",
    tag = "matching",
    params(
        ("id" = Uuid, Path, description = "The match's id."),
        ("If-Match" = Option<String>, Header, description = "The match's `ETag` as last read: the transition is refused with 412 when someone changed the match since."),
    ),
    request_body = MatchTransition,
    responses(
        (status = 200, description = "The match after the transition.", body = Match,
            headers(("ETag" = String, description = "The match's new version, for `If-Match`."))),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller may see the match but not take this action.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such match that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The action does not follow from the status (`invalid_transition`), a confirmation before the introduction meeting has started (`meeting_not_held`, with the meeting in `details.meeting`), no VOG valid at the start without a refusal issued after it (`vog_not_valid`, with the reason), the placement was closed or cancelled meanwhile (`placement_not_open`), or its places are all taken by active matches (`placement_full`).", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "`If-Match` names an older version of the match (`precondition_failed`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A reason, meeting or side is missing or invalid.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/matches/{id}/transitions")]
pub async fn transition_match(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: crate::json::Json<MatchTransition>,
) -> Result<HttpResponse, ApiError> {
    let updated =
        usecases::matches::transition(&state, &principal, *id, body.into_inner(), &if_match)
            .await?;
    Ok(with_etag(updated))
}

/// Report a concern about a match to the school's coordinator and the programme (when it does
/// not go well between ambassador and teacher, say).
#[utoipa::path(
    operation_id = "reportConcern",
    tag = "matching",
    params(("id" = Uuid, Path, description = "The match's id.")),
    request_body = ConcernInput,
    responses(
        (status = 201, description = "The concern.", body = Concern),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such match that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The text is empty or longer than 2000 characters.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/matches/{id}/concerns")]
pub async fn report_concern(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<ConcernInput>,
) -> Result<HttpResponse, ApiError> {
    let concern =
        usecases::matches::report_concern(&state, &principal, *id, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(concern))
}

/// The concerns reported about a match: programme staff and the school's director and
/// coordinator. Each concern shown is logged as a sensitive read.
#[utoipa::path(
    operation_id = "listConcerns",
    tag = "matching",
    params(("id" = Uuid, Path, description = "The match's id.")),
    responses(
        (status = 200, description = "The concerns, oldest first.", body = Vec<Concern>),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller may not read them.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such match that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/matches/{id}/concerns")]
pub async fn list_concerns(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<Concern>>, ApiError> {
    let (found, owner) = find(&state, *id).await?;
    policy::authorize(
        &principal,
        Action::ReadConcerns {
            school: found.placement.school_id,
            owner,
        },
        "match",
    )?;
    let concerns = state.store.list_concerns(found.id).await?;
    let shown = concerns.iter().map(|c| (found.ambassador.id, c.id));
    usecases::privacy::log_concern_reads(&state, &principal, shown).await?;
    Ok(web::Json(concerns))
}

/// The concerns raised about placements, newest first (at most 100): every school's for
/// programme staff, their own schools' for a school's staff. Ambassadors read the concerns of
/// their own matches per match. Each concern shown is logged as a sensitive read.
#[utoipa::path(
    operation_id = "listSchoolConcerns",
    tag = "matching",
    responses(
        (status = 200, description = "The concerns, newest first.", body = Vec<domain::contract::SchoolConcern>),
        (status = 403, description = "Only programme staff and a school's staff.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/concerns")]
pub async fn school_concerns(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<Vec<domain::contract::SchoolConcern>>, ApiError> {
    let member = match &principal {
        Principal::User(user) if policy::is_programme_admin(user) => None,
        Principal::User(user) if policy::has_school_role(user) => Some(user.id),
        _ => return Err(ApiError::Forbidden),
    };
    let concerns = state.store.school_concerns(member).await?;
    let shown = concerns.iter().map(|c| (c.ambassador_id, c.concern.id));
    usecases::privacy::log_concern_reads(&state, &principal, shown).await?;
    Ok(web::Json(concerns))
}
