//! Lessons as an iCalendar feed (RFC 5545), so teachers can subscribe in their own agenda.
//!
//! Times are local school times in Europe/Amsterdam, written with a `TZID` and the zone's
//! definition (`VTIMEZONE`, with the EU summer-time rule) so every client shows the same hour.
//! Lines end in CRLF and are folded at 75 octets; text values are escaped.

use std::fmt::Write;

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use uuid::Uuid;

/// The media type of a feed.
pub const MEDIA_TYPE: &str = "text/calendar; charset=utf-8";

/// How often clients should fetch a feed again.
const REFRESH: &str = "PT1H";

const TIME_ZONE: &str = "Europe/Amsterdam";

/// Europe/Amsterdam since 1996: CET, and CEST from the last Sunday of March 02:00 to the last
/// Sunday of October 03:00.
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Amsterdam",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// One lesson in a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stable across fetches, so a moved lesson moves in the agenda instead of doubling.
    pub id: Uuid,
    /// When it starts, local time in Europe/Amsterdam.
    pub starts: NaiveDateTime,
    /// How long it takes.
    pub minutes: u32,
    /// The title in the agenda.
    pub summary: String,
    /// More about it.
    pub description: String,
    /// Where: the school.
    pub location: String,
}

/// The feed named `name` with `events`, written at `stamp`.
pub fn feed(name: &str, events: &[Event], stamp: DateTime<Utc>) -> String {
    let mut out = String::new();
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    let mut line = |text: &str| fold_into(&mut out, text);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Klasbrug//Lessenseries//NL");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape(name)));
    line(&format!("X-WR-TIMEZONE:{TIME_ZONE}"));
    line(&format!("REFRESH-INTERVAL;VALUE=DURATION:{REFRESH}"));
    line(&format!("X-PUBLISHED-TTL:{REFRESH}"));
    for zone_line in VTIMEZONE {
        line(zone_line);
    }
    for event in events {
        write_event(&mut line, event, &stamp);
    }
    line("END:VCALENDAR");
    out
}

/// One event to send along with an e-mail (an introduction meeting), as a calendar file a
/// mail client offers to add to the agenda.
pub fn single(event: &Event, stamp: DateTime<Utc>) -> String {
    let mut out = String::new();
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    let mut line = |text: &str| fold_into(&mut out, text);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Klasbrug//Afspraken//NL");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    for zone_line in VTIMEZONE {
        line(zone_line);
    }
    write_event(&mut line, event, &stamp);
    line("END:VCALENDAR");
    out
}

fn write_event(line: &mut impl FnMut(&str), event: &Event, stamp: &str) {
    let ends = event.starts + TimeDelta::minutes(i64::from(event.minutes));
    line("BEGIN:VEVENT");
    line(&format!("UID:{}@klasbrug", event.id));
    line(&format!("DTSTAMP:{stamp}"));
    line(&format!("DTSTART;TZID={TIME_ZONE}:{}", local(event.starts)));
    line(&format!("DTEND;TZID={TIME_ZONE}:{}", local(ends)));
    line(&format!("SUMMARY:{}", escape(&event.summary)));
    if !event.description.is_empty() {
        line(&format!("DESCRIPTION:{}", escape(&event.description)));
    }
    line(&format!("LOCATION:{}", escape(&event.location)));
    line("END:VEVENT");
}

fn local(at: NaiveDateTime) -> String {
    at.format("%Y%m%dT%H%M%S").to_string()
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` with CRLF, folded so no line is longer than 75 octets (§3.1), never inside
/// a UTF-8 character.
fn fold_into(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    let _ = out.write_str("\r\n");
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn event(summary: &str) -> Event {
        Event {
            id: Uuid::nil(),
            starts: NaiveDate::from_ymd_opt(2026, 12, 2)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap(),
            minutes: 75,
            summary: summary.into(),
            description: "Groep 6, les 2\nMateriaal: karton, lijm".into(),
            location: "Basisschool De Zeester".into(),
        }
    }

    fn stamp() -> DateTime<Utc> {
        DateTime::from_timestamp(1_795_000_000, 0).unwrap()
    }

    #[test]
    fn a_single_event_is_a_calendar_of_one_with_the_zone() {
        let text = single(&event("Kennismaking"), stamp());
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
        assert!(text.contains("\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n"));
        assert!(text.contains("\r\nDTSTART;TZID=Europe/Amsterdam:20261202T090000\r\n"));
        assert!(!text.contains("X-WR-CALNAME"), "not a feed");
    }

    #[test]
    fn an_event_has_local_times_with_the_zone_and_escaped_text() {
        let text = feed("Lessen", &[event("Bruggen; bouwen, les 2")], stamp());
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(text.contains("\r\nDTSTART;TZID=Europe/Amsterdam:20261202T090000\r\n"));
        assert!(text.contains("\r\nDTEND;TZID=Europe/Amsterdam:20261202T101500\r\n"));
        assert!(text.contains("\r\nSUMMARY:Bruggen\\; bouwen\\, les 2\r\n"));
        assert!(text.contains("\r\nDESCRIPTION:Groep 6\\, les 2\\nMateriaal: karton\\, lijm\r\n"));
        assert!(text.contains("\r\nUID:00000000-0000-0000-0000-000000000000@klasbrug\r\n"));
        assert!(text.contains("\r\nTZID:Europe/Amsterdam\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "bare newlines");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let title = "Ruimtevaart en zwaartekracht ontdekken met groep acht – ".repeat(4) + "ééé";
        let text = feed("Lessen", &[event(&title)], stamp());
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{title}")));
    }

    #[test]
    fn a_feed_without_lessons_is_still_a_calendar() {
        let text = feed("Leeg", &[], stamp());
        assert!(!text.contains("BEGIN:VEVENT"));
        assert!(text.contains("X-WR-CALNAME:Leeg\r\n"));
    }
}
