//! Paying out: a payout file made of the month's approved lines that are in no file yet, and
//! the month's files made before, each downloadable again as the SEPA file for the bank and as
//! a list (CSV) to check. A file is kept as it was made, so the office can always download the
//! one it paid with. The files need the access token, so they are fetched like any API answer
//! and handed to the browser as a download.

use chrono::Days;
use domain::contract::PayoutFile;
use domain::local_date::amsterdam_time;
use domain::money::format_euro;
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::allowances::{make_payout_file, payout_file_csv, payout_file_sepa, payout_files};
use crate::api::{Api, ApiError};
use crate::components::StatusMessage;
use crate::download::{save_csv, save_text};
use crate::format::today;
use crate::hooks::use_texts;
use crate::i18n::{AllowanceTexts, fill};

/// Which download of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Sepa,
}

impl Format {
    /// The name the server gives the download: `vrijwilligersvergoeding-2026-10-KB-….csv`.
    pub fn name(self, file: &PayoutFile) -> String {
        let extension = match self {
            Format::Csv => "csv",
            Format::Sepa => "xml",
        };
        format!(
            "vrijwilligersvergoeding-{}-{}.{extension}",
            file.month, file.msg_id
        )
    }
}

/// What the panel is busy with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Busy {
    Making,
    Downloading(Uuid, Format),
}

/// "3 betalingen".
fn payments(t: &AllowanceTexts, n: i64) -> String {
    if n == 1 {
        t.payments_one.to_owned()
    } else {
        fill(t.payments_many, &[("n", &n.to_string())])
    }
}

/// What the list says of a file: payments, total, execution date, made when and by whom.
pub fn facts(t: &AllowanceTexts, file: &PayoutFile) -> String {
    let made = amsterdam_time(file.created_at);
    fill(
        t.payout_file_facts,
        &[
            ("payments", &payments(t, file.line_count)),
            ("total", &format_euro(file.total)),
            ("date", &file.execution_date.format("%d-%m-%Y").to_string()),
            ("made", &made.format("%d-%m-%Y %H:%M").to_string()),
            ("by", &file.created_by),
        ],
    )
}

#[derive(Properties, PartialEq)]
pub struct PayoutPanelProps {
    pub api: Api,
    /// `YYYY-MM`.
    pub month: String,
    /// How many approved lines are in no payout file yet: a new file needs at least one.
    pub unfiled: usize,
    /// The volunteers with an approved line but no IBAN, named when the server refuses for it.
    pub without_iban: Vec<String>,
    /// A file was made: the month's lines are in it now.
    pub on_made: Callback<()>,
}

