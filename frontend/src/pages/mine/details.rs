//! Mijn gegevens: the ambassador's profile and availability (how their hours are paid is agreed
//! with programme staff and stays as it is), their motivation letter and CV (hand in or
//! replace), downloading everything kept about them (asking to see or erase it is on Mijn
//! privacy, everyone's page), and reporting a concern about their placement.

use domain::ambassador::{DocumentKind, MAX_DOCUMENT_BYTES};
use domain::contract::{Ambassador, AmbassadorInput, Intake, MyPlacement};
use domain::placement::Weekday;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::{Load, Loaded, use_load, words, working};
use crate::api::mine::{
    export, my_ambassador, my_intake, my_placements, put_document, report_concern,
    update_ambassador,
};
use crate::api::{Api, ApiError};
use crate::app::Session;
use crate::components::{ErrorMessage, Loading, NavLink, described_by};
use crate::hooks::{focus_id, use_texts, use_title};
use crate::i18n::{capitalised, fill};
use crate::route::Route;

#[derive(Debug, Clone, PartialEq)]
struct DetailsData {
    ambassador: Ambassador,
    intake: Intake,
    places: Vec<MyPlacement>,
}

async fn load(api: Api) -> Result<DetailsData, ApiError> {
    let ambassador = my_ambassador(&api).await?;
    let intake = my_intake(&api, ambassador.id).await?;
    let places = my_placements(&api).await?.places;
    Ok(DetailsData {
        ambassador,
        intake,
        places,
    })
}

#[derive(Properties, PartialEq)]
pub struct MyDetailsProps {
    pub session: Session,
}

