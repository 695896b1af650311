//! Registering an ambassador: the profile as typed, checked with the server's own rules
//! (`AmbassadorInput::validate`), with messages next to the fields in the person's language.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use domain::ambassador::Funding;
use domain::contract::{AmbassadorInput, FieldError, Organisation};
use domain::{Commitment, OrganisationKind, SchoolType, SchoolYear, StartMoment, Weekday};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::matching::{create_ambassador, update_ambassador};
use crate::api::organisations::list_organisations;
use crate::api::{Api, ApiError};
use crate::components::{FormField, described_by};
use crate::hooks::{focus_id, on_checked, on_value, use_editable, use_texts};
use crate::i18n::AmbassadorTexts;
use crate::pages::matching::run_choices;
use crate::pages::placements::form::split_list;
use crate::route::Route;

/// The form's values; lists and numbers stay text until they are checked.
#[derive(Debug, Clone, PartialEq)]
pub struct AmbassadorForm {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub employer_id: Option<Uuid>,
    pub expertise: String,
    pub themes: String,
    pub school_type: Option<SchoolType>,
    pub home_municipality: String,
    pub municipalities: String,
    pub weekdays: Vec<Weekday>,
    pub commitment: Commitment,
    pub available_from: (SchoolYear, StartMoment),
    pub minutes_per_day: i64,
    pub funding: Funding,
    pub sponsored: String,
    pub volunteer: String,
    /// Kept as they are: the form does not edit them.
    pub preferred_school_ids: Vec<Uuid>,
}

/// The fields in the order the form shows them: the first with a message gets the focus.
const FIELDS: [&str; 10] = [
    "name",
    "email",
    "phone",
    "expertise",
    "themes",
    "municipalities",
    "weekdays",
    "minutes_per_day",
    "sponsored_minutes_per_week",
    "volunteer_minutes_per_week",
];

/// The id of a field's input: `af-name`.
pub fn input_id(field: &str) -> String {
    match field {
        "sponsored_minutes_per_week" => "af-sponsored".to_owned(),
        "volunteer_minutes_per_week" => "af-volunteer".to_owned(),
        "weekdays" => "af-weekday-monday".to_owned(),
        other => format!("af-{}", other.replace('_', "-")),
    }
}

impl AmbassadorForm {
    /// An empty profile, available from the coming start moment, for a day of 7 hours.
    pub fn new(today: NaiveDate) -> Self {
        Self {
            name: String::new(),
            email: String::new(),
            phone: String::new(),
            employer_id: None,
            expertise: String::new(),
            themes: String::new(),
            school_type: None,
            home_municipality: String::new(),
            municipalities: String::new(),
            weekdays: Vec::new(),
            commitment: Commitment::HalfYear,
            available_from: run_choices(today).1,
            minutes_per_day: 420,
            funding: Funding::Volunteer,
            sponsored: String::new(),
            volunteer: String::new(),
            preferred_school_ids: Vec::new(),
        }
    }

    /// A stored profile, to edit.
    pub fn from_profile(p: &AmbassadorInput) -> Self {
        let minutes = |m: i64| if m > 0 { m.to_string() } else { String::new() };
        Self {
            name: p.name.clone(),
            email: p.email.clone(),
            phone: p.phone.clone().unwrap_or_default(),
            employer_id: p.employer_id,
            expertise: p.expertise.join(", "),
            themes: p.themes.join(", "),
            school_type: p.school_type,
            home_municipality: p.home_municipality.clone().unwrap_or_default(),
            municipalities: p.municipalities.join(", "),
            weekdays: p.weekdays.clone(),
            commitment: p.commitment,
            available_from: (p.available_from_year, p.available_from_moment),
            minutes_per_day: p.minutes_per_day,
            funding: p.funding,
            sponsored: minutes(p.sponsored_minutes_per_week),
            volunteer: minutes(p.volunteer_minutes_per_week),
            preferred_school_ids: p.preferred_school_ids.clone(),
        }
    }

    /// The profile to send, tidied, or every problem by field.
    pub fn input(&self) -> Result<AmbassadorInput, Vec<FieldError>> {
        let minutes = |text: &str| text.trim().parse::<i64>().unwrap_or(0);
        let optional = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
        AmbassadorInput {
            name: self.name.clone(),
            email: self.email.clone(),
            phone: optional(&self.phone),
            employer_id: self.employer_id,
            expertise: split_list(&self.expertise),
            themes: split_list(&self.themes),
            school_type: self.school_type,
            home_municipality: optional(&self.home_municipality),
            municipalities: split_list(&self.municipalities),
            weekdays: self.weekdays.clone(),
            commitment: self.commitment,
            available_from_year: self.available_from.0,
            available_from_moment: self.available_from.1,
            minutes_per_day: self.minutes_per_day,
            funding: self.funding,
            sponsored_minutes_per_week: minutes(&self.sponsored),
            volunteer_minutes_per_week: minutes(&self.volunteer),
            preferred_school_ids: self.preferred_school_ids.clone(),
        }
        .validate()
    }
}

