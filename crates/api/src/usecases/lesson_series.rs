//! Lesson series: writing, reviewing, commenting and copying. A change locks the series, so a
//! coordinator's approval and the ambassador's edit take turns and neither acts on a status the
//! other just left.

use domain::contract::{
    LessonSeries, LessonSeriesCopy, LessonSeriesInput, LessonSeriesTransition, ObjectiveQuery,
};
use domain::lesson_series::{LessonSeriesAction, LessonSeriesTransitionError};
use store::{Lock, Store};
use uuid::Uuid;

use super::{actor, begin, commit_with_audit, commit_with_audit_because};
use crate::auth::Principal;
use crate::error::ErrorCode;
use crate::error::{ApiError, OrNotFound};
use crate::policy::{self, Action};
use crate::state::AppState;

/// Writes a new draft series; an ambassador for a school they are placed at, or programme
/// staff for any ambassador.
pub async fn create(
    state: &AppState,
    principal: &Principal,
    mut input: LessonSeriesInput,
) -> Result<LessonSeries, ApiError> {
    let tx = begin(state).await?;
    if input.ambassador_id.is_none()
        && let Principal::User(user) = principal
    {
        input.ambassador_id = tx.ambassador_of_user(user.id).await.ok().map(|a| a.id);
    }
    let ambassador_id = input.ambassador_id.ok_or_else(|| {
        ApiError::invalid_field("ambassador_id", "say which ambassador gives the series")
    })?;
    let owner = match tx.ambassador_user(ambassador_id).await {
        Ok(owner) => owner,
        Err(store::StoreError::NotFound) => {
            return Err(ApiError::invalid_field(
                "ambassador_id",
                "no such ambassador",
            ));
        }
        Err(e) => return Err(e.into()),
    };
    check_school(&tx, input.school_id).await?;
    let placed = tx
        .ambassador_placement_at(ambassador_id, input.school_id)
        .await?
        .is_some();
    policy::authorize(
        principal,
        Action::CreateLessonSeries {
            school: input.school_id,
            owner,
            placed,
        },
        "lesson series",
    )?;
    let input = input.validate().map_err(ApiError::invalid_fields)?;
    check_objectives(&tx, &input).await?;
    let created = tx.create_lesson_series(&input, None).await?;
    commit_with_audit(
        tx,
        principal,
        "lesson_series.create",
        "lesson_series",
        Some(created.id),
    )
    .await?;
    Ok(created)
}

/// Replaces a draft's content; the school and the ambassador stay.
pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: LessonSeriesInput,
) -> Result<LessonSeries, ApiError> {
    let tx = begin(state).await?;
    let (series, school, owner) = locked(&tx, id).await?;
    policy::authorize(
        principal,
        Action::EditLessonSeries { school, owner },
        "lesson series",
    )?;
    if !series.status.is_editable() {
        return Err(ApiError::Conflict {
            code: ErrorCode::NotEditable,
            detail: format!(
                "a {} series cannot be changed; only drafts can",
                series.status
            ),
        });
    }
    let input = LessonSeriesInput {
        school_id: series.content.school_id,
        ambassador_id: series.content.ambassador_id,
        ..input
    }
    .validate()
    .map_err(ApiError::invalid_fields)?;
    check_objectives(&tx, &input).await?;
    let updated = tx
        .update_lesson_series(series.id, series.status, &input)
        .await?;
    commit_with_audit(
        tx,
        principal,
        "lesson_series.update",
        "lesson_series",
        Some(updated.id),
    )
    .await?;
    Ok(updated)
}

