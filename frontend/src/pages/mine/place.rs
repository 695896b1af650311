//! Mijn plek: where the ambassador stands in the intake (and what comes next, and their VOG),
//! the proposals to confirm after the introduction meeting or decline with a reason, and their
//! place once confirmed: school, day and times, period, teacher and coordinator, the holidays
//! ahead and their next lessons.

use chrono::Months;
use domain::SchoolType;
use domain::contract::{Ambassador, HolidayItem, Intake, MatchTransition, MyPlacement};
use domain::match_lifecycle::{MatchAction, MatchStatus};
use domain::vog::VogOutcome;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::{Load, Loaded, now_local, use_load};
use crate::api::mine::{holidays, move_match, my_ambassador, my_intake, my_placements};
use crate::api::{Api, ApiError};
use crate::app::Session;
use crate::components::{ErrorMessage, Loading, described_by};
use crate::hooks::{focus_id, use_texts, use_title};
use crate::i18n::{Texts, capitalised, fill};

#[derive(Debug, Clone, PartialEq)]
struct PlaceData {
    ambassador: Ambassador,
    intake: Intake,
    places: Vec<MyPlacement>,
    holidays: Vec<HolidayItem>,
    today: chrono::NaiveDate,
}

async fn load(api: Api) -> Result<PlaceData, ApiError> {
    let ambassador = my_ambassador(&api).await?;
    let intake = my_intake(&api, ambassador.id).await?;
    let mine = my_placements(&api).await?;
    let holidays = holidays(&api).await?;
    Ok(PlaceData {
        ambassador,
        intake,
        places: mine.places,
        holidays,
        today: mine.today,
    })
}

#[derive(Properties, PartialEq)]
pub struct MyPlaceProps {
    pub session: Session,
}

#[component]
pub fn MyPlacePage(props: &MyPlaceProps) -> Html {
    let texts = use_texts();
    let t = texts.mine();
    use_title(t.menu_place);
    let Load { state, reload } = use_load(props.session.api.clone(), load);
    let notice = use_state(|| None::<&'static str>);
    let on_done = {
        let (notice, reload) = (notice.clone(), reload.clone());
        Callback::from(move |message: &'static str| {
            notice.set(Some(message));
            reload.emit(());
            focus_id("place-notice");
        })
    };
    let content = match state {
        Loaded::Loading => html! { <Loading /> },
        Loaded::Failed(error) => html! { <ErrorMessage {error} on_retry={reload} /> },
        Loaded::Ready(data) => {
            let proposals: Vec<_> = data
                .places
                .iter()
                .filter(|p| {
                    matches!(
                        p.match_.status,
                        MatchStatus::Proposed | MatchStatus::MeetingPlanned
                    )
                })
                .cloned()
                .collect();
            let placed: Vec<_> = super::working(&data.places);
            // Once placed, the proposals section shows only when there are some.
            let show_proposals = !proposals.is_empty() || placed.is_empty();
            let proposals_empty = proposals.is_empty();
            let place_html = html! {
                    <section id="my-placement" class="mine-section" aria-labelledby="my-placement-title">
                        <h2 id="my-placement-title">{ t.your_place }</h2>
                        if placed.is_empty() {
                            <p class="empty">{ t.no_place }</p>
                        } else {
                            { for placed.iter().map(|place| placement_card(texts, place, &data.holidays, data.today)) }
                        }
                    </section>
            };
            let proposals_html = html! {
                <>
                    if show_proposals {
                    <section id="my-proposals" class="mine-section" aria-labelledby="my-proposals-title">
                        <h2 id="my-proposals-title">{ t.proposals }</h2>
                        if proposals.is_empty() {
                            <p class="empty">{ t.no_proposals }</p>
                        } else {
                            <ul class="cards">
                                { for proposals.into_iter().map(|place| {
                                    let key = place.match_.id.to_string();
                                    html! {
                                        <Proposal {key} api={props.session.api.clone()}
                                            {place} today={data.today} on_done={on_done.clone()} />
                                    }
                                }) }
                            </ul>
                        }
                    </section>
                    }
                </>
            };
            // What asks for an answer comes first.
            let (first, second) = if show_proposals && !proposals_empty {
                (proposals_html, place_html)
            } else {
                (place_html, proposals_html)
            };
            html! {
                <>
                    { standing(texts, &data) }
                    { first }
                    { second }
                </>
            }
        }
    };
    html! {
        <section id="my-place" class="page mine" aria-labelledby="page-title">
            <h1 id="page-title">{ t.menu_place }</h1>
            <p class="lead">{ texts.welcome }<span id="user-name">{ props.session.me.name.clone() }</span>{ ". " }{ t.place_intro }</p>
            <p id="place-notice" class={classes!("status-line", notice.is_some().then_some("message message-success"))} role="status" tabindex="-1">
                { notice.unwrap_or_default() }
            </p>
            <crate::pages::training::OfferedPlaces api={props.session.api.clone()} />
            { content }
        </section>
    }
}

