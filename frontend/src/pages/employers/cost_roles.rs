//! Extra kosten: hours of other roles the employer adds to its cost overview, such as a
//! coordinator's, with who bears them and at what rate; and recording them.

use chrono::NaiveDate;
use domain::contract::{CostRoleInput, CostRoleRecord};
use domain::money::format_euro;
use domain::sponsorship::Party;
use uuid::Uuid;
use yew::prelude::*;

use super::load::{message_of, parse_hours, select_field, text_field, use_loaded};
use super::submit::{Submit, refused_fields, use_form};
use crate::api::Api;
use crate::api::sponsorship::{add_cost_role, cost_roles};
use crate::components::{ErrorMessage, Loading, StatusMessage};
use crate::format::{parse_euros, today};
use crate::hooks::{on_value, use_texts};
use crate::i18n::{SponsorshipTexts, Texts, fill};

/// The most hours a row may hold, in minutes, as the server takes them.
const MAX_MINUTES: u32 = 100_000;

/// What is typed into the form.
#[derive(Debug, Clone, PartialEq)]
pub struct CostRoleDraft {
    pub role: String,
    pub party: Party,
    pub hours: String,
    pub rate: String,
    pub recorded_on: String,
}

const FIELDS: [(&str, &str); 4] = [
    ("role", "cr-role"),
    ("minutes", "cr-hours"),
    ("hourly_rate", "cr-rate"),
    ("recorded_on", "cr-date"),
];

impl CostRoleDraft {
    pub fn new(today: NaiveDate) -> Self {
        Self {
            role: String::new(),
            party: Party::Employer,
            hours: String::new(),
            rate: String::new(),
            recorded_on: today.to_string(),
        }
    }

