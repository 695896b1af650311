//! The VOGs on record, and a form to record one that programme staff saw.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use domain::contract::{VogInput, VogRecord};
use domain::vog::VogOutcome;
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::api::matching::record_vog;
use crate::api::{Api, ApiError};
use crate::components::{FormField, described_by};
use crate::hooks::{focus_id, use_texts};
use crate::i18n::{AmbassadorTexts, fill};

/// The form's values, as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct VogForm {
    pub issued_on: String,
    pub seen_on: String,
    pub outcome: VogOutcome,
}

/// The input ids of the form's fields.
const ISSUED_ON: &str = "vog-issued-on";
const SEEN_ON: &str = "vog-seen-on";

impl VogForm {
    /// The VOG to record, or a message per input id: dates given, not in the future, seen no
    /// earlier than issued (the rules the server applies).
    pub fn input(
        &self,
        t: &AmbassadorTexts,
        today: NaiveDate,
    ) -> Result<VogInput, BTreeMap<&'static str, &'static str>> {
        let mut errors = BTreeMap::new();
        let date = |text: &str| NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
        let issued_on = date(&self.issued_on);
        let seen_on = date(&self.seen_on);
        for (id, value) in [(ISSUED_ON, issued_on), (SEEN_ON, seen_on)] {
            match value {
                None => {
                    errors.insert(id, t.msg_date_required);
                }
                Some(day) if day > today => {
                    errors.insert(id, t.msg_in_future);
                }
                Some(_) => {}
            }
        }
        match (issued_on, seen_on) {
            (Some(issued_on), Some(seen_on)) if errors.is_empty() => {
                if seen_on < issued_on {
                    errors.insert(SEEN_ON, t.msg_seen_before_issued);
                    return Err(errors);
                }
                Ok(VogInput {
                    issued_on,
                    seen_on,
                    outcome: self.outcome,
                })
            }
            _ => Err(errors),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct VogPanelProps {
    pub api: Api,
    pub ambassador_id: Uuid,
    /// Newest first.
    pub vogs: Vec<VogRecord>,
    pub today: NaiveDate,
    pub on_changed: Callback<String>,
}

#[component]
pub fn VogPanel(props: &VogPanelProps) -> Html {
    let texts = use_texts();
    let t = texts.ambassadors();
    let today = props.today;
    let form = use_state(|| VogForm {
        issued_on: String::new(),
        seen_on: today.format("%Y-%m-%d").to_string(),
        outcome: VogOutcome::Issued,
    });
    let messages = use_state(BTreeMap::<&'static str, &'static str>::new);
    let saving = use_state(|| false);
    let error = use_state(|| None::<ApiError>);

    let on_date = |write: fn(&mut VogForm, String)| {
        let form = form.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = (*form).clone();
            write(&mut next, value);
            form.set(next);
        })
    };
    let on_outcome = {
        let form = form.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(outcome) = VogOutcome::parse(&value) {
                form.set(VogForm {
                    outcome,
                    ..(*form).clone()
                });
            }
        })
    };
    let onsubmit = {
        let (form, messages, saving, error) = (
            form.clone(),
            messages.clone(),
            saving.clone(),
            error.clone(),
        );
        let (api, id, on_changed) = (
            props.api.clone(),
            props.ambassador_id,
            props.on_changed.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *saving {
                return;
            }
            error.set(None);
            let input = match form.input(t, today) {
                Ok(input) => input,
                Err(found) => {
                    if let Some(first) = found.keys().next() {
                        focus_id(first);
                    }
                    messages.set(found);
                    return;
                }
            };
            messages.set(BTreeMap::new());
            saving.set(true);
            let (api, on_changed) = (api.clone(), on_changed.clone());
            let (form, saving, error) = (form.clone(), saving.clone(), error.clone());
            spawn_local(async move {
                let result = record_vog(&api, id, &input).await;
                saving.set(false);
                match result {
                    Ok(_) => {
                        form.set(VogForm {
                            issued_on: String::new(),
                            ..(*form).clone()
                        });
                        on_changed.emit(t.vog_saved.to_owned());
                    }
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };

    let records = if props.vogs.is_empty() {
        html! { <p class="muted">{ t.vog_list_empty }</p> }
    } else {
        html! {
            <ul id="vog-records" class="vog-records">
                { for props.vogs.iter().map(|vog| html! {
                    <li key={vog.id.to_string()} data-outcome={vog.outcome.as_str()}>
                        <strong>{ fill(t.vog_of, &[("date", &texts.dates.date(vog.issued_on))]) }</strong>
                        { format!(" · {}", t.outcome(vog.outcome)) }
                        <span class="muted">
                            { format!(" · {}", fill(t.vog_seen_by, &[
                                ("date", &texts.dates.date(vog.seen_on)),
                                ("name", &vog.seen_by_name),
                            ])) }
                        </span>
                    </li>
                }) }
            </ul>
        }
    };
    let message = |id: &str| messages.get(id).map(|m| AttrValue::from(*m));
    let failure = error.as_ref().map(|error| {
        html! { <p class="message message-error form-error" role="alert">{ t.error(texts, error) }</p> }
    });
    let max = today.format("%Y-%m-%d").to_string();

    html! {
        <section class="panel" aria-labelledby="vog-title">
            <h2 id="vog-title">{ t.vog_title }</h2>
            { records }
            <form id="vog-form" class="form vog-form" novalidate=true {onsubmit}>
                <p class="field-hint">{ t.vog_intro }</p>
                <div class="form-grid">
                    <FormField id={ISSUED_ON} label={t.vog_issued_on} error={message(ISSUED_ON)}>
                        <input id={ISSUED_ON} type="date" max={max.clone()} value={form.issued_on.clone()}
                            onchange={on_date(|f, v| f.issued_on = v)}
                            aria-invalid={message(ISSUED_ON).map(|_| "true")}
                            aria-describedby={described_by(ISSUED_ON, false, message(ISSUED_ON).is_some())} />
                    </FormField>
                    <FormField id={SEEN_ON} label={t.vog_seen_on} error={message(SEEN_ON)}>
                        <input id={SEEN_ON} type="date" max={max} value={form.seen_on.clone()}
                            onchange={on_date(|f, v| f.seen_on = v)}
                            aria-invalid={message(SEEN_ON).map(|_| "true")}
                            aria-describedby={described_by(SEEN_ON, false, message(SEEN_ON).is_some())} />
                    </FormField>
                    <div class="field">
                        <label for="vog-outcome">{ t.vog_outcome }</label>
                        <select id="vog-outcome" onchange={on_outcome}>
                            { for VogOutcome::ALL.iter().map(|o| html! {
                                <option value={o.as_str()} selected={*o == form.outcome}>{ t.outcome(*o) }</option>
                            }) }
                        </select>
                    </div>
                </div>
                { failure.unwrap_or_default() }
                <div class="form-actions">
                    <button id="vog-submit" type="submit" class="button-primary" disabled={*saving}>
                        { t.vog_submit }
                    </button>
                </div>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::NL;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn form(issued_on: &str, seen_on: &str) -> VogForm {
        VogForm {
            issued_on: issued_on.into(),
            seen_on: seen_on.into(),
            outcome: VogOutcome::Issued,
        }
    }

    #[test]
    fn a_vog_seen_after_it_was_issued_is_recorded() {
        let input = form("2026-10-01", "2026-10-05")
            .input(NL.ambassadors(), d(2026, 11, 22))
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(input.issued_on, d(2026, 10, 1));
        assert_eq!(input.outcome, VogOutcome::Issued);
    }

    #[test]
    fn dates_are_required_real_and_in_order() {
        let t = NL.ambassadors();
        let today = d(2026, 11, 22);
        let errors = form("", "2026-12-01").input(t, today).unwrap_err();
        assert_eq!(errors[ISSUED_ON], "Vul een datum in.");
        assert_eq!(errors[SEEN_ON], "Deze datum ligt in de toekomst.");
        let errors = form("2026-10-05", "2026-10-01")
            .input(t, today)
            .unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(errors[SEEN_ON].contains("voordat hij is afgegeven"));
    }
}
