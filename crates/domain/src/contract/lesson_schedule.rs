//! The dates of lesson series as the API shows them: a group's lessons, a school's month, and
//! the calendar feeds teachers subscribe to.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::lesson_series::TargetGroup;

/// A date and time for one lesson of a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LessonDateInput {
    /// Which lesson of the series, counting from 1.
    pub lesson: u32,
    /// The day: the ambassador's school day, inside the placement's period, outside holidays.
    pub date: NaiveDate,
    /// When it starts, local time in Europe/Amsterdam; the lesson must end by the end of the
    /// school day.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "09:00"))]
    #[serde(serialize_with = "crate::json_format::time")]
    pub starts_at: NaiveTime,
}

/// The dates of every lesson of a series for one group. Replaces the group's earlier dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ScheduleInput {
    /// The group, one of the series' target groups, such as `groep 6`.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "groep 6"))]
    pub group: TargetGroup,
    /// One date for each lesson of the series.
    pub lessons: Vec<LessonDateInput>,
}

/// A lesson with a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScheduledLesson {
    /// The scheduled lesson's id (stable in calendar feeds).
    pub id: Uuid,
    /// The series it belongs to.
    pub series_id: Uuid,
    /// The series' title.
    pub series_title: String,
    /// Which lesson of the series, counting from 1.
    pub lesson: u32,
    /// The lesson's title.
    pub lesson_title: String,
    /// The group it is given to.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "groep 6"))]
    pub group: TargetGroup,
    /// The day.
    pub date: NaiveDate,
    /// When it starts, local time (`HH:MM:SS`).
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "09:00:00"))]
    #[serde(serialize_with = "crate::json_format::time")]
    pub starts_at: NaiveTime,
    /// How long it takes.
    pub minutes: u32,
    /// Who gives it.
    pub ambassador_name: String,
}

/// One group's lessons in a month, against the 22-hour limit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupMonth {
    /// The group.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "groep 6"))]
    pub group: TargetGroup,
    /// The minutes of lessons by professionals planned this month, every ambassador's.
    pub planned_minutes: u32,
    /// The most minutes the policy allows a month, when one applies to the school.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_minutes: Option<u32>,
    /// The lessons, by date and time.
    pub lessons: Vec<ScheduledLesson>,
}

/// A school's lessons in one month, per group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SchoolMonth {
    /// The school.
    pub school_id: Uuid,
    /// The school's name.
    pub school_name: String,
    /// The month, `YYYY-MM`.
    #[cfg_attr(feature = "openapi", schema(example = "2026-12"))]
    pub month: String,
    /// The policy limiting lessons by professionals at this school this month, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// Its monthly limit per group, in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_minutes: Option<u32>,
    /// The groups with lessons this month, in order.
    pub groups: Vec<GroupMonth>,
}

/// Which month of a school's lessons to show.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct SchoolMonthQuery {
    /// The month as `YYYY-MM`; this month (in Europe/Amsterdam) when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<String>,
}

/// A calendar feed's address: secret, so whoever has it can subscribe without logging in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CalendarFeed {
    /// The path of the iCalendar (`.ics`) feed, such as `/api/v1/calendars/3q2…x.ics`.
    pub url: String,
}

/// The first day of a `YYYY-MM` month, or `None` when the text is not one.
pub fn parse_month(text: &str) -> Option<NaiveDate> {
    crate::calendar_month::CalendarMonth::parse(text)
        .ok()
        .map(|m| m.first_day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_is_four_digits_a_dash_and_two() {
        assert_eq!(parse_month("2026-12"), NaiveDate::from_ymd_opt(2026, 12, 1));
        for bad in [
            "2026-13", "2026-1", "26-12", "2026/12", "", "2026-00", "december",
        ] {
            assert_eq!(parse_month(bad), None, "{bad}");
        }
    }
}
