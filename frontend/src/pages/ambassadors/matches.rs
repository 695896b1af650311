//! An ambassador's matches, with what programme staff do next in each: plan the introduction
//! meeting, confirm for the ambassador, activate, end.

use chrono::NaiveDateTime;
use domain::contract::{Match, MatchTransition, Meeting};
use domain::match_lifecycle::{MatchAction, MatchState, Side};
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::api::matching::transition_match;
use crate::api::{Api, ApiError};
use crate::components::{FormField, NavLink, described_by};
use crate::hooks::{focus_id, use_texts};
use crate::i18n::AmbassadorTexts;
use crate::pages::matching::parts;
use crate::route::Route;

/// What programme staff can do with a match now, by the shared lifecycle rules.
pub fn admin_actions(m: &Match) -> Vec<MatchAction> {
    let state = MatchState {
        status: m.status,
        school_confirmed: m.school_confirmed_at.is_some(),
        ambassador_confirmed: m.ambassador_confirmed_at.is_some(),
    };
    [
        MatchAction::PlanMeeting,
        MatchAction::ConfirmAmbassador,
        MatchAction::Activate,
        MatchAction::Decline,
        MatchAction::End,
    ]
    .into_iter()
    .filter(|action| state.apply(*action, Some("-")).is_ok())
    .collect()
}

/// The meeting as typed: a `datetime-local` value and a place.
pub fn meeting_input(
    t: &AmbassadorTexts,
    at: &str,
    place: &str,
) -> Result<Meeting, Vec<(&'static str, &'static str)>> {
    let at = at.trim();
    let when = NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M:%S"))
        .ok();
    let place = place.trim();
    let mut errors = Vec::new();
    if when.is_none() {
        errors.push(("at", t.msg_meeting_at));
    }
    if place.is_empty() {
        errors.push(("place", t.msg_meeting_place));
    }
    match when {
        Some(at) if errors.is_empty() => Ok(Meeting {
            at,
            place: place.to_owned(),
        }),
        _ => Err(errors),
    }
}

#[derive(Properties, PartialEq)]
pub struct AmbassadorMatchesProps {
    pub api: Api,
    pub matches: Vec<Match>,
    pub on_changed: Callback<String>,
}

