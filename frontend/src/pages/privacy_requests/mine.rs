//! Mijn privacy, for everyone who logs in: download what Klasbrug keeps about you (readable and
//! as JSON), ask to see it or to be erased (an erasure after a step that says what it means and
//! what is kept), and follow your requests: where each stands, until when the programme has to
//! answer, its answer, and for an erasure what is kept and why.

use domain::contract::{KeptRecord, PrivacyRequest, PrivacyRequestKind};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::view::{DataDownloads, kept_list, kept_records, status_badges};
use crate::api::ApiError;
use crate::api::privacy_requests::{ask, erasure_preview, my_requests};
use crate::app::Session;
use crate::components::{ErrorMessage, Loading, described_by};
use crate::hooks::{focus_id, use_texts, use_title};
use crate::i18n::fill;
use crate::pages::mine::{Loaded, use_load};

#[derive(Properties, PartialEq)]
pub struct MyPrivacyProps {
    pub session: Session,
}

#[component]
pub fn MyPrivacyPage(props: &MyPrivacyProps) -> Html {
    let texts = use_texts();
    let t = texts.privacy_requests();
    use_title(t.menu_mine);
    let api = props.session.api.clone();
    let load = use_load(api.clone(), |api| async move { my_requests(&api).await });
    let asked = use_state(|| None::<PrivacyRequest>);
    let on_asked = {
        let (asked, reload) = (asked.clone(), load.reload.clone());
        Callback::from(move |request: PrivacyRequest| {
            asked.set(Some(request));
            reload.emit(());
            focus_id("privacy-asked");
        })
    };
    let list = match &load.state {
        Loaded::Loading => html! { <Loading /> },
        Loaded::Failed(error) => {
            html! { <ErrorMessage error={error.clone()} on_retry={load.reload.clone()} /> }
        }
        Loaded::Ready(requests) if requests.is_empty() => {
            html! { <p id="no-requests" class="muted">{ t.no_requests }</p> }
        }
        Loaded::Ready(requests) => html! {
            <ul id="my-requests-list" class="request-list">
                { for requests.iter().map(|r| my_request(texts, r)) }
            </ul>
        },
    };
    let asked_line = (*asked).as_ref().map(|request| {
        let mut line = fill(t.asked, &[("due", &texts.dates.date(request.answer_due))]);
        if request.kind == PrivacyRequestKind::Erasure {
            line = format!("{line} {}", t.asked_erasure);
        }
        line
    });
    let today = props.session.me.today;
    html! {
        <section id="my-privacy" class="page mine" aria-labelledby="page-title">
            <h1 id="page-title">{ t.menu_mine }</h1>
            <p class="lead">{ t.mine_intro }</p>
            <section id="my-privacy-download" class="mine-section card" aria-labelledby="my-privacy-download-title">
                <h2 id="my-privacy-download-title">{ t.download_title }</h2>
                <p>{ t.download_intro }</p>
                <DataDownloads api={api.clone()} id="my-data"
                    file={format!("mijn-gegevens-klasbrug-{today}")}
                    html_label={t.download_html} json_label={t.download_json} />
            </section>
            <section id="my-privacy-ask" class="mine-section card" aria-labelledby="my-privacy-ask-title">
                <h2 id="my-privacy-ask-title">{ t.ask_title }</h2>
                <p>{ t.ask_intro }</p>
                <AskForm api={api.clone()} {on_asked} />
                <p id="privacy-asked" class={classes!("status-line", asked_line.is_some().then_some("message message-success"))} role="status" tabindex="-1">
                    { asked_line.unwrap_or_default() }
                </p>
            </section>
            <section id="my-requests" class="mine-section card" aria-labelledby="my-requests-title">
                <h2 id="my-requests-title">{ t.requests_title }</h2>
                { list }
            </section>
        </section>
    }
}

