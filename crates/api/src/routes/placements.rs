//! Placements (*plekken*): what schools offer.

use actix_web::http::header::ContentType;
use actix_web::{HttpResponse, get, post, put, web};
use domain::OrganisationKind;
use domain::contract::{
    Page, Placement, PlacementInput, PlacementQuery, PlacementTransition, Problem,
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::pagination::{PageQuery, into_page};
use crate::auth::Principal;
use crate::error::{ApiError, OrNotFound};
use crate::policy::{self, Action};
use crate::state::AppState;

/// Registers the routes of this file.
pub fn configure(config: &mut ServiceConfig) {
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
    params(PlacementQuery, PageQuery),
    responses(
        (status = 200, description = "A page of placements, oldest first.", body = Page<Placement>),
        (status = 400, description = "A filter has an unknown value.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
    let mut items = state
        .store
        .list_placements(&filter, view.member, after, limit + 1)
        .await?;
    if view.hide_teacher {
        items.iter_mut().for_each(|p| p.teacher = None);
    }
    let page = into_page(items, limit, |p| p.id.to_string());
    // A placement is about 600 bytes of JSON: size the buffer once rather than doubling it from
    // nothing, which showed in profiles of the placement benchmark.
    let mut body = Vec::with_capacity(256 + page.items.len() * 768);
    // sonic-rs escapes strings with SIMD; the page is mostly strings.
    sonic_rs::to_writer(&mut body, &page).map_err(anyhow::Error::from)?;
    Ok(HttpResponse::Ok()
        .content_type(ContentType::json())
        .body(body))
}

/// Offer a new placement. It starts as a `draft`; open it with a transition.
#[utoipa::path(
    operation_id = "createPlacement",
    tag = "placements",
    request_body = PlacementInput,
    responses(
        (status = 201, description = "The placement, as a draft.", body = Placement),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
    let input = body.into_inner();
    let no_school = || ApiError::invalid_field("school_id", "is not a school you manage");
    let school_id = input
        .school_id
        .ok_or_else(|| ApiError::invalid_field("school_id", "is required"))?;
    let school = match state.store.get_organisation(school_id).await {
        Ok(org) if org.kind == OrganisationKind::School => org,
        Ok(_) | Err(store::StoreError::NotFound) => return Err(no_school()),
        Err(e) => return Err(e.into()),
    };
    match policy::decide(&principal, Action::CreatePlacement(&school)) {
        Ok(()) => {}
        Err(policy::Denial::Hidden) => return Err(no_school()),
        Err(policy::Denial::Forbidden) => return Err(ApiError::Forbidden),
    }
    let (tidy, _) = input.validate().map_err(ApiError::invalid_fields)?;
    let placement = state.store.create_placement(school.id, &tidy).await?;
    super::audit(
        &state.store,
        &principal,
        "placement.create",
        "placement",
        Some(placement.id),
    )
    .await?;
    Ok(HttpResponse::Created().json(placement))
}

/// One placement.
#[utoipa::path(
    operation_id = "getPlacement",
    tag = "placements",
    params(("id" = Uuid, Path, description = "The placement's id.")),
    responses(
        (status = 200, description = "The placement.", body = Placement),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such placement that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []), ("oauth2" = ["placements:read"]))
)]
#[get("/placements/{id}")]
pub async fn get_placement(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Placement>, ApiError> {
    let mut placement = find(&state, *id).await?;
    policy::authorize(&principal, Action::ReadPlacement(&placement), "placement")?;
    if !policy::sees_teacher(&principal, &placement) {
        placement.teacher = None;
    }
    Ok(web::Json(placement))
}

/// Replace a placement's details. Possible while it is a draft, open or closed.
#[utoipa::path(
    operation_id = "updatePlacement",
    tag = "placements",
    params(("id" = Uuid, Path, description = "The placement's id.")),
    request_body = PlacementInput,
    responses(
        (status = 200, description = "The changed placement.", body = Placement),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only the school's director (or a programme admin) may change it.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such placement that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "It is proposed, filled or cancelled (`not_editable`), or changed meanwhile (`conflict`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/placements/{id}")]
pub async fn update_placement(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<PlacementInput>,
) -> Result<web::Json<Placement>, ApiError> {
    let placement = find(&state, *id).await?;
    policy::authorize(&principal, Action::EditPlacement(&placement), "placement")?;
    if !placement.status.is_editable() {
        return Err(ApiError::Conflict {
            code: "not_editable",
            detail: format!("a {} placement can no longer be changed", placement.status),
        });
    }
    let (tidy, _) = body.validate().map_err(ApiError::invalid_fields)?;
    let updated = state
        .store
        .update_placement(placement.id, placement.status, &tidy)
        .await?;
    super::audit(
        &state.store,
        &principal,
        "placement.update",
        "placement",
        Some(updated.id),
    )
    .await?;
    Ok(web::Json(updated))
}

/// Change a placement's status: open, close or cancel it (directors), or propose, fill or
/// release it (programme staff). Closing and cancelling need a reason.
#[utoipa::path(
    operation_id = "transitionPlacement",
    tag = "placements",
    params(("id" = Uuid, Path, description = "The placement's id.")),
    request_body = PlacementTransition,
    responses(
        (status = 200, description = "The placement in its new status.", body = Placement),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller may not take this action.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such placement that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The action makes no sense from the current status (`invalid_transition`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A reason is required, or is too long.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/placements/{id}/transitions")]
pub async fn transition_placement(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<PlacementTransition>,
) -> Result<web::Json<Placement>, ApiError> {
    let PlacementTransition { action, reason } = body.into_inner();
    let placement = find(&state, *id).await?;
    policy::authorize(
        &principal,
        Action::TransitionPlacement(&placement, action),
        "placement",
    )?;
    let reason = reason
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    if reason.as_ref().is_some_and(|r| r.chars().count() > 500) {
        return Err(ApiError::invalid_field("reason", "at most 500 characters"));
    }
    let next = placement
        .status
        .apply(action, reason.as_deref())
        .map_err(|e| match e {
            domain::placement::TransitionError::ReasonRequired { .. } => {
                ApiError::invalid_field("reason", e.to_string())
            }
            domain::placement::TransitionError::NotFrom { .. } => ApiError::Conflict {
                code: "invalid_transition",
                detail: e.to_string(),
            },
        })?;
    let reason = if action.needs_reason() { reason } else { None };
    let updated = state
        .store
        .set_placement_status(placement.id, placement.status, next, reason.as_deref())
        .await?;
    let audit_action = match action {
        domain::PlacementAction::Open => "placement.open",
        domain::PlacementAction::Propose => "placement.propose",
        domain::PlacementAction::Fill => "placement.fill",
        domain::PlacementAction::Release => "placement.release",
        domain::PlacementAction::Close => "placement.close",
        domain::PlacementAction::Cancel => "placement.cancel",
    };
    super::audit(
        &state.store,
        &principal,
        audit_action,
        "placement",
        Some(updated.id),
    )
    .await?;
    Ok(web::Json(updated))
}

async fn find(state: &AppState, id: Uuid) -> Result<Placement, ApiError> {
    state
        .store
        .get_placement(id)
        .await
        .or_not_found("placement")
}
