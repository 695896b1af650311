//! One volunteer's line of the month: hours, amount (and what the rules gave, when adjusted),
//! the caps it was checked against, why it cannot be approved, a missing IBAN, and the steps its
//! status allows. Adjusting and reopening need a reason; marking paid asks to confirm, since a
//! paid line never changes.

use domain::allowance::LineStatus;
use domain::contract::{LineAction, LineAdjustment, LineTransition, StatementLineItem};
use domain::money::format_euro;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::api::allowances::{adjust_line, move_line};
use crate::api::{Api, ApiError};
use crate::components::described_by;
use crate::format::{euros_input, parse_euros};
use crate::hooks::{focus_id, use_texts};
use crate::i18n::{fill, is_about_field};

/// What a person may open on a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Adjust,
    Approve,
    Reopen,
    MarkPaid,
}

/// The steps a line offers: a draft is adjusted, and approved once it is within every cap; an
/// approved line is reopened or marked paid; a paid line takes none.
pub fn steps(item: &StatementLineItem) -> &'static [Step] {
    match item.line.status() {
        LineStatus::Draft if item.line.flags().is_empty() => &[Step::Adjust, Step::Approve],
        LineStatus::Draft => &[Step::Adjust],
        // In a payout file, which may be at the bank: paid, or corrected afterwards.
        LineStatus::Approved if item.payout_file_id.is_some() => &[Step::MarkPaid],
        LineStatus::Approved => &[Step::Reopen, Step::MarkPaid],
        LineStatus::Paid => &[],
    }
}

/// Whether the amount differs from what the rules gave, or was changed with a reason.
pub fn is_adjusted(item: &StatementLineItem) -> bool {
    item.line.amount() != item.line.computed() || item.line.adjustment_reason().is_some()
}

#[derive(Properties, PartialEq)]
pub struct StatementLineCardProps {
    pub api: Api,
    pub item: StatementLineItem,
    /// The line as the server has it after a step, and what to say about it.
    pub on_changed: Callback<(StatementLineItem, String)>,
    /// The line changed on the server meanwhile: the month should be loaded again.
    pub on_stale: Callback<()>,
}

