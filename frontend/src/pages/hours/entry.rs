//! One hour entry on the Uren page: the day, who, how long and on what, and the decisions its
//! status allows. Rejecting and reopening open a small form whose reason is required: an empty
//! reason is refused here, in Dutch, and nothing is sent.

use domain::contract::{HourEntry, HourTransition};
use domain::hours::{HourAction, HourStatus};
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::api::hours::decide_hour_entry;
use crate::api::{Api, ApiError};
use crate::components::described_by;
use crate::hooks::use_texts;
use crate::i18n::{Texts, fill, is_about_field};

/// The decisions a person can take on an entry in `status`: a locked entry is part of a paid
/// statement and takes none.
pub fn decisions(status: HourStatus) -> &'static [HourAction] {
    match status {
        HourStatus::Submitted => &[HourAction::Approve, HourAction::Reject],
        HourStatus::Approved | HourStatus::Rejected => &[HourAction::Reopen],
        HourStatus::Locked => &[],
    }
}

#[derive(Properties, PartialEq)]
pub struct HourEntryCardProps {
    pub api: Api,
    pub entry: HourEntry,
    /// The entry as the server has it after a decision, and the decision.
    pub on_decided: Callback<(HourEntry, HourAction)>,
    /// The entry changed on the server meanwhile: the month should be loaded again.
    pub on_stale: Callback<()>,
}

#[component]
pub fn HourEntryCard(props: &HourEntryCardProps) -> Html {
    let texts = use_texts();
    let t = texts.hours();
    let entry = &props.entry;
    let id = entry.id;
    let choices = decisions(entry.status);
    // The reason form that is open, if its decision still fits the entry (another person may
    // have decided meanwhile).
    let open = use_state(|| None::<HourAction>);
    let shown_form = open.filter(|action| choices.contains(action));
    let reason = use_state(String::new);
    let missing = use_state(|| false);
    let saving = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let reason_ref = use_node_ref();
    let toggle_ref = use_node_ref();
    // Set when the form is cancelled, so the keyboard goes back to the button that opened it.
    let refocus_toggle = use_mut_ref(|| false);
    {
        let (reason_ref, toggle_ref) = (reason_ref.clone(), toggle_ref.clone());
        let refocus_toggle = refocus_toggle.clone();
        use_effect_with(shown_form, move |form| {
            let target = if form.is_some() {
                Some(reason_ref)
            } else {
                std::mem::take(&mut *refocus_toggle.borrow_mut()).then_some(toggle_ref)
            };
            if let Some(element) = target.and_then(|node| node.cast::<HtmlElement>()) {
                let _ = element.focus();
            }
        });
    }

    let send = {
        let (api, on_decided, on_stale) = (
            props.api.clone(),
            props.on_decided.clone(),
            props.on_stale.clone(),
        );
        let (open, reason, missing) = (open.clone(), reason.clone(), missing.clone());
        let (saving, error, reason_ref) = (saving.clone(), error.clone(), reason_ref.clone());
        Callback::from(move |transition: HourTransition| {
            if *saving {
                return;
            }
            saving.set(true);
            error.set(None);
            let (api, on_decided, on_stale) = (api.clone(), on_decided.clone(), on_stale.clone());
            let (open, reason, missing) = (open.clone(), reason.clone(), missing.clone());
            let (saving, error, reason_ref) = (saving.clone(), error.clone(), reason_ref.clone());
            spawn_local(async move {
                let action = transition.action;
                let result = decide_hour_entry(&api, id, &transition).await;
                saving.set(false);
                match result {
                    Ok(decided) => {
                        open.set(None);
                        reason.set(String::new());
                        missing.set(false);
                        on_decided.emit((decided, action));
                    }
                    Err(failure) if is_about_field(&failure, "reason") => {
                        missing.set(true);
                        if let Some(field) = reason_ref.cast::<HtmlElement>() {
                            let _ = field.focus();
                        }
                    }
                    Err(failure) => {
                        if failure.status() == Some(409) {
                            on_stale.emit(());
                        }
                        error.set(Some(failure));
                    }
                }
            });
        })
    };

    let on_approve = {
        let send = send.clone();
        Callback::from(move |_: MouseEvent| {
            send.emit(HourTransition {
                action: HourAction::Approve,
                reason: None,
            })
        })
    };
    let opener = |action: HourAction| {
        let (open, missing, error) = (open.clone(), missing.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            missing.set(false);
            error.set(None);
            open.set(Some(action));
        })
    };
    let on_cancel = {
        let (open, missing, reason) = (open.clone(), missing.clone(), reason.clone());
        Callback::from(move |_: MouseEvent| {
            *refocus_toggle.borrow_mut() = true;
            missing.set(false);
            reason.set(String::new());
            open.set(None);
        })
    };
    let on_reason = {
        let (reason, missing) = (reason.clone(), missing.clone());
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            if !value.trim().is_empty() {
                missing.set(false);
            }
            reason.set(value);
        })
    };
    let on_submit = {
        let (reason, missing, send, reason_ref) = (
            reason.clone(),
            missing.clone(),
            send.clone(),
            reason_ref.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(action) = shown_form else { return };
            let text = reason.trim().to_owned();
            if text.is_empty() {
                missing.set(true);
                if let Some(field) = reason_ref.cast::<HtmlElement>() {
                    let _ = field.focus();
                }
                return;
            }
            send.emit(HourTransition {
                action,
                reason: Some(text),
            });
        })
    };

    let actions = match shown_form {
        Some(action) => {
            let (label, hint, required) = t.reason_form(action);
            let (field, name) = (format!("hour-{id}-reason"), action.as_str());
            // Rejecting is the step that costs the ambassador: it looks like one.
            let (submit, submit_style) = if action == HourAction::Reopen {
                (t.reopen, "button-primary")
            } else {
                (t.reject, "button-danger")
            };
            html! {
                <form class={classes!("reason-form", format!("{name}-form"))} novalidate=true onsubmit={on_submit}>
                    <div class={classes!("field", missing.then_some("field-invalid"))}>
                        <label for={field.clone()}>{ label }</label>
                        <textarea id={field.clone()} class={format!("{name}-reason")} ref={reason_ref}
                            rows="3" maxlength="500" required=true
                            value={(*reason).clone()} oninput={on_reason}
                            aria-invalid={missing.then_some("true")}
                            aria-describedby={described_by(&field, true, *missing)} />
                        <p id={format!("{field}-hint")} class="field-hint">{ hint }</p>
                        if *missing {
                            <p id={format!("{field}-error")} class={classes!("field-error", format!("{name}-error"))} role="alert">
                                { required }
                            </p>
                        }
                    </div>
                    <div class="form-actions">
                        <button type="submit" class={classes!(submit_style, format!("{name}-submit"))}
                            disabled={*saving}>
                            { if *saving { t.saving } else { submit } }
                        </button>
                        <button type="button" class="button-secondary reason-cancel" onclick={on_cancel}>
                            { t.cancel }
                        </button>
                    </div>
                </form>
            }
        }
        None if choices.is_empty() => html! {},
        None => html! {
            <div class="card-actions hour-actions">
                { for choices.iter().map(|action| match action {
                    HourAction::Approve => html! {
                        <button type="button" class="button-primary approve-hour"
                            disabled={*saving} onclick={on_approve.clone()}>
                            { if *saving { t.saving } else { t.approve } }
                        </button>
                    },
                    HourAction::Reject => html! {
                        <button type="button" class="button-secondary reject-hour" ref={toggle_ref.clone()}
                            disabled={*saving} onclick={opener(HourAction::Reject)}>
                            { t.reject }
                        </button>
                    },
                    HourAction::Reopen => html! {
                        <button type="button" class="button-secondary reopen-hour" ref={toggle_ref.clone()}
                            disabled={*saving} onclick={opener(HourAction::Reopen)}>
                            { t.reopen }
                        </button>
                    },
                    HourAction::Lock => html! {},
                }) }
            </div>
        },
    };
    let failure = error.as_ref().map(|error| {
        html! { <p class="message message-error hour-error" role="alert">{ t.error(texts, error) }</p> }
    });

    html! {
        <li id={format!("hour-{id}")} class="card hour-entry" tabindex="-1"
            data-status={entry.status.as_str()} data-date={entry.date.to_string()}>
            <div class="card-head">
                <h3>{ texts.dates.day(entry.date) }</h3>
                <span class={classes!("status", "hour-status", format!("status-hour-{}", entry.status.as_str()))}>
                    { t.status(entry.status) }
                </span>
            </div>
            { details(texts, entry) }
            { failure.unwrap_or_default() }
            { actions }
        </li>
    }
}

