//! The audit log, for programme admins: who did what, and when.

use domain::contract::AuditEvent;
use uuid::Uuid;
use yew::prelude::*;

use crate::api::audit::list_audit_events;
use crate::app::Session;
use crate::components::ListFooter;
use crate::format::{format_instant, short_id};
use crate::hooks::{use_paged_list, use_texts, use_title};
use crate::i18n::Texts;

#[derive(Properties, PartialEq)]
pub struct AuditProps {
    pub session: Session,
}

#[component]
pub fn AuditPage(props: &AuditProps) -> Html {
    let texts = use_texts();
    use_title(texts.menu_audit);
    let list = {
        let api = props.session.api.clone();
        use_paged_list((), move |after| {
            let api = api.clone();
            async move { list_audit_events(&api, after).await }
        })
    };

    let table = if list.items.is_empty() {
        if list.loading || list.error.is_some() {
            html! {}
        } else {
            html! { <p class="message message-info">{ texts.no_audit_events }</p> }
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
                        </tr>
                    </thead>
                    <tbody>
                        { for list.items.iter().map(|event| event_row(texts, event)) }
                    </tbody>
                </table>
            </div>
        }
    };

    html! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ texts.menu_audit }</h1>
            <p class="lead">{ texts.audit_intro }</p>
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

fn event_row(texts: &'static Texts, event: &AuditEvent) -> Html {
    html! {
        <tr key={event.id.to_string()}>
            <td class="nowrap">
                <time datetime={event.at.to_rfc3339()}>{ format_instant(event.at) }</time>
            </td>
            <td>{ texts.actor_kind(&event.actor_kind) }{ " " }{ id_html(event.actor_id) }</td>
            <td><code>{ event.action.clone() }</code></td>
            <td>{ event.resource_type.clone() }{ " " }{ id_html(event.resource_id) }</td>
        </tr>
    }
}

fn id_html(id: Option<Uuid>) -> Html {
    match id {
        Some(id) => html! { <code class="id" title={id.to_string()}>{ short_id(&id) }</code> },
        None => html! {},
    }
}
