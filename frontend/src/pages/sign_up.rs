//! Werkgever aanmelden: an employer signs up, with its first contact's account, without logging
//! in. Checked with the server's own rules (`EmployerSignUp::validate`) before it is sent; the
//! server also refuses a password that is easy to guess. The answer never says whether the
//! address has an account already: the page asks to check the e-mail, which says what happened.
//! The programme verifies the employer before it can invite staff.

use domain::contract::EmployerSignUp;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::sponsorship::sign_up;
use crate::api::{Api, ApiError};
use crate::components::NavLink;
use crate::hooks::{focus_id, on_value, use_editable, use_texts, use_title};
use crate::i18n::SponsorshipTexts;
use crate::pages::employers::{message_of, server_messages, text_field};
use crate::route::Route;

/// What is typed into the form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SignUpDraft {
    pub organisation_name: String,
    pub municipality: String,
    pub contact_name: String,
    pub email: String,
    pub password: String,
    pub password_repeat: String,
}

/// The fields in the order the form shows them, with their input's id.
const FIELDS: [(&str, &str); 6] = [
    ("organisation_name", "su-organisation"),
    ("municipality", "su-municipality"),
    ("contact_name", "su-contact"),
    ("email", "su-email"),
    ("password", "su-password"),
    ("password_repeat", "su-password-repeat"),
];

impl SignUpDraft {
    /// The sign-up to send, or a message for each field that is wrong.
    pub fn input(
        &self,
        t: &SponsorshipTexts,
    ) -> Result<EmployerSignUp, Vec<(String, &'static str)>> {
        let sign_up = EmployerSignUp {
            organisation_name: self.organisation_name.clone(),
            municipality: self.municipality.clone(),
            contact_name: self.contact_name.clone(),
            email: self.email.clone(),
            password: self.password.clone(),
        };
        let mut wrong = match sign_up.validate() {
            Ok(tidy) if self.password == self.password_repeat => return Ok(tidy),
            Ok(_) => Vec::new(),
            Err(errors) => server_messages(t, &errors),
        };
        if self.password != self.password_repeat && !wrong.iter().any(|(f, _)| f == "password") {
            wrong.push(("password_repeat".into(), t.msg_password_repeat));
        }
        Err(wrong)
    }
}

