//! Requests of a data subject. Everyone's Mijn privacy (`mine`), and programme staff's
//! Privacyverzoeken: the open requests, the first due first and late ones marked, each with its
//! actions (`card`); recording a request that came by letter or e-mail (`record`); and the
//! closed ones on request. On Ambassadeurs a line says how many are open (`notice`).

mod card;
mod mine;
mod notice;
mod record;
mod view;

use domain::contract::PrivacyRequest;
use yew::prelude::*;

use self::card::RequestCard;
pub use self::mine::MyPrivacyPage;
pub use self::notice::OpenRequestsNotice;
use self::record::RecordForm;
use crate::api::privacy_requests::list;
use crate::app::Session;
use crate::components::{ErrorMessage, Loading, StatusMessage};
use crate::hooks::{focus_id, use_texts, use_title};
use crate::i18n::fill;
use crate::pages::mine::{Loaded, use_load};

#[derive(Properties, PartialEq)]
pub struct PrivacyRequestsProps {
    pub session: Session,
}

/// Privacyverzoeken, for programme staff.
#[component]
pub fn PrivacyRequestsPage(props: &PrivacyRequestsProps) -> Html {
    let texts = use_texts();
    let t = texts.privacy_requests();
    use_title(t.menu_staff);
    let api = props.session.api.clone();
    let open = use_state(|| true);
    let recording = use_state(|| false);
    let done = use_state(|| None::<String>);
    let load = use_load((api.clone(), *open), |(api, open)| async move {
        list(&api, open).await
    });
    let on_changed = {
        let (reload, done) = (load.reload.clone(), done.clone());
        Callback::from(move |message: String| {
            done.set(Some(message));
            reload.emit(());
            focus_id("requests-done");
        })
    };
    let on_recorded = {
        let (recording, open, on_changed) = (recording.clone(), open.clone(), on_changed.clone());
        Callback::from(move |request: PrivacyRequest| {
            recording.set(false);
            open.set(true);
            on_changed.emit(fill(t.recorded, &[("name", &request.name)]));
        })
    };
    let on_cancel = {
        let recording = recording.clone();
        Callback::from(move |()| {
            recording.set(false);
            focus_id("record-request");
        })
    };
    let toggle = |value: bool, id: &'static str, label: &'static str| {
        let (open, done) = (open.clone(), done.clone());
        html! {
            <button type="button" {id} class={classes!("toggle", (*open == value).then_some("toggle-on"))}
                aria-pressed={if *open == value { "true" } else { "false" }}
                onclick={move |_| { done.set(None); open.set(value); }}>{ label }</button>
        }
    };
    let body = match &load.state {
        Loaded::Loading => html! { <Loading /> },
        Loaded::Failed(error) => {
            html! { <ErrorMessage error={error.clone()} on_retry={load.reload.clone()} /> }
        }
        Loaded::Ready(requests) if requests.is_empty() => html! {
            <p id="requests-empty" class="message message-info">{ if *open { t.no_open } else { t.no_closed } }</p>
        },
        Loaded::Ready(requests) => html! {
            <ul id="privacy-request-list" class="request-list">
                { for requests.iter().map(|request| html! {
                    <RequestCard key={request.id.to_string()} api={api.clone()} request={request.clone()} on_changed={on_changed.clone()} />
                }) }
            </ul>
        },
    };
    html! {
        <section id="privacy-requests" class="page" aria-labelledby="page-title">
            <div class="page-heading">
                <h1 id="page-title">{ t.menu_staff }</h1>
                <button id="record-request" type="button" class="button-primary"
                    aria-expanded={if *recording { "true" } else { "false" }}
                    onclick={let recording = recording.clone(); move |_| recording.set(!*recording)}>
                    { t.record_open }
                </button>
            </div>
            <p class="lead">{ t.staff_intro }</p>
            if *recording {
                <RecordForm api={api.clone()} today={props.session.me.today} {on_recorded} {on_cancel} />
            }
            <div class="toggles" role="group" aria-label={t.show}>
                { toggle(true, "show-open", t.show_open) }
                { toggle(false, "show-closed", t.show_closed) }
            </div>
            <StatusMessage id="requests-done" message={(*done).clone().map(AttrValue::from)} />
            { body }
        </section>
    }
}
