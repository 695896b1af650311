//! Matches: proposal, introduction meeting, confirmation by both sides, activation, decline
//! and early end, and concerns reported along the way. Every transition is audited.

use actix_web::{HttpResponse, get, post, web};
use domain::PlacementStatus;
use domain::contract::{
    Concern, ConcernInput, Match, MatchInput, MatchQuery, MatchTransition, Page, Problem,
};
use domain::match_lifecycle::{MatchAction, MatchError, MatchState};
use domain::matching::{Candidate, Spot};
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
        .service(propose_match)
        .service(list_matches)
        .service(get_match)
        .service(transition_match)
        .service(report_concern)
        .service(list_concerns);
}

/// A match with the user account of its ambassador, which decides what its ambassador may do.
async fn find(state: &AppState, id: Uuid) -> Result<(Match, Option<Uuid>), ApiError> {
    let found = state.store.get_match(id).await.or_not_found("match")?;
    let owner = state.store.ambassador_user(found.ambassador.id).await?;
    Ok((found, owner))
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
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff propose.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The ambassador is not available, the placement has no room (`conflict`), or the pair breaks a hard constraint (`not_feasible`, each named in `detail`).", body = Problem, content_type = "application/problem+json"),
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
    policy::authorize(&principal, Action::ProposeMatch, "match")?;
    let MatchInput {
        placement_id,
        ambassador_id,
        run_id,
    } = body.into_inner();
    let unknown = |field: &'static str| {
        move |e: store::StoreError| match e {
            store::StoreError::NotFound => ApiError::invalid_field(field, "no such id"),
            other => other.into(),
        }
    };
    let placement = state
        .store
        .get_placement(placement_id)
        .await
        .map_err(unknown("placement_id"))?;
    let ambassador = state
        .store
        .get_ambassador(ambassador_id)
        .await
        .map_err(unknown("ambassador_id"))?;
    let (score, breakdown, reasons) = match run_id {
        Some(run) => state
            .store
            .run_proposal(run, ambassador.id, placement.id)
            .await
            .map_err(|e| match e {
                store::StoreError::NotFound => ApiError::invalid_field(
                    "run_id",
                    "this run did not propose this ambassador for this placement",
                ),
                other => other.into(),
            })?,
        None => {
            let earlier = state.store.earlier_schools(ambassador.id).await?;
            let candidate = Candidate::from_profile(ambassador.id, &ambassador.profile, earlier);
            let room = state.store.placement_room(placement.id).await?;
            let spot = Spot::from_placement(&placement, u32::try_from(room).unwrap_or(0));
            let problems = domain::matching::why_not(&candidate, &spot);
            if !problems.is_empty() {
                return Err(ApiError::Conflict {
                    code: "not_feasible",
                    detail: problems.join("; "),
                });
            }
            let breakdown = domain::matching::score(&candidate, &spot);
            let score = breakdown.iter().map(|p| p.points).sum();
            (
                score,
                breakdown,
                domain::matching::explain(&candidate, &spot),
            )
        }
    };
    let (by, name) = actor(&state, &principal).await?;
    let new = store::NewMatch {
        placement_id,
        ambassador_id,
        run_id,
        score,
        breakdown,
        reasons,
    };
    let created = state
        .store
        .create_match(
            &new,
            store::Actor {
                id: by,
                name: &name,
            },
            state.clock.today(),
        )
        .await?;
    super::audit(
        &state.store,
        &principal,
        "match.propose",
        "match",
        Some(created.id),
    )
    .await?;
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
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
        (status = 200, description = "The match.", body = Match),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
) -> Result<web::Json<Match>, ApiError> {
    let (found, owner) = find(&state, *id).await?;
    policy::authorize(
        &principal,
        Action::ReadMatch {
            school: found.placement.school_id,
            owner,
        },
        "match",
    )?;
    Ok(web::Json(found))
}

