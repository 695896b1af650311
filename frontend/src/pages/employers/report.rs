//! Overzicht: the employer's statement of a period (from 1 September of the school year up to
//! today unless another is chosen): per member of staff the agreed, delivered and missing hours,
//! the social-return value with how it was reached, and the cost overview as a budget table; and
//! the same as CSV or spreadsheet.

use chrono::NaiveDate;
use domain::contract::SponsorshipReport;
use domain::money::format_euro;
use domain::sponsorship::Contribution;
use domain::{SchoolYear, StartMoment};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::load::use_loaded;
use crate::api::sponsorship::{report, report_csv, report_xlsx};
use crate::api::{Api, ApiError};
use crate::components::{ErrorMessage, FormField, Loading, StatusMessage, described_by};
use crate::download::{save_bytes, save_csv};
use crate::format::today;
use crate::hooks::{focus_id, use_texts};
use crate::i18n::{Texts, fill};

/// 1 September of the school year of `today` up to `today`; before 1 September, the school year
/// before (a statement of a period that has not begun says nothing).
pub fn default_period(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let year = SchoolYear::containing(today);
    let september = StartMoment::September.date(year);
    if september <= today {
        return (september, today);
    }
    let before = SchoolYear::starting(year.start_year() - 1).unwrap_or(year);
    (StartMoment::September.date(before), today)
}

/// Which file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReportFile {
    Csv,
    Xlsx,
}

impl ReportFile {
    /// `sponsoring-2026-09-01-2026-12-31.csv`.
    fn name(self, from: NaiveDate, to: NaiveDate) -> String {
        let extension = match self {
            ReportFile::Csv => "csv",
            ReportFile::Xlsx => "xlsx",
        };
        format!("sponsoring-{from}-{to}.{extension}")
    }
}

#[derive(Properties, PartialEq)]
pub struct ReportSectionProps {
    pub api: Api,
    pub employer_id: Uuid,
    /// Changes on the page that the statement reflects: it is drawn up again on each.
    pub revision: u32,
}

