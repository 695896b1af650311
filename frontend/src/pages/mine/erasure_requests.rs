//! The open requests to be erased, for programme staff on Ambassadeurs: who asked, when, why, with
//! a link to the ambassador, where staff erase them (which closes the request). Nothing shows
//! when none is open.

use domain::contract::ErasureRequest;
use yew::prelude::*;
use yew_router::prelude::Link;

use super::{Loaded, use_load};
use crate::api::Api;
use crate::api::mine::erasure_requests;
use crate::hooks::use_texts;
use crate::i18n::fill;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct ErasureRequestsProps {
    pub api: Api,
}

#[component]
pub fn ErasureRequests(props: &ErasureRequestsProps) -> Html {
    let texts = use_texts();
    let t = &texts.mine;
    let load = use_load(props.api.clone(), |api: Api| async move {
        erasure_requests(&api).await
    });
    let Loaded::Ready(requests) = load.state else {
        return html! {};
    };
    if requests.is_empty() {
        return html! {};
    }
    let item = |request: &ErasureRequest| {
        let when = texts.dates.instant(request.requested_at);
        let due = fill(
            t.erasure_due,
            &[("due", &texts.dates.date(request.answer_due))],
        );
        let reason = request
            .reason
            .clone()
            .map(|r| format!(" · {r}"))
            .unwrap_or_default();
        html! {
            <li id={format!("erasure-request-{}", request.id)}>
                <Link<Route> to={Route::Ambassador { id: request.ambassador_id }}>{ request.ambassador_name.clone() }</Link<Route>>
                { format!(" · {when}{reason} · ") }
                <strong class="erasure-due">{ due }</strong>
            </li>
        }
    };
    html! {
        <section id="erasure-requests" class="message message-info" aria-labelledby="erasure-requests-title">
            <h2 id="erasure-requests-title">{ t.erasure_requests }</h2>
            <ul>{ for requests.iter().map(item) }</ul>
        </section>
    }
}
