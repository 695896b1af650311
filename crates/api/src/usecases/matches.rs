//! Matches: proposing an ambassador for a placement and moving a match on. Both decide on the
//! placement's room, so both lock the placement first (then the ambassador, then the match:
//! always in that order, so two use cases never wait for each other in a circle).

use chrono::{DateTime, Utc};
use domain::PlacementStatus;
use domain::ambassador::IntakeStatus;
use domain::contract::{Concern, ConcernInput, Match, MatchInput, MatchTransition, ProblemDetails};
use domain::match_lifecycle::{MatchAction, MatchError, MatchState};
use domain::matching::{Candidate, Spot};
use store::{Lock, Store, StoreError};
use uuid::Uuid;

use super::{actor, begin, commit_with_audit};
use crate::auth::Principal;
use crate::error::ErrorCode;
use crate::error::{ApiError, OrNotFound};
use crate::etag::{self, IfMatch};
use crate::match_mail::{self, Event, Reader, meeting_file};
use crate::policy::{self, Action};
use crate::state::AppState;

/// A match and the user account of its ambassador, who may act on it.
pub(crate) async fn find(store: &Store, id: Uuid) -> Result<(Match, Option<Uuid>), ApiError> {
    let found = store.get_match(id).await.or_not_found("match")?;
    let owner = store.ambassador_user(found.ambassador.id).await?;
    Ok((found, owner))
}

