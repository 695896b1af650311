//! A school's capacity per school year, as the API shows it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::capacity::CapacitySuggestion;
use crate::placement::Weekday;
use crate::school_year::SchoolYear;

/// A teacher, as the director records them for the capacity of a school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Teacher {
    /// The teacher's name.
    pub name: String,
    /// The groups or sections they teach, such as `groep 5`.
    #[serde(default)]
    pub groups: Vec<String>,
    /// The days they are at school.
    #[serde(default)]
    pub weekdays: Vec<Weekday>,
    /// Whether they want to work with an ambassador.
    pub opted_in: bool,
}

/// What the director records about a school year's capacity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SchoolCapacityInput {
    /// Groups (po) or sections (vo).
    pub groups: u32,
    /// Groups with an intern (*stagiaire*).
    pub groups_with_intern: u32,
    /// Groups with a starting teacher.
    pub groups_with_starting_teacher: u32,
    /// The teachers, and whether each opted in.
    #[serde(default)]
    pub teachers: Vec<Teacher>,
    /// The number of spots the director decided to offer; absent until decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offered: Option<u32>,
}

/// How many of a school year's placements are in each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlacementCounts {
    /// Being prepared.
    pub draft: u32,
    /// Offered.
    pub open: u32,
    /// A candidate was proposed.
    pub proposed: u32,
    /// Filled by an ambassador.
    pub filled: u32,
    /// No longer offered.
    pub closed: u32,
    /// Withdrawn.
    pub cancelled: u32,
}

/// A school's capacity for a school year, with the suggestion and the placements so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SchoolCapacity {
    /// The school.
    pub school_id: Uuid,
    /// The school year.
    pub school_year: SchoolYear,
    /// What the director recorded (all zero until then).
    pub input: SchoolCapacityInput,
    /// The suggested number of spots and the facts behind it.
    pub suggestion: CapacitySuggestion,
    /// The suggestion's reasoning in Dutch, for the director.
    pub reasoning: String,
    /// The school year's placements by status.
    pub placements: PlacementCounts,
    /// The answers teachers of the school gave themselves (Mijn klas). They count toward the
    /// suggestion, and a teacher the director typed in under the same name counts once, by
    /// their own answer.
    #[serde(default)]
    pub self_reported: Vec<super::TeacherOptIn>,
    /// When the director last saved it; absent if never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl SchoolCapacityInput {
    /// Checks the numbers add up. Returns every problem found, by field.
    pub fn validate(&self) -> Result<(), Vec<super::FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field: &str, message: String| {
            errors.push(super::FieldError {
                field: field.to_owned(),
                message,
            })
        };
        if self.groups > 200 {
            fail("groups", "at most 200 groups".into());
        }
        if self.groups_with_intern > self.groups {
            fail(
                "groups_with_intern",
                format!("more groups with an intern than the {} groups", self.groups),
            );
        }
        if self.groups_with_starting_teacher > self.groups {
            fail(
                "groups_with_starting_teacher",
                format!(
                    "more groups with a starting teacher than the {} groups",
                    self.groups
                ),
            );
        }
        if self.teachers.len() > 200 {
            fail("teachers", "at most 200 teachers".into());
        }
        for (i, teacher) in self.teachers.iter().enumerate() {
            let name = teacher.name.trim();
            if name.is_empty() || name.chars().count() > 100 {
                fail(
                    &format!("teachers[{i}].name"),
                    "a name of 1 to 100 characters".into(),
                );
            }
        }
        if self.offered.is_some_and(|n| n > 200) {
            fail("offered", "at most 200 spots".into());
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// The suggestion these numbers lead to.
    pub fn suggestion(&self) -> CapacitySuggestion {
        self.suggestion_with(&[])
    }

    /// The suggestion when teachers also answered themselves: their own answers count, and a
    /// typed-in teacher with the same name as one who answered counts once, by that answer.
    pub fn suggestion_with(&self, answers: &[super::TeacherOptIn]) -> CapacitySuggestion {
        let typed = self.teachers.iter().filter(|t| {
            t.opted_in
                && !answers
                    .iter()
                    .any(|a| a.teacher_name.trim().eq_ignore_ascii_case(t.name.trim()))
        });
        let opted_in = typed.count() + answers.iter().filter(|a| a.opted_in).count();
        crate::capacity::suggest(
            self.groups,
            self.groups_with_intern,
            self.groups_with_starting_teacher,
            u32::try_from(opted_in).unwrap_or(u32::MAX),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capacity_numbers_must_add_up() {
        let capacity = SchoolCapacityInput {
            groups: 4,
            groups_with_intern: 5,
            groups_with_starting_teacher: 1,
            teachers: vec![Teacher {
                name: " ".into(),
                groups: vec![],
                weekdays: vec![],
                opted_in: true,
            }],
            offered: None,
        };
        let fields: Vec<String> = capacity
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["groups_with_intern", "teachers[0].name"]);
    }

    #[test]
    fn a_teachers_own_answer_counts_once_and_wins_over_what_was_typed_in() {
        let typed = |name: &str, opted_in| Teacher {
            name: name.into(),
            groups: vec![],
            weekdays: vec![],
            opted_in,
        };
        let answer = |name: &str, opted_in| crate::contract::TeacherOptIn {
            school_id: Uuid::nil(),
            user_id: Uuid::nil(),
            teacher_name: name.into(),
            school_year: SchoolYear::starting(2026).unwrap(),
            opted_in,
            groups: vec!["groep 6".into()],
            weekdays: vec![],
            updated_at: DateTime::<Utc>::MIN_UTC,
        };
        let capacity = SchoolCapacityInput {
            groups: 8,
            groups_with_intern: 0,
            groups_with_starting_teacher: 0,
            teachers: vec![typed("Eva de Wit", false), typed("Tom Bakker", true)],
            offered: None,
        };
        assert_eq!(capacity.suggestion().teachers_opted_in, 1);
        // Eva says yes herself; Tom, typed in as yes, says no himself.
        let answers = [answer("eva de wit", true), answer("Tom Bakker", false)];
        assert_eq!(capacity.suggestion_with(&answers).teachers_opted_in, 1);
        let answers = [answer("Eva de Wit", true), answer("Sara Jansen", true)];
        assert_eq!(capacity.suggestion_with(&answers).teachers_opted_in, 3);
    }

    #[test]
    fn the_suggestion_counts_teachers_who_opted_in() {
        let teacher = |opted_in| Teacher {
            name: "T".into(),
            groups: vec![],
            weekdays: vec![],
            opted_in,
        };
        let capacity = SchoolCapacityInput {
            groups: 8,
            groups_with_intern: 2,
            groups_with_starting_teacher: 1,
            teachers: vec![
                teacher(true),
                teacher(true),
                teacher(false),
                teacher(true),
                teacher(true),
            ],
            offered: Some(3),
        };
        assert_eq!(capacity.suggestion().suggested, 4);
    }
}
