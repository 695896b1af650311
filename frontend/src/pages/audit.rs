//! The audit log, for programme admins: who (by name) did what (in words) to what (with a link
//! where the app has a page for it), and when; newest first, with filters by person, kind and
//! period, and logins left out unless asked for.

use domain::contract::{AuditEvent, AuditQuery};
use uuid::Uuid;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::Link;

use crate::api::audit::list_audit_events;
use crate::app::Session;
use crate::components::ListFooter;
use crate::hooks::{use_paged_list, use_texts, use_title};
use crate::i18n::{Texts, fill};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct AuditProps {
    pub session: Session,
}

#[component]
pub fn AuditPage(props: &AuditProps) -> Html {
    let texts = use_texts();
    let a = texts.audit();
    use_title(texts.menu_audit);
    let filter = use_state(|| AuditQuery {
        logins: Some(false),
        ..AuditQuery::default()
    });
    // The name of the person filtered on, to show and to clear.
    let person = use_state(|| None::<String>);
    let list = {
        let (api, current) = (props.session.api.clone(), (*filter).clone());
        use_paged_list((*filter).clone(), move |after| {
            let (api, current) = (api.clone(), current.clone());
            async move { list_audit_events(&api, &current, after).await }
        })
    };
    let set = |change: fn(&mut AuditQuery, String)| {
        let filter = filter.clone();
        Callback::from(move |value: String| {
            let mut next = (*filter).clone();
            change(&mut next, value);
            filter.set(next);
        })
    };
    let on_kind = {
        let set = set(|f, v| f.kind = Some(v).filter(|v| !v.is_empty()));
        Callback::from(move |e: Event| {
            set.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let on_from = {
        let set = set(|f, v| f.from = v.parse().ok());
        Callback::from(move |e: Event| {
            set.emit(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_to = {
        let set = set(|f, v| f.to = v.parse().ok());
        Callback::from(move |e: Event| {
            set.emit(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_logins = {
        let set = set(|f, v| f.logins = (v != "true").then_some(false));
        Callback::from(move |e: Event| {
            set.emit(
                e.target_unchecked_into::<HtmlInputElement>()
                    .checked()
                    .to_string(),
            )
        })
    };
    let on_person = {
        let (filter, person) = (filter.clone(), person.clone());
        Callback::from(move |chosen: Option<(Uuid, String)>| {
            let mut next = (*filter).clone();
            next.actor_id = chosen.as_ref().map(|(id, _)| *id);
            person.set(chosen.map(|(_, name)| name));
            filter.set(next);
        })
    };

    let table = if list.items.is_empty() {
        if list.loading || list.error.is_some() {
            html! {}
        } else {
            html! { <p id="audit-empty" class="message message-info">{ texts.no_audit_events }</p> }
        }
    } else {
        html! {
            <div class="table-wrap" role="region" aria-labelledby="page-title" tabindex="0">
                <table id="audit-events">
                    <thead>
                        <tr>
                            <th scope="col">{ texts.column_at }</th>
                            <th scope="col">{ texts.column_actor }</th>
                            <th scope="col">{ texts.column_action }</th>
                            <th scope="col">{ texts.column_resource }</th>
                            <th scope="col">{ texts.audit().column_reason }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for list.items.iter().map(|event| event_row(texts, event, &on_person)) }
                    </tbody>
                </table>
            </div>
        }
    };
    let clear_person = {
        let on_person = on_person.clone();
        Callback::from(move |_: MouseEvent| on_person.emit(None))
    };

    html! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ texts.menu_audit }</h1>
            <p class="lead">{ texts.audit_intro }</p>
            <div class="filters">
                <div class="field">
                    <label for="audit-kind">{ a.filter_kind }</label>
                    <select id="audit-kind" onchange={on_kind}>
                        <option value="" selected={filter.kind.is_none()}>{ a.all_kinds }</option>
                        { for a.kinds.iter().map(|(kind, label)| html! {
                            <option value={*kind} selected={filter.kind.as_deref() == Some(*kind)}>{ *label }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="audit-from">{ a.filter_from }</label>
                    <input id="audit-from" type="date" onchange={on_from}
                        value={filter.from.map(|d| d.to_string()).unwrap_or_default()} />
                </div>
                <div class="field">
                    <label for="audit-to">{ a.filter_to }</label>
                    <input id="audit-to" type="date" onchange={on_to}
                        value={filter.to.map(|d| d.to_string()).unwrap_or_default()} />
                </div>
                <label class="checkbox" for="audit-logins">
                    <input id="audit-logins" type="checkbox" checked={filter.logins.is_none()} onchange={on_logins} />
                    { a.with_logins }
                </label>
            </div>
            if let Some(name) = (*person).clone() {
                <p id="audit-person" class="message message-info">
                    { fill(a.by_person, &[("name", &name)]) }{ " " }
                    <button type="button" class="button-secondary button-small" onclick={clear_person}>{ a.clear_person }</button>
                </p>
            }
            { table }
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

fn event_row(
    texts: &'static Texts,
    event: &AuditEvent,
    on_person: &Callback<Option<(Uuid, String)>>,
) -> Html {
    let a = texts.audit();
    let who = match (&event.actor_name, event.actor_id) {
        (Some(name), Some(id)) => {
            let on_person = on_person.clone();
            let chosen = (id, name.clone());
            let onclick = Callback::from(move |_: MouseEvent| on_person.emit(Some(chosen.clone())));
            html! {
                <button type="button" class="link-button" {onclick}
                    title={fill(a.only_this_person, &[("name", name)])}>{ name.clone() }</button>
            }
        }
        _ if event.actor_kind == "system" => html! { { a.system } },
        _ => html! { { texts.actor_kind(&event.actor_kind) } },
    };
    let what = a.resource(&event.resource_type);
    let on_what = match (event.resource_type.as_str(), event.resource_id) {
        ("ambassador", Some(id)) => {
            html! { <Link<Route> to={Route::Ambassador { id }}>{ what }</Link<Route>> }
        }
        ("lesson_series", Some(id)) => {
            html! { <Link<Route> to={Route::LessonSeries { id }}>{ what }</Link<Route>> }
        }
        ("placement", Some(_)) => {
            html! { <Link<Route> to={Route::Placements}>{ what }</Link<Route>> }
        }
        ("matching_run", Some(id)) => {
            html! { <Link<Route> to={Route::MatchingRun { id }}>{ what }</Link<Route>> }
        }
        _ => html! { { what } },
    };
    html! {
        <tr key={event.id.to_string()} data-action={event.action.clone()}>
            <td class="nowrap">
                <time datetime={event.at.to_rfc3339()}>{ texts.dates.instant(event.at) }</time>
            </td>
            <td>{ who }</td>
            <td>{ a.action(&event.action) }</td>
            <td>{ on_what }</td>
            <td class="audit-reason">{ event.reason.clone().unwrap_or_default() }</td>
        </tr>
    }
}
