//! Trainingen (`/trainingen`): for an ambassador, their enrolments and progress and the courses
//! to enrol in, on a phone; for programme staff, the courses with their sessions, who is in each
//! and who waits, attendance, and forms for new courses and sessions.

mod mine;
mod staff;

use domain::Role;
use domain::contract::{CourseSession, Enrolment};
use domain::training::EnrolmentStatus;
use yew::prelude::*;

use crate::app::Session;
use crate::hooks::{use_texts, use_title};
use crate::i18n::{Texts, fill};

pub use self::mine::{OfferedPlaces, TrainingProgress};

#[derive(Properties, PartialEq)]
pub struct TrainingProps {
    pub session: Session,
}

#[component]
pub fn TrainingPage(props: &TrainingProps) -> Html {
    let texts = use_texts();
    use_title(texts.training().menu);
    let staff = props
        .session
        .me
        .memberships
        .iter()
        .any(|m| m.role == Role::ProgrammeAdmin);
    html! {
        <section id="training" class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ texts.training().menu }</h1>
            if staff {
                <p class="lead">{ texts.training().intro_staff }</p>
                <staff::StaffTraining api={props.session.api.clone()} />
            } else {
                <p class="lead">{ texts.training().intro_ambassador }</p>
                <mine::MyTraining api={props.session.api.clone()} />
            }
        </section>
    }
}

/// A session's day and times: "do 17 dec. 2026", "12:00–15:00".
fn when(texts: &'static Texts, session: &CourseSession) -> (String, String) {
    (
        texts.dates.date(session.date),
        format!(
            "{}–{}",
            session.starts_at.format("%H:%M"),
            session.ends_at.format("%H:%M")
        ),
    )
}

/// Where a session is.
fn place(texts: &'static Texts, location: &str) -> String {
    if location.is_empty() {
        texts.training().online.to_owned()
    } else {
        location.to_owned()
    }
}

/// An enrolment's status as a badge, with the place in line or the offer's deadline.
fn status_badge(texts: &'static Texts, enrolment: &Enrolment) -> Html {
    let t = texts.training();
    let class = match enrolment.status {
        EnrolmentStatus::Enrolled => "status status-open",
        EnrolmentStatus::Waiting => "status status-draft",
        EnrolmentStatus::Offered => "status status-proposed",
        EnrolmentStatus::Cancelled | EnrolmentStatus::Lapsed => "status status-closed",
    };
    let extra = match (
        enrolment.status,
        enrolment.position,
        enrolment.offered_until,
    ) {
        (EnrolmentStatus::Waiting, Some(position), _) => {
            Some(fill(t.position, &[("position", &position.to_string())]))
        }
        (EnrolmentStatus::Offered, _, Some(until)) => Some(fill(
            t.offered_until,
            &[("until", &texts.dates.instant(until))],
        )),
        _ => None,
    };
    html! {
        <>
            <span class={class} data-status={enrolment.status.as_str()}>{ t.status(enrolment.status) }</span>
            if let Some(extra) = extra {
                <p class="muted status-reason">{ extra }</p>
            }
        </>
    }
}

/// The places of a session in words.
fn places(texts: &'static Texts, session: &CourseSession) -> String {
    fill(
        texts.training().places,
        &[
            ("held", &session.held.to_string()),
            ("capacity", &session.capacity.to_string()),
            ("waiting", &session.waiting.to_string()),
        ],
    )
}