#[component]
pub fn PayoutPanel(props: &PayoutPanelProps) -> Html {
    let texts = use_texts();
    let t = texts.allowances();
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
    let busy = use_state(|| None::<Busy>);
    let failure = use_state(|| None::<ApiError>);
    let message = use_state(|| None::<String>);
    let files = use_state(|| None::<Vec<PayoutFile>>);
    let reload = use_state(|| 0_u32);
    {
        let (api, month, files, failure) = (
            props.api.clone(),
            props.month.clone(),
            files.clone(),
            failure.clone(),
        );
        use_effect_with((props.month.clone(), *reload), move |_| {
            spawn_local(async move {
                match payout_files(&api, &month).await {
                    Ok(list) => files.set(Some(list)),
                    Err(error) => failure.set(Some(error)),
                }
            });
        });
    }

    let make = {
        let (api, month, on_made) = (
            props.api.clone(),
            props.month.clone(),
            props.on_made.clone(),
        );
        let (execution_date, busy, reload) = (execution_date.clone(), busy.clone(), reload.clone());
        let (failure, message) = (failure.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            if busy.is_some() {
                return;
            }
            busy.set(Some(Busy::Making));
            failure.set(None);
            message.set(None);
            let (api, month, date) = (api.clone(), month.clone(), (*execution_date).clone());
            let (busy, failure, message) = (busy.clone(), failure.clone(), message.clone());
            let (reload, on_made) = (reload.clone(), on_made.clone());
            spawn_local(async move {
                let result = make_payout_file(&api, &month, &date).await;
                busy.set(None);
                match result {
                    Ok(file) => {
                        message.set(Some(fill(
                            t.payout_made,
                            &[
                                ("msg_id", &file.msg_id),
                                ("payments", &payments(t, file.line_count)),
                            ],
                        )));
                        on_made.emit(());
                    }
                    Err(error) => {
                        if error.code() == Some("nothing_to_pay") {
                            on_made.emit(());
                        }
                        failure.set(Some(error));
                    }
                }
                reload.set(*reload + 1);
            });
        })
    };
    let download = |file: &PayoutFile, format: Format| {
        let (api, file) = (props.api.clone(), file.clone());
        let (busy, failure, message) = (busy.clone(), failure.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            if busy.is_some() {
                return;
            }
            busy.set(Some(Busy::Downloading(file.id, format)));
            failure.set(None);
            message.set(None);
            let (api, file) = (api.clone(), file.clone());
            let (busy, failure, message) = (busy.clone(), failure.clone(), message.clone());
            spawn_local(async move {
                let result = match format {
                    Format::Csv => payout_file_csv(&api, &file.month, file.id).await,
                    Format::Sepa => payout_file_sepa(&api, &file.month, file.id).await,
                };
                busy.set(None);
                let name = format.name(&file);
                match result.and_then(|text| {
                    match format {
                        Format::Csv => save_csv(&name, &text),
                        Format::Sepa => save_text(&name, "application/xml;charset=utf-8", &text),
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
    let none = props.unfiled == 0;
    let without_iban: Vec<&str> = props.without_iban.iter().map(String::as_str).collect();
    let error = failure.as_ref().map(|error| {
        html! {
            <p id="payout-error" class="message message-error" role="alert">
                { t.error(texts, error, &without_iban) }
            </p>
        }
    });
    let hint = if none && files.as_ref().is_none_or(Vec::is_empty) {
        t.payout_none_yet.to_owned()
    } else if none {
        t.payout_none.to_owned()
    } else {
        fill(
            t.payout_hint,
            &[(
                "payments",
                &payments(t, i64::try_from(props.unfiled).unwrap_or(i64::MAX)),
            )],
        )
    };
    let button = |file: &PayoutFile, format: Format, class: &'static str, idle: &'static str| {
        let mine = *busy == Some(Busy::Downloading(file.id, format));
        let unavailable = format == Format::Sepa && !file.has_sepa;
        html! {
            <button type="button" class={classes!("button-secondary", class)}
                disabled={busy.is_some() || unavailable} aria-busy={mine.then_some("true")}
                title={unavailable.then_some(t.no_sepa)}
                onclick={download(file, format)}>
                { if mine { t.downloading } else { idle } }
            </button>
        }
    };
    let list = match &*files {
        None => html! {},
        Some(list) if list.is_empty() => html! {
            <p id="payout-files-none" class="muted">{ t.payout_files_none }</p>
        },
        Some(list) => html! {
            <ul id="payout-files" class="payout-files" aria-labelledby="payout-files-title">
                { for list.iter().rev().map(|file| html! {
                    <li id={format!("payout-file-{}", file.id)} class="payout-file"
                        data-msg-id={file.msg_id.clone()}>
                        <p class="payout-file-id"><code>{ &file.msg_id }</code></p>
                        <p class="payout-file-facts muted">
                            { facts(t, file) }
                        </p>
                        <div class="payout-file-actions">
                            { button(file, Format::Sepa, "download-sepa", t.download_sepa) }
                            { button(file, Format::Csv, "download-csv", t.download_csv) }
                        </div>
                    </li>
                }) }
            </ul>
        },
    };

    html! {
        <section id="payout" class="panel payout" aria-labelledby="payout-title">
            <h3 id="payout-title">{ t.payout_title }</h3>
            <p class="field-hint">{ hint }</p>
            <div class="payout-actions">
                <div class="field payout-date">
                    <label for="execution-date">{ t.execution_date }</label>
                    <input id="execution-date" type="date" min={today.to_string()}
                        value={(*execution_date).clone()} onchange={on_date} />
                </div>
                <button id="make-payout" type="button" class="button-primary"
                    disabled={none || busy.is_some()} aria-busy={(*busy == Some(Busy::Making)).then_some("true")}
                    onclick={make}>
                    { if *busy == Some(Busy::Making) { t.making_payout } else { t.make_payout } }
                </button>
            </div>
            <StatusMessage id="payout-message" message={(*message).clone().map(AttrValue::from)} />
            { error.unwrap_or_default() }
            <h4 id="payout-files-title">{ t.payout_files_title }</h4>
            { list }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};
    use domain::money::Cents;

    use super::*;

    fn file() -> PayoutFile {
        PayoutFile {
            id: Uuid::from_u128(1),
            month: "2026-10".into(),
            msg_id: "KB-0192f1c37b2a7c4d8e5f0000a1b2c3d4".into(),
            execution_date: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap_or_default(),
            created_at: Utc
                .with_ymd_and_hms(2026, 12, 3, 9, 0, 0)
                .single()
                .unwrap_or_default(),
            created_by: "Iris van Leeuwen".into(),
            line_count: 2,
            total: Cents(31_999),
            has_sepa: true,
        }
    }

    #[test]
    fn a_download_is_named_after_the_month_and_the_message_id() {
        assert_eq!(
            Format::Csv.name(&file()),
            "vrijwilligersvergoeding-2026-10-KB-0192f1c37b2a7c4d8e5f0000a1b2c3d4.csv"
        );
        assert!(Format::Sepa.name(&file()).ends_with("a1b2c3d4.xml"));
    }

    #[test]
    fn a_file_says_what_it_pays_when_and_who_made_it_in_amsterdam_time() {
        let t = crate::i18n::NL.allowances();
        assert_eq!(
            facts(t, &file()),
            "2 betalingen, samen EUR 319,99 · uitvoerdatum 04-12-2026 · gemaakt op 03-12-2026 10:00 door Iris van Leeuwen"
        );
        let mut one = file();
        one.line_count = 1;
        assert!(facts(t, &one).starts_with("1 betaling, samen"));
    }
}
