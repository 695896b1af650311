//! Courses and their sessions (programme staff), enrolling with a waiting list (ambassadors
//! themselves, or staff on their behalf), offers of freed places, and attendance.
//!
//! Every write that touches a session's places locks the session first; enrolling locks the
//! ambassador before it, so two enrolments of one person cannot both pass the overlap check and
//! two people cannot both take the last place. Offers that ran out are settled, session by
//! session under the session's lock, by whatever next touches that session, before reads that
//! show enrolments, and by a background loop every minute, so the next in line hears of a freed
//! place without anyone having to look.

use chrono::{DateTime, Utc};
use domain::contract::{
    AttendanceInput, Course, CourseInput, CourseSession, CourseSessionInput, Enrolment,
    EnrolmentInput, TrainingRecord,
};
use domain::training::{
    AttendanceRefusal, EnrolmentCheck, EnrolmentRefusal, EnrolmentStatus, SessionTime,
    check_attendance, check_enrolment, offer_deadline, status_on_enrolment,
};
use store::{Lock, NewAuditEntry, Store, StoreError, Tx};
use uuid::Uuid;

use super::{begin, commit_with_audit};
use crate::auth::Principal;
use crate::error::{ApiError, ErrorCode, OrNotFound};
use crate::mail::Mailer;
use crate::policy::{self, Action};
use crate::state::AppState;

/// Creates a course (programme staff).
pub async fn create_course(
    state: &AppState,
    principal: &Principal,
    input: CourseInput,
) -> Result<Course, ApiError> {
    policy::authorize(principal, Action::ManageCourses, "course")?;
    let input = input.validate().map_err(ApiError::invalid_fields)?;
    let tx = begin(state).await?;
    let course = tx.create_course(&input).await?;
    commit_with_audit(tx, principal, "course.create", "course", Some(course.id)).await?;
    Ok(course)
}

/// Replaces a course's details (programme staff).
pub async fn update_course(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: CourseInput,
) -> Result<Course, ApiError> {
    policy::authorize(principal, Action::ManageCourses, "course")?;
    let input = input.validate().map_err(ApiError::invalid_fields)?;
    let tx = begin(state).await?;
    let course = tx.update_course(id, &input).await.or_not_found("course")?;
    commit_with_audit(tx, principal, "course.update", "course", Some(course.id)).await?;
    Ok(course)
}

/// Adds a session to a course (programme staff).
pub async fn add_session(
    state: &AppState,
    principal: &Principal,
    course_id: Uuid,
    input: CourseSessionInput,
) -> Result<CourseSession, ApiError> {
    policy::authorize(principal, Action::ManageCourses, "course")?;
    let input = input.validate().map_err(ApiError::invalid_fields)?;
    if input.date <= state.clock.today() {
        return Err(ApiError::invalid_field(
            "date",
            "a new session is planned after today",
        ));
    }
    let tx = begin(state).await?;
    tx.get_course(course_id).await.or_not_found("course")?;
    let session = tx.create_course_session(course_id, &input).await?;
    commit_with_audit(
        tx,
        principal,
        "course.session_add",
        "course_session",
        Some(session.id),
    )
    .await?;
    Ok(session)
}

/// Admits an ambassador to a course after its intake (programme staff).
pub async fn admit(
    state: &AppState,
    principal: &Principal,
    course_id: Uuid,
    ambassador_id: Uuid,
) -> Result<(), ApiError> {
    policy::authorize(principal, Action::ManageCourses, "course")?;
    let tx = begin(state).await?;
    tx.get_course(course_id).await.or_not_found("course")?;
    tx.get_ambassador(ambassador_id)
        .await
        .or_not_found("ambassador")?;
    tx.admit_to_course(course_id, ambassador_id, principal.actor_id())
        .await?;
    commit_with_audit(
        tx,
        principal,
        "course.admit",
        "ambassador",
        Some(ambassador_id),
    )
    .await?;
    Ok(())
}

