//! Werkgever and Werkgevers: an employer's own page for its contacts, and for programme admins
//! the list of employers (unverified first, each to verify) and the same page per employer.
//! The page has four parts: the staff and their invitations, the sponsorship agreements, the
//! contributions and extra cost rows, and the statement of a period with its downloads. An
//! employer the programme has not verified yet cannot invite staff: its contact is told so.

mod agreement_form;
mod agreements;
mod contributions;
mod cost_roles;
mod list;
pub(crate) mod load;
mod report;
mod staff;
mod submit;

use domain::contract::Employer;
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use self::agreements::AgreementsSection;
use self::contributions::ContributionsSection;
use self::cost_roles::CostRolesSection;
use self::load::use_loaded;
use self::report::ReportSection;
use self::staff::StaffSection;
use crate::api::sponsorship::{employees, employer, verify_employer};
use crate::api::{Api, ApiError};
use crate::app::Session;
use crate::components::{ErrorMessage, Loading, NavLink, StatusMessage};
use crate::hooks::{focus_id, use_texts, use_title};
use crate::i18n::fill;
use crate::menu::{contact_employer, is_programme_admin};
use crate::route::Route;

pub use self::list::EmployersPage;
pub use self::load::{message_of, server_messages, text_field};

#[derive(Properties, PartialEq)]
pub struct EmployerPageProps {
    pub session: Session,
}

