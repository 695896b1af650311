//! The application's clock. The server and the store ask it for "now" and "today" instead of
//! the system, so a test (or a demo) can start the server on a chosen date and every rule and
//! every recorded instant behaves as it would on that day, whatever the real date is.

use chrono::{DateTime, NaiveDate, SubsecRound, TimeDelta, Utc};

/// The instant the application believes it is. Time runs on at the real pace from the chosen
/// start, so instants written one after the other stay in order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clock {
    offset: TimeDelta,
}

impl Clock {
    /// The system's own time.
    pub fn system() -> Self {
        Self::default()
    }

    /// A clock that reads `start` now and runs on from there.
    pub fn starting_at(start: DateTime<Utc>) -> Self {
        Self {
            offset: start - Utc::now(),
        }
    }

    /// The current instant, at the microsecond precision both databases store.
    pub fn now(&self) -> DateTime<Utc> {
        (Utc::now() + self.offset).trunc_subsecs(6)
    }

    /// The calendar day in Amsterdam, where the programme's days begin and end.
    pub fn today(&self) -> NaiveDate {
        domain::local_date::amsterdam_date(self.now())
    }
}
