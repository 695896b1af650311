//! Scheduling a lesson series: giving a group's lessons dates within the ambassador's school
//! day, outside the region's holidays and within the 22-hour rule. It locks the placement, the
//! ambassador and the series (the house's lock order), and the store serialises changes at one
//! school, so two people planning the same group cannot both pass the count.

use domain::calendar_month::CalendarMonth;
use domain::contract::{LessonSeries, ObjectiveQuery, ScheduleInput};
use domain::holidays::{Calendar, Holiday};
use domain::hours_policy::{GroupLesson, HoursPolicyError, check_group_lessons};
use domain::kerndoelen::Domain;
use domain::lesson_schedule::{SchoolDay, plan_group};
use domain::lesson_series::LessonSeriesStatus;
use store::{Lock, Store};
use uuid::Uuid;

use super::{begin, commit_with_audit};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::error::ErrorCode;
use crate::policy::{self, Action};
use crate::state::AppState;

/// Gives the lessons of series `id` for one group their dates, replacing earlier ones.
pub async fn schedule(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: ScheduleInput,
) -> Result<LessonSeries, ApiError> {
    let tx = begin(state).await?;
    // Read once to learn whom to lock; the series' ambassador and school never change.
    let (series, school, _) = super::lesson_series::series(&tx, id).await?;
    if let Some(ambassador_id) = series.content.ambassador_id {
        if let Some(placement_id) = tx.ambassador_placement_at(ambassador_id, school).await? {
            tx.lock(Lock::Placement(placement_id)).await?;
        }
        tx.lock(Lock::Ambassador(ambassador_id)).await?;
    }
    let (series, school, owner) = super::lesson_series::locked(&tx, id).await?;
    policy::authorize(
        principal,
        Action::ScheduleLessonSeries { school, owner },
        "lesson series",
    )?;
    if !matches!(
        series.status,
        LessonSeriesStatus::Approved | LessonSeriesStatus::Scheduled
    ) {
        return Err(ApiError::Conflict {
            code: ErrorCode::NotApproved,
            detail: format!(
                "only an approved series gets dates; this one is {}",
                series.status
            ),
        });
    }
    let ambassador_id = series.content.ambassador_id.ok_or_else(|| {
        ApiError::Unexpected(anyhow::anyhow!("series {} has no ambassador", series.id))
    })?;
    let Some(placement_id) = tx.ambassador_placement_at(ambassador_id, school).await? else {
        return Err(ApiError::Conflict {
            code: ErrorCode::NotPlaced,
            detail: format!(
                "{} has no confirmed or active placement at {}, so there is no school day to plan lessons on",
                series.ambassador_name, series.school_name
            ),
        });
    };
    let placement = tx.get_placement(placement_id).await?;
    let day = SchoolDay::of(&placement);
    let holidays = region_calendar(&tx, placement.region).await?;
    let planned = plan_group(
        &series.content.lessons,
        &series.content.target_groups,
        &input,
        &day,
        &holidays,
    )
    .map_err(ApiError::invalid_fields)?;
    let (Some(first), Some(last)) = (
        planned.iter().map(|p| p.date).min(),
        planned.iter().map(|p| p.date).max(),
    ) else {
        return Err(ApiError::invalid_field(
            "lessons",
            "give each lesson a date",
        ));
    };
    let from = CalendarMonth::containing(first).first_day();
    let to = CalendarMonth::containing(last).last_day();
    let domains = series_domains(&tx, &series).await?;
    let proposed: Vec<GroupLesson> = planned
        .iter()
        .map(|p| GroupLesson {
            id: Uuid::now_v7(),
            ambassador_id,
            date: p.date,
            minutes: p.minutes,
            domains: domains.clone(),
        })
        .collect();
    let policies = tx.list_hours_policies().await?;
    let group = input.group.to_string();
    let within_policies = |scheduled: &[GroupLesson]| {
        check_group_lessons(
            &policies,
            &placement.municipality,
            &group,
            scheduled,
            &proposed,
        )
    };
    tx.schedule_group(
        series.id,
        school,
        input.group,
        &planned,
        (from, to),
        within_policies,
    )
    .await?
    .map_err(|e| {
        let refused = ApiError::Conflict {
            code: match e {
                HoursPolicyError::MonthlyLimitExceeded { .. } => ErrorCode::OverMonthlyLimit,
                HoursPolicyError::ExcludedDomain { .. } => ErrorCode::ExcludedDomain,
            },
            detail: e.to_string(),
        };
        ApiError::detailed(
            refused,
            domain::contract::ProblemDetails {
                hours_policy: Some(e),
                ..Default::default()
            },
        )
    })?;
    let scheduled = tx.get_lesson_series(series.id).await?;
    if let Some(owner) = owner {
        let ambassador = tx.get_user(owner).await?;
        let lessons: Vec<_> = scheduled
            .schedule
            .iter()
            .filter(|lesson| lesson.group == input.group)
            .collect();
        let (message, file) = crate::review_mail::lessons_planned(
            &state.mailer,
            ambassador.email.as_str(),
            &ambassador.name,
            &scheduled,
            &lessons,
            state.clock.now(),
        );
        state
            .mailer
            .queue_with(&tx, "lesson_series.scheduled", message, Some(file))
            .await?;
    }
    commit_with_audit(
        tx,
        principal,
        "lesson_series.schedule",
        "lesson_series",
        Some(series.id),
    )
    .await?;
    state.mailer.wake();
    Ok(scheduled)
}

/// The holidays of `region` as the database holds them (admins add years through the API).
async fn region_calendar(tx: &Store, region: domain::Region) -> Result<Calendar, ApiError> {
    let holidays = tx
        .list_holidays(Some(region))
        .await?
        .into_iter()
        .map(|h| Holiday {
            region: h.region,
            name: h.name,
            first_day: h.first_day,
            last_day: h.last_day,
            binding: h.binding,
        })
        .collect();
    Calendar::new(holidays).map_err(|e| ApiError::Unexpected(e.into()))
}

/// The learning areas of a series' objectives.
async fn series_domains(tx: &Store, series: &LessonSeries) -> Result<Vec<Domain>, ApiError> {
    let objectives = tx
        .list_objectives(&series.content.framework_code, &ObjectiveQuery::default())
        .await?;
    let mut domains: Vec<Domain> = objectives
        .iter()
        .filter(|o| series.content.objectives.contains(&o.number))
        .filter_map(|o| Domain::parse(&o.domain).ok())
        .collect();
    domains.sort();
    domains.dedup();
    Ok(domains)
}
