//! Wachtwoord herstellen (`/wachtwoord-herstellen?token=…`): the person opens the link from the
//! reset e-mail and chooses a new password twice; then every earlier session has ended and they
//! log in with it.

use domain::contract::PasswordResetConfirmation;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::auth::confirm_password_reset;
use crate::api::{Api, ApiError};
use crate::components::{FormField, NavLink, described_by};
use crate::hooks::{focus_id, use_texts, use_title};
use crate::pages::apply_confirm::token_of;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct ResetPasswordProps {
    pub api: Api,
}

#[component]
pub fn ResetPasswordPage(props: &ResetPasswordProps) -> Html {
    let texts = use_texts();
    let t = texts.password_reset();
    use_title(t.reset_title);
    let token = use_location().and_then(|location| token_of(location.query_str()));
    let password = use_state(String::new);
    let repeat = use_state(String::new);
    let message = use_state(|| None::<(&'static str, &'static str)>);
    let saving = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let done = use_state(|| false);
    use_effect_with((), |_| focus_id("rp-password"));

    let onsubmit = {
        let api = props.api.clone();
        let (password, repeat, message, saving, failure, done) = (
            password.clone(),
            repeat.clone(),
            message.clone(),
            saving.clone(),
            failure.clone(),
            done.clone(),
        );
        let token = token.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(token) = token.clone() else { return };
            if *saving {
                return;
            }
            failure.set(None);
            if password.chars().count() < 10 {
                message.set(Some(("password", t.msg_password)));
                focus_id("rp-password");
                return;
            }
            if *password != *repeat {
                message.set(Some(("password_repeat", t.msg_password_repeat)));
                focus_id("rp-password-repeat");
                return;
            }
            message.set(None);
            saving.set(true);
            let body = PasswordResetConfirmation {
                token,
                password: (*password).clone(),
            };
            let (api, message, saving, failure, done) = (
                api.clone(),
                message.clone(),
                saving.clone(),
                failure.clone(),
                done.clone(),
            );
            spawn_local(async move {
                let result = confirm_password_reset(&api, &body).await;
                saving.set(false);
                match result {
                    Ok(()) => {
                        done.set(true);
                        focus_id("rp-done");
                    }
                    Err(ApiError::Problem(problem)) if !problem.errors.is_empty() => {
                        message.set(Some(("password", t.msg_password)));
                        focus_id("rp-password");
                    }
                    Err(error) => {
                        failure.set(Some(error));
                        focus_id("rp-error");
                    }
                }
            });
        })
    };

    let body = if *done {
        html! {
            <>
                <p id="rp-done" class="message message-success" role="status" tabindex="-1">{ t.done }</p>
                <p><NavLink id="to-login" to={Route::Overview} current={false}>{ t.to_login }</NavLink></p>
            </>
        }
    } else if token.is_none() {
        html! {
            <>
                <p id="rp-error" class="message message-error" role="alert">{ t.err_no_token }</p>
                <p><NavLink id="ask-again" to={Route::ForgotPassword} current={false}>{ t.ask_again }</NavLink></p>
            </>
        }
    } else {
        let error_of = |field: &str| {
            message
                .filter(|(f, _)| *f == field)
                .map(|(_, m)| AttrValue::from(m))
        };
        let (password_error, repeat_error) = (error_of("password"), error_of("password_repeat"));
        let oninput = |state: UseStateHandle<String>| {
            Callback::from(move |event: InputEvent| {
                if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                    state.set(input.value());
                }
            })
        };
        let failed = failure.as_ref().map(|error| {
            let again = matches!(
                error.code(),
                Some("reset_link_invalid" | "reset_link_expired" | "reset_link_used")
            );
            html! {
                <div id="rp-error" class="message message-error" role="alert" tabindex="-1">
                    <p>{ t.error(texts, error) }</p>
                    if again {
                        <p><NavLink id="ask-again" to={Route::ForgotPassword} current={false}>{ t.ask_again }</NavLink></p>
                    }
                </div>
            }
        });
        html! {
            <form id="reset-form" class="form" novalidate=true aria-labelledby="page-title" {onsubmit}>
                <FormField id="rp-password" label={t.password} hint={Some(AttrValue::from(t.password_hint))} error={password_error.clone()}>
                    <input id="rp-password" type="password" autocomplete="new-password" value={(*password).clone()}
                        oninput={oninput(password.clone())}
                        aria-invalid={password_error.is_some().then_some("true")}
                        aria-describedby={described_by("rp-password", true, password_error.is_some())} />
                </FormField>
                <FormField id="rp-password-repeat" label={t.password_repeat} error={repeat_error.clone()}>
                    <input id="rp-password-repeat" type="password" autocomplete="new-password" value={(*repeat).clone()}
                        oninput={oninput(repeat.clone())}
                        aria-invalid={repeat_error.is_some().then_some("true")}
                        aria-describedby={described_by("rp-password-repeat", false, repeat_error.is_some())} />
                </FormField>
                { failed.unwrap_or_default() }
                <button id="rp-submit" type="submit" class="button-primary" disabled={*saving}
                    aria-busy={saving.then_some("true")}>
                    { if *saving { t.saving } else { t.save } }
                </button>
            </form>
        }
    };

    html! {
        <section id="reset-password" class="page public-page" aria-labelledby="page-title">
            <div class="login-card">
                <h1 id="page-title">{ t.reset_title }</h1>
                if !*done && token.is_some() {
                    <p class="lead">{ t.reset_intro }</p>
                }
                { body }
            </div>
        </section>
    }
}
