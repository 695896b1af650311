//! Courses (training, intervision, scholingstraject), their sessions, enrolments with a waiting
//! list, attendance and completion.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::FieldError;
use crate::training::{
    Attendance, CourseKind, DEFAULT_OFFER_HOURS, EnrolmentStatus, MAX_OFFER_HOURS,
};

/// A course to create, or the whole of one to replace (programme staff).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CourseInput {
    /// What kind of course.
    pub kind: CourseKind,
    /// Its title, such as "Basistraining voorjaar 2027".
    #[cfg_attr(feature = "openapi", schema(example = "Basistraining voorjaar 2027"))]
    pub title: String,
    /// What it covers, such as "klassenmanagement" and "lesopbouw".
    #[serde(default)]
    pub topics: Vec<String>,
    /// A description for the people who enrol.
    #[serde(default)]
    pub description: String,
    /// Enrolment needs an intake first: programme staff record an admission after it.
    #[serde(default)]
    pub requires_intake: bool,
    /// Only for ambassadors with a confirmed or active placement (at a school at least one day
    /// a week).
    #[serde(default)]
    pub requires_placement: bool,
    /// The course is completed by being present at this many sessions (e.g. 4 of 5).
    pub min_attended: u32,
    /// Hours someone offered a freed place has to take it before it passes to the next on the
    /// waiting list (1 to 336; 48 when absent).
    #[serde(default = "default_offer_hours")]
    pub offer_hours: u32,
    /// Making an ambassador available (the intake step `make_available`) needs this course
    /// completed.
    #[serde(default)]
    pub required_for_available: bool,
}

fn default_offer_hours() -> u32 {
    DEFAULT_OFFER_HOURS
}

impl CourseInput {
    /// The input with text trimmed, or every field that is wrong.
    pub fn validate(&self) -> Result<CourseInput, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = self.title.trim().to_owned();
        if title.is_empty() || title.chars().count() > 200 {
            errors.push(FieldError::new(
                "title",
                "give a title of 1 to 200 characters",
            ));
        }
        let topics: Vec<String> = self
            .topics
            .iter()
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        if topics.len() > 20 || topics.iter().any(|t| t.chars().count() > 100) {
            errors.push(FieldError::new(
                "topics",
                "at most 20 topics of at most 100 characters each",
            ));
        }
        if self.description.chars().count() > 4000 {
            errors.push(FieldError::new("description", "at most 4000 characters"));
        }
        if !(1..=50).contains(&self.min_attended) {
            errors.push(FieldError::new(
                "min_attended",
                "the number of sessions to attend is 1 to 50",
            ));
        }
        if !(1..=MAX_OFFER_HOURS).contains(&self.offer_hours) {
            errors.push(FieldError::new(
                "offer_hours",
                "the time to take an offered place is 1 to 336 hours",
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(CourseInput {
            title,
            topics,
            description: self.description.trim().to_owned(),
            ..self.clone()
        })
    }
}

/// A course with its sessions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Course {
    /// The course's id.
    pub id: Uuid,
    /// What kind of course.
    pub kind: CourseKind,
    /// Its title.
    pub title: String,
    /// What it covers.
    pub topics: Vec<String>,
    /// A description.
    pub description: String,
    /// Enrolment needs an admission after an intake.
    pub requires_intake: bool,
    /// Only for ambassadors placed at a school.
    pub requires_placement: bool,
    /// Sessions to be present at to complete it.
    pub min_attended: u32,
    /// Hours to take an offered place.
    pub offer_hours: u32,
    /// Completing it is a condition for becoming available.
    pub required_for_available: bool,
    /// The sessions, earliest first.
    pub sessions: Vec<CourseSession>,
    /// When it was created (UTC).
    pub created_at: DateTime<Utc>,
}

/// A session to add to a course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CourseSessionInput {
    /// The day.
    pub date: NaiveDate,
    /// The start, local time in Europe/Amsterdam.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "12:00"))]
    #[serde(serialize_with = "crate::json_format::time")]
    pub starts_at: NaiveTime,
    /// The end, local time, after the start.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "15:00"))]
    #[serde(serialize_with = "crate::json_format::time")]
    pub ends_at: NaiveTime,
    /// Where: an address or a room. Empty for an online session.
    #[serde(default)]
    pub location: String,
    /// The link of an online session (`https://…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_url: Option<String>,
    /// How many places (1 to 500).
    pub capacity: u32,
    /// Who teaches it.
    #[serde(default)]
    pub teacher: String,
}

