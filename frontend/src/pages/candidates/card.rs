//! One candidate for a placement: who they are, why they were proposed, the meeting, and the
//! director's buttons to confirm or decline (with a reason).

use domain::contract::{Match, MatchTransition};
use domain::match_lifecycle::{MatchAction, MatchState, MatchStatus};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::api::matching::transition_match;
use crate::api::{Api, ApiError};
use crate::components::described_by;
use crate::hooks::{focus_id, use_texts};
use crate::i18n::fill;
use crate::pages::matching::parts;

/// What the school's confirm button does for a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// Not shown: the match is past confirming, or over.
    Hidden,
    /// Shown but not yet possible: the introduction meeting comes first.
    AfterMeeting,
    /// The school may confirm now.
    Now,
    /// The school confirmed; the ambassador has not yet.
    Waiting,
}

/// The school's choices for a match, by the shared lifecycle rules: whether it may confirm now,
/// and whether it may decline.
pub fn school_choices(candidate: &Match) -> (Confirm, bool) {
    let state = MatchState {
        status: candidate.status,
        school_confirmed: candidate.school_confirmed_at.is_some(),
        ambassador_confirmed: candidate.ambassador_confirmed_at.is_some(),
    };
    let may_decline = state.apply(MatchAction::Decline, Some("-")).is_ok();
    let confirm = if state.apply(MatchAction::ConfirmSchool, None).is_ok() {
        Confirm::Now
    } else if state.status == MatchStatus::Proposed {
        Confirm::AfterMeeting
    } else if state.status == MatchStatus::MeetingPlanned && state.school_confirmed {
        Confirm::Waiting
    } else {
        Confirm::Hidden
    };
    (confirm, may_decline)
}

/// Whether nothing has the keyboard focus (it was on something that went away).
fn focus_lost() -> bool {
    let document = web_sys::window().and_then(|window| window.document());
    let active = document.as_ref().and_then(|d| d.active_element());
    let body = document.and_then(|d| d.body());
    match (active, body) {
        (None, _) => true,
        (Some(active), Some(body)) => active == *body.as_ref(),
        (Some(_), None) => false,
    }
}

#[derive(Properties, PartialEq)]
pub struct CandidateCardProps {
    pub api: Api,
    pub candidate: Match,
    /// Whether this person decides for the school (its director).
    pub may_decide: bool,
    /// Whether the decline form is open.
    pub declining: bool,
    /// Opens (with the match's id) or closes (`None`) the decline form.
    pub on_decline: Callback<Option<Uuid>>,
    /// The match as the server has it after a change, and what to say about it.
    pub on_changed: Callback<(Match, String)>,
}

