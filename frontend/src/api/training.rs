//! Courses, their sessions, enrolments with a waiting list, and attendance.

use domain::contract::{
    AdmissionInput, AttendanceInput, CalendarFeed, Course, CourseInput, CourseSession,
    CourseSessionInput, Enrolment, EnrolmentInput, TrainingRecord,
};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{Api, ApiError};

/// Every course with its sessions.
pub async fn courses(api: &Api) -> Result<Vec<Course>, ApiError> {
    api.get("/courses", &[]).await
}

/// Creates a course (programme staff).
pub async fn create_course(api: &Api, input: &CourseInput) -> Result<Course, ApiError> {
    api.post("/courses", input).await
}

/// Adds a session to a course (programme staff).
pub async fn add_session(
    api: &Api,
    course: Uuid,
    input: &CourseSessionInput,
) -> Result<CourseSession, ApiError> {
    api.post(&format!("/courses/{course}/sessions"), input)
        .await
}

/// Admits an ambassador to a course after its intake (programme staff).
pub async fn admit(api: &Api, course: Uuid, ambassador_id: Uuid) -> Result<(), ApiError> {
    api.request(
        Method::POST,
        &format!("/courses/{course}/admissions"),
        &[],
        Some(&AdmissionInput { ambassador_id }),
    )
    .await
}

/// A session's enrolments (programme staff).
pub async fn session_enrolments(api: &Api, session: Uuid) -> Result<Vec<Enrolment>, ApiError> {
    api.get(&format!("/course-sessions/{session}/enrolments"), &[])
        .await
}

/// Enrols the logged-in ambassador, or (programme staff) the one named.
pub async fn enrol(
    api: &Api,
    session: Uuid,
    input: &EnrolmentInput,
) -> Result<Enrolment, ApiError> {
    api.post(&format!("/course-sessions/{session}/enrolments"), input)
        .await
}

/// Records attendance (programme staff).
pub async fn record_attendance(
    api: &Api,
    session: Uuid,
    input: &AttendanceInput,
) -> Result<Vec<Enrolment>, ApiError> {
    api.put(&format!("/course-sessions/{session}/attendance"), input)
        .await
}

/// Cancels an enrolment.
pub async fn cancel(api: &Api, enrolment: Uuid) -> Result<Enrolment, ApiError> {
    api.request::<(), Enrolment>(
        Method::POST,
        &format!("/enrolments/{enrolment}/cancel"),
        &[],
        None,
    )
    .await
}

/// Takes an offered place.
pub async fn accept(api: &Api, enrolment: Uuid) -> Result<Enrolment, ApiError> {
    api.request::<(), Enrolment>(
        Method::POST,
        &format!("/enrolments/{enrolment}/accept"),
        &[],
        None,
    )
    .await
}

/// The logged-in ambassador's courses and enrolments.
pub async fn my_training(api: &Api) -> Result<TrainingRecord, ApiError> {
    api.get("/me/training", &[]).await
}

/// An ambassador's courses and enrolments (programme staff).
pub async fn ambassador_training(api: &Api, ambassador: Uuid) -> Result<TrainingRecord, ApiError> {
    api.get(&format!("/ambassadors/{ambassador}/training"), &[])
        .await
}

/// The address of the logged-in ambassador's calendar feed of sessions.
pub async fn my_training_feed(api: &Api) -> Result<CalendarFeed, ApiError> {
    api.get("/me/training/calendar-feed", &[]).await
}
