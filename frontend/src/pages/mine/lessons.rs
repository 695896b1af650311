//! Mijn lessen: the ambassador's own lesson series as cards (they read well on a phone), each
//! with its status, school, groups and next date, opening the series' page, where they edit,
//! submit or revise it, reply to the review and plan an approved series for a group. A new
//! series starts from here ("Nieuwe lessenserie").

use domain::contract::{LessonSeries, LessonSeriesQuery};
use yew::prelude::*;
use yew_router::prelude::Link;

use crate::api::lesson_series::list_lesson_series;
use crate::app::Session;
use crate::components::ListFooter;
use crate::hooks::{use_paged_list, use_texts, use_title};
use crate::pages::lesson_series::{groups_line, series_status};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct MyLessonsProps {
    pub session: Session,
}

#[component]
pub fn MyLessonsPage(props: &MyLessonsProps) -> Html {
    let texts = use_texts();
    let t = texts.lesson_series();
    use_title(t.menu_my_lessons);
    let today = props.session.me.today;
    let list = {
        let api = props.session.api.clone();
        use_paged_list((), move |after| {
            let api = api.clone();
            let query = LessonSeriesQuery::default();
            async move { list_lesson_series(&api, &query, after).await }
        })
    };
    let navigator = yew_router::prelude::use_navigator();
    let new_series = Callback::from(move |_: MouseEvent| {
        if let Some(navigator) = &navigator {
            navigator.push(&Route::NewLessonSeries);
        }
    });
    let card = |series: &LessonSeries| {
        let next = series
            .schedule
            .iter()
            .filter(|l| l.date >= today)
            .min_by_key(|l| (l.date, l.starts_at));
        let id = format!("my-series-{}", series.id);
        html! {
            <li class="card series-card" id={id.clone()} key={series.id.to_string()}>
                <h2 class="card-title">
                    <Link<Route> to={Route::LessonSeries { id: series.id }}>{ series.content.title.clone() }</Link<Route>>
                </h2>
                { series_status(texts, series.status, Some(&format!("{id}-status"))) }
                <p class="card-line">{ format!("{} · {}", series.school_name, groups_line(&series.content.target_groups)) }</p>
                if let Some(lesson) = next {
                    <p class="card-line" id={format!("{id}-next")}>
                        { format!("{}: {} · {}", t.next_lesson, texts.dates.day(lesson.date), lesson.group) }
                    </p>
                }
            </li>
        }
    };
    html! {
        <section id="my-lessons" class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ t.menu_my_lessons }</h1>
            <p class="lead">{ t.my_lessons_intro }</p>
            <p class="page-actions">
                <button id="new-series" type="button" class="button-primary" onclick={new_series}>{ t.form.new_series }</button>
            </p>
            if list.items.is_empty() && !list.loading && list.error.is_none() {
                <p id="my-lessons-empty" class="message message-info">{ t.my_lessons_empty }</p>
            } else {
                <ul class="cards plain-list" id="my-lessons-list">{ for list.items.iter().map(card) }</ul>
            }
            <ListFooter
                loading={list.loading}
                error={list.error.clone()}
                has_items={!list.items.is_empty()}
                has_more={list.next.is_some()}
                on_more={list.load_more.clone()}
            />
            <Library api={props.session.api.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct LibraryProps {
    api: crate::api::Api,
}

/// The library: approved series of other schools, searched by theme and group.
#[component]
fn Library(props: &LibraryProps) -> Html {
    let texts = use_texts();
    let t = texts.lesson_series();
    let theme = use_state(String::new);
    let group = use_state(String::new);
    let found =
        use_state(|| None::<Result<Vec<domain::contract::LibraryEntry>, crate::api::ApiError>>);
    let onsubmit = {
        let (api, theme, group, found) = (
            props.api.clone(),
            theme.clone(),
            group.clone(),
            found.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let (api, theme, group, found) = (
                api.clone(),
                (*theme).clone(),
                (*group).clone(),
                found.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let result =
                    crate::api::lesson_series::search_library(&api, &theme, Some(&group)).await;
                found.set(Some(result.map(|page| page.items)));
            });
        })
    };
    let input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |event: InputEvent| {
            state.set(
                event
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            );
        })
    };
    let results = match &*found {
        None => html! {},
        Some(Err(error)) => {
            html! { <p class="message message-error" role="alert">{ texts.error(error) }</p> }
        }
        Some(Ok(items)) if items.is_empty() => {
            html! { <p id="library-empty" class="muted">{ t.library_empty }</p> }
        }
        Some(Ok(items)) => html! {
            <ul id="library-results" class="plain-list">
                { for items.iter().map(|entry| html! {
                    <li key={entry.id.to_string()}>
                        <strong>{ entry.title.clone() }</strong>
                        { format!(" · {} · {} · {} {}", entry.school_name, groups_line(&entry.target_groups), entry.lessons.len(), t.lessons_title.to_lowercase()) }
                        <p class="muted">{ entry.description.clone() }</p>
                    </li>
                }) }
            </ul>
        },
    };
    html! {
        <section id="library" class="panel" aria-labelledby="library-title">
            <h2 id="library-title">{ t.library_title }</h2>
            <p class="field-hint">{ t.library_intro }</p>
            <form id="library-form" class="filters" novalidate=true {onsubmit}>
                <div class="field">
                    <label for="library-theme">{ t.library_theme }</label>
                    <input id="library-theme" type="search" value={(*theme).clone()} oninput={input(&theme)} />
                </div>
                <div class="field">
                    <label for="library-group">{ t.library_group }</label>
                    <input id="library-group" type="text" placeholder="groep 6" value={(*group).clone()} oninput={input(&group)} />
                </div>
                <button id="library-search" type="submit" class="button-secondary">{ t.library_search }</button>
            </form>
            { results }
        </section>
    }
}
