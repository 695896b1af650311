//! The list of lesson series, by status. A coordinator starts on the series waiting for their
//! review; everyone can look at all.

use domain::Role;
use domain::contract::{LessonSeries, LessonSeriesQuery};
use domain::lesson_series::LessonSeriesStatus;
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

use super::{groups_line, series_status};
use crate::api::lesson_series::list_lesson_series;
use crate::app::Session;
use crate::components::{ListFooter, NavLink};
use crate::hooks::{use_paged_list, use_texts, use_title};
use crate::route::Route;

/// The status a person's list opens on: a coordinator's review queue, everyone else's all.
pub fn default_status(roles: impl IntoIterator<Item = Role>) -> Option<LessonSeriesStatus> {
    roles
        .into_iter()
        .any(|role| role == Role::Coordinator)
        .then_some(LessonSeriesStatus::Submitted)
}

#[derive(Properties, PartialEq)]
pub struct LessonSeriesListProps {
    pub session: Session,
}

#[component]
pub fn LessonSeriesListPage(props: &LessonSeriesListProps) -> Html {
    let texts = use_texts();
    let t = texts.lesson_series();
    use_title(t.menu_lesson_series);
    let filter = {
        let roles: Vec<Role> = props
            .session
            .me
            .memberships
            .iter()
            .map(|m| m.role)
            .collect();
        use_state(move || default_status(roles))
    };
    let list = {
        let (api, status) = (props.session.api.clone(), *filter);
        use_paged_list(status, move |after| {
            let api = api.clone();
            let query = LessonSeriesQuery {
                school_id: None,
                status,
            };
            async move { list_lesson_series(&api, &query, after).await }
        })
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            filter.set(LessonSeriesStatus::parse(&value).ok());
        })
    };

    let content = if list.items.is_empty() {
        if list.loading || list.error.is_some() {
            html! {}
        } else {
            let empty = if filter.is_some() {
                t.empty_filtered
            } else {
                t.empty
            };
            html! { <p id="series-empty" class="message message-info">{ empty }</p> }
        }
    } else {
        html! {
            <ul id="series-list" class="cards series-list">
                { for list.items.iter().map(|series| html! {
                    <SeriesRow key={series.id.to_string()} series={series.clone()} />
                }) }
            </ul>
        }
    };

    html! {
        <section id="lesson-series" class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ t.menu_lesson_series }</h1>
            <p class="lead">{ t.intro }</p>
            <div class="filters">
                <div class="field">
                    <label for="series-status-filter">{ t.status_filter }</label>
                    <select id="series-status-filter" onchange={on_filter}>
                        <option value="" selected={filter.is_none()}>{ t.all_statuses }</option>
                        { for LessonSeriesStatus::ALL.iter().map(|s| html! {
                            <option value={s.as_str()} selected={*filter == Some(*s)}>{ t.status(*s) }</option>
                        }) }
                    </select>
                </div>
            </div>
            { content }
            <ListFooter
                loading={list.loading}
                error={list.error.clone()}
                has_items={!list.items.is_empty()}
                has_more={list.next.is_some()}
                on_more={list.load_more.clone()}
            />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SeriesRowProps {
    series: LessonSeries,
}

/// One series in the list. A click anywhere on it opens the series; the link in its title is
/// what the keyboard and screen readers use.
#[component]
fn SeriesRow(props: &SeriesRowProps) -> Html {
    let texts = use_texts();
    let t = texts.lesson_series();
    let navigator = use_navigator();
    let series = &props.series;
    let id = series.id;
    let onclick = Callback::from(move |event: MouseEvent| {
        if let (false, Some(navigator)) = (event.default_prevented(), &navigator) {
            navigator.push(&Route::LessonSeries { id });
        }
    });
    let facts = [
        (t.school, series.school_name.clone()),
        (t.ambassador, series.ambassador_name.clone()),
        (t.groups, groups_line(&series.content.target_groups)),
    ];
    html! {
        <li id={format!("series-row-{id}")} class="card series-row" data-id={id.to_string()}
            data-status={series.status.as_str()} {onclick}>
            <div class="card-head">
                <h2 class="series-title">
                    <NavLink to={Route::LessonSeries { id }} current={false}>{ series.content.title.clone() }</NavLink>
                </h2>
                { series_status(texts, series.status, None) }
            </div>
            <dl class="facts">
                { for facts.into_iter().map(|(label, value)| html! {
                    <div class="fact">
                        <dt>{ label }</dt>
                        <dd>{ value }</dd>
                    </div>
                }) }
            </dl>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_coordinator_starts_on_the_review_queue_and_others_on_everything() {
        assert_eq!(
            default_status([Role::SchoolDirector, Role::Coordinator]),
            Some(LessonSeriesStatus::Submitted)
        );
        assert_eq!(default_status([Role::SchoolDirector]), None);
        assert_eq!(default_status([Role::ProgrammeAdmin]), None);
    }
}
