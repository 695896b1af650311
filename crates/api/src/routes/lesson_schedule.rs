//! The dates of lesson series: scheduling a group's lessons within the school day, the holidays
//! and the 22-hour rule; a school's month per group; and iCalendar feeds to subscribe to.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, put, web};
use domain::calendar_month::CalendarMonth;
use domain::contract::{
    CalendarFeed, GroupMonth, LessonSeries, Problem, ScheduleInput, ScheduledLesson, SchoolMonth,
    SchoolMonthQuery,
};
use domain::hours_policy::strictest_in_month;
use domain::icalendar::{self, Event};
use store::FeedSubject;
use uuid::Uuid;

use crate::auth::Principal;
use crate::auth::session::new_token;
use crate::error::{ApiError, OrNotFound};
use crate::policy::{self, Action};
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(schedule_lesson_series)
        .service(school_month)
        .service(school_calendar_feed)
        .service(series_calendar_feed)
        .service(calendar_feed);
}

/// Give every lesson of an approved series a date for one of its groups, replacing that group's
/// earlier dates. Dates fall on the ambassador's school day at the school, inside their
/// placement's period, outside the school region's holidays, within the school day's hours, and
/// the group keeps within every 22-hour policy that applies to the school, counting every
/// ambassador's lessons for the group in each month touched.
#[utoipa::path(
    operation_id = "scheduleLessonSeries",
    tag = "lesson-series",
    params(("id" = Uuid, Path, description = "The series' id.")),
    request_body = ScheduleInput,
    responses(
        (status = 200, description = "The series, scheduled, with its dates.", body = LessonSeries),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only the series' ambassador, the school's coordinator or programme staff schedule.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such series that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Refused: `not_approved` (the series is not approved yet), `not_placed` (the ambassador has no confirmed or active placement at the school), `over_monthly_limit` (names the group, the month, the hours planned and the limit) or `excluded_domain` (names the subject the policy keeps for qualified teachers).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Dates that do not fit, each named in `errors` (wrong weekday, outside the period, in a holiday, outside the school day, a lesson missing or twice, out of order, a group not the series').", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/lesson-series/{id}/schedule")]
pub async fn schedule_lesson_series(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<ScheduleInput>,
) -> Result<web::Json<LessonSeries>, ApiError> {
    let scheduled =
        usecases::lesson_schedule::schedule(&state, &principal, *id, body.into_inner()).await?;
    Ok(web::Json(scheduled))
}

/// A school's lessons in one month, per group, with the minutes planned against the 22-hour
/// limit that applies to the school that month (none outside every policy's scope).
#[utoipa::path(
    operation_id = "getSchoolLessonMonth",
    tag = "lesson-series",
    params(("id" = Uuid, Path, description = "The school's id."), SchoolMonthQuery),
    responses(
        (status = 200, description = "The month.", body = SchoolMonth),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such school where the caller has a role.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`month` is not `YYYY-MM`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/schools/{id}/lesson-calendar")]
pub async fn school_month(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    query: web::Query<SchoolMonthQuery>,
) -> Result<web::Json<SchoolMonth>, ApiError> {
    let school = find_school(&state, &principal, *id).await?;
    let month = match &query.month {
        Some(text) => super::month_param(text)?,
        None => CalendarMonth::containing(state.clock.today()),
    };
    let (first, last) = (month.first_day(), month.last_day());
    let lessons = state
        .store
        .school_lessons(school.id, Some(first), Some(last))
        .await?;
    let policies = state.store.list_hours_policies().await?;
    let municipality = school.municipality.clone().unwrap_or_default();
    let policy = strictest_in_month(&policies, &municipality, first);
    let limit = policy.map(|p| p.max_minutes_per_group_per_month);
    let mut groups: BTreeMap<_, Vec<ScheduledLesson>> = BTreeMap::new();
    for lesson in lessons {
        groups.entry(lesson.group).or_default().push(lesson);
    }
    Ok(web::Json(SchoolMonth {
        school_id: school.id,
        school_name: school.name,
        month: first.format("%Y-%m").to_string(),
        policy: policy.map(|p| p.name.clone()),
        limit_minutes: limit,
        groups: groups
            .into_iter()
            .map(|(group, lessons)| GroupMonth {
                group,
                planned_minutes: lessons.iter().map(|l| l.minutes).sum(),
                limit_minutes: limit,
                lessons,
            })
            .collect(),
    }))
}

/// The secret address of a school's calendar feed: every lesson at the school, for teachers to
/// subscribe to without logging in.
#[utoipa::path(
    operation_id = "getSchoolCalendarFeed",
    tag = "lesson-series",
    params(("id" = Uuid, Path, description = "The school's id.")),
    responses(
        (status = 200, description = "The feed's address.", body = CalendarFeed),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such school where the caller has a role.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/schools/{id}/calendar-feed")]
pub async fn school_calendar_feed(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<CalendarFeed>, ApiError> {
    let school = find_school(&state, &principal, *id).await?;
    feed_address(&state, FeedSubject::School(school.id)).await
}

/// The secret address of a lesson series' calendar feed, for whoever may read the series.
#[utoipa::path(
    operation_id = "getLessonSeriesCalendarFeed",
    tag = "lesson-series",
    params(("id" = Uuid, Path, description = "The series' id.")),
    responses(
        (status = 200, description = "The feed's address.", body = CalendarFeed),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such series that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/lesson-series/{id}/calendar-feed")]
pub async fn series_calendar_feed(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<CalendarFeed>, ApiError> {
    let (school, owner) = state
        .store
        .lesson_series_owners(*id)
        .await
        .or_not_found("lesson series")?;
    policy::authorize(
        &principal,
        Action::ReadLessonSeries { school, owner },
        "lesson series",
    )?;
    feed_address(&state, FeedSubject::LessonSeries(*id)).await
}

/// A calendar feed (iCalendar, RFC 5545, times in Europe/Amsterdam): the lessons of a school or
/// of a series. Needs no login: the address itself is the secret, as calendar apps expect.
#[utoipa::path(
    operation_id = "getCalendar",
    tag = "lesson-series",
    params(("token" = String, Path, description = "The feed's secret, from a `calendar-feed` address.")),
    responses(
        (status = 200, description = "The feed.", content_type = "text/calendar", body = String),
        (status = 404, description = "No feed with this address.", body = Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[get("/calendars/{token}.ics")]
pub async fn calendar_feed(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let subject = state
        .store
        .calendar_feed(&token)
        .await
        .or_not_found("calendar")?;
    let (name, events): (String, Vec<Event>) = match subject {
        FeedSubject::School(id) => {
            let school = state.store.get_organisation(id).await?;
            let lessons = state.store.school_lessons(id, None, None).await?;
            let series = series_of(&state, &lessons).await?;
            let events = lessons
                .iter()
                .map(|lesson| event(lesson, &school.name, &series))
                .collect();
            (format!("Lessen {}", school.name), events)
        }
        FeedSubject::LessonSeries(id) => {
            let series = state.store.get_lesson_series(id).await?;
            let events = series
                .schedule
                .iter()
                .map(|lesson| event(lesson, &series.school_name, std::slice::from_ref(&series)))
                .collect();
            (
                format!("{} ({})", series.content.title, series.school_name),
                events,
            )
        }
        FeedSubject::Ambassador(id) => {
            let enrolments = state.store.ambassador_enrolments(id).await?;
            let events = enrolments
                .iter()
                .filter(|e| e.status.holds_place())
                .map(super::training::event)
                .collect();
            ("Trainingen Klasbrug".to_owned(), events)
        }
    };
    let body = icalendar::feed(&name, &events, state.clock.now());
    Ok(HttpResponse::Ok()
        .content_type(icalendar::MEDIA_TYPE)
        .insert_header(("Cache-Control", "private, max-age=300"))
        .body(body))
}

/// One lesson as an agenda item.
pub(crate) fn event(lesson: &ScheduledLesson, location: &str, series: &[LessonSeries]) -> Event {
    let content = series
        .iter()
        .find(|s| s.id == lesson.series_id)
        .and_then(|s| {
            s.content
                .lessons
                .get(lesson.lesson.saturating_sub(1) as usize)
        });
    let mut description = vec![format!("Ambassadeur: {}", lesson.ambassador_name)];
    if let Some(content) = content {
        if !content.goal.is_empty() {
            description.push(format!("Doel: {}", content.goal));
        }
        if !content.materials.is_empty() {
            description.push(format!("Materialen: {}", content.materials));
        }
    }
    Event {
        id: lesson.id,
        starts: lesson.date.and_time(lesson.starts_at),
        minutes: lesson.minutes,
        summary: format!(
            "{}, les {}: {} ({})",
            lesson.series_title, lesson.lesson, lesson.lesson_title, lesson.group
        ),
        description: description.join("\n"),
        location: location.to_owned(),
    }
}

/// The series the lessons belong to, each once.
async fn series_of(
    state: &AppState,
    lessons: &[ScheduledLesson],
) -> Result<Vec<LessonSeries>, ApiError> {
    let mut ids: Vec<Uuid> = lessons.iter().map(|l| l.series_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut series = Vec::with_capacity(ids.len());
    for id in ids {
        series.push(state.store.get_lesson_series(id).await?);
    }
    Ok(series)
}

/// A school the caller has a role in (or programme staff), else 404.
async fn find_school(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> Result<domain::contract::Organisation, ApiError> {
    let school = super::school_or_404(state, id).await?;
    policy::authorize(
        principal,
        Action::ReadSchoolLessons { school: school.id },
        "school",
    )?;
    Ok(school)
}

pub(crate) async fn feed_address(
    state: &AppState,
    subject: FeedSubject,
) -> Result<web::Json<CalendarFeed>, ApiError> {
    let token = state
        .store
        .calendar_feed_token(subject, &new_token())
        .await?;
    Ok(web::Json(CalendarFeed {
        url: format!("/api/v1/calendars/{token}.ics"),
    }))
}
