//! Matching: programme staff start a matching run for a school year and start moment, look at
//! its proposals and propose them to schools one by one.

pub mod parts;
mod run;

use chrono::NaiveDate;
use domain::contract::{MatchingRunInput, MatchingRunListItem};
use domain::{SchoolYear, StartMoment};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

pub use self::run::RunPage;
use crate::api::ApiError;
use crate::api::matching::{list_runs, start_run};
use crate::app::Session;
use crate::components::{ListFooter, NavLink};
use crate::format::today;
use crate::hooks::{use_paged_list, use_texts, use_title};
use crate::i18n::{Texts, fill};
use crate::route::Route;

/// The school years a run can be for (this one and the next, and the one of the coming start
/// moment), and the coming start moment as the choice to start with.
pub fn run_choices(today: NaiveDate) -> (Vec<SchoolYear>, (SchoolYear, StartMoment)) {
    let current = SchoolYear::containing(today);
    let coming = StartMoment::next_after(today);
    let mut years = vec![current, current.next(), coming.0];
    years.sort();
    years.dedup();
    (years, coming)
}

/// "februari 2026-2027".
pub fn run_for(texts: &Texts, year: SchoolYear, moment: StartMoment) -> String {
    format!("{} {year}", texts.placements().start_moment(moment))
}

#[derive(Properties, PartialEq)]
pub struct MatchingProps {
    pub session: Session,
}

#[component]
pub fn MatchingPage(props: &MatchingProps) -> Html {
    let texts = use_texts();
    let t = texts.matching();
    use_title(t.menu_matching);
    let api = props.session.api.clone();
    let navigator = use_navigator();
    let today = *use_memo((), |_| today());
    let (years, coming) = run_choices(today);
    let choice = use_state(|| coming);
    let starting = use_state(|| false);
    let error = use_state(|| None::<ApiError>);

    let runs = {
        let api = api.clone();
        use_paged_list((), move |after| {
            let api = api.clone();
            async move { list_runs(&api, after).await }
        })
    };

    let on_year = {
        let choice = choice.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(year) = SchoolYear::parse(&value) {
                choice.set((year, choice.1));
            }
        })
    };
    let on_moment = {
        let choice = choice.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(moment) = StartMoment::parse(&value) {
                choice.set((choice.0, moment));
            }
        })
    };
    let onsubmit = {
        let (choice, starting, error) = (choice.clone(), starting.clone(), error.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *starting {
                return;
            }
            starting.set(true);
            error.set(None);
            let input = MatchingRunInput {
                school_year: choice.0,
                start_moment: choice.1,
            };
            let (api, navigator) = (api.clone(), navigator.clone());
            let (starting, error) = (starting.clone(), error.clone());
            spawn_local(async move {
                match start_run(&api, &input).await {
                    Ok(run) => {
                        if let Some(navigator) = navigator {
                            navigator.push(&Route::MatchingRun { id: run.id });
                        }
                    }
                    Err(failure) => {
                        starting.set(false);
                        error.set(Some(failure));
                    }
                }
            });
        })
    };

    let failure = error.as_ref().map(|error| {
        html! {
            <p id="run-error" class="message message-error form-error" role="alert">
                { t.error(texts, error) }
            </p>
        }
    });
    let list = if runs.items.is_empty() {
        if runs.loading || runs.error.is_some() {
            html! {}
        } else {
            html! { <p id="runs-empty" class="message message-info">{ t.runs_empty }</p> }
        }
    } else {
        run_table(texts, &runs.items)
    };

    html! {
        <section id="matching" class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ t.menu_matching }</h1>
            <p class="lead">{ t.runs_intro }</p>
            <form id="run-form" class="panel run-form" aria-labelledby="run-form-title" novalidate=true {onsubmit}>
                <h2 id="run-form-title">{ t.run_form_title }</h2>
                <div class="run-form-fields">
                    <div class="field">
                        <label for="run-school-year">{ t.school_year }</label>
                        <select id="run-school-year" onchange={on_year}>
                            { for years.iter().map(|y| html! {
                                <option value={y.to_string()} selected={*y == choice.0}>{ y.to_string() }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="run-start-moment">{ t.start_moment }</label>
                        <select id="run-start-moment" onchange={on_moment}>
                            { for StartMoment::ALL.iter().map(|m| html! {
                                <option value={m.as_str()} selected={*m == choice.1}>
                                    { texts.placements().start_moment(*m) }
                                </option>
                            }) }
                        </select>
                    </div>
                    <button id="run-start" type="submit" class="button-primary"
                        aria-busy={starting.then_some("true")} disabled={*starting}>
                        { if *starting { t.starting_run } else { t.start_run } }
                    </button>
                </div>
                { failure.unwrap_or_default() }
            </form>
            <section id="run-list" class="runs" aria-labelledby="runs-title">
                <h2 id="runs-title">{ t.runs_title }</h2>
                { list }
                <ListFooter
                    loading={runs.loading}
                    error={runs.error.clone()}
                    has_items={!runs.items.is_empty()}
                    has_more={runs.next.is_some()}
                    on_more={runs.load_more.clone()}
                />
            </section>
        </section>
    }
}

fn run_table(texts: &'static Texts, runs: &[MatchingRunListItem]) -> Html {
    let t = texts.matching();
    html! {
        <div class="table-wrap" role="region" aria-labelledby="runs-title" tabindex="0">
            <table id="run-table">
                <thead>
                    <tr>
                        <th scope="col">{ t.column_for }</th>
                        <th scope="col">{ t.column_started }</th>
                        <th scope="col">{ t.column_by }</th>
                        <th scope="col" class="numeric">{ t.column_proposals }</th>
                        <th scope="col" class="numeric">{ t.column_left_over }</th>
                        <th scope="col" class="numeric">{ t.column_total_score }</th>
                    </tr>
                </thead>
                <tbody>
                    { for runs.iter().map(|run| html! {
                        <tr key={run.id.to_string()} class="run-row" data-run-id={run.id.to_string()}>
                            <th scope="row">
                                <NavLink to={Route::MatchingRun { id: run.id }} current={false}>
                                    { fill(t.run_title, &[
                                        ("moment", texts.placements().start_moment(run.start_moment)),
                                        ("year", &run.school_year.to_string()),
                                    ]) }
                                </NavLink>
                            </th>
                            <td class="nowrap">{ texts.dates.instant(run.created_at) }</td>
                            <td>{ run.created_by_name.clone() }</td>
                            <td class="numeric">{ run.proposals }</td>
                            <td class="numeric">{ run.left_over }</td>
                            <td class="numeric">{ run.total_score }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn a_run_is_for_this_school_year_or_the_next_starting_at_the_coming_moment() {
        let (years, coming) = run_choices(d(2026, 11, 22));
        let years: Vec<String> = years.iter().map(ToString::to_string).collect();
        assert_eq!(years, ["2026-2027", "2027-2028"]);
        assert_eq!(coming.0.to_string(), "2026-2027");
        assert_eq!(coming.1, StartMoment::February);
    }

    #[test]
    fn in_spring_the_coming_moment_is_next_september() {
        let (years, coming) = run_choices(d(2027, 3, 10));
        assert_eq!(years.len(), 2);
        assert_eq!(
            coming,
            (
                SchoolYear::containing(d(2027, 3, 10)).next(),
                StartMoment::September
            )
        );
        assert_eq!(
            run_for(&crate::i18n::NL, coming.0, coming.1),
            "september 2027-2028"
        );
    }
}
