//! The caps of a calendar year, entered when a statement needs them and the Belastingdienst has
//! published them. Typed in euros the Dutch way and sent as exact cents.

use domain::allowance::AllowanceCaps;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::allowances::add_caps;
use crate::api::{Api, ApiError};
use crate::components::{FormField, described_by};
use crate::format::parse_euros;
use crate::hooks::{focus_id, use_texts};
use crate::i18n::{AllowanceTexts, fill};

/// The four caps as typed: per hour 21 and older, per hour under 21, per month, per year.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CapsDraft {
    pub hourly_21_plus: String,
    pub hourly_under_21: String,
    pub monthly: String,
    pub yearly: String,
}

/// The fields of the form: the API's name (also the end of the input's id), and its label.
fn fields(t: &AllowanceTexts) -> [(&'static str, &'static str); 4] {
    [
        ("hourly_21_plus", t.caps_hourly_21_plus),
        ("hourly_under_21", t.caps_hourly_under_21),
        ("monthly", t.caps_monthly),
        ("yearly", t.caps_yearly),
    ]
}

impl CapsDraft {
    fn get(&self, field: &str) -> &str {
        match field {
            "hourly_21_plus" => &self.hourly_21_plus,
            "hourly_under_21" => &self.hourly_under_21,
            "monthly" => &self.monthly,
            _ => &self.yearly,
        }
    }

    fn set(&mut self, field: &str, value: String) {
        match field {
            "hourly_21_plus" => self.hourly_21_plus = value,
            "hourly_under_21" => self.hourly_under_21 = value,
            "monthly" => self.monthly = value,
            _ => self.yearly = value,
        }
    }

    /// The caps of `year`, or the fields that are no amount in euros. Whether the caps are in
    /// order (under 21 below 21 and older, month below year) is the server's to say.
    pub fn parse(&self, year: i32) -> Result<AllowanceCaps, Vec<&'static str>> {
        let amount = |field: &'static str| parse_euros(self.get(field)).ok_or(field);
        match (
            amount("hourly_21_plus"),
            amount("hourly_under_21"),
            amount("monthly"),
            amount("yearly"),
        ) {
            (Ok(hourly_21_plus), Ok(hourly_under_21), Ok(monthly), Ok(yearly)) => {
                Ok(AllowanceCaps {
                    year,
                    hourly_21_plus,
                    hourly_under_21,
                    monthly,
                    yearly,
                })
            }
            (a, b, c, d) => Err([a.err(), b.err(), c.err(), d.err()]
                .into_iter()
                .flatten()
                .collect()),
        }
    }
}

/// The input id of a field: `caps-hourly-21-plus`.
fn input_id(field: &str) -> String {
    format!("caps-{}", field.replace('_', "-"))
}

#[derive(Properties, PartialEq)]
pub struct CapsFormProps {
    pub api: Api,
    pub year: i32,
    /// The caps are on record (saved now, or found entered already): says so, in Dutch.
    pub on_saved: Callback<String>,
}