    /// The row to record, or a message for each field that is wrong.
    pub fn input(
        &self,
        t: &SponsorshipTexts,
    ) -> Result<CostRoleInput, Vec<(String, &'static str)>> {
        let mut wrong: Vec<(String, &'static str)> = Vec::new();
        let role = self.role.trim().to_owned();
        if role.is_empty() {
            wrong.push(("role".into(), t.msg_role));
        }
        let minutes = parse_hours(&self.hours).filter(|m| (1..=MAX_MINUTES).contains(m));
        if minutes.is_none() {
            wrong.push(("minutes".into(), t.msg_cost_hours));
        }
        let rate = parse_euros(&self.rate);
        if rate.is_none() {
            wrong.push(("hourly_rate".into(), t.msg_rate));
        }
        let recorded_on = NaiveDate::parse_from_str(&self.recorded_on, "%Y-%m-%d").ok();
        if recorded_on.is_none() {
            wrong.push(("recorded_on".into(), t.msg_date));
        }
        match (minutes, rate, recorded_on) {
            (Some(minutes), Some(hourly_rate), Some(recorded_on)) if wrong.is_empty() => {
                Ok(CostRoleInput {
                    role,
                    party: self.party,
                    minutes: i64::from(minutes),
                    hourly_rate,
                    recorded_on,
                })
            }
            _ => Err(wrong),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct CostRolesSectionProps {
    pub api: Api,
    pub employer_id: Uuid,
    pub on_changed: Callback<()>,
}

#[component]
pub fn CostRolesSection(props: &CostRolesSectionProps) -> Html {
    let texts = use_texts();
    let t = texts.sponsorship();
    let id = props.employer_id;
    let loaded = {
        let api = props.api.clone();
        use_loaded((), move |()| {
            let api = api.clone();
            async move { cost_roles(&api, id).await }
        })
    };
    let form = use_form(|| CostRoleDraft::new(today()));
    let onsubmit = {
        let (api, reload, on_changed) = (
            props.api.clone(),
            loaded.reload.clone(),
            props.on_changed.clone(),
        );
        form.on_submit(Submit {
            fields: &FIELDS,
            done_id: "cost-role-message",
            check: move |draft: &CostRoleDraft| draft.input(t),
            send: move |input: CostRoleInput| {
                let api = api.clone();
                async move { add_cost_role(&api, id, &input).await }
            },
            refused: refused_fields(t),
            sent: move |record: CostRoleRecord| {
                reload.emit(());
                on_changed.emit(());
                Some(fill(t.cost_role_done, &[("role", &record.role)]))
            },
        })
    };

    let list = match &*loaded.state {
        None => html! { <Loading /> },
        Some(Err(error)) => {
            html! { <ErrorMessage error={error.clone()} on_retry={loaded.reload.clone()} /> }
        }
        Some(Ok(list)) if list.is_empty() => html! {
            <p id="cost-roles-empty" class="message message-info">{ t.no_cost_roles }</p>
        },
        Some(Ok(list)) => cost_role_table(texts, list),
    };
    let d = form.draft.dispatcher();
    let f: &CostRoleDraft = &form.draft.0;
    let parties = Party::ALL
        .iter()
        .map(|p| (p.as_str().to_owned(), t.party(*p).to_owned(), *p == f.party))
        .collect();
    let error = form.failure.as_ref().map(|error| {
        html! { <p id="cost-role-error" class="message message-error" role="alert">{ t.error(texts, error) }</p> }
    });

    html! {
        <>
            <h3 id="cost-roles-title">{ t.cost_roles_title }</h3>
            <p class="field-hint">{ t.cost_roles_intro }</p>
            { list }
            <form id="cost-role-form" class="panel form" novalidate=true aria-labelledby="cost-role-form-title" {onsubmit}>
                <h3 id="cost-role-form-title">{ t.cost_role_title }</h3>
                <div class="form-grid">
                    { text_field("cr-role", t.role_label, Some(t.role_hint), "text", &f.role,
                        message_of(&form.messages, "role"), "off",
                        on_value(d.clone(), |f: &mut CostRoleDraft, v| f.role = v)) }
                    { select_field("cr-party", t.party_label, parties, None,
                        on_value(d.clone(), |f: &mut CostRoleDraft, v| if let Ok(p) = Party::parse(&v) { f.party = p })) }
                    { text_field("cr-hours", t.cost_hours_label, Some(t.cost_hours_hint), "decimal", &f.hours,
                        message_of(&form.messages, "minutes"), "off",
                        on_value(d.clone(), |f: &mut CostRoleDraft, v| f.hours = v)) }
                    { text_field("cr-rate", t.cost_rate_label, None, "decimal", &f.rate,
                        message_of(&form.messages, "hourly_rate"), "off",
                        on_value(d.clone(), |f: &mut CostRoleDraft, v| f.rate = v)) }
                    { text_field("cr-date", t.date_label, None, "date", &f.recorded_on,
                        message_of(&form.messages, "recorded_on"), "off",
                        on_value(d.clone(), |f: &mut CostRoleDraft, v| f.recorded_on = v)) }
                </div>
                { error.unwrap_or_default() }
                <div class="form-actions">
                    <button id="cr-submit" type="submit" class="button-primary" disabled={*form.saving}
                        aria-busy={form.saving.then_some("true")}>
                        { if *form.saving { t.saving } else { t.cost_role_submit } }
                    </button>
                </div>
                <StatusMessage id="cost-role-message" message={(*form.done).clone().map(AttrValue::from)} />
            </form>
        </>
    }
}

fn cost_role_table(texts: &'static Texts, list: &[CostRoleRecord]) -> Html {
    let t = texts.sponsorship();
    html! {
        <div class="table-wrap" role="region" aria-labelledby="cost-roles-title" tabindex="0">
            <table id="cost-roles-table">
                <thead>
                    <tr>
                        <th scope="col">{ t.column_role }</th>
                        <th scope="col">{ t.column_party }</th>
                        <th scope="col" class="numeric">{ t.column_hours }</th>
                        <th scope="col" class="numeric">{ t.column_rate }</th>
                        <th scope="col">{ t.column_date }</th>
                    </tr>
                </thead>
                <tbody>
                    { for list.iter().map(|row| html! {
                        <tr key={row.id.to_string()} class="cost-role">
                            <th scope="row">{ row.role.clone() }</th>
                            <td>{ t.party(row.party) }</td>
                            <td class="numeric nowrap">{ t.hours(texts.lesson_series(), u64::from(row.minutes)) }</td>
                            <td class="numeric nowrap">{ format_euro(row.hourly_rate) }</td>
                            <td class="nowrap">{ texts.dates.date(row.recorded_on) }</td>
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

    #[test]
    fn a_cost_row_is_sent_in_minutes_and_exact_cents() {
        let mut draft = CostRoleDraft::new(NaiveDate::from_ymd_opt(2026, 10, 31).unwrap());
        draft.role = "coördinator HR".into();
        draft.hours = "4".into();
        draft.rate = "55,00".into();
        let input = draft.input(NL.sponsorship()).unwrap();
        assert_eq!((input.minutes, input.hourly_rate), (240, Cents(5_500)));
        draft.hours = "0".into();
        draft.role = " ".into();
        let wrong = draft.input(NL.sponsorship()).unwrap_err();
        let fields: Vec<_> = wrong.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["role", "minutes"]);
    }
}