#[component]
pub fn StatementLineCard(props: &StatementLineCardProps) -> Html {
    let texts = use_texts();
    let t = texts.allowances();
    let item = &props.item;
    let id = item.id;
    let choices = steps(item);
    let open = use_state(|| None::<Step>);
    let shown_form = open.filter(|step| choices.contains(step));
    let amount = use_state(String::new);
    let reason = use_state(String::new);
    let amount_wrong = use_state(|| None::<&'static str>);
    let reason_missing = use_state(|| false);
    let saving = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let (amount_id, reason_id) = (format!("line-{id}-amount"), format!("line-{id}-reason"));
    {
        let (amount_id, reason_id) = (amount_id.clone(), reason_id.clone());
        use_effect_with(shown_form, move |form| match form {
            Some(Step::Adjust) => focus_id(&amount_id),
            Some(Step::Reopen) => focus_id(&reason_id),
            _ => {}
        });
    }

    // Sends a step; `said` is the message once it is done.
    let send = {
        let (api, on_changed, on_stale) = (
            props.api.clone(),
            props.on_changed.clone(),
            props.on_stale.clone(),
        );
        let (open, amount_wrong, reason_missing) =
            (open.clone(), amount_wrong.clone(), reason_missing.clone());
        let (saving, error, reason_id) = (saving.clone(), error.clone(), reason_id.clone());
        let (name, version) = (item.ambassador_name.clone(), item.version);
        Callback::from(
            move |(adjustment, transition): (Option<LineAdjustment>, Option<LineTransition>)| {
                if *saving {
                    return;
                }
                saving.set(true);
                error.set(None);
                let (api, on_changed, on_stale) =
                    (api.clone(), on_changed.clone(), on_stale.clone());
                let (open, amount_wrong, reason_missing) =
                    (open.clone(), amount_wrong.clone(), reason_missing.clone());
                let (saving, error, reason_id, name) = (
                    saving.clone(),
                    error.clone(),
                    reason_id.clone(),
                    name.clone(),
                );
                spawn_local(async move {
                    let (result, said) = match (&adjustment, &transition) {
                        (Some(adjustment), _) => (
                            adjust_line(&api, id, version, adjustment).await,
                            fill(t.adjusted_done, &[("name", &name)]),
                        ),
                        (None, Some(transition)) => (
                            move_line(&api, id, version, transition).await,
                            t.done(transition.action, &name),
                        ),
                        (None, None) => return,
                    };
                    saving.set(false);
                    match result {
                        Ok(changed) => {
                            open.set(None);
                            on_changed.emit((changed, said));
                        }
                        Err(failure) if is_about_field(&failure, "reason") => {
                            reason_missing.set(true);
                            focus_id(&reason_id);
                        }
                        Err(failure)
                            if adjustment.is_some()
                                && is_about_field(&failure, "amount")
                                && failure.details().and_then(|d| d.correctable).is_none() =>
                        {
                            amount_wrong.set(Some(t.err_negative));
                        }
                        Err(failure) => {
                            // Someone changed the line (412), or the caps now count something
                            // new (409): the month is loaded again, with the message kept.
                            if matches!(failure.status(), Some(409 | 412)) {
                                on_stale.emit(());
                            }
                            error.set(Some(failure));
                        }
                    }
                });
            },
        )
    };

    let opener = |step: Step| {
        let (open, amount, reason) = (open.clone(), amount.clone(), reason.clone());
        let (amount_wrong, reason_missing, error) =
            (amount_wrong.clone(), reason_missing.clone(), error.clone());
        let current = euros_input(item.line.amount());
        Callback::from(move |_: MouseEvent| {
            amount.set(current.clone());
            reason.set(String::new());
            amount_wrong.set(None);
            reason_missing.set(false);
            error.set(None);
            open.set(Some(step));
        })
    };
    let on_approve = {
        let send = send.clone();
        Callback::from(move |_: MouseEvent| {
            send.emit((
                None,
                Some(LineTransition {
                    action: LineAction::Approve,
                    reason: None,
                }),
            ))
        })
    };
    let on_confirm_paid = {
        let send = send.clone();
        Callback::from(move |_: MouseEvent| {
            send.emit((
                None,
                Some(LineTransition {
                    action: LineAction::MarkPaid,
                    reason: None,
                }),
            ))
        })
    };
    let on_cancel = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(None);
            focus_id(&format!("line-{id}"));
        })
    };
    let on_amount = {
        let (amount, amount_wrong) = (amount.clone(), amount_wrong.clone());
        Callback::from(move |event: InputEvent| {
            amount_wrong.set(None);
            amount.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let on_reason = {
        let (reason, reason_missing) = (reason.clone(), reason_missing.clone());
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            if !value.trim().is_empty() {
                reason_missing.set(false);
            }
            reason.set(value);
        })
    };
    let on_submit = {
        let (amount, reason, send) = (amount.clone(), reason.clone(), send.clone());
        let (amount_wrong, reason_missing) = (amount_wrong.clone(), reason_missing.clone());
        let (amount_id, reason_id) = (amount_id.clone(), reason_id.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let text = reason.trim().to_owned();
            reason_missing.set(text.is_empty());
            match shown_form {
                Some(Step::Adjust) => {
                    let parsed = parse_euros(&amount);
                    amount_wrong.set(parsed.is_none().then_some(t.msg_euros));
                    match parsed {
                        None => focus_id(&amount_id),
                        Some(_) if text.is_empty() => focus_id(&reason_id),
                        Some(cents) => send.emit((
                            Some(LineAdjustment {
                                amount: cents,
                                reason: text,
                            }),
                            None,
                        )),
                    }
                }
                Some(Step::Reopen) if text.is_empty() => focus_id(&reason_id),
                Some(Step::Reopen) => send.emit((
                    None,
                    Some(LineTransition {
                        action: LineAction::Reopen,
                        reason: Some(text),
                    }),
                )),
                _ => {}
            }
        })
    };

    let reason_field = |name: &str,
                        label: &'static str,
                        hint: &'static str,
                        required: &'static str| {
        html! {
            <div class={classes!("field", reason_missing.then_some("field-invalid"))}>
                <label for={reason_id.clone()}>{ label }</label>
                <textarea id={reason_id.clone()} class={format!("{name}-reason")} rows="3"
                    maxlength="500" required=true value={(*reason).clone()} oninput={on_reason.clone()}
                    aria-invalid={reason_missing.then_some("true")}
                    aria-describedby={described_by(&reason_id, true, *reason_missing)} />
                <p id={format!("{reason_id}-hint")} class="field-hint">{ hint }</p>
                if *reason_missing {
                    <p id={format!("{reason_id}-error")} role="alert"
                        class={classes!("field-error", format!("{name}-error"), format!("{name}-reason-error"))}>
                        { required }
                    </p>
                }
            </div>
        }
    };
    let form_buttons = |name: &str, submit: &'static str| {
        html! {
            <div class="form-actions">
                <button type="submit" class={classes!("button-primary", format!("{name}-submit"))}
                    disabled={*saving}>
                    { if *saving { t.saving } else { submit } }
                </button>
                <button type="button" class="button-secondary form-cancel" onclick={on_cancel.clone()}>
                    { t.cancel }
                </button>
            </div>
        }
    };

    let actions = match shown_form {
        Some(Step::Adjust) => html! {
            <form class="reason-form adjust-form" novalidate=true onsubmit={on_submit}>
                <div class={classes!("field", "field-narrow", amount_wrong.is_some().then_some("field-invalid"))}>
                    <label for={amount_id.clone()}>{ t.adjust_amount }</label>
                    <input id={amount_id.clone()} class="adjust-amount" type="text" inputmode="decimal"
                        autocomplete="off" value={(*amount).clone()} oninput={on_amount}
                        aria-invalid={amount_wrong.is_some().then_some("true")}
                        aria-describedby={described_by(&amount_id, true, amount_wrong.is_some())} />
                    <p id={format!("{amount_id}-hint")} class="field-hint">{ t.adjust_amount_hint }</p>
                    if let Some(message) = *amount_wrong {
                        <p id={format!("{amount_id}-error")} role="alert"
                            class="field-error adjust-error adjust-amount-error">{ message }</p>
                    }
                </div>
                { reason_field("adjust", t.adjust_reason, t.adjust_reason_hint, t.adjust_required) }
                { form_buttons("adjust", t.adjust_submit) }
            </form>
        },
        Some(Step::Reopen) => html! {
            <form class="reason-form reopen-form" novalidate=true onsubmit={on_submit}>
                { reason_field("reopen", t.reopen_label, t.reopen_hint, t.reopen_required) }
                { form_buttons("reopen", t.reopen) }
            </form>
        },
        Some(Step::MarkPaid) => html! {
            <div class="reason-form confirm-paid-form" role="group">
                <p class="confirm-paid-question">
                    { fill(t.confirm_paid, &[
                        ("amount", &format_euro(item.line.amount())),
                        ("name", &item.ambassador_name),
                    ]) }
                </p>
                <div class="form-actions">
                    <button type="button" class="button-primary confirm-paid" disabled={*saving}
                        onclick={on_confirm_paid}>
                        { if *saving { t.saving } else { t.confirm_paid_yes } }
                    </button>
                    <button type="button" class="button-secondary form-cancel" onclick={on_cancel}>
                        { t.cancel }
                    </button>
                </div>
            </div>
        },
        Some(Step::Approve) | None => {
            let blocked = (item.line.status() == LineStatus::Draft
                && !item.line.flags().is_empty())
            .then(|| html! { <p class="muted approve-blocked">{ t.approve_blocked }</p> });
            html! {
                <>
                    if !choices.is_empty() {
                        <div class="card-actions line-actions">
                            { for choices.iter().map(|step| match step {
                                Step::Adjust => html! {
                                    <button type="button" class="button-secondary adjust-line"
                                        disabled={*saving} onclick={opener(Step::Adjust)}>{ t.adjust }</button>
                                },
                                Step::Approve => html! {
                                    <button type="button" class="button-primary approve-line"
                                        disabled={*saving} onclick={on_approve.clone()}>
                                        { if *saving { t.saving } else { t.approve } }
                                    </button>
                                },
                                Step::Reopen => html! {
                                    <button type="button" class="button-secondary reopen-line"
                                        disabled={*saving} onclick={opener(Step::Reopen)}>{ t.reopen }</button>
                                },
                                Step::MarkPaid => html! {
                                    <button type="button" class="button-primary mark-paid"
                                        disabled={*saving} onclick={opener(Step::MarkPaid)}>{ t.mark_paid }</button>
                                },
                            }) }
                        </div>
                    }
                    { blocked.unwrap_or_default() }
                </>
            }
        }
    };
    let failure = error.as_ref().map(|error| {
        html! { <p class="message message-error line-error" role="alert">{ t.error(texts, error, &[]) }</p> }
    });
    let status = item.line.status().as_str();

    html! {
        <li id={format!("line-{id}")} class="card statement-line" tabindex="-1"
            data-status={status} data-flagged={(!item.line.flags().is_empty()).to_string()}
            data-amount={item.line.amount().get().to_string()}>
            <div class="card-head">
                <h3 class="line-volunteer">{ item.ambassador_name.clone() }</h3>
                <span class={classes!("status", "line-status", format!("status-line-{status}"))}>
                    { t.status(item.line.status()) }
                </span>
            </div>
            { super::line_details::details(texts, item) }
            { failure.unwrap_or_default() }
            { actions }
        </li>
    }
}