#[component]
pub fn ReportSection(props: &ReportSectionProps) -> Html {
    let texts = use_texts();
    let t = texts.sponsorship();
    let id = props.employer_id;
    let defaults = *use_memo((), |_| default_period(today()));
    // As typed, and as last shown.
    let from = use_state(|| defaults.0.to_string());
    let to = use_state(|| defaults.1.to_string());
    let period = use_state(|| defaults);
    let invalid = use_state(|| None::<(&'static str, &'static str)>);
    let shown_period = *period;
    let loaded = {
        let api = props.api.clone();
        use_loaded((shown_period, props.revision), move |((from, to), _)| {
            let api = api.clone();
            async move { report(&api, id, from, to).await }
        })
    };
    let busy = use_state(|| None::<ReportFile>);
    let failure = use_state(|| None::<ApiError>);
    let message = use_state(|| None::<String>);

    let onsubmit = {
        let (from, to, period, invalid) =
            (from.clone(), to.clone(), period.clone(), invalid.clone());
        let reload = loaded.reload.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let parse = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
            match (parse(&from), parse(&to)) {
                (None, _) => {
                    invalid.set(Some(("report-from", t.msg_date)));
                    focus_id("report-from");
                }
                (_, None) => {
                    invalid.set(Some(("report-to", t.msg_date)));
                    focus_id("report-to");
                }
                (Some(first), Some(last)) if last < first => {
                    invalid.set(Some(("report-to", t.msg_to_before_from)));
                    focus_id("report-to");
                }
                (Some(first), Some(last)) => {
                    invalid.set(None);
                    if *period == (first, last) {
                        reload.emit(());
                    } else {
                        period.set((first, last));
                    }
                }
            }
        })
    };
    let on_date = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |event: Event| {
            state.set(
                event
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            );
        })
    };
    let download = |file: ReportFile| {
        let api = props.api.clone();
        let (busy, failure, message) = (busy.clone(), failure.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            if busy.is_some() {
                return;
            }
            busy.set(Some(file));
            failure.set(None);
            message.set(None);
            let (from, to) = shown_period;
            let api = api.clone();
            let (busy, failure, message) = (busy.clone(), failure.clone(), message.clone());
            spawn_local(async move {
                let name = file.name(from, to);
                let saved = match file {
                    ReportFile::Csv => report_csv(&api, id, from, to)
                        .await
                        .and_then(|text| save_csv(&name, &text).map_err(|_| ApiError::Unexpected)),
                    ReportFile::Xlsx => report_xlsx(&api, id, from, to).await.and_then(|bytes| {
                        save_bytes(
                            &name,
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            &bytes,
                        )
                        .map_err(|_| ApiError::Unexpected)
                    }),
                };
                busy.set(None);
                match saved {
                    Ok(()) => message.set(Some(fill(t.downloaded, &[("file", &name)]))),
                    Err(error) => failure.set(Some(error)),
                }
            });
        })
    };

    let date_field = |field: &'static str, label: &'static str, value: &UseStateHandle<String>| {
        let error = invalid
            .filter(|(f, _)| *f == field)
            .map(|(_, m)| AttrValue::from(m));
        html! {
            <FormField id={field} {label} error={error.clone()} class={classes!("field-narrow")}>
                <input id={field} type="date" value={(**value).clone()} onchange={on_date(value)}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={described_by(field, false, error.is_some())} />
            </FormField>
        }
    };
    let body = match &*loaded.state {
        None => html! { <Loading /> },
        Some(Err(error)) => html! {
            <ErrorMessage error={error.clone()} on_retry={loaded.reload.clone()} />
        },
        Some(Ok(shown)) => report_view(texts, shown),
    };
    let label = |file: ReportFile, idle: &'static str| {
        if *busy == Some(file) {
            t.downloading
        } else {
            idle
        }
    };
    let error = failure.as_ref().map(|error| {
        html! { <p id="report-download-error" class="message message-error" role="alert">{ t.error(texts, error) }</p> }
    });
    let ready = matches!(&*loaded.state, Some(Ok(_)));

    html! {
        <section id="report" class="employer-section" aria-labelledby="report-title">
            <h2 id="report-title">{ t.report_title }</h2>
            <p class="field-hint">{ t.report_intro }</p>
            <form id="report-form" class="filters report-period" novalidate=true aria-label={t.report_title} {onsubmit}>
                { date_field("report-from", t.from_label, &from) }
                { date_field("report-to", t.to_label, &to) }
                <div class="field">
                    <button id="report-show" type="submit" class="button-secondary">{ t.show_report }</button>
                </div>
            </form>
            { body }
            <div class="payout-actions report-downloads">
                <button id="download-csv" type="button" class="button-secondary"
                    disabled={!ready || busy.is_some()} aria-busy={(*busy == Some(ReportFile::Csv)).then_some("true")}
                    onclick={download(ReportFile::Csv)}>
                    { label(ReportFile::Csv, t.download_csv) }
                </button>
                <button id="download-xlsx" type="button" class="button-secondary"
                    disabled={!ready || busy.is_some()} aria-busy={(*busy == Some(ReportFile::Xlsx)).then_some("true")}
                    onclick={download(ReportFile::Xlsx)}>
                    { label(ReportFile::Xlsx, t.download_xlsx) }
                </button>
            </div>
            <StatusMessage id="report-message" message={(*message).clone().map(AttrValue::from)} />
            { error.unwrap_or_default() }
        </section>
    }
}