/// Enrols an ambassador in a session: a place while there is one, else the waiting list.
pub async fn enrol(
    state: &AppState,
    principal: &Principal,
    session_id: Uuid,
    input: EnrolmentInput,
) -> Result<Enrolment, ApiError> {
    let ambassador_id = match input.ambassador_id {
        Some(id) => id,
        None => own_ambassador(state, principal).await?,
    };
    let tx = begin(state).await?;
    tx.lock(Lock::Ambassador(ambassador_id)).await?;
    tx.lock(Lock::CourseSession(session_id)).await?;
    let ambassador = tx
        .get_ambassador(ambassador_id)
        .await
        .or_not_found("ambassador")?;
    policy::authorize(
        principal,
        Action::Enrol {
            owner: ambassador.user_id,
        },
        "ambassador",
    )?;
    settle_session(&tx, &state.mailer, session_id, state.clock.now()).await?;
    let session = tx
        .get_course_session(session_id)
        .await
        .or_not_found("course session")?;
    let course = tx.get_course(session.course_id).await?;
    let booked = tx.booked_sessions(ambassador_id).await?;
    let already_enrolled = booked.iter().any(|(id, _)| *id == session_id);
    let others: Vec<_> = booked
        .into_iter()
        .filter(|(id, _)| *id != session_id)
        .map(|(_, b)| b)
        .collect();
    let school_days = tx.school_days(ambassador_id).await?;
    let admitted = tx.admitted_to_course(course.id, ambassador_id).await?;
    check_enrolment(&EnrolmentCheck {
        session: time_of(&session),
        today: state.clock.today(),
        requires_intake: course.requires_intake,
        admitted,
        requires_placement: course.requires_placement,
        school_days: &school_days,
        on_school_day: input.on_school_day,
        already_enrolled,
        booked: &others,
    })
    .map_err(refused)?;
    let status = status_on_enrolment(session.capacity, session.held, session.waiting);
    let id = tx
        .create_enrolment(session_id, ambassador_id, status, input.on_school_day)
        .await?;
    let enrolment = tx.get_enrolment(id).await?;
    commit_with_audit(tx, principal, "course.enrol", "course_enrolment", Some(id)).await?;
    Ok(enrolment)
}