impl CourseSessionInput {
    /// The input with text trimmed, or every field that is wrong.
    pub fn validate(&self) -> Result<CourseSessionInput, Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.ends_at <= self.starts_at {
            errors.push(FieldError::new("ends_at", "the end comes after the start"));
        }
        let location = self.location.trim().to_owned();
        let online_url = self
            .online_url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(str::to_owned);
        if location.chars().count() > 300 {
            errors.push(FieldError::new("location", "at most 300 characters"));
        }
        match &online_url {
            Some(url) if !url.starts_with("https://") || url.chars().count() > 500 => {
                errors.push(FieldError::new(
                    "online_url",
                    "give the link of the online session as https://…",
                ));
            }
            None if location.is_empty() => errors.push(FieldError::new(
                "location",
                "say where the session is, or give the link of the online session",
            )),
            _ => {}
        }
        if !(1..=500).contains(&self.capacity) {
            errors.push(FieldError::new("capacity", "a session has 1 to 500 places"));
        }
        let teacher = self.teacher.trim().to_owned();
        if teacher.chars().count() > 200 {
            errors.push(FieldError::new("teacher", "at most 200 characters"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(CourseSessionInput {
            location,
            online_url,
            teacher,
            ..self.clone()
        })
    }
}

/// A session of a course, with how full it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CourseSession {
    /// The session's id.
    pub id: Uuid,
    /// The course.
    pub course_id: Uuid,
    /// The day.
    pub date: NaiveDate,
    /// The start, local time in Europe/Amsterdam.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "12:00"))]
    #[serde(serialize_with = "crate::json_format::time")]
    pub starts_at: NaiveTime,
    /// The end, local time.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "15:00"))]
    #[serde(serialize_with = "crate::json_format::time")]
    pub ends_at: NaiveTime,
    /// Where.
    pub location: String,
    /// The link of an online session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_url: Option<String>,
    /// How many places.
    pub capacity: u32,
    /// Who teaches it.
    pub teacher: String,
    /// Places held (enrolled, or offered and not yet taken).
    pub held: u32,
    /// People on the waiting list.
    pub waiting: u32,
}

/// Enrol in a session. An ambassador enrols themself; programme staff name the ambassador.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EnrolmentInput {
    /// The ambassador, when programme staff enrol someone; absent for oneself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ambassador_id: Option<Uuid>,
    /// The session falls on the ambassador's school day and they will come anyway.
    #[serde(default)]
    pub on_school_day: bool,
}

/// One person's enrolment in one session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Enrolment {
    /// The enrolment's id.
    pub id: Uuid,
    /// The session.
    pub session_id: Uuid,
    /// The course.
    pub course_id: Uuid,
    /// The course's title.
    pub course_title: String,
    /// The ambassador.
    pub ambassador_id: Uuid,
    /// Their name.
    pub ambassador_name: String,
    /// Where it stands.
    pub status: EnrolmentStatus,
    /// For someone waiting: their place in the line, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    /// For an offered place: until when it can be taken (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offered_until: Option<DateTime<Utc>>,
    /// They said they will come though it is their school day.
    pub on_school_day: bool,
    /// Whether they came, once recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendance: Option<Attendance>,
    /// The session's day.
    pub date: NaiveDate,
    /// The session's start, local time.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "12:00"))]
    #[serde(serialize_with = "crate::json_format::time")]
    pub starts_at: NaiveTime,
    /// The session's end, local time.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "15:00"))]
    #[serde(serialize_with = "crate::json_format::time")]
    pub ends_at: NaiveTime,
    /// Where the session is.
    pub location: String,
    /// When they enrolled (UTC); the waiting list's order.
    pub created_at: DateTime<Utc>,
}

/// One line of a session's attendance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AttendanceEntry {
    /// The enrolment.
    pub enrolment_id: Uuid,
    /// Whether they came.
    pub attendance: Attendance,
}

/// A session's attendance, as far as it is recorded now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AttendanceInput {
    /// The lines; enrolments not named keep what they had.
    pub entries: Vec<AttendanceEntry>,
}

/// Admit an ambassador to a course after its intake (programme staff).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AdmissionInput {
    /// The ambassador.
    pub ambassador_id: Uuid,
}

/// How far one ambassador is in one course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CourseProgress {
    /// The course.
    pub course_id: Uuid,
    /// Its title.
    pub title: String,
    /// What kind of course.
    pub kind: CourseKind,
    /// Sessions they were present at.
    pub attended: u32,
    /// Sessions to be present at to complete it.
    pub required: u32,
    /// Whether the course is completed.
    pub completed: bool,
    /// Completing it is a condition for becoming available.
    pub required_for_available: bool,
    /// Admitted after the course's intake.
    pub admitted: bool,
}

/// An ambassador's courses and enrolments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrainingRecord {
    /// Progress per course they are enrolled in, admitted to, or must complete.
    pub courses: Vec<CourseProgress>,
    /// Every enrolment, earliest session first.
    pub enrolments: Vec<Enrolment>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn course() -> CourseInput {
        CourseInput {
            kind: CourseKind::Training,
            title: " Basistraining ".into(),
            topics: vec!["lesopbouw".into(), " ".into()],
            description: String::new(),
            requires_intake: false,
            requires_placement: false,
            min_attended: 4,
            offer_hours: 48,
            required_for_available: false,
        }
    }

    #[test]
    fn a_course_is_trimmed_and_checked() {
        let ok = course().validate().unwrap();
        assert_eq!(ok.title, "Basistraining");
        assert_eq!(ok.topics, ["lesopbouw"]);
        let bad = CourseInput {
            title: " ".into(),
            min_attended: 0,
            offer_hours: MAX_OFFER_HOURS + 1,
            ..course()
        };
        let fields: Vec<_> = bad
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["title", "min_attended", "offer_hours"]);
    }

    #[test]
    fn a_session_needs_a_place_or_a_link_and_an_end_after_its_start() {
        let session = CourseSessionInput {
            date: "2027-01-14".parse().unwrap(),
            starts_at: "12:00:00".parse().unwrap(),
            ends_at: "15:00:00".parse().unwrap(),
            location: String::new(),
            online_url: Some("https://meet.example/training".into()),
            capacity: 2,
            teacher: "Trainer".into(),
        };
        assert!(session.validate().is_ok());
        let bad = CourseSessionInput {
            ends_at: "12:00:00".parse().unwrap(),
            online_url: Some("http://meet.example".into()),
            capacity: 0,
            ..session.clone()
        };
        let fields: Vec<_> = bad
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["ends_at", "online_url", "capacity"]);
        let nowhere = CourseSessionInput {
            online_url: None,
            ..session
        };
        let fields: Vec<_> = nowhere
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["location"]);
    }
}
