//! What the employer page's sections share: loading a list that is loaded again after a change,
//! the form fields, and reading hours typed the Dutch way.

use std::future::Future;
use std::rc::Rc;

use domain::contract::FieldError;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::ApiError;
use crate::components::{FormField, described_by};
use crate::i18n::SponsorshipTexts;

/// Something loaded from the server, and the way to load it again.
pub struct Loaded<T: 'static> {
    /// Nothing yet, or the last answer. A reload keeps the last answer on screen until the new
    /// one arrives.
    pub state: UseStateHandle<Option<Result<T, ApiError>>>,
    pub reload: Callback<()>,
}

/// Loads with `fetch(key)` when shown, again on `reload` and whenever `key` changes. An answer
/// older than a newer request is dropped. `fetch` is taken from the first render: the sections
/// are keyed by their employer, so what it captures does not change; what does is in `key`.
#[hook]
pub fn use_loaded<T, K, F, Fut>(key: K, fetch: F) -> Loaded<T>
where
    T: 'static,
    K: PartialEq + Clone + 'static,
    F: Fn(K) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let state = use_state(|| None::<Result<T, ApiError>>);
    let round = use_state(|| 0_u32);
    let latest = use_mut_ref(|| 0_u64);
    let fetch = use_memo((), move |_| Rc::new(fetch));
    {
        let (state, latest, fetch) = (state.clone(), latest.clone(), (*fetch).clone());
        use_effect_with((key, *round), move |(key, _)| {
            *latest.borrow_mut() += 1;
            let mine = *latest.borrow();
            let answer = fetch(key.clone());
            spawn_local(async move {
                let result = answer.await;
                if *latest.borrow() == mine {
                    state.set(Some(result));
                }
            });
        });
    }
    let reload = Callback::from(move |()| round.set(*round + 1));
    Loaded { state, reload }
}

/// Minutes from hours typed the Dutch way: `8`, `7,5`, `7.5`, `1,25`. `None` for anything else,
/// negative numbers and parts of a minute included.
pub fn parse_hours(text: &str) -> Option<u32> {
    let text = text.trim();
    let (whole, fraction) = match text.split_once([',', '.']) {
        Some((_, "")) => return None,
        Some(parts) => parts,
        None => (text, ""),
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || whole.len() > 5 {
        return None;
    }
    if !fraction.is_empty() && (!digits(fraction) || fraction.len() > 2) {
        return None;
    }
    let hours: u32 = whole.parse().ok()?;
    let scale = 10_u32.pow(u32::try_from(fraction.len()).ok()?);
    let part: u32 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().ok()?
    };
    let sixtieths = part * 60;
    if !sixtieths.is_multiple_of(scale) {
        return None;
    }
    hours.checked_mul(60)?.checked_add(sixtieths / scale)
}

/// Messages by field name, for the fields the server refused.
pub fn server_messages(t: &SponsorshipTexts, errors: &[FieldError]) -> Vec<(String, &'static str)> {
    let mut messages: Vec<(String, &'static str)> = Vec::new();
    for error in errors {
        if !messages.iter().any(|(field, _)| *field == error.field) {
            messages.push((error.field.clone(), t.field_message(&error.field)));
        }
    }
    messages
}

/// The message of `field` among `messages`.
pub fn message_of(messages: &[(String, &'static str)], field: &str) -> Option<AttrValue> {
    messages
        .iter()
        .find(|(f, _)| f == field)
        .map(|(_, message)| AttrValue::from(*message))
}

/// A labelled text input with its hint and message; `kind` is the input's type.
#[allow(clippy::too_many_arguments)] // one call per field reads better than a builder
pub fn text_field(
    id: &str,
    label: &'static str,
    hint: Option<&'static str>,
    kind: &'static str,
    value: &str,
    error: Option<AttrValue>,
    autocomplete: &'static str,
    oninput: Callback<InputEvent>,
) -> Html {
    let inputmode = match kind {
        "decimal" => Some("decimal"),
        _ => None,
    };
    let kind = if kind == "decimal" { "text" } else { kind };
    html! {
        <FormField id={id.to_owned()} {label} hint={hint.map(AttrValue::from)} error={error.clone()}>
            <input id={id.to_owned()} type={kind} {inputmode} {autocomplete} value={value.to_owned()}
                {oninput}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={described_by(id, hint.is_some(), error.is_some())} />
        </FormField>
    }
}

/// A labelled select of `(value, label, selected)` options.
pub fn select_field(
    id: &str,
    label: &'static str,
    options: Vec<(String, String, bool)>,
    error: Option<AttrValue>,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <FormField id={id.to_owned()} {label} error={error.clone()}>
            <select id={id.to_owned()} {onchange}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={described_by(id, false, error.is_some())}>
                { for options.into_iter().map(|(value, label, selected)| html! {
                    <option {value} {selected}>{ label }</option>
                }) }
            </select>
        </FormField>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_read_the_dutch_way_to_the_minute() {
        let cases = [
            ("8", 480),
            ("0", 0),
            ("7,5", 450),
            ("7.5", 450),
            (" 1,25 ", 75),
            ("40", 2400),
            ("0,05", 3),
        ];
        for (text, minutes) in cases {
            assert_eq!(parse_hours(text), Some(minutes), "{text}");
        }
        for text in [
            "", "acht", "-1", "7,", ",5", "7,333", "1,01", "7 uur", "1.000",
        ] {
            assert_eq!(parse_hours(text), None, "{text:?}");
        }
    }
}
