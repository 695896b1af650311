//! Proposing an agreement: a linked member of staff, a period, the hours a week in hours (sent as
//! minutes) and the hourly rate in euros (sent as exact cents, read like on Vergoedingen).

use chrono::NaiveDate;
use domain::contract::{AgreementInput, Employee};
use domain::sponsorship::agreement::{MAX_HOURLY_RATE, MAX_MINUTES_PER_WEEK};
use domain::{Commitment, SchoolYear, StartMoment};
use uuid::Uuid;
use yew::prelude::*;

use super::load::{message_of, parse_hours, select_field, text_field};
use super::submit::{Submit, refused_fields, use_form};
use crate::api::Api;
use crate::api::sponsorship::propose_agreement;
use crate::format::{parse_euros, today};
use crate::hooks::{on_value, use_texts};
use crate::i18n::{SponsorshipTexts, fill};
use crate::pages::matching::run_choices;

/// What is typed and chosen; hours and the rate stay text until they are checked.
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementDraft {
    pub employee: Option<Uuid>,
    pub school_year: SchoolYear,
    pub start_moment: StartMoment,
    pub commitment: Commitment,
    pub sponsored: String,
    pub volunteered: String,
    pub rate: String,
}

/// The fields in the order the form shows them, with their input's id.
const FIELDS: [(&str, &str); 4] = [
    ("ambassador_id", "ag-employee"),
    ("sponsored_minutes_per_week", "ag-sponsored"),
    ("volunteered_minutes_per_week", "ag-volunteered"),
    ("hourly_rate", "ag-rate"),
];

impl AgreementDraft {
    /// An empty proposal from the coming start moment, for half a year.
    pub fn new(today: NaiveDate) -> Self {
        let (school_year, start_moment) = run_choices(today).1;
        Self {
            employee: None,
            school_year,
            start_moment,
            commitment: Commitment::HalfYear,
            sponsored: String::new(),
            volunteered: "0".to_owned(),
            rate: String::new(),
        }
    }

