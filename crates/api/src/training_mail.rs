//! The e-mails about courses: a freed place offered to the first on the waiting list, and a
//! reminder the day before a session.

use chrono::{DateTime, Utc};
use domain::contract::Enrolment;
use domain::date_words::DUTCH;

use crate::mail::{Mailer, Message};

/// To the ambassador first on a session's waiting list: a place came free, and is theirs if
/// they take it before `until`; after that it passes to the next.
pub fn place_offered(
    mailer: &Mailer,
    to: &str,
    name: &str,
    enrolment: &Enrolment,
    until: DateTime<Utc>,
) -> Message {
    Message {
        to: to.to_owned(),
        subject: format!("Er is een plek vrij: {}", enrolment.course_title),
        body: format!(
            "Beste {name},\n\n\
             Er is een plek vrijgekomen in {course} op {day}, {from}–{to_time} ({place}). \
             Je stond als eerste op de wachtlijst, dus de plek is voor jou als je hem aanneemt \
             vóór {until}. Daarna gaat hij naar de volgende op de lijst.\n\n\
             Neem de plek aan op je trainingspagina:\n{link}\n\nKlasbrug",
            course = enrolment.course_title,
            day = DUTCH.date(enrolment.date),
            from = enrolment.starts_at.format("%H:%M"),
            to_time = enrolment.ends_at.format("%H:%M"),
            place = if enrolment.location.is_empty() {
                "online"
            } else {
                enrolment.location.as_str()
            },
            until = DUTCH.instant(until),
            link = mailer.link("/trainingen"),
        ),
    }
}

/// To an ambassador with a place in a session tomorrow: when and where, and how to cancel.
pub fn session_tomorrow(mailer: &Mailer, to: &str, name: &str, enrolment: &Enrolment) -> Message {
    Message {
        to: to.to_owned(),
        subject: format!("Morgen: {}", enrolment.course_title),
        body: format!(
            "Beste {name},\n\n\
             Morgen, {day}, is {course} van {from} tot {to_time} ({place}). Tot dan!\n\n\
             Kun je toch niet? Meld je dan af op je trainingspagina, zodat de plek naar de \
             volgende op de wachtlijst kan:\n{link}\n\nKlasbrug",
            course = enrolment.course_title,
            day = DUTCH.date(enrolment.date),
            from = enrolment.starts_at.format("%H:%M"),
            to_time = enrolment.ends_at.format("%H:%M"),
            place = if enrolment.location.is_empty() {
                "online"
            } else {
                enrolment.location.as_str()
            },
            link = mailer.link("/trainingen"),
        ),
    }
}