/// The statement itself: hours per member of staff, the social return, the cost overview.
fn report_view(texts: &'static Texts, shown: &SponsorshipReport) -> Html {
    let t = texts.sponsorship();
    let words = texts.lesson_series();
    let hours = |minutes: u64| t.hours(words, minutes);
    let period = fill(
        t.report_period,
        &[
            ("from", &texts.dates.date(shown.period.first())),
            ("to", &texts.dates.date(shown.period.last())),
        ],
    );
    let statement = &shown.statement;
    let employees = if statement.employees.is_empty() {
        html! { <p id="report-no-employees" class="message message-info">{ t.no_report_employees }</p> }
    } else {
        html! {
            <div class="table-wrap" role="region" aria-labelledby="report-hours-title" tabindex="0">
                <table id="report-hours">
                    <thead>
                        <tr>
                            <th scope="col">{ t.column_employee }</th>
                            <th scope="col">{ t.column_schools }</th>
                            <th scope="col" class="numeric">{ t.column_agreed }</th>
                            <th scope="col" class="numeric">{ t.column_delivered }</th>
                            <th scope="col" class="numeric">{ t.column_difference }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for statement.employees.iter().map(|e| html! {
                            <tr key={e.employee_id.to_string()} class="report-employee"
                                data-employee={e.employee_id.to_string()} data-delivered={e.delivered_minutes.to_string()}>
                                <th scope="row">{ e.employee_name.clone() }</th>
                                <td>{ e.schools.iter().map(|s| s.school_name.clone()).collect::<Vec<_>>().join(", ") }</td>
                                <td class="numeric nowrap">{ hours(e.agreed_minutes) }</td>
                                <td class="numeric nowrap report-delivered">{ hours(e.delivered_minutes) }</td>
                                <td class="numeric nowrap">{ t.difference(words, e.difference_minutes) }</td>
                            </tr>
                        }) }
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row" colspan="2">{ t.total }</th>
                            <td class="numeric nowrap">{ hours(statement.agreed_minutes) }</td>
                            <td class="numeric nowrap">{ hours(statement.delivered_minutes) }</td>
                            <td class="numeric nowrap">
                                { t.difference(words, i64::try_from(statement.delivered_minutes).unwrap_or(i64::MAX)
                                    - i64::try_from(statement.agreed_minutes).unwrap_or(i64::MAX)) }
                            </td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        }
    };
    let sroi = &shown.social_return;
    let cost = &shown.cost;

    html! {
        <div id="report-body" data-from={shown.period.first().to_string()} data-to={shown.period.last().to_string()}>
            <p id="report-period" class="report-period-shown"><strong>{ period }</strong></p>
            <h3 id="report-hours-title">{ t.hours_title }</h3>
            { employees }
            <section id="report-sroi" class="summary" aria-labelledby="report-sroi-title"
                data-value={sroi.value.get().to_string()}>
                <h3 id="report-sroi-title">{ t.sroi_title }</h3>
                <p class="summary-sentence">
                    { fill(t.sroi_value, &[("hours", &hours(sroi.minutes)), ("value", &format_euro(sroi.value))]) }
                </p>
                <p class="muted">{ fill(t.sroi_how, &[("explanation", &shown.social_return_explanation)]) }</p>
            </section>
            <h3 id="report-cost-title">{ t.cost_title }</h3>
            <div class="table-wrap" role="region" aria-labelledby="report-cost-title" tabindex="0">
                <table id="report-cost" class="budget-table">
                    <thead>
                        <tr>
                            <th scope="col">{ t.column_role }</th>
                            <th scope="col">{ t.column_party }</th>
                            <th scope="col" class="numeric">{ t.column_hours }</th>
                            <th scope="col" class="numeric">{ t.column_rate }</th>
                            <th scope="col" class="numeric">{ t.column_cost }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for cost.rows.iter().map(|row| html! {
                            <tr class="cost-row">
                                <th scope="row">{ row.role.clone() }</th>
                                <td>{ t.party(row.party) }</td>
                                <td class="numeric nowrap">{ hours(row.minutes) }</td>
                                <td class="numeric nowrap">{ format_euro(row.hourly_rate) }</td>
                                <td class="numeric nowrap">{ format_euro(row.cost) }</td>
                            </tr>
                        }) }
                        <tr class="subtotal">
                            <th scope="row" colspan="4">{ t.hours_cost_total }</th>
                            <td class="numeric nowrap">{ format_euro(cost.hours_cost) }</td>
                        </tr>
                    </tbody>
                    if !cost.contributions.is_empty() {
                        <tbody class="contributions">
                            <tr class="group-heading">
                                <th scope="colgroup" colspan="5">{ t.contributions_title }</th>
                            </tr>
                            { for cost.contributions.iter().map(|c| html! {
                                <tr class="contribution-row">
                                    <th scope="row">{ contribution_label(texts, c) }</th>
                                    <td>{ t.party(c.party) }</td>
                                    <td></td>
                                    <td></td>
                                    <td class="numeric nowrap">{ format_euro(c.amount) }</td>
                                </tr>
                            }) }
                            <tr class="subtotal">
                                <th scope="row" colspan="4">{ t.contributions_total }</th>
                                <td class="numeric nowrap">{ format_euro(cost.contributions_total) }</td>
                            </tr>
                        </tbody>
                    }
                    <tfoot>
                        { for cost.parties.iter().map(|party| html! {
                            <tr class="party-total" data-party={party.party.as_str()}>
                                <th scope="row" colspan="2">{ fill(t.party_total, &[("party", &t.party(party.party).to_lowercase())]) }</th>
                                <td class="numeric nowrap">{ hours(party.minutes) }</td>
                                <td></td>
                                <td class="numeric nowrap">{ format_euro(party.total) }</td>
                            </tr>
                        }) }
                        <tr class="grand-total">
                            <th scope="row" colspan="4">{ t.total }</th>
                            <td id="report-grand-total" class="numeric nowrap"
                                data-cents={cost.grand_total.get().to_string()}>
                                { format_euro(cost.grand_total) }
                            </td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        </div>
    }
}

