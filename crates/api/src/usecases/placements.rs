//! Placements: replacing the details and changing the status. Both lock the placement, so a
//! director's change and a match's activation take turns.

use domain::contract::{MatchQuery, Placement, PlacementInput, PlacementTransition};
use domain::match_lifecycle::{MatchAction, MatchStatus, Side};
use domain::{OrganisationKind, PlacementAction};
use store::{Lock, Store};
use uuid::Uuid;

use super::{begin, commit_with_audit, commit_with_audit_because};
use crate::auth::Principal;
use crate::error::ErrorCode;
use crate::error::{ApiError, OrNotFound};
use crate::etag::{self, IfMatch};
use crate::policy::{self, Action};
use crate::state::AppState;

/// Offers a placement at a school: its director, or programme staff.
pub async fn create(
    state: &AppState,
    principal: &Principal,
    input: PlacementInput,
) -> Result<Placement, ApiError> {
    let no_school = || ApiError::invalid_field("school_id", "is not a school you manage");
    let school_id = input
        .school_id
        .ok_or_else(|| ApiError::invalid_field("school_id", "is required"))?;
    let tx = begin(state).await?;
    let school = match tx.get_organisation(school_id).await {
        Ok(org) if org.kind == OrganisationKind::School => org,
        Ok(_) | Err(store::StoreError::NotFound) => return Err(no_school()),
        Err(e) => return Err(e.into()),
    };
    match policy::decide(principal, Action::CreatePlacement(&school)) {
        Ok(()) => {}
        Err(policy::Denial::Hidden) => return Err(no_school()),
        Err(policy::Denial::Forbidden) => return Err(ApiError::Forbidden),
    }
    let (tidy, _) = input.validate().map_err(ApiError::invalid_fields)?;
    let placement = tx.create_placement(school.id, &tidy).await?;
    commit_with_audit(
        tx,
        principal,
        "placement.create",
        "placement",
        Some(placement.id),
    )
    .await?;
    Ok(placement)
}

/// Replaces a placement's details; never below the places its live matches hold.
pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: PlacementInput,
    if_match: &IfMatch,
) -> Result<Placement, ApiError> {
    let tx = begin(state).await?;
    tx.lock(Lock::Placement(id)).await?;
    let placement = tx.get_placement(id).await.or_not_found("placement")?;
    policy::authorize(principal, Action::EditPlacement(&placement), "placement")?;
    if_match.check(&etag::of(placement.updated_at), "the placement")?;
    if !placement.status.is_editable() {
        return Err(ApiError::Conflict {
            code: ErrorCode::NotEditable,
            detail: format!("a {} placement can no longer be changed", placement.status),
        });
    }
    let (tidy, _) = input.validate().map_err(ApiError::invalid_fields)?;
    let held = i64::from(placement.capacity) - tx.placement_room(id).await?;
    if i64::from(tidy.capacity) < held {
        return Err(ApiError::Conflict {
            code: ErrorCode::CapacityBelowMatches,
            detail: format!(
                "{held} ambassadors are proposed or placed here; the capacity cannot drop below that"
            ),
        });
    }
    let updated = tx
        .update_placement(placement.id, placement.status, &tidy)
        .await?;
    commit_with_audit(tx, principal, "placement.update", "placement", Some(id)).await?;
    Ok(updated)
}

/// Opens, closes, cancels, proposes, fills or releases a placement. Closing or cancelling ends
/// its live matches with the same reason in the same transaction: a proposal or a confirmed
/// match is declined on the school's side (the ambassador goes back to the pool), an active
/// one ends today, so nobody keeps working, or logging hours, at a placement that is gone.
pub async fn transition(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: PlacementTransition,
    if_match: &IfMatch,
) -> Result<Placement, ApiError> {
    let PlacementTransition { action, reason } = input;
    let tx = begin(state).await?;
    tx.lock(Lock::Placement(id)).await?;
    let placement = tx.get_placement(id).await.or_not_found("placement")?;
    policy::authorize(
        principal,
        Action::TransitionPlacement(&placement, action),
        "placement",
    )?;
    if_match.check(&etag::of(placement.updated_at), "the placement")?;
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
                code: ErrorCode::InvalidTransition,
                detail: e.to_string(),
            },
        })?;
    let reason = if action.needs_reason() { reason } else { None };
    if matches!(action, PlacementAction::Close | PlacementAction::Cancel) {
        let why = reason.clone().unwrap_or_default();
        end_live_matches(state, &tx, principal, id, &why).await?;
    }
    // Ending matches moves the placement's status with them (a filled placement opens up), so
    // the change is made from the status it has now.
    let now_status = tx.get_placement(id).await?.status;
    let updated = tx
        .set_placement_status(placement.id, now_status, next, reason.as_deref())
        .await?;
    // Partners hear of the change from where it started, not of a filled placement opening
    // for a moment while its matches ended.
    crate::webhooks::placement_changed(&tx, placement.status, &updated).await?;
    let audit_action = match action {
        PlacementAction::Open => "placement.open",
        PlacementAction::Propose => "placement.propose",
        PlacementAction::Fill => "placement.fill",
        PlacementAction::Release => "placement.release",
        PlacementAction::Close => "placement.close",
        PlacementAction::Cancel => "placement.cancel",
    };
    commit_with_audit_because(
        tx,
        principal,
        audit_action,
        "placement",
        Some(updated.id),
        reason.as_deref(),
    )
    .await?;
    // Ending its matches may have queued e-mails.
    state.mailer.wake();
    Ok(updated)
}

/// Ends every live match of placement `id` with `reason`, each audited.
async fn end_live_matches(
    state: &AppState,
    tx: &Store,
    principal: &Principal,
    id: Uuid,
    reason: &str,
) -> Result<(), ApiError> {
    let filter = MatchQuery {
        placement_id: Some(id),
        ..MatchQuery::default()
    };
    let live: Vec<_> = tx
        .list_matches(&filter, None, None, None, 1000)
        .await?
        .into_iter()
        .filter(|m| m.status.is_live())
        .collect();
    let today = state.clock.today();
    for current in live {
        tx.lock(Lock::Ambassador(current.ambassador.id)).await?;
        let action = if current.status == MatchStatus::Active {
            MatchAction::End
        } else {
            MatchAction::Decline
        };
        let mut update =
            super::matches::next_update(&current, action, Some(reason), state.clock.now())?;
        update.reason = Some(reason.to_owned());
        match action {
            MatchAction::End => update.ended_on = Some(today),
            _ => update.declined_by = Some(Side::School),
        }
        super::matches::write(
            tx,
            principal,
            &state.mailer,
            &current,
            &update,
            action,
            today,
        )
        .await?;
    }
    Ok(())
}
