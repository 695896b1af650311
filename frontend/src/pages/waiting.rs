//! What waits for the person who logged in, on their start page: per role the things they are
//! the next to act on (to approve, to review, to confirm, to plan, to answer), each with how
//! many and a link to where they do it. Loaded from the lists the pages themselves use; a list
//! that cannot be loaded leaves its line out rather than the page.

use domain::Role;
use domain::ambassador::IntakeStatus;
use domain::contract::{HourEntry, LessonSeries, Match, Me, Page};
use domain::match_lifecycle::MatchStatus;
use yew::prelude::*;
use yew_router::prelude::Link;

use crate::api::Api;
use crate::app::Session;
use crate::hooks::use_texts;
use crate::pages::mine::{Loaded, use_load};
use crate::route::Route;

/// One thing that waits: its id, how many, the words and where to act.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiting {
    pub id: &'static str,
    pub count: usize,
    pub text: &'static str,
    pub to: Route,
}

fn holds(me: &Me, roles: &[Role]) -> bool {
    me.memberships.iter().any(|m| roles.contains(&m.role))
}

async fn count<T: serde::de::DeserializeOwned>(
    api: &Api,
    path: &str,
    query: &[(&str, &str)],
) -> Option<Vec<T>> {
    let mut pairs: Vec<(&str, String)> = query.iter().map(|(k, v)| (*k, (*v).to_owned())).collect();
    pairs.push(("limit", "100".to_owned()));
    api.get::<Page<T>>(path, &pairs).await.ok().map(|p| p.items)
}

/// What waits for `me`, for each of their roles.
async fn load(
    api: Api,
    me: Me,
    t: &'static crate::i18n::WaitingTexts,
) -> Result<Vec<Waiting>, crate::api::ApiError> {
    let admin = holds(&me, &[Role::ProgrammeAdmin]);
    let school = holds(&me, &[Role::SchoolDirector, Role::Coordinator]);
    let coordinator = holds(&me, &[Role::Coordinator]);
    let mut out = Vec::new();
    let mut push = |id, count: Option<usize>, text, to| {
        if let Some(count) = count.filter(|c| *c > 0) {
            out.push(Waiting {
                id,
                count,
                text,
                to,
            });
        }
    };
    if admin {
        let applications = count::<domain::contract::Application>(
            &api,
            "/applications",
            &[("status", "confirmed")],
        )
        .await
        .map(|items| {
            items
                .iter()
                .filter(|a| a.intake_status == Some(IntakeStatus::Registered))
                .count()
        });
        push(
            "waiting-applications",
            applications,
            t.applications,
            Route::Ambassadors,
        );
        let privacy_requests = crate::api::privacy_requests::list(&api, true)
            .await
            .ok()
            .map(|items| items.len());
        push(
            "waiting-privacy-requests",
            privacy_requests,
            t.privacy_requests,
            Route::PrivacyRequests,
        );
        let proposed = count::<Match>(&api, "/matches", &[("status", "proposed")])
            .await
            .map(|m| m.len());
        push(
            "waiting-meetings",
            proposed,
            t.meetings_to_plan,
            Route::Ambassadors,
        );
    }
    if coordinator || admin {
        let review = count::<LessonSeries>(&api, "/lesson-series", &[("status", "submitted")])
            .await
            .map(|s| s.len());
        push(
            "waiting-series",
            review,
            t.series_to_review,
            Route::LessonSeriesList,
        );
    }
    if school || admin {
        let hours = count::<HourEntry>(&api, "/hour-entries", &[("status", "submitted")])
            .await
            .map(|h| h.len());
        push("waiting-hours", hours, t.hours_to_approve, Route::Hours);
    }
    if school {
        let to_confirm = count::<Match>(&api, "/matches", &[("status", "meeting_planned")])
            .await
            .map(|m| m.iter().filter(|m| m.school_confirmed_at.is_none()).count());
        push(
            "waiting-candidates",
            to_confirm,
            t.candidates_to_confirm,
            Route::Candidates,
        );
    }
    if holds(&me, &[Role::Teacher])
        && let Ok(classes) = crate::api::team::my_classes(&api).await
    {
        let unanswered = classes
            .classes
            .iter()
            .filter(|c| c.opt_in.is_none())
            .count();
        push("waiting-opt-in", Some(unanswered), t.opt_in, Route::MyClass);
    }
    if holds(&me, &[Role::Ambassador])
        && let Ok(mine) = crate::api::mine::my_placements(&api).await
    {
        let to_confirm = mine
            .places
            .iter()
            .filter(|p| {
                p.match_.status == MatchStatus::MeetingPlanned
                    && p.match_.ambassador_confirmed_at.is_none()
            })
            .count();
        push(
            "waiting-proposals",
            Some(to_confirm),
            t.proposals,
            Route::MyPlace,
        );
    }
    if holds(&me, &[Role::Ambassador])
        && let Ok(training) = crate::api::training::my_training(&api).await
    {
        let offered = training
            .enrolments
            .iter()
            .filter(|e| e.status == domain::training::EnrolmentStatus::Offered)
            .count();
        push(
            "waiting-places-offered",
            Some(offered),
            t.places_offered,
            Route::Training,
        );
    }
    Ok(out)
}

#[derive(Properties, PartialEq)]
pub struct WaitingProps {
    pub session: Session,
}

/// "Wat op je wacht", with a line per thing and its count; "Niets" when nothing does.
#[component]
pub fn WaitingPanel(props: &WaitingProps) -> Html {
    let texts = use_texts();
    let t = texts.waiting();
    let me = props.session.me.clone();
    let load = use_load(props.session.api.clone(), move |api: Api| {
        load(api, (*me).clone(), t)
    });
    let Loaded::Ready(items) = load.state else {
        return html! {};
    };
    html! {
        <section id="waiting" class="panel" aria-labelledby="waiting-title">
            <h2 id="waiting-title">{ t.title }</h2>
            if items.is_empty() {
                <p id="waiting-nothing" class="muted">{ t.nothing }</p>
            } else {
                <ul class="waiting-list plain-list">
                    { for items.iter().map(|item| html! {
                        <li id={item.id}>
                            <Link<Route> to={item.to}>
                                <strong class="waiting-count">{ item.count.to_string() }</strong>
                                { " " }{ item.text }
                            </Link<Route>>
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}
