//! Lesson series (*lessenseries*) as the API shows them: what a thematic ambassador develops
//! with the school's internal coordinator, tied to core objectives.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::FieldError;
use crate::lesson_series::{LessonSeriesAction, LessonSeriesStatus, TargetGroup};

/// One lesson of a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// Its title.
    pub title: String,
    /// What the pupils learn.
    pub goal: String,
    /// How long it takes, in minutes (15 to 240).
    pub minutes: u32,
    /// What is needed.
    #[serde(default)]
    pub materials: String,
}

/// The fields of a lesson series: used to create one (with `school_id` and `ambassador_id`) and
/// to replace its content while it is a draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LessonSeriesInput {
    /// The school it is developed with (on create; a series keeps its school).
    pub school_id: Uuid,
    /// The ambassador who gives it (on create; an ambassador creating one is filled in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ambassador_id: Option<Uuid>,
    /// The framework of the objectives, such as `kerndoelen-2006`.
    pub framework_code: String,
    /// Title.
    pub title: String,
    /// What the series is about.
    #[serde(default)]
    pub description: String,
    /// The theme, such as `duurzaamheid`.
    #[serde(default)]
    pub theme: String,
    /// The groups it is for, such as `groep 5` or `leerjaar 2`.
    pub target_groups: Vec<TargetGroup>,
    /// The objectives it works on, by number within the framework (at least one).
    pub objectives: Vec<u32>,
    /// The lessons; three by default.
    pub lessons: Vec<Lesson>,
}

impl LessonSeriesInput {
    /// Checks what needs no database: title, groups, objectives chosen, lessons. Whether the
    /// objectives exist in the framework is checked against the catalogue.
    pub fn validate(&self) -> Result<LessonSeriesInput, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field: &str, message: &str| {
            errors.push(FieldError {
                field: field.to_owned(),
                message: message.to_owned(),
            })
        };
        let title = self.title.trim().to_owned();
        if title.is_empty() || title.chars().count() > 200 {
            fail("title", "1 to 200 characters");
        }
        if self.description.chars().count() > 4000 {
            fail("description", "at most 4000 characters");
        }
        if self.theme.chars().count() > 100 {
            fail("theme", "at most 100 characters");
        }
        let mut groups = self.target_groups.clone();
        groups.sort_by_key(|g| (g.school_type(), g.year()));
        groups.dedup();
        if groups.is_empty() {
            fail(
                "target_groups",
                "name at least one group, such as groep 5 or leerjaar 2",
            );
        }
        let mut objectives = self.objectives.clone();
        objectives.sort_unstable();
        objectives.dedup();
        if objectives.is_empty() {
            fail("objectives", "choose at least one core objective");
        }
        if self.lessons.is_empty() || self.lessons.len() > 12 {
            fail("lessons", "1 to 12 lessons (three by default)");
        }
        for (i, lesson) in self.lessons.iter().enumerate() {
            if lesson.title.trim().is_empty() || lesson.title.chars().count() > 200 {
                fail(&format!("lessons[{i}].title"), "1 to 200 characters");
            }
            if !(15..=240).contains(&lesson.minutes) {
                fail(&format!("lessons[{i}].minutes"), "15 to 240 minutes");
            }
        }
        if errors.is_empty() {
            Ok(LessonSeriesInput {
                title,
                description: self.description.trim().to_owned(),
                theme: self.theme.trim().to_owned(),
                target_groups: groups,
                objectives,
                lessons: self
                    .lessons
                    .iter()
                    .map(|l| Lesson {
                        title: l.title.trim().to_owned(),
                        goal: l.goal.trim().to_owned(),
                        minutes: l.minutes,
                        materials: l.materials.trim().to_owned(),
                    })
                    .collect(),
                ..self.clone()
            })
        } else {
            Err(errors)
        }
    }
}

/// A comment in a series' review: the coordinator's remarks and the ambassador's replies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewComment {
    /// Who wrote it.
    pub author_name: String,
    /// The text.
    pub text: String,
    /// The action it came with, if any (such as `request_changes`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<LessonSeriesAction>,
    /// When.
    pub written_at: DateTime<Utc>,
}

