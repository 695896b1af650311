//! Nieuwe aanmeldingen: on top of Ambassadeurs, the people who applied and confirmed (on the
//! website or through a partner) and are still `registered`, newest first, with a link to each;
//! and how many applications still wait for the candidate's confirmation. Nothing shows when
//! there is nothing new.

use domain::ambassador::IntakeStatus;
use domain::contract::Application;
use yew::prelude::*;
use yew_router::prelude::Link;

use crate::api::Api;
use crate::api::applications::list_applications;
use crate::hooks::use_texts;
use crate::i18n::fill;
use crate::pages::mine::{Loaded, use_load};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct NewApplicationsProps {
    pub api: Api,
}

#[component]
pub fn NewApplications(props: &NewApplicationsProps) -> Html {
    let texts = use_texts();
    let t = texts.apply();
    let load = use_load(props.api.clone(), |api: Api| async move {
        let confirmed = list_applications(&api, "confirmed").await?;
        let waiting = list_applications(&api, "awaiting_confirmation").await?;
        Ok((confirmed.items, waiting.items.len()))
    });
    let Loaded::Ready((confirmed, waiting)) = load.state else {
        return html! {};
    };
    let new: Vec<&Application> = confirmed
        .iter()
        .filter(|a| a.intake_status == Some(IntakeStatus::Registered))
        .collect();
    if new.is_empty() && waiting == 0 {
        return html! {};
    }
    let item = |application: &&Application| {
        let Some(id) = application.ambassador_id else {
            return html! {};
        };
        let via = application.partner.as_deref().unwrap_or(t.via_website);
        let sponsor = application
            .sponsoring_employer
            .as_ref()
            .map(|e| format!(" · {}: {e}", t.sponsor))
            .unwrap_or_default();
        html! {
            <li id={format!("application-{}", application.id)}>
                <Link<Route> to={Route::Ambassador { id }}>{ application.name.clone() }</Link<Route>>
                { format!(" · {} {} · {} {via}{sponsor}", t.applied_on, texts.dates.instant(application.submitted_at), t.via) }
            </li>
        }
    };
    html! {
        <section id="new-applications" class="message message-info" aria-labelledby="new-applications-title">
            <h2 id="new-applications-title">{ t.new_applications }</h2>
            if new.is_empty() {
                <p>{ t.no_new_applications }</p>
            } else {
                <p class="field-hint">{ t.new_applications_intro }</p>
                <ul>{ for new.iter().map(item) }</ul>
            }
            if waiting > 0 {
                <p id="applications-waiting">{ fill(t.waiting_confirmation, &[("count", &waiting.to_string())]) }</p>
            }
        </section>
    }
}
