//! Showing values the way Dutch readers expect them. Dates are not here: every page writes them
//! with `texts.dates` ([`domain::date_words`]), the one style the e-mails use too.

use chrono::NaiveDate;
use domain::money::{Cents, format_euro};
use uuid::Uuid;

thread_local! {
    /// The programme's today as the server last said (`Me::today`).
    static SERVER_TODAY: std::cell::Cell<Option<NaiveDate>> = const { std::cell::Cell::new(None) };
}

/// Remembers the programme's today from the server, which every later `today()` returns.
pub fn set_today(date: NaiveDate) {
    SERVER_TODAY.with(|today| today.set(Some(date)));
}

/// The programme's today: the server's (learnt with the logged-in person) so that a form never
/// proposes a date the server calls the future, whatever this device's calendar says; before
/// anyone has logged in, this computer's calendar. Only in the browser; host tests pass dates in.
pub fn today() -> NaiveDate {
    if let Some(date) = SERVER_TODAY.with(std::cell::Cell::get) {
        return date;
    }
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

/// An amount typed in euros the Dutch way, as exact cents: `5,60`, `2.100,00`, `160`, `€ 159,99`.
/// A dot followed by one or two digits, with no comma, is read as a decimal point (`5.60`);
/// otherwise dots group thousands and must be followed by three digits. Never a float: caps are
/// checked to the cent. `None` for anything else, negative amounts included.
pub fn parse_euros(text: &str) -> Option<Cents> {
    let text = text.trim();
    let text = text
        .strip_prefix("EUR")
        .or_else(|| text.strip_prefix('€'))
        .unwrap_or(text)
        .trim();
    let (whole, fraction) = match text.split_once(',') {
        Some((_, "")) => return None,
        Some(parts) => parts,
        None => match text.rsplit_once('.') {
            Some((whole, fraction))
                if (1..=2).contains(&fraction.len()) && !whole.contains('.') =>
            {
                (whole, fraction)
            }
            _ => (text, ""),
        },
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let mut groups = whole.split('.');
    let first = groups.next()?;
    let mut euros = String::from(first);
    let grouped = whole.contains('.');
    if !digits(first) || (grouped && first.len() > 3) {
        return None;
    }
    for group in groups {
        if group.len() != 3 || !digits(group) {
            return None;
        }
        euros.push_str(group);
    }
    if fraction.len() > 2 || !(fraction.is_empty() || digits(fraction)) {
        return None;
    }
    let euros: i64 = euros.parse().ok()?;
    let cents: i64 = format!("{fraction:0<2}").parse().ok()?;
    euros.checked_mul(100)?.checked_add(cents).map(Cents)
}

/// An amount as it is typed back into an input: `160,00`, `2.100,00`.
pub fn euros_input(amount: Cents) -> String {
    format_euro(amount).trim_start_matches("EUR ").to_owned()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn euros_are_read_the_dutch_way_to_the_cent() {
        let cases = [
            ("5,60", 560),
            ("3,30", 330),
            ("210,00", 21_000),
            ("2.100,00", 210_000),
            ("159,99", 15_999),
            ("160", 16_000),
            ("160,5", 16_050),
            ("0,01", 1),
            (" € 12,50 ", 1_250),
            ("EUR 2.100,00", 210_000),
            ("5.60", 560),
            ("2.100", 210_000),
            ("1.234.567,89", 123_456_789),
            // What a float would get wrong.
            ("0,29", 29),
            ("1,13", 113),
        ];
        for (text, cents) in cases {
            assert_eq!(parse_euros(text), Some(Cents(cents)), "{text}");
        }
    }

    #[test]
    fn anything_but_an_amount_in_euros_is_refused() {
        for text in [
            "",
            "  ",
            "vijf",
            "5,601",
            "-5,00",
            "5,-",
            "2.10,00",
            "21.00.00",
            "1,2,3",
            "12345.678",
            ",50",
            "5,",
            "5 60",
            "99999999999999999999",
        ] {
            assert_eq!(parse_euros(text), None, "{text:?}");
        }
    }

    #[test]
    fn an_amount_is_typed_back_as_it_is_read() {
        for cents in [0, 1, 15_999, 16_000, 210_000] {
            let text = euros_input(Cents(cents));
            assert_eq!(parse_euros(&text), Some(Cents(cents)), "{text}");
        }
        assert_eq!(euros_input(Cents(210_000)), "2.100,00");
    }

    #[test]
    fn a_short_id_is_the_random_end_of_the_id() {
        let id = Uuid::parse_str("0192f1c3-7b2a-7c4d-8e5f-0000a1b2c3d4").unwrap();
        assert_eq!(short_id(&id), "a1b2c3d4");
    }
}
