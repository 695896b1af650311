//! Writing dates and times into JSON without going through `Display` one character at a time.
//!
//! chrono serialises through `Display`, which serde_json escapes character by character; lists of
//! placements carry six such values per row, and profiles of the placement benchmark showed
//! it. These write the same text as chrono does (checked by the tests below) into a stack buffer
//! and hand serde one string. Anything unusual falls back to chrono.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc};
use serde::Serializer;

fn digits<const N: usize>(out: &mut [u8], mut value: u32) {
    for slot in out[..N].iter_mut().rev() {
        *slot = b'0' + (value % 10) as u8;
        value /= 10;
    }
}

fn write_date(out: &mut [u8], date: NaiveDate) {
    digits::<4>(&mut out[0..4], date.year() as u32);
    out[4] = b'-';
    digits::<2>(&mut out[5..7], date.month());
    out[7] = b'-';
    digits::<2>(&mut out[8..10], date.day());
}

fn write_time(out: &mut [u8], time: NaiveTime) {
    digits::<2>(&mut out[0..2], time.hour());
    out[2] = b':';
    digits::<2>(&mut out[3..5], time.minute());
    out[5] = b':';
    digits::<2>(&mut out[6..8], time.second());
}

fn as_str(bytes: &[u8]) -> &str {
    // Only ASCII digits and separators were written.
    std::str::from_utf8(bytes).unwrap_or_default()
}

/// `YYYY-MM-DD`, as chrono writes a `NaiveDate`.
pub fn date<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    if !(0..=9999).contains(&date.year()) {
        return serializer.collect_str(date);
    }
    let mut out = [0u8; 10];
    write_date(&mut out, *date);
    serializer.serialize_str(as_str(&out))
}

/// `HH:MM:SS`, as chrono writes a `NaiveTime` without fractions.
pub fn time<S: Serializer>(time: &NaiveTime, serializer: S) -> Result<S::Ok, S::Error> {
    if time.nanosecond() != 0 {
        return serializer.collect_str(time);
    }
    let mut out = [0u8; 8];
    write_time(&mut out, *time);
    serializer.serialize_str(as_str(&out))
}

/// RFC 3339 in UTC with `Z` and 0, 3, 6 or 9 fraction digits, as chrono's serde writes a
/// `DateTime<Utc>`.
pub fn instant<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    let nanos = at.nanosecond();
    if !(0..=9999).contains(&at.year()) || nanos >= 1_000_000_000 {
        return serde::Serialize::serialize(at, serializer);
    }
    let mut out = [0u8; 30];
    write_date(&mut out[0..10], at.date_naive());
    out[10] = b'T';
    write_time(&mut out[11..19], at.time());
    let mut len = 19;
    let (fraction, width) = match nanos {
        0 => (0, 0),
        n if n % 1_000_000 == 0 => (n / 1_000_000, 3),
        n if n % 1_000 == 0 => (n / 1_000, 6),
        n => (n, 9),
    };
    if width > 0 {
        out[len] = b'.';
        let digits_out = &mut out[len + 1..len + 1 + width];
        let mut value = fraction;
        for slot in digits_out.iter_mut().rev() {
            *slot = b'0' + (value % 10) as u8;
            value /= 10;
        }
        len += 1 + width;
    }
    out[len] = b'Z';
    serializer.serialize_str(as_str(&out[..=len]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Ours {
        #[serde(serialize_with = "date")]
        date: NaiveDate,
        #[serde(serialize_with = "time")]
        time: NaiveTime,
        #[serde(serialize_with = "instant")]
        at: DateTime<Utc>,
    }

    #[derive(Serialize)]
    struct Chronos {
        date: NaiveDate,
        time: NaiveTime,
        at: DateTime<Utc>,
    }

    #[test]
    fn the_text_is_exactly_what_chrono_writes() {
        let instants = [
            Utc.with_ymd_and_hms(2026, 11, 22, 20, 47, 55).unwrap(),
            Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).unwrap()
                + chrono::Duration::milliseconds(120),
            Utc.with_ymd_and_hms(2027, 2, 28, 23, 59, 59).unwrap()
                + chrono::Duration::microseconds(853_335),
            Utc.with_ymd_and_hms(2099, 12, 31, 9, 5, 7).unwrap() + chrono::Duration::nanoseconds(7),
            Utc.with_ymd_and_hms(2026, 7, 31, 12, 0, 0).unwrap()
                + chrono::Duration::microseconds(1_000),
        ];
        let times = [
            (8, 30, 0, 0),
            (0, 0, 0, 0),
            (23, 59, 59, 0),
            (15, 0, 0, 500_000_000),
        ];
        for at in instants {
            for (h, m, s, n) in times {
                let time = NaiveTime::from_hms_nano_opt(h, m, s, n).unwrap();
                let date = at.date_naive();
                let ours = serde_json::to_string(&Ours { date, time, at }).unwrap();
                let chronos = serde_json::to_string(&Chronos { date, time, at }).unwrap();
                assert_eq!(ours, chronos);
            }
        }
    }
}

/// A local date and time to the minute, `YYYY-MM-DDTHH:MM`, as an HTML `datetime-local` input
/// gives it. Reading also accepts seconds.
pub mod local_minute {
    use chrono::NaiveDateTime;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes `YYYY-MM-DDTHH:MM`.
    pub fn serialize<S: Serializer>(at: &NaiveDateTime, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&at.format("%Y-%m-%dT%H:%M"))
    }

    /// Reads `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<NaiveDateTime, D::Error> {
        let text = String::deserialize(deserializer)?;
        NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M")
            .or_else(|_| NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M:%S"))
            .map_err(|_| {
                serde::de::Error::custom(format!(
                    "'{text}' is not a date and time such as 2026-12-08T15:30"
                ))
            })
    }

    #[cfg(test)]
    mod tests {
        #[derive(serde::Serialize, serde::Deserialize)]
        struct At(#[serde(with = "super")] chrono::NaiveDateTime);

        #[test]
        fn minutes_round_trip_and_seconds_are_accepted() {
            let at: At = serde_json::from_str("\"2026-12-08T15:30\"").unwrap();
            assert_eq!(serde_json::to_string(&at).unwrap(), "\"2026-12-08T15:30\"");
            assert!(serde_json::from_str::<At>("\"2026-12-08T15:30:00\"").is_ok());
            assert!(serde_json::from_str::<At>("\"morgen\"").is_err());
        }
    }
}
