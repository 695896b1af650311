//! How much each reason to pair an ambassador with a placement is worth. The only place the
//! weights live: change them here and the engine, the score breakdowns and the documentation
//! follow.
//!
//! Every feasible pair is worth [`FEASIBLE`] on its own, so filling a spot always beats leaving
//! it empty; the other criteria decide *which* ambassador fills it.

use serde::{Deserialize, Serialize};

use crate::text_enum;

/// Points for a pair that meets every hard constraint.
pub const FEASIBLE: u32 = 10;
/// Points per expertise or theme of the ambassador that the placement asks for.
pub const PER_SHARED_EXPERTISE: u32 = 10;
/// At most this many shared expertises count, so one long list cannot outweigh everything.
pub const MAX_SHARED_EXPERTISE: u32 = 3;
/// Points for the ambassador's first, second and third preferred school.
pub const PREFERENCE: [u32; 3] = [15, 10, 5];
/// Points when the ambassador lives in the school's municipality.
pub const SAME_MUNICIPALITY: u32 = 5;
/// Points when the ambassador was placed at this school before.
pub const CONTINUITY: u32 = 20;

/// The highest score a pair can reach.
pub const MAX_SCORE: u32 = FEASIBLE
    + PER_SHARED_EXPERTISE * MAX_SHARED_EXPERTISE
    + PREFERENCE[0]
    + SAME_MUNICIPALITY
    + CONTINUITY;

text_enum! {
    /// A reason a pair scores.
    pub enum Criterion ("criterion") {
        /// Meets every hard constraint: weekday, school type, municipality, start, duration,
        /// day length and capacity.
        Feasible = "feasible",
        /// Expertise or themes the placement asks for.
        Expertise = "expertise",
        /// One of the ambassador's preferred schools.
        Preference = "preference",
        /// Lives in the school's municipality.
        SameMunicipality = "same_municipality",
        /// Was placed at this school before.
        Continuity = "continuity",
    }
}

/// Points for one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScorePart {
    /// What the points are for.
    pub criterion: Criterion,
    /// How many points.
    pub points: u32,
}

/// Points for a preference of the given rank (0 is the first choice).
pub fn preference_points(rank: usize) -> u32 {
    PREFERENCE.get(rank).copied().unwrap_or(0)
}

/// Points for `shared` expertises in common.
pub fn expertise_points(shared: usize) -> u32 {
    PER_SHARED_EXPERTISE * (shared as u32).min(MAX_SHARED_EXPERTISE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_maximum_is_the_sum_of_the_best_of_each_criterion() {
        assert_eq!(MAX_SCORE, 10 + 30 + 15 + 5 + 20);
        assert_eq!(expertise_points(7), 30);
        assert_eq!(preference_points(3), 0);
    }
}
