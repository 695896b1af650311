//! Paying out: the month's approved lines as a CSV to check and a SEPA file for the bank. The
//! files need the access token, so they are fetched like any API answer and handed to the
//! browser as a download.

use chrono::Days;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::allowances::{payout_csv, payout_sepa};
use crate::api::{Api, ApiError};
use crate::components::StatusMessage;
use crate::download::{save_csv, save_text};
use crate::format::today;
use crate::hooks::use_texts;
use crate::i18n::fill;

/// Which file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayoutFile {
    Csv,
    Sepa,
}

impl PayoutFile {
    /// The file's name, as the server names it: `vrijwilligersvergoeding-2026-10.csv`.
    pub fn name(self, month: &str) -> String {
        let extension = match self {
            PayoutFile::Csv => "csv",
            PayoutFile::Sepa => "xml",
        };
        format!("vrijwilligersvergoeding-{month}.{extension}")
    }

    fn mime(self) -> &'static str {
        match self {
            PayoutFile::Csv => "text/csv;charset=utf-8",
            PayoutFile::Sepa => "application/xml;charset=utf-8",
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct PayoutPanelProps {
    pub api: Api,
    /// `YYYY-MM`.
    pub month: String,
    /// How many lines are approved: the files need at least one.
    pub approved: usize,
    /// The volunteers with an approved line but no IBAN, named when the server refuses for it.
    pub without_iban: Vec<String>,
}

#[component]
pub fn PayoutPanel(props: &PayoutPanelProps) -> Html {
    let texts = use_texts();
    let t = &texts.allowances;
    let tomorrow = use_memo((), |_| {
        let today = today();
        let tomorrow = today.checked_add_days(Days::new(1)).unwrap_or(today);
        (
            today,
            domain::payout::business_day::next_business_day(tomorrow),
        )
    });
    let (today, tomorrow) = *tomorrow;
    let execution_date = use_state(|| tomorrow.to_string());
    let busy = use_state(|| None::<PayoutFile>);
    let failure = use_state(|| None::<ApiError>);
    let message = use_state(|| None::<String>);

    let download = |file: PayoutFile| {
        let (api, month) = (props.api.clone(), props.month.clone());
        let (execution_date, busy) = (execution_date.clone(), busy.clone());
        let (failure, message) = (failure.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            if busy.is_some() {
                return;
            }
            busy.set(Some(file));
            failure.set(None);
            message.set(None);
            let (api, month, date) = (api.clone(), month.clone(), (*execution_date).clone());
            let (busy, failure, message) = (busy.clone(), failure.clone(), message.clone());
            spawn_local(async move {
                let result = match file {
                    PayoutFile::Csv => payout_csv(&api, &month).await,
                    PayoutFile::Sepa => payout_sepa(&api, &month, &date).await,
                };
                busy.set(None);
                let name = file.name(&month);
                match result.and_then(|text| {
                    match file {
                        PayoutFile::Csv => save_csv(&name, &text),
                        PayoutFile::Sepa => save_text(&name, file.mime(), &text),
                    }
                    .map_err(|_| ApiError::Unexpected)
                }) {
                    Ok(()) => message.set(Some(fill(t.downloaded, &[("file", &name)]))),
                    Err(error) => failure.set(Some(error)),
                }
            });
        })
    };
    let on_date = {
        let execution_date = execution_date.clone();
        Callback::from(move |event: Event| {
            execution_date.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let none = props.approved == 0;
    let without_iban: Vec<&str> = props.without_iban.iter().map(String::as_str).collect();
    let error = failure.as_ref().map(|error| {
        html! {
            <p id="payout-error" class="message message-error" role="alert">
                { t.error(texts, error, &without_iban) }
            </p>
        }
    });
    let label = |file: PayoutFile, idle: &'static str| {
        if *busy == Some(file) {
            t.downloading
        } else {
            idle
        }
    };

    html! {
        <section id="payout" class="panel payout" aria-labelledby="payout-title">
            <h3 id="payout-title">{ t.payout_title }</h3>
            <p class="field-hint">{ if none { t.payout_none } else { t.payout_hint } }</p>
            <div class="payout-actions">
                <button id="download-csv" type="button" class="button-secondary"
                    disabled={none || busy.is_some()} aria-busy={(*busy == Some(PayoutFile::Csv)).then_some("true")}
                    onclick={download(PayoutFile::Csv)}>
                    { label(PayoutFile::Csv, t.download_csv) }
                </button>
                <div class="field payout-date">
                    <label for="execution-date">{ t.execution_date }</label>
                    <input id="execution-date" type="date" min={today.to_string()}
                        value={(*execution_date).clone()} onchange={on_date} />
                </div>
                <button id="download-sepa" type="button" class="button-primary"
                    disabled={none || busy.is_some()} aria-busy={(*busy == Some(PayoutFile::Sepa)).then_some("true")}
                    onclick={download(PayoutFile::Sepa)}>
                    { label(PayoutFile::Sepa, t.download_sepa) }
                </button>
            </div>
            <StatusMessage id="payout-message" message={(*message).clone().map(AttrValue::from)} />
            { error.unwrap_or_default() }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_are_named_after_the_month() {
        assert_eq!(
            PayoutFile::Csv.name("2026-10"),
            "vrijwilligersvergoeding-2026-10.csv"
        );
        assert_eq!(
            PayoutFile::Sepa.name("2026-10"),
            "vrijwilligersvergoeding-2026-10.xml"
        );
    }
}
