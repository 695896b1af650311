//! One request on Privacyverzoeken: who asked what, how it came, when it was received and is
//! due, who handles it; and what staff do with it: take it up, answer it (for an erasure after a
//! step that says the person is erased and what is kept), refuse it with a reason, and for an
//! access request download the person's data to send them.

use domain::contract::{
    PrivacyRequest, PrivacyRequestKind, PrivacyRequestStatus, PrivacyRequestUpdate,
};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::view::{DataDownloads, file_stem, kept_list, status_badges};
use crate::api::privacy_requests::change;
use crate::api::{Api, ApiError};
use crate::components::described_by;
use crate::hooks::{focus_id, use_texts};
use crate::i18n::{Texts, fill};

#[derive(Properties, PartialEq)]
pub struct RequestCardProps {
    pub api: Api,
    pub request: PrivacyRequest,
    /// Told what happened, after a change the list must show.
    pub on_changed: Callback<String>,
}

/// Which form is open under the request.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Step {
    None,
    Finish,
    Refuse,
}

#[component]
pub fn RequestCard(props: &RequestCardProps) -> Html {
    let texts = use_texts();
    let t = texts.privacy_requests();
    let request = &props.request;
    let step = use_state(|| Step::None);
    let answer = use_state(String::new);
    let missing = use_state(|| false);
    let sending = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let prefix = format!("request-{}", request.id);
    // The form opens after this render: the keyboard goes to its text once it is drawn.
    {
        let field = format!("{prefix}-answer");
        use_effect_with(*step, move |step| {
            if *step != Step::None {
                focus_id(&field);
            }
        });
    }

    let send = {
        let (api, id, name, on_changed) = (
            props.api.clone(),
            request.id,
            request.name.clone(),
            props.on_changed.clone(),
        );
        let (answer, sending, failure, step) = (
            answer.clone(),
            sending.clone(),
            failure.clone(),
            step.clone(),
        );
        Callback::from(move |status: PrivacyRequestStatus| {
            let text = Some(answer.trim().to_owned()).filter(|a| !a.is_empty());
            sending.set(true);
            failure.set(None);
            let (api, name, on_changed, sending, failure, step) = (
                api.clone(),
                name.clone(),
                on_changed.clone(),
                sending.clone(),
                failure.clone(),
                step.clone(),
            );
            spawn_local(async move {
                let update = PrivacyRequestUpdate {
                    status,
                    answer: text,
                };
                let result = change(&api, id, &update).await;
                sending.set(false);
                match result {
                    Ok(_) => {
                        step.set(Step::None);
                        let template = match status {
                            PrivacyRequestStatus::InProgress => t.taken_up,
                            PrivacyRequestStatus::Refused => t.refused,
                            _ => t.finished,
                        };
                        on_changed.emit(fill(template, &[("name", &name)]));
                    }
                    Err(error) => failure.set(Some(error)),
                }
            });
        })
    };
    let open_step = |next: Step| {
        let (step, missing, failure) = (step.clone(), missing.clone(), failure.clone());
        Callback::from(move |_: MouseEvent| {
            missing.set(false);
            failure.set(None);
            step.set(if *step == next { Step::None } else { next });
        })
    };
    let open = domain::privacy_request::is_open(request.status);
    let actions = open.then(|| {
        let take_up = send.clone();
        html! {
            <div class="card-actions">
                if request.status == PrivacyRequestStatus::Received {
                    <button type="button" id={format!("{prefix}-take-up")} class="button-secondary" disabled={*sending}
                        onclick={move |_| take_up.emit(PrivacyRequestStatus::InProgress)}>{ t.take_up }</button>
                }
                <button type="button" id={format!("{prefix}-finish")} class="button-primary"
                    aria-expanded={if *step == Step::Finish { "true" } else { "false" }}
                    onclick={open_step(Step::Finish)}>{ t.finish }</button>
                <button type="button" id={format!("{prefix}-refuse")} class="button-secondary"
                    aria-expanded={if *step == Step::Refuse { "true" } else { "false" }}
                    onclick={open_step(Step::Refuse)}>{ t.refuse }</button>
            </div>
        }
    });
    let form = match *step {
        Step::None => html! {},
        Step::Finish | Step::Refuse => {
            let refusing = *step == Step::Refuse;
            let on_submit = {
                let (send, answer, missing, prefix) = (
                    send.clone(),
                    answer.clone(),
                    missing.clone(),
                    prefix.clone(),
                );
                Callback::from(move |event: SubmitEvent| {
                    event.prevent_default();
                    if refusing && answer.trim().is_empty() {
                        missing.set(true);
                        focus_id(&format!("{prefix}-answer"));
                        return;
                    }
                    missing.set(false);
                    send.emit(if refusing {
                        PrivacyRequestStatus::Refused
                    } else {
                        PrivacyRequestStatus::Done
                    });
                })
            };
            let erasing = !refusing && request.kind == PrivacyRequestKind::Erasure;
            let field = format!("{prefix}-answer");
            let wrong = refusing && *missing;
            let (label, submit, class) = match (refusing, erasing) {
                (true, _) => (t.refuse_reason, t.refuse, "button-danger"),
                (false, true) => (t.answer_label, t.erase_confirm, "button-danger"),
                (false, false) => (t.answer_label, t.finish_confirm, "button-primary"),
            };
            let cancel = {
                let (step, prefix) = (step.clone(), prefix.clone());
                Callback::from(move |_: MouseEvent| {
                    step.set(Step::None);
                    focus_id(&format!("{prefix}-finish"));
                })
            };
            html! {
                <form id={format!("{prefix}-form")} class="request-form" novalidate=true onsubmit={on_submit}>
                    if erasing {
                        <div class="message message-warning">
                            <p id={format!("{prefix}-erase-warning")}>{ fill(t.finish_erasure, &[("name", &request.name)]) }</p>
                            { kept_list(t, &texts.dates, request) }
                        </div>
                    } else if !refusing {
                        <p class="muted">{ t.finish_access }</p>
                    }
                    <div class={classes!("field", wrong.then_some("field-invalid"))}>
                        <label for={field.clone()}>{ label }</label>
                        <textarea id={field.clone()} rows="3" maxlength="2000" value={(*answer).clone()}
                            aria-invalid={wrong.then_some("true")}
                            aria-describedby={described_by(&field, false, wrong)}
                            oninput={let answer = answer.clone(); move |e: InputEvent| answer.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())} />
                        if wrong {
                            <p id={format!("{field}-error")} class="field-error" role="alert">{ t.refuse_required }</p>
                        }
                    </div>
                    <div class="form-actions">
                        <button type="submit" id={format!("{prefix}-confirm")} {class} disabled={*sending}>{ submit }</button>
                        <button type="button" class="button-secondary" onclick={cancel}>{ t.cancel }</button>
                    </div>
                </form>
            }
        }
    };
    let error = (*failure).as_ref().map(|error| t.error(texts, error, true));
    let downloads = (open && request.kind == PrivacyRequestKind::Access).then(|| {
        html! {
            <DataDownloads api={props.api.clone()} request={Some(request.id)} id={prefix.clone()}
                file={format!("gegevens-{}", file_stem(&request.name))}
                html_label={t.data_html} json_label={t.data_json} />
        }
    });
    html! {
        <li id={prefix.clone()} class="request card" data-kind={request.kind.as_str()}
            data-status={request.status.as_str()} data-overdue={request.overdue.to_string()}>
            <div class="card-head">
                <h2 class="request-person">{ request.name.clone() }</h2>
                { status_badges(t, request) }
            </div>
            { facts(texts, request) }
            { kept_list_unless_confirming(texts, request, *step == Step::Finish) }
            { downloads.unwrap_or_default() }
            { actions.unwrap_or_default() }
            if let Some(message) = error {
                <p id={format!("{prefix}-error")} class="message message-error" role="alert">{ message }</p>
            }
            { form }
        </li>
    }
}