/// A message for each field with a problem, in the person's language; the checks' English is
/// not shown.
pub fn field_messages(
    t: &AmbassadorTexts,
    errors: &[FieldError],
) -> BTreeMap<String, &'static str> {
    let mut messages = BTreeMap::new();
    for error in errors {
        let message = match error.field.as_str() {
            "name" => t.msg_name,
            "email" => t.msg_email,
            "phone" => t.msg_phone,
            "expertise" | "themes" => t.msg_words,
            "municipalities" if error.message.contains("at least one") => t.msg_municipalities,
            "municipalities" => t.msg_words,
            "weekdays" => t.msg_weekdays,
            "minutes_per_day" => t.msg_day_length,
            "sponsored_minutes_per_week" | "volunteer_minutes_per_week" => t.msg_hybrid,
            _ => t.msg_check,
        };
        messages.entry(error.field.clone()).or_insert(message);
    }
    messages
}

#[derive(Properties, PartialEq)]
pub struct NewAmbassadorProps {
    pub api: Api,
    pub today: NaiveDate,
    pub on_cancel: Callback<()>,
    /// The ambassador whose profile is edited; absent to register a new one.
    #[prop_or_default]
    pub editing: Option<domain::contract::Ambassador>,
    /// After an edit is saved, with what to say.
    #[prop_or_default]
    pub on_saved: Callback<String>,
}

