//! Asks why before a placement is closed or cancelled: a modal dialog with a required reason.

use domain::PlacementAction;
use domain::contract::{Placement, PlacementTransition};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::table::describe;
use crate::api::placements::transition_placement;
use crate::api::{Api, ApiError};
use crate::components::described_by;
use crate::hooks::use_texts;

#[derive(Properties, PartialEq)]
pub struct ReasonDialogProps {
    pub api: Api,
    pub placement: Placement,
    /// Close or cancel.
    pub action: PlacementAction,
    /// Called with the placement as it is after the change.
    pub on_done: Callback<Placement>,
    /// Called when the person changes their mind.
    pub on_back: Callback<()>,
}

#[component]
pub fn ReasonDialog(props: &ReasonDialogProps) -> Html {
    let texts = use_texts();
    let t = texts.placements();
    let reason = use_state(String::new);
    let missing = use_state(|| false);
    let saving = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let dialog_ref = use_node_ref();
    let reason_ref = use_node_ref();

    // A modal dialog: the rest of the page is inert until it closes, and closing it returns
    // the focus to the button that opened it.
    {
        let dialog_ref = dialog_ref.clone();
        use_effect_with((), move |_| {
            let dialog = dialog_ref.cast::<web_sys::HtmlDialogElement>();
            if let Some(dialog) = &dialog {
                let _ = dialog.show_modal();
            }
            move || {
                if let Some(dialog) = dialog {
                    dialog.close();
                }
            }
        });
    }

    let closing = props.action == PlacementAction::Close;
    let (title, body, confirm) = if closing {
        (t.close_title, t.close_body, t.close_title)
    } else {
        (t.cancel_title, t.cancel_body, t.cancel_title)
    };

    let oninput = {
        let (reason, missing) = (reason.clone(), missing.clone());
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            if !value.trim().is_empty() {
                missing.set(false);
            }
            reason.set(value);
        })
    };

    let onsubmit = {
        let (reason, missing, saving, error) = (
            reason.clone(),
            missing.clone(),
            saving.clone(),
            error.clone(),
        );
        let reason_ref = reason_ref.clone();
        let api = props.api.clone();
        let (id, action) = (props.placement.id, props.action);
        let on_done = props.on_done.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *saving {
                return;
            }
            let text = reason.trim().to_owned();
            if text.is_empty() {
                missing.set(true);
                if let Some(input) = reason_ref.cast::<web_sys::HtmlElement>() {
                    let _ = input.focus();
                }
                return;
            }
            saving.set(true);
            error.set(None);
            let transition = PlacementTransition {
                action,
                reason: Some(text),
            };
            let (api, on_done) = (api.clone(), on_done.clone());
            let (saving, error, missing) = (saving.clone(), error.clone(), missing.clone());
            spawn_local(async move {
                match transition_placement(&api, id, &transition).await {
                    Ok(placement) => on_done.emit(placement),
                    Err(failure) => {
                        let about_reason = matches!(&failure, ApiError::Problem(p)
                            if p.errors.iter().any(|e| e.field == "reason"));
                        if about_reason {
                            missing.set(true);
                        } else {
                            error.set(Some(failure));
                        }
                        saving.set(false);
                    }
                }
            });
        })
    };

    let on_back = {
        let on_back = props.on_back.clone();
        Callback::from(move |_: MouseEvent| on_back.emit(()))
    };
    // Escape closes a modal dialog: treat it as "Terug".
    let oncancel = {
        let on_back = props.on_back.clone();
        Callback::from(move |event: Event| {
            event.prevent_default();
            on_back.emit(());
        })
    };

    let reason_error = missing.then(|| {
        html! { <p id="reason-error" class="field-error">{ t.reason_required }</p> }
    });
    let failure = error.as_ref().map(|error| {
        html! { <p id="reason-dialog-error" class="message message-error" role="alert">{ texts.error(error) }</p> }
    });

    html! {
        <dialog id="reason-dialog" class="dialog" ref={dialog_ref} aria-labelledby="reason-dialog-title"
            aria-describedby="reason-dialog-body" {oncancel}>
            <form method="dialog" class="form" novalidate=true {onsubmit}>
                <h2 id="reason-dialog-title">{ title }</h2>
                <p id="reason-dialog-body">
                    <strong>{ describe(t, &props.placement) }</strong>
                    { " · " }{ t.weekday(props.placement.weekday) }
                    <br />
                    { body }
                </p>
                <div class={classes!("field", missing.then_some("field-invalid"))}>
                    <label for="reason">{ t.reason }</label>
                    <textarea id="reason" rows="3" required=true maxlength="500" ref={reason_ref}
                        autofocus=true value={(*reason).clone()} {oninput}
                        aria-invalid={missing.then_some("true")}
                        aria-describedby={described_by("reason", true, *missing)} />
                    <p id="reason-hint" class="field-hint">{ t.reason_hint }</p>
                    { reason_error.unwrap_or_default() }
                </div>
                { failure.unwrap_or_default() }
                <div class="form-actions">
                    <button id="reason-confirm" type="submit" class="button-danger" disabled={*saving}>
                        { confirm }
                    </button>
                    <button id="reason-back" type="button" class="button-secondary" onclick={on_back}>
                        { t.back }
                    </button>
                </div>
            </form>
        </dialog>
    }
}
