//! Matching runs: the engine proposes, programme staff review. A run binds nobody, so it is
//! computed from a snapshot read before the transaction; only storing it and its audit entry
//! share one. That keeps the engine's work from holding the database (on SQLite a transaction
//! holds the whole database's write lock).

use actix_web::web;
use domain::contract::{MatchingRun, MatchingRunInput};

use super::{actor, begin, commit_with_audit};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::state::AppState;

/// Runs the engine for a school year and start moment, and stores the run.
pub async fn run(
    state: &AppState,
    principal: &Principal,
    input: MatchingRunInput,
) -> Result<MatchingRun, ApiError> {
    policy::authorize(principal, Action::RunMatching, "matching run")?;
    let MatchingRunInput {
        school_year,
        start_moment,
    } = input;
    let input = state
        .store
        .matching_input(school_year, start_moment)
        .await?;
    let (candidates, placements) = (input.candidates.len(), input.spots.len());
    // The engine is pure computation: keep it off the request threads.
    let outcome = web::block(move || domain::matching::propose(&input.candidates, &input.spots))
        .await
        .map_err(anyhow::Error::from)?;
    let tx = begin(state).await?;
    let (by, name) = actor(&tx, principal).await?;
    let id = tx
        .create_matching_run(&store::NewRun {
            school_year,
            start_moment,
            by: store::Actor {
                id: by,
                name: &name,
            },
            candidates,
            placements,
            feasible_pairs: outcome.feasible_pairs,
            total_score: outcome.total_score,
            proposals: &outcome.proposals,
            left_over: &outcome.left_over,
        })
        .await?;
    let run = tx.get_matching_run(id).await?;
    commit_with_audit(
        tx,
        principal,
        "matching_run.create",
        "matching_run",
        Some(id),
    )
    .await?;
    Ok(run)
}