/// Proposes an ambassador for a placement, from a matching run or by hand.
pub async fn propose(
    state: &AppState,
    principal: &Principal,
    input: MatchInput,
) -> Result<Match, ApiError> {
    policy::authorize(principal, Action::ProposeMatch, "match")?;
    let MatchInput {
        placement_id,
        ambassador_id,
        run_id,
    } = input;
    let unknown = |field: &'static str| {
        move |e: StoreError| match e {
            StoreError::NotFound => ApiError::invalid_field(field, "no such id"),
            other => other.into(),
        }
    };
    let tx = begin(state).await?;
    tx.lock(Lock::Placement(placement_id)).await?;
    tx.lock(Lock::Ambassador(ambassador_id)).await?;
    let placement = tx
        .get_placement(placement_id)
        .await
        .map_err(unknown("placement_id"))?;
    let ambassador = tx
        .get_ambassador(ambassador_id)
        .await
        .map_err(unknown("ambassador_id"))?;
    // Decided here, under the locks, so each refusal has its own code.
    if ambassador.status != IntakeStatus::Available {
        return Err(ApiError::Conflict {
            code: ErrorCode::AmbassadorNotAvailable,
            detail: format!(
                "{} is {} now: only ambassadors in the pool can be proposed",
                ambassador.profile.name, ambassador.status
            ),
        });
    }
    if placement.status != PlacementStatus::Open || tx.placement_room(placement.id).await? <= 0 {
        return Err(ApiError::Conflict {
            code: ErrorCode::PlacementNotOpen,
            detail: "the placement is not open for proposals: it is not open or has no room left"
                .to_owned(),
        });
    }
    let (score, breakdown, reasons) = match run_id {
        Some(run) => tx
            .run_proposal(run, ambassador.id, placement.id)
            .await
            .map_err(|e| match e {
                StoreError::NotFound => ApiError::invalid_field(
                    "run_id",
                    "this run did not propose this ambassador for this placement",
                ),
                other => other.into(),
            })?,
        None => {
            let earlier = tx.earlier_schools(ambassador.id).await?;
            let candidate = Candidate::from_profile(ambassador.id, &ambassador.profile, earlier);
            let room = tx.placement_room(placement.id).await?;
            let spot = Spot::from_placement(&placement, u32::try_from(room).unwrap_or(0));
            let problems = domain::matching::why_not(&candidate, &spot);
            if !problems.is_empty() {
                return Err(ApiError::Conflict {
                    code: ErrorCode::NotFeasible,
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
    let (by, name) = actor(&tx, principal).await?;
    let created = tx
        .create_match(
            &store::NewMatch {
                placement_id,
                ambassador_id,
                run_id,
                score,
                breakdown,
                reasons,
            },
            store::Actor {
                id: by,
                name: &name,
            },
            state.clock.today(),
        )
        .await?;
    notify(&tx, &state.mailer, &created, &Event::Proposed).await?;
    crate::webhooks::match_changed(&tx, &created).await?;
    let after = tx.get_placement(placement_id).await?;
    crate::webhooks::placement_changed(&tx, placement.status, &after).await?;
    commit_with_audit(tx, principal, "match.propose", "match", Some(created.id)).await?;
    state.mailer.wake();
    Ok(created)
}

/// Reports a concern about a match to the school's coordinator and the programme.
pub async fn report_concern(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: ConcernInput,
) -> Result<Concern, ApiError> {
    let tx = begin(state).await?;
    let (found, owner) = find(&tx, id).await?;
    policy::authorize(
        principal,
        Action::ReportConcern {
            school: found.placement.school_id,
            owner,
        },
        "match",
    )?;
    let text = input.text.trim().to_owned();
    if text.is_empty() || text.chars().count() > 2000 {
        return Err(ApiError::invalid_field(
            "text",
            "describe the concern in 1 to 2000 characters",
        ));
    }
    let (by, name) = actor(&tx, principal).await?;
    let concern = tx
        .create_concern(
            found.id,
            &text,
            store::Actor {
                id: by,
                name: &name,
            },
        )
        .await?;
    commit_with_audit(tx, principal, "match.concern", "match", Some(found.id)).await?;
    Ok(concern)
}

/// Moves a match on. Activation re-checks, under the placement's lock, that the placement is
/// still offered, still has a place that no other active match holds, and that the
/// ambassador's VOGs allow it.
pub async fn transition(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: MatchTransition,
    if_match: &IfMatch,
) -> Result<Match, ApiError> {
    // Which placement and ambassador to lock: these never change for a match.
    let (seen, _) = find(&state.store, id).await?;
    let tx = begin(state).await?;
    tx.lock(Lock::Placement(seen.placement.id)).await?;
    tx.lock(Lock::Ambassador(seen.ambassador.id)).await?;
    tx.lock(Lock::Match(id)).await?;
    let (current, owner) = find(&tx, id).await?;
    let MatchTransition {
        action,
        reason,
        meeting,
        side,
        on,
    } = input;
    policy::authorize(
        principal,
        Action::TransitionMatch {
            school: current.placement.school_id,
            owner,
            action,
        },
        "match",
    )?;
    if_match.check(&etag::of(current.updated_at), "the match")?;
    let reason = reason
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    if reason.as_ref().is_some_and(|r| r.chars().count() > 500) {
        return Err(ApiError::invalid_field("reason", "at most 500 characters"));
    }
    let now = state.clock.now();
    let today = state.clock.today();
    let mut update = next_update(&current, action, reason.as_deref(), now)?;
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
            update.declined_by = Some(policy::decline_side(principal, owner, side)?);
            update.reason = reason;
        }
        MatchAction::Activate => {
            update.starts_on = Some(check_activation(&tx, &current, on).await?);
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
    let before = tx.get_placement(current.placement.id).await?.status;
    let updated = write(
        &tx,
        principal,
        &state.mailer,
        &current,
        &update,
        action,
        today,
    )
    .await?;
    let after = tx.get_placement(current.placement.id).await?;
    crate::webhooks::placement_changed(&tx, before, &after).await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(updated)
}

/// What `current` becomes by `action` at instant `now`, as the store writes it: the domain
/// decides whether the action follows from the status (and, for a confirmation, whether the
/// introduction meeting has taken place), and the rest of the match stays as it is.
pub(crate) fn next_update(
    current: &Match,
    action: MatchAction,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<store::MatchUpdate, ApiError> {
    let after = MatchState {
        status: current.status,
        school_confirmed: current.school_confirmed_at.is_some(),
        ambassador_confirmed: current.ambassador_confirmed_at.is_some(),
    }
    .apply_at(
        action,
        reason,
        current.meeting.as_ref().map(|meeting| meeting.at),
        now,
    )
    .map_err(|e| match e {
        MatchError::ReasonRequired { .. } => ApiError::invalid_field("reason", e.to_string()),
        MatchError::NotFrom { .. } | MatchError::AlreadyConfirmed(_) => ApiError::Conflict {
            code: ErrorCode::InvalidTransition,
            detail: e.to_string(),
        },
        MatchError::MeetingNotHeld { .. } => ApiError::detailed(
            ApiError::Conflict {
                code: ErrorCode::MeetingNotHeld,
                detail: e.to_string(),
            },
            ProblemDetails {
                meeting: current.meeting.clone(),
                ..ProblemDetails::default()
            },
        ),
    })?;
    Ok(store::MatchUpdate {
        status: after.status,
        meeting: current.meeting.clone(),
        school_confirmed_at: current.school_confirmed_at,
        ambassador_confirmed_at: current.ambassador_confirmed_at,
        starts_on: current.starts_on,
        declined_by: current.declined_by,
        ended_on: current.ended_on,
        reason: current.reason.clone(),
    })
}

/// Writes `update` of `current` inside `tx`, with the intake step it implies, its audit entry
/// and the e-mails it causes; the caller commits (and wakes the mailer).
pub(crate) async fn write(
    tx: &Store,
    principal: &Principal,
    mailer: &crate::mail::Mailer,
    current: &Match,
    update: &store::MatchUpdate,
    action: MatchAction,
    today: chrono::NaiveDate,
) -> Result<Match, ApiError> {
    let (by, name) = actor(tx, principal).await?;
    let updated = tx
        .update_match(
            current,
            update,
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
    crate::routes::audit_because(
        tx,
        principal,
        audit_action,
        "match",
        Some(updated.id),
        // Only declining and ending ask for a reason; the others carry the old one along.
        match action {
            MatchAction::Decline | MatchAction::End => update.reason.as_deref(),
            _ => None,
        },
    )
    .await?;
    let event = match action {
        MatchAction::PlanMeeting => updated.meeting.as_ref().map(Event::MeetingPlanned),
        MatchAction::ConfirmSchool | MatchAction::ConfirmAmbassador => (updated.status
            == domain::match_lifecycle::MatchStatus::Confirmed)
            .then_some(Event::Confirmed),
        MatchAction::Decline => Some(Event::Declined(updated.reason.as_deref().unwrap_or("-"))),
        MatchAction::End => Some(Event::Ended(updated.reason.as_deref().unwrap_or("-"))),
        MatchAction::Activate => None,
    };
    if let Some(event) = event {
        notify(tx, mailer, &updated, &event).await?;
    }
    crate::webhooks::match_changed(tx, &updated).await?;
    Ok(updated)
}

/// Whether `current` may become active now, starting on `on` (default: the placement's first
/// day); returns the first day. Runs under the placement's and the ambassador's locks.
async fn check_activation(
    tx: &Store,
    current: &Match,
    on: Option<chrono::NaiveDate>,
) -> Result<chrono::NaiveDate, ApiError> {
    let placement = tx.get_placement(current.placement.id).await?;
    if !matches!(
        placement.status,
        PlacementStatus::Proposed | PlacementStatus::Open
    ) {
        return Err(ApiError::Conflict {
            code: ErrorCode::PlacementNotOpen,
            detail: format!(
                "the placement is {} now; a match can only start in an offered placement",
                placement.status
            ),
        });
    }
    let active = tx.active_matches(placement.id).await?;
    if active >= i64::from(placement.capacity) {
        return Err(ApiError::Conflict {
            code: ErrorCode::PlacementFull,
            detail: format!(
                "the placement has room for {} and {active} already started: no place is left",
                placement.capacity
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
    let vogs: Vec<_> = tx
        .list_vogs(current.ambassador.id)
        .await?
        .iter()
        .map(store::vog_facts)
        .collect();
    domain::vog::check_records(&vogs, placement.school_type, starts_on).map_err(|problem| {
        ApiError::detailed(
            ApiError::Conflict {
                code: ErrorCode::VogNotValid,
                detail: format!("cannot activate: {problem}"),
            },
            ProblemDetails {
                vog: Some(problem),
                ..ProblemDetails::default()
            },
        )
    })?;
    Ok(starts_on)
}

/// Queues the e-mails about `event` of match `m`: to the ambassador, and to the school's
/// director and coordinators.
async fn notify(
    tx: &Store,
    mailer: &crate::mail::Mailer,
    m: &Match,
    event: &Event<'_>,
) -> Result<(), ApiError> {
    let attachment = match event {
        Event::MeetingPlanned(meeting) => Some(meeting_file(m, meeting, tx.now())),
        _ => None,
    };
    let ambassador = tx.get_ambassador(m.ambassador.id).await?;
    let mut readers = vec![(
        Reader::Ambassador,
        ambassador.profile.email,
        ambassador.profile.name,
    )];
    for member in tx.list_members(m.placement.school_id, None, 200).await? {
        if matches!(
            member.role,
            domain::Role::SchoolDirector | domain::Role::Coordinator
        ) && !readers.iter().any(|(_, email, _)| *email == member.email)
        {
            readers.push((Reader::School, member.email, member.name));
        }
    }
    for (reader, email, name) in readers
        .into_iter()
        .filter(|(_, email, _)| !email.is_empty())
    {
        let message = match_mail::message(mailer, reader, &email, &name, m, event);
        mailer
            .queue_with(tx, event.kind(), message, attachment.clone())
            .await?;
    }
    Ok(())
}
