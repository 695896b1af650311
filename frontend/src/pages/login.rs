//! Logging in: a real form, checked in the browser first so obvious mistakes get a message next
//! to the field, then sent to the server, whose answer is shown above the button.

use domain::EmailAddress;
use domain::contract::{LoginRequest, Me};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::{Api, ApiError, auth};
use crate::components::NavLink;
use crate::hooks::{use_texts, use_title};
use crate::i18n::Texts;
use crate::route::Route;

/// Why the login page is shown, when it is not simply the first visit.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The person logged out.
    LoggedOut,
    /// The session expired while the app was open.
    SessionExpired,
    /// The session could not be restored (server unreachable, say).
    Failed(ApiError),
}

#[derive(Properties, PartialEq)]
pub struct LoginProps {
    pub api: Api,
    #[prop_or_default]
    pub notice: Option<Notice>,
    /// Called with the person once they are logged in.
    pub on_logged_in: Callback<Me>,
}

/// The problems with what was typed, field by field, before anything is sent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldErrors {
    pub email: Option<&'static str>,
    pub password: Option<&'static str>,
}

impl FieldErrors {
    fn is_empty(&self) -> bool {
        self.email.is_none() && self.password.is_none()
    }
}

/// Checks the form: both fields filled in, and an e-mail address that could be one.
pub fn check_login(texts: &Texts, email: &str, password: &str) -> FieldErrors {
    FieldErrors {
        email: if email.trim().is_empty() {
            Some(texts.email_required)
        } else if EmailAddress::parse(email).is_err() {
            Some(texts.email_invalid)
        } else {
            None
        },
        password: password.is_empty().then_some(texts.password_required),
    }
}

