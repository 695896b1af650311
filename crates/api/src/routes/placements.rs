//! Placements (*plekken*): what schools offer.

use actix_web::http::header::{self, ContentType};
use actix_web::{HttpResponse, get, post, put, web};
use domain::contract::{
    Page, Placement, PlacementInput, PlacementQuery, PlacementTransition, Problem,
};
use uuid::Uuid;

use super::pagination::{PageQuery, into_page};
use crate::auth::Principal;
use crate::error::{ApiError, OrNotFound};
use crate::etag::{self, IfMatch, IfNoneMatch};
use crate::page_cache::{CachedPage, PlacementPageKey};
use crate::policy::{self, Action};
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(list_placements)
        .service(create_placement)
        .service(get_placement)
        .service(update_placement)
        .service(transition_placement);
}

/// List placements across schools.
///
/// School staff see their own schools' placements in every status; programme admins see all.
/// Partner clients (scope `placements:read`) and ambassadors see open placements only, without
/// the teacher's name.
#[utoipa::path(
    operation_id = "listPlacements",
    tag = "placements",
    params(
        PlacementQuery,
        PageQuery,
        ("If-None-Match" = Option<String>, Header, description = "The `ETag` of a copy of this page the client already has: 304 answers when it is still current."),
    ),
    responses(
        (status = 200, description = "A page of placements, oldest first.", body = Page<Placement>,
            headers(("ETag" = String, description = "A tag of this page's content: send it as `If-None-Match` when asking again, and an unchanged page is answered 304."))),
        (status = 304, description = "The page is unchanged since the copy whose `ETag` was sent in `If-None-Match`; no body.",
            headers(("ETag" = String, description = "The page's tag, as before."))),
        (status = 400, description = "A filter has an unknown value.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller may not list placements (for a client: lacks `placements:read`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`limit` or `after` is invalid.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []), ("oauth2" = ["placements:read"]))
)]
#[get("/placements")]
pub async fn list_placements(
    state: web::Data<AppState>,
    principal: Principal,
    query: web::Query<PlacementQuery>,
    page: web::Query<PageQuery>,
    if_none_match: IfNoneMatch,
) -> Result<HttpResponse, ApiError> {
    let view = policy::placement_view(&principal, query.into_inner().tidy())?;
    let limit = page.limit()?;
    let after = page.after(|text| Uuid::parse_str(text).ok())?;
    let Some(filter) = view.query else {
        return Ok(HttpResponse::Ok().json(Page::<Placement> {
            items: Vec::new(),
            next: None,
        }));
    };
    let key = PlacementPageKey {
        filter,
        member: view.member,
        hide_teacher: view.hide_teacher,
        after,
        limit,
    };
    // Read before the list, so a page built below shows data at least as new as this version.
    let version = state.store.placements_list_version().await?;
    let page = match state.placement_pages.get(&key, version) {
        Some(page) => page,
        None => {
            let page = build_page(&state, &key).await?;
            state.placement_pages.put(key, version, page.clone());
            page
        }
    };
    // Private: the page depends on who asks. no-cache: kept, but asked again each time.
    let cache = (header::CACHE_CONTROL, "private, no-cache");
    if if_none_match.matches(&page.tag) {
        return Ok(HttpResponse::NotModified()
            .insert_header((header::ETAG, page.tag))
            .insert_header(cache)
            .finish());
    }
    Ok(HttpResponse::Ok()
        .content_type(ContentType::json())
        .insert_header((header::ETAG, page.tag))
        .insert_header(cache)
        .body(page.body))
}

/// The page `key` names, from the database, as JSON with the tag of its body.
async fn build_page(state: &AppState, key: &PlacementPageKey) -> Result<CachedPage, ApiError> {
    let mut items = state
        .store
        .list_placements(&key.filter, key.member, key.after, key.limit + 1)
        .await?;
    if key.hide_teacher {
        items.iter_mut().for_each(|p| p.teacher = None);
    }
    let page = into_page(items, key.limit, |p| p.id.to_string());
    // A placement is about 600 bytes of JSON: size the buffer once rather than doubling it from
    // nothing, which showed in profiles of the placement benchmark.
    let mut body = Vec::with_capacity(256 + page.items.len() * 768);
    // sonic-rs escapes strings with SIMD; the page is mostly strings.
    sonic_rs::to_writer(&mut body, &page).map_err(anyhow::Error::from)?;
    let tag = etag::of_body(&body);
    Ok(CachedPage {
        body: body.into(),
        tag,
    })
}

