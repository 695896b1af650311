//! The intake as a timeline, and the buttons for the steps the ambassador's status allows.

use domain::ambassador::{IntakeAction, IntakeStatus};
use domain::contract::{Ambassador, IntakeStep, IntakeTransition};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::api::matching::transition_intake;
use crate::api::{Api, ApiError};
use crate::components::described_by;
use crate::hooks::{focus_id, use_texts};
use crate::i18n::fill;

/// The intake steps an ambassador with `status` can take next, by the shared intake rules. Making
/// someone available also needs an issued VOG; the button is there, and the server says so.
pub fn next_actions(status: IntakeStatus) -> Vec<IntakeAction> {
    IntakeAction::ALL
        .iter()
        .copied()
        .filter(|action| status.apply(*action, true, Some("-")).is_ok())
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct IntakePanelProps {
    pub api: Api,
    pub ambassador: Ambassador,
    pub steps: Vec<IntakeStep>,
    /// Called with what happened once a step is recorded.
    pub on_changed: Callback<String>,
}

#[component]
pub fn IntakePanel(props: &IntakePanelProps) -> Html {
    let texts = use_texts();
    let t = texts.ambassadors();
    let note = use_state(String::new);
    let missing = use_state(|| false);
    let saving = use_state(|| false);
    let error = use_state(|| None::<ApiError>);

    let on_note = {
        let (note, missing) = (note.clone(), missing.clone());
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            if !value.trim().is_empty() {
                missing.set(false);
            }
            note.set(value);
        })
    };
    let take = |action: IntakeAction| {
        let (note, missing, saving, error) =
            (note.clone(), missing.clone(), saving.clone(), error.clone());
        let (api, id, on_changed) = (
            props.api.clone(),
            props.ambassador.id,
            props.on_changed.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if *saving {
                return;
            }
            let text = Some(note.trim().to_owned()).filter(|n| !n.is_empty());
            if action == IntakeAction::Withdraw && text.is_none() {
                missing.set(true);
                focus_id("intake-note");
                return;
            }
            saving.set(true);
            error.set(None);
            let transition = IntakeTransition {
                action,
                on: None,
                note: text,
            };
            let (api, on_changed) = (api.clone(), on_changed.clone());
            let (note, saving, error) = (note.clone(), saving.clone(), error.clone());
            spawn_local(async move {
                let result = transition_intake(&api, id, &transition).await;
                saving.set(false);
                match result {
                    Ok(_) => {
                        note.set(String::new());
                        on_changed.emit(fill(t.step_done, &[("action", t.action(action))]));
                    }
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };

    let actions = next_actions(props.ambassador.status);
    let steps = html! {
        <>
            if props.steps.is_empty() {
                <p class="muted">{ t.intake_empty }</p>
            }
            <ol id="intake-steps" class="timeline">
                { for props.steps.iter().map(|step| {
                    let by = step.by_name.as_ref().map(|name| fill(t.by, &[("name", name)]));
                    html! {
                        <li class="timeline-step" data-status={step.status.as_str()}>
                            <strong>{ t.status(step.status) }</strong>
                            <span class="muted">
                                { texts.dates.date(step.on) }
                                { by.map(|by| format!(" · {by}")).unwrap_or_default() }
                            </span>
                            if let Some(note) = &step.note {
                                <span class="timeline-note">{ note.clone() }</span>
                            }
                        </li>
                    }
                }) }
            </ol>
        </>
    };
    let next = if actions.is_empty() {
        html! { <p class="muted">{ t.no_next_step }</p> }
    } else {
        let note_error = missing.then(|| {
            html! {
                <p id="intake-note-error" class="field-error form-error" role="alert">
                    { t.withdraw_reason_required }
                </p>
            }
        });
        html! {
            <div class="intake-next">
                <h3>{ t.next_step }</h3>
                <div class={classes!("field", missing.then_some("field-invalid"))}>
                    <label for="intake-note">{ t.intake_note }</label>
                    <textarea id="intake-note" rows="2" maxlength="500" value={(*note).clone()}
                        oninput={on_note} aria-invalid={missing.then_some("true")}
                        aria-describedby={described_by("intake-note", true, *missing)} />
                    <p id="intake-note-hint" class="field-hint">{ t.intake_note_hint }</p>
                    { note_error.unwrap_or_default() }
                </div>
                <div class="card-actions">
                    { for actions.into_iter().map(|action| {
                        let class = if action == IntakeAction::Withdraw { "button-danger" } else { "button-primary" };
                        html! {
                            <button type="button" class={classes!(class, "intake-action")}
                                data-action={action.as_str()} disabled={*saving} onclick={take(action)}>
                                { t.action(action) }
                            </button>
                        }
                    }) }
                </div>
            </div>
        }
    };
    let failure = error.as_ref().map(|error| {
        html! { <p class="message message-error form-error" role="alert">{ t.error(texts, error) }</p> }
    });

    html! {
        <section class="panel" aria-labelledby="intake-title">
            <h2 id="intake-title">{ t.intake_title }</h2>
            { steps }
            { failure.unwrap_or_default() }
            { next }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_status_offers_its_next_step_and_stopping() {
        use IntakeAction as A;
        use IntakeStatus as S;
        assert_eq!(next_actions(S::Registered), [A::PlanIntake, A::Withdraw]);
        assert_eq!(
            next_actions(S::VogRequested),
            [A::MakeAvailable, A::Withdraw]
        );
        assert_eq!(next_actions(S::Available), [A::Withdraw]);
        assert!(next_actions(S::Matched).is_empty());
        assert!(next_actions(S::Ended).is_empty());
    }
}