#[component]
pub fn NewAmbassador(props: &NewAmbassadorProps) -> Html {
    let texts = use_texts();
    let t = texts.ambassadors();
    let p = texts.placements();
    let today = props.today;
    let editing = props.editing.clone();
    let form = use_editable(|| match &editing {
        Some(ambassador) => AmbassadorForm::from_profile(&ambassador.profile),
        None => AmbassadorForm::new(today),
    });
    let messages = use_state(BTreeMap::<String, &'static str>::new);
    let saving = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let employers = use_state(Vec::<Organisation>::new);
    let navigator = use_navigator();
    {
        let (api, employers) = (props.api.clone(), employers.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                // A missing list only leaves the choice empty; registering works without it.
                if let Ok(page) =
                    list_organisations(&api, Some(OrganisationKind::Employer), None).await
                {
                    employers.set(page.items);
                }
            });
        });
    }
    use_effect_with((), |_| focus_id("af-name"));

    let onsubmit = {
        let (form, messages, saving, error) = (
            form.clone(),
            messages.clone(),
            saving.clone(),
            error.clone(),
        );
        let api = props.api.clone();
        let editing_id = props.editing.as_ref().map(|a| a.id);
        let on_saved = props.on_saved.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *saving {
                return;
            }
            error.set(None);
            let input = match form.0.input() {
                Ok(input) => input,
                Err(errors) => {
                    let found = field_messages(t, &errors);
                    if let Some(first) = FIELDS.iter().find(|f| found.contains_key(**f)) {
                        focus_id(&input_id(first));
                    }
                    messages.set(found);
                    return;
                }
            };
            messages.set(BTreeMap::new());
            saving.set(true);
            let (api, navigator) = (api.clone(), navigator.clone());
            let (saving, error, messages) = (saving.clone(), error.clone(), messages.clone());
            let (editing, on_saved) = (editing_id, on_saved.clone());
            spawn_local(async move {
                let result = match editing {
                    Some(id) => update_ambassador(&api, id, &input).await,
                    None => create_ambassador(&api, &input).await,
                };
                match result {
                    Ok(_) if editing.is_some() => {
                        saving.set(false);
                        on_saved.emit(t.profile_saved.to_owned());
                    }
                    Ok(created) => {
                        if let Some(navigator) = navigator {
                            navigator.push(&Route::Ambassador { id: created.id });
                        }
                    }
                    Err(failure) => {
                        saving.set(false);
                        match &failure {
                            ApiError::Problem(problem) if !problem.errors.is_empty() => {
                                messages.set(field_messages(t, &problem.errors));
                            }
                            _ => error.set(Some(failure)),
                        }
                    }
                }
            });
        })
    };

    let d = form.dispatcher();
    let message = |field: &str| messages.get(field).map(|m| AttrValue::from(*m));
    let text = |field: &'static str,
                label: &'static str,
                hint: Option<&'static str>,
                kind: &'static str,
                value: &str,
                write: fn(&mut AmbassadorForm, String)| {
        let id = input_id(field);
        let error = message(field);
        html! {
            <FormField id={id.clone()} {label} hint={hint.map(AttrValue::from)} error={error.clone()}>
                <input id={id.clone()} type={kind} value={value.to_owned()}
                    oninput={on_value(d.clone(), move |f: &mut AmbassadorForm, v| write(f, v))}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={described_by(&id, hint.is_some(), error.is_some())} />
            </FormField>
        }
    };
    let select = |id: &'static str,
                  label: &'static str,
                  options: Vec<(String, String, bool)>,
                  write: fn(&mut AmbassadorForm, String)| {
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                <select {id} onchange={on_value(d.clone(), move |f: &mut AmbassadorForm, v| write(f, v))}>
                    { for options.into_iter().map(|(value, label, selected)| html! {
                        <option {value} {selected}>{ label }</option>
                    }) }
                </select>
            </div>
        }
    };
    let f: &AmbassadorForm = &form.0;
    let days = Weekday::ALL.iter().map(|day| {
        let day = *day;
        let id = format!("af-weekday-{}", day.as_str());
        html! {
            <label class="checkbox" for={id.clone()}>
                <input {id} type="checkbox" checked={f.weekdays.contains(&day)}
                    onchange={on_checked(d.clone(), move |f: &mut AmbassadorForm, on: bool| {
                        f.weekdays.retain(|w| *w != day);
                        if on { f.weekdays.push(day); }
                    })} />
                { p.weekday(day) }
            </label>
        }
    });
    let weekday_error = message("weekdays").map(|m| {
        html! { <p id="af-weekdays-error" class="field-error">{ m }</p> }
    });
    let employer_options: Vec<(String, String, bool)> = std::iter::once((
        String::new(),
        texts.matching().no_employer.to_owned(),
        f.employer_id.is_none(),
    ))
    .chain(employers.iter().map(|e| {
        (
            e.id.to_string(),
            e.name.clone(),
            f.employer_id == Some(e.id),
        )
    }))
    .collect();
    let (years, _) = run_choices(today);
    let from_options: Vec<(String, String, bool)> = years
        .iter()
        .flat_map(|year| StartMoment::ALL.iter().map(move |m| (*year, *m)))
        .map(|(year, m)| {
            (
                format!("{year}/{}", m.as_str()),
                format!("{} {year}", p.start_moment(m)),
                f.available_from == (year, m),
            )
        })
        .collect();
    let failure = error.as_ref().map(|error| {
        html! { <p class="message message-error form-error" role="alert">{ t.error(texts, error) }</p> }
    });
    let on_cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };

    html! {
        <form id="ambassador-form" class="panel form" aria-labelledby="ambassador-form-title" novalidate=true {onsubmit}>
            <h2 id="ambassador-form-title">{ if props.editing.is_some() { t.edit_profile } else { t.new_ambassador } }</h2>
            if props.editing.is_none() {
                <p class="field-hint">{ t.new_intro }</p>
            }
            <fieldset class="form-section">
                <legend>{ t.section_contact }</legend>
                <div class="form-grid">
                    { text("name", t.name, None, "text", &f.name, |f, v| f.name = v) }
                    { text("email", t.email, None, "email", &f.email, |f, v| f.email = v) }
                    { text("phone", t.phone, None, "tel", &f.phone, |f, v| f.phone = v) }
                    { select("af-employer", t.employer, employer_options, |f, v| f.employer_id = Uuid::parse_str(&v).ok()) }
                </div>
            </fieldset>
            <fieldset class="form-section">
                <legend>{ t.section_what }</legend>
                <div class="form-grid">
                    { text("expertise", t.expertise, Some(t.list_hint), "text", &f.expertise, |f, v| f.expertise = v) }
                    { text("themes", t.themes, Some(t.list_hint), "text", &f.themes, |f, v| f.themes = v) }
                    { select("af-school-type", t.school_type, vec![
                        (String::new(), t.either_school_type.to_owned(), f.school_type.is_none()),
                        ("po".into(), texts.school_type(SchoolType::Po).to_owned(), f.school_type == Some(SchoolType::Po)),
                        ("vo".into(), texts.school_type(SchoolType::Vo).to_owned(), f.school_type == Some(SchoolType::Vo)),
                    ], |f, v| f.school_type = SchoolType::parse(&v).ok()) }
                </div>
            </fieldset>
            <fieldset class="form-section">
                <legend>{ t.section_where }</legend>
                <div class="form-grid">
                    { text("home_municipality", t.home_municipality, None, "text", &f.home_municipality, |f, v| f.home_municipality = v) }
                    { text("municipalities", t.municipalities, Some(t.municipalities_hint), "text", &f.municipalities, |f, v| f.municipalities = v) }
                </div>
            </fieldset>
            <fieldset class="form-section">
                <legend>{ t.section_when }</legend>
                <fieldset class={classes!("weekdays", message("weekdays").map(|_| "field-invalid"))}
                    aria-describedby={message("weekdays").map(|_| "af-weekdays-error")}>
                    <legend>{ t.weekdays }</legend>
                    { for days }
                    { weekday_error.unwrap_or_default() }
                </fieldset>
                <div class="form-grid">
                    { select("af-commitment", t.commitment, Commitment::ALL.iter().map(|c| (c.as_str().to_owned(), p.commitment(*c).to_owned(), *c == f.commitment)).collect(),
                        |f, v| if let Ok(c) = Commitment::parse(&v) { f.commitment = c }) }
                    { select("af-available-from", t.available_from, from_options, |f, v| {
                        if let Some((year, moment)) = v.split_once('/')
                            && let (Ok(year), Ok(moment)) = (SchoolYear::parse(year), StartMoment::parse(moment))
                        {
                            f.available_from = (year, moment);
                        }
                    }) }
                    { select("af-minutes-per-day", t.day_length, (12..=16).map(|half_hours: i64| {
                        let minutes = half_hours * 30;
                        (minutes.to_string(), p.duration(minutes), minutes == f.minutes_per_day)
                    }).collect(), |f, v| if let Ok(m) = v.parse() { f.minutes_per_day = m }) }
                    { select("af-funding", t.funding, Funding::ALL.iter().map(|x| (x.as_str().to_owned(), t.funding(*x).to_owned(), *x == f.funding)).collect(),
                        |f, v| if let Ok(x) = Funding::parse(&v) { f.funding = x }) }
                    if f.funding == Funding::Hybrid {
                        { text("sponsored_minutes_per_week", t.sponsored_minutes, None, "number", &f.sponsored, |f, v| f.sponsored = v) }
                        { text("volunteer_minutes_per_week", t.volunteer_minutes, None, "number", &f.volunteer, |f, v| f.volunteer = v) }
                    }
                </div>
            </fieldset>
            { failure.unwrap_or_default() }
            <div class="form-actions">
                <button id="af-save" type="submit" class="button-primary" disabled={*saving}>
                    { if props.editing.is_some() { t.save_profile } else { t.save_new } }
                </button>
                <button id="af-cancel" type="button" class="button-secondary" onclick={on_cancel}>{ t.cancel }</button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::NL;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default()
    }

    #[test]
    fn an_empty_form_names_what_is_missing_in_dutch() {
        let form = AmbassadorForm::new(today());
        let messages = field_messages(NL.ambassadors(), &form.input().unwrap_err());
        assert_eq!(messages["name"], "Vul de naam in (hoogstens 100 tekens).");
        assert!(messages["email"].contains("e-mailadres"));
        assert!(messages["municipalities"].contains("woonplaats"));
        assert_eq!(messages["weekdays"], "Kies minstens één dag.");
    }

    #[test]
    fn a_filled_in_form_becomes_a_tidy_profile() {
        let mut form = AmbassadorForm::new(today());
        form.name = " Noor de Vries ".into();
        form.email = "noor@example.org".into();
        form.home_municipality = "Groningen".into();
        form.expertise = "techniek, , programmeren".into();
        form.weekdays = vec![Weekday::Thursday, Weekday::Tuesday];
        let input = form.input().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(input.name, "Noor de Vries");
        assert_eq!(input.expertise, ["techniek", "programmeren"]);
        assert_eq!(input.weekdays, [Weekday::Tuesday, Weekday::Thursday]);
        assert_eq!(input.available_from_moment, StartMoment::February);
    }

    #[test]
    fn every_field_leads_to_its_input() {
        assert_eq!(input_id("home_municipality"), "af-home-municipality");
        assert_eq!(input_id("sponsored_minutes_per_week"), "af-sponsored");
    }
}
