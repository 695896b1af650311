//! Placements (*plekken*) and school capacity as the API shows them.

use chrono::{DateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::placement::{PlacementAction, PlacementKind, PlacementStatus, SchoolTask, Weekday};
use crate::school_year::{Commitment, Period, SchoolYear, StartMoment};
use crate::{Region, SchoolType};

/// What a school offers: the fields a director fills in. Used to create (with `school_id`) and
/// to replace a placement's details.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PlacementInput {
    /// The school (on create; ignored on update, where the placement keeps its school).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_id: Option<Uuid>,
    /// The school year, such as `2026-2027`.
    pub school_year: SchoolYear,
    /// When the ambassador starts.
    pub start_moment: StartMoment,
    /// Half or whole year.
    pub commitment: Commitment,
    /// The day of the week at school.
    pub weekday: Weekday,
    /// When the day starts, `HH:MM`.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "08:30"))]
    #[serde(serialize_with = "crate::json_format::time")]
    pub starts_at: NaiveTime,
    /// When the day ends, `HH:MM`; 6 to 8 hours after the start.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "15:00"))]
    #[serde(serialize_with = "crate::json_format::time")]
    pub ends_at: NaiveTime,
    /// In a class, a school-level task, or thematic.
    pub kind: PlacementKind,
    /// For `class`: the group or section, such as `groep 5` or `2 havo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// For `class`: the teacher who opted in. Never shown to partners.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teacher: Option<String>,
    /// For `school_task`: which task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<SchoolTask>,
    /// For `thematic`: the lesson series or project, such as `Werkgroep duurzaamheid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// Expertise or themes wanted, such as `techniek`.
    #[serde(default)]
    pub expertise: Vec<String>,
    /// A note for candidates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How many ambassadors it takes; usually 1.
    #[serde(default = "one")]
    pub capacity: u32,
}

fn one() -> u32 {
    1
}

/// A placement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Placement {
    /// The placement's id.
    pub id: Uuid,
    /// The school offering it.
    pub school_id: Uuid,
    /// The school's name.
    pub school_name: String,
    /// Primary or secondary.
    pub school_type: SchoolType,
    /// The school's holiday region.
    pub region: Region,
    /// The school's municipality.
    pub municipality: String,
    /// The school year.
    pub school_year: SchoolYear,
    /// When the ambassador starts.
    pub start_moment: StartMoment,
    /// Half or whole year.
    pub commitment: Commitment,
    /// The first and last day this implies.
    pub period: Period,
    /// The day of the week at school.
    pub weekday: Weekday,
    /// When the day starts.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "08:30"))]
    #[serde(serialize_with = "crate::json_format::time")]
    pub starts_at: NaiveTime,
    /// When the day ends.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "15:00"))]
    #[serde(serialize_with = "crate::json_format::time")]
    pub ends_at: NaiveTime,
    /// Length of the day in minutes (360 to 480).
    pub minutes: i64,
    /// In a class, a school-level task, or thematic.
    pub kind: PlacementKind,
    /// For `class`: the group or section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// For `class`: the teacher. Absent for partners and ambassadors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teacher: Option<String>,
    /// For `school_task`: which task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<SchoolTask>,
    /// For `thematic`: the lesson series or project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// Expertise or themes wanted.
    pub expertise: Vec<String>,
    /// A note for candidates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How many ambassadors it takes.
    pub capacity: u32,
    /// Where it is in its life.
    pub status: PlacementStatus,
    /// Why it was closed or cancelled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_reason: Option<String>,
    /// When it was created.
    #[serde(serialize_with = "crate::json_format::instant")]
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    #[serde(serialize_with = "crate::json_format::instant")]
    pub updated_at: DateTime<Utc>,
}

/// A change of status, such as opening or closing a placement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PlacementTransition {
    /// What to do.
    pub action: PlacementAction,
    /// Why; required to close or cancel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The most expertise keywords a placement lists.
pub const MAX_EXPERTISE: usize = 10;