/// Offer a new placement. It starts as a `draft`; open it with a transition.
#[utoipa::path(
    operation_id = "createPlacement",
    tag = "placements",
    request_body = PlacementInput,
    responses(
        (status = 201, description = "The placement, as a draft.", body = Placement),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only the school's director (or a programme admin) may offer placements.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/placements")]
pub async fn create_placement(
    state: web::Data<AppState>,
    principal: Principal,
    body: crate::json::Json<PlacementInput>,
) -> Result<HttpResponse, ApiError> {
    let placement = usecases::placements::create(&state, &principal, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(placement))
}

/// One placement.
#[utoipa::path(
    operation_id = "getPlacement",
    tag = "placements",
    params(("id" = Uuid, Path, description = "The placement's id.")),
    responses(
        (status = 200, description = "The placement.", body = Placement,
            headers(("ETag" = String, description = "The placement's version, to send as `If-Match` with a change."))),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such placement that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []), ("oauth2" = ["placements:read"]))
)]
#[get("/placements/{id}")]
pub async fn get_placement(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let mut placement = find(&state, *id).await?;
    policy::authorize(&principal, Action::ReadPlacement(&placement), "placement")?;
    if !policy::sees_teacher(&principal, &placement) {
        placement.teacher = None;
    }
    Ok(with_etag(placement))
}

/// Replace a placement's details. Possible while it is a draft, open or closed.
#[utoipa::path(
    operation_id = "updatePlacement",
    tag = "placements",
    params(
        ("id" = Uuid, Path, description = "The placement's id."),
        ("If-Match" = Option<String>, Header, description = "The placement's `ETag` as last read: the change is refused with 412 when someone changed the placement since."),
    ),
    request_body = PlacementInput,
    responses(
        (status = 200, description = "The changed placement.", body = Placement,
            headers(("ETag" = String, description = "The placement's new version."))),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only the school's director (or a programme admin) may change it.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such placement that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "It is proposed, filled or cancelled (`not_editable`), the capacity would drop below the ambassadors proposed or placed there (`capacity_below_matches`), or it changed meanwhile (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "`If-Match` names an older version of the placement (`precondition_failed`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/placements/{id}")]
pub async fn update_placement(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: crate::json::Json<PlacementInput>,
) -> Result<HttpResponse, ApiError> {
    let updated =
        usecases::placements::update(&state, &principal, *id, body.into_inner(), &if_match).await?;
    Ok(with_etag(updated))
}

/// Change a placement's status: open, close or cancel it (directors), or propose, fill or
/// release it (programme staff). Closing and cancelling need a reason, and end the placement's
/// live matches with it: proposals and confirmed matches are declined on the school's side (the
/// ambassador returns to the pool), an active match ends today.
#[utoipa::path(
    operation_id = "transitionPlacement",
    tag = "placements",
    params(
        ("id" = Uuid, Path, description = "The placement's id."),
        ("If-Match" = Option<String>, Header, description = "The placement's `ETag` as last read: the change is refused with 412 when someone changed the placement since."),
    ),
    request_body = PlacementTransition,
    responses(
        (status = 200, description = "The placement in its new status.", body = Placement,
            headers(("ETag" = String, description = "The placement's new version."))),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller may not take this action.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such placement that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The action makes no sense from the current status (`invalid_transition`).", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "`If-Match` names an older version of the placement (`precondition_failed`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A reason is required, or is too long.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/placements/{id}/transitions")]
pub async fn transition_placement(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: crate::json::Json<PlacementTransition>,
) -> Result<HttpResponse, ApiError> {
    let updated =
        usecases::placements::transition(&state, &principal, *id, body.into_inner(), &if_match)
            .await?;
    Ok(with_etag(updated))
}

/// A placement as JSON with its version in the `ETag` header, for `If-Match` on the next write.
fn with_etag(placement: Placement) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((
            actix_web::http::header::ETAG,
            etag::of(placement.updated_at),
        ))
        .json(placement)
}

async fn find(state: &AppState, id: Uuid) -> Result<Placement, ApiError> {
    state
        .store
        .get_placement(id)
        .await
        .or_not_found("placement")
}
