//! Recording a request that came by letter or e-mail: whose account (by its e-mail address),
//! what is asked, how it came and the day it arrived, from which the month to answer runs.

use chrono::NaiveDate;
use domain::contract::{
    PrivacyRequest, PrivacyRequestChannel, PrivacyRequestKind, RecordedPrivacyRequestInput,
};
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::api::privacy_requests::record;
use crate::api::{Api, ApiError};
use crate::components::described_by;
use crate::hooks::{focus_id, use_texts};

#[derive(Properties, PartialEq)]
pub struct RecordFormProps {
    pub api: Api,
    pub today: NaiveDate,
    pub on_recorded: Callback<PrivacyRequest>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn RecordForm(props: &RecordFormProps) -> Html {
    let texts = use_texts();
    let t = texts.privacy_requests();
    let email = use_state(String::new);
    let kind = use_state(|| PrivacyRequestKind::Access);
    let channel = use_state(|| PrivacyRequestChannel::Letter);
    let received = use_state(|| props.today.to_string());
    let note = use_state(String::new);
    let wrong = use_state(Vec::<(&'static str, &'static str)>::new);
    let sending = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    {
        use_effect_with((), |_| focus_id("record-email"));
    }

    let on_submit = {
        let (api, today, on_recorded) = (props.api.clone(), props.today, props.on_recorded.clone());
        let (email, kind, channel, received, note, wrong, sending, failure) = (
            email.clone(),
            kind.clone(),
            channel.clone(),
            received.clone(),
            note.clone(),
            wrong.clone(),
            sending.clone(),
            failure.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let address = email.trim().to_owned();
            let day = NaiveDate::parse_from_str(received.trim(), "%Y-%m-%d").ok();
            let mut problems = Vec::new();
            if address.is_empty() {
                problems.push(("record-email", t.email_required));
            }
            match day {
                Some(day) if day > today => problems.push(("record-received", t.received_future)),
                Some(_) => {}
                None => problems.push(("record-received", texts.err_invalid_input)),
            }
            if let (true, Some(day)) = (problems.is_empty(), day) {
                wrong.set(Vec::new());
                failure.set(None);
                sending.set(true);
                let input = RecordedPrivacyRequestInput {
                    email: address,
                    kind: *kind,
                    channel: *channel,
                    received_on: day,
                    note: Some(note.trim().to_owned()).filter(|n| !n.is_empty()),
                };
                let (api, on_recorded, wrong, sending, failure) = (
                    api.clone(),
                    on_recorded.clone(),
                    wrong.clone(),
                    sending.clone(),
                    failure.clone(),
                );
                spawn_local(async move {
                    let result = record(&api, &input).await;
                    sending.set(false);
                    match result {
                        Ok(request) => on_recorded.emit(request),
                        Err(error) => {
                            let fields = server_fields(t, &error);
                            if let Some((first, _)) = fields.first() {
                                focus_id(first);
                                wrong.set(fields);
                            } else {
                                failure.set(Some(error));
                            }
                        }
                    }
                });
            } else {
                if let Some((first, _)) = problems.first() {
                    focus_id(first);
                }
                wrong.set(problems);
            }
        })
    };
    let message = |id: &str| wrong.iter().find(|(f, _)| *f == id).map(|(_, m)| *m);
    let text_field = |id: &'static str,
                      label: &'static str,
                      hint: Option<&'static str>,
                      kind: &'static str,
                      state: &UseStateHandle<String>| {
        let error = message(id);
        let state = state.clone();
        let wrong = wrong.clone();
        let max = (kind == "date").then(|| props.today.to_string());
        html! {
            <div class={classes!("field", error.is_some().then_some("field-invalid"))}>
                <label for={id}>{ label }</label>
                <input {id} type={kind} value={(*state).clone()} {max}
                    aria-invalid={error.map(|_| "true")}
                    aria-describedby={described_by(id, hint.is_some(), error.is_some())}
                    oninput={move |e: InputEvent| {
                        state.set(e.target_unchecked_into::<HtmlInputElement>().value());
                        // A message about what was there goes once it is changed.
                        if wrong.iter().any(|(f, _)| *f == id) {
                            wrong.set(wrong.iter().copied().filter(|(f, _)| *f != id).collect());
                        }
                    }} />
                if let Some(hint) = hint {
                    <p id={format!("{id}-hint")} class="field-hint">{ hint }</p>
                }
                if let Some(error) = error {
                    <p id={format!("{id}-error")} class="field-error">{ error }</p>
                }
            </div>
        }
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(chosen) = PrivacyRequestKind::parse(&value) {
                kind.set(chosen);
            }
        })
    };
    let on_channel = {
        let channel = channel.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(chosen) = PrivacyRequestChannel::parse(&value) {
                channel.set(chosen);
            }
        })
    };
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    html! {
        <form id="record-form" class="panel record-form" novalidate=true onsubmit={on_submit} aria-labelledby="record-title">
            <h2 id="record-title">{ t.record_title }</h2>
            <div class="form-grid">
                { text_field("record-email", t.record_email, Some(t.record_email_hint), "email", &email) }
                <div class="field">
                    <label for="record-kind">{ t.record_kind }</label>
                    <select id="record-kind" onchange={on_kind}>
                        { for [PrivacyRequestKind::Access, PrivacyRequestKind::Erasure].into_iter().map(|k| html! {
                            <option value={k.as_str()} selected={*kind == k}>{ t.kind_name(k) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="record-channel">{ t.record_channel }</label>
                    <select id="record-channel" onchange={on_channel}>
                        { for [PrivacyRequestChannel::Letter, PrivacyRequestChannel::Email].into_iter().map(|c| html! {
                            <option value={c.as_str()} selected={*channel == c}>{ t.channel_name(c) }</option>
                        }) }
                    </select>
                </div>
                { text_field("record-received", t.record_received, Some(t.record_received_hint), "date", &received) }
            </div>
            <div class="field">
                <label for="record-note">{ t.record_note }</label>
                <textarea id="record-note" rows="2" maxlength="1000" value={(*note).clone()}
                    oninput={let note = note.clone(); move |e: InputEvent| note.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())} />
            </div>
            if let Some(error) = (*failure).as_ref() {
                <p id="record-error" class="message message-error" role="alert">{ t.error(texts, error, true) }</p>
            }
            <div class="form-actions">
                <button type="submit" id="record-submit" class="button-primary" disabled={*sending}>{ t.record_submit }</button>
                <button type="button" id="record-cancel" class="button-secondary" onclick={cancel}>{ t.cancel }</button>
            </div>
        </form>
    }
}

/// The fields the server named in a 422, with words of our own: an address no account has, a
/// day in the future.
fn server_fields(
    t: &'static crate::i18n::PrivacyRequestTexts,
    error: &ApiError,
) -> Vec<(&'static str, &'static str)> {
    let ApiError::Problem(problem) = error else {
        return Vec::new();
    };
    if problem.status != 422 {
        return Vec::new();
    }
    problem
        .errors
        .iter()
        .filter_map(|e| match e.field.as_str() {
            "email" => Some(("record-email", t.email_unknown)),
            "received_on" => Some(("record-received", t.received_future)),
            _ => None,
        })
        .collect()
}
