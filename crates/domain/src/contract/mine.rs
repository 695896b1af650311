//! What an ambassador sees of their own: their matches with the placement's details.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::lesson_schedule::ScheduledLesson;
use super::matching::Match;
use super::placement::Placement;

/// One of the ambassador's own matches, with what they need for the school day: the whole
/// placement (teacher included, as they work with them) and the school's coordinators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyPlacement {
    /// The match: its status, introduction meeting and confirmations.
    #[serde(rename = "match")]
    pub match_: Match,
    /// The placement.
    pub placement: Placement,
    /// The names of the school's internal coordinators.
    pub coordinators: Vec<String>,
    /// The next lessons they give at the school (at most ten), from today on.
    pub next_lessons: Vec<ScheduledLesson>,
}

/// The ambassador's matches, with the programme's today (Europe/Amsterdam), from which their
/// school day and the holidays ahead are reckoned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyPlacements {
    /// Today, as the programme counts it.
    pub today: NaiveDate,
    /// Their matches that are not declined or ended, oldest first.
    pub places: Vec<MyPlacement>,
}
