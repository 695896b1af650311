//! Afspraken: the employer's sponsorship agreements, the steps their status allows (agreeing and
//! starting are the programme's, ending is anyone's with a reason), and proposing a new one.

use domain::contract::{Agreement, AgreementTransition, Employee};
use domain::money::format_euro;
use domain::sponsorship::{AgreementAction, AgreementStatus};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::agreement_form::AgreementForm;
use super::load::use_loaded;
use crate::api::sponsorship::{agreements, move_agreement};
use crate::api::{Api, ApiError};
use crate::components::{ErrorMessage, Loading, StatusMessage, described_by};
use crate::hooks::{focus_id, use_texts};
use crate::i18n::{Texts, is_about_field};

/// The steps a person can take on an agreement in `status`: agreeing and starting are for
/// programme admins only.
pub fn steps(status: AgreementStatus, admin: bool) -> Vec<AgreementAction> {
    let mut steps = Vec::new();
    match status {
        AgreementStatus::Proposed if admin => steps.push(AgreementAction::Agree),
        AgreementStatus::Agreed if admin => steps.push(AgreementAction::Start),
        _ => {}
    }
    if status != AgreementStatus::Ended {
        steps.push(AgreementAction::End);
    }
    steps
}

fn status_class(status: AgreementStatus) -> &'static str {
    match status {
        AgreementStatus::Proposed => "status-proposed",
        AgreementStatus::Agreed => "status-filled",
        AgreementStatus::Running => "status-active",
        AgreementStatus::Ended => "status-ended",
    }
}

#[derive(Properties, PartialEq)]
pub struct AgreementsSectionProps {
    pub api: Api,
    pub employer_id: Uuid,
    pub admin: bool,
    pub employees: Vec<Employee>,
    /// An agreement was proposed or changed: the statement may read differently.
    pub on_changed: Callback<()>,
}

#[component]
pub fn AgreementsSection(props: &AgreementsSectionProps) -> Html {
    let texts = use_texts();
    let t = texts.sponsorship();
    let id = props.employer_id;
    let loaded = {
        let api = props.api.clone();
        use_loaded((), move |()| {
            let api = api.clone();
            async move { agreements(&api, id).await }
        })
    };
    // The agreement whose end form is open.
    let ending = use_state(|| None::<Uuid>);
    let busy = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let message = use_state(|| None::<String>);

    let step = {
        let (api, reload, on_changed) = (
            props.api.clone(),
            loaded.reload.clone(),
            props.on_changed.clone(),
        );
        let (ending, busy, failure, message) = (
            ending.clone(),
            busy.clone(),
            failure.clone(),
            message.clone(),
        );
        Callback::from(
            move |(agreement, transition): (Agreement, AgreementTransition)| {
                if *busy {
                    return;
                }
                busy.set(true);
                failure.set(None);
                message.set(None);
                let (api, reload, on_changed) = (api.clone(), reload.clone(), on_changed.clone());
                let (ending, busy, failure, message) = (
                    ending.clone(),
                    busy.clone(),
                    failure.clone(),
                    message.clone(),
                );
                spawn_local(async move {
                    let action = transition.action;
                    let result = move_agreement(&api, id, agreement.id, &transition).await;
                    busy.set(false);
                    match result {
                        Ok(moved) => {
                            ending.set(None);
                            message.set(Some(t.done(action, &moved.employee_name)));
                            focus_id("agreements-message");
                            reload.emit(());
                            on_changed.emit(());
                        }
                        Err(error) => {
                            if error.status() == Some(409) {
                                reload.emit(());
                            }
                            failure.set(Some(error));
                        }
                    }
                });
            },
        )
    };
    let on_proposed = {
        let (reload, on_changed, message) = (
            loaded.reload.clone(),
            props.on_changed.clone(),
            message.clone(),
        );
        Callback::from(move |said: String| {
            message.set(Some(said));
            reload.emit(());
            on_changed.emit(());
        })
    };

    let table = match &*loaded.state {
        None => html! { <Loading /> },
        Some(Err(error)) => {
            html! { <ErrorMessage error={error.clone()} on_retry={loaded.reload.clone()} /> }
        }
        Some(Ok(list)) if list.is_empty() => html! {
            <p id="agreements-empty" class="message message-info">{ t.no_agreements }</p>
        },
        Some(Ok(list)) => {
            let open_end = {
                let (ending, failure) = (ending.clone(), failure.clone());
                Callback::from(move |agreement_id: Uuid| {
                    failure.set(None);
                    ending.set(Some(agreement_id));
                })
            };
            agreement_table(texts, list, props.admin, *busy, &step, &open_end)
        }
    };
    let end_form = match (&*ending, &*loaded.state) {
        (Some(agreement_id), Some(Ok(list))) => list
            .iter()
            .find(|a| a.id == *agreement_id && a.status != AgreementStatus::Ended)
            .map(|agreement| {
                let on_cancel = {
                    let ending = ending.clone();
                    let back = format!("end-{}", agreement.id);
                    Callback::from(move |()| {
                        ending.set(None);
                        focus_id(&back);
                    })
                };
                html! {
                    <EndForm key={agreement.id.to_string()} agreement={agreement.clone()} busy={*busy}
                        failure={(*failure).clone()} on_end={step.clone()} {on_cancel} />
                }
            }),
        _ => None,
    };
    // A refusal of the end form is shown in it; others here.
    let error = failure
        .as_ref()
        .filter(|_| end_form.is_none())
        .map(|error| {
            html! { <p id="agreements-error" class="message message-error" role="alert">{ t.error(texts, error) }</p> }
        });

    html! {
        <section id="agreements" class="employer-section" aria-labelledby="agreements-title">
            <h2 id="agreements-title">{ t.agreements_title }</h2>
            <p class="field-hint">{ t.agreements_intro }</p>
            <StatusMessage id="agreements-message" message={(*message).clone().map(AttrValue::from)} />
            { error.unwrap_or_default() }
            { table }
            { end_form.unwrap_or_default() }
            <AgreementForm api={props.api.clone()} employer_id={id} employees={props.employees.clone()}
                {on_proposed} />
        </section>
    }
}

