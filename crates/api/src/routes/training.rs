//! Courses (training, intervision, scholingstraject), their sessions, enrolments with a
//! waiting list, and attendance.

use actix_web::{HttpResponse, get, post, put, web};
use domain::contract::{
    AdmissionInput, AttendanceInput, CalendarFeed, Course, CourseInput, CourseSessionInput,
    Enrolment, EnrolmentInput, Problem, TrainingRecord,
};
use domain::icalendar::Event;
use store::FeedSubject;
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::{ApiError, OrNotFound};
use crate::policy::{self, Action};
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(list_courses)
        .service(create_course)
        .service(get_course)
        .service(update_course)
        .service(add_session)
        .service(admit)
        .service(session_enrolments)
        .service(enrol)
        .service(record_attendance)
        .service(cancel_enrolment)
        .service(accept_offer)
        .service(my_training)
        .service(my_training_feed)
        .service(ambassador_training);
}

/// Every course with its sessions and how full each is, the course with the earliest session
/// first (programme staff and ambassadors).
#[utoipa::path(
    operation_id = "listCourses",
    tag = "training",
    responses(
        (status = 200, description = "The courses.", body = Vec<Course>),
        (status = 403, description = "Only programme staff and ambassadors see the courses.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/courses")]
pub async fn list_courses(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<Vec<Course>>, ApiError> {
    policy::authorize(&principal, Action::ReadCourses, "course")?;
    Ok(web::Json(state.store.list_courses().await?))
}

/// Create a course, without sessions yet (programme staff).
#[utoipa::path(
    operation_id = "createCourse",
    tag = "training",
    request_body = CourseInput,
    responses(
        (status = 201, description = "The course.", body = Course),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff create courses.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid; each is named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/courses")]
pub async fn create_course(
    state: web::Data<AppState>,
    principal: Principal,
    body: crate::json::Json<CourseInput>,
) -> Result<HttpResponse, ApiError> {
    let course = usecases::training::create_course(&state, &principal, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(course))
}

/// One course with its sessions.
#[utoipa::path(
    operation_id = "getCourse",
    tag = "training",
    params(("id" = Uuid, Path, description = "The course's id.")),
    responses(
        (status = 200, description = "The course.", body = Course),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff and ambassadors see the courses.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such course.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/courses/{id}")]
pub async fn get_course(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Course>, ApiError> {
    policy::authorize(&principal, Action::ReadCourses, "course")?;
    Ok(web::Json(
        state.store.get_course(*id).await.or_not_found("course")?,
    ))
}

/// Replace a course's details; its sessions and enrolments stay (programme staff).
#[utoipa::path(
    operation_id = "updateCourse",
    tag = "training",
    params(("id" = Uuid, Path, description = "The course's id.")),
    request_body = CourseInput,
    responses(
        (status = 200, description = "The course.", body = Course),
        (status = 400, description = "The id is not a UUID, or the body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff change courses.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such course.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid; each is named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/courses/{id}")]
pub async fn update_course(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<CourseInput>,
) -> Result<web::Json<Course>, ApiError> {
    Ok(web::Json(
        usecases::training::update_course(&state, &principal, *id, body.into_inner()).await?,
    ))
}

/// Add a session to a course: its day, times (Europe/Amsterdam), place or online link,
/// capacity and teacher (programme staff).
#[utoipa::path(
    operation_id = "addCourseSession",
    tag = "training",
    params(("id" = Uuid, Path, description = "The course's id.")),
    request_body = CourseSessionInput,
    responses(
        (status = 201, description = "The session.", body = domain::contract::CourseSession),
        (status = 400, description = "The id is not a UUID, or the body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff plan sessions.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such course.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are invalid (the day is today or earlier, the end is not after the start, neither a place nor an https link, a capacity outside 1 to 500); each is named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/courses/{id}/sessions")]
pub async fn add_session(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<CourseSessionInput>,
) -> Result<HttpResponse, ApiError> {
    let session =
        usecases::training::add_session(&state, &principal, *id, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(session))
}

/// Admit an ambassador to a course that starts with an intake, after that intake (programme
/// staff). Admitting twice changes nothing.
#[utoipa::path(
    operation_id = "admitToCourse",
    tag = "training",
    params(("id" = Uuid, Path, description = "The course's id.")),
    request_body = AdmissionInput,
    responses(
        (status = 204, description = "Admitted."),
        (status = 400, description = "The id is not a UUID, or the body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff admit.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such course or ambassador.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/courses/{id}/admissions")]
pub async fn admit(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<AdmissionInput>,
) -> Result<HttpResponse, ApiError> {
    usecases::training::admit(&state, &principal, *id, body.ambassador_id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Who is in a session: places first, then the waiting list in its order, then those who
/// cancelled or let an offer lapse (programme staff).
#[utoipa::path(
    operation_id = "listSessionEnrolments",
    tag = "training",
    params(("id" = Uuid, Path, description = "The session's id.")),
    responses(
        (status = 200, description = "The enrolments.", body = Vec<Enrolment>),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff see who is enrolled.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such session.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/course-sessions/{id}/enrolments")]
pub async fn session_enrolments(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<Enrolment>>, ApiError> {
    Ok(web::Json(
        usecases::training::session_enrolments(&state, &principal, *id).await?,
    ))
}

/// Enrol in a session: an ambassador for themself, programme staff for the ambassador they
/// name. While there is a place the answer is `enrolled`; else `waiting`, with a place in the
/// line. Refused when the session overlaps another the ambassador is in or waiting for, falls on
/// their school day without `on_school_day`, needs an intake or a placement first, or has
/// taken place.
#[utoipa::path(
    operation_id = "enrol",
    tag = "training",
    params(("id" = Uuid, Path, description = "The session's id.")),
    request_body = EnrolmentInput,
    responses(
        (status = 201, description = "The enrolment: `enrolled` or `waiting`.", body = Enrolment),
        (status = 400, description = "The id is not a UUID, or the body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A partner client, or someone who is neither the ambassador nor programme staff.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such session or ambassador.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Refused: `session_past`, `already_enrolled`, `intake_required`, `placement_required`, `session_overlap` or `school_day`.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Programme staff must name the ambassador.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/course-sessions/{id}/enrolments")]
pub async fn enrol(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<EnrolmentInput>,
) -> Result<HttpResponse, ApiError> {
    let enrolment = usecases::training::enrol(&state, &principal, *id, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(enrolment))
}

/// Record who came to a session, from its day on (programme staff). Only those with a place
/// can be present or absent; enrolments not named keep what they had.
#[utoipa::path(
    operation_id = "recordAttendance",
    tag = "training",
    params(("id" = Uuid, Path, description = "The session's id.")),
    request_body = AttendanceInput,
    responses(
        (status = 200, description = "The session's enrolments with their attendance.", body = Vec<Enrolment>),
        (status = 400, description = "The id is not a UUID, or the body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff record attendance.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such session.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`attendance_not_yet` before the session's day; `invalid_transition` for someone without a place.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An enrolment named is not of this session.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/course-sessions/{id}/attendance")]
pub async fn record_attendance(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<AttendanceInput>,
) -> Result<web::Json<Vec<Enrolment>>, ApiError> {
    Ok(web::Json(
        usecases::training::record_attendance(&state, &principal, *id, body.into_inner()).await?,
    ))
}

/// Cancel an enrolment (the ambassador, or programme staff) before the session's day. A place
/// it held is offered at once to the first on the waiting list, who has the course's
/// `offer_hours` to take it.
#[utoipa::path(
    operation_id = "cancelEnrolment",
    tag = "training",
    params(("id" = Uuid, Path, description = "The enrolment's id.")),
    responses(
        (status = 200, description = "The enrolment, now `cancelled`.", body = Enrolment),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A partner client.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such enrolment of the caller's.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`invalid_transition` when already cancelled or lapsed; `session_past` on or after the session's day.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/enrolments/{id}/cancel")]
pub async fn cancel_enrolment(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Enrolment>, ApiError> {
    Ok(web::Json(
        usecases::training::cancel(&state, &principal, *id).await?,
    ))
}

/// Take an offered place before `offered_until` (the ambassador, or programme staff).
#[utoipa::path(
    operation_id = "acceptOffer",
    tag = "training",
    params(("id" = Uuid, Path, description = "The enrolment's id.")),
    responses(
        (status = 200, description = "The enrolment, now `enrolled`.", body = Enrolment),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A partner client.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such enrolment of the caller's.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`offer_lapsed` when the time ran out (the place went to the next); `invalid_transition` when no place was offered.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/enrolments/{id}/accept")]
pub async fn accept_offer(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Enrolment>, ApiError> {
    Ok(web::Json(
        usecases::training::accept(&state, &principal, *id).await?,
    ))
}

/// The logged-in ambassador's enrolments and progress per course.
#[utoipa::path(
    operation_id = "getMyTraining",
    tag = "training",
    responses(
        (status = 200, description = "Their courses and enrolments.", body = TrainingRecord),
        (status = 403, description = "A partner client.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The caller is not an ambassador.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/training")]
pub async fn my_training(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<TrainingRecord>, ApiError> {
    Ok(web::Json(
        usecases::training::training_record(&state, &principal, None).await?,
    ))
}

/// An ambassador's enrolments and progress per course (programme staff, or the ambassador).
#[utoipa::path(
    operation_id = "getAmbassadorTraining",
    tag = "training",
    params(("id" = Uuid, Path, description = "The ambassador's id.")),
    responses(
        (status = 200, description = "Their courses and enrolments.", body = TrainingRecord),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A partner client.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ambassador the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/ambassadors/{id}/training")]
pub async fn ambassador_training(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<TrainingRecord>, ApiError> {
    Ok(web::Json(
        usecases::training::training_record(&state, &principal, Some(*id)).await?,
    ))
}

/// The secret address of the logged-in ambassador's calendar feed: the course sessions they have
/// a place in (or are offered one), to subscribe to in Outlook, Google or Apple.
#[utoipa::path(
    operation_id = "getMyTrainingCalendarFeed",
    tag = "training",
    responses(
        (status = 200, description = "The feed's address.", body = CalendarFeed),
        (status = 403, description = "A partner client.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The caller is not an ambassador.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/training/calendar-feed")]
pub async fn my_training_feed(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<CalendarFeed>, ApiError> {
    let id = usecases::training::own_ambassador(&state, &principal).await?;
    super::lesson_schedule::feed_address(&state, FeedSubject::Ambassador(id)).await
}

/// One course session as an agenda item.
pub(crate) fn event(enrolment: &Enrolment) -> Event {
    let minutes = (enrolment.ends_at - enrolment.starts_at).num_minutes();
    Event {
        id: enrolment.id,
        starts: enrolment.date.and_time(enrolment.starts_at),
        minutes: u32::try_from(minutes).unwrap_or_default(),
        summary: enrolment.course_title.clone(),
        description: if enrolment.status == domain::training::EnrolmentStatus::Offered {
            "Plek aangeboden: neem hem aan op je trainingspagina.".to_owned()
        } else {
            "Je bent ingeschreven.".to_owned()
        },
        location: if enrolment.location.is_empty() {
            "Online".to_owned()
        } else {
            enrolment.location.clone()
        },
    }
}
