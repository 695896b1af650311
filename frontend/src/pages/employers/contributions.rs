//! Bijdragen: what the employer gave besides hours, materials at their value or money, each
//! with its receipt number; and recording one.

use chrono::NaiveDate;
use domain::contract::{ContributionInput, ContributionRecord, ContributionType};
use domain::money::format_euro;
use uuid::Uuid;
use yew::prelude::*;

use super::load::{message_of, select_field, text_field, use_loaded};
use super::submit::{Submit, refused_fields, use_form};
use crate::api::sponsorship::{add_contribution, contributions};
use crate::api::{Api, ApiError};
use crate::components::{ErrorMessage, Loading, StatusMessage};
use crate::format::{parse_euros, today};
use crate::hooks::{on_value, use_texts};
use crate::i18n::{SponsorshipTexts, Texts, fill};

/// What is typed into the form; the amount and the date stay text until they are checked.
#[derive(Debug, Clone, PartialEq)]
pub struct ContributionDraft {
    pub kind: ContributionType,
    pub description: String,
    pub amount: String,
    pub given_on: String,
    pub receipt_number: String,
}

const FIELDS: [(&str, &str); 4] = [
    ("description", "co-description"),
    ("amount", "co-amount"),
    ("given_on", "co-date"),
    ("receipt_number", "co-receipt"),
];

impl ContributionDraft {
    pub fn new(today: NaiveDate) -> Self {
        Self {
            kind: ContributionType::Materials,
            description: String::new(),
            amount: String::new(),
            given_on: today.to_string(),
            receipt_number: String::new(),
        }
    }

