//! Mijn klas: a teacher says per school year whether they want to work with an ambassador (for
//! which groups, on which days), and sees the ambassadors in their groups and the lessons
//! planned for those groups.

use domain::Weekday;
use domain::contract::{MyClass, OptInInput};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::Api;
use crate::api::team::{answer, my_classes};
use crate::app::Session;
use crate::components::{ErrorMessage, FormField, Loading, StatusMessage, described_by};
use crate::hooks::{focus_id, use_texts, use_title};
use crate::i18n::fill;
use crate::pages::mine::{Loaded, use_load};
use crate::pages::placements::form::split_list;

#[derive(Properties, PartialEq)]
pub struct MyClassProps {
    pub session: Session,
}

#[component]
pub fn MyClassPage(props: &MyClassProps) -> Html {
    let texts = use_texts();
    let t = texts.team();
    use_title(t.menu_class);
    let load = use_load(props.session.api.clone(), |api: Api| async move {
        my_classes(&api).await
    });
    let content = match &load.state {
        Loaded::Loading => html! { <Loading /> },
        Loaded::Failed(error) => {
            let reload = load.reload.clone();
            html! { <ErrorMessage error={error.clone()} on_retry={reload} /> }
        }
        Loaded::Ready(mine) if mine.classes.is_empty() => {
            html! { <p id="no-class" class="message message-info">{ t.no_class }</p> }
        }
        Loaded::Ready(mine) => html! {
            { for mine.classes.iter().map(|class| html! {
                <ClassCard key={class.school_id.to_string()} api={props.session.api.clone()} class={class.clone()} />
            }) }
        },
    };
    html! {
        <section id="my-class" class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ t.menu_class }</h1>
            <p class="lead">{ t.class_intro }</p>
            { content }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ClassCardProps {
    api: Api,
    class: MyClass,
}

#[component]
fn ClassCard(props: &ClassCardProps) -> Html {
    let texts = use_texts();
    let t = texts.team();
    let p = texts.placements();
    let class = &props.class;
    let answer_now = class.opt_in.clone();
    let opted_in = use_state(|| answer_now.as_ref().map(|a| a.opted_in));
    let groups = use_state(|| {
        answer_now
            .as_ref()
            .map(|a| a.groups.join(", "))
            .unwrap_or_default()
    });
    let weekdays = use_state(|| answer_now.map(|a| a.weekdays).unwrap_or_default());
    let groups_error = use_state(|| false);
    let message = use_state(|| None::<&'static str>);
    let failure = use_state(|| None::<crate::api::ApiError>);
    let saving = use_state(|| false);
    let school = class.school_id;
    let year = class.school_year;

    let onsubmit = {
        let api = props.api.clone();
        let (opted_in, groups, weekdays) = (opted_in.clone(), groups.clone(), weekdays.clone());
        let (groups_error, message, failure, saving) = (
            groups_error.clone(),
            message.clone(),
            failure.clone(),
            saving.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(yes) = *opted_in else {
                focus_id("class-yes");
                return;
            };
            let input = OptInInput {
                opted_in: yes,
                groups: split_list(&groups),
                weekdays: (*weekdays).clone(),
            };
            if input.validate().is_err() {
                groups_error.set(true);
                focus_id("class-groups");
                return;
            }
            groups_error.set(false);
            failure.set(None);
            saving.set(true);
            let (api, message, failure, saving) = (
                api.clone(),
                message.clone(),
                failure.clone(),
                saving.clone(),
            );
            spawn_local(async move {
                let result = answer(&api, school, year, &input).await;
                saving.set(false);
                match result {
                    Ok(_) => {
                        message.set(Some(t.saved_done));
                        focus_id("class-message");
                    }
                    Err(error) => failure.set(Some(error)),
                }
            });
        })
    };
    let choice = |id: &'static str, label: &'static str, value: bool| {
        let checked = *opted_in == Some(value);
        let opted_in = opted_in.clone();
        let onchange = Callback::from(move |_: Event| opted_in.set(Some(value)));
        html! {
            <label class="checkbox" for={id}>
                <input {id} type="radio" name="class-opt-in" {checked} {onchange} />
                { label }
            </label>
        }
    };
    let days = Weekday::ALL.iter().map(|day| {
        let day = *day;
        let id = format!("class-weekday-{}", day.as_str());
        let checked = weekdays.contains(&day);
        let weekdays = weekdays.clone();
        let onchange = Callback::from(move |event: Event| {
            let on = event.target_unchecked_into::<HtmlInputElement>().checked();
            let mut next: Vec<Weekday> =
                (*weekdays).iter().copied().filter(|w| *w != day).collect();
            if on {
                next.push(day);
                next.sort();
            }
            weekdays.set(next);
        });
        html! {
            <label class="checkbox" for={id.clone()}>
                <input {id} type="checkbox" {checked} {onchange} />
                { p.weekday(day) }
            </label>
        }
    });
    let on_groups = {
        let groups = groups.clone();
        Callback::from(move |event: InputEvent| {
            groups.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let groups_message = groups_error.then(|| AttrValue::from(t.msg_groups));

    html! {
        <article class="card class-card" aria-labelledby={format!("class-{school}")}>
            <h2 id={format!("class-{school}")}>{ class.school_name.clone() }</h2>
            <StatusMessage id="class-message" message={message.map(AttrValue::from)} />
            <form id="class-form" class="form" novalidate=true {onsubmit}>
                <fieldset class="form-section">
                    <legend>{ fill(t.question, &[("year", &year.to_string())]) }</legend>
                    { choice("class-yes", t.yes, true) }
                    { choice("class-no", t.no, false) }
                </fieldset>
                <FormField id="class-groups" label={t.groups} hint={Some(AttrValue::from(t.groups_hint))} error={groups_message.clone()}>
                    <input id="class-groups" type="text" value={(*groups).clone()} oninput={on_groups}
                        aria-invalid={groups_message.is_some().then_some("true")}
                        aria-describedby={described_by("class-groups", true, groups_message.is_some())} />
                </FormField>
                <fieldset class="weekdays">
                    <legend>{ t.weekdays }</legend>
                    { for days }
                </fieldset>
                if let Some(error) = (*failure).clone() {
                    <p class="message message-error" role="alert">{ texts.error(&error) }</p>
                }
                <button id="class-save" type="submit" class="button-primary" disabled={*saving}>{ t.save }</button>
            </form>
            <section aria-labelledby="class-ambassadors-title">
                <h3 id="class-ambassadors-title">{ t.ambassadors_title }</h3>
                if class.ambassadors.is_empty() {
                    <p class="muted">{ t.no_ambassadors }</p>
                } else {
                    <ul id="class-ambassadors" class="plain-list">
                        { for class.ambassadors.iter().map(|a| html! {
                            <li>
                                <strong>{ a.name.clone() }</strong>
                                { format!(" · {} {}–{}{}", p.weekday(a.weekday), a.starts_at.format("%H:%M"), a.ends_at.format("%H:%M"),
                                    a.group.as_ref().map(|g| format!(" · {g}")).unwrap_or_default()) }
                                <ConcernForm api={props.api.clone()} match_id={a.match_id} />
                            </li>
                        }) }
                    </ul>
                }
            </section>
            <section aria-labelledby="class-lessons-title">
                <h3 id="class-lessons-title">{ t.lessons_title }</h3>
                if class.lessons.is_empty() {
                    <p class="muted">{ t.no_lessons }</p>
                } else {
                    <ul id="class-lessons" class="plain-list">
                        { for class.lessons.iter().map(|l| html! {
                            <li>
                                <strong>{ texts.dates.day(l.date) }</strong>
                                { format!(" {} · {} · {}: {} · {}", l.starts_at.format("%H:%M"), l.group, l.series_title, l.lesson_title, l.ambassador_name) }
                            </li>
                        }) }
                    </ul>
                }
            </section>
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct ConcernFormProps {
    api: Api,
    match_id: uuid::Uuid,
}

/// A concern about an ambassador in the teacher's group: the school's coordinator and the
/// programme read it.
#[component]
fn ConcernForm(props: &ConcernFormProps) -> Html {
    let texts = use_texts();
    let m = texts.mine();
    let text = use_state(String::new);
    let missing = use_state(|| false);
    let sent = use_state(|| false);
    let failure = use_state(|| None::<crate::api::ApiError>);
    let id = format!("class-concern-{}", props.match_id);
    if *sent {
        return html! { <p class="message message-success" role="status">{ m.concern_sent }</p> };
    }
    let onsubmit = {
        let (api, match_id) = (props.api.clone(), props.match_id);
        let (text, missing, sent, failure, id) = (
            text.clone(),
            missing.clone(),
            sent.clone(),
            failure.clone(),
            id.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let said = text.trim().to_owned();
            if said.is_empty() {
                missing.set(true);
                focus_id(&id);
                return;
            }
            missing.set(false);
            let (api, sent, failure) = (api.clone(), sent.clone(), failure.clone());
            spawn_local(async move {
                match crate::api::mine::report_concern(&api, match_id, said).await {
                    Ok(_) => sent.set(true),
                    Err(error) => failure.set(Some(error)),
                }
            });
        })
    };
    let oninput = {
        let text = text.clone();
        Callback::from(move |event: InputEvent| {
            text.set(
                event
                    .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                    .value(),
            );
        })
    };
    let error = missing.then(|| AttrValue::from(m.concern_required));
    html! {
        <details class="class-concern">
            <summary>{ m.concern }</summary>
            <form class="form" novalidate=true {onsubmit}>
                <FormField id={id.clone()} label={m.concern_text} error={error.clone()}>
                    <textarea id={id.clone()} rows="3" maxlength="2000" value={(*text).clone()} {oninput}
                        aria-invalid={error.is_some().then_some("true")}
                        aria-describedby={described_by(&id, false, error.is_some())} />
                </FormField>
                if let Some(error) = (*failure).clone() {
                    <p class="message message-error" role="alert">{ texts.error(&error) }</p>
                }
                <button type="submit" class="button-secondary">{ m.concern_submit }</button>
            </form>
        </details>
    }
}
