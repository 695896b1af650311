//! Gemelde zorgen: on Ambassadeurs, the newest concerns raised about placements (by the
//! ambassador, a teacher or the school), each with the school, the ambassador (a link), who
//! reported it and when. Nothing shows when none was raised.

use domain::contract::SchoolConcern;
use yew::prelude::*;
use yew_router::prelude::Link;

use crate::api::Api;
use crate::hooks::use_texts;
use crate::pages::mine::{Loaded, use_load};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct ConcernsProps {
    pub api: Api,
}

#[component]
pub fn Concerns(props: &ConcernsProps) -> Html {
    let texts = use_texts();
    let t = texts.ambassadors();
    let load = use_load(props.api.clone(), |api: Api| async move {
        api.get::<Vec<SchoolConcern>>("/concerns", &[]).await
    });
    let Loaded::Ready(concerns) = load.state else {
        return html! {};
    };
    if concerns.is_empty() {
        return html! {};
    }
    html! {
        <section id="concerns" class="message message-info" aria-labelledby="concerns-title">
            <h2 id="concerns-title">{ t.concerns_title }</h2>
            <ul>
                { for concerns.iter().take(10).map(|c| html! {
                    <li key={c.concern.id.to_string()}>
                        <Link<Route> to={Route::Ambassador { id: c.ambassador_id }}>{ c.ambassador_name.clone() }</Link<Route>>
                        { format!(" · {} · {} · {}: ", c.school_name, texts.dates.instant(c.concern.reported_at), c.concern.reported_by_name) }
                        <q>{ c.concern.text.clone() }</q>
                    </li>
                }) }
            </ul>
        </section>
    }
}
