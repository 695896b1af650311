//! Uitnodiging: the link an employer's member of staff got by e-mail
//! (`/uitnodiging?werkgever=<id>&token=<token>`). Shows who invited whom; without an account for
//! the address, a password and the weekdays make one; with one, the person logs in first and
//! then accepts here. An expired, used or wrong link is explained in Dutch.

use domain::Weekday;
use domain::contract::{InvitationAcceptance, InvitationPreview};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::sponsorship::{accept_invitation, invitation_preview};
use crate::api::{Api, ApiError};
use crate::components::{Loading, NavLink};
use crate::hooks::{focus_id, on_checked, on_value, use_editable, use_texts, use_title};
use crate::i18n::{SponsorshipTexts, Texts, fill};
use crate::pages::employers::{message_of, server_messages, text_field};
use crate::route::Route;

/// What the link says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvitationLink {
    pub employer: Option<Uuid>,
    pub token: Option<String>,
}

impl InvitationLink {
    /// Reads `?werkgever=…&token=…`, ignoring what it does not know. By hand: both values are
    /// URL-safe as they are.
    pub fn parse(query: &str) -> Self {
        let mut link = Self::default();
        for pair in query.trim_start_matches('?').split('&') {
            match pair.split_once('=') {
                Some(("werkgever", value)) => link.employer = Uuid::parse_str(value).ok(),
                Some(("token", value)) if !value.is_empty() => link.token = Some(value.to_owned()),
                _ => {}
            }
        }
        link
    }
}

/// Why an invitation cannot be accepted, in Dutch.
pub fn refusal(t: &SponsorshipTexts, texts: &Texts, error: &ApiError) -> &'static str {
    match (error.code(), error.status()) {
        (_, Some(404)) => t.err_invitation_unknown,
        _ => t.error(texts, error),
    }
}

#[derive(Properties, PartialEq)]
pub struct InvitationProps {
    pub api: Api,
    /// Whether someone is logged in: then an existing account is linked instead of made.
    pub logged_in: bool,
    /// Shows the login on this page, so that after logging in the person is back here. Only
    /// when nobody is logged in.
    #[prop_or_default]
    pub on_log_in: Option<Callback<()>>,
}

#[component]
pub fn InvitationPage(props: &InvitationProps) -> Html {
    let texts = use_texts();
    let t = texts.sponsorship();
    use_title(t.invitation_title);
    let link = use_location()
        .map(|location| InvitationLink::parse(location.query_str()))
        .unwrap_or_default();
    let preview = use_state(|| None::<Result<InvitationPreview, ApiError>>);
    {
        let (api, preview, token) = (props.api.clone(), preview.clone(), link.token.clone());
        use_effect_with(token, move |token| {
            if let Some(token) = token.clone() {
                spawn_local(async move {
                    preview.set(Some(invitation_preview(&api, &token).await));
                });
            }
        });
    }

    let body = match (link.employer, link.token.clone(), &*preview) {
        (None, _, _) | (_, None, _) => refused(t.err_invitation_unknown),
        (_, _, None) => html! { <Loading /> },
        (_, _, Some(Err(error))) => refused(refusal(t, texts, error)),
        (Some(employer), _, Some(Ok(shown))) if shown.employer_id != employer => {
            refused(t.err_invitation_wrong_employer)
        }
        (Some(employer), Some(token), Some(Ok(shown))) => html! {
            <>
                <p id="invitation-from" class="lead">
                    { fill(t.invitation_from, &[("employer", &shown.employer_name)]) }
                </p>
                <p id="invitation-for">
                    { fill(t.invitation_for, &[
                        ("name", &shown.employee_name),
                        ("email", &shown.employee_email),
                        ("date", &texts.dates.instant_date(shown.expires_at)),
                    ]) }
                </p>
                <AcceptForm api={props.api.clone()} {employer} {token} preview={shown.clone()}
                    logged_in={props.logged_in} on_log_in={props.on_log_in.clone()} />
            </>
        },
    };

    html! {
        <section id="invitation" class="page public-page" aria-labelledby="page-title">
            <div class="login-card">
                <h1 id="page-title">{ t.invitation_title }</h1>
                { body }
            </div>
        </section>
    }
}

fn refused(message: &'static str) -> Html {
    html! { <p id="invitation-refused" class="message message-error" role="alert">{ message }</p> }
}

/// What is typed into the form.
#[derive(Debug, Clone, Default, PartialEq)]
struct AcceptDraft {
    password: String,
    password_repeat: String,
    weekdays: Vec<Weekday>,
}