#[component]
pub fn CandidateCard(props: &CandidateCardProps) -> Html {
    let texts = use_texts();
    let t = texts.matching();
    let candidate = &props.candidate;
    let saving = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let reason = use_state(String::new);
    let missing = use_state(|| false);

    // The decline form opens with the keyboard in its reason; closed without declining, the
    // keyboard goes back to the button that opened it.
    let decline_id = format!("decline-{}", candidate.id);
    {
        let was_declining = use_mut_ref(|| false);
        let decline_id = decline_id.clone();
        use_effect_with(props.declining, move |declining| {
            if *declining {
                focus_id("decline-reason");
            } else if std::mem::replace(&mut *was_declining.borrow_mut(), false) && focus_lost() {
                focus_id(&decline_id);
            }
            *was_declining.borrow_mut() = *declining;
        });
    }

    let send = {
        let (api, id, name) = (
            props.api.clone(),
            candidate.id,
            candidate.ambassador.name.clone(),
        );
        let (saving, error, missing) = (saving.clone(), error.clone(), missing.clone());
        let on_changed = props.on_changed.clone();
        Callback::from(move |transition: MatchTransition| {
            if *saving {
                return;
            }
            saving.set(true);
            error.set(None);
            let done = if transition.action == MatchAction::Decline {
                t.declined_done
            } else {
                t.confirmed_done
            };
            let message = fill(done, &[("name", &name)]);
            let (api, on_changed) = (api.clone(), on_changed.clone());
            let (saving, error, missing) = (saving.clone(), error.clone(), missing.clone());
            spawn_local(async move {
                let result = transition_match(&api, id, &transition).await;
                saving.set(false);
                match result {
                    Ok(changed) => on_changed.emit((changed, message)),
                    Err(failure) => {
                        let about_reason = matches!(&failure, ApiError::Problem(p)
                            if p.errors.iter().any(|e| e.field == "reason"));
                        if about_reason {
                            missing.set(true);
                        } else {
                            error.set(Some(failure));
                        }
                    }
                }
            });
        })
    };

    let on_confirm = {
        let send = send.clone();
        Callback::from(move |_: MouseEvent| {
            send.emit(MatchTransition {
                action: MatchAction::ConfirmSchool,
                reason: None,
                meeting: None,
                side: None,
                on: None,
            })
        })
    };
    let on_open_decline = {
        let (on_decline, id, error) = (props.on_decline.clone(), candidate.id, error.clone());
        Callback::from(move |_: MouseEvent| {
            error.set(None);
            on_decline.emit(Some(id));
        })
    };
    let on_back = {
        let (on_decline, missing) = (props.on_decline.clone(), missing.clone());
        Callback::from(move |_: MouseEvent| {
            missing.set(false);
            on_decline.emit(None);
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
    let on_submit_decline = {
        let (reason, missing, send) = (reason.clone(), missing.clone(), send.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let text = reason.trim().to_owned();
            if text.is_empty() {
                missing.set(true);
                focus_id("decline-reason");
                return;
            }
            send.emit(MatchTransition {
                action: MatchAction::Decline,
                reason: Some(text),
                meeting: None,
                side: None,
                on: None,
            });
        })
    };

    let (confirm, may_decline) = school_choices(candidate);
    let name = candidate.ambassador.name.clone();
    let buttons = props.may_decide.then(|| {
        let confirm_button = match confirm {
            Confirm::Now | Confirm::AfterMeeting => {
                let later = confirm == Confirm::AfterMeeting;
                let hint_id = format!("confirm-hint-{}", candidate.id);
                html! {
                    <>
                        <button type="button" class="button-primary confirm"
                            aria-label={format!("{}: {name}", t.confirm)}
                            aria-describedby={later.then(|| hint_id.clone())}
                            disabled={later || *saving} onclick={on_confirm}>
                            { t.confirm }
                        </button>
                        if later {
                            <span id={hint_id} class="muted confirm-hint">{ t.confirm_after_meeting }</span>
                        }
                    </>
                }
            }
            Confirm::Waiting => html! { <p class="confirm-waiting">{ t.waiting_for_ambassador }</p> },
            Confirm::Hidden => html! {},
        };
        let decline_button = (may_decline && !props.declining).then(|| {
            html! {
                <button id={decline_id.clone()} type="button" class="button-secondary decline"
                    aria-label={format!("{}: {name}", t.decline)} disabled={*saving}
                    onclick={on_open_decline}>
                    { t.decline }
                </button>
            }
        });
        html! {
            <div class="card-actions">
                { confirm_button }
                { decline_button.unwrap_or_default() }
            </div>
        }
    });

    let decline_form = (props.declining && props.may_decide).then(|| {
        let reason_error = missing.then(|| {
            html! {
                <p id="decline-reason-error" class="field-error form-error" role="alert">
                    { t.reason_required }
                </p>
            }
        });
        html! {
            <form class="decline-form" novalidate=true aria-labelledby="decline-title" onsubmit={on_submit_decline}>
                <h4 id="decline-title">{ fill(t.decline_title, &[("name", &name)]) }</h4>
                <div class={classes!("field", missing.then_some("field-invalid"))}>
                    <label for="decline-reason">{ t.reason }</label>
                    <textarea id="decline-reason" rows="3" maxlength="500" required=true
                        value={(*reason).clone()} oninput={on_reason}
                        aria-invalid={missing.then_some("true")}
                        aria-describedby={described_by("decline-reason", true, *missing)} />
                    <p id="decline-reason-hint" class="field-hint">{ t.decline_hint }</p>
                    { reason_error.unwrap_or_default() }
                </div>
                <div class="form-actions">
                    <button id="decline-submit" type="submit" class="button-danger" disabled={*saving}>
                        { if *saving { t.saving } else { t.decline_submit } }
                    </button>
                    <button type="button" class="button-secondary" onclick={on_back}>{ t.back }</button>
                </div>
            </form>
        }
    });

    let failure = error.as_ref().map(|error| {
        html! { <p class="message message-error form-error" role="alert">{ t.error(texts, error) }</p> }
    });

    html! {
        <li class={classes!("candidate", "card", (!candidate.status.is_live()).then_some("candidate-over"))}
            data-match-id={candidate.id.to_string()} data-status={candidate.status.as_str()}>
            <div class="card-head">
                <h3 class="candidate-name">{ name.clone() }</h3>
                { parts::status(texts, candidate.status) }
            </div>
            { parts::ambassador_facts(texts, &candidate.ambassador) }
            { parts::meeting(texts, candidate.meeting.as_ref()) }
            { parts::progress(texts, candidate) }
            { parts::score(texts, candidate.score.into(), &candidate.breakdown) }
            { parts::reasons(texts, &candidate.reasons) }
            { failure.unwrap_or_default() }
            { buttons.unwrap_or_default() }
            { decline_form.unwrap_or_default() }
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(status: &str, school_confirmed: bool) -> Match {
        let mut value = serde_json::json!({
            "id": Uuid::nil(),
            "placement": {
                "id": Uuid::nil(), "school_id": Uuid::nil(), "school_name": "De Zeester",
                "municipality": "Groningen", "school_year": "2026-2027", "start_moment": "february",
                "commitment": "half_year", "weekday": "tuesday", "kind": "class", "group": "groep 5"
            },
            "ambassador": {"id": Uuid::nil(), "name": "Noah", "expertise": [], "themes": []},
            "status": status, "score": 20, "breakdown": [], "reasons": [],
            "created_at": "2026-11-22T10:00:00Z", "updated_at": "2026-11-22T10:00:00Z"
        });
        if school_confirmed {
            value["school_confirmed_at"] = "2026-11-23T10:00:00Z".into();
        }
        serde_json::from_value(value).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_school_confirms_only_after_the_meeting_and_only_once() {
        assert_eq!(
            school_choices(&candidate("proposed", false)),
            (Confirm::AfterMeeting, true)
        );
        assert_eq!(
            school_choices(&candidate("meeting_planned", false)),
            (Confirm::Now, true)
        );
        assert_eq!(
            school_choices(&candidate("meeting_planned", true)),
            (Confirm::Waiting, true)
        );
        assert_eq!(
            school_choices(&candidate("confirmed", true)),
            (Confirm::Hidden, true)
        );
    }

    #[test]
    fn a_match_that_is_over_or_running_has_no_school_buttons() {
        for status in ["active", "declined", "ended"] {
            assert_eq!(
                school_choices(&candidate(status, true)),
                (Confirm::Hidden, false),
                "{status}"
            );
        }
    }
}
