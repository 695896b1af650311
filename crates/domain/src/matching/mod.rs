//! The matching engine: which available ambassador goes to which open placement.
//!
//! Hard constraints decide whether a pair is possible at all ([`feasible`]): the weekday, the
//! school type, the municipality, the start moment, the duration, the length of the day and the
//! placement's capacity; an ambassador already matched is not a candidate. Among possible pairs,
//! [`weights`] says what each is worth. [`propose`] finds an assignment with the maximum total
//! score ([`solver`]), the same one for the same input, and explains every proposal in Dutch.
//! Ambassadors left over are candidates for thematic work.

mod graph;
use graph::build_graph;
mod reasons;

pub use reasons::{weekday as dutch_weekday, why_not};
pub mod solver;
pub mod weights;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::SchoolType;
use crate::placement::Weekday;
use crate::school_year::{Commitment, SchoolYear, StartMoment};
pub use weights::{Criterion, ScorePart};

/// An ambassador who can be matched, as the engine sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The ambassador.
    pub id: Uuid,
    /// The weekdays they can come.
    pub weekdays: Vec<Weekday>,
    /// The school type they want; `None` for either.
    pub school_type: Option<SchoolType>,
    /// Where they live, if known.
    pub home_municipality: Option<String>,
    /// The municipalities they can travel to (their home municipality need not be repeated).
    pub municipalities: Vec<String>,
    /// Half or whole year.
    pub commitment: Commitment,
    /// The first school year and start moment they are available from.
    pub available_from: (SchoolYear, StartMoment),
    /// The longest day they can do, in minutes.
    pub minutes_per_day: i64,
    /// Their expertise and themes.
    pub expertise: Vec<String>,
    /// Schools they would like to go to, best first.
    pub preferred_schools: Vec<Uuid>,
    /// Schools they were placed at before.
    pub earlier_schools: Vec<Uuid>,
}

/// An open placement, as the engine sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    /// The placement.
    pub id: Uuid,
    /// Its school.
    pub school_id: Uuid,
    /// Primary or secondary.
    pub school_type: SchoolType,
    /// The school's municipality.
    pub municipality: String,
    /// The day of the week.
    pub weekday: Weekday,
    /// The school year.
    pub school_year: SchoolYear,
    /// The start moment.
    pub start_moment: StartMoment,
    /// Half or whole year.
    pub commitment: Commitment,
    /// The length of the day in minutes.
    pub minutes: i64,
    /// Expertise and themes asked for (including a thematic placement's theme).
    pub wanted: Vec<String>,
    /// How many more ambassadors it takes.
    pub capacity: u32,
}

/// One proposed pair, with its score broken down and the reasons in Dutch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    /// The ambassador.
    pub ambassador_id: Uuid,
    /// The placement.
    pub placement_id: Uuid,
    /// The total score.
    pub score: u32,
    /// What the score is made of.
    pub breakdown: Vec<ScorePart>,
    /// Why, in Dutch, for the people who confirm.
    pub reasons: Vec<String>,
}

/// What the engine proposes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The proposals, by ambassador id.
    pub proposals: Vec<Proposal>,
    /// The sum of the proposals' scores: the maximum possible.
    pub total_score: u64,
    /// Available ambassadors without a proposal, by id: candidates for thematic placements.
    pub left_over: Vec<Uuid>,
    /// How many ambassador–placement pairs met every hard constraint.
    pub feasible_pairs: usize,
}

impl Candidate {
    /// An ambassador as the engine sees them, from their profile and the schools they were
    /// placed at before.
    pub fn from_profile(
        id: Uuid,
        profile: &crate::contract::AmbassadorInput,
        earlier_schools: Vec<Uuid>,
    ) -> Self {
        let mut expertise = profile.expertise.clone();
        expertise.extend(profile.themes.iter().cloned());
        Candidate {
            id,
            weekdays: profile.weekdays.clone(),
            school_type: profile.school_type,
            home_municipality: profile.home_municipality.clone(),
            municipalities: profile.municipalities.clone(),
            commitment: profile.commitment,
            available_from: (profile.available_from_year, profile.available_from_moment),
            minutes_per_day: profile.minutes_per_day,
            expertise,
            preferred_schools: profile.preferred_school_ids.clone(),
            earlier_schools,
        }
    }
}

impl Spot {
    /// A placement as the engine sees it, with `room` places left.
    pub fn from_placement(placement: &crate::contract::Placement, room: u32) -> Self {
        let mut wanted = placement.expertise.clone();
        wanted.extend(placement.theme.iter().cloned());
        Spot {
            id: placement.id,
            school_id: placement.school_id,
            school_type: placement.school_type,
            municipality: placement.municipality.clone(),
            weekday: placement.weekday,
            school_year: placement.school_year,
            start_moment: placement.start_moment,
            commitment: placement.commitment,
            minutes: placement.minutes,
            wanted,
            capacity: room,
        }
    }
}

/// The Dutch reasons for pairing `candidate` with `spot` (which should be feasible).
pub fn explain(candidate: &Candidate, spot: &Spot) -> Vec<String> {
    reasons::explain(candidate, spot, &shared_expertise(candidate, spot))
}

