//! One matching run: its totals, its proposals by school with a button to propose each to the
//! school, and the ambassadors left over.

use std::collections::HashMap;

use domain::contract::{AmbassadorSummary, MatchInput, MatchingRun, RunProposal};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::parts;
use crate::api::ApiError;
use crate::api::matching::{get_run, propose_match};
use crate::app::Session;
use crate::components::{ErrorMessage, Loading, NavLink, StatusMessage};
use crate::hooks::{focus_id, use_texts, use_title};
use crate::i18n::{Texts, fill};
use crate::route::Route;

/// A proposal is known by its pair.
type Pair = (Uuid, Uuid);

fn pair(proposal: &RunProposal) -> Pair {
    (proposal.ambassador.id, proposal.placement.id)
}

/// The proposals by school, schools in the order of their first proposal.
pub fn by_school(proposals: &[RunProposal]) -> Vec<(String, Vec<&RunProposal>)> {
    let mut groups: Vec<(Uuid, String, Vec<&RunProposal>)> = Vec::new();
    for proposal in proposals {
        let school = proposal.placement.school_id;
        match groups.iter_mut().find(|(id, _, _)| *id == school) {
            Some((_, _, list)) => list.push(proposal),
            None => groups.push((
                school,
                proposal.placement.school_name.clone(),
                vec![proposal],
            )),
        }
    }
    groups
        .into_iter()
        .map(|(_, name, list)| (name, list))
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct RunProps {
    pub session: Session,
    pub id: Uuid,
}

#[component]
pub fn RunPage(props: &RunProps) -> Html {
    let texts = use_texts();
    let t = texts.matching();
    use_title(t.menu_matching);
    let api = props.session.api.clone();
    let id = props.id;
    let loaded = use_state(|| None::<Result<MatchingRun, ApiError>>);
    // Bumped to load the run again: after a retry, or after a proposal.
    let version = use_state(|| 0_u32);
    let busy = use_state(|| None::<Pair>);
    let errors = use_state(HashMap::<Pair, ApiError>::new);
    let status = use_state(|| None::<String>);
    {
        let (api, loaded, busy) = (api.clone(), loaded.clone(), busy.clone());
        use_effect_with(*version, move |_| {
            spawn_local(async move {
                let result = get_run(&api, id).await;
                loaded.set(Some(result));
                busy.set(None);
            });
        });
    }

    let on_propose = {
        let (busy, errors, status, version) = (
            busy.clone(),
            errors.clone(),
            status.clone(),
            version.clone(),
        );
        Callback::from(move |proposal: RunProposal| {
            if busy.is_some() {
                return;
            }
            let key = pair(&proposal);
            busy.set(Some(key));
            status.set(None);
            let mut without = (*errors).clone();
            without.remove(&key);
            errors.set(without.clone());
            let input = MatchInput {
                placement_id: proposal.placement.id,
                ambassador_id: proposal.ambassador.id,
                run_id: Some(id),
            };
            let (api, busy, errors, status, version) = (
                api.clone(),
                busy.clone(),
                errors.clone(),
                status.clone(),
                version.clone(),
            );
            spawn_local(async move {
                match propose_match(&api, &input).await {
                    Ok(_) => {
                        status.set(Some(fill(
                            t.proposed_done,
                            &[
                                ("name", &proposal.ambassador.name),
                                ("school", &proposal.placement.school_name),
                            ],
                        )));
                        // The run says which proposals became matches: load it again.
                        version.set(*version + 1);
                        focus_id("run-status");
                    }
                    Err(error) => {
                        let mut with = without;
                        with.insert(key, error);
                        errors.set(with);
                        busy.set(None);
                    }
                }
            });
        })
    };

    let content = match &*loaded {
        None => html! { <Loading /> },
        Some(Err(error)) => {
            let version = version.clone();
            let on_retry = Callback::from(move |()| version.set(*version + 1));
            html! { <ErrorMessage error={error.clone()} {on_retry} /> }
        }
        Some(Ok(run)) => run_view(texts, run, *busy, &errors, &on_propose),
    };
    let title = match &*loaded {
        Some(Ok(run)) => fill(
            t.run_title,
            &[
                ("moment", texts.placements().start_moment(run.start_moment)),
                ("year", &run.school_year.to_string()),
            ],
        ),
        _ => t.menu_matching.to_owned(),
    };

    html! {
        <section id="matching-run" class="page" aria-labelledby="page-title">
            <p class="breadcrumb">
                <NavLink to={Route::Matching} current={false}>{ t.back_to_runs }</NavLink>
            </p>
            <h1 id="page-title">{ title }</h1>
            <StatusMessage id="run-status" message={(*status).clone().map(AttrValue::from)} />
            { content }
        </section>
    }
}

fn run_view(
    texts: &'static Texts,
    run: &MatchingRun,
    busy: Option<Pair>,
    errors: &HashMap<Pair, ApiError>,
    on_propose: &Callback<RunProposal>,
) -> Html {
    let t = texts.matching();
    let meta = fill(
        t.run_meta,
        &[
            ("when", &texts.dates.instant(run.created_at)),
            ("who", &run.created_by_name),
        ],
    );
    let stats = [
        ("run-candidates", t.total_candidates, run.candidates as u64),
        ("run-placements", t.total_placements, run.placements as u64),
        ("run-feasible", t.total_feasible, run.feasible_pairs),
        ("run-total-score", t.total_score, run.total_score),
    ];
    let proposals = if run.proposals.is_empty() {
        html! { <p class="message message-info">{ t.proposals_empty }</p> }
    } else {
        html! {
            { for by_school(&run.proposals).into_iter().map(|(school, list)| html! {
                <section class="proposal-school" key={school.clone()}>
                    <h3>{ school }</h3>
                    <ul class="proposal-list">
                        { for list.into_iter().map(|p| proposal(texts, p, busy, errors.get(&pair(p)), on_propose)) }
                    </ul>
                </section>
            }) }
        }
    };
    html! {
        <>
            <p class="muted">{ meta }</p>
            <section class="summary" aria-labelledby="run-totals-title">
                <h2 id="run-totals-title">{ t.totals_title }</h2>
                <dl class="stats">
                    { for stats.into_iter().map(|(id, label, value)| html! {
                        <div class="stat">
                            <dt>{ label }</dt>
                            <dd {id}>{ value }</dd>
                        </div>
                    }) }
                </dl>
            </section>
            <section id="run-proposals" aria-labelledby="run-proposals-title">
                <h2 id="run-proposals-title">{ t.proposals_title }</h2>
                { proposals }
            </section>
            { left_over(texts, &run.left_over) }
        </>
    }
}

fn proposal(
    texts: &'static Texts,
    proposal: &RunProposal,
    busy: Option<Pair>,
    error: Option<&ApiError>,
    on_propose: &Callback<RunProposal>,
) -> Html {
    let t = texts.matching();
    let proposed = proposal.match_id.is_some();
    let working = busy == Some(pair(proposal));
    let placement = t.placement_line(texts.placements(), &proposal.placement);
    let label = format!("{}: {} – {placement}", t.propose, proposal.ambassador.name);
    let onclick = {
        let (on_propose, proposal) = (on_propose.clone(), proposal.clone());
        Callback::from(move |_: MouseEvent| on_propose.emit(proposal.clone()))
    };
    let button_text = if proposed {
        t.proposed
    } else if working {
        t.proposing
    } else {
        t.propose
    };
    let failure = error.map(|error| {
        html! { <p class="message message-error form-error" role="alert">{ t.error(texts, error) }</p> }
    });
    let key = format!("{}-{}", proposal.ambassador.id, proposal.placement.id);
    html! {
        <li {key} class={classes!("proposal", "card", proposed.then_some("proposal-done"))}
            data-ambassador-id={proposal.ambassador.id.to_string()}
            data-placement-id={proposal.placement.id.to_string()}
            data-match-id={proposal.match_id.map(|id| id.to_string())}>
            <div class="card-head">
                <h4 class="proposal-ambassador">{ proposal.ambassador.name.clone() }</h4>
                <span class={classes!("status", "proposal-status", if proposed { "status-proposed" } else { "status-draft" })}>
                    { if proposed { t.proposed } else { t.not_proposed } }
                </span>
            </div>
            <p class="proposal-placement">{ placement }</p>
            { parts::ambassador_facts(texts, &proposal.ambassador) }
            { parts::score(texts, proposal.score.into(), &proposal.breakdown) }
            { parts::reasons(texts, &proposal.reasons) }
            { failure.unwrap_or_default() }
            <div class="card-actions">
                <button type="button" class="button-primary propose" aria-label={label}
                    disabled={proposed || busy.is_some()} aria-busy={working.then_some("true")} {onclick}>
                    { button_text }
                </button>
                if proposed {
                    <NavLink to={Route::Ambassador { id: proposal.ambassador.id }} current={false}>
                        { t.to_ambassador }
                    </NavLink>
                }
            </div>
        </li>
    }
}

fn left_over(texts: &'static Texts, ambassadors: &[AmbassadorSummary]) -> Html {
    let t = texts.matching();
    let list = if ambassadors.is_empty() {
        html! { <p class="muted">{ t.left_over_empty }</p> }
    } else {
        html! {
            <ul class="left-over-list">
                { for ambassadors.iter().map(|a| html! {
                    <li key={a.id.to_string()} class="left-over card" data-ambassador-id={a.id.to_string()}>
                        <h3 class="left-over-name">
                            <NavLink to={Route::Ambassador { id: a.id }} current={false}>{ a.name.clone() }</NavLink>
                        </h3>
                        { parts::ambassador_facts(texts, a) }
                    </li>
                }) }
            </ul>
        }
    };
    html! {
        <section id="run-left-over" aria-labelledby="run-left-over-title">
            <h2 id="run-left-over-title">{ t.left_over_title }</h2>
            <p>{ t.left_over_intro }</p>
            { list }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proposal(school: u128, placement: u128, ambassador: u128) -> RunProposal {
        serde_json::from_value(serde_json::json!({
            "ambassador": {"id": Uuid::from_u128(ambassador), "name": "Noah", "expertise": [], "themes": []},
            "placement": {
                "id": Uuid::from_u128(placement), "school_id": Uuid::from_u128(school),
                "school_name": format!("School {school}"), "municipality": "Groningen",
                "school_year": "2026-2027", "start_moment": "february", "commitment": "half_year",
                "weekday": "tuesday", "kind": "class", "group": "groep 5"
            },
            "score": 20, "breakdown": [{"criterion": "feasible", "points": 10}], "reasons": ["beschikbaar op dinsdag"]
        }))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn proposals_are_grouped_by_school_in_the_order_they_come() {
        let proposals = [proposal(2, 20, 1), proposal(1, 10, 2), proposal(2, 21, 3)];
        let groups: Vec<(String, usize)> = by_school(&proposals)
            .into_iter()
            .map(|(school, list)| (school, list.len()))
            .collect();
        assert_eq!(
            groups,
            [("School 2".to_owned(), 2), ("School 1".to_owned(), 1)]
        );
    }
}
