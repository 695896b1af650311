//! Kandidaten: the ambassadors proposed for a school's placements, for its director (who confirms
//! or declines them after the introduction meeting) and its coordinators (who look).

mod card;

use domain::contract::{Match, MatchQuery, Organisation};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use self::card::CandidateCard;
use crate::api::ApiError;
use crate::api::matching::list_all_matches;
use crate::app::Session;
use crate::components::{ErrorMessage, Loading, StatusMessage};
use crate::hooks::{focus_id, use_texts, use_title};
use crate::menu::{manages_school, school_memberships};

/// The matches of one placement.
#[derive(Debug, PartialEq)]
pub struct PlacementGroup<'a> {
    pub placement_id: Uuid,
    pub matches: Vec<&'a Match>,
}

/// Matches grouped by placement, placements in the order of their first match.
pub fn by_placement(matches: &[Match]) -> Vec<PlacementGroup<'_>> {
    let mut groups: Vec<PlacementGroup<'_>> = Vec::new();
    for m in matches {
        match groups.iter_mut().find(|g| g.placement_id == m.placement.id) {
            Some(group) => group.matches.push(m),
            None => groups.push(PlacementGroup {
                placement_id: m.placement.id,
                matches: vec![m],
            }),
        }
    }
    groups
}

/// The matches of all `schools`, one school after the other.
async fn load(api: crate::api::Api, schools: Vec<Organisation>) -> Result<Vec<Match>, ApiError> {
    let mut all = Vec::new();
    for school in schools {
        let query = MatchQuery {
            school_id: Some(school.id),
            ..MatchQuery::default()
        };
        all.extend(list_all_matches(&api, &query).await?);
    }
    Ok(all)
}

#[derive(Properties, PartialEq)]
pub struct CandidatesProps {
    pub session: Session,
}

#[component]
pub fn CandidatesPage(props: &CandidatesProps) -> Html {
    let texts = use_texts();
    let t = texts.matching();
    use_title(t.menu_candidates);
    let me = props.session.me.clone();
    let api = props.session.api.clone();
    let schools = school_memberships(&me);
    let loaded = use_state(|| None::<Result<Vec<Match>, ApiError>>);
    let retry = use_state(|| 0_u32);
    // The match whose decline form is open: one at a time, so its fields keep plain ids.
    let declining = use_state(|| None::<Uuid>);
    let status = use_state(|| None::<String>);
    {
        let (api, loaded, schools) = (api.clone(), loaded.clone(), schools.clone());
        use_effect_with(*retry, move |_| {
            spawn_local(async move { loaded.set(Some(load(api, schools).await)) });
        });
    }

    // A match changed here: show it as the server now has it, and say so.
    let on_changed = {
        let (loaded, declining, status) = (loaded.clone(), declining.clone(), status.clone());
        Callback::from(move |(changed, message): (Match, String)| {
            if let Some(Ok(matches)) = &*loaded {
                let matches = matches
                    .iter()
                    .map(|m| {
                        if m.id == changed.id {
                            changed.clone()
                        } else {
                            m.clone()
                        }
                    })
                    .collect();
                loaded.set(Some(Ok(matches)));
            }
            declining.set(None);
            status.set(Some(message));
            focus_id("candidates-status");
        })
    };
    let on_decline = {
        let (declining, status) = (declining.clone(), status.clone());
        Callback::from(move |id: Option<Uuid>| {
            status.set(None);
            declining.set(id);
        })
    };

    let may_decide_any = schools.iter().any(|s| manages_school(&me, s.id));
    let content = match &*loaded {
        None => html! { <Loading /> },
        Some(Err(error)) => {
            let retry = retry.clone();
            let on_retry = Callback::from(move |()| retry.set(*retry + 1));
            html! { <ErrorMessage error={error.clone()} {on_retry} /> }
        }
        Some(Ok(matches)) if matches.is_empty() => html! {
            <p id="candidates-empty" class="message message-info">{ t.candidates_empty }</p>
        },
        Some(Ok(matches)) => html! {
            { for by_placement(matches).into_iter().map(|group| {
                let first = group.matches[0];
                let heading = format!("placement-{}", group.placement_id);
                let show_school = schools.len() > 1;
                html! {
                    <section key={group.placement_id.to_string()} class="candidate-group"
                        data-placement-id={group.placement_id.to_string()} aria-labelledby={heading.clone()}>
                        <h2 id={heading}>{ t.placement_line(texts.placements(), &first.placement) }</h2>
                        if show_school {
                            <p class="muted">{ first.placement.school_name.clone() }</p>
                        }
                        <ul class="candidate-list">
                            { for group.matches.into_iter().map(|m| html! {
                                <CandidateCard key={m.id.to_string()} api={api.clone()} candidate={m.clone()}
                                    may_decide={manages_school(&me, m.placement.school_id)}
                                    declining={*declining == Some(m.id)}
                                    on_decline={on_decline.clone()} on_changed={on_changed.clone()} />
                            }) }
                        </ul>
                    </section>
                }
            }) }
        },
    };

    html! {
        <section id="candidates" class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ t.menu_candidates }</h1>
            <p class="lead">
                { if may_decide_any { t.candidates_intro } else { t.candidates_intro_read_only } }
            </p>
            <StatusMessage id="candidates-status" message={(*status).clone().map(AttrValue::from)} />
            { content }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(id: u128, placement: u128) -> Match {
        serde_json::from_value(serde_json::json!({
            "id": Uuid::from_u128(id),
            "placement": {
                "id": Uuid::from_u128(placement), "school_id": Uuid::nil(), "school_name": "De Zeester",
                "municipality": "Groningen", "school_year": "2026-2027", "start_moment": "february",
                "commitment": "half_year", "weekday": "tuesday", "kind": "class", "group": "groep 5"
            },
            "ambassador": {"id": Uuid::from_u128(100 + id), "name": "Noah", "expertise": [], "themes": []},
            "status": "proposed", "score": 20, "breakdown": [], "reasons": [],
            "created_at": "2026-11-22T10:00:00Z", "updated_at": "2026-11-22T10:00:00Z"
        }))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn candidates_are_grouped_by_placement() {
        let matches = [candidate(1, 10), candidate(2, 20), candidate(3, 10)];
        let groups: Vec<Vec<Uuid>> = by_placement(&matches)
            .into_iter()
            .map(|g| g.matches.iter().map(|m| m.id).collect())
            .collect();
        assert_eq!(
            groups,
            [
                vec![Uuid::from_u128(1), Uuid::from_u128(3)],
                vec![Uuid::from_u128(2)]
            ]
        );
    }
}