impl PlacementInput {
    /// Checks the input the way the server does, so the web app can show the same messages
    /// inline. Returns the input tidied up (text trimmed, fields that do not belong to the kind
    /// dropped) and the day's length in minutes, or every problem found, by field.
    pub fn validate(&self) -> Result<(PlacementInput, i64), Vec<super::FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field: &str, message: String| {
            errors.push(super::FieldError {
                field: field.to_owned(),
                message,
            })
        };
        let minutes = crate::placement::day_minutes(self.starts_at, self.ends_at)
            .map_err(|message| fail("ends_at", message))
            .unwrap_or_default();
        let text = |value: &Option<String>| {
            value
                .as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let mut tidy = PlacementInput {
            group: None,
            teacher: None,
            task: None,
            theme: None,
            note: text(&self.note),
            expertise: self
                .expertise
                .iter()
                .map(|e| e.trim().to_owned())
                .filter(|e| !e.is_empty())
                .collect(),
            ..self.clone()
        };
        match self.kind {
            PlacementKind::Class => {
                tidy.group = text(&self.group);
                tidy.teacher = text(&self.teacher);
                if tidy.group.is_none() {
                    fail(
                        "group",
                        "name the group or section, such as groep 5 or 2 havo".into(),
                    );
                }
            }
            PlacementKind::SchoolTask => {
                tidy.task = self.task;
                if tidy.task.is_none() {
                    fail(
                        "task",
                        "choose the task: surveillance, extracurricular or administration".into(),
                    );
                }
            }
            PlacementKind::Thematic => {
                tidy.theme = text(&self.theme);
                if tidy.theme.is_none() {
                    fail("theme", "name the lesson series or project".into());
                }
            }
        }
        for (field, value, max) in [
            ("group", &tidy.group, 50),
            ("teacher", &tidy.teacher, 100),
            ("theme", &tidy.theme, 200),
            ("note", &tidy.note, 1000),
        ] {
            if value.as_ref().is_some_and(|v| v.chars().count() > max) {
                fail(field, format!("at most {max} characters"));
            }
        }
        if tidy.expertise.len() > MAX_EXPERTISE {
            fail("expertise", format!("at most {MAX_EXPERTISE} keywords"));
        }
        if tidy.expertise.iter().any(|e| e.chars().count() > 60) {
            fail("expertise", "each keyword has at most 60 characters".into());
        }
        if !(1..=10).contains(&self.capacity) {
            fail("capacity", "between 1 and 10 ambassadors".into());
        }
        if errors.is_empty() {
            Ok((tidy, minutes))
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> PlacementInput {
        PlacementInput {
            school_id: None,
            school_year: SchoolYear::parse("2026-2027").unwrap(),
            start_moment: StartMoment::February,
            commitment: Commitment::HalfYear,
            weekday: Weekday::Tuesday,
            starts_at: NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
            ends_at: NaiveTime::from_hms_opt(15, 30, 0).unwrap(),
            kind: PlacementKind::Class,
            group: Some(" groep 5 ".into()),
            teacher: Some("Juf Test".into()),
            task: Some(SchoolTask::Surveillance),
            theme: None,
            expertise: vec![" techniek ".into(), "".into()],
            note: Some("  ".into()),
            capacity: 1,
        }
    }

    #[test]
    fn a_valid_placement_is_tidied_and_its_day_measured() {
        let (tidy, minutes) = input().validate().unwrap();
        assert_eq!(minutes, 420);
        assert_eq!(tidy.group.as_deref(), Some("groep 5"));
        assert_eq!(tidy.task, None, "a class placement has no school task");
        assert_eq!(tidy.expertise, vec!["techniek".to_owned()]);
        assert_eq!(tidy.note, None);
    }

    #[test]
    fn every_problem_is_reported_by_field() {
        let mut bad = input();
        bad.group = None;
        bad.ends_at = NaiveTime::from_hms_opt(13, 30, 0).unwrap();
        bad.capacity = 0;
        let fields: Vec<String> = bad
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["ends_at", "group", "capacity"]);
    }

    #[test]
    fn each_kind_needs_its_own_detail() {
        let mut task = input();
        task.kind = PlacementKind::SchoolTask;
        task.task = None;
        assert_eq!(task.validate().unwrap_err()[0].field, "task");
        let mut thematic = input();
        thematic.kind = PlacementKind::Thematic;
        assert_eq!(thematic.validate().unwrap_err()[0].field, "theme");
    }
}

/// Filters of the placement list, sent as query parameters. Every filter given narrows the list.
/// The server reads it, the store turns it into SQL and the web app writes it: one shape.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PlacementQuery {
    /// Only this school year, such as `2026-2027`.
    #[cfg_attr(feature = "openapi", param(value_type = Option<String>, example = "2026-2027"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_year: Option<SchoolYear>,
    /// Only this start moment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_moment: Option<StartMoment>,
    /// Only this weekday.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekday: Option<Weekday>,
    /// Only schools of this type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_type: Option<SchoolType>,
    /// Only schools in this holiday region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// Only schools in this municipality (case-insensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    /// Only this kind of placement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<PlacementKind>,
    /// Only this status. Partners and ambassadors only ever see `open` placements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PlacementStatus>,
    /// Only placements whose expertise or theme contains this text (case-insensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expertise: Option<String>,
    /// Only this school.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_id: Option<Uuid>,
}

