//! The page an ambassador writes a new lesson series on, or edits a draft (or a series whose
//! review asked for changes): it loads what the form starts from, or says why there is no form.

use domain::SchoolType;
use domain::contract::FrameworkSummary;
use domain::lesson_series::LessonSeriesStatus;
use domain::match_lifecycle::MatchStatus;
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::editor::SeriesEditor;
use super::form::{SeriesForm, framework_in_force, may_edit};
use crate::api::lesson_series::{get_lesson_series, list_frameworks};
use crate::api::mine::my_placements;
use crate::api::{Api, ApiError};
use crate::app::Session;
use crate::components::{ErrorMessage, Loading, NavLink};
use crate::hooks::{use_texts, use_title};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct SeriesFormPageProps {
    pub session: Session,
    /// The series to edit; none for a new one.
    #[prop_or_default]
    pub id: Option<Uuid>,
}

/// A school the ambassador may write a series for.
#[derive(Debug, Clone, PartialEq)]
pub struct SchoolChoice {
    pub id: Uuid,
    pub name: String,
    pub school_type: SchoolType,
}

/// What the form starts from.
#[derive(Debug, Clone, PartialEq)]
pub struct Start {
    pub form: SeriesForm,
    /// The series being edited, with its status.
    pub editing: Option<(Uuid, LessonSeriesStatus)>,
    pub schools: Vec<SchoolChoice>,
    pub frameworks: Vec<FrameworkSummary>,
}

/// Loads the series to edit, or the schools the ambassador is placed at for a new one.
async fn load_start(api: &Api, id: Option<Uuid>) -> Result<Start, ApiError> {
    let frameworks = list_frameworks(api).await?;
    if let Some(id) = id {
        let series = get_lesson_series(api, id).await?;
        // A saved series always has a group; its kind says which groups to offer.
        let school_type = series
            .content
            .target_groups
            .first()
            .map_or(SchoolType::Po, |g| g.school_type());
        return Ok(Start {
            form: SeriesForm::from_series(&series),
            editing: Some((id, series.status)),
            schools: vec![SchoolChoice {
                id: series.content.school_id,
                name: series.school_name,
                school_type,
            }],
            frameworks,
        });
    }
    let places = my_placements(api).await?;
    let mut schools: Vec<SchoolChoice> = Vec::new();
    for place in &places.places {
        let placed = matches!(
            place.match_.status,
            MatchStatus::Confirmed | MatchStatus::Active
        );
        let p = &place.placement;
        if placed && !schools.iter().any(|s| s.id == p.school_id) {
            schools.push(SchoolChoice {
                id: p.school_id,
                name: p.school_name.clone(),
                school_type: p.school_type,
            });
        }
    }
    let only = (schools.len() == 1).then(|| schools[0].id);
    let framework = framework_in_force(&frameworks, places.today).unwrap_or_default();
    Ok(Start {
        form: SeriesForm::new(only, &framework),
        editing: None,
        schools,
        frameworks,
    })
}

#[component]
pub fn LessonSeriesFormPage(props: &SeriesFormPageProps) -> Html {
    let texts = use_texts();
    let t = texts.lesson_series();
    let f = &t.form;
    use_title(if props.id.is_some() {
        f.edit_series
    } else {
        f.new_series
    });
    let start = use_state(|| None::<Result<Start, ApiError>>);
    let retry = use_state(|| 0_u32);
    {
        let (api, start, id) = (props.session.api.clone(), start.clone(), props.id);
        use_effect_with((id, *retry), move |_| {
            spawn_local(async move { start.set(Some(load_start(&api, id).await)) });
        });
    }
    let content = match &*start {
        None => html! { <Loading /> },
        Some(Err(error)) => {
            let retry = retry.clone();
            let on_retry = Callback::from(move |()| retry.set(*retry + 1));
            html! { <ErrorMessage error={error.clone()} {on_retry} /> }
        }
        Some(Ok(start)) if start.schools.is_empty() => {
            html! { <p id="series-form-no-school" class="message message-info">{ f.no_school }</p> }
        }
        Some(Ok(Start {
            editing: Some((_, status)),
            ..
        })) if !may_edit(*status) => {
            html! { <p id="series-form-not-editable" class="message message-info">{ f.not_editable }</p> }
        }
        Some(Ok(start)) => html! {
            <SeriesEditor api={props.session.api.clone()} start={start.clone()} />
        },
    };
    let back = match props.id {
        Some(id) => {
            html! { <NavLink to={Route::LessonSeries { id }} current={false}>{ t.form.cancel }</NavLink> }
        }
        None => {
            html! { <NavLink to={Route::MyLessons} current={false}>{ t.back_to_my_lessons }</NavLink> }
        }
    };
    html! {
        <section id="series-form-page" class="page" aria-labelledby="page-title">
            <p class="breadcrumb">{ back }</p>
            <h1 id="page-title">{ if props.id.is_some() { f.edit_series } else { f.new_series } }</h1>
            <p class="lead">{ f.intro }</p>
            { content }
        </section>
    }
}
