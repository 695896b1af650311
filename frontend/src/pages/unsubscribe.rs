//! Afmelden (`/afmelden?token=…`): the link under an e-mail that a person can stop. It works
//! without logging in: one button stops that category of e-mail for the link's address.

use domain::mail_preference::MailCategory;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::mail_preferences::unsubscribe;
use crate::api::{Api, ApiError};
use crate::components::NavLink;
use crate::hooks::{focus_id, use_texts, use_title};
use crate::i18n::fill;
use crate::pages::apply_confirm::token_of;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct UnsubscribeProps {
    pub api: Api,
}

/// The category a token names (its middle part), to say what the button stops before it is
/// pressed; the server checks the whole token.
fn category_of(token: &str) -> Option<MailCategory> {
    MailCategory::parse(token.split('.').nth(1)?).ok()
}

#[component]
pub fn UnsubscribePage(props: &UnsubscribeProps) -> Html {
    let texts = use_texts();
    let t = texts.mail_preferences();
    use_title(t.unsubscribe_title);
    let token = use_location().and_then(|location| token_of(location.query_str()));
    let sending = use_state(|| false);
    let done = use_state(|| None::<MailCategory>);
    let failure = use_state(|| None::<ApiError>);

    let onclick = {
        let api = props.api.clone();
        let token = token.clone();
        let (sending, done, failure) = (sending.clone(), done.clone(), failure.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(token) = token.clone() else { return };
            if *sending {
                return;
            }
            failure.set(None);
            sending.set(true);
            let (api, sending, done, failure) =
                (api.clone(), sending.clone(), done.clone(), failure.clone());
            spawn_local(async move {
                let result = unsubscribe(&api, &token).await;
                sending.set(false);
                match result {
                    Ok(stopped) => {
                        done.set(Some(stopped.category));
                        focus_id("unsubscribed");
                    }
                    Err(error) => {
                        failure.set(Some(error));
                        focus_id("unsubscribe-error");
                    }
                }
            });
        })
    };

    let settings = html! {
        <p><NavLink id="to-mail-settings" to={Route::MailSettings} current={false}>{ t.to_settings }</NavLink></p>
    };
    let body = match (token.as_deref().and_then(category_of), *done) {
        (_, Some(category)) => html! {
            <>
                <p id="unsubscribed" class="message message-success" role="status" tabindex="-1">
                    { fill(t.unsubscribed, &[("what", &t.category(category).0.to_lowercase())]) }
                </p>
                { settings }
            </>
        },
        (None, None) => html! {
            <>
                <p id="unsubscribe-error" class="message message-error" role="alert">{ t.err_no_token }</p>
                { settings }
            </>
        },
        (Some(category), None) => {
            let (name, about) = t.category(category);
            let failed = failure.as_ref().map(|error| {
                let said = match error {
                    ApiError::Problem(problem) if !problem.errors.is_empty() => t.err_invalid,
                    other => texts.error(other),
                };
                html! { <p id="unsubscribe-error" class="message message-error" role="alert" tabindex="-1">{ said }</p> }
            });
            html! {
                <>
                    <p>{ t.unsubscribe_intro }</p>
                    <p id="unsubscribe-category"><strong>{ name }</strong>{ ": " }{ about }</p>
                    { failed.unwrap_or_default() }
                    <p>
                        <button id="unsubscribe" type="button" {onclick} disabled={*sending}>
                            { if *sending { t.unsubscribing } else { t.unsubscribe } }
                        </button>
                    </p>
                    { settings }
                </>
            }
        }
    };
    html! {
        <section id="unsubscribe-page" class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ t.unsubscribe_title }</h1>
            { body }
        </section>
    }
}