fn agreement_table(
    texts: &'static Texts,
    list: &[Agreement],
    admin: bool,
    busy: bool,
    step: &Callback<(Agreement, AgreementTransition)>,
    open_end: &Callback<Uuid>,
) -> Html {
    let t = texts.sponsorship();
    let p = texts.placements();
    let words = texts.lesson_series();
    let hours = |minutes: u32| t.hours(words, u64::from(minutes));
    let buttons = |agreement: &Agreement| {
        steps(agreement.status, admin)
            .into_iter()
            .map(|action| {
                let onclick = if action == AgreementAction::End {
                    let (open_end, id) = (open_end.clone(), agreement.id);
                    Callback::from(move |_: MouseEvent| open_end.emit(id))
                } else {
                    let (step, agreement) = (step.clone(), agreement.clone());
                    Callback::from(move |_: MouseEvent| {
                        step.emit((agreement.clone(), AgreementTransition { action, reason: None }))
                    })
                };
                let class = if action == AgreementAction::End { "button-secondary" } else { "button-primary" };
                html! {
                    <button id={format!("{}-{}", action.as_str(), agreement.id)} type="button"
                        class={classes!(class, "button-small", format!("agreement-{}", action.as_str()))}
                        disabled={busy} {onclick}>
                        { t.action(action) }
                    </button>
                }
            })
            .collect::<Html>()
    };
    html! {
        <div class="table-wrap" role="region" aria-labelledby="agreements-title" tabindex="0">
            <table id="agreements-table" class="cards-on-phone">
                <thead>
                    <tr>
                        <th scope="col">{ t.column_employee }</th>
                        <th scope="col">{ t.column_school_year }</th>
                        <th scope="col">{ t.column_start }</th>
                        <th scope="col">{ t.column_commitment }</th>
                        <th scope="col" class="numeric">{ t.column_sponsored }</th>
                        <th scope="col" class="numeric">{ t.column_volunteered }</th>
                        <th scope="col" class="numeric">{ t.column_rate }</th>
                        <th scope="col">{ t.column_status }</th>
                        <th scope="col">{ t.column_actions }</th>
                    </tr>
                </thead>
                <tbody>
                    { for list.iter().map(|agreement| html! {
                        <tr key={agreement.id.to_string()} id={format!("agreement-{}", agreement.id)}
                            class="agreement" data-status={agreement.status.as_str()}>
                            <th scope="row">{ agreement.employee_name.clone() }</th>
                            <td class="nowrap" data-label={t.column_school_year}>{ agreement.school_year.to_string() }</td>
                            <td data-label={t.column_start}>{ p.start_moment(agreement.start_moment) }</td>
                            <td data-label={t.column_commitment}>
                                { p.commitment(agreement.commitment) }
                                <span class="muted">
                                    { format!("{} – {}", texts.dates.date(agreement.first_day), texts.dates.date(agreement.last_day)) }
                                </span>
                            </td>
                            <td class="numeric nowrap" data-label={t.column_sponsored}>{ hours(agreement.sponsored_minutes_per_week) }</td>
                            <td class="numeric nowrap" data-label={t.column_volunteered}>{ hours(agreement.volunteered_minutes_per_week) }</td>
                            <td class="numeric nowrap" data-label={t.column_rate}>{ format_euro(agreement.hourly_rate) }</td>
                            <td data-label={t.column_status}>
                                <span class={classes!("status", "agreement-status", status_class(agreement.status))}>
                                    { t.agreement_status(agreement.status) }
                                </span>
                                { agreement.end_reason.as_ref().map(|reason| html! {
                                    <span class="muted status-reason">{ format!("{}: {reason}", t.end_reason) }</span>
                                }).unwrap_or_default() }
                            </td>
                            <td><div class="row-buttons">{ buttons(agreement) }</div></td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct EndFormProps {
    agreement: Agreement,
    busy: bool,
    failure: Option<ApiError>,
    on_end: Callback<(Agreement, AgreementTransition)>,
    on_cancel: Callback<()>,
}

/// Ending an agreement: the reason is required, and asked for here before anything is sent.
#[component]
fn EndForm(props: &EndFormProps) -> Html {
    let texts = use_texts();
    let t = texts.sponsorship();
    let reason = use_state(String::new);
    let missing = use_state(|| false);
    use_effect_with((), |_| focus_id("end-reason"));
    let server_missing = props
        .failure
        .as_ref()
        .is_some_and(|error| is_about_field(error, "reason"));
    let show_missing = *missing || server_missing;

    let onsubmit = {
        let (reason, missing) = (reason.clone(), missing.clone());
        let (agreement, on_end) = (props.agreement.clone(), props.on_end.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let text = reason.trim().to_owned();
            if text.is_empty() {
                missing.set(true);
                focus_id("end-reason");
                return;
            }
            missing.set(false);
            on_end.emit((
                agreement.clone(),
                AgreementTransition {
                    action: AgreementAction::End,
                    reason: Some(text),
                },
            ));
        })
    };
    let oninput = {
        let reason = reason.clone();
        Callback::from(move |event: InputEvent| {
            reason.set(event.target_unchecked_into::<HtmlTextAreaElement>().value());
        })
    };
    let on_cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let error = props
        .failure
        .as_ref()
        .filter(|_| !server_missing)
        .map(|error| html! { <p id="end-error" class="message message-error" role="alert">{ t.error(texts, error) }</p> });

    html! {
        <form id="end-form" class="panel form end-form" novalidate=true aria-labelledby="end-title" {onsubmit}>
            <h3 id="end-title">{ format!("{} – {}", t.end_submit, props.agreement.employee_name) }</h3>
            <div class={classes!("field", show_missing.then_some("field-invalid"))}>
                <label for="end-reason">{ t.end_label }</label>
                <textarea id="end-reason" rows="3" value={(*reason).clone()} {oninput}
                    aria-invalid={show_missing.then_some("true")}
                    aria-describedby={described_by("end-reason", true, show_missing)} />
                <p id="end-reason-hint" class="field-hint">{ t.end_hint }</p>
                if show_missing {
                    <p id="end-reason-error" class="field-error">{ t.end_required }</p>
                }
            </div>
            { error.unwrap_or_default() }
            <div class="form-actions">
                <button id="end-submit" type="submit" class="button-danger" disabled={props.busy}
                    aria-busy={props.busy.then_some("true")}>
                    { if props.busy { t.saving } else { t.end_submit } }
                </button>
                <button id="end-cancel" type="button" class="button-secondary" onclick={on_cancel}>{ t.cancel }</button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreeing_and_starting_are_for_admins_and_ending_for_both() {
        use AgreementAction::{Agree, End, Start};
        assert_eq!(steps(AgreementStatus::Proposed, true), [Agree, End]);
        assert_eq!(steps(AgreementStatus::Agreed, true), [Start, End]);
        assert_eq!(steps(AgreementStatus::Running, true), [End]);
        assert_eq!(steps(AgreementStatus::Proposed, false), [End]);
        assert_eq!(steps(AgreementStatus::Agreed, false), [End]);
        assert!(steps(AgreementStatus::Ended, true).is_empty());
    }
}
