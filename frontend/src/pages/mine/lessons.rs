//! Mijn lessen: the ambassador's own lesson series as cards (they read well on a phone), each
//! with its status, school, groups and next date, opening the series' page, where they submit or
//! revise it, reply to the review and plan an approved series for a group.

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
    let t = &texts.lesson_series;
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
                        { format!("{}: {} · {}", t.next_lesson, t.day(lesson.date), lesson.group) }
                    </p>
                }
            </li>
        }
    };
    html! {
        <section id="my-lessons" class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ t.menu_my_lessons }</h1>
            <p class="lead">{ t.my_lessons_intro }</p>
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
        </section>
    }
}
