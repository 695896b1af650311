//! Aanmelden als onderwijsambassadeur: a professional applies without an account, with their
//! motivation letter and CV, and agrees to the privacy statement. Checked with the server's own
//! rules (`ApplicationInput::validate`) before it is sent; the files are read in the browser and
//! sent as they are (base64), and the server recognises them by content. The answer never says
//! whether the address has an account: the page asks to check the e-mail.

use base64::Engine;
use chrono::NaiveDate;
use domain::ambassador::MAX_DOCUMENT_BYTES;
use domain::contract::application::PRIVACY_STATEMENT_VERSION;
use domain::contract::{ApplicationInput, FieldError};
use domain::{Commitment, SchoolType, SchoolYear, StartMoment, Weekday};
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::applications::apply;
use crate::api::{Api, ApiError};
use crate::components::{FormField, NavLink, described_by};
use crate::hooks::{focus_id, on_checked, on_value, use_editable, use_texts, use_title};
use crate::i18n::fill;
use crate::pages::placements::form::split_list;
use crate::route::Route;

/// What is typed into the form; the files are read when it is sent.
#[derive(Debug, Clone, PartialEq)]
pub struct ApplyForm {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub home_municipality: String,
    pub municipalities: String,
    pub weekdays: Vec<Weekday>,
    pub commitment: Commitment,
    pub start: (SchoolYear, StartMoment),
    pub hours: i64,
    pub school_type: Option<SchoolType>,
    pub expertise: String,
    pub sponsored: bool,
    pub employer: String,
    pub consent: bool,
}

/// The fields in the order the form shows them, with their input's id: the first with a
/// message gets the focus.
const FIELDS: [(&str, &str); 13] = [
    ("name", "ap-name"),
    ("email", "ap-email"),
    ("phone", "ap-phone"),
    ("home_municipality", "ap-home"),
    ("municipalities", "ap-municipalities"),
    ("expertise", "ap-expertise"),
    ("weekdays", "ap-weekday-monday"),
    ("minutes_per_day", "ap-hours"),
    ("sponsoring_employer", "ap-employer"),
    ("motivation_letter", "ap-motivation-letter"),
    ("cv", "ap-cv"),
    ("privacy_consent", "ap-consent"),
    ("privacy_statement_version", "ap-consent"),
];

/// The start moments one can apply for: the coming one and the three after it.
pub fn start_choices(today: NaiveDate) -> Vec<(SchoolYear, StartMoment)> {
    let mut choices = Vec::new();
    let (mut year, mut moment) = StartMoment::next_after(today);
    for _ in 0..4 {
        choices.push((year, moment));
        (year, moment) = match moment {
            StartMoment::September => (year, StartMoment::February),
            StartMoment::February => (year.next(), StartMoment::September),
        };
    }
    choices
}

impl ApplyForm {
    /// An empty form, for the coming start moment and a day of 7 hours.
    pub fn new(today: NaiveDate) -> Self {
        Self {
            name: String::new(),
            email: String::new(),
            phone: String::new(),
            home_municipality: String::new(),
            municipalities: String::new(),
            weekdays: Vec::new(),
            commitment: Commitment::WholeYear,
            start: StartMoment::next_after(today),
            hours: 7,
            school_type: None,
            expertise: String::new(),
            sponsored: false,
            employer: String::new(),
            consent: false,
        }
    }

