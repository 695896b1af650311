//! Aanmelding bevestigen (`/aanmelding-bevestigen?token=…`): the candidate opens the link from the
//! e-mail and chooses a password; then their account and ambassador profile exist and they log
//! in as usual.

use domain::contract::ApplicationConfirmation;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::applications::confirm_application;
use crate::api::{Api, ApiError};
use crate::components::{FormField, NavLink, described_by};
use crate::hooks::{focus_id, use_texts, use_title};
use crate::route::Route;

/// The token of `?token=…`, if the query has one.
pub fn token_of(query: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("token="))
        .filter(|token| !token.is_empty())
        .map(str::to_owned)
}

#[derive(Properties, PartialEq)]
pub struct ConfirmApplicationProps {
    pub api: Api,
}

#[component]
pub fn ConfirmApplicationPage(props: &ConfirmApplicationProps) -> Html {
    let texts = use_texts();
    let t = texts.apply();
    use_title(t.confirm_title);
    let token = use_location().and_then(|location| token_of(location.query_str()));
    let password = use_state(String::new);
    let repeat = use_state(String::new);
    let message = use_state(|| None::<(&'static str, &'static str)>);
    let saving = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let confirmed = use_state(|| None::<String>);
    use_effect_with((), |_| focus_id("ac-password"));

    let onsubmit = {
        let api = props.api.clone();
        let (password, repeat, message, saving, failure, confirmed) = (
            password.clone(),
            repeat.clone(),
            message.clone(),
            saving.clone(),
            failure.clone(),
            confirmed.clone(),
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
                focus_id("ac-password");
                return;
            }
            if *password != *repeat {
                message.set(Some(("password_repeat", t.msg_password_repeat)));
                focus_id("ac-password-repeat");
                return;
            }
            message.set(None);
            saving.set(true);
            let body = ApplicationConfirmation {
                token,
                password: (*password).clone(),
            };
            let (api, message, saving, failure, confirmed) = (
                api.clone(),
                message.clone(),
                saving.clone(),
                failure.clone(),
                confirmed.clone(),
            );
            spawn_local(async move {
                let result = confirm_application(&api, &body).await;
                saving.set(false);
                match result {
                    Ok(done) => {
                        confirmed.set(Some(done.email));
                        focus_id("ac-done");
                    }
                    Err(ApiError::Problem(problem)) if !problem.errors.is_empty() => {
                        message.set(Some(("password", t.msg_password)));
                        focus_id("ac-password");
                    }
                    Err(error) => {
                        failure.set(Some(error));
                        focus_id("ac-error");
                    }
                }
            });
        })
    };

    let body = if let Some(email) = (*confirmed).clone() {
        html! {
            <>
                <p id="ac-done" class="message message-success" role="status" tabindex="-1">{ t.confirmed }</p>
                <p class="field-hint">{ email }</p>
                <p><NavLink id="to-login" to={Route::Overview} current={false}>{ t.to_login }</NavLink></p>
            </>
        }
    } else if token.is_none() {
        html! { <p id="ac-error" class="message message-error" role="alert">{ t.err_no_token }</p> }
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
            let again = matches!(error.code(), Some("application_expired" | "not_found"));
            let login = matches!(
                error.code(),
                Some("application_already_confirmed" | "account_exists")
            );
            html! {
                <div id="ac-error" class="message message-error" role="alert" tabindex="-1">
                    <p>{ t.confirm_error(texts, error) }</p>
                    if again {
                        <p><NavLink id="apply-again" to={Route::Apply} current={false}>{ t.apply_again }</NavLink></p>
                    }
                    if login {
                        <p><NavLink id="to-login" to={Route::Overview} current={false}>{ t.to_login }</NavLink></p>
                    }
                </div>
            }
        });
        html! {
            <form id="confirm-form" class="form" novalidate=true aria-labelledby="page-title" {onsubmit}>
                <FormField id="ac-password" label={t.password} hint={Some(AttrValue::from(t.password_hint))} error={password_error.clone()}>
                    <input id="ac-password" type="password" autocomplete="new-password" value={(*password).clone()}
                        oninput={oninput(password.clone())}
                        aria-invalid={password_error.is_some().then_some("true")}
                        aria-describedby={described_by("ac-password", true, password_error.is_some())} />
                </FormField>
                <FormField id="ac-password-repeat" label={t.password_repeat} error={repeat_error.clone()}>
                    <input id="ac-password-repeat" type="password" autocomplete="new-password" value={(*repeat).clone()}
                        oninput={oninput(repeat.clone())}
                        aria-invalid={repeat_error.is_some().then_some("true")}
                        aria-describedby={described_by("ac-password-repeat", false, repeat_error.is_some())} />
                </FormField>
                { failed.unwrap_or_default() }
                <button id="ac-submit" type="submit" class="button-primary" disabled={*saving}
                    aria-busy={saving.then_some("true")}>{ t.confirm_submit }</button>
            </form>
        }
    };

    html! {
        <section id="confirm-application" class="page public-page" aria-labelledby="page-title">
            <div class="login-card">
                <h1 id="page-title">{ t.confirm_title }</h1>
                if confirmed.is_none() && token.is_some() {
                    <p class="lead">{ t.confirm_intro }</p>
                }
                { body }
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_read_from_the_query() {
        assert_eq!(token_of("?token=abc-_9"), Some("abc-_9".to_owned()));
        assert_eq!(token_of("?x=1&token=abc"), Some("abc".to_owned()));
        assert_eq!(token_of("?token="), None);
        assert_eq!(token_of(""), None);
    }
}