/// Werkgever: the page of the employer the person is a contact of.
#[component]
pub fn EmployerPage(props: &EmployerPageProps) -> Html {
    let texts = use_texts();
    let t = texts.sponsorship();
    use_title(t.menu_employer);
    match contact_employer(&props.session.me) {
        Some(id) => {
            html! { <EmployerView key={id.to_string()} session={props.session.clone()} {id} /> }
        }
        None => html! {
            <section class="page" aria-labelledby="page-title">
                <h1 id="page-title">{ t.menu_employer }</h1>
                <p class="message message-info">{ t.no_employer }</p>
            </section>
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct EmployerDetailProps {
    pub session: Session,
    pub id: Uuid,
}

/// One employer, as a programme admin opens it from Werkgevers.
#[component]
pub fn EmployerDetailPage(props: &EmployerDetailProps) -> Html {
    let texts = use_texts();
    use_title(texts.sponsorship().menu_employers);
    html! {
        <>
            <nav class="breadcrumb" aria-label={texts.sponsorship().menu_employers}>
                <NavLink to={Route::Employers} current={false}>{ texts.sponsorship().menu_employers }</NavLink>
            </nav>
            <EmployerView session={props.session.clone()} id={props.id} />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct EmployerViewProps {
    session: Session,
    id: Uuid,
}

/// The employer's page: its name and verification, then its four parts.
#[component]
fn EmployerView(props: &EmployerViewProps) -> Html {
    let texts = use_texts();
    let t = texts.sponsorship();
    let id = props.id;
    let api = props.session.api.clone();
    let admin = is_programme_admin(&props.session.me);
    let loaded = {
        let api = api.clone();
        use_loaded((), move |()| {
            let api = api.clone();
            async move { employer(&api, id).await }
        })
    };
    let staff = {
        let api = api.clone();
        use_loaded((), move |()| {
            let api = api.clone();
            async move { employees(&api, id).await }
        })
    };
    let verified_message = use_state(|| None::<String>);
    // Counts changes that the statement reflects, so it is drawn up again after each.
    let revision = use_state(|| 0_u32);
    let on_changed = {
        let revision = revision.clone();
        Callback::from(move |()| revision.set(*revision + 1))
    };

    let shown: &Employer = match &*loaded.state {
        None => return html! { <Loading /> },
        Some(Err(error)) => {
            return html! { <ErrorMessage error={error.clone()} on_retry={loaded.reload.clone()} /> };
        }
        Some(Ok(shown)) => shown,
    };
    let employees = match &*staff.state {
        Some(Ok(list)) => list.clone(),
        _ => Vec::new(),
    };
    let staff_error = match &*staff.state {
        Some(Err(error)) => Some(error.clone()),
        _ => None,
    };
    let notice = (!shown.verified).then(|| {
        html! {
            <p id="not-verified" class="message message-warning" role="status">
                { if admin { t.not_verified_admin } else { t.not_verified_notice } }
            </p>
        }
    });
    let verify = (admin && !shown.verified).then(|| {
        let (reload, verified_message) = (loaded.reload.clone(), verified_message.clone());
        let on_verified = Callback::from(move |said: Option<String>| {
            verified_message.set(said);
            reload.emit(());
            focus_id("employer-message");
        });
        html! { <VerifyButton api={api.clone()} employer={shown.clone()} {on_verified} /> }
    });
    let sections = [
        ("staff", t.staff_title),
        ("agreements", t.agreements_title),
        ("contributions", t.contributions_title),
        ("report", t.report_title),
    ];

    html! {
        <section id="employer" class="page employer-page" aria-labelledby="page-title"
            data-employer={id.to_string()} data-verified={shown.verified.to_string()}>
            <div class="page-heading">
                <h1 id="page-title">{ shown.name.clone() }</h1>
                <span id="employer-status" class={classes!("status", if shown.verified { "status-active" } else { "status-proposed" })}>
                    { if shown.verified { t.verified } else { t.unverified } }
                </span>
            </div>
            <p class="lead">{ t.employer_intro }</p>
            <dl class="facts employer-facts">
                <div class="fact">
                    <dt>{ t.municipality }</dt>
                    <dd id="employer-municipality">{ shown.municipality.clone() }</dd>
                </div>
            </dl>
            { notice.unwrap_or_default() }
            { verify.unwrap_or_default() }
            <StatusMessage id="employer-message" message={(*verified_message).clone().map(AttrValue::from)} />
            <nav class="page-sections" aria-label={t.on_this_page}>
                <ul>
                    { for sections.into_iter().map(|(anchor, label)| html! {
                        <li><a href={format!("#{anchor}")}>{ label }</a></li>
                    }) }
                </ul>
            </nav>
            <StaffSection api={api.clone()} employer_id={id} verified={shown.verified}
                employees={employees.clone()} error={staff_error} on_reload={staff.reload.clone()} />
            <AgreementsSection api={api.clone()} employer_id={id} {admin}
                employees={employees} on_changed={on_changed.clone()} />
            <section id="contributions" class="employer-section" aria-labelledby="contributions-title">
                <h2 id="contributions-title">{ t.contributions_title }</h2>
                <ContributionsSection api={api.clone()} employer_id={id} on_changed={on_changed.clone()} />
                <CostRolesSection api={api.clone()} employer_id={id} on_changed={on_changed} />
            </section>
            <ReportSection api={api} employer_id={id} revision={*revision} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct VerifyButtonProps {
    api: Api,
    employer: Employer,
    /// Verified: what to say (nothing when someone else verified it meanwhile).
    on_verified: Callback<Option<String>>,
}

/// Verifying an employer from its own page.
#[component]
fn VerifyButton(props: &VerifyButtonProps) -> Html {
    let texts = use_texts();
    let t = texts.sponsorship();
    let busy = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let onclick = {
        let (api, employer) = (props.api.clone(), props.employer.clone());
        let on_verified = props.on_verified.clone();
        let (busy, failure) = (busy.clone(), failure.clone());
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            failure.set(None);
            let (api, employer, on_verified) = (api.clone(), employer.clone(), on_verified.clone());
            let (busy, failure) = (busy.clone(), failure.clone());
            spawn_local(async move {
                let result = verify_employer(&api, employer.id).await;
                busy.set(false);
                match result {
                    Ok(_) => {
                        on_verified.emit(Some(fill(t.verified_done, &[("name", &employer.name)])))
                    }
                    // Someone verified it meanwhile: it is, so show it as such.
                    Err(error) if error.code() == Some("already_verified") => {
                        on_verified.emit(None)
                    }
                    Err(error) => failure.set(Some(error)),
                }
            });
        })
    };
    let error = failure.as_ref().map(|error| {
        html! { <p class="message message-error" role="alert">{ t.error(texts, error) }</p> }
    });
    html! {
        <div class="verify-employer">
            <button id={format!("verify-{}", props.employer.id)} type="button" class="button-primary"
                disabled={*busy} aria-busy={busy.then_some("true")} {onclick}>
                { if *busy { t.verifying } else { t.verify } }
            </button>
            { error.unwrap_or_default() }
        </div>
    }
}