/// The intake step, what comes next, and the VOG.
fn standing(texts: &Texts, data: &PlaceData) -> Html {
    let t = texts.mine();
    let status = data.ambassador.status;
    let issued = data
        .intake
        .vogs
        .iter()
        .filter(|v| v.outcome == VogOutcome::Issued)
        .map(|v| v.issued_on)
        .max();
    let vog = match issued {
        Some(issued_on) => {
            // A VOG serves placements starting within 6 months (po) or 26 weeks (vo) of issue.
            let until = match data.ambassador.profile.school_type {
                Some(SchoolType::Vo) => issued_on + chrono::Duration::weeks(26),
                _ => issued_on
                    .checked_add_months(Months::new(6))
                    .unwrap_or(issued_on),
            };
            fill(t.vog_valid_until, &[("date", &texts.dates.date(until))])
        }
        None => t.vog_missing.to_owned(),
    };
    html! {
        <section id="my-standing" class="mine-section card" aria-labelledby="my-standing-title">
            <h2 id="my-standing-title">{ t.where_you_stand }</h2>
            <dl class="facts">
                <div class="fact"><dt>{ t.intake_step }</dt>
                    <dd id="my-intake-status">{ capitalised(texts.ambassadors().status(status)) }</dd></div>
                <div class="fact"><dt>{ t.next_step }</dt><dd id="my-next-step">{ t.next(status) }</dd></div>
                <div class="fact"><dt>{ t.vog }</dt><dd id="my-vog">{ vog }</dd></div>
            </dl>
        </section>
    }
}

/// "08:30–15:00".
fn times(place: &MyPlacement) -> String {
    format!(
        "{}–{}",
        place.placement.starts_at.format("%H:%M"),
        place.placement.ends_at.format("%H:%M")
    )
}

/// The facts every card of a placement shows.
fn facts(texts: &Texts, place: &MyPlacement) -> Vec<(&'static str, String, &'static str)> {
    let t = texts.mine();
    let p = &place.placement;
    let mut facts = vec![
        (t.school, p.school_name.clone(), "school"),
        (t.municipality, p.municipality.clone(), "municipality"),
        (
            t.day,
            capitalised(texts.placements().weekday(p.weekday)),
            "weekday",
        ),
        (t.times, times(place), "times"),
    ];
    let what = match (&p.group, &p.theme) {
        (Some(group), _) => group.clone(),
        (None, Some(theme)) => theme.clone(),
        (None, None) => texts.placements().kind(p.kind).to_owned(),
    };
    facts.push((t.group, what, "group"));
    facts.push((
        t.teacher,
        p.teacher.clone().unwrap_or_else(|| t.not_known.to_owned()),
        "teacher",
    ));
    let coordinators = if place.coordinators.is_empty() {
        t.not_known.to_owned()
    } else {
        place.coordinators.join(", ")
    };
    facts.push((t.coordinator, coordinators, "coordinator"));
    facts
}

