//! Werkgevers, for programme admins: every employer, those still to verify first, each with
//! its status, a link to its page and a button to verify it.

use domain::contract::Employer;
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::load::use_loaded;
use crate::api::ApiError;
use crate::api::sponsorship::{list_employers, verify_employer};
use crate::app::Session;
use crate::components::{ErrorMessage, Loading, NavLink, StatusMessage};
use crate::hooks::{focus_id, use_texts, use_title};
use crate::i18n::{Texts, fill};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct EmployersProps {
    pub session: Session,
}

#[component]
pub fn EmployersPage(props: &EmployersProps) -> Html {
    let texts = use_texts();
    let t = texts.sponsorship();
    use_title(t.menu_employers);
    let api = props.session.api.clone();
    let loaded = {
        let api = api.clone();
        use_loaded((), move |()| {
            let api = api.clone();
            async move { list_employers(&api).await }
        })
    };
    let busy = use_state(|| None::<Uuid>);
    let failure = use_state(|| None::<ApiError>);
    let message = use_state(|| None::<String>);

    let on_verify = {
        let (reload, busy, failure, message) = (
            loaded.reload.clone(),
            busy.clone(),
            failure.clone(),
            message.clone(),
        );
        Callback::from(move |employer: Employer| {
            if busy.is_some() {
                return;
            }
            busy.set(Some(employer.id));
            failure.set(None);
            message.set(None);
            let (api, reload) = (api.clone(), reload.clone());
            let (busy, failure, message) = (busy.clone(), failure.clone(), message.clone());
            spawn_local(async move {
                let result = verify_employer(&api, employer.id).await;
                busy.set(None);
                match result {
                    Ok(_) => {
                        message.set(Some(fill(t.verified_done, &[("name", &employer.name)])));
                        focus_id("employers-message");
                    }
                    Err(error) if error.code() == Some("already_verified") => {}
                    Err(error) => failure.set(Some(error)),
                }
                reload.emit(());
            });
        })
    };

    let content = match &*loaded.state {
        None => html! { <Loading /> },
        Some(Err(error)) => {
            html! { <ErrorMessage error={error.clone()} on_retry={loaded.reload.clone()} /> }
        }
        Some(Ok(list)) if list.is_empty() => html! {
            <p id="employers-empty" class="message message-info">{ t.no_employers }</p>
        },
        Some(Ok(list)) => employer_table(texts, list, *busy, &on_verify),
    };
    let error = failure.as_ref().map(|error| {
        html! { <p id="employers-error" class="message message-error" role="alert">{ t.error(texts, error) }</p> }
    });

    html! {
        <section id="employers-page" class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ t.menu_employers }</h1>
            <p class="lead">{ t.employers_intro }</p>
            <StatusMessage id="employers-message" message={(*message).clone().map(AttrValue::from)} />
            { error.unwrap_or_default() }
            { content }
        </section>
    }
}

fn employer_table(
    texts: &'static Texts,
    list: &[Employer],
    busy: Option<Uuid>,
    on_verify: &Callback<Employer>,
) -> Html {
    let t = texts.sponsorship();
    html! {
        <div class="table-wrap" role="region" aria-labelledby="page-title" tabindex="0">
            <table id="employers">
                <thead>
                    <tr>
                        <th scope="col">{ t.column_employer }</th>
                        <th scope="col">{ t.column_municipality }</th>
                        <th scope="col">{ t.column_status }</th>
                        <th scope="col">{ t.column_signed_up }</th>
                        <th scope="col">{ t.column_actions }</th>
                    </tr>
                </thead>
                <tbody>
                    { for list.iter().map(|employer| {
                        let onclick = {
                            let (on_verify, employer) = (on_verify.clone(), employer.clone());
                            Callback::from(move |_: MouseEvent| on_verify.emit(employer.clone()))
                        };
                        let verifying = busy == Some(employer.id);
                        html! {
                            <tr key={employer.id.to_string()} id={format!("employer-{}", employer.id)}
                                class="employer-row" data-verified={employer.verified.to_string()}>
                                <th scope="row">
                                    <NavLink to={Route::EmployerDetail { id: employer.id }} current={false}>
                                        { employer.name.clone() }
                                    </NavLink>
                                </th>
                                <td>{ employer.municipality.clone() }</td>
                                <td>
                                    <span class={classes!("status", "employer-status",
                                        if employer.verified { "status-active" } else { "status-proposed" })}>
                                        { if employer.verified { t.verified } else { t.unverified } }
                                    </span>
                                </td>
                                <td class="nowrap">{ texts.dates.instant_date(employer.created_at) }</td>
                                <td>
                                    if !employer.verified {
                                        <button id={format!("verify-{}", employer.id)} type="button"
                                            class="button-primary button-small" disabled={busy.is_some()}
                                            aria-busy={verifying.then_some("true")} {onclick}>
                                            { if verifying { t.verifying } else { t.verify } }
                                        </button>
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