#[component]
pub fn AmbassadorMatches(props: &AmbassadorMatchesProps) -> Html {
    let texts = use_texts();
    let t = texts.ambassadors();
    // The first match with a meeting form keeps the plain input ids; later ones get a suffix.
    let mut forms = 0;
    let cards: Vec<Html> = props
        .matches
        .iter()
        .map(|m| {
            let suffix = if admin_actions(m).contains(&MatchAction::PlanMeeting) {
                forms += 1;
                if forms == 1 {
                    String::new()
                } else {
                    format!("-{forms}")
                }
            } else {
                String::new()
            };
            html! {
                <MatchCard key={m.id.to_string()} api={props.api.clone()} candidate={m.clone()}
                    {suffix} on_changed={props.on_changed.clone()} />
            }
        })
        .collect();
    html! {
        <section id="ambassador-matches" class="panel" aria-labelledby="matches-title">
            <h2 id="matches-title">{ t.matches_title }</h2>
            if cards.is_empty() {
                <p class="muted">{ t.matches_empty }</p>
            } else {
                <ul class="match-list">{ for cards }</ul>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct MatchCardProps {
    api: Api,
    candidate: Match,
    /// Added to the ids of this card's inputs.
    suffix: String,
    on_changed: Callback<String>,
}

#[component]
fn MatchCard(props: &MatchCardProps) -> Html {
    let texts = use_texts();
    let t = texts.ambassadors();
    let m = &props.candidate;
    let at = use_state(|| {
        m.meeting
            .as_ref()
            .map(|meeting| meeting.at.format("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_default()
    });
    let place = use_state(|| {
        m.meeting
            .as_ref()
            .map(|meeting| meeting.place.clone())
            .unwrap_or_default()
    });
    let reason = use_state(String::new);
    let decline_reason = use_state(String::new);
    let messages = use_state(Vec::<(&'static str, &'static str)>::new);
    let saving = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let id = |name: &str| format!("{name}{}", props.suffix);

    let send = {
        let (api, match_id, on_changed) = (props.api.clone(), m.id, props.on_changed.clone());
        let (saving, error) = (saving.clone(), error.clone());
        Callback::from(move |(transition, done): (MatchTransition, &'static str)| {
            if *saving {
                return;
            }
            saving.set(true);
            error.set(None);
            let (api, on_changed) = (api.clone(), on_changed.clone());
            let (saving, error) = (saving.clone(), error.clone());
            spawn_local(async move {
                let result = transition_match(&api, match_id, &transition).await;
                saving.set(false);
                match result {
                    Ok(_) => on_changed.emit(done.to_owned()),
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    let transition = |action: MatchAction| MatchTransition {
        action,
        reason: None,
        meeting: None,
        side: None,
        on: None,
    };
    let on_plan = {
        let (at, place, messages, send) =
            (at.clone(), place.clone(), messages.clone(), send.clone());
        let ids = (id("meeting-at"), id("meeting-place"));
        Callback::from(move |_: MouseEvent| match meeting_input(t, &at, &place) {
            Ok(meeting) => {
                messages.set(Vec::new());
                send.emit((
                    MatchTransition {
                        meeting: Some(meeting),
                        ..transition(MatchAction::PlanMeeting)
                    },
                    t.planned_done,
                ));
            }
            Err(found) => {
                let first = if found[0].0 == "at" { &ids.0 } else { &ids.1 };
                focus_id(first);
                messages.set(found);
            }
        })
    };
    let simple = |action: MatchAction, done: &'static str| {
        let send = send.clone();
        Callback::from(move |_: MouseEvent| send.emit((transition(action), done)))
    };
    let on_end = {
        let (reason, messages, send) = (reason.clone(), messages.clone(), send.clone());
        let reason_id = id("end-reason");
        Callback::from(move |_: MouseEvent| {
            let text = reason.trim().to_owned();
            if text.is_empty() {
                messages.set(vec![("reason", texts.matching().reason_required)]);
                focus_id(&reason_id);
                return;
            }
            messages.set(Vec::new());
            send.emit((
                MatchTransition {
                    reason: Some(text),
                    ..transition(MatchAction::End)
                },
                t.ended_done,
            ));
        })
    };
    let decline = |side: Side| {
        let (reason, messages, send) = (decline_reason.clone(), messages.clone(), send.clone());
        let reason_id = id("decline-reason");
        Callback::from(move |_: MouseEvent| {
            let text = reason.trim().to_owned();
            if text.is_empty() {
                messages.set(vec![("decline", texts.matching().reason_required)]);
                focus_id(&reason_id);
                return;
            }
            messages.set(Vec::new());
            send.emit((
                MatchTransition {
                    reason: Some(text),
                    side: Some(side),
                    ..transition(MatchAction::Decline)
                },
                t.declined_on_behalf_done,
            ));
        })
    };
    let text_input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |event: InputEvent| {
            state.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let on_reason = {
        let reason = reason.clone();
        Callback::from(move |event: InputEvent| {
            reason.set(event.target_unchecked_into::<HtmlTextAreaElement>().value());
        })
    };
    let message = |field: &str| {
        messages
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| AttrValue::from(*m))
    };

    let actions = admin_actions(m);
    let has = |action| actions.contains(&action);
    let meeting_form = has(MatchAction::PlanMeeting).then(|| {
        let (at_id, place_id) = (id("meeting-at"), id("meeting-place"));
        html! {
            <div class="meeting-form">
                <FormField id={at_id.clone()} label={t.meeting_at} error={message("at")}>
                    <input id={at_id.clone()} type="datetime-local" step="300" value={(*at).clone()}
                        oninput={text_input(&at)} onchange={let at = at.clone(); Callback::from(move |e: Event| at.set(e.target_unchecked_into::<HtmlInputElement>().value()))}
                        aria-invalid={message("at").map(|_| "true")}
                        aria-describedby={described_by(&at_id, false, message("at").is_some())} />
                </FormField>
                <FormField id={place_id.clone()} label={t.meeting_place} hint={AttrValue::from(t.meeting_place_hint)} error={message("place")}>
                    <input id={place_id.clone()} type="text" maxlength="200" value={(*place).clone()}
                        oninput={text_input(&place)}
                        aria-invalid={message("place").map(|_| "true")}
                        aria-describedby={described_by(&place_id, true, message("place").is_some())} />
                </FormField>
                <div class="form-actions">
                    <button type="button" class="button-primary plan-meeting" disabled={*saving} onclick={on_plan}>
                        { t.plan_meeting }
                    </button>
                </div>
            </div>
        }
    });
    let end_form = has(MatchAction::End).then(|| {
        let reason_id = id("end-reason");
        html! {
            <div class="end-form">
                <FormField id={reason_id.clone()} label={t.end_reason} error={message("reason")}>
                    <textarea id={reason_id.clone()} rows="2" maxlength="500" value={(*reason).clone()}
                        oninput={on_reason} aria-invalid={message("reason").map(|_| "true")}
                        aria-describedby={described_by(&reason_id, false, message("reason").is_some())} />
                </FormField>
                <div class="form-actions">
                    <button type="button" class="button-danger end" disabled={*saving} onclick={on_end}>
                        { t.end }
                    </button>
                </div>
            </div>
        }
    });
    let decline_form = has(MatchAction::Decline).then(|| {
        let reason_id = id("decline-reason");
        let on_input = {
            let reason = decline_reason.clone();
            Callback::from(move |event: InputEvent| {
                reason.set(event.target_unchecked_into::<HtmlTextAreaElement>().value());
            })
        };
        html! {
            <div class="decline-form">
                <FormField id={reason_id.clone()} label={t.decline_reason} error={message("decline")}>
                    <textarea id={reason_id.clone()} rows="2" maxlength="500" value={(*decline_reason).clone()}
                        oninput={on_input} aria-invalid={message("decline").map(|_| "true")}
                        aria-describedby={described_by(&reason_id, false, message("decline").is_some())} />
                </FormField>
                <div class="form-actions">
                    <button type="button" class="button-secondary decline-ambassador" disabled={*saving}
                        onclick={decline(Side::Ambassador)}>{ t.decline_for_ambassador }</button>
                    <button type="button" class="button-secondary decline-school" disabled={*saving}
                        onclick={decline(Side::School)}>{ t.decline_for_school }</button>
                </div>
            </div>
        }
    });
    let failure = error.as_ref().map(|error| {
        html! { <p class="message message-error form-error" role="alert">{ texts.matching().error(texts, error) }</p> }
    });

    html! {
        <li class="match card" data-match-id={m.id.to_string()} data-status={m.status.as_str()}>
            <div class="card-head">
                <h3 class="match-placement">{ m.placement.school_name.clone() }</h3>
                { parts::status(texts, m.status) }
            </div>
            <p>{ texts.matching().placement_line(texts.placements(), &m.placement) }</p>
            { parts::meeting(texts, m.meeting.as_ref()) }
            { parts::progress(texts, m) }
            { parts::score(texts, m.score.into(), &m.breakdown) }
            { parts::reasons(texts, &m.reasons) }
            { failure.unwrap_or_default() }
            { meeting_form.unwrap_or_default() }
            if has(MatchAction::ConfirmAmbassador) || has(MatchAction::Activate) {
                <div class="card-actions">
                    if has(MatchAction::ConfirmAmbassador) {
                        <button type="button" class="button-primary confirm-ambassador" disabled={*saving}
                            onclick={simple(MatchAction::ConfirmAmbassador, t.confirmed_done)}>
                            { t.confirm_ambassador }
                        </button>
                    }
                    if has(MatchAction::Activate) {
                        <button type="button" class="button-primary activate" disabled={*saving}
                            onclick={simple(MatchAction::Activate, t.activated_done)}>
                            { t.activate }
                        </button>
                    }
                </div>
            }
            { decline_form.unwrap_or_default() }
            { end_form.unwrap_or_default() }
            if let Some(run_id) = m.run_id {
                <p class="muted">
                    <NavLink to={Route::MatchingRun { id: run_id }} current={false}>{ texts.matching().to_run }</NavLink>
                </p>
            }
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::NL;

    fn candidate(status: &str, school: bool, ambassador: bool) -> Match {
        let mut value = serde_json::json!({
            "id": uuid::Uuid::nil(),
            "placement": {
                "id": uuid::Uuid::nil(), "school_id": uuid::Uuid::nil(), "school_name": "De Zeester",
                "municipality": "Groningen", "school_year": "2026-2027", "start_moment": "february",
                "commitment": "half_year", "weekday": "tuesday", "kind": "class", "group": "groep 5"
            },
            "ambassador": {"id": uuid::Uuid::nil(), "name": "Noah", "expertise": [], "themes": []},
            "status": status, "score": 20, "breakdown": [], "reasons": [],
            "created_at": "2026-11-22T10:00:00Z", "updated_at": "2026-11-22T10:00:00Z"
        });
        if school {
            value["school_confirmed_at"] = "2026-11-23T10:00:00Z".into();
        }
        if ambassador {
            value["ambassador_confirmed_at"] = "2026-11-23T10:00:00Z".into();
        }
        serde_json::from_value(value).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn each_status_offers_programme_staff_its_next_steps() {
        use MatchAction as A;
        assert_eq!(
            admin_actions(&candidate("proposed", false, false)),
            [A::PlanMeeting, A::Decline]
        );
        assert_eq!(
            admin_actions(&candidate("meeting_planned", true, false)),
            [A::PlanMeeting, A::ConfirmAmbassador, A::Decline]
        );
        assert_eq!(
            admin_actions(&candidate("meeting_planned", false, true)),
            [A::PlanMeeting, A::Decline]
        );
        assert_eq!(
            admin_actions(&candidate("confirmed", true, true)),
            [A::Activate, A::Decline]
        );
        assert_eq!(admin_actions(&candidate("active", true, true)), [A::End]);
        assert!(admin_actions(&candidate("declined", false, false)).is_empty());
    }

    #[test]
    fn a_meeting_needs_a_time_and_a_place() {
        let t = NL.ambassadors();
        let meeting = meeting_input(t, "2026-12-08T15:30", " De Zeester, lokaal 3 ")
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(meeting.place, "De Zeester, lokaal 3");
        assert_eq!(meeting.at.format("%H:%M").to_string(), "15:30");
        let errors = meeting_input(t, "", "  ").unwrap_err();
        assert_eq!(
            errors,
            [
                ("at", "Kies een datum en tijd."),
                ("place", "Vul de plaats in.")
            ]
        );
    }
}
