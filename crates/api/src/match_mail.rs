//! The e-mails of a match's life: proposed, the introduction meeting planned (with the
//! meeting as a calendar file), confirmed by both sides, declined, ended. Each goes to the
//! ambassador and to the school's director and coordinators, in Dutch with "je", each with a
//! link to the page where they act: the ambassador's Mijn plek, the school's Kandidaten.

use domain::contract::{Match, Meeting};
use domain::date_words::DUTCH;
use domain::matching::dutch_weekday;

use crate::mail::{Mailer, Message};

/// Who a message of a match is for: the ambassador, or someone at the school.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// The ambassador of the match.
    Ambassador,
    /// The school's director or a coordinator.
    School,
}

/// What happened to the match.
#[derive(Debug, Clone, PartialEq)]
pub enum Event<'a> {
    /// The programme proposed the ambassador for the school's spot.
    Proposed,
    /// The introduction meeting was planned.
    MeetingPlanned(&'a Meeting),
    /// Both sides confirmed.
    Confirmed,
    /// One side declined, with the reason.
    Declined(&'a str),
    /// The match ended, with the reason.
    Ended(&'a str),
}

impl Event<'_> {
    /// The outbox kind.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::Proposed => "match.proposed",
            Event::MeetingPlanned(_) => "match.meeting_planned",
            Event::Confirmed => "match.confirmed",
            Event::Declined(_) => "match.declined",
            Event::Ended(_) => "match.ended",
        }
    }
}

/// The message about `event` of match `m` to `name` at `to`.
pub fn message(
    mailer: &Mailer,
    reader: Reader,
    to: &str,
    name: &str,
    m: &Match,
    event: &Event<'_>,
) -> Message {
    let school = &m.placement.school_name;
    let ambassador = &m.ambassador.name;
    let day = dutch_weekday(m.placement.weekday);
    let link = match reader {
        Reader::Ambassador => mailer.link("/mijn-plek"),
        Reader::School => mailer.link("/kandidaten"),
    };
    let placement = match reader {
        Reader::Ambassador => format!("Je plaatsing bij {school}"),
        Reader::School => format!("De plaatsing van {ambassador} bij jullie"),
    };
    let (subject, what) = match (event, reader) {
        (Event::Proposed, Reader::Ambassador) => (
            format!("Je bent voorgesteld voor een plek bij {school}"),
            format!(
                "Het programma stelt je voor als onderwijsambassadeur bij {school} in {}, op {day}. \
                 De school nodigt je uit voor een kennismakingsgesprek; daarna bevestigen jullie \
                 allebei.",
                m.placement.municipality
            ),
        ),
        (Event::Proposed, Reader::School) => (
            format!("{ambassador} is voorgesteld voor jullie plek"),
            format!(
                "Het programma stelt {ambassador} voor als onderwijsambassadeur voor jullie plek \
                 op {day}. Plan een kennismakingsgesprek; na het gesprek bevestigen jullie allebei."
            ),
        ),
        (Event::MeetingPlanned(meeting), _) => (
            format!("Kennismaking {ambassador} en {school}"),
            format!(
                "{} is gepland op {} om {}, {}. De afspraak zit als agenda-bestand bij deze e-mail.",
                match reader {
                    Reader::Ambassador => format!("Je kennismakingsgesprek met {school}"),
                    Reader::School => format!("Het kennismakingsgesprek met {ambassador}"),
                },
                DUTCH.day(meeting.at.date()),
                meeting.at.format("%H:%M"),
                meeting.place
            ),
        ),
        (Event::Confirmed, _) => (
            format!("Bevestigd: {ambassador} bij {school}"),
            match reader {
                Reader::Ambassador => {
                    format!(
                        "Beide kanten hebben bevestigd: je komt op {day} naar {school}. Welkom!"
                    )
                }
                Reader::School => format!(
                    "Beide kanten hebben bevestigd: {ambassador} komt op {day} naar jullie school."
                ),
            },
        ),
        (Event::Declined(reason), _) => (
            format!("Gaat niet door: {ambassador} bij {school}"),
            format!("{placement} gaat niet door. De reden: {reason}"),
        ),
        (Event::Ended(reason), _) => (
            format!("Beëindigd: {ambassador} bij {school}"),
            format!("{placement} is beëindigd. De reden: {reason}"),
        ),
    };
    Message {
        to: to.to_owned(),
        subject,
        body: format!("Beste {name},\n\n{what}\n\nBekijk het hier:\n{link}\n\nKlasbrug"),
    }
}

/// The meeting as a calendar file, to attach to the message that plans it.
pub fn meeting_file(
    m: &Match,
    meeting: &Meeting,
    stamp: chrono::DateTime<chrono::Utc>,
) -> store::Attachment {
    let event = domain::icalendar::Event {
        id: m.id,
        starts: meeting.at,
        minutes: 60,
        summary: format!(
            "Kennismaking {} en {}",
            m.ambassador.name, m.placement.school_name
        ),
        description: "Kennismakingsgesprek van de onderwijsambassadeur met de school (Klasbrug)."
            .to_owned(),
        location: meeting.place.clone(),
    };
    store::Attachment {
        name: "kennismaking.ics".to_owned(),
        content_type: "text/calendar; charset=utf-8; method=PUBLISH".to_owned(),
        bytes: domain::icalendar::single(&event, stamp).into_bytes(),
    }
}