/// What an erasure keeps, under the facts; in the confirm step it shows there instead.
fn kept_list_unless_confirming(texts: &Texts, request: &PrivacyRequest, confirming: bool) -> Html {
    if confirming && request.kind == PrivacyRequestKind::Erasure {
        return html! {};
    }
    kept_list(texts.privacy_requests(), &texts.dates, request)
}

/// The request's facts: roles, kind, channel, dates, handler, note and answer.
fn facts(texts: &Texts, request: &PrivacyRequest) -> Html {
    let t = texts.privacy_requests();
    let roles: Vec<&str> = request.roles.iter().map(|r| texts.role(*r)).collect();
    let open = domain::privacy_request::is_open(request.status);
    let fact = |key: &'static str, label: &'static str, value: Html| {
        html! {
            <div class="fact" data-fact={key}><dt>{ label }</dt><dd>{ value }</dd></div>
        }
    };
    let due = html! {
        <span class={classes!("request-due", request.overdue.then_some("request-late"))}>
            { texts.dates.date(request.answer_due) }
            if request.overdue { { format!(" ({})", t.overdue) } }
        </span>
    };
    html! {
        <dl class="facts request-facts">
            if !roles.is_empty() {
                { fact("roles", t.roles, html! { roles.join(", ") }) }
            }
            { fact("kind", t.kind, html! { t.kind_name(request.kind) }) }
            { fact("channel", t.channel, html! { t.channel_name(request.channel) }) }
            { fact("received", t.received, html! { texts.dates.date(request.received_on) }) }
            if open {
                { fact("due", t.answer_due, due) }
            } else if let Some(closed) = request.closed_at {
                { fact("closed", t.show_closed, html! { texts.dates.instant(closed) }) }
            }
            { fact("handler", t.handler, html! { request.handled_by.clone().unwrap_or_else(|| t.nobody.to_owned()) }) }
            if let Some(by) = &request.recorded_by {
                { fact("recorded-by", t.recorded_by, html! { by.clone() }) }
            }
            if let Some(note) = &request.note {
                { fact("note", t.note, html! { note.clone() }) }
            }
            if let Some(answer) = &request.answer {
                { fact("answer", t.answer, html! { answer.clone() }) }
            }
        </dl>
    }
}