/// A lesson series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LessonSeries {
    /// The series' id.
    pub id: Uuid,
    /// Its content.
    pub content: LessonSeriesInput,
    /// The school's name.
    pub school_name: String,
    /// The ambassador's name.
    pub ambassador_name: String,
    /// Where it is in the review.
    pub status: LessonSeriesStatus,
    /// The series it was copied from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copied_from: Option<Uuid>,
    /// The review, oldest first.
    pub comments: Vec<ReviewComment>,
    /// The lessons with a date, by date and time (empty until it is scheduled).
    #[serde(default)]
    pub schedule: Vec<super::ScheduledLesson>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// Move a series on in its review: submit, request changes (with a comment), approve, revise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LessonSeriesTransition {
    /// What to do.
    pub action: LessonSeriesAction,
    /// A comment; required for `request_changes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> LessonSeriesInput {
        let lesson = |title: &str| Lesson {
            title: title.into(),
            goal: "begrijpen".into(),
            minutes: 60,
            materials: String::new(),
        };
        LessonSeriesInput {
            school_id: Uuid::nil(),
            ambassador_id: None,
            framework_code: "kerndoelen-2006".into(),
            title: " Bouwen met de wind ".into(),
            description: String::new(),
            theme: "techniek".into(),
            target_groups: vec![
                TargetGroup::parse("groep 6").unwrap(),
                TargetGroup::parse("groep 5").unwrap(),
                TargetGroup::parse("groep 6").unwrap(),
            ],
            objectives: vec![45, 42, 45],
            lessons: vec![
                lesson("Wind meten"),
                lesson("Een molen ontwerpen"),
                lesson("Testen"),
            ],
        }
    }

    #[test]
    fn a_series_is_tidied_groups_and_objectives_once_each_in_order() {
        let tidy = input().validate().unwrap();
        assert_eq!(tidy.title, "Bouwen met de wind");
        assert_eq!(tidy.objectives, vec![42, 45]);
        assert_eq!(
            tidy.target_groups
                .iter()
                .map(|g| g.to_string())
                .collect::<Vec<_>>(),
            ["groep 5", "groep 6"]
        );
    }

    #[test]
    fn a_series_needs_an_objective_a_group_and_sensible_lessons() {
        let mut bad = input();
        bad.objectives.clear();
        bad.target_groups.clear();
        bad.lessons[1].minutes = 5;
        let fields: Vec<String> = bad
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            ["target_groups", "objectives", "lessons[1].minutes"]
        );
    }
}

/// Filters for the list of lesson series.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct LessonSeriesQuery {
    /// Only series at this school.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_id: Option<Uuid>,
    /// Only series in this status, such as `submitted` for the coordinator's review queue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<LessonSeriesStatus>,
}

/// A reply in a series' review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewCommentInput {
    /// The text (1 to 2000 characters).
    pub text: String,
}

/// Filters for the library of approved lesson series.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct LibraryQuery {
    /// Only series using this framework, such as `kerndoelen-2006`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework_code: Option<String>,
    /// Only series working on this objective (its number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(value_type = Option<u64>, maximum = 4294967295_u64))]
    pub objective: Option<u32>,
    /// Only series with an objective in this learning area (its code, such as `engels`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// Only series whose theme contains this text (case-insensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// Only series for this group, such as `groep 5`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(value_type = Option<String>))]
    pub group: Option<TargetGroup>,
}

/// An approved series in the library: its content, without the ambassador's name or the review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LibraryEntry {
    /// The series' id.
    pub id: Uuid,
    /// The school where it was developed.
    pub school_name: String,
    /// Title.
    pub title: String,
    /// What it is about.
    pub description: String,
    /// The theme.
    pub theme: String,
    /// The groups it is for.
    pub target_groups: Vec<TargetGroup>,
    /// The framework of its objectives.
    pub framework_code: String,
    /// The objectives, by number.
    pub objectives: Vec<u32>,
    /// The lessons.
    pub lessons: Vec<Lesson>,
    /// Approved, scheduled or given.
    pub status: LessonSeriesStatus,
    /// The series it was copied from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copied_from: Option<Uuid>,
}

/// Copy a series to another group or school, as a new draft that remembers where it came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LessonSeriesCopy {
    /// The school of the copy; the original's when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_id: Option<Uuid>,
    /// The groups of the copy; the original's when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_groups: Option<Vec<TargetGroup>>,
}