    /// The contribution to record, or a message for each field that is wrong.
    pub fn input(
        &self,
        t: &SponsorshipTexts,
    ) -> Result<ContributionInput, Vec<(String, &'static str)>> {
        let mut wrong: Vec<(String, &'static str)> = Vec::new();
        let description = self.description.trim().to_owned();
        if self.kind == ContributionType::Materials && description.is_empty() {
            wrong.push(("description".into(), t.msg_description));
        }
        let amount = parse_euros(&self.amount).filter(|amount| amount.get() > 0);
        if amount.is_none() {
            wrong.push(("amount".into(), t.msg_amount));
        }
        let given_on = NaiveDate::parse_from_str(&self.given_on, "%Y-%m-%d").ok();
        if given_on.is_none() {
            wrong.push(("given_on".into(), t.msg_date));
        }
        let receipt_number = self.receipt_number.trim().to_owned();
        if receipt_number.is_empty() {
            wrong.push(("receipt_number".into(), t.msg_receipt));
        }
        match (amount, given_on) {
            (Some(amount), Some(given_on)) if wrong.is_empty() => Ok(ContributionInput {
                kind: self.kind,
                description,
                amount,
                given_on,
                receipt_number,
            }),
            _ => Err(wrong),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ContributionsSectionProps {
    pub api: Api,
    pub employer_id: Uuid,
    pub on_changed: Callback<()>,
}

#[component]
pub fn ContributionsSection(props: &ContributionsSectionProps) -> Html {
    let texts = use_texts();
    let t = texts.sponsorship();
    let id = props.employer_id;
    let loaded = {
        let api = props.api.clone();
        use_loaded((), move |()| {
            let api = api.clone();
            async move { contributions(&api, id).await }
        })
    };
    let form = use_form(|| ContributionDraft::new(today()));
    let onsubmit = {
        let (api, reload, on_changed) = (
            props.api.clone(),
            loaded.reload.clone(),
            props.on_changed.clone(),
        );
        form.on_submit(Submit {
            fields: &FIELDS,
            done_id: "contribution-message",
            check: move |draft: &ContributionDraft| draft.input(t),
            send: move |input: ContributionInput| {
                let api = api.clone();
                async move { add_contribution(&api, id, &input).await }
            },
            refused: move |error: &ApiError| match error.code() {
                Some("receipt_taken") => Some(vec![("receipt_number".into(), t.err_receipt_taken)]),
                _ => refused_fields(t)(error),
            },
            sent: move |record: ContributionRecord| {
                reload.emit(());
                on_changed.emit(());
                Some(fill(
                    t.contribution_done,
                    &[("receipt", &record.receipt_number)],
                ))
            },
        })
    };

    let list = match &*loaded.state {
        None => html! { <Loading /> },
        Some(Err(error)) => {
            html! { <ErrorMessage error={error.clone()} on_retry={loaded.reload.clone()} /> }
        }
        Some(Ok(list)) if list.is_empty() => html! {
            <p id="contributions-empty" class="message message-info">{ t.no_contributions }</p>
        },
        Some(Ok(list)) => contribution_table(texts, list),
    };
    let d = form.draft.dispatcher();
    let f: &ContributionDraft = &form.draft.0;
    let kinds = ContributionType::ALL
        .iter()
        .map(|k| {
            (
                k.as_str().to_owned(),
                t.contribution_kind(*k).to_owned(),
                *k == f.kind,
            )
        })
        .collect();
    let error = form.failure.as_ref().map(|error| {
        html! { <p id="contribution-error" class="message message-error" role="alert">{ t.error(texts, error) }</p> }
    });

    html! {
        <>
            <p class="field-hint">{ t.contributions_intro }</p>
            { list }
            <form id="contribution-form" class="panel form" novalidate=true aria-labelledby="contribution-form-title" {onsubmit}>
                <h3 id="contribution-form-title">{ t.contribution_title }</h3>
                <div class="form-grid">
                    { select_field("co-kind", t.kind_label, kinds, None,
                        on_value(d.clone(), |f: &mut ContributionDraft, v| if let Ok(k) = ContributionType::parse(&v) { f.kind = k })) }
                    { text_field("co-description", t.description_label, Some(t.description_hint), "text", &f.description,
                        message_of(&form.messages, "description"), "off",
                        on_value(d.clone(), |f: &mut ContributionDraft, v| f.description = v)) }
                    { text_field("co-amount", t.amount_label, Some(t.amount_hint), "decimal", &f.amount,
                        message_of(&form.messages, "amount"), "off",
                        on_value(d.clone(), |f: &mut ContributionDraft, v| f.amount = v)) }
                    { text_field("co-date", t.date_label, None, "date", &f.given_on,
                        message_of(&form.messages, "given_on"), "off",
                        on_value(d.clone(), |f: &mut ContributionDraft, v| f.given_on = v)) }
                    { text_field("co-receipt", t.receipt_label, None, "text", &f.receipt_number,
                        message_of(&form.messages, "receipt_number"), "off",
                        on_value(d.clone(), |f: &mut ContributionDraft, v| f.receipt_number = v)) }
                </div>
                { error.unwrap_or_default() }
                <div class="form-actions">
                    <button id="co-submit" type="submit" class="button-primary" disabled={*form.saving}
                        aria-busy={form.saving.then_some("true")}>
                        { if *form.saving { t.saving } else { t.contribution_submit } }
                    </button>
                </div>
                <StatusMessage id="contribution-message" message={(*form.done).clone().map(AttrValue::from)} />
            </form>
        </>
    }
}

fn contribution_table(texts: &'static Texts, list: &[ContributionRecord]) -> Html {
    let t = texts.sponsorship();
    html! {
        <div class="table-wrap" role="region" aria-labelledby="contributions-title" tabindex="0">
            <table id="contributions-table" class="cards-on-phone">
                <thead>
                    <tr>
                        <th scope="col">{ t.column_date }</th>
                        <th scope="col">{ t.column_kind }</th>
                        <th scope="col">{ t.column_description }</th>
                        <th scope="col" class="numeric">{ t.column_amount }</th>
                        <th scope="col">{ t.column_receipt }</th>
                    </tr>
                </thead>
                <tbody>
                    { for list.iter().map(|c| html! {
                        <tr key={c.id.to_string()} class="contribution" data-receipt={c.receipt_number.clone()}>
                            <td class="nowrap" data-label={t.column_date}>{ texts.dates.date(c.given_on) }</td>
                            <td data-label={t.column_kind}>{ t.contribution_kind(c.kind) }</td>
                            <td data-label={t.column_description}>{ c.description.clone() }</td>
                            <td class="numeric nowrap" data-label={t.column_amount}>{ format_euro(c.amount) }</td>
                            <td data-label={t.column_receipt}>{ c.receipt_number.clone() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use domain::money::Cents;

    use super::*;
    use crate::i18n::NL;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()
    }

    #[test]
    fn a_contribution_is_sent_in_exact_cents_on_its_date() {
        let mut draft = ContributionDraft::new(today());
        draft.description = " Gereedschapskisten ".into();
        draft.amount = "450,00".into();
        draft.receipt_number = "HL-2026-002".into();
        let input = draft.input(NL.sponsorship()).unwrap();
        assert_eq!(input.amount, Cents(45_000));
        assert_eq!(input.given_on, today());
        assert_eq!(input.description, "Gereedschapskisten");
    }

    #[test]
    fn materials_need_a_description_and_money_does_not() {
        let t = NL.sponsorship();
        let mut draft = ContributionDraft::new(today());
        draft.amount = "0".into();
        let wrong = draft.input(t).unwrap_err();
        assert_eq!(
            wrong,
            [
                ("description".to_owned(), t.msg_description),
                ("amount".to_owned(), t.msg_amount),
                ("receipt_number".to_owned(), t.msg_receipt),
            ]
        );
        draft.kind = ContributionType::Money;
        draft.amount = "100".into();
        draft.receipt_number = "HL-2026-003".into();
        assert!(draft.input(t).is_ok());
    }
}
