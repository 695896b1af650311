//! Wachtwoord vergeten (`/wachtwoord-vergeten`): the person gives the address they log in with
//! and is told the same whatever the server found, so the page tells nobody who has an account.

use domain::EmailAddress;
use domain::contract::PasswordResetRequest;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::auth::request_password_reset;
use crate::api::{Api, ApiError};
use crate::components::{FormField, NavLink, described_by};
use crate::hooks::{focus_id, use_texts, use_title};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct ForgotPasswordProps {
    pub api: Api,
}

#[component]
pub fn ForgotPasswordPage(props: &ForgotPasswordProps) -> Html {
    let texts = use_texts();
    let t = texts.password_reset();
    use_title(t.forgot_title);
    let email = use_state(String::new);
    let message = use_state(|| None::<&'static str>);
    let sending = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let sent = use_state(|| false);
    use_effect_with((), |_| focus_id("fp-email"));

    let onsubmit = {
        let api = props.api.clone();
        let (email, message, sending, failure, sent) = (
            email.clone(),
            message.clone(),
            sending.clone(),
            failure.clone(),
            sent.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *sending {
                return;
            }
            failure.set(None);
            if email.trim().is_empty() || EmailAddress::parse(&email).is_err() {
                message.set(Some(if email.trim().is_empty() {
                    texts.email_required
                } else {
                    texts.email_invalid
                }));
                focus_id("fp-email");
                return;
            }
            message.set(None);
            sending.set(true);
            let body = PasswordResetRequest {
                email: email.trim().to_owned(),
            };
            let (api, message, sending, failure, sent) = (
                api.clone(),
                message.clone(),
                sending.clone(),
                failure.clone(),
                sent.clone(),
            );
            spawn_local(async move {
                let result = request_password_reset(&api, &body).await;
                sending.set(false);
                match result {
                    Ok(()) => {
                        sent.set(true);
                        focus_id("fp-sent");
                    }
                    Err(ApiError::Problem(problem)) if !problem.errors.is_empty() => {
                        message.set(Some(texts.email_invalid));
                        focus_id("fp-email");
                    }
                    Err(error) => {
                        failure.set(Some(error));
                        focus_id("fp-error");
                    }
                }
            });
        })
    };

    let body = if *sent {
        html! {
            <>
                <p id="fp-sent" class="message message-success" role="status" tabindex="-1">{ t.sent }</p>
                <p><NavLink id="to-login" to={Route::Overview} current={false}>{ t.to_login }</NavLink></p>
            </>
        }
    } else {
        let error = message.map(AttrValue::from);
        let oninput = {
            let email = email.clone();
            Callback::from(move |event: InputEvent| {
                if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                    email.set(input.value());
                }
            })
        };
        let failed = failure.as_ref().map(|error| {
            html! {
                <p id="fp-error" class="message message-error" role="alert" tabindex="-1">{ t.error(texts, error) }</p>
            }
        });
        html! {
            <>
                <form id="forgot-form" class="form" novalidate=true aria-labelledby="page-title" {onsubmit}>
                    <FormField id="fp-email" label={t.email} error={error.clone()}>
                        <input id="fp-email" name="email" type="email" autocomplete="username" inputmode="email"
                            spellcheck="false" required=true value={(*email).clone()} {oninput}
                            aria-invalid={error.is_some().then_some("true")}
                            aria-describedby={described_by("fp-email", false, error.is_some())} />
                    </FormField>
                    { failed.unwrap_or_default() }
                    <button id="fp-submit" type="submit" class="button-primary" disabled={*sending}
                        aria-busy={sending.then_some("true")}>
                        { if *sending { t.sending } else { t.send } }
                    </button>
                </form>
                <p class="public-link"><NavLink id="to-login" to={Route::Overview} current={false}>{ t.to_login }</NavLink></p>
            </>
        }
    };

    html! {
        <section id="forgot-password" class="page public-page" aria-labelledby="page-title">
            <div class="login-card">
                <h1 id="page-title">{ t.forgot_title }</h1>
                if !*sent {
                    <p class="lead">{ t.forgot_intro }</p>
                }
                { body }
            </div>
        </section>
    }
}
