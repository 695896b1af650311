//! Lesson series (*lessenseries*): the list, one series, the coordinator's review and replies,
//! and the objectives of the framework a series names.

use domain::contract::{
    CalendarFeed, FrameworkSummary, LessonSeries, LessonSeriesCopy, LessonSeriesInput,
    LessonSeriesQuery, LessonSeriesTransition, LibraryEntry, ObjectiveItem, Page,
    ReviewCommentInput, ScheduleInput,
};
use uuid::Uuid;

use super::{Api, ApiError, PAGE_SIZE};

/// One page of the series the caller may see: of their schools, or all for programme staff.
pub async fn list_lesson_series(
    api: &Api,
    filter: &LessonSeriesQuery,
    after: Option<String>,
) -> Result<Page<LessonSeries>, ApiError> {
    let mut query = vec![("limit", PAGE_SIZE.to_string())];
    if let Some(school_id) = filter.school_id {
        query.push(("school_id", school_id.to_string()));
    }
    if let Some(status) = filter.status {
        query.push(("status", status.as_str().to_owned()));
    }
    if let Some(after) = after {
        query.push(("after", after));
    }
    api.get("/lesson-series", &query).await
}

/// One series with its lessons, review comments and dates.
pub async fn get_lesson_series(api: &Api, id: Uuid) -> Result<LessonSeries, ApiError> {
    api.get(&format!("/lesson-series/{id}"), &[]).await
}

/// Starts a series as a draft; an ambassador's own when they write it.
pub async fn create_lesson_series(
    api: &Api,
    input: &LessonSeriesInput,
) -> Result<LessonSeries, ApiError> {
    api.post("/lesson-series", input).await
}

/// Replaces a draft's content (its school and ambassador stay).
pub async fn update_lesson_series(
    api: &Api,
    id: Uuid,
    input: &LessonSeriesInput,
) -> Result<LessonSeries, ApiError> {
    api.put(&format!("/lesson-series/{id}"), input).await
}

/// Every framework of core objectives, to name the one a new series works with.
pub async fn list_frameworks(api: &Api) -> Result<Vec<FrameworkSummary>, ApiError> {
    api.get("/frameworks", &[]).await
}

/// Approves a series, or asks for changes (with a comment).
pub async fn transition_lesson_series(
    api: &Api,
    id: Uuid,
    transition: &LessonSeriesTransition,
) -> Result<LessonSeries, ApiError> {
    api.post(&format!("/lesson-series/{id}/transitions"), transition)
        .await
}

/// Adds a reply to a series' review.
pub async fn comment_lesson_series(
    api: &Api,
    id: Uuid,
    comment: &ReviewCommentInput,
) -> Result<LessonSeries, ApiError> {
    api.post(&format!("/lesson-series/{id}/comments"), comment)
        .await
}

/// The core objectives of a framework, such as `kerndoelen-2006`, to name them by title.
pub async fn list_objectives(api: &Api, framework: &str) -> Result<Vec<ObjectiveItem>, ApiError> {
    api.get(&format!("/frameworks/{framework}/objectives"), &[])
        .await
}

/// The address of a series' calendar feed, which works without logging in.
pub async fn series_calendar_feed(api: &Api, id: Uuid) -> Result<CalendarFeed, ApiError> {
    api.get(&format!("/lesson-series/{id}/calendar-feed"), &[])
        .await
}

/// Gives every lesson of an approved series a date for one group (replacing the group's earlier
/// dates).
pub async fn schedule_lesson_series(
    api: &Api,
    id: Uuid,
    schedule: &ScheduleInput,
) -> Result<LessonSeries, ApiError> {
    api.put(&format!("/lesson-series/{id}/schedule"), schedule)
        .await
}

/// Copies a series (as a new draft) for other groups.
pub async fn copy_lesson_series(
    api: &Api,
    id: Uuid,
    copy: &LessonSeriesCopy,
) -> Result<LessonSeries, ApiError> {
    api.post(&format!("/lesson-series/{id}/copies"), copy).await
}

/// Approved series across schools whose theme contains `theme`, for `group` when given.
pub async fn search_library(
    api: &Api,
    theme: &str,
    group: Option<&str>,
) -> Result<Page<LibraryEntry>, ApiError> {
    let mut query = vec![("limit", "20".to_owned())];
    if !theme.trim().is_empty() {
        query.push(("theme", theme.trim().to_owned()));
    }
    if let Some(group) = group.filter(|g| !g.trim().is_empty()) {
        query.push(("group", group.trim().to_owned()));
    }
    api.get("/library", &query).await
}