fn fact_list(id: &str, facts: Vec<(&'static str, String, &'static str)>) -> Html {
    html! {
        <dl class="facts">
            { for facts.into_iter().map(|(label, value, name)| html! {
                <div class="fact"><dt>{ label }</dt><dd class={format!("fact-{name}")} id={format!("{id}-{name}")}>{ value }</dd></div>
            }) }
        </dl>
    }
}

/// Their place: the facts, the period, the holidays ahead and the next lessons.
fn placement_card(
    texts: &Texts,
    place: &MyPlacement,
    holidays: &[HolidayItem],
    from: chrono::NaiveDate,
) -> Html {
    let t = texts.mine();
    let p = &place.placement;
    let id = format!("placement-{}", place.match_.id);
    let mut facts = facts(texts, place);
    facts.push((
        t.period,
        fill(
            t.period_text,
            &[
                ("from", &texts.dates.date(p.period.starts_on)),
                ("to", &texts.dates.date(p.period.ends_on)),
            ],
        ),
        "period",
    ));
    let ahead: Vec<_> = holidays
        .iter()
        .filter(|h| h.region == p.region && h.last_day >= from && h.first_day <= p.period.ends_on)
        .take(5)
        .collect();
    html! {
        <article class="card mine-card" id={id.clone()}>
            <h3 class="card-title">{ p.school_name.clone() }</h3>
            { fact_list(&id, facts) }
            <h4>{ t.holidays_ahead }</h4>
            if ahead.is_empty() {
                <p class="empty">{ t.no_holidays }</p>
            } else {
                <ul class="plain-list" id={format!("{id}-holidays")}>
                    { for ahead.iter().map(|h| html! {
                        <li>{ format!("{}: {} – {}", h.name, texts.dates.date(h.first_day), texts.dates.date(h.last_day)) }</li>
                    }) }
                </ul>
            }
            <h4>{ t.next_lessons }</h4>
            if place.next_lessons.is_empty() {
                <p class="empty">{ t.no_lessons }</p>
            } else {
                <ul class="plain-list" id={format!("{id}-lessons")}>
                    { for place.next_lessons.iter().map(|l| html! {
                        <li>{ format!("{} {} · {} · {}", texts.dates.day(l.date), l.starts_at.format("%H:%M"), l.lesson_title, String::from(l.group)) }</li>
                    }) }
                </ul>
            }
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct ProposalProps {
    api: Api,
    place: MyPlacement,
    /// The programme's today.
    today: chrono::NaiveDate,
    on_done: Callback<&'static str>,
}

/// A proposal: its facts and meeting; confirm once the meeting took place, or decline with a
/// reason.
#[component]
fn Proposal(props: &ProposalProps) -> Html {
    let texts = use_texts();
    let t = texts.mine();
    let place = &props.place;
    let m = &place.match_;
    let id = format!("proposal-{}", m.id);
    let declining = use_state(|| false);
    let reason = use_state(String::new);
    let missing = use_state(|| false);
    let saving = use_state(|| false);
    let error = use_state(|| None::<ApiError>);

    let send = {
        let (api, on_done, saving, error) = (
            props.api.clone(),
            props.on_done.clone(),
            saving.clone(),
            error.clone(),
        );
        let match_id = m.id;
        Callback::from(move |(transition, done): (MatchTransition, &'static str)| {
            if *saving {
                return;
            }
            saving.set(true);
            error.set(None);
            let (api, on_done, saving, error) =
                (api.clone(), on_done.clone(), saving.clone(), error.clone());
            spawn_local(async move {
                let result = move_match(&api, match_id, &transition).await;
                saving.set(false);
                match result {
                    Ok(_) => on_done.emit(done),
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    let on_confirm = {
        let send = send.clone();
        let done = t.confirmed_done;
        Callback::from(move |_: MouseEvent| {
            send.emit((
                MatchTransition {
                    action: MatchAction::ConfirmAmbassador,
                    reason: None,
                    meeting: None,
                    side: None,
                    on: None,
                },
                done,
            ))
        })
    };
    let on_open = {
        let (declining, field) = (declining.clone(), format!("{id}-reason"));
        Callback::from(move |_: MouseEvent| {
            declining.set(true);
            let field = field.clone();
            // After the form is drawn.
            gloo_timers_free_focus(field);
        })
    };
    let on_cancel = {
        let (declining, missing, reason) = (declining.clone(), missing.clone(), reason.clone());
        Callback::from(move |_: MouseEvent| {
            declining.set(false);
            missing.set(false);
            reason.set(String::new());
        })
    };
    let on_reason = {
        let (reason, missing) = (reason.clone(), missing.clone());
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            if !value.trim().is_empty() {
                missing.set(false);
            }
            reason.set(value);
        })
    };
    let on_decline = {
        let (reason, missing, send) = (reason.clone(), missing.clone(), send.clone());
        let (field, done) = (format!("{id}-reason"), t.declined_done);
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let text = reason.trim().to_owned();
            if text.is_empty() {
                missing.set(true);
                focus_id(&field);
                return;
            }
            send.emit((
                MatchTransition {
                    action: MatchAction::Decline,
                    reason: Some(text),
                    meeting: None,
                    side: None,
                    on: None,
                },
                done,
            ));
        })
    };

    let meeting = match &m.meeting {
        Some(meeting) => fill(
            t.meeting_at,
            &[
                (
                    "when",
                    &texts.matching().meeting_when(&texts.dates, meeting.at),
                ),
                ("place", &meeting.place),
            ],
        ),
        None => t.meeting_not_planned.to_owned(),
    };
    let mut facts = facts(texts, place);
    facts.push((t.meeting, meeting, "meeting"));
    let met = m
        .meeting
        .as_ref()
        .is_some_and(|meeting| meeting.at <= now_local());
    let confirmed = m.ambassador_confirmed_at.is_some();
    let field = format!("{id}-reason");
    html! {
        <li class="card mine-card proposal" id={id.clone()}>
            <h3 class="card-title">{ place.placement.school_name.clone() }</h3>
            <p class="card-role">{ capitalised(texts.matching().status(m.status)) }</p>
            { fact_list(&id, facts) }
            if let Some(failure) = (*error).clone() {
                <p class="message message-error" role="alert">{ texts.matching().error(texts, &failure) }</p>
            }
            if confirmed {
                <p class="message message-info">{ t.you_confirmed }</p>
            } else if *declining {
                <form class="reason-form decline-form" novalidate=true onsubmit={on_decline}>
                    <div class={classes!("field", missing.then_some("field-invalid"))}>
                        <label for={field.clone()}>{ t.decline_reason }</label>
                        <textarea id={field.clone()} rows="3" maxlength="1000" required=true
                            value={(*reason).clone()} oninput={on_reason}
                            aria-invalid={missing.then_some("true")}
                            aria-describedby={described_by(&field, true, *missing)} />
                        <p id={format!("{field}-hint")} class="field-hint">{ t.decline_hint }</p>
                        if *missing {
                            <p id={format!("{field}-error")} class="field-error" role="alert">{ t.decline_required }</p>
                        }
                    </div>
                    <div class="actions">
                        <button type="submit" id={format!("{id}-decline-send")} class="button-danger" disabled={*saving}>{ t.decline_send }</button>
                        <button type="button" class="button-secondary" onclick={on_cancel}>{ t.cancel }</button>
                    </div>
                </form>
            } else {
                if !met {
                    <p class="field-hint">{ t.confirm_after_meeting }</p>
                }
                <div class="actions">
                    if met {
                        <button type="button" id={format!("{id}-confirm")} class="button-primary confirm" disabled={*saving} onclick={on_confirm}>{ t.confirm }</button>
                    }
                    <button type="button" id={format!("{id}-decline")} class="button-secondary decline" onclick={on_open}>{ t.decline }</button>
                </div>
            }
        </li>
    }
}

/// Puts the keyboard in `id` once the browser has drawn it.
fn gloo_timers_free_focus(id: String) {
    spawn_local(async move {
        // One turn of the event loop: yew renders before this continues.
        let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(
            &wasm_bindgen::JsValue::NULL,
        ))
        .await;
        focus_id(&id);
    });
}