    /// The application to send with the files' contents (base64), checked by the server's
    /// rules.
    pub fn input(
        &self,
        motivation_letter: String,
        cv: String,
    ) -> Result<ApplicationInput, Vec<FieldError>> {
        let phone = Some(self.phone.trim().to_owned()).filter(|p| !p.is_empty());
        let input = ApplicationInput {
            name: self.name.clone(),
            email: self.email.trim().to_owned(),
            phone,
            home_municipality: self.home_municipality.clone(),
            municipalities: split_list(&self.municipalities),
            weekdays: self.weekdays.clone(),
            commitment: self.commitment,
            available_from_year: self.start.0,
            available_from_moment: self.start.1,
            minutes_per_day: self.hours * 60,
            school_type: self.school_type,
            expertise: split_list(&self.expertise),
            sponsoring_employer: self.sponsored.then(|| self.employer.clone()),
            motivation_letter,
            cv,
            privacy_consent: self.consent,
            privacy_statement_version: Some(PRIVACY_STATEMENT_VERSION.to_owned()),
        };
        let mut errors = match input.validate() {
            Ok(_) => Vec::new(),
            Err(errors) => errors,
        };
        if self.sponsored && self.employer.trim().is_empty() {
            errors.push(FieldError::new(
                "sponsoring_employer",
                "name the employer that sponsors",
            ));
        }
        if errors.is_empty() {
            Ok(input)
        } else {
            Err(errors)
        }
    }
}

/// A chosen file's bytes as base64; empty when none is chosen; an error message key for one
/// that is too large.
async fn read_file(input: &NodeRef) -> Result<String, &'static str> {
    let Some(file) = input
        .cast::<HtmlInputElement>()
        .and_then(|element| element.files())
        .and_then(|files| files.get(0))
    else {
        return Ok(String::new());
    };
    if file.size() > MAX_DOCUMENT_BYTES as f64 {
        return Err("5 MiB");
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "unreadable")?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Ok(base64::engine::general_purpose::STANDARD.encode(bytes))
}

#[derive(Properties, PartialEq)]
pub struct ApplyProps {
    pub api: Api,
}