/// Moves a series on in its review: submit, revise, request changes (with a comment), approve.
pub async fn transition(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: LessonSeriesTransition,
) -> Result<LessonSeries, ApiError> {
    let LessonSeriesTransition { action, comment } = input;
    let tx = begin(state).await?;
    let (series, school, owner) = locked(&tx, id).await?;
    policy::authorize(
        principal,
        Action::ReviewLessonSeries {
            school,
            owner,
            action,
        },
        "lesson series",
    )?;
    if action == LessonSeriesAction::Schedule {
        return Err(ApiError::invalid_field(
            "action",
            format!(
                "a series is scheduled by giving its lessons dates: PUT /api/v1/lesson-series/{}/schedule",
                series.id
            ),
        ));
    }
    let comment = comment
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty());
    if comment.as_ref().is_some_and(|c| c.chars().count() > 2000) {
        return Err(ApiError::invalid_field(
            "comment",
            "at most 2000 characters",
        ));
    }
    let next = series
        .status
        .apply(action, comment.as_deref())
        .map_err(|e| match e {
            LessonSeriesTransitionError::CommentRequired => {
                ApiError::invalid_field("comment", e.to_string())
            }
            LessonSeriesTransitionError::NotFrom { .. } => ApiError::Conflict {
                code: ErrorCode::InvalidTransition,
                detail: e.to_string(),
            },
        })?;
    let (_, name) = actor(&tx, principal).await?;
    let note = comment.as_deref().map(|text| store::NewComment {
        author_name: &name,
        text,
        action: Some(action),
    });
    let updated = tx
        .transition_lesson_series(series.id, series.status, next, note)
        .await?;
    notify_review(
        state,
        &tx,
        &updated,
        school,
        owner,
        action,
        comment.as_deref(),
    )
    .await?;
    if action == LessonSeriesAction::Approve {
        crate::webhooks::lesson_series_approved(&tx, updated.id).await?;
    }
    commit_with_audit_because(
        tx,
        principal,
        "lesson_series.transition",
        "lesson_series",
        Some(updated.id),
        // The review's comment is the reason changes were asked for.
        match action {
            LessonSeriesAction::RequestChanges => comment.as_deref(),
            _ => None,
        },
    )
    .await?;
    state.mailer.wake();
    Ok(updated)
}

/// Adds a reply to a series' review.
pub async fn comment(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    text: &str,
) -> Result<LessonSeries, ApiError> {
    let tx = begin(state).await?;
    let (series, school, owner) = locked(&tx, id).await?;
    policy::authorize(
        principal,
        Action::CommentLessonSeries { school, owner },
        "lesson series",
    )?;
    let text = text.trim();
    if text.is_empty() || text.chars().count() > 2000 {
        return Err(ApiError::invalid_field("text", "1 to 2000 characters"));
    }
    let (_, name) = actor(&tx, principal).await?;
    let updated = tx
        .add_review_comment(
            series.id,
            store::NewComment {
                author_name: &name,
                text,
                action: None,
            },
        )
        .await?;
    commit_with_audit(
        tx,
        principal,
        "lesson_series.comment",
        "lesson_series",
        Some(updated.id),
    )
    .await?;
    Ok(updated)
}

/// Copies a series to another group or school as a new draft by the same ambassador, who must
/// be placed at the copy's school.
pub async fn copy(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: LessonSeriesCopy,
) -> Result<LessonSeries, ApiError> {
    let tx = begin(state).await?;
    let (original, school, owner) = series(&tx, id).await?;
    policy::authorize(
        principal,
        Action::EditLessonSeries { school, owner },
        "lesson series",
    )?;
    let LessonSeriesCopy {
        school_id,
        target_groups,
    } = input;
    let target_school = school_id.unwrap_or(school);
    check_school(&tx, target_school).await?;
    let ambassador_id = original.content.ambassador_id.ok_or_else(|| {
        ApiError::Unexpected(anyhow::anyhow!("series {} has no ambassador", original.id))
    })?;
    let placed = tx
        .ambassador_placement_at(ambassador_id, target_school)
        .await?
        .is_some();
    policy::authorize(
        principal,
        Action::CreateLessonSeries {
            school: target_school,
            owner,
            placed,
        },
        "lesson series",
    )?;
    let input = LessonSeriesInput {
        school_id: target_school,
        target_groups: target_groups.unwrap_or_else(|| original.content.target_groups.clone()),
        ..original.content.clone()
    }
    .validate()
    .map_err(ApiError::invalid_fields)?;
    let copy = tx.create_lesson_series(&input, Some(original.id)).await?;
    commit_with_audit(
        tx,
        principal,
        "lesson_series.copy",
        "lesson_series",
        Some(copy.id),
    )
    .await?;
    Ok(copy)
}