/// One of the person's requests as they see it.
fn my_request(texts: &'static crate::i18n::Texts, request: &PrivacyRequest) -> Html {
    let t = texts.privacy_requests();
    let received = fill(
        t.received_on,
        &[("date", &texts.dates.date(request.received_on))],
    );
    let due = fill(t.due, &[("due", &texts.dates.date(request.answer_due))]);
    let open = domain::privacy_request::is_open(request.status);
    html! {
        <li id={format!("request-{}", request.id)} class="request mine-card card"
            data-kind={request.kind.as_str()} data-status={request.status.as_str()}>
            <div class="card-head">
                <h3>{ t.kind_name(request.kind) }</h3>
                { status_badges(t, request) }
            </div>
            <p class="request-dates">
                { received }{ " · " }
                if open {
                    <strong class="request-due">{ due }</strong>
                } else if let Some(closed) = request.closed_at {
                    <span class="request-closed">{ fill(t.closed_on, &[("when", &texts.dates.instant_date(closed))]) }</span>
                }
            </p>
            if let Some(note) = &request.note {
                <p class="request-note">{ fill(t.you_wrote, &[("note", note)]) }</p>
            }
            if let Some(name) = &request.handled_by {
                <p class="request-handler">{ fill(t.handled_by, &[("name", name)]) }</p>
            }
            if let Some(answer) = &request.answer {
                <div class="request-answer">
                    <h4>{ t.answer }</h4>
                    <p>{ answer.clone() }</p>
                </div>
            }
            { kept_list(t, &texts.dates, request) }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct AskFormProps {
    api: crate::api::Api,
    on_asked: Callback<PrivacyRequest>,
}

/// Access or erasure, a note, and for an erasure a step that says what it means first.
#[component]
fn AskForm(props: &AskFormProps) -> Html {
    let texts = use_texts();
    let t = texts.privacy_requests();
    let kind = use_state(|| None::<PrivacyRequestKind>);
    let note = use_state(String::new);
    let missing = use_state(|| false);
    let confirming = use_state(|| false);
    let sending = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    // What an erasure would keep, read when the confirm step opens.
    let preview = use_state(|| None::<Vec<KeptRecord>>);
    {
        let (api, preview) = (props.api.clone(), preview.clone());
        use_effect_with(*confirming, move |confirming| {
            if *confirming {
                spawn_local(async move {
                    preview.set(erasure_preview(&api).await.ok());
                });
            }
        });
    }
    // The confirm step appears after this render: the keyboard goes there once it is drawn,
    // and back to the button it replaced when it closes.
    {
        let was_open = use_mut_ref(|| false);
        // Again once the preview is in: it pushes the buttons down.
        use_effect_with((*confirming, preview.is_some()), move |(confirming, _)| {
            if *confirming {
                focus_id("confirm-erasure-title");
                // Focus scrolls only as far as the heading: show the whole step, buttons too.
                if let Some(step) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("confirm-erasure"))
                {
                    step.scroll_into_view_with_bool(false);
                }
            } else if *was_open.borrow() {
                focus_id("ask-submit");
            }
            *was_open.borrow_mut() = *confirming;
        });
    }

    let send = {
        let (api, on_asked) = (props.api.clone(), props.on_asked.clone());
        let (kind, note, confirming, sending, failure) = (
            kind.clone(),
            note.clone(),
            confirming.clone(),
            sending.clone(),
            failure.clone(),
        );
        Callback::from(move |chosen: PrivacyRequestKind| {
            let text = Some(note.trim().to_owned()).filter(|n| !n.is_empty());
            sending.set(true);
            failure.set(None);
            let (api, on_asked, kind, note, confirming, sending, failure) = (
                api.clone(),
                on_asked.clone(),
                kind.clone(),
                note.clone(),
                confirming.clone(),
                sending.clone(),
                failure.clone(),
            );
            spawn_local(async move {
                let result = ask(&api, chosen, text).await;
                sending.set(false);
                confirming.set(false);
                match result {
                    Ok(request) => {
                        kind.set(None);
                        note.set(String::new());
                        on_asked.emit(request);
                    }
                    Err(error) => failure.set(Some(error)),
                }
            });
        })
    };
    let on_submit = {
        let (kind, missing, confirming, send) = (
            kind.clone(),
            missing.clone(),
            confirming.clone(),
            send.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match *kind {
                None => {
                    missing.set(true);
                    focus_id("ask-kind-access");
                }
                Some(PrivacyRequestKind::Erasure) => {
                    missing.set(false);
                    confirming.set(true);
                }
                Some(chosen) => {
                    missing.set(false);
                    send.emit(chosen);
                }
            }
        })
    };
    let radio = |value: PrivacyRequestKind, label: &'static str| {
        let id = format!("ask-kind-{}", value.as_str());
        let kind = kind.clone();
        let confirming = confirming.clone();
        html! {
            <label class="checkbox" for={id.clone()}>
                <input {id} type="radio" name="ask-kind" value={value.as_str()}
                    checked={*kind == Some(value)}
                    aria-describedby={described_by("ask-kind", false, *missing)}
                    onchange={move |_| { kind.set(Some(value)); confirming.set(false); }} />
                { label }
            </label>
        }
    };
    let error = (*failure)
        .as_ref()
        .map(|error| t.error(texts, error, false));
    html! {
        <form id="ask-form" class="mine-form" novalidate=true onsubmit={on_submit}>
            <fieldset class={classes!("field", missing.then_some("field-invalid"))}>
                <legend>{ t.kind_legend }</legend>
                <div class="radios">
                    { radio(PrivacyRequestKind::Access, t.ask_access) }
                    { radio(PrivacyRequestKind::Erasure, t.ask_erasure) }
                </div>
                if *missing {
                    <p id="ask-kind-error" class="field-error" role="alert">{ t.kind_required }</p>
                }
            </fieldset>
            <div class="field">
                <label for="ask-note">{ t.note_label }</label>
                <textarea id="ask-note" rows="3" maxlength="1000" value={(*note).clone()}
                    oninput={let note = note.clone(); move |e: InputEvent| note.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())} />
            </div>
            if let Some(message) = error {
                <p id="ask-error" class="message message-error" role="alert">{ message }</p>
            }
            if *confirming {
                <div id="confirm-erasure" class="message message-warning confirm-erasure">
                    <h3 id="confirm-erasure-title" tabindex="-1">{ t.confirm_title }</h3>
                    <p>{ t.confirm_erased }</p>
                    <p>{ t.confirm_kept }</p>
                    if let Some(kept) = (*preview).as_ref() {
                        <div id="confirm-erasure-kept">{ kept_records(t, &texts.dates, kept, false) }</div>
                    }
                    <div class="actions">
                        <button type="button" id="confirm-erasure-submit" class="button-danger" disabled={*sending}
                            onclick={let send = send.clone(); move |_| send.emit(PrivacyRequestKind::Erasure)}>
                            { t.confirm_submit }
                        </button>
                        <button type="button" id="confirm-erasure-cancel" class="button-secondary"
                            onclick={let confirming = confirming.clone(); move |_| confirming.set(false)}>
                            { t.cancel }
                        </button>
                    </div>
                </div>
            } else {
                <button type="submit" id="ask-submit" class="button-primary" disabled={*sending}>{ t.ask_submit }</button>
            }
        </form>
    }
}
