//! On Ambassadeurs: how many privacy requests are open and how many are late, with a link to
//! Privacyverzoeken where staff handle them. Nothing shows when none is open.

use yew::prelude::*;
use yew_router::prelude::Link;

use crate::api::Api;
use crate::api::privacy_requests::list;
use crate::hooks::use_texts;
use crate::i18n::fill;
use crate::pages::mine::{Loaded, use_load};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct OpenRequestsNoticeProps {
    pub api: Api,
}

#[component]
pub fn OpenRequestsNotice(props: &OpenRequestsNoticeProps) -> Html {
    let texts = use_texts();
    let t = texts.privacy_requests();
    let load = use_load(props.api.clone(), |api: Api| async move {
        list(&api, true).await
    });
    let Loaded::Ready(requests) = load.state else {
        return html! {};
    };
    if requests.is_empty() {
        return html! {};
    }
    let count = requests.len().to_string();
    let late = requests.iter().filter(|r| r.overdue).count();
    let mut line = fill(t.notice, &[("n", &count)]);
    if late > 0 {
        line = format!(
            "{line}, {}",
            fill(t.notice_late, &[("n", &late.to_string())])
        );
    }
    html! {
        <p id="open-privacy-requests" class={classes!("message", if late > 0 { "message-warning" } else { "message-info" })}>
            { format!("{line}. ") }
            <Link<Route> to={Route::PrivacyRequests}>{ t.notice_link }</Link<Route>>
        </p>
    }
}
