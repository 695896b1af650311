//! The ambassador's own: their matches with the placement's details, and changing or
//! withdrawing an hour entry while it waits.

use actix_web::{HttpResponse, delete, get, put, web};
use domain::contract::{HourEntry, HourEntryInput, MatchQuery, MyPlacement, MyPlacements, Problem};
use domain::match_lifecycle::MatchStatus;
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::{ApiError, OrNotFound};
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(my_placements)
        .service(change_hour_entry)
        .service(withdraw_hour_entry);
}

/// The logged-in ambassador's matches that are not declined or ended, oldest first, and today's
/// date as the programme counts it. Each match comes with
/// the whole placement (its teacher included), the school's internal coordinators and the next
/// lessons they give there.
#[utoipa::path(
    operation_id = "getMyPlacements",
    tag = "ambassadors",
    responses(
        (status = 200, description = "Their matches and placements, with today's date.", body = MyPlacements),
        (status = 403, description = "A partner client is not a person.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The person has no ambassador profile.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/placements")]
pub async fn my_placements(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<MyPlacements>, ApiError> {
    let Principal::User(user) = &principal else {
        return Err(ApiError::Forbidden);
    };
    let ambassador = state
        .store
        .ambassador_of_user(user.id)
        .await
        .or_not_found("ambassador profile")?;
    let filter = MatchQuery {
        ambassador_id: Some(ambassador.id),
        ..MatchQuery::default()
    };
    let matches = state
        .store
        .list_matches(&filter, None, Some(user.id), None, 100)
        .await?;
    let today = state.clock.today();
    let mut mine = Vec::new();
    for found in matches {
        if matches!(found.status, MatchStatus::Declined | MatchStatus::Ended) {
            continue;
        }
        let placement = state.store.get_placement(found.placement.id).await?;
        let coordinators = state.store.coordinator_names(placement.school_id).await?;
        let next_lessons = state
            .store
            .ambassador_lessons(ambassador.id, placement.school_id, today, 10)
            .await?;
        mine.push(MyPlacement {
            match_: found,
            placement,
            coordinators,
            next_lessons,
        });
    }
    Ok(web::Json(MyPlacements {
        today,
        places: mine,
    }))
}

/// Change an hour entry while it waits for the school: the ambassador their own, or programme
/// staff. The same checks apply as when it was logged; its placement and kind stay.
#[utoipa::path(
    operation_id = "changeHourEntry",
    tag = "hours",
    params(("id" = Uuid, Path, description = "The entry's id.")),
    request_body = HourEntryInput,
    responses(
        (status = 200, description = "The entry as changed.", body = HourEntry),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "School staff decide on entries; they do not change them.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such entry that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The school decided on it already (`invalid_transition`), or its month is paid (`month_paid`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/hour-entries/{id}")]
pub async fn change_hour_entry(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<HourEntryInput>,
) -> Result<web::Json<HourEntry>, ApiError> {
    let changed = usecases::mine::change_hours(&state, &principal, *id, body.into_inner()).await?;
    Ok(web::Json(changed))
}

/// Withdraw an hour entry while it waits for the school: it is gone.
#[utoipa::path(
    operation_id = "withdrawHourEntry",
    tag = "hours",
    params(("id" = Uuid, Path, description = "The entry's id.")),
    responses(
        (status = 204, description = "Withdrawn."),
        (status = 403, description = "School staff decide on entries; they do not withdraw them.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such entry that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The school decided on it already (`invalid_transition`).", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[delete("/hour-entries/{id}")]
pub async fn withdraw_hour_entry(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    usecases::mine::withdraw_hours(&state, &principal, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}
