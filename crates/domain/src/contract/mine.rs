//! What an ambassador sees of their own: their matches with the placement's details, and their
//! request to be erased.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

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

/// Ask programme staff to erase one's data.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ErasureRequestInput {
    /// Why, if they want to say (at most 1000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// An ambassador's request to be erased.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErasureRequest {
    /// The request's id.
    pub id: Uuid,
    /// The ambassador.
    pub ambassador_id: Uuid,
    /// The ambassador's name.
    pub ambassador_name: String,
    /// Why, if they said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// When they asked.
    pub requested_at: DateTime<Utc>,
    /// The last day to answer (AVG art. 12(3)): one month after the Amsterdam date they asked.
    pub answer_due: NaiveDate,
    /// When it was dealt with (the ambassador erased); absent while open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<DateTime<Utc>>,
}
