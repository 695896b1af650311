//! What a statement line says: hours, amount, an adjustment, the cap checks, any breach, and a
//! missing IBAN.

use domain::contract::StatementLineItem;
use domain::money::format_euro;
use yew::prelude::*;

use super::line::is_adjusted;
use crate::i18n::{Texts, fill};

/// Hours, amount, adjustment, checks, flags and a missing IBAN.
pub(super) fn details(texts: &'static Texts, item: &StatementLineItem) -> Html {
    let t = texts.allowances();
    let line = &item.line;
    let hours = if line.volunteered_minutes() == 0 {
        fill(texts.lesson_series().hours, &[("h", "0")])
    } else {
        texts.lesson_series().duration(line.volunteered_minutes())
    };
    let adjusted = is_adjusted(item).then(|| {
        let reason = line.adjustment_reason().map(|reason| {
            html! {
                <p class="line-adjustment">
                    <span class="line-label">{ format!("{}:", t.adjustment_reason) }</span>{ " " }{ reason.to_owned() }
                </p>
            }
        });
        html! {
            <>
                <p class="line-computed muted">{ format!("{}: {}", t.computed, format_euro(line.computed())) }</p>
                { reason.unwrap_or_default() }
            </>
        }
    });
    let flags = (!line.flags().is_empty()).then(|| {
        html! {
            <div class="message message-warning line-flags" role="note">
                <p class="line-flags-title">{ t.flags_title }</p>
                <ul>
                    { for line.flags().iter().map(|flag| html! { <li>{ flag.dutch() }</li> }) }
                </ul>
            </div>
        }
    });
    html! {
        <>
            if line.corrects().is_some() {
                <p class="line-correction muted">{ t.correction }</p>
            }
            <p class="line-hours"><span class="line-label">{ format!("{}:", t.volunteered) }</span>{ " " }{ hours }</p>
            <p class="line-amount">
                <span class="line-label">{ format!("{}:", t.amount) }</span>{ " " }
                <strong class="line-amount-value">{ format_euro(line.amount()) }</strong>
            </p>
            { adjusted.unwrap_or_default() }
            { flags.unwrap_or_default() }
            if !item.has_iban {
                <p class="message message-warning line-no-iban">{ t.no_iban }</p>
            }
            <p class="line-checks-title">{ t.checks_title }</p>
            <ul class="line-checks">
                { for line.checks().iter().map(|check| {
                    let verdict = if check.passes() { t.check_within } else { t.check_over };
                    html! {
                        <li class="line-check" data-kind={check.kind.as_str()} data-passes={check.passes().to_string()}>
                            <span class="line-label">{ format!("{}:", t.check(check.kind)) }</span>{ " " }
                            { fill(t.check_of, &[("total", &format_euro(check.total)), ("cap", &format_euro(check.cap))]) }
                            { " · " }{ verdict }
                        </li>
                    }
                }) }
            </ul>
        </>
    }
}