/// The series `id`, locked, with the school and user account that decide who may act on it.
pub(crate) async fn locked(
    tx: &Store,
    id: Uuid,
) -> Result<(LessonSeries, Uuid, Option<Uuid>), ApiError> {
    tx.lock(Lock::LessonSeries(id)).await?;
    series(tx, id).await
}

pub(crate) async fn series(
    tx: &Store,
    id: Uuid,
) -> Result<(LessonSeries, Uuid, Option<Uuid>), ApiError> {
    let series = tx
        .get_lesson_series(id)
        .await
        .or_not_found("lesson series")?;
    let (school, owner) = tx
        .lesson_series_owners(id)
        .await
        .or_not_found("lesson series")?;
    Ok((series, school, owner))
}

/// Checks that the body's `school_id` is a school.
async fn check_school(tx: &Store, school_id: Uuid) -> Result<(), ApiError> {
    match tx.get_organisation(school_id).await {
        Ok(org) if org.kind == domain::OrganisationKind::School => Ok(()),
        Ok(_) | Err(store::StoreError::NotFound) => {
            Err(ApiError::invalid_field("school_id", "is not a school"))
        }
        Err(e) => Err(e.into()),
    }
}

/// Checks that the objectives exist in the named framework.
async fn check_objectives(tx: &Store, input: &LessonSeriesInput) -> Result<(), ApiError> {
    let known = match tx
        .list_objectives(&input.framework_code, &ObjectiveQuery::default())
        .await
    {
        Ok(list) if !list.is_empty() => list,
        Ok(_) | Err(store::StoreError::NotFound) => {
            return Err(ApiError::invalid_field(
                "framework_code",
                "no such framework; see GET /api/v1/frameworks",
            ));
        }
        Err(e) => return Err(e.into()),
    };
    let unknown: Vec<String> = input
        .objectives
        .iter()
        .filter(|n| !known.iter().any(|o| o.number == **n))
        .map(|n| n.to_string())
        .collect();
    if !unknown.is_empty() {
        return Err(ApiError::invalid_field(
            "objectives",
            format!("{} is not in {}", unknown.join(", "), input.framework_code),
        ));
    }
    Ok(())
}

/// Queues the e-mails a review step causes: a handed-in series to the school's coordinators,
/// a request for changes or an approval to the ambassador.
async fn notify_review(
    state: &AppState,
    tx: &Store,
    series: &LessonSeries,
    school: Uuid,
    owner: Option<Uuid>,
    action: LessonSeriesAction,
    comment: Option<&str>,
) -> Result<(), ApiError> {
    let mailer = &state.mailer;
    match action {
        LessonSeriesAction::Submit => {
            for member in tx.list_members(school, None, 200).await? {
                if member.role == domain::Role::Coordinator {
                    let message = crate::review_mail::series_submitted(
                        mailer,
                        &member.email,
                        &member.name,
                        series,
                    );
                    mailer.queue(tx, "lesson_series.submitted", message).await?;
                }
            }
        }
        LessonSeriesAction::RequestChanges | LessonSeriesAction::Approve => {
            let Some(owner) = owner else { return Ok(()) };
            let ambassador = tx.get_user(owner).await?;
            let (kind, message) = if action == LessonSeriesAction::Approve {
                let message = crate::review_mail::series_approved(
                    mailer,
                    &ambassador.email,
                    &ambassador.name,
                    series,
                );
                ("lesson_series.approved", message)
            } else {
                let message = crate::review_mail::series_changes_requested(
                    mailer,
                    &ambassador.email,
                    &ambassador.name,
                    series,
                    comment.unwrap_or("-"),
                );
                ("lesson_series.changes_requested", message)
            };
            mailer.queue(tx, kind, message).await?;
        }
        _ => {}
    }
    Ok(())
}
