//! Vergoeding: the ambassador's calendar year month by month with each line's status and
//! amount, and their allowance details (age category, IBAN, account holder), which they keep up
//! to date themself. An agreed hourly rate is shown, not edited: programme staff agree it.

use chrono::{Datelike, NaiveDate};
use domain::allowance::{AgeCategory, LineStatus};
use domain::ambassador::Funding;
use domain::contract::{AllowanceProfile, AllowanceYear, Ambassador};
use domain::iban::Iban;
use domain::money::format_euro;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::{Loaded, use_load};
use crate::api::mine::{allowance_profile, my_allowances, my_ambassador, put_allowance_profile};
use crate::api::{Api, ApiError};
use crate::app::Session;
use crate::components::{ErrorMessage, Loading, described_by};
use crate::format::today;
use crate::hooks::{focus_id, use_texts, use_title};
use crate::i18n::{Texts, capitalised, fill};

#[derive(Properties, PartialEq)]
pub struct MyAllowanceProps {
    pub session: Session,
}

#[derive(Debug, Clone, PartialEq)]
struct Details {
    ambassador: Ambassador,
    profile: Option<AllowanceProfile>,
}

async fn load_details(api: Api) -> Result<Details, ApiError> {
    let ambassador = my_ambassador(&api).await?;
    let profile = allowance_profile(&api, ambassador.id).await?;
    Ok(Details {
        ambassador,
        profile,
    })
}

#[component]
pub fn MyAllowancePage(props: &MyAllowanceProps) -> Html {
    let texts = use_texts();
    let t = texts.mine();
    use_title(t.menu_allowance);
    let api = props.session.api.clone();
    let year = use_state(|| today().year());
    let lines = {
        let api = api.clone();
        use_load(*year, move |year: i32| {
            let api = api.clone();
            async move { my_allowances(&api, year).await }
        })
    };
    let details = use_load(api.clone(), load_details);
    let step = |delta: i32| {
        let year = year.clone();
        Callback::from(move |_: MouseEvent| year.set(*year + delta))
    };
    let months = match lines.state {
        Loaded::Loading => html! { <Loading /> },
        Loaded::Failed(error) => html! { <ErrorMessage {error} on_retry={lines.reload} /> },
        Loaded::Ready(year) => year_view(texts, &year),
    };
    let form = match details.state {
        Loaded::Loading => html! { <Loading /> },
        Loaded::Failed(error) => html! { <ErrorMessage {error} on_retry={details.reload} /> },
        Loaded::Ready(details) if details.ambassador.profile.funding == Funding::Sponsored => {
            html! { <p class="message message-info" id="allowance-sponsored">{ t.sponsored_only }</p> }
        }
        Loaded::Ready(details) => html! {
            <ProfileForm api={api.clone()} id={details.ambassador.id} profile={details.profile.clone()}
                holder={details.ambassador.profile.name.clone()} />
        },
    };
    html! {
        <section id="my-allowance" class="page mine" aria-labelledby="page-title">
            <h1 id="page-title">{ t.menu_allowance }</h1>
            <p class="lead">{ t.allowance_intro }</p>
            <section class="mine-section" aria-labelledby="allowance-year">
                <div class="month-nav">
                    <button type="button" id="allowance-prev" class="button-secondary" onclick={step(-1)}
                        aria-label={t.previous_year}>{ "‹" }</button>
                    <h2 id="allowance-year" class="calendar-month">{ format!("{} {}", t.year, *year) }</h2>
                    <button type="button" id="allowance-next" class="button-secondary" onclick={step(1)}
                        aria-label={t.next_year}>{ "›" }</button>
                </div>
                { months }
            </section>
            <section class="mine-section card" aria-labelledby="allowance-details-title">
                <h2 id="allowance-details-title">{ t.details_title }</h2>
                { form }
            </section>
        </section>
    }
}

/// The twelve months: each with its line's status and amount (corrections added), or nothing.
fn year_view(texts: &Texts, year: &AllowanceYear) -> Html {
    let t = texts.mine();
    let rows = (1..=12u32).filter_map(|month| {
        let first = NaiveDate::from_ymd_opt(year.year, month, 1)?;
        let lines: Vec<_> = year
            .lines
            .iter()
            .filter(|l| l.line.month().month() == month && l.line.month().year() == year.year)
            .collect();
        let (status, amount) = match lines.iter().find(|l| l.line.corrects().is_none()) {
            Some(main) => {
                let sum: i64 = lines.iter().map(|l| l.line.amount().0).sum();
                (
                    Some(main.line.status()),
                    format_euro(domain::money::Cents(sum)),
                )
            }
            None => (None, "—".to_owned()),
        };
        let status_text = match status {
            Some(LineStatus::Draft) => texts.allowances().status(LineStatus::Draft),
            Some(s) => texts.allowances().status(s),
            None => t.nothing_yet,
        };
        let name = status.map_or("none", LineStatus::as_str);
        Some(html! {
            <li class={classes!("card", "month-card", format!("month-{name}"))} id={format!("allowance-{}", month_key(first))}>
                <span class="month-name">{ capitalised(&texts.lesson_series().month_name(first)) }</span>
                <span class={classes!("month-status", format!("status-{name}"))}>{ capitalised(status_text) }</span>
                if status.is_some() {
                    <span class="month-amount">{ amount }</span>
                }
            </li>
        })
    });
    html! {
        <>
            <ul class="cards month-list" id="allowance-months">{ for rows }</ul>
            <p id="allowance-paid">{ fill(t.paid_total, &[("amount", &format_euro(year.paid))]) }</p>
            <p id="allowance-approved">{ fill(t.approved_total, &[("amount", &format_euro(year.approved))]) }</p>
        </>
    }
}