#[component]
pub fn LoginPage(props: &LoginProps) -> Html {
    let texts = use_texts();
    use_title(texts.login_title);
    let email = use_state(String::new);
    let password = use_state(String::new);
    let field_errors = use_state(FieldErrors::default);
    let server_error = use_state(|| None::<ApiError>);
    let submitting = use_state(|| false);
    let email_ref = use_node_ref();
    let password_ref = use_node_ref();

    let oninput_email = {
        let email = email.clone();
        Callback::from(move |event: InputEvent| {
            email.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let oninput_password = {
        let password = password.clone();
        Callback::from(move |event: InputEvent| {
            password.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };

    let onsubmit = {
        let (email, password) = (email.clone(), password.clone());
        let (field_errors, server_error) = (field_errors.clone(), server_error.clone());
        let submitting = submitting.clone();
        let (email_ref, password_ref) = (email_ref.clone(), password_ref.clone());
        let api = props.api.clone();
        let on_logged_in = props.on_logged_in.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *submitting {
                return;
            }
            let errors = check_login(texts, &email, &password);
            if !errors.is_empty() {
                // Take the person to the first field that needs attention.
                let first = if errors.email.is_some() {
                    &email_ref
                } else {
                    &password_ref
                };
                if let Some(input) = first.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                }
                field_errors.set(errors);
                return;
            }
            field_errors.set(FieldErrors::default());
            server_error.set(None);
            submitting.set(true);
            let request = LoginRequest {
                email: email.trim().to_owned(),
                password: (*password).clone(),
            };
            let (api, on_logged_in) = (api.clone(), on_logged_in.clone());
            let (server_error, submitting) = (server_error.clone(), submitting.clone());
            spawn_local(async move {
                let result = match auth::login(&api, &request).await {
                    Ok(()) => auth::me(&api).await,
                    Err(error) => Err(error),
                };
                match result {
                    Ok(me) => on_logged_in.emit(me),
                    Err(error) => {
                        server_error.set(Some(error));
                        submitting.set(false);
                    }
                }
            });
        })
    };

    // Messages that come and go are single children that are always there (empty when there is
    // nothing to say): yew matches unkeyed siblings from the end, so a node appearing among them
    // would rebuild its neighbours and take the focus out of the field being typed in.
    let notice = props.notice.as_ref().map(|notice| match notice {
        Notice::LoggedOut => html! {
            <p id="login-notice" class="message message-info" role="status">{ texts.logged_out_notice }</p>
        },
        Notice::SessionExpired => html! {
            <p id="login-notice" class="message message-info" role="status">{ texts.session_expired_notice }</p>
        },
        Notice::Failed(error) => html! {
            <p id="login-notice" class="message message-error" role="status">{ texts.error(error) }</p>
        },
    });
    let notice = notice.unwrap_or_default();
    let server_error = server_error.as_ref().map(|error| {
        html! { <p id="login-error" class="message message-error" role="alert">{ texts.error(error) }</p> }
    });
    let server_error = server_error.unwrap_or_default();

    html! {
        <main id="main" class="login">
            <div class="login-card">
                <p class="brand brand-login" aria-hidden="true">{ texts.app_name }</p>
                <h1 id="page-title">{ texts.login_title }</h1>
                <p class="lead">{ texts.login_intro }</p>
                { notice }
                <form class="form" novalidate=true onsubmit={onsubmit} aria-labelledby="page-title">
                    <Field
                        id="email"
                        label={texts.email_label}
                        error={field_errors.email}
                    >
                        <input
                            id="email"
                            name="email"
                            type="email"
                            autocomplete="username"
                            inputmode="email"
                            spellcheck="false"
                            required=true
                            ref={email_ref}
                            value={(*email).clone()}
                            oninput={oninput_email}
                            aria-invalid={field_errors.email.is_some().then_some("true")}
                            aria-describedby={field_errors.email.map(|_| "email-error")}
                        />
                    </Field>
                    <Field
                        id="password"
                        label={texts.password_label}
                        error={field_errors.password}
                    >
                        <input
                            id="password"
                            name="password"
                            type="password"
                            autocomplete="current-password"
                            required=true
                            ref={password_ref}
                            value={(*password).clone()}
                            oninput={oninput_password}
                            aria-invalid={field_errors.password.is_some().then_some("true")}
                            aria-describedby={field_errors.password.map(|_| "password-error")}
                        />
                    </Field>
                    { server_error }
                    <button id="login-submit" type="submit" class="button-primary" disabled={*submitting}>
                        { if *submitting { texts.login_submitting } else { texts.login_submit } }
                    </button>
                </form>
                <p class="public-link">
                    <NavLink id="forgot-password-link" to={Route::ForgotPassword} current={false}>
                        { texts.password_reset().link }
                    </NavLink>
                </p>
                <p class="public-link">
                    <NavLink id="apply-link" to={Route::Apply} current={false}>
                        { texts.apply().link }
                    </NavLink>
                </p>
                <p class="public-link">
                    <NavLink id="employer-sign-up-link" to={Route::EmployerSignUp} current={false}>
                        { texts.sponsorship().sign_up_link }
                    </NavLink>
                </p>
            </div>
        </main>
    }
}

#[derive(Properties, PartialEq)]
struct FieldProps {
    id: &'static str,
    label: &'static str,
    error: Option<&'static str>,
    children: Html,
}

/// A label, its input, and the input's message (with id `<id>-error`) right under it.
#[component]
fn Field(props: &FieldProps) -> Html {
    let error = props.error.map(|error| {
        html! { <p id={format!("{}-error", props.id)} class="field-error">{ error }</p> }
    });
    let error = error.unwrap_or_default();
    html! {
        <div class={classes!("field", props.error.map(|_| "field-invalid"))}>
            <label for={props.id}>{ props.label }</label>
            { props.children.clone() }
            { error }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::NL;

    #[test]
    fn empty_fields_are_asked_for() {
        let errors = check_login(&NL, "  ", "");
        assert_eq!(errors.email, Some("Vul je e-mailadres in."));
        assert_eq!(errors.password, Some("Vul je wachtwoord in."));
    }

    #[test]
    fn an_implausible_address_is_refused_before_sending() {
        let errors = check_login(&NL, "directeur", "geheim");
        assert_eq!(errors.email, Some(NL.email_invalid));
        assert_eq!(errors.password, None);
    }

    #[test]
    fn a_plausible_login_passes() {
        assert!(check_login(&NL, " Directeur@Zeester.example ", "klasbrug-demo").is_empty());
    }
}