/// Who, how long, on what and paid how; the ambassador's note; the last decision.
fn details(texts: &'static Texts, entry: &HourEntry) -> Html {
    let t = texts.hours();
    let what = format!(
        "{} · {} · {}",
        texts.lesson_series().duration(entry.minutes),
        t.activity(entry.activity),
        t.kind(entry.kind)
    );
    let kind_reason = entry.kind_reason.as_ref().map(|reason| {
        let label = fill(t.kind_reason, &[("kind", t.kind(entry.kind))]);
        html! { <p class="hour-kind-reason"><span class="hour-label">{ format!("{label}:") }</span>{ " " }{ reason.clone() }</p> }
    });
    let date_reason = entry.date_reason.as_ref().map(|reason| {
        html! { <p class="hour-date-reason"><span class="hour-label">{ format!("{}:", t.date_reason) }</span>{ " " }{ reason.clone() }</p> }
    });
    let decision = entry.decision_reason.as_ref().map(|reason| {
        html! {
            <p class="hour-decision">
                <span class="hour-label">{ format!("{}:", t.reason_label(entry.status)) }</span>
                { " " }{ reason.clone() }
            </p>
        }
    });
    let decided = entry.decided_by.as_ref().map(|name| {
        let when = entry
            .decided_at
            .map(|at| texts.dates.instant(at))
            .unwrap_or_default();
        let line = t.decided(entry.status, name, &when);
        html! { <p class="muted hour-decided">{ line.trim_end_matches(", ").to_owned() }</p> }
    });
    html! {
        <>
            <p class="hour-ambassador">{ entry.ambassador_name.clone() }</p>
            <p class="hour-what">{ what }</p>
            { kind_reason.unwrap_or_default() }
            { date_reason.unwrap_or_default() }
            if !entry.note.is_empty() {
                <p class="hour-note">{ entry.note.clone() }</p>
            }
            { decision.unwrap_or_default() }
            { decided.unwrap_or_default() }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_waits_is_approved_or_rejected_and_a_decision_can_be_reopened() {
        assert_eq!(
            decisions(HourStatus::Submitted),
            [HourAction::Approve, HourAction::Reject]
        );
        assert_eq!(decisions(HourStatus::Approved), [HourAction::Reopen]);
        assert_eq!(decisions(HourStatus::Rejected), [HourAction::Reopen]);
        assert!(
            decisions(HourStatus::Locked).is_empty(),
            "a paid entry never changes"
        );
    }

    #[test]
    fn every_decision_offered_follows_from_the_status() {
        for status in HourStatus::ALL {
            for action in decisions(*status) {
                assert!(
                    status.apply(*action, Some("reden")).is_ok(),
                    "{status} → {action}"
                );
            }
        }
    }
}
