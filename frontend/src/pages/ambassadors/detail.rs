//! One ambassador: the profile, the intake with its next step, the VOG, the documents and the
//! matches, for programme staff.

use domain::ambassador::Funding;
use domain::contract::{Ambassador, Intake, Match, MatchQuery};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::intake::IntakePanel;
use super::intake_status;
use super::matches::AmbassadorMatches;
use super::vog::VogPanel;
use crate::api::matching::{get_ambassador, get_intake, list_all_matches};
use crate::api::{Api, ApiError};
use crate::app::Session;
use crate::components::{ErrorMessage, Loading, NavLink, StatusMessage};
use crate::format::today;
use crate::hooks::{focus_id, use_texts, use_title};
use crate::i18n::{Texts, fill};
use crate::route::Route;

/// Everything the page shows, loaded together.
#[derive(Debug, Clone, PartialEq)]
struct Loaded {
    ambassador: Ambassador,
    intake: Intake,
    matches: Vec<Match>,
}

async fn load(api: &Api, id: Uuid) -> Result<Loaded, ApiError> {
    let query = MatchQuery {
        ambassador_id: Some(id),
        ..MatchQuery::default()
    };
    Ok(Loaded {
        ambassador: get_ambassador(api, id).await?,
        intake: get_intake(api, id).await?,
        matches: list_all_matches(api, &query).await?,
    })
}

#[derive(Properties, PartialEq)]
pub struct AmbassadorProps {
    pub session: Session,
    pub id: Uuid,
}

#[component]
pub fn AmbassadorPage(props: &AmbassadorProps) -> Html {
    let texts = use_texts();
    let t = texts.ambassadors();
    use_title(t.menu_ambassadors);
    let api = props.session.api.clone();
    let id = props.id;
    let today = *use_memo((), |_| today());
    let loaded = use_state(|| None::<Result<Loaded, ApiError>>);
    // Bumped after every change: what is shown stays until the new state arrives.
    let version = use_state(|| 0_u32);
    let status = use_state(|| None::<String>);
    {
        let (api, loaded) = (api.clone(), loaded.clone());
        use_effect_with(*version, move |_| {
            spawn_local(async move { loaded.set(Some(load(&api, id).await)) });
        });
    }
    let on_changed = {
        let (status, version) = (status.clone(), version.clone());
        Callback::from(move |message: String| {
            status.set(Some(message));
            version.set(*version + 1);
            focus_id("ambassador-status");
        })
    };

    let (title, content) = match &*loaded {
        None => (t.menu_ambassadors.to_owned(), html! { <Loading /> }),
        Some(Err(error)) => {
            let version = version.clone();
            let on_retry = Callback::from(move |()| version.set(*version + 1));
            (
                t.menu_ambassadors.to_owned(),
                html! { <ErrorMessage error={error.clone()} {on_retry} /> },
            )
        }
        Some(Ok(data)) => (
            data.ambassador.profile.name.clone(),
            html! {
                <>
                    <p class="ambassador-status">{ intake_status(texts, data.ambassador.status) }</p>
                    <div class="ambassador-layout">
                        <ProfilePanel api={api.clone()} ambassador={data.ambassador.clone()} {today} on_changed={on_changed.clone()} />
                        <IntakePanel api={api.clone()} ambassador={data.ambassador.clone()}
                            steps={data.intake.steps.clone()} on_changed={on_changed.clone()} />
                        <VogPanel api={api.clone()} ambassador_id={id} vogs={data.intake.vogs.clone()}
                            {today} on_changed={on_changed.clone()} />
                        <DocumentsPanel api={api.clone()} {id} intake={data.intake.clone()} on_changed={on_changed.clone()} />
                        <TrainingPanel api={api.clone()} {id} />
                    </div>
                    <AmbassadorMatches api={api.clone()} matches={data.matches.clone()}
                        on_changed={on_changed.clone()} />
                </>
            },
        ),
    };

    html! {
        <section id="ambassador" class="page" aria-labelledby="ambassador-name">
            <p class="breadcrumb">
                <NavLink to={Route::Ambassadors} current={false}>{ t.back_to_list }</NavLink>
            </p>
            <h1 id="ambassador-name">{ title }</h1>
            <StatusMessage id="ambassador-status" message={(*status).clone().map(AttrValue::from)} />
            { content }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ProfilePanelProps {
    api: Api,
    ambassador: Ambassador,
    today: chrono::NaiveDate,
    on_changed: Callback<String>,
}

/// The profile, and the form to edit it (filled with what is stored).
#[component]
fn ProfilePanel(props: &ProfilePanelProps) -> Html {
    let texts = use_texts();
    let t = texts.ambassadors();
    let editing = use_state(|| false);
    if *editing {
        let on_cancel = {
            let editing = editing.clone();
            Callback::from(move |()| editing.set(false))
        };
        let on_saved = {
            let (editing, on_changed) = (editing.clone(), props.on_changed.clone());
            Callback::from(move |said: String| {
                editing.set(false);
                on_changed.emit(said);
            })
        };
        return html! {
            <super::new::NewAmbassador api={props.api.clone()} today={props.today} {on_cancel}
                editing={Some(props.ambassador.clone())} {on_saved} />
        };
    }
    let onclick = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(true))
    };
    html! {
        <div class="profile-with-edit">
            { profile(texts, &props.ambassador) }
            <button id="edit-profile" type="button" class="button-secondary" {onclick}>{ t.edit_profile }</button>
        </div>
    }
}