#[cfg(test)]
mod tests {
    use domain::money::Cents;

    use super::super::statement::tests::item;
    use super::*;

    #[test]
    fn a_flagged_draft_is_adjusted_but_not_approved() {
        let flagged = item(1, 5001, true);
        assert_eq!(steps(&flagged), [Step::Adjust]);
        assert_eq!(steps(&item(1, 0, true)), [Step::Adjust, Step::Approve]);
    }

    #[test]
    fn an_approved_line_is_reopened_or_paid_and_a_paid_one_never_changes() {
        let mut line = item(1, 0, true);
        line.line.approve().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(steps(&line), [Step::Reopen, Step::MarkPaid]);
        // In a payout file, which may be at the bank: no way back to draft.
        line.payout_file_id = Some(uuid::Uuid::from_u128(7));
        assert_eq!(steps(&line), [Step::MarkPaid]);
        line.line.mark_paid().unwrap_or_else(|e| panic!("{e}"));
        assert!(steps(&line).is_empty());
    }

    #[test]
    fn an_adjusted_amount_shows_what_the_rules_gave() {
        let mut line = item(1, 5001, true);
        assert!(!is_adjusted(&line));
        line.line
            .adjust(Cents(15_999), "Onder het maximum per maand")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(is_adjusted(&line));
        assert!(
            line.line.flags().is_empty(),
            "EUR 159,99 + EUR 50,01 is EUR 210,00"
        );
        assert_eq!(steps(&line), [Step::Adjust, Step::Approve]);
    }
}