impl AcceptDraft {
    /// The acceptance to send: a password (twice the same, at least 10 characters) when an
    /// account is to be made, and at least one weekday.
    fn input(
        &self,
        t: &SponsorshipTexts,
        token: &str,
        new_account: bool,
    ) -> Result<InvitationAcceptance, Vec<(String, &'static str)>> {
        let mut wrong: Vec<(String, &'static str)> = Vec::new();
        if new_account {
            if domain::Password::parse(&self.password).is_err() {
                wrong.push(("password".into(), t.msg_password));
            } else if self.password != self.password_repeat {
                wrong.push(("password_repeat".into(), t.msg_password_repeat));
            }
        }
        if self.weekdays.is_empty() {
            wrong.push(("weekdays".into(), t.msg_weekdays));
        }
        if !wrong.is_empty() {
            return Err(wrong);
        }
        let mut weekdays: Vec<Weekday> = Weekday::ALL
            .iter()
            .copied()
            .filter(|day| self.weekdays.contains(day))
            .collect();
        weekdays.dedup();
        Ok(InvitationAcceptance {
            token: token.to_owned(),
            password: new_account.then(|| self.password.clone()),
            weekdays,
        })
    }
}

const FIELDS: [(&str, &str); 3] = [
    ("password", "inv-password"),
    ("password_repeat", "inv-password-repeat"),
    ("weekdays", "inv-weekday-monday"),
];

fn focus_first(wrong: &[(String, &'static str)]) {
    if let Some((_, id)) = FIELDS
        .iter()
        .find(|(name, _)| wrong.iter().any(|(f, _)| f == name))
    {
        focus_id(id);
    }
}

/// What happened after sending.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// An account was made (true) or the logged-in account linked (false).
    Accepted(bool),
    /// The server says an account exists for the address: log in first.
    LogInFirst,
    Refused(ApiError),
}

#[derive(Properties, PartialEq)]
struct AcceptFormProps {
    api: Api,
    employer: Uuid,
    token: String,
    preview: InvitationPreview,
    logged_in: bool,
    on_log_in: Option<Callback<()>>,
}

#[component]
fn AcceptForm(props: &AcceptFormProps) -> Html {
    let texts = use_texts();
    let t = texts.sponsorship();
    let draft = use_editable(AcceptDraft::default);
    let messages = use_state(Vec::<(String, &'static str)>::new);
    let saving = use_state(|| false);
    let outcome = use_state(|| None::<Outcome>);
    // With an account for the address, it is linked once its owner is logged in.
    let new_account = !props.preview.account_exists;
    let log_in_first =
        (props.preview.account_exists || *outcome == Some(Outcome::LogInFirst)) && !props.logged_in;

    let onsubmit = {
        let (api, employer, token) = (props.api.clone(), props.employer, props.token.clone());
        let (draft, messages, saving, outcome) = (
            draft.clone(),
            messages.clone(),
            saving.clone(),
            outcome.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *saving {
                return;
            }
            let input = match draft.0.input(t, &token, new_account) {
                Ok(input) => input,
                Err(wrong) => {
                    focus_first(&wrong);
                    messages.set(wrong);
                    return;
                }
            };
            messages.set(Vec::new());
            outcome.set(None);
            saving.set(true);
            let api = api.clone();
            let (messages, saving, outcome) = (messages.clone(), saving.clone(), outcome.clone());
            spawn_local(async move {
                let result = accept_invitation(&api, employer, &input).await;
                saving.set(false);
                match result {
                    Ok(accepted) => {
                        outcome.set(Some(Outcome::Accepted(accepted.account_created)));
                        focus_id("invitation-done");
                    }
                    Err(error) if error.code() == Some("account_exists") => {
                        outcome.set(Some(Outcome::LogInFirst));
                        focus_id("invitation-account-exists");
                    }
                    Err(ApiError::Problem(problem))
                        if problem.status == 422 && !problem.errors.is_empty() =>
                    {
                        let wrong = t.refused_by_server(server_messages(t, &problem.errors));
                        focus_first(&wrong);
                        messages.set(wrong);
                    }
                    Err(error) => {
                        outcome.set(Some(Outcome::Refused(error)));
                        focus_id("invitation-refused");
                    }
                }
            });
        })
    };

    let email = props.preview.employee_email.as_str();
    match &*outcome {
        Some(Outcome::Accepted(created)) => {
            let said = if *created {
                fill(t.account_created, &[("email", email)])
            } else {
                fill(
                    t.account_linked,
                    &[("employer", &props.preview.employer_name)],
                )
            };
            let (to, link) = if props.logged_in {
                (Route::Overview, texts.back_to_overview)
            } else {
                (Route::Overview, t.to_login)
            };
            return html! {
                <>
                    <p id="invitation-done" class="message message-success" role="status" tabindex="-1">{ said }</p>
                    <p><NavLink id="to-login" {to} current={false}>{ link }</NavLink></p>
                </>
            };
        }
        Some(Outcome::Refused(error)) => {
            return html! {
                <p id="invitation-refused" class="message message-error" role="alert" tabindex="-1">
                    { refusal(t, texts, error) }
                </p>
            };
        }
        _ => {}
    }
    if log_in_first {
        let log_in = props.on_log_in.clone().map(|on_log_in| {
            html! {
                <button id="invitation-log-in" type="button" class="button-primary"
                    onclick={move |_| on_log_in.emit(())}>
                    { t.log_in_first }
                </button>
            }
        });
        return html! {
            <>
                <p id="invitation-account-exists" class="message message-info" role="status" tabindex="-1">
                    { fill(t.account_exists, &[("email", email)]) }
                </p>
                { log_in.unwrap_or_default() }
            </>
        };
    }

    let d = draft.dispatcher();
    let f: &AcceptDraft = &draft.0;
    let days = Weekday::ALL.iter().map(|day| {
        let day = *day;
        let id = format!("inv-weekday-{}", day.as_str());
        html! {
            <label class="checkbox" for={id.clone()}>
                <input {id} type="checkbox" checked={f.weekdays.contains(&day)}
                    onchange={on_checked(d.clone(), move |f: &mut AcceptDraft, on: bool| {
                        f.weekdays.retain(|w| *w != day);
                        if on { f.weekdays.push(day); }
                    })} />
                { texts.placements().weekday(day) }
            </label>
        }
    });
    let weekday_error = message_of(&messages, "weekdays");
    let passwords = new_account.then(|| {
        html! {
            <>
                { text_field("inv-password", texts.sponsorship().password_label, Some(t.password_hint), "password",
                    &f.password, message_of(&messages, "password"), "new-password",
                    on_value(d.clone(), |f: &mut AcceptDraft, v| f.password = v)) }
                { text_field("inv-password-repeat", t.password_repeat_label, None, "password",
                    &f.password_repeat, message_of(&messages, "password_repeat"), "new-password",
                    on_value(d.clone(), |f: &mut AcceptDraft, v| f.password_repeat = v)) }
            </>
        }
    });

    html! {
        <form id="invitation-form" class="form" novalidate=true aria-labelledby="page-title" {onsubmit}>
            { passwords.unwrap_or_default() }
            <fieldset class={classes!("weekdays", weekday_error.is_some().then_some("field-invalid"))}
                aria-describedby={weekday_error.as_ref().map(|_| "inv-weekdays-error")}>
                <legend>{ t.weekdays_label }</legend>
                { for days }
                { weekday_error.map(|m| html! { <p id="inv-weekdays-error" class="field-error">{ m }</p> }).unwrap_or_default() }
            </fieldset>
            <button id="inv-submit" type="submit" class="button-primary" disabled={*saving}
                aria-busy={saving.then_some("true")}>
                { if *saving { t.saving } else if new_account { t.accept_submit } else { t.accept_linked_submit } }
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::NL;

    #[test]
    fn the_link_names_the_employer_and_the_token() {
        let id = Uuid::from_u128(5);
        let token = "AbC-_0123456789abcdefghijklmnopqrstuvwxyzAB";
        let link = InvitationLink::parse(&format!("?werkgever={id}&token={token}"));
        assert_eq!(link.employer, Some(id));
        assert_eq!(link.token.as_deref(), Some(token));
        assert_eq!(InvitationLink::parse("?token="), InvitationLink::default());
    }

    #[test]
    fn a_new_account_needs_a_password_twice_and_a_day() {
        let t = NL.sponsorship();
        let mut draft = AcceptDraft::default();
        let wrong = draft.input(t, "tok", true).unwrap_err();
        assert_eq!(
            wrong,
            [
                ("password".to_owned(), t.msg_password),
                ("weekdays".to_owned(), t.msg_weekdays)
            ]
        );
        draft.password = "een-goed-wachtwoord".into();
        draft.password_repeat = "een-ander-wachtwoord".into();
        draft.weekdays = vec![Weekday::Thursday, Weekday::Monday];
        assert_eq!(
            draft.input(t, "tok", true).unwrap_err(),
            [("password_repeat".to_owned(), t.msg_password_repeat)]
        );
        draft.password_repeat = draft.password.clone();
        let input = draft.input(t, "tok", true).unwrap();
        assert_eq!(input.weekdays, [Weekday::Monday, Weekday::Thursday]);
        assert_eq!(input.password.as_deref(), Some("een-goed-wachtwoord"));
        let linked = draft.input(t, "tok", false).unwrap();
        assert_eq!(
            linked.password, None,
            "an existing account sends no password"
        );
    }

    #[test]
    fn an_unknown_token_is_said_as_such() {
        let t = NL.sponsorship();
        assert_eq!(
            refusal(t, &NL, &ApiError::Status(404)),
            t.err_invitation_unknown
        );
    }
}
