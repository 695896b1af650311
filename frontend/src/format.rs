//! Showing values the way Dutch readers expect them.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;
use wasm_bindgen::JsValue;

/// An instant as a Dutch date and time in Europe/Amsterdam, where the programme runs, whatever
/// the time zone of the computer: "3 nov 2026, 14:05".
pub fn format_instant(at: DateTime<Utc>) -> String {
    // The browser's Intl knows the Dutch calendar words and the Amsterdam daylight-saving rules,
    // which keeps a time zone database out of the wasm.
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let options = js_sys::Object::new();
    for (key, value) in [
        ("timeZone", "Europe/Amsterdam"),
        ("dateStyle", "medium"),
        ("timeStyle", "short"),
    ] {
        // Setting a property on a plain new object cannot fail.
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_string("nl-NL", &options).into()
}

/// Today's date on this computer's calendar. From the browser: chrono's clock is not wired to
/// JavaScript in this build. Only in the browser; host tests pass dates in.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        i32::try_from(now.get_full_year()).unwrap_or(2026),
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// The last eight hex digits of an id: enough to tell rows apart, short enough for a phone. Not
/// the first eight: those of a UUIDv7 are a timestamp, shared by everything made in the same
/// minute. The full id is in the element's title.
pub fn short_id(id: &Uuid) -> String {
    let hex = id.simple().to_string();
    hex[hex.len() - 8..].to_owned()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_short_id_is_the_random_end_of_the_id() {
        let id = Uuid::parse_str("0192f1c3-7b2a-7c4d-8e5f-0000a1b2c3d4").unwrap();
        assert_eq!(short_id(&id), "a1b2c3d4");
    }
}