/// Whether `candidate` can take `spot` at all, ignoring capacity.
pub fn feasible(candidate: &Candidate, spot: &Spot) -> bool {
    candidate.weekdays.contains(&spot.weekday)
        && candidate.school_type.is_none_or(|t| t == spot.school_type)
        && travels_to(candidate, &spot.municipality)
        && candidate.available_from <= (spot.school_year, spot.start_moment)
        && candidate.commitment == spot.commitment
        && candidate.minutes_per_day >= spot.minutes
        && spot.capacity > 0
}

fn travels_to(candidate: &Candidate, municipality: &str) -> bool {
    let wanted = normalise(municipality);
    candidate
        .municipalities
        .iter()
        .chain(&candidate.home_municipality)
        .any(|m| normalise(m) == wanted)
}

/// Case and surrounding spaces do not matter when comparing municipalities and expertise.
fn normalise(text: &str) -> String {
    text.trim().to_lowercase()
}

/// The score of a feasible pair, broken down.
pub fn score(candidate: &Candidate, spot: &Spot) -> Vec<ScorePart> {
    let mut parts = vec![ScorePart {
        criterion: Criterion::Feasible,
        points: weights::FEASIBLE,
    }];
    let shared = shared_expertise(candidate, spot).len();
    let mut add = |criterion, points| {
        if points > 0 {
            parts.push(ScorePart { criterion, points });
        }
    };
    add(Criterion::Expertise, weights::expertise_points(shared));
    if let Some(rank) = candidate
        .preferred_schools
        .iter()
        .position(|s| *s == spot.school_id)
    {
        add(Criterion::Preference, weights::preference_points(rank));
    }
    if candidate
        .home_municipality
        .as_deref()
        .is_some_and(|home| normalise(home) == normalise(&spot.municipality))
    {
        add(Criterion::SameMunicipality, weights::SAME_MUNICIPALITY);
    }
    if candidate.earlier_schools.contains(&spot.school_id) {
        add(Criterion::Continuity, weights::CONTINUITY);
    }
    parts
}

/// The placement's wanted expertise that the candidate has, in the placement's words, once each.
fn shared_expertise<'a>(candidate: &Candidate, spot: &'a Spot) -> Vec<&'a str> {
    let has: Vec<String> = candidate.expertise.iter().map(|e| normalise(e)).collect();
    let mut shared: Vec<&str> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for wanted in &spot.wanted {
        let key = normalise(wanted);
        if has.contains(&key) && !seen.contains(&key) {
            seen.push(key);
            shared.push(wanted.trim());
        }
    }
    shared
}

/// Proposes the assignment of `candidates` to `spots` with the maximum total score.
///
/// Deterministic: the input order does not matter (both sides are sorted by id first) and ties
/// are broken the same way every time.
pub fn propose(candidates: &[Candidate], spots: &[Spot]) -> Outcome {
    propose_observed(candidates, spots, |_| {})
}

/// The stages of [`propose`], for a benchmark to time (with the `bench` feature).
mod stage {
    /// A stage of [`propose`](super::propose) that has just ended.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Stage {
        /// The feasible pairs and their scores are known.
        Graph,
        /// The assignment with the maximum total score is known.
        Solve,
    }
}

#[cfg(feature = "bench")]
pub use stage::Stage;
#[cfg(not(feature = "bench"))]
use stage::Stage;

/// [`propose`], calling `stage_ended` after each [`Stage`], so that a benchmark can time them:
/// the domain reads no clock.
#[cfg(feature = "bench")]
pub fn propose_in_stages(
    candidates: &[Candidate],
    spots: &[Spot],
    stage_ended: impl FnMut(Stage),
) -> Outcome {
    propose_observed(candidates, spots, stage_ended)
}

fn propose_observed(
    candidates: &[Candidate],
    spots: &[Spot],
    mut stage_ended: impl FnMut(Stage),
) -> Outcome {
    let mut candidates: Vec<&Candidate> = candidates.iter().collect();
    candidates.sort_by_key(|c| c.id);
    candidates.dedup_by_key(|c| c.id);
    let mut spots: Vec<&Spot> = spots.iter().collect();
    spots.sort_by_key(|s| s.id);
    spots.dedup_by_key(|s| s.id);

    let graph = build_graph(&candidates, &spots);
    stage_ended(Stage::Graph);
    let assignment = solver::solve(&graph);
    stage_ended(Stage::Solve);
    let mut proposals = Vec::new();
    let mut left_over = Vec::new();
    for (candidate, column) in candidates.iter().zip(assignment) {
        match column {
            Some(column) => {
                let spot = spots[column as usize];
                let breakdown = score(candidate, spot);
                proposals.push(Proposal {
                    ambassador_id: candidate.id,
                    placement_id: spot.id,
                    score: breakdown.iter().map(|p| p.points).sum(),
                    reasons: explain(candidate, spot),
                    breakdown,
                });
            }
            None => left_over.push(candidate.id),
        }
    }
    Outcome {
        total_score: proposals.iter().map(|p| u64::from(p.score)).sum(),
        proposals,
        left_over,
        feasible_pairs: graph.edges(),
    }
}