fn profile(texts: &'static Texts, ambassador: &Ambassador) -> Html {
    let t = texts.ambassadors();
    let p = &ambassador.profile;
    let list = |items: &[String]| {
        if items.is_empty() {
            texts.not_set.to_owned()
        } else {
            items.join(", ")
        }
    };
    let days: Vec<String> = p
        .weekdays
        .iter()
        .map(|w| texts.placements().weekday(*w).to_owned())
        .collect();
    let mut funding = t.funding(p.funding).to_owned();
    if p.funding == Funding::Hybrid {
        let minutes = |m: i64| texts.placements().duration(m);
        funding = format!(
            "{funding}: {}",
            fill(
                t.minutes_a_week,
                &[
                    ("sponsored", &minutes(p.sponsored_minutes_per_week)),
                    ("volunteer", &minutes(p.volunteer_minutes_per_week)),
                ]
            )
        );
    }
    let facts = [
        (t.email, p.email.clone()),
        (
            t.phone,
            p.phone.clone().unwrap_or_else(|| texts.not_set.to_owned()),
        ),
        (
            t.employer,
            ambassador
                .employer_name
                .clone()
                .unwrap_or_else(|| texts.matching().no_employer.to_owned()),
        ),
        (
            t.school_type,
            p.school_type
                .map_or(t.either_school_type, |s| texts.school_type(s))
                .to_owned(),
        ),
        (
            t.home_municipality,
            p.home_municipality
                .clone()
                .unwrap_or_else(|| texts.not_set.to_owned()),
        ),
        (t.municipalities, list(&p.municipalities)),
        (t.weekdays, list(&days)),
        (
            t.commitment,
            texts.placements().commitment(p.commitment).to_owned(),
        ),
        (
            t.available_from,
            format!(
                "{} {}",
                texts.placements().start_moment(p.available_from_moment),
                p.available_from_year
            ),
        ),
        (t.day_length, texts.placements().duration(p.minutes_per_day)),
        (t.funding, funding),
        (t.expertise, list(&p.expertise)),
        (t.themes, list(&p.themes)),
    ];
    html! {
        <section id="ambassador-profile" class="panel" aria-labelledby="profile-title">
            <h2 id="profile-title">{ t.profile_title }</h2>
            <dl class="facts">
                { for facts.into_iter().map(|(label, value)| html! {
                    <div class="fact">
                        <dt>{ label }</dt>
                        <dd>{ value }</dd>
                    </div>
                }) }
            </dl>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DocumentsPanelProps {
    api: Api,
    id: Uuid,
    intake: Intake,
    on_changed: Callback<String>,
}

/// The documents kept, each to download, and a file input to hand in or replace each.
#[component]
fn DocumentsPanel(props: &DocumentsPanelProps) -> Html {
    let texts = use_texts();
    let t = texts.ambassadors();
    let m = texts.mine();
    let intake = &props.intake;
    let id = props.id;
    let download = |kind: domain::ambassador::DocumentKind, media_type: String| {
        let api = props.api.clone();
        Callback::from(move |_: MouseEvent| {
            let (api, media_type) = (api.clone(), media_type.clone());
            spawn_local(async move {
                if let Ok(bytes) =
                    crate::api::matching::document_bytes(&api, id, kind.as_str()).await
                {
                    let extension = if media_type == "application/pdf" {
                        "pdf"
                    } else {
                        "docx"
                    };
                    let _ = crate::download::save_bytes(
                        &format!(
                            "{}-{}.{extension}",
                            kind.as_str(),
                            crate::format::short_id(&id)
                        ),
                        &media_type,
                        &bytes,
                    );
                }
            });
        })
    };
    let on_done = {
        let on_changed = props.on_changed.clone();
        Callback::from(move |()| on_changed.emit(texts.mine().uploaded.to_owned()))
    };
    let content = if intake.documents.is_empty() {
        html! { <p class="muted">{ t.documents_empty }</p> }
    } else {
        html! {
            <div class="table-wrap">
                <table id="ambassador-documents">
                    <thead>
                        <tr>
                            <th scope="col">{ t.column_document }</th>
                            <th scope="col">{ t.column_type }</th>
                            <th scope="col" class="numeric">{ t.column_size }</th>
                            <th scope="col">{ t.column_uploaded }</th>
                            <th scope="col"><span class="visually-hidden">{ t.download }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for intake.documents.iter().map(|d| html! {
                            <tr key={d.kind.as_str()} data-kind={d.kind.as_str()}>
                                <th scope="row">{ t.document(d.kind) }</th>
                                <td>{ t.media_type(&d.media_type) }</td>
                                <td class="numeric nowrap">{ t.size(d.size) }</td>
                                <td class="nowrap">{ texts.dates.instant(d.uploaded_at) }</td>
                                <td>
                                    <button type="button" class="button-secondary button-small" id={format!("download-{}", d.kind.as_str())}
                                        onclick={download(d.kind, d.media_type.clone())}>{ t.download }</button>
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        }
    };
    let kinds = [
        (
            domain::ambassador::DocumentKind::MotivationLetter,
            m.motivation_letter,
        ),
        (domain::ambassador::DocumentKind::Cv, m.cv),
    ];
    html! {
        <section class="panel" aria-labelledby="documents-title">
            <h2 id="documents-title">{ t.documents_title }</h2>
            { content }
            { for kinds.into_iter().map(|(kind, label)| {
                let state = match intake.documents.iter().find(|d| d.kind == kind) {
                    Some(d) => fill(m.handed_in, &[("when", &texts.dates.instant(d.uploaded_at))]),
                    None => m.not_handed_in.to_owned(),
                };
                html! {
                    <crate::pages::mine::DocumentUpload api={props.api.clone()} {id} {kind} {label} {state} on_done={on_done.clone()} />
                }
            }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TrainingPanelProps {
    api: Api,
    id: Uuid,
}

/// The ambassador's courses: how far they are, and whether a course is required before they
/// become available, beside the intake that waits for it.
#[component]
fn TrainingPanel(props: &TrainingPanelProps) -> Html {
    let texts = use_texts();
    let t = texts.training();
    let load = crate::pages::mine::use_load(
        (props.api.clone(), props.id),
        |(api, id): (Api, Uuid)| async move {
            crate::api::training::ambassador_training(&api, id).await
        },
    );
    let content = match &load.state {
        crate::pages::mine::Loaded::Loading => html! { <Loading /> },
        crate::pages::mine::Loaded::Failed(error) => {
            html! { <ErrorMessage error={error.clone()} /> }
        }
        crate::pages::mine::Loaded::Ready(record) if record.courses.is_empty() => {
            html! { <p class="muted">{ t.ambassador_none }</p> }
        }
        crate::pages::mine::Loaded::Ready(record) => html! {
            <crate::pages::training::TrainingProgress courses={record.courses.clone()} />
        },
    };
    html! {
        <section id="ambassador-training" class="panel" aria-labelledby="ambassador-training-title">
            <h2 id="ambassador-training-title">{ t.ambassador_section }</h2>
            { content }
        </section>
    }
}
