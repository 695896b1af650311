//! The e-mails of reviews: an ambassador hears that a day's hours were rejected and why, and
//! what became of a lesson series they handed in; the school's coordinators hear that a series
//! waits for them. In Dutch with "je", each with a link to the page where the reader acts.

use domain::contract::{HourEntry, LessonSeries, ScheduledLesson};
use domain::date_words::DUTCH;

use crate::mail::{Mailer, Message};

/// To the ambassador: the hours of `entry` were rejected because of `reason`.
pub fn hours_rejected(
    mailer: &Mailer,
    to: &str,
    name: &str,
    entry: &HourEntry,
    reason: &str,
) -> Message {
    let day = DUTCH.day(entry.date);
    Message {
        to: to.to_owned(),
        subject: format!("Je uren van {day} zijn afgekeurd"),
        body: format!(
            "Beste {name},\n\n{school} keurde de uren af die je voor {day} schreef. De reden: \
             {reason}\n\nKlopt er iets niet? Schrijf de dag opnieuw, met wat er wel klopt:\n{link}\n\nKlasbrug",
            school = entry.school_name,
            link = mailer.link("/mijn-uren"),
        ),
    }
}

/// To a coordinator: `series` was handed in and waits for their review.
pub fn series_submitted(mailer: &Mailer, to: &str, name: &str, series: &LessonSeries) -> Message {
    Message {
        to: to.to_owned(),
        subject: format!("Lessenserie om te beoordelen: {}", series.content.title),
        body: format!(
            "Beste {name},\n\n{ambassador} heeft de lessenserie \"{title}\" ingediend. Keur hem \
             goed of vraag om aanpassingen:\n{link}\n\nKlasbrug",
            ambassador = series.ambassador_name,
            title = series.content.title,
            link = mailer.link(&format!("/lessenseries/{}", series.id)),
        ),
    }
}

/// To the ambassador: the review of `series` asks for changes (`comment`).
pub fn series_changes_requested(
    mailer: &Mailer,
    to: &str,
    name: &str,
    series: &LessonSeries,
    comment: &str,
) -> Message {
    Message {
        to: to.to_owned(),
        subject: format!("Graag aanpassen: {}", series.content.title),
        body: format!(
            "Beste {name},\n\nDe school vraagt je de lessenserie \"{title}\" aan te passen:\n\n\
             {comment}\n\nPas hem aan en dien hem opnieuw in:\n{link}\n\nKlasbrug",
            title = series.content.title,
            link = mailer.link(&format!("/lessenseries/{}", series.id)),
        ),
    }
}

/// To the ambassador: `series` was approved.
pub fn series_approved(mailer: &Mailer, to: &str, name: &str, series: &LessonSeries) -> Message {
    Message {
        to: to.to_owned(),
        subject: format!("Goedgekeurd: {}", series.content.title),
        body: format!(
            "Beste {name},\n\nDe lessenserie \"{title}\" is goedgekeurd. Plan de lessen in op je \
             schooldagen:\n{link}\n\nKlasbrug",
            title = series.content.title,
            link = mailer.link("/mijn-lessen"),
        ),
    }
}

/// To the ambassador: the lessons of `series` for one group have dates now, listed and attached
/// as a calendar file (`lessen.ics`) to put in their agenda.
pub fn lessons_planned(
    mailer: &Mailer,
    to: &str,
    name: &str,
    series: &LessonSeries,
    lessons: &[&ScheduledLesson],
    stamp: chrono::DateTime<chrono::Utc>,
) -> (Message, store::Attachment) {
    let group = lessons
        .first()
        .map(|l| l.group.to_string())
        .unwrap_or_default();
    let list: Vec<String> = lessons
        .iter()
        .map(|l| {
            format!(
                "- {} {}: les {}, {}",
                DUTCH.day(l.date),
                l.starts_at.format("%H:%M"),
                l.lesson,
                l.lesson_title
            )
        })
        .collect();
    let message = Message {
        to: to.to_owned(),
        subject: format!("Ingepland: {} voor {group}", series.content.title),
        body: format!(
            "Beste {name},\n\nDe lessen van je lessenserie \"{title}\" voor {group} op {school} \
             zijn ingepland:\n{list}\n\nIn de bijlage staan ze als agenda-afspraken. Bekijk de serie \
             hier:\n{link}\n\nKlasbrug",
            title = series.content.title,
            school = series.school_name,
            list = list.join("\n"),
            link = mailer.link(&format!("/lessenseries/{}", series.id)),
        ),
    };
    let events: Vec<domain::icalendar::Event> = lessons
        .iter()
        .map(|lesson| {
            crate::routes::lesson_schedule::event(
                lesson,
                &series.school_name,
                std::slice::from_ref(series),
            )
        })
        .collect();
    let name = format!("{} ({group})", series.content.title);
    let attachment = store::Attachment {
        name: "lessen.ics".to_owned(),
        content_type: "text/calendar; charset=utf-8; method=PUBLISH".to_owned(),
        bytes: domain::icalendar::feed(&name, &events, stamp).into_bytes(),
    };
    (message, attachment)
}