impl PlacementQuery {
    /// The query with text filters trimmed, and blank ones dropped: a blank filter filters
    /// nothing.
    pub fn tidy(self) -> Self {
        let text =
            |value: Option<String>| value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        Self {
            municipality: text(self.municipality),
            expertise: text(self.expertise),
            ..self
        }
    }

    /// The filters given, as query parameters in a stable order.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let tidy = self.clone().tidy();
        let pairs: [(&'static str, Option<String>); 10] = [
            ("school_year", tidy.school_year.map(|y| y.to_string())),
            (
                "start_moment",
                tidy.start_moment.map(|m| m.as_str().to_owned()),
            ),
            ("weekday", tidy.weekday.map(|w| w.as_str().to_owned())),
            (
                "school_type",
                tidy.school_type.map(|t| t.as_str().to_owned()),
            ),
            ("region", tidy.region.map(|r| r.as_str().to_owned())),
            ("municipality", tidy.municipality),
            ("kind", tidy.kind.map(|k| k.as_str().to_owned())),
            ("status", tidy.status.map(|s| s.as_str().to_owned())),
            ("expertise", tidy.expertise),
            ("school_id", tidy.school_id.map(|id| id.to_string())),
        ];
        pairs
            .into_iter()
            .filter_map(|(name, value)| Some((name, value?)))
            .collect()
    }

    /// Whether anything beyond the school and the school year narrows the list.
    pub fn narrows(&self) -> bool {
        let tidy = self.clone().tidy();
        tidy.start_moment.is_some()
            || tidy.weekday.is_some()
            || tidy.school_type.is_some()
            || tidy.region.is_some()
            || tidy.municipality.is_some()
            || tidy.kind.is_some()
            || tidy.status.is_some()
            || tidy.expertise.is_some()
    }
}

#[cfg(test)]
mod query_tests {
    use super::*;

    #[test]
    fn only_what_filters_goes_into_the_query_under_the_names_the_server_reads() {
        let query = PlacementQuery {
            school_year: Some(SchoolYear::parse("2026-2027").unwrap()),
            weekday: Some(Weekday::Thursday),
            expertise: Some("  techniek ".into()),
            municipality: Some("  ".into()),
            ..PlacementQuery::default()
        };
        let pairs = query.to_pairs();
        assert_eq!(
            pairs,
            [
                ("school_year", "2026-2027".to_owned()),
                ("weekday", "thursday".to_owned()),
                ("expertise", "techniek".to_owned()),
            ]
        );
        // The names and values are the ones deserialisation expects.
        let object: serde_json::Map<String, serde_json::Value> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.clone())))
            .collect();
        let read: PlacementQuery =
            serde_json::from_value(serde_json::Value::Object(object)).unwrap();
        assert_eq!(read, query.clone().tidy());
        assert!(query.narrows());
        assert!(PlacementQuery::default().to_pairs().is_empty());
    }

    #[test]
    fn the_school_year_alone_does_not_narrow_the_list() {
        let query = PlacementQuery {
            school_year: Some(SchoolYear::parse("2026-2027").unwrap()),
            expertise: Some("  ".into()),
            ..PlacementQuery::default()
        };
        assert!(!query.narrows());
    }
}
