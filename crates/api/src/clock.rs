//! The application's clock. Handlers and use cases ask it for "now" and "today" instead of the
//! system, so a test (or a demo) can start the server on a chosen date and every rule that
//! depends on the date behaves as it would on that day, whatever the real date is.

use chrono::{DateTime, NaiveDate, Utc};

pub use store::Clock;

/// Reads `KLASBRUG_CLOCK_START`: an RFC 3339 instant (`2026-11-20T09:00:00Z`) or a date
/// (`2026-11-20`, meaning 09:00 in Amsterdam that day).
pub fn parse_start(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(at.with_timezone(&Utc));
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    // 08:00 UTC is 09:00 or 10:00 in Amsterdam: the same calendar day all year.
    Some(date.and_hms_opt(8, 0, 0)?.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clock_started_on_a_date_reads_that_date_and_runs_on() {
        let clock = Clock::starting_at(parse_start("2026-11-20").unwrap());
        assert_eq!(
            clock.today(),
            NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
        );
        let first = clock.now();
        let second = clock.now();
        assert!(second >= first);
        assert!(
            (first - parse_start("2026-11-20").unwrap())
                .num_seconds()
                .abs()
                < 60
        );
    }

    #[test]
    fn the_start_is_an_instant_or_a_date() {
        assert_eq!(
            parse_start("2027-02-01T23:30:00Z").map(domain::local_date::amsterdam_date),
            NaiveDate::from_ymd_opt(2027, 2, 2)
        );
        assert!(parse_start("gisteren").is_none());
        assert!(parse_start("2026-13-01").is_none());
    }

    #[test]
    fn the_system_clock_reads_the_real_date() {
        let real = domain::local_date::amsterdam_date(Utc::now());
        let read = Clock::system().today();
        assert!((read - real).num_days().abs() <= 1);
    }
}
