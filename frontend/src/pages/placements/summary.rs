//! A school year at a glance: how many spots the school offers, what Klasbrug suggests, and how
//! many placements there are in each status.

use domain::SchoolYear;
use domain::contract::SchoolCapacity;
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::placements::school_capacity;
use crate::api::{Api, ApiError};
use crate::components::{ErrorMessage, Loading, NavLink};
use crate::hooks::use_texts;
use crate::i18n::{PlacementTexts, fill};
use crate::route::Route;

/// Where the school stands against the number it offers, in one sentence.
pub fn summary_sentence(t: &PlacementTexts, capacity: &SchoolCapacity) -> String {
    let counts = &capacity.placements;
    let created = counts.draft + counts.open + counts.proposed + counts.filled;
    let suggested = t.count(capacity.suggestion.suggested);
    match capacity.input.offered {
        None => fill(t.summary_undecided, &[("suggested", &suggested)]),
        Some(offered) if created < offered => fill(
            t.summary_remaining,
            &[
                ("count", &t.count(offered - created)),
                ("offered", &offered.to_string()),
            ],
        ),
        Some(offered) if created == offered => t.summary_complete.to_owned(),
        Some(offered) => fill(
            t.summary_over,
            &[
                ("created", &created.to_string()),
                ("offered", &offered.to_string()),
            ],
        ),
    }
}

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub id: AttrValue,
    pub capacity: SchoolCapacity,
    /// Offers a link to the Capaciteit page.
    #[prop_or_default]
    pub link: bool,
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let texts = use_texts();
    let t = texts.placements();
    let capacity = &props.capacity;
    let counts = &capacity.placements;
    let offered = capacity
        .input
        .offered
        .map_or_else(|| t.summary_not_decided.to_owned(), |n| n.to_string());
    let mut stats = vec![
        ("stat-offered", t.summary_offered, offered),
        (
            "stat-suggested",
            t.summary_suggested,
            capacity.suggestion.suggested.to_string(),
        ),
        ("stat-draft", t.draft, counts.draft.to_string()),
        ("stat-open", t.open, counts.open.to_string()),
        ("stat-proposed", t.proposed, counts.proposed.to_string()),
        ("stat-filled", t.filled, counts.filled.to_string()),
    ];
    if counts.closed > 0 {
        stats.push(("stat-closed", t.closed, counts.closed.to_string()));
    }
    let title_id = format!("{}-title", props.id);
    let link = props.link.then(|| {
        html! { <NavLink to={Route::Capacity} current={false}>{ t.to_capacity }</NavLink> }
    });
    html! {
        <section id={props.id.clone()} class="summary" aria-labelledby={title_id.clone()}>
            <h2 id={title_id}>{ fill(t.summary_title, &[("year", &capacity.school_year.to_string())]) }</h2>
            <dl class="stats">
                { for stats.into_iter().map(|(class, label, value)| html! {
                    <div class={classes!("stat", class)}>
                        <dt>{ label }</dt>
                        <dd>{ value }</dd>
                    </div>
                }) }
            </dl>
            <p class="summary-sentence">
                { summary_sentence(t, capacity) }
                { " " }
                { link.unwrap_or_default() }
            </p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct SummaryLoaderProps {
    pub api: Api,
    pub school_id: Uuid,
    pub year: SchoolYear,
    /// Changes when placements changed, to load the counts again.
    pub version: u32,
    #[prop_or_default]
    pub link: bool,
}

/// Loads a school year's overview and shows it.
#[component]
pub fn SummaryLoader(props: &SummaryLoaderProps) -> Html {
    let state = use_state(|| None::<Result<SchoolCapacity, ApiError>>);
    let retry = use_state(|| 0_u32);
    let latest = use_mut_ref(|| 0_u64);
    {
        let state = state.clone();
        let api = props.api.clone();
        let key = (props.school_id, props.year, props.version, *retry);
        use_effect_with(key, move |&(school_id, year, _, _)| {
            *latest.borrow_mut() += 1;
            let mine = *latest.borrow();
            spawn_local(async move {
                let result = school_capacity(&api, school_id, year).await;
                // Only the answer to the latest question is shown.
                if *latest.borrow() == mine {
                    state.set(Some(result));
                }
            });
        });
    }
    match &*state {
        None => html! { <div id="placement-summary" class="summary"><Loading /></div> },
        Some(Err(error)) => {
            let retry = retry.clone();
            let on_retry = Callback::from(move |()| retry.set(*retry + 1));
            html! {
                <div id="placement-summary" class="summary">
                    <ErrorMessage error={error.clone()} {on_retry} />
                </div>
            }
        }
        Some(Ok(capacity)) => html! {
            <Summary id="placement-summary" capacity={capacity.clone()} link={props.link} />
        },
    }
}

#[cfg(test)]
mod tests {
    use domain::capacity::suggest;
    use domain::contract::{PlacementCounts, SchoolCapacityInput};

    use super::*;
    use crate::i18n::NL;

    fn capacity(offered: Option<u32>, open: u32, closed: u32) -> SchoolCapacity {
        SchoolCapacity {
            school_id: Uuid::nil(),
            school_year: SchoolYear::parse("2026-2027").unwrap_or_else(|e| panic!("{e}")),
            input: SchoolCapacityInput {
                groups: 8,
                groups_with_intern: 2,
                groups_with_starting_teacher: 1,
                teachers: Vec::new(),
                offered,
            },
            suggestion: suggest(8, 2, 1, 4),
            reasoning: String::new(),
            self_reported: Vec::new(),
            placements: PlacementCounts {
                draft: 1,
                open,
                closed,
                ..PlacementCounts::default()
            },
            updated_at: None,
        }
    }

    #[test]
    fn the_sentence_says_how_many_spots_are_still_to_be_created() {
        let t = NL.placements();
        assert_eq!(
            summary_sentence(t, &capacity(Some(4), 1, 3)),
            "Nog 2 plekken aanmaken om op de 4 aangeboden plekken te komen."
        );
        assert_eq!(
            summary_sentence(t, &capacity(Some(2), 1, 0)),
            "Alle aangeboden plekken zijn aangemaakt."
        );
        assert!(summary_sentence(t, &capacity(Some(1), 2, 0)).contains("meer plekken"));
        assert!(summary_sentence(t, &capacity(None, 0, 0)).ends_with("Het voorstel is 4 plekken."));
    }
}