#[component]
pub fn CapsForm(props: &CapsFormProps) -> Html {
    let texts = use_texts();
    let t = texts.allowances();
    let draft = use_state(CapsDraft::default);
    // By field: the message shown under it.
    let invalid = use_state(Vec::<(&'static str, &'static str)>::new);
    let saving = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let year = props.year;

    let on_submit = {
        let (api, on_saved, draft) = (props.api.clone(), props.on_saved.clone(), draft.clone());
        let (invalid, saving, failure) = (invalid.clone(), saving.clone(), failure.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *saving {
                return;
            }
            failure.set(None);
            let caps = match draft.parse(year) {
                Ok(caps) => caps,
                Err(wrong) => {
                    if let Some(first) = wrong.first() {
                        focus_id(&input_id(first));
                    }
                    invalid.set(wrong.into_iter().map(|f| (f, t.msg_euros)).collect());
                    return;
                }
            };
            invalid.set(Vec::new());
            saving.set(true);
            let (api, on_saved) = (api.clone(), on_saved.clone());
            let (invalid, saving, failure) = (invalid.clone(), saving.clone(), failure.clone());
            spawn_local(async move {
                let result = add_caps(&api, &caps).await;
                saving.set(false);
                let year = year.to_string();
                match result {
                    Ok(_) => on_saved.emit(fill(t.caps_saved, &[("year", &year)])),
                    // Someone entered them meanwhile: they are there, so go on with them.
                    Err(error) if error.status() == Some(409) => {
                        on_saved.emit(fill(t.caps_entered_already, &[("year", &year)]))
                    }
                    Err(ApiError::Problem(problem)) if problem.status == 422 => {
                        let wrong: Vec<_> = fields(t)
                            .into_iter()
                            .map(|(field, _)| field)
                            .filter(|field| problem.errors.iter().any(|e| e.field == *field))
                            .map(|field| (field, t.caps_field_message(field)))
                            .collect();
                        if let Some((first, _)) = wrong.first() {
                            focus_id(&input_id(first));
                        }
                        if wrong.is_empty() {
                            failure.set(Some(ApiError::Problem(problem)));
                        }
                        invalid.set(wrong);
                    }
                    Err(error) => failure.set(Some(error)),
                }
            });
        })
    };

    let field = |(name, label): (&'static str, &'static str)| {
        let id = input_id(name);
        let message = invalid.iter().find(|(f, _)| *f == name).map(|(_, m)| *m);
        let on_input = {
            let draft = draft.clone();
            Callback::from(move |event: InputEvent| {
                let value = event.target_unchecked_into::<HtmlInputElement>().value();
                let mut next = (*draft).clone();
                next.set(name, value);
                draft.set(next);
            })
        };
        html! {
            <FormField id={id.clone()} {label} error={message.map(AttrValue::from)}
                class={classes!("field-narrow")}>
                <input id={id.clone()} type="text" inputmode="decimal" autocomplete="off"
                    value={draft.get(name).to_owned()} oninput={on_input}
                    aria-invalid={message.is_some().then_some("true")}
                    aria-describedby={described_by(&id, false, message.is_some())} />
            </FormField>
        }
    };
    let error = failure.as_ref().map(|error| {
        html! { <p class="message message-error caps-error" role="alert">{ t.error(texts, error, &[]) }</p> }
    });

    html! {
        <form id="caps-form" class="form caps-form" novalidate=true onsubmit={on_submit}
            aria-labelledby="caps-title">
            <h3 id="caps-title">{ fill(t.caps_title, &[("year", &year.to_string())]) }</h3>
            <p id="caps-hint" class="field-hint">{ t.caps_hint }</p>
            <div class="form-grid caps-fields">
                { for fields(t).into_iter().map(field) }
            </div>
            { error.unwrap_or_default() }
            <div class="form-actions">
                <button id="caps-submit" type="submit" class="button-primary" disabled={*saving}
                    aria-busy={saving.then_some("true")}>
                    { if *saving { t.saving } else { t.caps_submit } }
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use domain::money::Cents;

    use super::*;

    fn draft(values: [&str; 4]) -> CapsDraft {
        CapsDraft {
            hourly_21_plus: values[0].into(),
            hourly_under_21: values[1].into(),
            monthly: values[2].into(),
            yearly: values[3].into(),
        }
    }

    #[test]
    fn caps_typed_in_euros_are_sent_in_exact_cents() {
        let caps = draft(["5,60", "3,30", "210,00", "2.100,00"]).parse(2026);
        assert_eq!(
            caps,
            Ok(AllowanceCaps {
                year: 2026,
                hourly_21_plus: Cents(560),
                hourly_under_21: Cents(330),
                monthly: Cents(21_000),
                yearly: Cents(210_000),
            })
        );
    }

    #[test]
    fn every_field_that_is_no_amount_is_named() {
        let wrong = draft(["5,60", "", "twee", "2.100,00"]).parse(2026);
        assert_eq!(wrong, Err(vec!["hourly_under_21", "monthly"]));
        assert_eq!(input_id("hourly_under_21"), "caps-hourly-under-21");
    }
}