#[component]
pub fn ApplyPage(props: &ApplyProps) -> Html {
    let texts = use_texts();
    let t = texts.apply();
    let p = texts.placements();
    use_title(t.title);
    let today = crate::format::today();
    let form = use_editable(|| ApplyForm::new(today));
    let messages = use_state(Vec::<(String, &'static str)>::new);
    let saving = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let done = use_state(|| false);
    let (letter_ref, cv_ref) = (use_node_ref(), use_node_ref());
    use_effect_with((), |_| focus_id("ap-name"));

    let show = {
        let messages = messages.clone();
        move |wrong: Vec<(String, &'static str)>| {
            if let Some((_, id)) = FIELDS
                .iter()
                .find(|(name, _)| wrong.iter().any(|(f, _)| f == name))
            {
                focus_id(id);
            }
            messages.set(wrong);
        }
    };

    let onsubmit = {
        let api = props.api.clone();
        let (form, saving, failure, done) =
            (form.clone(), saving.clone(), failure.clone(), done.clone());
        let (letter_ref, cv_ref, show) = (letter_ref.clone(), cv_ref.clone(), show.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *saving {
                return;
            }
            failure.set(None);
            saving.set(true);
            let (api, form, saving, failure, done) = (
                api.clone(),
                form.0.clone(),
                saving.clone(),
                failure.clone(),
                done.clone(),
            );
            let (letter_ref, cv_ref, show) = (letter_ref.clone(), cv_ref.clone(), show.clone());
            spawn_local(async move {
                let mut too_large = Vec::new();
                let mut file = |field: &'static str, read: Result<String, &'static str>| {
                    read.unwrap_or_else(|_| {
                        too_large.push(FieldError::new(field, "the file is larger than 5 MiB"));
                        String::new()
                    })
                };
                let letter = file("motivation_letter", read_file(&letter_ref).await);
                let cv = file("cv", read_file(&cv_ref).await);
                let input = match form.input(letter, cv) {
                    Ok(input) if too_large.is_empty() => input,
                    result => {
                        let mut errors = too_large;
                        errors.extend(result.err().unwrap_or_default());
                        // A too-large file is not "missing".
                        let mut wrong = t.messages(&errors);
                        wrong.dedup_by(|a, b| a.0 == b.0);
                        saving.set(false);
                        show(wrong);
                        return;
                    }
                };
                show(Vec::new());
                let result = apply(&api, &input).await;
                saving.set(false);
                match result {
                    Ok(_) => {
                        done.set(true);
                        focus_id("apply-done");
                    }
                    Err(ApiError::Problem(problem)) if !problem.errors.is_empty() => {
                        show(t.messages(&problem.errors));
                    }
                    Err(error) => failure.set(Some(error)),
                }
            });
        })
    };

    if *done {
        return html! {
            <section id="apply" class="page public-page" aria-labelledby="page-title">
                <div class="login-card">
                    <h1 id="page-title">{ t.title }</h1>
                    <p id="apply-done" class="message message-success" role="status" tabindex="-1">{ t.done }</p>
                    <p><NavLink id="to-login" to={Route::Overview} current={false}>{ t.to_login }</NavLink></p>
                </div>
            </section>
        };
    }

    let d = form.dispatcher();
    let f: &ApplyForm = &form.0;
    let message = |field: &str| {
        messages
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, m)| AttrValue::from(*m))
    };
    let id_of = |field: &str| {
        FIELDS
            .iter()
            .find(|(name, _)| *name == field)
            .map(|(_, id)| *id)
            .unwrap_or_default()
    };
    let text = |field: &'static str,
                label: &'static str,
                hint: Option<&'static str>,
                kind: &'static str,
                autocomplete: &'static str,
                value: &str,
                write: fn(&mut ApplyForm, String)| {
        let id = id_of(field);
        let error = message(field);
        html! {
            <FormField id={id} {label} hint={hint.map(AttrValue::from)} error={error.clone()}>
                <input id={id} type={kind} {autocomplete} value={value.to_owned()}
                    oninput={on_value(d.clone(), move |f: &mut ApplyForm, v| write(f, v))}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={described_by(id, hint.is_some(), error.is_some())} />
            </FormField>
        }
    };
    let select = |id: &'static str,
                  label: &'static str,
                  options: Vec<(String, String, bool)>,
                  write: fn(&mut ApplyForm, String)| {
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                <select {id} onchange={on_value(d.clone(), move |f: &mut ApplyForm, v| write(f, v))}>
                    { for options.into_iter().map(|(value, label, selected)| html! {
                        <option {value} {selected}>{ label }</option>
                    }) }
                </select>
            </div>
        }
    };
    let file = |field: &'static str, label: &'static str, hint: &'static str, node: NodeRef| {
        let id = id_of(field);
        let error = message(field);
        html! {
            <FormField id={id} {label} hint={Some(AttrValue::from(hint))} error={error.clone()}>
                <input id={id} ref={node} type="file"
                    accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={described_by(id, true, error.is_some())} />
            </FormField>
        }
    };
    let days = Weekday::ALL.iter().map(|day| {
        let day = *day;
        let id = format!("ap-weekday-{}", day.as_str());
        html! {
            <label class="checkbox" for={id.clone()}>
                <input {id} type="checkbox" checked={f.weekdays.contains(&day)}
                    onchange={on_checked(d.clone(), move |f: &mut ApplyForm, on: bool| {
                        f.weekdays.retain(|w| *w != day);
                        if on { f.weekdays.push(day); f.weekdays.sort(); }
                    })} />
                { p.weekday(day) }
            </label>
        }
    });
    let start_options = start_choices(today)
        .into_iter()
        .map(|(year, m)| {
            (
                format!("{year}/{}", m.as_str()),
                format!("{} {year}", p.start_moment(m)),
                f.start == (year, m),
            )
        })
        .collect();
    let school_types = vec![
        (String::new(), t.either.to_owned(), f.school_type.is_none()),
        (
            "po".to_owned(),
            t.po.to_owned(),
            f.school_type == Some(SchoolType::Po),
        ),
        (
            "vo".to_owned(),
            t.vo.to_owned(),
            f.school_type == Some(SchoolType::Vo),
        ),
    ];
    let consent_error = message("privacy_consent");
    let weekday_error = message("weekdays");
    let error = failure.as_ref().map(|error| {
        html! { <p id="apply-error" class="message message-error" role="alert">{ t.apply_error(texts, error) }</p> }
    });

    html! {
        <section id="apply" class="page public-page" aria-labelledby="page-title">
            <div class="login-card apply-card">
                <h1 id="page-title">{ t.title }</h1>
                <p class="lead">{ t.intro }</p>
                <form id="apply-form" class="form" novalidate=true aria-labelledby="page-title" {onsubmit}>
                    <fieldset class="form-section">
                        <legend>{ t.section_you }</legend>
                        { text("name", t.name, None, "text", "name", &f.name, |f, v| f.name = v) }
                        { text("email", t.email, Some(t.email_hint), "email", "email", &f.email, |f, v| f.email = v) }
                        { text("phone", t.phone, Some(t.optional), "tel", "tel", &f.phone, |f, v| f.phone = v) }
                    </fieldset>
                    <fieldset class="form-section">
                        <legend>{ t.section_where }</legend>
                        { text("home_municipality", t.home_municipality, None, "text", "address-level2", &f.home_municipality, |f, v| f.home_municipality = v) }
                        { text("municipalities", t.municipalities, Some(t.municipalities_hint), "text", "off", &f.municipalities, |f, v| f.municipalities = v) }
                    </fieldset>
                    <fieldset class="form-section">
                        <legend>{ t.section_what }</legend>
                        { text("expertise", t.expertise, Some(t.expertise_hint), "text", "off", &f.expertise, |f, v| f.expertise = v) }
                        { select("ap-school-type", t.school_type, school_types, |f, v| f.school_type = SchoolType::parse(&v).ok()) }
                    </fieldset>
                    <fieldset class="form-section">
                        <legend>{ t.section_when }</legend>
                        <fieldset class={classes!("weekdays", weekday_error.as_ref().map(|_| "field-invalid"))}
                            aria-describedby={if weekday_error.is_some() { "ap-weekdays-hint ap-weekdays-error" } else { "ap-weekdays-hint" }}>
                            <legend>{ t.weekdays }</legend>
                            <p id="ap-weekdays-hint" class="field-hint">{ t.weekdays_hint }</p>
                            { for days }
                            if let Some(m) = weekday_error.clone() {
                                <p id="ap-weekdays-error" class="field-error">{ m }</p>
                            }
                        </fieldset>
                        { select("ap-commitment", t.commitment, Commitment::ALL.iter().map(|c| (c.as_str().to_owned(), p.commitment(*c).to_owned(), *c == f.commitment)).collect(),
                            |f, v| if let Ok(c) = Commitment::parse(&v) { f.commitment = c }) }
                        { select("ap-start", t.start, start_options, |f, v| {
                            if let Some((year, moment)) = v.split_once('/')
                                && let (Ok(year), Ok(moment)) = (SchoolYear::parse(year), StartMoment::parse(moment))
                            {
                                f.start = (year, moment);
                            }
                        }) }
                        { select("ap-hours", t.hours_a_day, (6..=8).map(|h: i64| (h.to_string(), format!("{h} {}", t.hours), h == f.hours)).collect(),
                            |f, v| if let Ok(h) = v.parse() { f.hours = h }) }
                        <label class="checkbox" for="ap-sponsored">
                            <input id="ap-sponsored" type="checkbox" checked={f.sponsored}
                                onchange={on_checked(d.clone(), |f: &mut ApplyForm, on: bool| f.sponsored = on)} />
                            { t.sponsored }
                        </label>
                        if f.sponsored {
                            { text("sponsoring_employer", t.employer, None, "text", "organization", &f.employer, |f, v| f.employer = v) }
                        }
                    </fieldset>
                    <fieldset class="form-section">
                        <legend>{ t.section_documents }</legend>
                        { file("motivation_letter", t.motivation_letter, t.motivation_hint, letter_ref.clone()) }
                        { file("cv", t.cv, t.file_hint, cv_ref.clone()) }
                    </fieldset>
                    <fieldset class="form-section">
                        <legend>{ t.section_privacy }</legend>
                        <div id="privacy-statement" class="privacy-statement">
                            { for t.privacy_statement.iter().map(|line| html! { <p>{ *line }</p> }) }
                            <p id="privacy-version" class="privacy-version">
                                { fill(t.privacy_version, &[("version", PRIVACY_STATEMENT_VERSION)]) }
                            </p>
                        </div>
                        <div class={classes!("field", consent_error.as_ref().map(|_| "field-invalid"))}>
                            <label class="checkbox" for="ap-consent">
                                <input id="ap-consent" type="checkbox" checked={f.consent}
                                    aria-invalid={consent_error.is_some().then_some("true")}
                                    aria-describedby={consent_error.as_ref().map(|_| "ap-consent-error")}
                                    onchange={on_checked(d.clone(), |f: &mut ApplyForm, on: bool| f.consent = on)} />
                                { t.consent }
                            </label>
                            if let Some(m) = consent_error.clone() {
                                <p id="ap-consent-error" class="field-error">{ m }</p>
                            }
                        </div>
                    </fieldset>
                    { error.unwrap_or_default() }
                    <button id="ap-submit" type="submit" class="button-primary" disabled={*saving}
                        aria-busy={saving.then_some("true")}>
                        { if *saving { t.sending } else { t.submit } }
                    </button>
                </form>
                <p class="public-back"><NavLink id="back-to-login" to={Route::Overview} current={false}>{ t.to_login }</NavLink></p>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::NL;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 3).unwrap_or_default()
    }

    #[test]
    fn one_can_apply_for_the_coming_start_moment_and_the_three_after_it() {
        let choices: Vec<String> = start_choices(today())
            .into_iter()
            .map(|(y, m)| format!("{y} {}", m.as_str()))
            .collect();
        assert_eq!(
            choices,
            [
                "2026-2027 february",
                "2027-2028 september",
                "2027-2028 february",
                "2028-2029 september"
            ]
        );
    }

    #[test]
    fn an_empty_form_names_every_missing_field_in_dutch() {
        let wrong = ApplyForm::new(today())
            .input(String::new(), String::new())
            .unwrap_err();
        let messages = NL.apply().messages(&wrong);
        let fields: Vec<&str> = messages.iter().map(|(f, _)| f.as_str()).collect();
        for field in [
            "name",
            "email",
            "home_municipality",
            "weekdays",
            "motivation_letter",
            "cv",
            "privacy_consent",
        ] {
            assert!(fields.contains(&field), "{field} in {fields:?}");
        }
        assert!(messages.iter().all(|(_, m)| !m.contains("fill in")));
    }

    #[test]
    fn a_sponsored_applicant_names_the_employer() {
        let mut form = ApplyForm::new(today());
        form.name = "Joris Vermeer".into();
        form.email = "joris@voorbeeld.example".into();
        form.home_municipality = "Zwolle".into();
        form.weekdays = vec![Weekday::Tuesday];
        form.consent = true;
        assert!(form.input("JVBERi0=".into(), "JVBERi0=".into()).is_ok());
        form.sponsored = true;
        let wrong = form
            .input("JVBERi0=".into(), "JVBERi0=".into())
            .unwrap_err();
        assert_eq!(wrong[0].field, "sponsoring_employer");
        form.employer = "Bouwbedrijf Voorbeeld".into();
        let input = form.input("JVBERi0=".into(), "JVBERi0=".into()).unwrap();
        assert_eq!(
            input.sponsoring_employer.as_deref(),
            Some("Bouwbedrijf Voorbeeld")
        );
        assert_eq!(input.minutes_per_day, 420);
    }
}
