//! The filters above the placements: school year, school, start moment, day, kind, status and a
//! keyword of the expertise asked for.

use domain::contract::Organisation;
use domain::{PlacementKind, PlacementStatus, SchoolYear, StartMoment, Weekday};
use uuid::Uuid;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::hooks::use_texts;
use domain::contract::PlacementQuery;

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    pub filter: PlacementQuery,
    /// The schools to choose from; no choice is shown for one.
    pub schools: Vec<Organisation>,
    /// Whether "all schools" is a choice.
    pub all_schools: bool,
    pub years: Vec<SchoolYear>,
    pub on_change: Callback<PlacementQuery>,
}

#[component]
pub fn Filters(props: &FiltersProps) -> Html {
    let texts = use_texts();
    let t = texts.placements();
    let expertise = use_state(|| props.filter.expertise.clone().unwrap_or_default());
    let filter = &props.filter;

    // A select changes the filter at once; `change` is a deliberate choice, also by keyboard.
    let select = |update: fn(&mut PlacementQuery, &str)| {
        let (filter, on_change) = (props.filter.clone(), props.on_change.clone());
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = filter.clone();
            update(&mut next, &value);
            on_change.emit(next);
        })
    };
    // The keyword applies when the person presses Enter, clicks Zoeken, or leaves the field.
    let apply_keyword = {
        let (filter, on_change) = (props.filter.clone(), props.on_change.clone());
        let expertise = expertise.clone();
        Callback::from(move |()| {
            if filter.expertise.as_deref().unwrap_or_default() != expertise.trim() {
                on_change.emit(PlacementQuery {
                    expertise: Some(expertise.trim().to_owned()).filter(|e| !e.is_empty()),
                    ..filter.clone()
                });
            }
        })
    };
    let onsubmit = {
        let apply = apply_keyword.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            apply.emit(());
        })
    };
    let onchange_keyword = {
        let apply = apply_keyword.clone();
        Callback::from(move |_: Event| apply.emit(()))
    };
    let oninput_keyword = {
        let expertise = expertise.clone();
        Callback::from(move |event: InputEvent| {
            expertise.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };

    let school_choice = if props.schools.len() > 1 || props.all_schools {
        html! {
            <div class="field">
                <label for="filter-school">{ t.school }</label>
                <select id="filter-school" onchange={select(|f, v| f.school_id = Uuid::parse_str(v).ok())}>
                    if props.all_schools {
                        <option value="" selected={filter.school_id.is_none()}>{ t.all_schools }</option>
                    }
                    { for props.schools.iter().map(|s| html! {
                        <option value={s.id.to_string()} selected={filter.school_id == Some(s.id)}>{ s.name.clone() }</option>
                    }) }
                </select>
            </div>
        }
    } else {
        html! {}
    };

    html! {
        <form id="placement-filters" class="filters" role="search" aria-label={t.filters_title} {onsubmit}>
            { school_choice }
            <div class="field">
                <label for="filter-school-year">{ t.school_year }</label>
                <select id="filter-school-year" onchange={select(|f, v| f.school_year = SchoolYear::parse(v).ok())}>
                    { for props.years.iter().map(|y| html! {
                        <option value={y.to_string()} selected={filter.school_year == Some(*y)}>{ y.to_string() }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="filter-start-moment">{ t.start_moment }</label>
                <select id="filter-start-moment" onchange={select(|f, v| f.start_moment = StartMoment::parse(v).ok())}>
                    <option value="" selected={filter.start_moment.is_none()}>{ t.all_start_moments }</option>
                    { for StartMoment::ALL.iter().map(|m| html! {
                        <option value={m.as_str()} selected={filter.start_moment == Some(*m)}>{ t.start_moment(*m) }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="filter-weekday">{ t.weekday }</label>
                <select id="filter-weekday" onchange={select(|f, v| f.weekday = Weekday::parse(v).ok())}>
                    <option value="" selected={filter.weekday.is_none()}>{ t.all_weekdays }</option>
                    { for Weekday::ALL.iter().map(|w| html! {
                        <option value={w.as_str()} selected={filter.weekday == Some(*w)}>{ t.weekday(*w) }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="filter-kind">{ t.kind }</label>
                <select id="filter-kind" onchange={select(|f, v| f.kind = PlacementKind::parse(v).ok())}>
                    <option value="" selected={filter.kind.is_none()}>{ t.all_kinds }</option>
                    { for PlacementKind::ALL.iter().map(|k| html! {
                        <option value={k.as_str()} selected={filter.kind == Some(*k)}>{ t.kind(*k) }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="filter-status">{ t.status }</label>
                <select id="filter-status" onchange={select(|f, v| f.status = PlacementStatus::parse(v).ok())}>
                    <option value="" selected={filter.status.is_none()}>{ t.all_statuses }</option>
                    { for PlacementStatus::ALL.iter().map(|s| html! {
                        <option value={s.as_str()} selected={filter.status == Some(*s)}>{ t.status(*s) }</option>
                    }) }
                </select>
            </div>
            <div class="field field-keyword">
                <label for="filter-expertise">{ t.expertise }</label>
                <div class="input-with-button">
                    <input id="filter-expertise" type="search" value={(*expertise).clone()}
                        placeholder={t.expertise_filter_hint}
                        oninput={oninput_keyword} onchange={onchange_keyword} />
                    <button type="submit" class="button-secondary">{ t.apply_filters }</button>
                </div>
            </div>
        </form>
    }
}