/// A contribution as the budget table's row names it, with what the downloads hold: kind, what
/// was given or what the money is for, the day, and the receipt number.
fn contribution_label(texts: &'static Texts, c: &Contribution) -> String {
    let t = texts.sponsorship();
    let kind = t.contribution_kind(c.kind);
    let what = if c.description.is_empty() {
        kind.to_owned()
    } else {
        format!("{kind}: {}", c.description)
    };
    format!(
        "{what} ({}), {} {}",
        texts.dates.date(c.given_on),
        t.column_receipt.to_lowercase(),
        c.receipt_number
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_period_starts_on_1_september_of_the_school_year() {
        assert_eq!(
            default_period(day(2026, 11, 23)),
            (day(2026, 9, 1), day(2026, 11, 23))
        );
        assert_eq!(
            default_period(day(2027, 3, 5)),
            (day(2026, 9, 1), day(2027, 3, 5))
        );
        assert_eq!(
            default_period(day(2026, 8, 20)),
            (day(2025, 9, 1), day(2026, 8, 20))
        );
    }

    #[test]
    fn a_contribution_row_says_what_was_given_or_what_the_money_is_for_and_when() {
        use domain::money::Cents;
        use domain::sponsorship::{ContributionType, Party};
        let mut money = Contribution {
            kind: ContributionType::Money,
            description: "Bijdrage schoolreis techniekmuseum".to_owned(),
            amount: Cents(25_000),
            given_on: day(2026, 11, 15),
            party: Party::Employer,
            receipt_number: "HL-2026-002".to_owned(),
        };
        let texts = &crate::i18n::NL;
        assert_eq!(
            contribution_label(texts, &money),
            format!(
                "Geld: Bijdrage schoolreis techniekmuseum ({}), bonnummer HL-2026-002",
                texts.dates.date(money.given_on)
            )
        );
        money.description.clear();
        assert!(contribution_label(texts, &money).starts_with("Geld ("));
    }

    #[test]
    fn the_files_are_named_after_the_period() {
        let (from, to) = (day(2026, 9, 1), day(2026, 12, 31));
        assert_eq!(
            ReportFile::Csv.name(from, to),
            "sponsoring-2026-09-01-2026-12-31.csv"
        );
        assert_eq!(
            ReportFile::Xlsx.name(from, to),
            "sponsoring-2026-09-01-2026-12-31.xlsx"
        );
    }
}
