//! The inputs of the placement form, each in its field with label and message.

use yew::prelude::*;

use crate::components::{FormField, described_by};

/// A select of `(value, label, selected)` options.
pub fn select_field(
    id: &'static str,
    label: &'static str,
    error: Option<AttrValue>,
    options: Vec<(String, String, bool)>,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <FormField {id} {label} error={error.clone()}>
            <select {id} {onchange} aria-invalid={error.is_some().then_some("true")}
                aria-describedby={described_by(id, false, error.is_some())}>
                { for options.into_iter().map(|(value, label, selected)| html! {
                    <option {value} {selected}>{ label }</option>
                }) }
            </select>
        </FormField>
    }
}

/// A line of text, with an optional hint.
pub fn text_field(
    id: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    value: &str,
    error: Option<AttrValue>,
    oninput: Callback<InputEvent>,
) -> Html {
    html! {
        <FormField {id} {label} hint={hint.map(AttrValue::from)} error={error.clone()}>
            <input {id} type="text" value={value.to_owned()} {oninput}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={described_by(id, hint.is_some(), error.is_some())} />
        </FormField>
    }
}

/// A time of day.
pub fn time_field(
    id: &'static str,
    label: &'static str,
    value: &str,
    error: Option<AttrValue>,
    oninput: Callback<InputEvent>,
) -> Html {
    html! {
        <FormField {id} {label} error={error.clone()}>
            <input {id} type="time" step="300" value={value.to_owned()} {oninput}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={described_by(id, false, error.is_some())} />
        </FormField>
    }
}

/// The note for candidates.
pub fn note_field(
    label: &'static str,
    value: &str,
    error: Option<AttrValue>,
    oninput: Callback<InputEvent>,
) -> Html {
    let id = "pf-note";
    html! {
        <FormField {id} {label} error={error.clone()}>
            <textarea {id} rows="3" maxlength="1000" value={value.to_owned()} {oninput}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={described_by(id, false, error.is_some())} />
        </FormField>
    }
}

/// The number of ambassadors.
pub fn capacity_field(
    label: &'static str,
    value: &str,
    error: Option<AttrValue>,
    oninput: Callback<InputEvent>,
) -> Html {
    let id = "pf-capacity";
    html! {
        <FormField {id} {label} error={error.clone()} class="field-narrow">
            <input {id} type="number" inputmode="numeric" min="1" max="10" value={value.to_owned()} {oninput}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={described_by(id, false, error.is_some())} />
        </FormField>
    }
}