    /// The agreement to propose, or a message for each field that is wrong. No floats: hours
    /// become whole minutes, euros exact cents.
    pub fn input(
        &self,
        t: &SponsorshipTexts,
    ) -> Result<AgreementInput, Vec<(String, &'static str)>> {
        let mut wrong: Vec<(String, &'static str)> = Vec::new();
        let minutes = |text: &str| parse_hours(text).filter(|m| *m <= MAX_MINUTES_PER_WEEK);
        let sponsored = minutes(&self.sponsored);
        let volunteered = minutes(&self.volunteered);
        let rate = parse_euros(&self.rate).filter(|rate| *rate <= MAX_HOURLY_RATE);
        if self.employee.is_none() {
            wrong.push(("ambassador_id".into(), t.msg_employee));
        }
        if sponsored.is_none() {
            wrong.push(("sponsored_minutes_per_week".into(), t.msg_hours));
        }
        if volunteered.is_none() {
            wrong.push(("volunteered_minutes_per_week".into(), t.msg_hours));
        }
        if sponsored == Some(0) && volunteered == Some(0) {
            wrong.push(("sponsored_minutes_per_week".into(), t.msg_no_hours));
        }
        if rate.is_none() {
            wrong.push(("hourly_rate".into(), t.msg_rate));
        }
        match (self.employee, sponsored, volunteered, rate) {
            (Some(ambassador_id), Some(sponsored), Some(volunteered), Some(hourly_rate))
                if wrong.is_empty() =>
            {
                Ok(AgreementInput {
                    ambassador_id,
                    school_year: self.school_year,
                    start_moment: self.start_moment,
                    commitment: self.commitment,
                    sponsored_minutes_per_week: i64::from(sponsored),
                    volunteered_minutes_per_week: i64::from(volunteered),
                    hourly_rate,
                })
            }
            _ => Err(wrong),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct AgreementFormProps {
    pub api: Api,
    pub employer_id: Uuid,
    pub employees: Vec<Employee>,
    /// Proposed: what to say.
    pub on_proposed: Callback<String>,
}

#[component]
pub fn AgreementForm(props: &AgreementFormProps) -> Html {
    let texts = use_texts();
    let t = texts.sponsorship();
    let p = texts.placements();
    let form = use_form(|| AgreementDraft::new(today()));
    let onsubmit = {
        let (api, id, on_proposed) = (
            props.api.clone(),
            props.employer_id,
            props.on_proposed.clone(),
        );
        let employees = props.employees.clone();
        form.on_submit(Submit {
            fields: &FIELDS,
            done_id: "agreements-message",
            check: move |draft: &AgreementDraft| draft.input(t),
            // The page says whom the proposal is for: the name is looked up before sending.
            send: move |input: AgreementInput| {
                let name = employees
                    .iter()
                    .find(|e| e.ambassador_id == input.ambassador_id)
                    .map(|e| e.name.clone())
                    .unwrap_or_default();
                let api = api.clone();
                async move { propose_agreement(&api, id, &input).await.map(|_| name) }
            },
            refused: refused_fields(t),
            // The agreements section says it, above the list the agreement joins.
            sent: move |name: String| {
                on_proposed.emit(fill(t.proposed_done, &[("name", &name)]));
                None
            },
        })
    };

    if props.employees.is_empty() {
        return html! {
            <div id="agreement-form" class="panel">
                <h3>{ t.propose_title }</h3>
                <p id="agreement-needs-employee" class="field-hint">{ t.propose_needs_employee }</p>
            </div>
        };
    }

    let d = form.draft.dispatcher();
    let f: &AgreementDraft = &form.draft.0;
    let employee_options: Vec<(String, String, bool)> = std::iter::once((
        String::new(),
        t.choose_employee.to_owned(),
        f.employee.is_none(),
    ))
    .chain(props.employees.iter().map(|e| {
        (
            e.ambassador_id.to_string(),
            e.name.clone(),
            f.employee == Some(e.ambassador_id),
        )
    }))
    .collect();
    let (years, _) = run_choices(today());
    let year_options = years
        .iter()
        .map(|y| (y.to_string(), y.to_string(), *y == f.school_year))
        .collect();
    let start_options = StartMoment::ALL
        .iter()
        .map(|m| {
            (
                m.as_str().to_owned(),
                p.start_moment(*m).to_owned(),
                *m == f.start_moment,
            )
        })
        .collect();
    let commitment_options = Commitment::ALL
        .iter()
        .map(|c| {
            (
                c.as_str().to_owned(),
                p.commitment(*c).to_owned(),
                *c == f.commitment,
            )
        })
        .collect();
    let error = form.failure.as_ref().map(|error| {
        html! { <p id="agreement-error" class="message message-error" role="alert">{ t.error(texts, error) }</p> }
    });

    html! {
        <form id="agreement-form" class="panel form" novalidate=true aria-labelledby="agreement-form-title" {onsubmit}>
            <h3 id="agreement-form-title">{ t.propose_title }</h3>
            <div class="form-grid">
                { select_field("ag-employee", t.employee_label, employee_options, message_of(&form.messages, "ambassador_id"),
                    on_value(d.clone(), |f: &mut AgreementDraft, v| f.employee = Uuid::parse_str(&v).ok())) }
                { select_field("ag-school-year", t.school_year_label, year_options, None,
                    on_value(d.clone(), |f: &mut AgreementDraft, v| if let Ok(y) = SchoolYear::parse(&v) { f.school_year = y })) }
                { select_field("ag-start", t.start_label, start_options, None,
                    on_value(d.clone(), |f: &mut AgreementDraft, v| if let Ok(m) = StartMoment::parse(&v) { f.start_moment = m })) }
                { select_field("ag-commitment", t.commitment_label, commitment_options, None,
                    on_value(d.clone(), |f: &mut AgreementDraft, v| if let Ok(c) = Commitment::parse(&v) { f.commitment = c })) }
                { text_field("ag-sponsored", t.sponsored_label, Some(t.hours_hint), "decimal", &f.sponsored,
                    message_of(&form.messages, "sponsored_minutes_per_week"), "off",
                    on_value(d.clone(), |f: &mut AgreementDraft, v| f.sponsored = v)) }
                { text_field("ag-volunteered", t.volunteered_label, Some(t.hours_hint), "decimal", &f.volunteered,
                    message_of(&form.messages, "volunteered_minutes_per_week"), "off",
                    on_value(d.clone(), |f: &mut AgreementDraft, v| f.volunteered = v)) }
                { text_field("ag-rate", t.rate_label, Some(t.rate_hint), "decimal", &f.rate,
                    message_of(&form.messages, "hourly_rate"), "off",
                    on_value(d.clone(), |f: &mut AgreementDraft, v| f.rate = v)) }
            </div>
            { error.unwrap_or_default() }
            <div class="form-actions">
                <button id="ag-submit" type="submit" class="button-primary" disabled={*form.saving}
                    aria-busy={form.saving.then_some("true")}>
                    { if *form.saving { t.saving } else { t.propose_submit } }
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use domain::money::Cents;

    use super::*;
    use crate::i18n::NL;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn hours_become_minutes_and_euros_exact_cents() {
        let mut draft = AgreementDraft::new(day(2026, 11, 22));
        assert_eq!(draft.start_moment, StartMoment::February);
        draft.employee = Some(Uuid::from_u128(9));
        draft.sponsored = "7,5".into();
        draft.volunteered = "2".into();
        draft.rate = "65,29".into();
        let input = draft.input(NL.sponsorship()).unwrap();
        assert_eq!(input.sponsored_minutes_per_week, 450);
        assert_eq!(input.volunteered_minutes_per_week, 120);
        assert_eq!(input.hourly_rate, Cents(6_529));
    }

    #[test]
    fn every_wrong_field_is_named_in_dutch() {
        let t = NL.sponsorship();
        let mut draft = AgreementDraft::new(day(2026, 11, 22));
        draft.sponsored = "41".into();
        draft.rate = "1.000,01".into();
        let wrong = draft.input(t).unwrap_err();
        assert_eq!(
            wrong,
            [
                ("ambassador_id".to_owned(), t.msg_employee),
                ("sponsored_minutes_per_week".to_owned(), t.msg_hours),
                ("hourly_rate".to_owned(), t.msg_rate),
            ]
        );
        draft.employee = Some(Uuid::from_u128(9));
        draft.sponsored = "0".into();
        draft.volunteered = "0".into();
        draft.rate = "65".into();
        let wrong = draft.input(t).unwrap_err();
        assert_eq!(
            wrong,
            [("sponsored_minutes_per_week".to_owned(), t.msg_no_hours)]
        );
    }
}