fn focus_first(wrong: &[(String, &'static str)]) {
    if let Some((_, id)) = FIELDS
        .iter()
        .find(|(name, _)| wrong.iter().any(|(f, _)| f == name))
    {
        focus_id(id);
    }
}

#[derive(Properties, PartialEq)]
pub struct SignUpProps {
    pub api: Api,
}

#[component]
pub fn SignUpPage(props: &SignUpProps) -> Html {
    let texts = use_texts();
    let t = texts.sponsorship();
    use_title(t.sign_up_title);
    let draft = use_editable(SignUpDraft::default);
    let messages = use_state(Vec::<(String, &'static str)>::new);
    let saving = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let done = use_state(|| false);
    use_effect_with((), |_| focus_id("su-organisation"));

    let onsubmit = {
        let api = props.api.clone();
        let (draft, messages, saving) = (draft.clone(), messages.clone(), saving.clone());
        let (failure, done) = (failure.clone(), done.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *saving {
                return;
            }
            failure.set(None);
            let input = match draft.0.input(t) {
                Ok(input) => input,
                Err(wrong) => {
                    focus_first(&wrong);
                    messages.set(wrong);
                    return;
                }
            };
            messages.set(Vec::new());
            saving.set(true);
            let api = api.clone();
            let (messages, saving, failure, done) = (
                messages.clone(),
                saving.clone(),
                failure.clone(),
                done.clone(),
            );
            spawn_local(async move {
                let result = sign_up(&api, &input).await;
                saving.set(false);
                match result {
                    Ok(_) => {
                        done.set(true);
                        focus_id("sign-up-done");
                    }
                    Err(ApiError::Problem(problem)) if !problem.errors.is_empty() => {
                        let wrong = t.refused_by_server(server_messages(t, &problem.errors));
                        focus_first(&wrong);
                        messages.set(wrong);
                    }
                    Err(error) => failure.set(Some(error)),
                }
            });
        })
    };

    if *done {
        return html! {
            <section id="sign-up" class="page public-page" aria-labelledby="page-title">
                <div class="login-card">
                    <h1 id="page-title">{ t.sign_up_title }</h1>
                    <p id="sign-up-done" class="message message-success" role="status" tabindex="-1">{ t.signed_up }</p>
                    <p><NavLink id="to-login" to={Route::Overview} current={false}>{ t.to_login }</NavLink></p>
                </div>
            </section>
        };
    }

    let d = draft.dispatcher();
    let f: &SignUpDraft = &draft.0;
    let field = |(name, id): (&'static str, &'static str),
                 label: &'static str,
                 hint: Option<&'static str>,
                 kind: &'static str,
                 autocomplete: &'static str,
                 value: &str| {
        let write = move |d: &mut SignUpDraft, v: String| match name {
            "organisation_name" => d.organisation_name = v,
            "municipality" => d.municipality = v,
            "contact_name" => d.contact_name = v,
            "email" => d.email = v,
            "password" => d.password = v,
            _ => d.password_repeat = v,
        };
        text_field(
            id,
            label,
            hint,
            kind,
            value,
            message_of(&messages, name),
            autocomplete,
            on_value(d.clone(), write),
        )
    };
    let error = failure.as_ref().map(|error| {
        html! { <p id="sign-up-error" class="message message-error" role="alert">{ t.error(texts, error) }</p> }
    });

    html! {
        <section id="sign-up" class="page public-page" aria-labelledby="page-title">
            <div class="login-card">
                <h1 id="page-title">{ t.sign_up_title }</h1>
                <p class="lead">{ t.sign_up_intro }</p>
                <form id="sign-up-form" class="form" novalidate=true aria-labelledby="page-title" {onsubmit}>
                    { field(FIELDS[0], t.organisation_name_label, None, "text", "organization", &f.organisation_name) }
                    { field(FIELDS[1], t.municipality, Some(t.municipality_hint), "text", "address-level2", &f.municipality) }
                    { field(FIELDS[2], t.contact_name_label, None, "text", "name", &f.contact_name) }
                    { field(FIELDS[3], t.email_label, Some(t.email_hint), "email", "username", &f.email) }
                    { field(FIELDS[4], t.password_label, Some(t.password_hint), "password", "new-password", &f.password) }
                    { field(FIELDS[5], t.password_repeat_label, None, "password", "new-password", &f.password_repeat) }
                    { error.unwrap_or_default() }
                    <button id="su-submit" type="submit" class="button-primary" disabled={*saving}
                        aria-busy={saving.then_some("true")}>
                        { if *saving { t.sending } else { t.sign_up_submit } }
                    </button>
                </form>
                <p class="public-back"><NavLink id="back-to-login" to={Route::Overview} current={false}>{ t.to_login }</NavLink></p>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::NL;

    fn filled() -> SignUpDraft {
        SignUpDraft {
            organisation_name: " Bakkerij Voorbeeld ".into(),
            municipality: "Utrecht".into(),
            contact_name: "Ank de Vries".into(),
            email: "hr@bakkerij.example".into(),
            password: "lang-genoeg-wachtwoord".into(),
            password_repeat: "lang-genoeg-wachtwoord".into(),
        }
    }

    #[test]
    fn a_filled_in_sign_up_is_sent_tidy() {
        let input = filled().input(NL.sponsorship()).unwrap();
        assert_eq!(input.organisation_name, "Bakkerij Voorbeeld");
    }

    #[test]
    fn every_wrong_field_is_named_in_dutch_and_the_passwords_must_match() {
        let t = NL.sponsorship();
        let wrong = SignUpDraft::default().input(t).unwrap_err();
        let fields: Vec<_> = wrong.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            [
                "organisation_name",
                "municipality",
                "contact_name",
                "email",
                "password"
            ]
        );
        assert!(
            wrong.iter().all(|(_, m)| !m.contains("fill in")),
            "{wrong:?}"
        );
        let mut draft = filled();
        draft.password_repeat = "iets-anders-dan-dat".into();
        assert_eq!(
            draft.input(t).unwrap_err(),
            [("password_repeat".to_owned(), t.msg_password_repeat)]
        );
    }
}
