//! E-mailinstellingen (`/e-mailinstellingen`): every person chooses per category of e-mail
//! whether it comes right away, once a week in Monday's digest, or not at all. What must reach
//! them (invitations, confirmation links, a new password, an expired VOG) has no choice.

use domain::contract::{MailPreference, MailPreferences};
use domain::mail_preference::MailChoice;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::Api;
use crate::api::mail_preferences::{mail_preferences, set_mail_preferences};
use crate::app::Session;
use crate::components::{ErrorMessage, Loading, StatusMessage};
use crate::hooks::{focus_id, use_texts, use_title};
use crate::pages::mine::{Loaded, use_load};

#[derive(Properties, PartialEq)]
pub struct MailSettingsProps {
    pub session: Session,
}

#[component]
pub fn MailSettingsPage(props: &MailSettingsProps) -> Html {
    let texts = use_texts();
    let t = texts.mail_preferences();
    use_title(t.title);
    let load = use_load(props.session.api.clone(), |api: Api| async move {
        mail_preferences(&api).await
    });
    let content = match &load.state {
        Loaded::Loading => html! { <Loading /> },
        Loaded::Failed(error) => {
            let reload = load.reload.clone();
            html! { <ErrorMessage error={error.clone()} on_retry={reload} /> }
        }
        Loaded::Ready(stored) => html! {
            <ChoicesForm api={props.session.api.clone()} stored={stored.clone()} />
        },
    };
    html! {
        <section id="mail-settings" class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ t.title }</h1>
            <p class="lead">{ t.intro }</p>
            <p class="muted">{ t.always }</p>
            { content }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ChoicesFormProps {
    api: Api,
    stored: MailPreferences,
}

#[component]
fn ChoicesForm(props: &ChoicesFormProps) -> Html {
    let texts = use_texts();
    let t = texts.mail_preferences();
    let choices = use_state(|| props.stored.preferences.clone());
    let saving = use_state(|| false);
    let message = use_state(|| None::<&'static str>);
    let failure = use_state(|| None::<crate::api::ApiError>);

    let onsubmit = {
        let api = props.api.clone();
        let (choices, saving, message, failure) = (
            choices.clone(),
            saving.clone(),
            message.clone(),
            failure.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *saving {
                return;
            }
            message.set(None);
            failure.set(None);
            saving.set(true);
            let (api, choices, saving, message, failure) = (
                api.clone(),
                choices.clone(),
                saving.clone(),
                message.clone(),
                failure.clone(),
            );
            spawn_local(async move {
                let result = set_mail_preferences(&api, &choices).await;
                saving.set(false);
                match result {
                    Ok(stored) => {
                        choices.set(stored.preferences);
                        message.set(Some(t.saved));
                        focus_id("mail-settings-status");
                    }
                    Err(error) => failure.set(Some(error)),
                }
            });
        })
    };

    let category_rows = choices.iter().map(|preference| {
        let category = preference.category;
        let (name, about) = t.category(category);
        let options = MailChoice::ALL.iter().map(|&choice| {
            let id = format!("mail-{}-{}", category.as_str(), choice.as_str());
            let checked = preference.choice == choice;
            let onchange = {
                let choices = choices.clone();
                Callback::from(move |_: Event| {
                    let next: Vec<MailPreference> = choices
                        .iter()
                        .map(|p| {
                            if p.category == category {
                                MailPreference { category, choice }
                            } else {
                                *p
                            }
                        })
                        .collect();
                    choices.set(next);
                })
            };
            html! {
                <label class="checkbox" for={id.clone()}>
                    <input {id} type="radio" name={format!("mail-{}", category.as_str())} {checked} {onchange} />
                    { t.choice(choice) }
                </label>
            }
        });
        let about_id = format!("mail-{}-about", category.as_str());
        html! {
            <fieldset class="form-section choices" id={format!("mail-{}", category.as_str())}
                aria-describedby={about_id.clone()} data-choice={preference.choice.as_str()}>
                <legend>{ name }</legend>
                <p id={about_id} class="hint">{ about }</p>
                <div class="checkboxes">{ for options }</div>
            </fieldset>
        }
    });
    let failed = failure
        .as_ref()
        .map(|error| html! { <ErrorMessage error={error.clone()} /> });
    html! {
        <form id="mail-settings-form" class="form" novalidate=true aria-labelledby="page-title" {onsubmit}>
            { for category_rows }
            { failed.unwrap_or_default() }
            <StatusMessage id="mail-settings-status" message={message.map(AttrValue::from)} />
            <div class="form-actions">
                <button id="mail-settings-save" type="submit" disabled={*saving}>
                    { if *saving { t.saving } else { t.save } }
                </button>
            </div>
        </form>
    }
}