#[component]
pub fn MyDetailsPage(props: &MyDetailsProps) -> Html {
    let texts = use_texts();
    let t = texts.mine();
    use_title(t.menu_details);
    let api = props.session.api.clone();
    let Load { state, reload } = use_load(api.clone(), load);
    let content = match state {
        Loaded::Loading => html! { <Loading /> },
        Loaded::Failed(error) => html! { <ErrorMessage {error} on_retry={reload} /> },
        Loaded::Ready(data) => {
            let placed = working(&data.places);
            html! {
                <>
                    <ProfileForm api={api.clone()} ambassador={data.ambassador.clone()} />
                    <Documents api={api.clone()} id={data.ambassador.id} intake={data.intake.clone()} on_done={reload.clone()} />
                    <section id="my-data" class="mine-section card" aria-labelledby="my-data-title">
                        <h2 id="my-data-title">{ t.your_data }</h2>
                        <p>{ t.export_intro }</p>
                        <ExportButton api={api.clone()} id={data.ambassador.id} />
                        <h3>{ t.erasure }</h3>
                        <p id="erasure-elsewhere">
                            { t.erasure_elsewhere }{ " " }
                            <NavLink id="to-my-privacy" to={Route::MyPrivacy} current={false}>{ texts.privacy_requests().menu_mine }</NavLink>
                            { "." }
                        </p>
                    </section>
                    if let Some(place) = placed.first() {
                        <Concern api={api.clone()} match_id={place.match_.id} />
                    }
                </>
            }
        }
    };
    html! {
        <section id="my-details" class="page mine" aria-labelledby="page-title">
            <h1 id="page-title">{ t.menu_details }</h1>
            <p class="lead">{ t.details_intro }</p>
            { content }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ProfileFormProps {
    api: Api,
    ambassador: Ambassador,
}

/// The fields the ambassador keeps up to date; the rest of the profile is sent as it is.
#[component]
fn ProfileForm(props: &ProfileFormProps) -> Html {
    let texts = use_texts();
    let t = texts.mine();
    let profile = use_state(|| props.ambassador.profile.clone());
    let municipalities = use_state(|| props.ambassador.profile.municipalities.join(", "));
    let expertise = use_state(|| props.ambassador.profile.expertise.join(", "));
    let themes = use_state(|| props.ambassador.profile.themes.join(", "));
    let minutes = use_state(|| props.ambassador.profile.minutes_per_day.to_string());
    let saving = use_state(|| false);
    let saved = use_state(|| false);
    let error = use_state(|| None::<ApiError>);

    let field_error = |field: &str| -> Option<&'static str> {
        match &*error {
            Some(ApiError::Problem(problem))
                if problem.status == 422 && problem.errors.iter().any(|e| e.field == field) =>
            {
                Some(texts.error(error.as_ref().unwrap_or(&ApiError::Unexpected)))
            }
            _ => None,
        }
    };
    let text_input = |id: &'static str,
                      label: &'static str,
                      value: String,
                      set: Callback<String>,
                      field: &str,
                      kind: &'static str| {
        let wrong = field_error(field);
        html! {
            <div class={classes!("field", wrong.is_some().then_some("field-invalid"))}>
                <label for={id}>{ label }</label>
                <input {id} type={kind} {value}
                    aria-invalid={wrong.map(|_| "true")}
                    aria-describedby={described_by(id, false, wrong.is_some())}
                    oninput={move |e: InputEvent| set.emit(e.target_unchecked_into::<HtmlInputElement>().value())} />
                if let Some(message) = wrong {
                    <p id={format!("{id}-error")} class="field-error">{ message }</p>
                }
            </div>
        }
    };
    let set_profile = |change: fn(&mut AmbassadorInput, String)| {
        let profile = profile.clone();
        Callback::from(move |value: String| {
            let mut next = (*profile).clone();
            change(&mut next, value);
            profile.set(next);
        })
    };
    let set_text = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |value: String| state.set(value))
    };
    let on_submit = {
        let (api, id) = (props.api.clone(), props.ambassador.id);
        let (profile, municipalities, expertise, themes, minutes) = (
            profile.clone(),
            municipalities.clone(),
            expertise.clone(),
            themes.clone(),
            minutes.clone(),
        );
        let (saving, saved, error) = (saving.clone(), saved.clone(), error.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let mut input = (*profile).clone();
            input.municipalities = words(&municipalities);
            input.expertise = words(&expertise);
            input.themes = words(&themes);
            input.minutes_per_day = minutes.trim().parse().unwrap_or(0);
            input.phone = input
                .phone
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty());
            input.home_municipality = input
                .home_municipality
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty());
            saving.set(true);
            saved.set(false);
            error.set(None);
            let (api, saving, saved, error, profile) = (
                api.clone(),
                saving.clone(),
                saved.clone(),
                error.clone(),
                profile.clone(),
            );
            spawn_local(async move {
                let result = update_ambassador(&api, id, &input).await;
                saving.set(false);
                match result {
                    Ok(stored) => {
                        profile.set(stored.profile);
                        saved.set(true);
                        focus_id("profile-saved");
                    }
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    let weekday_boxes = Weekday::ALL.iter().map(|day| {
        let checked = profile.weekdays.contains(day);
        let profile = profile.clone();
        let day = *day;
        let id = format!("profile-weekday-{}", day.as_str());
        html! {
            <label class="checkbox" for={id.clone()}>
                <input id={id} type="checkbox" {checked} onchange={move |_| {
                    let mut next = (*profile).clone();
                    if next.weekdays.contains(&day) {
                        next.weekdays.retain(|d| *d != day);
                    } else {
                        next.weekdays.push(day);
                    }
                    profile.set(next);
                }} />
                { capitalised(texts.placements().weekday(day)) }
            </label>
        }
    });
    let general = match &*error {
        Some(ApiError::Problem(problem)) if problem.status == 422 => None,
        Some(failure) => Some(texts.error(failure)),
        None => None,
    };
    let minutes_wrong = field_error("minutes_per_day");
    html! {
        <section id="my-profile" class="mine-section card" aria-labelledby="my-profile-title">
            <h2 id="my-profile-title">{ t.profile }</h2>
            <form id="profile-form" class="mine-form" novalidate=true onsubmit={on_submit}>
                { text_input("profile-name", t.name, profile.name.clone(), set_profile(|p, v| p.name = v), "name", "text") }
                { text_input("profile-email", t.email, profile.email.clone(), set_profile(|p, v| p.email = v), "email", "email") }
                { text_input("profile-phone", t.phone, profile.phone.clone().unwrap_or_default(), set_profile(|p, v| p.phone = Some(v)), "phone", "tel") }
                { text_input("profile-home", t.home_municipality, profile.home_municipality.clone().unwrap_or_default(), set_profile(|p, v| p.home_municipality = Some(v)), "home_municipality", "text") }
                <div class="field">
                    <label for="profile-municipalities">{ t.municipalities }</label>
                    <input id="profile-municipalities" type="text" value={(*municipalities).clone()} aria-describedby="profile-municipalities-hint"
                        oninput={let s = set_text(&municipalities); move |e: InputEvent| s.emit(e.target_unchecked_into::<HtmlInputElement>().value())} />
                    <p id="profile-municipalities-hint" class="field-hint">{ t.list_hint }</p>
                </div>
                <fieldset class={classes!("field", field_error("weekdays").is_some().then_some("field-invalid"))}>
                    <legend>{ t.weekdays }</legend>
                    <div class="checkboxes">{ for weekday_boxes }</div>
                    if let Some(message) = field_error("weekdays") {
                        <p class="field-error">{ message }</p>
                    }
                </fieldset>
                <div class={classes!("field", minutes_wrong.is_some().then_some("field-invalid"))}>
                    <label for="profile-minutes">{ t.minutes_per_day }</label>
                    <input id="profile-minutes" type="number" inputmode="numeric" min="360" max="480" step="15" value={(*minutes).clone()}
                        aria-describedby={described_by("profile-minutes", true, minutes_wrong.is_some())}
                        oninput={let s = set_text(&minutes); move |e: InputEvent| s.emit(e.target_unchecked_into::<HtmlInputElement>().value())} />
                    <p id="profile-minutes-hint" class="field-hint">{ t.minutes_per_day_hint }</p>
                    if let Some(message) = minutes_wrong {
                        <p id="profile-minutes-error" class="field-error">{ message }</p>
                    }
                </div>
                <div class="field">
                    <label for="profile-expertise">{ t.expertise }</label>
                    <input id="profile-expertise" type="text" value={(*expertise).clone()} aria-describedby="profile-expertise-hint"
                        oninput={let s = set_text(&expertise); move |e: InputEvent| s.emit(e.target_unchecked_into::<HtmlInputElement>().value())} />
                    <p id="profile-expertise-hint" class="field-hint">{ t.list_hint }</p>
                </div>
                <div class="field">
                    <label for="profile-themes">{ t.themes }</label>
                    <input id="profile-themes" type="text" value={(*themes).clone()} aria-describedby="profile-themes-hint"
                        oninput={let s = set_text(&themes); move |e: InputEvent| s.emit(e.target_unchecked_into::<HtmlInputElement>().value())} />
                    <p id="profile-themes-hint" class="field-hint">{ t.list_hint }</p>
                </div>
                if let Some(message) = general {
                    <p class="message message-error" role="alert">{ message }</p>
                }
                <p id="profile-saved" class={classes!("status-line", saved.then_some("message message-success"))} role="status" tabindex="-1">
                    { if *saved { t.saved } else { "" } }
                </p>
                <button type="submit" id="profile-save" class="button-primary" disabled={*saving}>{ t.save }</button>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DocumentsProps {
    api: Api,
    id: uuid::Uuid,
    intake: Intake,
    on_done: Callback<()>,
}

/// The motivation letter and the CV: when each was handed in, and a file input to hand in or
/// replace it.
#[component]
fn Documents(props: &DocumentsProps) -> Html {
    let texts = use_texts();
    let t = texts.mine();
    let kinds = [
        (DocumentKind::MotivationLetter, t.motivation_letter),
        (DocumentKind::Cv, t.cv),
    ];
    html! {
        <section id="my-documents" class="mine-section card" aria-labelledby="my-documents-title">
            <h2 id="my-documents-title">{ t.documents }</h2>
            { for kinds.into_iter().map(|(kind, label)| {
                let info = props.intake.documents.iter().find(|d| d.kind == kind);
                let state = match info {
                    Some(d) => fill(t.handed_in, &[("when", &texts.dates.instant(d.uploaded_at))]),
                    None => t.not_handed_in.to_owned(),
                };
                html! {
                    <DocumentUpload api={props.api.clone()} id={props.id} {kind} {label} {state} on_done={props.on_done.clone()} />
                }
            }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct DocumentUploadProps {
    pub api: Api,
    pub id: uuid::Uuid,
    pub kind: DocumentKind,
    pub label: &'static str,
    pub state: String,
    pub on_done: Callback<()>,
}

/// A file input to hand in or replace one document: the file's bytes as they are.
#[component]
pub fn DocumentUpload(props: &DocumentUploadProps) -> Html {
    let texts = use_texts();
    let t = texts.mine();
    let input = use_node_ref();
    let problem = use_state(|| None::<String>);
    let saving = use_state(|| false);
    let field = format!("doc-{}", props.kind.as_str());
    let on_submit = {
        let (api, id, kind, on_done) = (
            props.api.clone(),
            props.id,
            props.kind,
            props.on_done.clone(),
        );
        let (input, problem, saving, field) = (
            input.clone(),
            problem.clone(),
            saving.clone(),
            field.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let file = input
                .cast::<HtmlInputElement>()
                .and_then(|element| js_sys::Reflect::get(&element, &"files".into()).ok())
                .and_then(|files| js_sys::Reflect::get(&files, &0.into()).ok())
                .filter(|file| !file.is_undefined() && !file.is_null())
                .and_then(|file| file.dyn_into::<web_sys::Blob>().ok());
            let Some(file) = file else {
                problem.set(Some(t.choose_file.to_owned()));
                focus_id(&field);
                return;
            };
            if file.size() > MAX_DOCUMENT_BYTES as f64 {
                problem.set(Some(t.too_large.to_owned()));
                focus_id(&field);
                return;
            }
            problem.set(None);
            saving.set(true);
            let (api, on_done, problem, saving) = (
                api.clone(),
                on_done.clone(),
                problem.clone(),
                saving.clone(),
            );
            spawn_local(async move {
                let result = put_document(&api, id, kind.as_str(), file).await;
                saving.set(false);
                match result {
                    Ok(_) => on_done.emit(()),
                    Err(failure) => problem.set(Some(match failure.status() {
                        Some(413) => t.too_large.to_owned(),
                        Some(415) => t.wrong_type.to_owned(),
                        _ => texts.error(&failure).to_owned(),
                    })),
                }
            });
        })
    };
    html! {
        <form class="mine-form document-form" novalidate=true onsubmit={on_submit} id={format!("{field}-form")}>
            <div class={classes!("field", problem.is_some().then_some("field-invalid"))}>
                <label for={field.clone()}>{ props.label }</label>
                <p class="document-state" id={format!("{field}-state")}>{ props.state.clone() }</p>
                <input id={field.clone()} ref={input} type="file"
                    accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    aria-describedby={described_by(&field, true, problem.is_some())} />
                <p id={format!("{field}-hint")} class="field-hint">{ t.file_hint }</p>
                if let Some(message) = (*problem).clone() {
                    <p id={format!("{field}-error")} class="field-error" role="alert">{ message }</p>
                }
            </div>
            <button type="submit" id={format!("{field}-upload")} class="button-secondary" disabled={*saving}>{ t.upload }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct ExportButtonProps {
    api: Api,
    id: uuid::Uuid,
}

/// Downloads the export as a JSON file.
#[component]
fn ExportButton(props: &ExportButtonProps) -> Html {
    let texts = use_texts();
    let error = use_state(|| None::<ApiError>);
    let onclick = {
        let (api, id, error) = (props.api.clone(), props.id, error.clone());
        Callback::from(move |_: MouseEvent| {
            let (api, error) = (api.clone(), error.clone());
            spawn_local(async move {
                match export(&api, id).await {
                    Ok(text) => {
                        let _ = crate::download::save_text(
                            "mijn-gegevens.json",
                            "application/json",
                            &text,
                        );
                        error.set(None);
                    }
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    html! {
        <>
            <button type="button" id="export" class="button-secondary" {onclick}>{ texts.mine().export }</button>
            if let Some(failure) = (*error).clone() {
                <p class="message message-error" role="alert">{ texts.error(&failure) }</p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ConcernProps {
    api: Api,
    match_id: uuid::Uuid,
}

/// Reports a concern about their placement.
#[component]
fn Concern(props: &ConcernProps) -> Html {
    let texts = use_texts();
    let t = texts.mine();
    let text = use_state(String::new);
    let missing = use_state(|| false);
    let sent = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let on_submit = {
        let (api, id) = (props.api.clone(), props.match_id);
        let (text, missing, sent, error) =
            (text.clone(), missing.clone(), sent.clone(), error.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let body = text.trim().to_owned();
            if body.is_empty() {
                missing.set(true);
                focus_id("concern-text");
                return;
            }
            missing.set(false);
            let (api, text, sent, error) = (api.clone(), text.clone(), sent.clone(), error.clone());
            spawn_local(async move {
                match report_concern(&api, id, body).await {
                    Ok(_) => {
                        text.set(String::new());
                        sent.set(true);
                        focus_id("concern-sent");
                    }
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    html! {
        <section id="my-concern" class="mine-section card" aria-labelledby="my-concern-title">
            <h2 id="my-concern-title">{ t.concern }</h2>
            <p>{ t.concern_intro }</p>
            <form id="concern-form" class="mine-form" novalidate=true onsubmit={on_submit}>
                <div class={classes!("field", missing.then_some("field-invalid"))}>
                    <label for="concern-text">{ t.concern_text }</label>
                    <textarea id="concern-text" rows="3" maxlength="2000" value={(*text).clone()}
                        aria-invalid={missing.then_some("true")}
                        aria-describedby={described_by("concern-text", false, *missing)}
                        oninput={let text = text.clone(); move |e: InputEvent| text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())} />
                    if *missing {
                        <p id="concern-text-error" class="field-error" role="alert">{ t.concern_required }</p>
                    }
                </div>
                if let Some(failure) = (*error).clone() {
                    <p class="message message-error" role="alert">{ texts.error(&failure) }</p>
                }
                <p id="concern-sent" class={classes!("status-line", sent.then_some("message message-success"))} role="status" tabindex="-1">
                    { if *sent { t.concern_sent } else { "" } }
                </p>
                <button type="submit" id="concern-submit" class="button-secondary">{ t.concern_submit }</button>
            </form>
        </section>
    }
}
