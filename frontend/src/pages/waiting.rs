//! What waits for the person who logged in, on their start page: per role the things they are
//! the next to act on (to approve, to review, to confirm, to plan, to answer), each with how
//! many and a link to where they do it. Loaded from the lists the pages themselves use; a list
//! that cannot be loaded leaves its line out rather than the page. A bundle of the app looks
//! only for the lines that link to its own pages (`WaitingLines`): a person it covers has no
//! others, and the lists of the other bundles' pages stay out of its download.

use domain::Role;
use domain::ambassador::IntakeStatus;
use domain::contract::{HourEntry, LessonSeries, Match, Me, Page};
use domain::match_lifecycle::MatchStatus;
use futures::future::{LocalBoxFuture, join_all};
use yew::prelude::*;
use yew_router::prelude::Link;

use crate::api::Api;
use crate::app::Session;
use crate::bundle::Bundle;
use crate::hooks::use_texts;
use crate::i18n::WaitingTexts;
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

/// How one bundle looks for what waits: `lines` compiled for that bundle.
#[derive(Clone, Copy)]
pub struct WaitingLines(fn(Api, Me, &'static WaitingTexts) -> Loading<Vec<Waiting>>);

type Loading<T> = LocalBoxFuture<'static, T>;

impl WaitingLines {
    /// The lines of `bundle`. Inlined, so that where `bundle` is a constant (`app::Pages`) only
    /// its own instance of `lines` is named, and compiled in.
    #[inline(always)]
    pub fn of(bundle: Bundle) -> WaitingLines {
        match bundle {
            Bundle::Full => WaitingLines(lines::<{ Bundle::Full.code() }>),
            Bundle::School => WaitingLines(lines::<{ Bundle::School.code() }>),
            Bundle::Ambassador => WaitingLines(lines::<{ Bundle::Ambassador.code() }>),
            Bundle::Employer => WaitingLines(lines::<{ Bundle::Employer.code() }>),
        }
    }
}

impl PartialEq for WaitingLines {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::fn_addr_eq(self.0, other.0)
    }
}

/// A line being counted.
struct Asked {
    id: &'static str,
    text: &'static str,
    to: Route,
    count: Loading<Option<usize>>,
}

/// What waits for `me`, for each of their roles, on the pages of the bundle `BUNDLE`: each line
/// is asked for (all at once) where the person holds its role and the bundle its page. The
/// choice is made here and not in the future, so that in a bundle's build the lines of other
/// bundles' pages are never named, and their lists are not compiled in.
fn lines<const BUNDLE: u8>(api: Api, me: Me, t: &'static WaitingTexts) -> Loading<Vec<Waiting>> {
    let bundle = Bundle::from_code(BUNDLE);
    let admin = holds(&me, &[Role::ProgrammeAdmin]);
    let school = holds(&me, &[Role::SchoolDirector, Role::Coordinator]);
    let coordinator = holds(&me, &[Role::Coordinator]);
    let teacher = holds(&me, &[Role::Teacher]);
    let ambassador = holds(&me, &[Role::Ambassador]);
    let asked = |id, text, to, count| Asked {
        id,
        text,
        to,
        count,
    };
    let mut lines = Vec::new();
    if admin && bundle.has(Route::Ambassadors) {
        lines.push(asked(
            "waiting-applications",
            t.applications,
            Route::Ambassadors,
            applications(api.clone()),
        ));
    }
    if admin && bundle.has(Route::PrivacyRequests) {
        lines.push(asked(
            "waiting-privacy-requests",
            t.privacy_requests,
            Route::PrivacyRequests,
            privacy_requests(api.clone()),
        ));
    }
    if admin && bundle.has(Route::Ambassadors) {
        lines.push(asked(
            "waiting-meetings",
            t.meetings_to_plan,
            Route::Ambassadors,
            with_status::<Match>(api.clone(), "/matches", "proposed"),
        ));
    }
    if (coordinator || admin) && bundle.has(Route::LessonSeriesList) {
        lines.push(asked(
            "waiting-series",
            t.series_to_review,
            Route::LessonSeriesList,
            with_status::<LessonSeries>(api.clone(), "/lesson-series", "submitted"),
        ));
    }
    if (school || admin) && bundle.has(Route::Hours) {
        lines.push(asked(
            "waiting-hours",
            t.hours_to_approve,
            Route::Hours,
            with_status::<HourEntry>(api.clone(), "/hour-entries", "submitted"),
        ));
    }
    if school && bundle.has(Route::Candidates) {
        lines.push(asked(
            "waiting-candidates",
            t.candidates_to_confirm,
            Route::Candidates,
            candidates_to_confirm(api.clone()),
        ));
    }
    if teacher && bundle.has(Route::MyClass) {
        lines.push(asked(
            "waiting-opt-in",
            t.opt_in,
            Route::MyClass,
            classes_to_answer(api.clone()),
        ));
    }
    if ambassador && bundle.has(Route::MyPlace) {
        lines.push(asked(
            "waiting-proposals",
            t.proposals,
            Route::MyPlace,
            proposals(api.clone()),
        ));
    }
    if ambassador && bundle.has(Route::Training) {
        lines.push(asked(
            "waiting-places-offered",
            t.places_offered,
            Route::Training,
            places_offered(api),
        ));
    }
    Box::pin(async move {
        let counts = join_all(lines.iter_mut().map(|line| &mut line.count)).await;
        lines
            .into_iter()
            .zip(counts)
            .filter_map(|(line, count)| {
                Some(Waiting {
                    id: line.id,
                    count: count.filter(|c| *c > 0)?,
                    text: line.text,
                    to: line.to,
                })
            })
            .collect()
    })
}

/// Confirmed applications whose intake has not started.
fn applications(api: Api) -> Loading<Option<usize>> {
    Box::pin(async move {
        let items = count::<domain::contract::Application>(
            &api,
            "/applications",
            &[("status", "confirmed")],
        )
        .await?;
        Some(
            items
                .iter()
                .filter(|a| a.intake_status == Some(IntakeStatus::Registered))
                .count(),
        )
    })
}

/// Open requests about personal data.
fn privacy_requests(api: Api) -> Loading<Option<usize>> {
    Box::pin(async move {
        let items = crate::api::privacy_requests::list(&api, true).await.ok()?;
        Some(items.len())
    })
}

/// How many items of the list at `path` have `status`.
fn with_status<T: serde::de::DeserializeOwned + 'static>(
    api: Api,
    path: &'static str,
    status: &'static str,
) -> Loading<Option<usize>> {
    Box::pin(async move { Some(count::<T>(&api, path, &[("status", status)]).await?.len()) })
}

