//! One month's statement: drawing it up, the caps a year without them needs first, who still
//! waits, the totals, the lines, and the payout files.

use domain::allowance::LineStatus;
use domain::contract::{Statement, StatementLineItem, WaitingVolunteer};
use domain::money::{Cents, format_euro};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::caps::CapsForm;
use super::line::StatementLineCard;
use super::payout::PayoutPanel;
use crate::api::allowances::{draw_up_statement, statement};
use crate::api::{Api, ApiError};
use crate::components::{ErrorMessage, Loading, StatusMessage};
use crate::hooks::{focus_id, use_texts};
use crate::i18n::fill;

/// What the totals bar adds up: the approved and the paid amounts, and the lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub approved: Cents,
    pub approved_lines: usize,
    /// Approved lines with an amount that are in no payout file yet: what a new file holds.
    pub unfiled: usize,
    pub paid: Cents,
    pub lines: usize,
}

/// The totals of `lines`.
pub fn totals(lines: &[StatementLineItem]) -> Totals {
    let sum = |status: LineStatus| -> Cents {
        lines
            .iter()
            .filter(|l| l.line.status() == status)
            .map(|l| l.line.amount())
            .sum()
    };
    Totals {
        approved: sum(LineStatus::Approved),
        approved_lines: lines
            .iter()
            .filter(|l| l.line.status() == LineStatus::Approved)
            .count(),
        unfiled: lines
            .iter()
            .filter(|l| {
                l.line.status() == LineStatus::Approved
                    && l.payout_file_id.is_none()
                    && l.line.amount().is_positive()
            })
            .count(),
        paid: sum(LineStatus::Paid),
        lines: lines.len(),
    }
}

/// The volunteers whose approved lines cannot be paid for want of an IBAN.
pub fn approved_without_iban(lines: &[StatementLineItem]) -> Vec<String> {
    lines
        .iter()
        .filter(|l| {
            l.line.status() == LineStatus::Approved && l.payout_file_id.is_none() && !l.has_iban
        })
        .map(|l| l.ambassador_name.clone())
        .collect()
}

/// `statement` with `item` in place of the line with its id, so a step shows at once, before
/// the month is loaded again.
pub fn with_line(statement: &Statement, item: &StatementLineItem) -> Statement {
    let mut statement = statement.clone();
    if let Some(shown) = statement.lines.iter_mut().find(|l| l.id == item.id) {
        *shown = item.clone();
    }
    statement
}

#[derive(Properties, PartialEq)]
pub struct StatementViewProps {
    pub api: Api,
    /// `YYYY-MM`.
    pub month: String,
    /// "oktober 2026".
    pub month_name: String,
    /// The month's calendar year, whose caps apply.
    pub year: i32,
}