fn month_key(first: NaiveDate) -> String {
    format!("{:04}-{:02}", first.year(), first.month())
}

#[derive(Properties, PartialEq)]
struct ProfileFormProps {
    api: Api,
    id: uuid::Uuid,
    profile: Option<AllowanceProfile>,
    /// The ambassador's name: the account holder when none is recorded.
    holder: String,
}

#[component]
fn ProfileForm(props: &ProfileFormProps) -> Html {
    let texts = use_texts();
    let t = texts.mine();
    let age = use_state(|| {
        props
            .profile
            .as_ref()
            .map_or(AgeCategory::TwentyOneOrOlder, |p| p.age_category)
    });
    let iban = use_state(|| {
        props
            .profile
            .as_ref()
            .and_then(|p| p.iban.as_ref())
            .map(|i| i.as_str().to_owned())
            .unwrap_or_default()
    });
    let holder = use_state(|| {
        props
            .profile
            .as_ref()
            .and_then(|p| p.account_holder.clone())
            .unwrap_or_else(|| props.holder.clone())
    });
    let iban_wrong = use_state(|| None::<domain::iban::IbanError>);
    let saving = use_state(|| false);
    let saved = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let rate = props.profile.as_ref().and_then(|p| p.hourly_rate);

    let on_submit = {
        let (api, id) = (props.api.clone(), props.id);
        let (age, iban, holder) = (age.clone(), iban.clone(), holder.clone());
        let (iban_wrong, saving, saved, error) = (
            iban_wrong.clone(),
            saving.clone(),
            saved.clone(),
            error.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let text = iban.trim().to_owned();
            let parsed = if text.is_empty() {
                None
            } else {
                match Iban::parse(&text) {
                    Ok(parsed) => Some(parsed),
                    Err(wrong) => {
                        iban_wrong.set(Some(wrong));
                        focus_id("allowance-iban");
                        return;
                    }
                }
            };
            iban_wrong.set(None);
            let profile = AllowanceProfile {
                age_category: *age,
                hourly_rate: rate,
                iban: parsed,
                account_holder: Some(holder.trim().to_owned()).filter(|h| !h.is_empty()),
            };
            saving.set(true);
            saved.set(false);
            error.set(None);
            let (api, saving, saved, error) =
                (api.clone(), saving.clone(), saved.clone(), error.clone());
            spawn_local(async move {
                let result = put_allowance_profile(&api, id, &profile).await;
                saving.set(false);
                match result {
                    Ok(_) => {
                        saved.set(true);
                        focus_id("allowance-saved");
                    }
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    let ages = [
        (AgeCategory::TwentyOneOrOlder, t.age_21_plus),
        (AgeCategory::UnderTwentyOne, t.age_under_21),
    ];
    html! {
        <form id="allowance-form" class="mine-form" novalidate=true onsubmit={on_submit}>
            <div class="field">
                <label for="allowance-age">{ t.age_category }</label>
                <select id="allowance-age" onchange={let age = age.clone(); move |e: Event| {
                    let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                    if let Some((a, _)) = ages.iter().find(|(a, _)| a.as_str() == value) { age.set(*a); }
                }}>
                    { for ages.iter().map(|(a, label)| html! {
                        <option value={a.as_str()} selected={*a == *age}>{ *label }</option>
                    }) }
                </select>
            </div>
            <div class={classes!("field", iban_wrong.is_some().then_some("field-invalid"))}>
                <label for="allowance-iban">{ t.iban }</label>
                <input id="allowance-iban" type="text" autocomplete="off" spellcheck="false" value={(*iban).clone()}
                    aria-invalid={iban_wrong.is_some().then_some("true")}
                    aria-describedby={described_by("allowance-iban", true, iban_wrong.is_some())}
                    oninput={let iban = iban.clone(); move |e: InputEvent| iban.set(e.target_unchecked_into::<HtmlInputElement>().value())} />
                <p id="allowance-iban-hint" class="field-hint">{ t.iban_hint }</p>
                if let Some(wrong) = &*iban_wrong {
                    <p id="allowance-iban-error" class="field-error" role="alert">{ t.iban_error(wrong) }</p>
                }
            </div>
            <div class="field">
                <label for="allowance-holder">{ t.account_holder }</label>
                <input id="allowance-holder" type="text" maxlength="70" value={(*holder).clone()}
                    oninput={let holder = holder.clone(); move |e: InputEvent| holder.set(e.target_unchecked_into::<HtmlInputElement>().value())} />
            </div>
            if let Some(rate) = rate {
                <p class="field-hint">{ format!("{}: {}", t.hourly_rate, format_euro(rate)) }</p>
            }
            if let Some(failure) = (*error).clone() {
                <p class="message message-error" role="alert">{ texts.error(&failure) }</p>
            }
            <p id="allowance-saved" class={classes!("status-line", saved.then_some("message message-success"))} role="status" tabindex="-1">
                { if *saved { t.saved } else { "" } }
            </p>
            <button type="submit" id="allowance-save" class="button-primary" disabled={*saving}>{ t.save }</button>
        </form>
    }
}
