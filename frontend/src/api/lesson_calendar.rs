//! A school's lesson calendar: the lessons of every series per group in a month, and the
//! school's calendar feed.

use domain::contract::{CalendarFeed, SchoolMonth};
use uuid::Uuid;

use super::{Api, ApiError};

/// A school's lessons in `month` (`YYYY-MM`), per group, against the hours limit.
pub async fn school_month(
    api: &Api,
    school_id: Uuid,
    month: &str,
) -> Result<SchoolMonth, ApiError> {
    api.get(
        &format!("/schools/{school_id}/lesson-calendar"),
        &[("month", month.to_owned())],
    )
    .await
}

/// The address of a school's calendar feed, which works without logging in.
pub async fn school_calendar_feed(api: &Api, school_id: Uuid) -> Result<CalendarFeed, ApiError> {
    api.get(&format!("/schools/{school_id}/calendar-feed"), &[])
        .await
}