/// The month's statement, loaded when shown and again after every step. An answer older than a
/// newer request is dropped.
#[component]
pub fn StatementView(props: &StatementViewProps) -> Html {
    let texts = use_texts();
    let t = texts.allowances();
    let loaded = use_state(|| None::<Result<Statement, ApiError>>);
    let reload = use_state(|| 0_u32);
    let latest = use_mut_ref(|| 0_u64);
    // Who waits, known once the month was drawn up on this page.
    let waiting = use_state(|| None::<Vec<WaitingVolunteer>>);
    let caps_missing = use_state(|| false);
    let drawing = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let message = use_state(|| None::<String>);
    {
        let (api, month, loaded, latest) = (
            props.api.clone(),
            props.month.clone(),
            loaded.clone(),
            latest.clone(),
        );
        use_effect_with(*reload, move |_| {
            *latest.borrow_mut() += 1;
            let mine = *latest.borrow();
            if matches!(*loaded, Some(Err(_))) {
                loaded.set(None);
            }
            spawn_local(async move {
                let result = statement(&api, &month).await;
                if *latest.borrow() == mine {
                    loaded.set(Some(result));
                }
            });
        });
    }
    let load_again = {
        let reload = reload.clone();
        Callback::from(move |()| reload.set(*reload + 1))
    };

    let draw_up = {
        let (api, month, month_name) = (
            props.api.clone(),
            props.month.clone(),
            props.month_name.clone(),
        );
        let (loaded, latest, waiting) = (loaded.clone(), latest.clone(), waiting.clone());
        let (caps_missing, drawing, failure, message) = (
            caps_missing.clone(),
            drawing.clone(),
            failure.clone(),
            message.clone(),
        );
        Callback::from(move |()| {
            if *drawing {
                return;
            }
            drawing.set(true);
            failure.set(None);
            *latest.borrow_mut() += 1;
            let mine = *latest.borrow();
            let (api, month, month_name) = (api.clone(), month.clone(), month_name.clone());
            let (loaded, latest, waiting) = (loaded.clone(), latest.clone(), waiting.clone());
            let (caps_missing, drawing, failure, message) = (
                caps_missing.clone(),
                drawing.clone(),
                failure.clone(),
                message.clone(),
            );
            spawn_local(async move {
                let result = draw_up_statement(&api, &month).await;
                drawing.set(false);
                match result {
                    Ok(drawn) => {
                        caps_missing.set(false);
                        waiting.set(Some(drawn.waiting.clone()));
                        // A month with nothing to draw up says so where the lines would be.
                        if drawn.lines.is_empty() {
                            message.set(None);
                        } else {
                            message.set(Some(fill(t.drawn_up, &[("month", &month_name)])));
                            focus_id("allowances-message");
                        }
                        if *latest.borrow() == mine {
                            loaded.set(Some(Ok(drawn)));
                        }
                    }
                    Err(error) if error.code() == Some("caps_missing") => {
                        caps_missing.set(true);
                        message.set(None);
                        focus_id("caps-missing");
                    }
                    Err(error) => failure.set(Some(error)),
                }
            });
        })
    };
    let on_draw_up = {
        let draw_up = draw_up.clone();
        Callback::from(move |_: MouseEvent| draw_up.emit(()))
    };
    let on_caps_saved = {
        let (message, draw_up) = (message.clone(), draw_up.clone());
        Callback::from(move |said: String| {
            message.set(Some(said));
            draw_up.emit(());
        })
    };
    let on_changed = {
        let (loaded, message, failure, load_again) = (
            loaded.clone(),
            message.clone(),
            failure.clone(),
            load_again.clone(),
        );
        Callback::from(move |(item, said): (StatementLineItem, String)| {
            if let Some(Ok(shown)) = &*loaded {
                loaded.set(Some(Ok(with_line(shown, &item))));
            }
            failure.set(None);
            message.set(Some(said));
            focus_id(&format!("line-{}", item.id));
            load_again.emit(());
        })
    };

    let shown = match &*loaded {
        None => return html! { <Loading /> },
        Some(Err(error)) => {
            return html! { <ErrorMessage error={error.clone()} on_retry={load_again.clone()} /> };
        }
        Some(Ok(shown)) => shown,
    };
    let sums = totals(&shown.lines);
    let without_iban = approved_without_iban(&shown.lines);

    let caps = caps_missing.then(|| {
        html! {
            <div class="caps-missing-panel">
                <p id="caps-missing" class="message message-warning" role="alert" tabindex="-1">
                    { fill(t.caps_missing, &[("year", &props.year.to_string())]) }
                </p>
                <CapsForm api={props.api.clone()} year={props.year} on_saved={on_caps_saved} />
            </div>
        }
    });
    let error = failure.as_ref().map(|error| {
        html! {
            <p id="allowances-error" class="message message-error" role="alert">
                { t.error(texts, error, &[]) }
            </p>
        }
    });
    let waiting_list = waiting.as_ref().map(|waiting| {
        html! {
            <section id="waiting" class="panel waiting" aria-labelledby="waiting-title">
                <h3 id="waiting-title">{ t.waiting_title }</h3>
                if waiting.is_empty() {
                    <p class="muted">{ t.waiting_none }</p>
                } else {
                    <ul class="waiting-list">
                        { for waiting.iter().map(|w| html! {
                            <li class="waiting-volunteer" data-ambassador={w.ambassador_id.to_string()}>
                                <strong>{ w.ambassador_name.clone() }</strong>
                                { ": " }{ t.waiting_reason(&w.reason) }
                            </li>
                        }) }
                    </ul>
                }
            </section>
        }
    });
    let lines = if shown.lines.is_empty() {
        let template = if waiting.is_some() {
            t.empty_drawn_up
        } else {
            t.empty
        };
        html! {
            <p id="statement-empty" class="message message-info">
                { fill(template, &[("month", &props.month_name)]) }
            </p>
        }
    } else {
        html! {
            <ul id="statement-lines" class="cards statement-lines">
                { for shown.lines.iter().map(|item| html! {
                    <StatementLineCard key={item.id.to_string()} api={props.api.clone()}
                        item={item.clone()} on_changed={on_changed.clone()}
                        on_stale={load_again.clone()} />
                }) }
            </ul>
        }
    };

    html! {
        <div id="statement" data-month={shown.month.clone()}>
            <div id="statement-totals" class="summary statement-summary"
                data-lines={sums.lines.to_string()} data-approved={sums.approved.get().to_string()}
                data-approved-lines={sums.approved_lines.to_string()}>
                <p class="statement-totals-text">
                    { fill(t.totals, &[
                        ("approved", &format_euro(sums.approved)),
                        ("paid", &format_euro(sums.paid)),
                        ("lines", &t.lines(sums.lines)),
                    ]) }
                </p>
                <button id="draw-up" type="button" class="button-primary" disabled={*drawing}
                    aria-busy={drawing.then_some("true")} onclick={on_draw_up}>
                    { if *drawing { t.drawing_up } else { t.draw_up } }
                </button>
            </div>
            { caps.unwrap_or_default() }
            <StatusMessage id="allowances-message" message={(*message).clone().map(AttrValue::from)} />
            { error.unwrap_or_default() }
            { waiting_list.unwrap_or_default() }
            { lines }
            <PayoutPanel api={props.api.clone()} month={props.month.clone()}
                unfiled={sums.unfiled} {without_iban} on_made={load_again.clone()} />
        </div>
    }
}

/// Fixtures the line's tests share.
#[cfg(test)]
pub mod tests;