/// Cancels an enrolment; a place it held is offered to the first on the waiting list.
pub async fn cancel(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> Result<Enrolment, ApiError> {
    let (tx, enrolment) = locked_enrolment(state, principal, id).await?;
    if !enrolment.status.is_live() {
        return Err(ApiError::Conflict {
            code: ErrorCode::InvalidTransition,
            detail: format!("this enrolment is already {}", enrolment.status),
        });
    }
    if enrolment.date <= state.clock.today() {
        return Err(ApiError::Conflict {
            code: ErrorCode::SessionPast,
            detail:
                "a session that has taken place cannot be cancelled; staff record absence instead"
                    .into(),
        });
    }
    tx.set_enrolment_status(id, EnrolmentStatus::Cancelled, None)
        .await?;
    if enrolment.status.holds_place() {
        offer_freed_place(&tx, &state.mailer, enrolment.session_id, state.clock.now()).await?;
    }
    let enrolment = tx.get_enrolment(id).await?;
    commit_with_audit(tx, principal, "course.cancel", "course_enrolment", Some(id)).await?;
    state.mailer.wake();
    Ok(enrolment)
}

/// Takes an offered place before its deadline.
pub async fn accept(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> Result<Enrolment, ApiError> {
    let (tx, enrolment) = locked_enrolment(state, principal, id).await?;
    match (enrolment.status, enrolment.offered_until) {
        (EnrolmentStatus::Lapsed, _) => {
            // Settled just now, inside this transaction: keep that, and say why.
            tx.commit().await?;
            state.mailer.wake();
            return Err(ApiError::Conflict {
                code: ErrorCode::OfferLapsed,
                detail: "the offered place was not taken in time and went to the next on the waiting list".into(),
            });
        }
        (EnrolmentStatus::Offered, Some(_)) => {}
        (status, _) => {
            return Err(ApiError::Conflict {
                code: ErrorCode::InvalidTransition,
                detail: format!("only an offered place can be taken; this enrolment is {status}"),
            });
        }
    }
    tx.set_enrolment_status(id, EnrolmentStatus::Enrolled, None)
        .await?;
    let enrolment = tx.get_enrolment(id).await?;
    commit_with_audit(tx, principal, "course.accept", "course_enrolment", Some(id)).await?;
    Ok(enrolment)
}

/// Records who came to a session (programme staff).
pub async fn record_attendance(
    state: &AppState,
    principal: &Principal,
    session_id: Uuid,
    input: AttendanceInput,
) -> Result<Vec<Enrolment>, ApiError> {
    policy::authorize(principal, Action::ManageCourses, "course")?;
    let tx = begin(state).await?;
    tx.lock(Lock::CourseSession(session_id)).await?;
    let session = tx
        .get_course_session(session_id)
        .await
        .or_not_found("course session")?;
    let enrolments = tx.session_enrolments(session_id).await?;
    let today = state.clock.today();
    for (index, entry) in input.entries.iter().enumerate() {
        let field = format!("entries[{index}].enrolment_id");
        let Some(enrolment) = enrolments.iter().find(|e| e.id == entry.enrolment_id) else {
            return Err(ApiError::invalid_field(
                &field,
                "no enrolment of this session",
            ));
        };
        check_attendance(enrolment.status, session.date, today).map_err(|e| match e {
            AttendanceRefusal::NotYet => ApiError::Conflict {
                code: ErrorCode::AttendanceNotYet,
                detail: e.to_string(),
            },
            AttendanceRefusal::NoPlace(_) => ApiError::Conflict {
                code: ErrorCode::InvalidTransition,
                detail: format!("{}: {e}", enrolment.ambassador_name),
            },
        })?;
        tx.set_attendance(entry.enrolment_id, entry.attendance)
            .await?;
    }
    let enrolments = tx.session_enrolments(session_id).await?;
    commit_with_audit(
        tx,
        principal,
        "course.attendance",
        "course_session",
        Some(session_id),
    )
    .await?;
    Ok(enrolments)
}

/// A session's enrolments (programme staff), after settling offers that ran out.
pub async fn session_enrolments(
    state: &AppState,
    principal: &Principal,
    session_id: Uuid,
) -> Result<Vec<Enrolment>, ApiError> {
    policy::authorize(principal, Action::ManageCourses, "course")?;
    settle_now(state).await?;
    state
        .store
        .get_course_session(session_id)
        .await
        .or_not_found("course session")?;
    Ok(state.store.session_enrolments(session_id).await?)
}

/// An ambassador's courses and enrolments, for themself or programme staff.
pub async fn training_record(
    state: &AppState,
    principal: &Principal,
    ambassador_id: Option<Uuid>,
) -> Result<TrainingRecord, ApiError> {
    let ambassador_id = match ambassador_id {
        Some(id) => id,
        None => own_ambassador(state, principal).await?,
    };
    let ambassador = state
        .store
        .get_ambassador(ambassador_id)
        .await
        .or_not_found("ambassador")?;
    policy::authorize(
        principal,
        Action::ReadTraining {
            owner: ambassador.user_id,
        },
        "ambassador",
    )?;
    settle_now(state).await?;
    Ok(TrainingRecord {
        courses: state.store.course_progress(ambassador_id).await?,
        enrolments: state.store.ambassador_enrolments(ambassador_id).await?,
    })
}

/// The courses required before becoming available that `ambassador_id` has not completed, by
/// title.
pub async fn missing_for_available(
    store: &Store,
    ambassador_id: Uuid,
) -> Result<Vec<String>, StoreError> {
    Ok(store
        .course_progress(ambassador_id)
        .await?
        .into_iter()
        .filter(|c| c.required_for_available && !c.completed)
        .map(|c| format!("{} ({} van {} bijgewoond)", c.title, c.attended, c.required))
        .collect())
}

/// The ambassador behind the calling person.
pub(crate) async fn own_ambassador(
    state: &AppState,
    principal: &Principal,
) -> Result<Uuid, ApiError> {
    let Principal::User(user) = principal else {
        return Err(ApiError::Forbidden);
    };
    match state.store.ambassador_of_user(user.id).await {
        Ok(ambassador) => Ok(ambassador.id),
        Err(StoreError::NotFound) => Err(ApiError::invalid_field(
            "ambassador_id",
            "say which ambassador to enrol: you are not an ambassador yourself",
        )),
        Err(e) => Err(e.into()),
    }
}

/// Begins a transaction holding enrolment `id`'s session, with offers settled, after checking
/// the principal may act on it.
async fn locked_enrolment(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> Result<(Tx, Enrolment), ApiError> {
    let enrolment = state
        .store
        .get_enrolment(id)
        .await
        .or_not_found("enrolment")?;
    let owner = state.store.ambassador_user(enrolment.ambassador_id).await?;
    policy::authorize(principal, Action::Enrol { owner }, "enrolment")?;
    let tx = begin(state).await?;
    tx.lock(Lock::CourseSession(enrolment.session_id)).await?;
    settle_session(&tx, &state.mailer, enrolment.session_id, state.clock.now()).await?;
    let enrolment = tx.get_enrolment(id).await?;
    Ok((tx, enrolment))
}

fn time_of(session: &CourseSession) -> SessionTime {
    SessionTime {
        date: session.date,
        starts_at: session.starts_at,
        ends_at: session.ends_at,
    }
}

fn refused(refusal: EnrolmentRefusal) -> ApiError {
    let code = match refusal {
        EnrolmentRefusal::SessionPast => ErrorCode::SessionPast,
        EnrolmentRefusal::AlreadyEnrolled => ErrorCode::AlreadyEnrolled,
        EnrolmentRefusal::IntakeRequired => ErrorCode::IntakeRequired,
        EnrolmentRefusal::PlacementRequired => ErrorCode::PlacementRequired,
        EnrolmentRefusal::Overlap { .. } => ErrorCode::SessionOverlap,
        EnrolmentRefusal::SchoolDay { .. } => ErrorCode::SchoolDay,
    };
    ApiError::Conflict {
        code,
        detail: refusal.to_string(),
    }
}

/// Offers a session's free place to the first on its waiting list, if there is a free place
/// and someone waiting, and tells them by e-mail.
async fn offer_freed_place(
    tx: &Store,
    mailer: &Mailer,
    session_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let session = tx.get_course_session(session_id).await?;
    if session.held >= session.capacity {
        return Ok(());
    }
    let Some(next) = tx.first_waiting(session_id).await? else {
        return Ok(());
    };
    let course = tx.get_course(session.course_id).await?;
    let until = offer_deadline(now, course.offer_hours);
    tx.set_enrolment_status(next, EnrolmentStatus::Offered, Some(until))
        .await?;
    let enrolment = tx.get_enrolment(next).await?;
    let ambassador = tx.get_ambassador(enrolment.ambassador_id).await?;
    let message = crate::training_mail::place_offered(
        mailer,
        &ambassador.profile.email,
        &ambassador.profile.name,
        &enrolment,
        until,
    );
    mailer.queue(tx, "training.place_offered", message).await?;
    tx.record_audit(&NewAuditEntry {
        actor_kind: "system",
        actor_id: None,
        action: "course.offer",
        resource_type: "course_enrolment",
        resource_id: Some(next),
        reason: None,
    })
    .await?;
    Ok(())
}

/// Lets the offers of session `session_id` that ran out by `now` lapse, and offers each freed
/// place to the next in line. Runs inside the caller's transaction, which holds the session's
/// lock; returns how many lapsed.
pub async fn settle_session(
    tx: &Store,
    mailer: &Mailer,
    session_id: Uuid,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let lapsed = tx.lapsed_offers_in(session_id, now).await?;
    for offer in &lapsed {
        tx.set_enrolment_status(offer.enrolment_id, EnrolmentStatus::Lapsed, None)
            .await?;
        tx.record_audit(&NewAuditEntry {
            actor_kind: "system",
            actor_id: None,
            action: "course.offer_lapsed",
            resource_type: "course_enrolment",
            resource_id: Some(offer.enrolment_id),
            reason: None,
        })
        .await?;
        offer_freed_place(tx, mailer, session_id, now).await?;
    }
    Ok(lapsed.len())
}

/// Settles every offer that ran out by `now`: one transaction per session, each holding that
/// session's lock. Returns how many lapsed.
pub async fn settle_due(
    store: &Store,
    mailer: &Mailer,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let mut sessions: Vec<Uuid> = store
        .lapsed_offers(now)
        .await?
        .into_iter()
        .map(|o| o.session_id)
        .collect();
    sessions.sort_unstable();
    sessions.dedup();
    let mut settled = 0;
    for session in sessions {
        let tx = store.transaction().await?;
        tx.lock(Lock::CourseSession(session)).await?;
        settled += settle_session(&tx, mailer, session, now).await?;
        tx.commit().await?;
    }
    if settled > 0 {
        mailer.wake();
    }
    Ok(settled)
}

/// Settles offers that ran out before a read shows enrolments.
async fn settle_now(state: &AppState) -> Result<(), ApiError> {
    settle_due(&state.store, &state.mailer, state.clock.now()).await?;
    Ok(())
}

/// Settles offers that ran out every minute, for as long as the server runs, so the next in
/// line hears of a freed place even when nobody opens the page.
pub async fn run(store: Store, mailer: Mailer, clock: crate::clock::Clock) {
    let mut ticks = tokio::time::interval(std::time::Duration::from_secs(60));
    loop {
        ticks.tick().await;
        match settle_due(&store, &mailer, clock.now()).await {
            Ok(0) => {}
            Ok(lapsed) => {
                tracing::info!(
                    lapsed,
                    "offered places that were not taken in time passed on"
                );
            }
            Err(error) => tracing::error!(%error, "settling lapsed offers failed"),
        }
    }
}
