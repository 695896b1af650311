//! Matching runs and matches as the API shows them.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::ambassador::AmbassadorSummary;
use crate::match_lifecycle::{MatchAction, MatchStatus, Side};
use crate::matching::ScorePart;
use crate::placement::{PlacementKind, Weekday};
use crate::school_year::{Commitment, SchoolYear, StartMoment};

/// Start a matching run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MatchingRunInput {
    /// The school year, such as `2026-2027`.
    pub school_year: SchoolYear,
    /// The start moment.
    pub start_moment: StartMoment,
}

/// What a placement looks like next to a proposal or a match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlacementSummary {
    /// The placement's id.
    pub id: Uuid,
    /// The school's id.
    pub school_id: Uuid,
    /// The school's name.
    pub school_name: String,
    /// The school's municipality.
    pub municipality: String,
    /// The school year.
    pub school_year: SchoolYear,
    /// The start moment.
    pub start_moment: StartMoment,
    /// Half or whole year.
    pub commitment: Commitment,
    /// The day of the week.
    pub weekday: Weekday,
    /// Class, school task or thematic.
    pub kind: PlacementKind,
    /// For `class`: the group or section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// For `thematic`: the lesson series or project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
}

/// One proposal of a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RunProposal {
    /// The ambassador.
    pub ambassador: AmbassadorSummary,
    /// The placement.
    pub placement: PlacementSummary,
    /// The total score.
    pub score: u32,
    /// What the score is made of.
    pub breakdown: Vec<ScorePart>,
    /// Why, in Dutch.
    pub reasons: Vec<String>,
    /// The match made from this proposal, once programme staff proposed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub match_id: Option<Uuid>,
}

/// A matching run: what the engine proposed for a school year and start moment. Nothing is
/// matched until programme staff propose and both sides confirm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MatchingRun {
    /// The run's id.
    pub id: Uuid,
    /// The school year.
    pub school_year: SchoolYear,
    /// The start moment.
    pub start_moment: StartMoment,
    /// When it ran.
    pub created_at: DateTime<Utc>,
    /// Who started it.
    pub created_by_name: String,
    /// Available ambassadors considered.
    pub candidates: u32,
    /// Open placements considered.
    pub placements: u32,
    /// Pairs that met every hard constraint.
    pub feasible_pairs: u64,
    /// The sum of the proposals' scores: the maximum possible.
    pub total_score: u64,
    /// The proposals, by school and placement.
    pub proposals: Vec<RunProposal>,
    /// Ambassadors without a proposal: candidates for thematic placements.
    pub left_over: Vec<AmbassadorSummary>,
}

/// A run in the list of runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MatchingRunListItem {
    /// The run's id.
    pub id: Uuid,
    /// The school year.
    pub school_year: SchoolYear,
    /// The start moment.
    pub start_moment: StartMoment,
    /// When it ran.
    pub created_at: DateTime<Utc>,
    /// Who started it.
    pub created_by_name: String,
    /// Number of proposals.
    pub proposals: u32,
    /// Number of ambassadors left over.
    pub left_over: u32,
    /// The sum of the proposals' scores.
    pub total_score: u64,
}

/// Propose an ambassador for a placement, from a run or by hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MatchInput {
    /// The placement; it must be open.
    pub placement_id: Uuid,
    /// The ambassador; they must be available.
    pub ambassador_id: Uuid,
    /// The run the proposal comes from; its score and reasons are copied. By hand when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_id: Option<Uuid>,
}

/// The introduction meeting (*klikgesprek*).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Meeting {
    /// When, as `YYYY-MM-DDTHH:MM` local (Europe/Amsterdam) time.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "2026-12-08T15:30"))]
    #[serde(with = "crate::json_format::local_minute")]
    pub at: chrono::NaiveDateTime,
    /// Where, such as the school's address or a video link.
    pub place: String,
}

/// A match between an ambassador and a placement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Match {
    /// The match's id.
    pub id: Uuid,
    /// The placement.
    pub placement: PlacementSummary,
    /// The ambassador, as the school sees them.
    pub ambassador: AmbassadorSummary,
    /// Where the match is.
    pub status: MatchStatus,
    /// The score when proposed.
    pub score: u32,
    /// What the score is made of.
    pub breakdown: Vec<ScorePart>,
    /// Why, in Dutch.
    pub reasons: Vec<String>,
    /// The run it came from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_id: Option<Uuid>,
    /// The introduction meeting, once planned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<Meeting>,
    /// When the school confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_confirmed_at: Option<DateTime<Utc>>,
    /// When the ambassador confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ambassador_confirmed_at: Option<DateTime<Utc>>,
    /// The first day at school, once active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts_on: Option<NaiveDate>,
    /// Who declined, if declined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declined_by: Option<Side>,
    /// The last day, if ended early.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_on: Option<NaiveDate>,
    /// Why it was declined or ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// When it was proposed.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// Move a match on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MatchTransition {
    /// What to do.
    pub action: MatchAction,
    /// For `decline` and `end`: why (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// For `plan_meeting`: the meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<Meeting>,
    /// For `decline` by programme staff: on whose behalf. Others decline for their own side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    /// For `activate`: the first day at school; the placement's start when absent. For `end`:
    /// the last day; today when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<NaiveDate>,
}

/// Filters for the list of matches.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct MatchQuery {
    /// Only matches for this placement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placement_id: Option<Uuid>,
    /// Only matches at this school.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_id: Option<Uuid>,
    /// Only matches of this ambassador.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ambassador_id: Option<Uuid>,
    /// Only matches with this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<MatchStatus>,
}

/// Report a concern about a match to the coordinator and the programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ConcernInput {
    /// What is going on (at most 2000 characters).
    pub text: String,
}

/// A reported concern.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Concern {
    /// The concern's id.
    pub id: Uuid,
    /// The match.
    pub match_id: Uuid,
    /// Who reported it.
    pub reported_by_name: String,
    /// What is going on.
    pub text: String,
    /// When it was reported.
    pub reported_at: DateTime<Utc>,
}

/// A concern as programme staff and the school's staff see it in their list: with the school
/// and the ambassador it is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SchoolConcern {
    /// The concern.
    pub concern: Concern,
    /// The school.
    pub school_id: Uuid,
    /// Its name.
    pub school_name: String,
    /// The ambassador of the match.
    pub ambassador_id: Uuid,
    /// Their name.
    pub ambassador_name: String,
}