/// Matches with a planned meeting that the school has not confirmed.
fn candidates_to_confirm(api: Api) -> Loading<Option<usize>> {
    Box::pin(async move {
        let items = count::<Match>(&api, "/matches", &[("status", "meeting_planned")]).await?;
        Some(
            items
                .iter()
                .filter(|m| m.school_confirmed_at.is_none())
                .count(),
        )
    })
}

/// A teacher's classes that have not answered whether they take part.
fn classes_to_answer(api: Api) -> Loading<Option<usize>> {
    Box::pin(async move {
        let classes = crate::api::team::my_classes(&api).await.ok()?;
        Some(
            classes
                .classes
                .iter()
                .filter(|c| c.opt_in.is_none())
                .count(),
        )
    })
}

/// An ambassador's proposed places with a meeting they have not confirmed.
fn proposals(api: Api) -> Loading<Option<usize>> {
    Box::pin(async move {
        let mine = crate::api::mine::my_placements(&api).await.ok()?;
        Some(
            mine.places
                .iter()
                .filter(|p| {
                    p.match_.status == MatchStatus::MeetingPlanned
                        && p.match_.ambassador_confirmed_at.is_none()
                })
                .count(),
        )
    })
}

/// Places in a training offered to an ambassador.
fn places_offered(api: Api) -> Loading<Option<usize>> {
    Box::pin(async move {
        let training = crate::api::training::my_training(&api).await.ok()?;
        Some(
            training
                .enrolments
                .iter()
                .filter(|e| e.status == domain::training::EnrolmentStatus::Offered)
                .count(),
        )
    })
}

#[derive(Properties, PartialEq)]
pub struct WaitingProps {
    pub session: Session,
    pub lines: WaitingLines,
}

/// "Wat op je wacht", with a line per thing and its count; "Niets" when nothing does.
#[component]
pub fn WaitingPanel(props: &WaitingProps) -> Html {
    let texts = use_texts();
    let t = texts.waiting();
    let me = props.session.me.clone();
    let lines = props.lines.0;
    let load = use_load(props.session.api.clone(), move |api: Api| {
        let lines = lines(api, (*me).clone(), t);
        async move { Ok::<_, crate::api::ApiError>(lines.await) }
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
