//! Capaciteit: how many spots a school offers in a school year. The director records groups,
//! interns, starting teachers and the teachers who opted in; Klasbrug suggests a number with its
//! reasoning; the director decides. Coordinators look.

mod editor;
pub mod form;

use domain::contract::{Organisation, SchoolCapacity};
use domain::{SchoolYear, StartMoment};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use self::editor::CapacityEditor;
use crate::api::ApiError;
use crate::api::placements::school_capacity;
use crate::app::Session;
use crate::components::{ErrorMessage, Loading};
use crate::format::today;
use crate::hooks::{use_texts, use_title};
use crate::menu::{manages_school, school_memberships};
use crate::pages::placements::school_years_around;

#[derive(Properties, PartialEq)]
pub struct CapacityProps {
    pub session: Session,
}

#[component]
pub fn CapacityPage(props: &CapacityProps) -> Html {
    let texts = use_texts();
    let t = texts.capacity();
    use_title(texts.menu_capacity);
    let today = *use_memo((), |_| today());
    let schools = school_memberships(&props.session.me);
    let school = use_state(|| schools.first().map(|s| s.id));
    let year = use_state(|| StartMoment::next_after(today).0);
    let retry = use_state(|| 0_u32);
    let loaded = use_state(|| None::<Result<SchoolCapacity, ApiError>>);
    let latest = use_mut_ref(|| 0_u64);
    {
        let (api, loaded) = (props.session.api.clone(), loaded.clone());
        use_effect_with((*school, *year, *retry), move |&(school, year, _)| {
            *latest.borrow_mut() += 1;
            let mine = *latest.borrow();
            loaded.set(None);
            if let Some(school) = school {
                spawn_local(async move {
                    let result = school_capacity(&api, school, year).await;
                    if *latest.borrow() == mine {
                        loaded.set(Some(result));
                    }
                });
            }
        });
    }

    let on_school = {
        let school = school.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            school.set(Uuid::parse_str(&value).ok());
        })
    };
    let on_year = {
        let year = year.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(value) = SchoolYear::parse(&value) {
                year.set(value);
            }
        })
    };

    let may_edit = school.is_some_and(|id| manages_school(&props.session.me, id));
    let content = match &*loaded {
        None => html! { <Loading /> },
        Some(Err(error)) => {
            let retry = retry.clone();
            let on_retry = Callback::from(move |()| retry.set(*retry + 1));
            html! { <ErrorMessage error={error.clone()} {on_retry} /> }
        }
        Some(Ok(capacity)) => html! {
            <CapacityEditor key={format!("{}-{}", capacity.school_id, capacity.school_year)}
                api={props.session.api.clone()} capacity={capacity.clone()} {may_edit} />
        },
    };
    let school_choice = if schools.len() > 1 {
        html! {
            <div class="field">
                <label for="cap-school">{ texts.placements().school }</label>
                <select id="cap-school" onchange={on_school}>
                    { for schools.iter().map(|s: &Organisation| html! {
                        <option value={s.id.to_string()} selected={*school == Some(s.id)}>{ s.name.clone() }</option>
                    }) }
                </select>
            </div>
        }
    } else {
        html! {}
    };

    html! {
        <section id="capacity" class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ texts.menu_capacity }</h1>
            <p class="lead">{ if may_edit { t.intro } else { t.intro_read_only } }</p>
            <div class="filters">
                { school_choice }
                <div class="field">
                    <label for="cap-school-year">{ texts.placements().school_year }</label>
                    <select id="cap-school-year" onchange={on_year}>
                        { for school_years_around(today, Some(*year)).into_iter().map(|y| html! {
                            <option value={y.to_string()} selected={y == *year}>{ y.to_string() }</option>
                        }) }
                    </select>
                </div>
            </div>
            { content }
        </section>
    }
}
