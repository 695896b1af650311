//! The research export: one school year of the programme, without people in it. Every id is a
//! pseudonym that holds within one export (a person has the same pseudonym in every dataset of
//! it) and differs between exports, unless the programme keeps a key. Dates are months; there
//! is no free text; places are generalised as `crate::research` says.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::SchoolYear;

/// Ask for an export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ResearchExportInput {
    /// The school year, such as `2026-2027`.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "2026-2027"))]
    pub school_year: SchoolYear,
    /// Why the data is needed (the study, the question): kept in the audit log.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "Evaluatie pilot schooljaar 2026-2027, lectoraat")
    )]
    pub purpose: String,
}

/// The datasets of an export, each a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResearchDataset {
    /// Ambassadors who had a match in the year.
    Ambassadors,
    /// The year's placements.
    Placements,
    /// Matches for the year's placements, with their outcome.
    Matches,
    /// Approved hours per ambassador, school, month and kind.
    Hours,
    /// Lesson series started in the year, with their core objectives.
    LessonSeries,
    /// Course attendance in the year.
    TrainingAttendance,
}

impl ResearchDataset {
    /// Every dataset, in the order of an export.
    pub const ALL: [ResearchDataset; 6] = [
        ResearchDataset::Ambassadors,
        ResearchDataset::Placements,
        ResearchDataset::Matches,
        ResearchDataset::Hours,
        ResearchDataset::LessonSeries,
        ResearchDataset::TrainingAttendance,
    ];

    /// The name in URLs and file names: `lesson_series`.
    pub fn as_str(self) -> &'static str {
        match self {
            ResearchDataset::Ambassadors => "ambassadors",
            ResearchDataset::Placements => "placements",
            ResearchDataset::Matches => "matches",
            ResearchDataset::Hours => "hours",
            ResearchDataset::LessonSeries => "lesson_series",
            ResearchDataset::TrainingAttendance => "training_attendance",
        }
    }

    /// The dataset named `text`.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == text)
    }
}

/// An ambassador, as a research partner sees them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResearchAmbassador {
    /// Pseudonym.
    pub ambassador: String,
    /// Home municipality, or its region, or `*` (k = 5).
    pub place: String,
    /// `sponsored`, `volunteer` or `hybrid`.
    pub funding: String,
    /// Where they are in the intake now.
    pub status: String,
}

/// A placement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResearchPlacement {
    /// Pseudonym.
    pub placement: String,
    /// The school's pseudonym.
    pub school: String,
    /// `po` or `vo`.
    pub school_type: String,
    /// The school's holiday region.
    pub region: String,
    /// The school's municipality, or its region, or `*` (k = 5).
    pub place: String,
    /// `class`, `school_task` or `thematic`.
    pub kind: String,
    /// The weekday.
    pub weekday: String,
    /// `september` or `february`.
    pub start_moment: String,
    /// `half_year` or `whole_year`.
    pub commitment: String,
    /// Places.
    pub capacity: u32,
    /// Its status now.
    pub status: String,
}

/// A match and its outcome.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResearchMatch {
    /// Pseudonym.
    pub r#match: String,
    /// The placement's pseudonym.
    pub placement: String,
    /// The ambassador's pseudonym.
    pub ambassador: String,
    /// Its status now.
    pub status: String,
    /// `declined_by_school`, `declined_by_ambassador`, `ended_early`, `completed` or `open`.
    pub outcome: String,
    /// The month it was proposed, `YYYY-MM`.
    pub proposed_month: String,
}

/// Approved hours of one ambassador at one school in one month, of one kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResearchHours {
    /// The ambassador's pseudonym.
    pub ambassador: String,
    /// The school's pseudonym.
    pub school: String,
    /// `YYYY-MM`.
    pub month: String,
    /// `sponsored` or `volunteered`.
    pub kind: String,
    /// Minutes approved.
    pub minutes: i64,
}

/// A lesson series and its core objectives.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResearchLessonSeries {
    /// Pseudonym.
    pub series: String,
    /// The ambassador's pseudonym.
    pub ambassador: String,
    /// The school's pseudonym.
    pub school: String,
    /// The framework, such as `kerndoelen-2006`.
    pub framework: String,
    /// The objectives' numbers, space-separated: `34 42`.
    pub objectives: String,
    /// How many lessons.
    pub lessons: u32,
    /// Its status now.
    pub status: String,
}

/// One person's enrolment in one course session.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResearchAttendance {
    /// The ambassador's pseudonym.
    pub ambassador: String,
    /// The course's pseudonym.
    pub course: String,
    /// `training`, `intervision` or `scholingstraject`.
    pub course_kind: String,
    /// The session's month, `YYYY-MM`.
    pub month: String,
    /// The enrolment's status.
    pub status: String,
    /// `present`, `absent_notified`, `absent_unnotified`, or empty when not recorded.
    pub attendance: String,
}

/// An export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResearchExport {
    /// The export's id: ask for its CSV files with it.
    pub id: Uuid,
    /// The school year.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "2026-2027"))]
    pub school_year: SchoolYear,
    /// When it was made (UTC).
    pub created_at: DateTime<Utc>,
    /// Whether pseudonyms hold across exports (the programme keeps a key) or only within this
    /// one.
    pub stable_pseudonyms: bool,
    /// The smallest group a place describes.
    pub k: u32,
    /// Ambassadors.
    pub ambassadors: Vec<ResearchAmbassador>,
    /// Placements.
    pub placements: Vec<ResearchPlacement>,
    /// Matches.
    pub matches: Vec<ResearchMatch>,
    /// Hours.
    pub hours: Vec<ResearchHours>,
    /// Lesson series.
    pub lesson_series: Vec<ResearchLessonSeries>,
    /// Training attendance.
    pub training_attendance: Vec<ResearchAttendance>,
}
