//! Team-uitnodiging (`/team-uitnodiging?token=…`): a teacher or coordinator invited by their
//! director sees who invites them to which school, and accepts: with a new password when the
//! address has no account, or logged in with the account it has.

use domain::contract::{TeamInvitationAcceptance, TeamInvitationPreview};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::team::{accept, preview};
use crate::api::{Api, ApiError};
use crate::components::{FormField, Loading, NavLink, described_by};
use crate::hooks::{focus_id, use_texts, use_title};
use crate::i18n::fill;
use crate::pages::apply_confirm::token_of;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct TeamInvitationProps {
    pub api: Api,
    /// Whether someone is logged in (then an existing account accepts with one click).
    pub logged_in: bool,
}

#[component]
pub fn TeamInvitationPage(props: &TeamInvitationProps) -> Html {
    let texts = use_texts();
    let t = texts.team();
    use_title(t.accept_title);
    let token = use_location().and_then(|location| token_of(location.query_str()));
    let loaded = use_state(|| None::<Result<TeamInvitationPreview, ApiError>>);
    {
        let (api, loaded, token) = (props.api.clone(), loaded.clone(), token.clone());
        use_effect_with(token, move |token| {
            if let Some(token) = token.clone() {
                spawn_local(async move { loaded.set(Some(preview(&api, &token).await)) });
            }
        });
    }
    let password = use_state(String::new);
    let repeat = use_state(String::new);
    let wrong = use_state(|| None::<(&'static str, &'static str)>);
    let failure = use_state(|| None::<ApiError>);
    let done = use_state(|| false);
    let saving = use_state(|| false);

    let Some(token) = token else {
        return page(
            t.accept_title,
            html! { <p class="message message-error" role="alert">{ t.err_unknown }</p> },
        );
    };
    let preview = match &*loaded {
        None => return page(t.accept_title, html! { <Loading /> }),
        Some(Err(error)) => {
            return page(
                t.accept_title,
                html! { <p id="team-invitation-error" class="message message-error" role="alert">{ t.invitation_error(texts, error) }</p> },
            );
        }
        Some(Ok(preview)) => preview.clone(),
    };
    if *done {
        let (text, to) = if props.logged_in {
            (
                t.joined_done,
                html! { <NavLink id="to-class" to={Route::MyClass} current={false}>{ t.to_class }</NavLink> },
            )
        } else {
            (
                t.accepted_done,
                html! { <NavLink id="to-login" to={Route::Overview} current={false}>{ t.to_login }</NavLink> },
            )
        };
        return page(
            t.accept_title,
            html! {
                <>
                    <p id="team-invitation-done" class="message message-success" role="status" tabindex="-1">{ text }</p>
                    <p>{ to }</p>
                </>
            },
        );
    }

    let role = match preview.role {
        domain::Role::Coordinator => t.role_coordinator,
        _ => t.role_teacher,
    };
    let intro = fill(
        t.accept_intro,
        &[
            ("name", &preview.name),
            ("role", &role.to_lowercase()),
            ("school", &preview.school_name),
        ],
    );
    let onsubmit = {
        let (api, token) = (props.api.clone(), token.clone());
        let needs_password = !preview.account_exists;
        let (password, repeat, wrong, failure, done, saving) = (
            password.clone(),
            repeat.clone(),
            wrong.clone(),
            failure.clone(),
            done.clone(),
            saving.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *saving {
                return;
            }
            if needs_password && password.chars().count() < 10 {
                wrong.set(Some(("password", t.msg_password)));
                focus_id("ti-password");
                return;
            }
            if needs_password && *password != *repeat {
                wrong.set(Some(("password_repeat", t.msg_password_repeat)));
                focus_id("ti-password-repeat");
                return;
            }
            wrong.set(None);
            failure.set(None);
            saving.set(true);
            let body = TeamInvitationAcceptance {
                token: token.clone(),
                password: needs_password.then(|| (*password).clone()),
            };
            let (api, wrong, failure, done, saving) = (
                api.clone(),
                wrong.clone(),
                failure.clone(),
                done.clone(),
                saving.clone(),
            );
            spawn_local(async move {
                let result = accept(&api, &body).await;
                saving.set(false);
                match result {
                    Ok(_) => {
                        done.set(true);
                        focus_id("team-invitation-done");
                    }
                    Err(ApiError::Problem(problem)) if !problem.errors.is_empty() => {
                        wrong.set(Some(("password", t.msg_password)));
                        focus_id("ti-password");
                    }
                    Err(error) => failure.set(Some(error)),
                }
            });
        })
    };
    let oninput = |state: UseStateHandle<String>| {
        Callback::from(move |event: InputEvent| {
            state.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let error_of = |field: &str| {
        wrong
            .filter(|(f, _)| *f == field)
            .map(|(_, m)| AttrValue::from(m))
    };
    let (password_error, repeat_error) = (error_of("password"), error_of("password_repeat"));
    let body = if preview.account_exists && !props.logged_in {
        html! {
            <>
                <p id="team-invitation-log-in" class="message message-info">{ fill(t.log_in_first, &[("email", &preview.email)]) }</p>
                <p><NavLink id="to-login" to={Route::Overview} current={false}>{ t.to_login }</NavLink></p>
            </>
        }
    } else {
        html! {
            <form id="team-invitation-form" class="form" novalidate=true {onsubmit}>
                if !preview.account_exists {
                    <FormField id="ti-password" label={t.password} hint={Some(AttrValue::from(t.password_hint))} error={password_error.clone()}>
                        <input id="ti-password" type="password" autocomplete="new-password" value={(*password).clone()}
                            oninput={oninput(password.clone())}
                            aria-invalid={password_error.is_some().then_some("true")}
                            aria-describedby={described_by("ti-password", true, password_error.is_some())} />
                    </FormField>
                    <FormField id="ti-password-repeat" label={t.password_repeat} error={repeat_error.clone()}>
                        <input id="ti-password-repeat" type="password" autocomplete="new-password" value={(*repeat).clone()}
                            oninput={oninput(repeat.clone())}
                            aria-invalid={repeat_error.is_some().then_some("true")}
                            aria-describedby={described_by("ti-password-repeat", false, repeat_error.is_some())} />
                    </FormField>
                }
                if let Some(error) = (*failure).clone() {
                    <p id="team-invitation-error" class="message message-error" role="alert">{ t.invitation_error(texts, &error) }</p>
                }
                <button id="ti-submit" type="submit" class="button-primary" disabled={*saving}>
                    { if preview.account_exists { t.accept_logged_in } else { t.accept_submit } }
                </button>
            </form>
        }
    };
    page(
        t.accept_title,
        html! {
            <>
                <p id="team-invitation-intro" class="lead">{ intro }</p>
                { body }
            </>
        },
    )
}

fn page(title: &'static str, content: Html) -> Html {
    html! {
        <section id="team-invitation" class="page public-page" aria-labelledby="page-title">
            <div class="login-card">
                <h1 id="page-title">{ title }</h1>
                { content }
            </div>
        </section>
    }
}