/// Move a match on: plan the introduction meeting (programme staff), confirm (the school's
/// director for the school, the ambassador for themself), decline with a reason (either side;
/// the ambassador goes back to the pool and the placement opens again), activate (programme
/// staff; refused without a VOG valid at the start), or end an active match early with a reason.
#[utoipa::path(
    operation_id = "transitionMatch",
    tag = "matching",
    params(("id" = Uuid, Path, description = "The match's id.")),
    request_body = MatchTransition,
    responses(
        (status = 200, description = "The match after the transition.", body = Match),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller may see the match but not take this action.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such match that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The action does not follow from the status (`invalid_transition`), no VOG valid at the start (`vog_not_valid`, with the reason), or the placement was closed or cancelled meanwhile (`placement_not_open`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A reason, meeting or side is missing or invalid.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/matches/{id}/transitions")]
pub async fn transition_match(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<MatchTransition>,
) -> Result<web::Json<Match>, ApiError> {
    let (current, owner) = find(&state, *id).await?;
    let MatchTransition {
        action,
        reason,
        meeting,
        side,
        on,
    } = body.into_inner();
    let school = current.placement.school_id;
    policy::authorize(
        &principal,
        Action::TransitionMatch {
            school,
            owner,
            action,
        },
        "match",
    )?;
    let reason = reason
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    if reason.as_ref().is_some_and(|r| r.chars().count() > 500) {
        return Err(ApiError::invalid_field("reason", "at most 500 characters"));
    }
    let state_before = MatchState {
        status: current.status,
        school_confirmed: current.school_confirmed_at.is_some(),
        ambassador_confirmed: current.ambassador_confirmed_at.is_some(),
    };
    let after = state_before
        .apply(action, reason.as_deref())
        .map_err(|e| match e {
            MatchError::ReasonRequired { .. } => ApiError::invalid_field("reason", e.to_string()),
            MatchError::NotFrom { .. } | MatchError::AlreadyConfirmed(_) => ApiError::Conflict {
                code: "invalid_transition",
                detail: e.to_string(),
            },
        })?;
    let now = state.clock.now();
    let today = state.clock.today();
    let mut update = store::MatchUpdate {
        status: after.status,
        meeting: current.meeting.clone(),
        school_confirmed_at: current.school_confirmed_at,
        ambassador_confirmed_at: current.ambassador_confirmed_at,
        starts_on: current.starts_on,
        declined_by: current.declined_by,
        ended_on: current.ended_on,
        reason: current.reason.clone(),
    };
    match action {
        MatchAction::PlanMeeting => {
            let mut meeting =
                meeting.ok_or_else(|| ApiError::invalid_field("meeting", "say when and where"))?;
            meeting.place = meeting.place.trim().to_owned();
            if meeting.place.is_empty() || meeting.place.chars().count() > 200 {
                return Err(ApiError::invalid_field(
                    "meeting",
                    "the place is 1 to 200 characters",
                ));
            }
            update.meeting = Some(meeting);
        }
        MatchAction::ConfirmSchool => update.school_confirmed_at = Some(now),
        MatchAction::ConfirmAmbassador => update.ambassador_confirmed_at = Some(now),
        MatchAction::Decline => {
            update.declined_by = Some(policy::decline_side(&principal, owner, side)?);
            update.reason = reason;
        }
        MatchAction::Activate => {
            let placement = state.store.get_placement(current.placement.id).await?;
            if !matches!(
                placement.status,
                PlacementStatus::Proposed | PlacementStatus::Open
            ) {
                return Err(ApiError::Conflict {
                    code: "placement_not_open",
                    detail: format!(
                        "the placement is {} now; a match can only start in an offered placement",
                        placement.status
                    ),
                });
            }
            let starts_on = on.unwrap_or(placement.period.starts_on);
            if starts_on < placement.period.starts_on || starts_on > placement.period.ends_on {
                return Err(ApiError::invalid_field(
                    "on",
                    format!(
                        "the first day falls within the placement's period, {} to {}",
                        placement.period.starts_on, placement.period.ends_on
                    ),
                ));
            }
            let ambassador = state.store.get_ambassador(current.ambassador.id).await?;
            let facts = ambassador.vog.as_ref().map(store::vog_facts);
            domain::vog::check(facts.as_ref(), placement.school_type, starts_on).map_err(
                |problem| ApiError::Conflict {
                    code: "vog_not_valid",
                    detail: format!("cannot activate: {problem}"),
                },
            )?;
            update.starts_on = Some(starts_on);
        }
        MatchAction::End => {
            let ended_on = on.unwrap_or(today);
            if current.starts_on.is_some_and(|start| ended_on < start) {
                return Err(ApiError::invalid_field(
                    "on",
                    "the last day cannot be before the first",
                ));
            }
            update.ended_on = Some(ended_on);
            update.reason = reason;
        }
    }
    let (by, name) = actor(&state, &principal).await?;
    let updated = state
        .store
        .update_match(
            &current,
            &update,
            store::Actor {
                id: by,
                name: &name,
            },
            today,
        )
        .await?;
    let audit_action = match action {
        MatchAction::PlanMeeting => "match.plan_meeting",
        MatchAction::ConfirmSchool => "match.confirm_school",
        MatchAction::ConfirmAmbassador => "match.confirm_ambassador",
        MatchAction::Decline => "match.decline",
        MatchAction::Activate => "match.activate",
        MatchAction::End => "match.end",
    };
    super::audit(
        &state.store,
        &principal,
        audit_action,
        "match",
        Some(updated.id),
    )
    .await?;
    Ok(web::Json(updated))
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
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
    let (found, owner) = find(&state, *id).await?;
    policy::authorize(
        &principal,
        Action::ReportConcern {
            school: found.placement.school_id,
            owner,
        },
        "match",
    )?;
    let text = body.into_inner().text.trim().to_owned();
    if text.is_empty() || text.chars().count() > 2000 {
        return Err(ApiError::invalid_field(
            "text",
            "describe the concern in 1 to 2000 characters",
        ));
    }
    let (by, name) = actor(&state, &principal).await?;
    let concern = state
        .store
        .create_concern(
            found.id,
            &text,
            store::Actor {
                id: by,
                name: &name,
            },
        )
        .await?;
    super::audit(
        &state.store,
        &principal,
        "match.concern",
        "match",
        Some(found.id),
    )
    .await?;
    Ok(HttpResponse::Created().json(concern))
}

/// The concerns reported about a match: programme staff and the school's director and
/// coordinator.
#[utoipa::path(
    operation_id = "listConcerns",
    tag = "matching",
    params(("id" = Uuid, Path, description = "The match's id.")),
    responses(
        (status = 200, description = "The concerns, oldest first.", body = Vec<Concern>),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
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
    Ok(web::Json(state.store.list_concerns(found.id).await?))
}
