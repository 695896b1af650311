//! The privacy officer's pages, for programme staff: the register of processing (AVG art. 30)
//! as the server produces it, with a download to hand over, and the log of who read an
//! ambassador's most sensitive data.

use domain::contract::{
    PrivacyRegister, ProcessingActivityEntry, SensitiveRead, SensitiveReadKind, SensitiveReadQuery,
};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::api::ApiError;
use crate::api::privacy::{list_sensitive_reads, privacy_register, privacy_register_html};
use crate::app::Session;
use crate::components::{ErrorMessage, ListFooter, Loading};
use crate::download::save_text;
use crate::hooks::{use_paged_list, use_texts, use_title};
use crate::i18n::{PrivacyTexts, Texts, fill};
use crate::pages::employers::load::use_loaded;

#[derive(Properties, PartialEq)]
pub struct PrivacyProps {
    pub session: Session,
}

/// Privacyregister: the register, section by section, and its download.
#[component]
pub fn PrivacyRegisterPage(props: &PrivacyProps) -> Html {
    let texts = use_texts();
    let p = texts.privacy();
    use_title(p.menu_register);
    let loaded = {
        let api = props.session.api.clone();
        use_loaded((), move |()| {
            let api = api.clone();
            async move { privacy_register(&api).await }
        })
    };
    let busy = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let message = use_state(|| None::<String>);
    let download = {
        let api = props.session.api.clone();
        let (busy, failure, message) = (busy.clone(), failure.clone(), message.clone());
        let day = match &*loaded.state {
            Some(Ok(register)) => {
                domain::local_date::amsterdam_date(register.generated_at).to_string()
            }
            _ => String::new(),
        };
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            failure.set(None);
            message.set(None);
            let (api, busy, failure, message) =
                (api.clone(), busy.clone(), failure.clone(), message.clone());
            let name = format!("verwerkingsregister-{day}.html");
            spawn_local(async move {
                let saved = privacy_register_html(&api).await.and_then(|html| {
                    save_text(&name, "text/html;charset=utf-8", &html)
                        .map_err(|_| ApiError::Unexpected)
                });
                busy.set(false);
                match saved {
                    Ok(()) => message.set(Some(fill(p.downloaded, &[("file", &name)]))),
                    Err(error) => failure.set(Some(error)),
                }
            });
        })
    };
    let body = match &*loaded.state {
        None => html! { <Loading /> },
        Some(Err(error)) => html! {
            <ErrorMessage error={error.clone()} on_retry={loaded.reload.clone()} />
        },
        Some(Ok(register)) => register_view(texts, register),
    };
    html! {
        <section class="page" aria-labelledby="page-title">
            <div class="page-heading">
                <h1 id="page-title">{ p.menu_register }</h1>
                <button id="privacy-download" type="button" class="button-secondary"
                    onclick={download} aria-busy={(*busy).then_some("true")}
                    disabled={!matches!(&*loaded.state, Some(Ok(_)))}>{ p.download }</button>
            </div>
            <p class="lead">{ p.register_intro }</p>
            if let Some(text) = (*message).clone() {
                <p id="privacy-downloaded" class="message message-success" role="status">{ text }</p>
            }
            if let Some(error) = (*failure).clone() {
                <ErrorMessage {error} />
            }
            { body }
        </section>
    }
}

fn register_view(texts: &'static Texts, register: &PrivacyRegister) -> Html {
    let p = texts.privacy();
    let days = register.retention.personal_days.to_string();
    let years = register.retention.payment_years.to_string();
    let document_days = register.retention.document_days.to_string();
    html! {
        <>
            <section class="privacy-section" aria-labelledby="privacy-periods">
                <h2 id="privacy-periods">{ p.periods }</h2>
                <ul id="privacy-retention">
                    <li>{ fill(p.personal_period, &[("days", &days)]) }</li>
                    <li>{ fill(p.payment_period, &[("years", &years)]) }</li>
                    <li>{ fill(p.document_period, &[("days", &document_days)]) }</li>
                </ul>
            </section>
            <section class="privacy-section" aria-labelledby="privacy-storage">
                <h2 id="privacy-storage">{ p.storage }</h2>
                <p>{ register.storage.description.clone() }</p>
                <p>{ register.storage.email.clone() }</p>
            </section>
            <section class="privacy-section" aria-labelledby="privacy-people">
                <h2 id="privacy-people">{ p.people }</h2>
                <ul id="privacy-people-list">
                    { for register.people.iter().map(|person| html! {
                        <li data-category={person.category.as_str()}>
                            <strong>{ p.person(person.category) }</strong>{ ": " }{ person.description.clone() }
                        </li>
                    }) }
                </ul>
            </section>
            <section class="privacy-section" aria-labelledby="privacy-activities">
                <h2 id="privacy-activities">{ p.activities }</h2>
                <ol class="privacy-activities">
                    { for register.activities.iter().map(|a| activity_card(p, a)) }
                </ol>
            </section>
            <section class="privacy-section" aria-labelledby="privacy-recipients">
                <h2 id="privacy-recipients">{ p.outside_recipients }</h2>
                <ul id="privacy-recipient-list">
                    { for register.recipients.iter().map(|r| {
                        let scope = r.scope.as_ref().map(|scope| fill(p.scope, &[("scope", scope)]));
                        html! {
                            <li data-kind={r.kind.as_str()}>
                                <strong>{ p.recipient(r.kind) }</strong>
                                if let Some(scope) = scope { { " (" }<code>{ scope }</code>{ ")" } }
                                { ": " }{ r.receives.clone() }
                            </li>
                        }
                    }) }
                </ul>
            </section>
            <section class="privacy-section" aria-labelledby="privacy-free">
                <h2 id="privacy-free">{ p.no_personal_data }</h2>
                <p class="privacy-tables">
                    { for register.tables_without_personal_data.iter().map(|t| html! { <><code>{ t.clone() }</code>{ " " }</> }) }
                </p>
            </section>
        </>
    }
}

fn activity_card(p: &'static PrivacyTexts, activity: &ProcessingActivityEntry) -> Html {
    let people: Vec<&str> = activity.people.iter().map(|c| p.person(*c)).collect();
    let recipients = if activity.recipients.is_empty() {
        p.programme_only.to_owned()
    } else {
        activity
            .recipients
            .iter()
            .map(|r| p.recipient(*r))
            .collect::<Vec<_>>()
            .join(", ")
    };
    html! {
        <li class="card" data-activity={activity.key.clone()}>
            <h3 class="card-title">{ activity.name.clone() }</h3>
            <dl class="facts">
                <div class="fact"><dt>{ p.purpose }</dt><dd>{ activity.purpose.clone() }</dd></div>
                <div class="fact"><dt>{ p.legal_basis }</dt><dd>
                    { p.basis(activity.legal_basis) }{ " (" }{ activity.legal_basis_article.clone() }{ "). " }
                    { activity.legal_basis_note.clone() }
                </dd></div>
                <div class="fact"><dt>{ p.whose }</dt><dd>{ people.join(", ") }</dd></div>
                <div class="fact"><dt>{ p.data }</dt><dd>
                    <ul class="privacy-data">
                        { for activity.data.iter().map(|d| html! {
                            <li>
                                <code>{ d.table.clone() }</code>{ ": " }{ d.data.clone() }
                                if d.sensitive { { " " }<em class="privacy-sensitive">{ "(" }{ p.sensitive_mark }{ ")" }</em> }
                            </li>
                        }) }
                    </ul>
                </dd></div>
                <div class="fact"><dt>{ p.retention }</dt><dd class="privacy-retention">{ activity.retention.clone() }</dd></div>
                <div class="fact"><dt>{ p.recipients }</dt><dd>{ recipients }</dd></div>
            </dl>
        </li>
    }
}

/// Inzage gevoelige gegevens: who read whose sensitive data, newest first, by kind and person.
#[component]
pub fn SensitiveReadsPage(props: &PrivacyProps) -> Html {
    let texts = use_texts();
    let p = texts.privacy();
    use_title(p.menu_reads);
    let filter = use_state(SensitiveReadQuery::default);
    let person = use_state(|| None::<String>);
    let list = {
        let (api, current) = (props.session.api.clone(), (*filter).clone());
        use_paged_list((*filter).clone(), move |after| {
            let (api, current) = (api.clone(), current.clone());
            async move { list_sensitive_reads(&api, &current, after).await }
        })
    };
    let on_kind = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = (*filter).clone();
            next.kind = SensitiveReadKind::parse(&value).ok();
            filter.set(next);
        })
    };
    let on_person = {
        let (filter, person) = (filter.clone(), person.clone());
        Callback::from(move |chosen: Option<(Uuid, String)>| {
            let mut next = (*filter).clone();
            next.person_id = chosen.as_ref().map(|(id, _)| *id);
            person.set(chosen.map(|(_, name)| name));
            filter.set(next);
        })
    };
    let clear_person = {
        let on_person = on_person.clone();
        Callback::from(move |_: MouseEvent| on_person.emit(None))
    };
    let table = if list.items.is_empty() {
        if list.loading || list.error.is_some() {
            html! {}
        } else {
            html! { <p id="reads-empty" class="message message-info">{ p.no_reads }</p> }
        }
    } else {
        html! {
            <div class="table-wrap" role="region" aria-labelledby="page-title" tabindex="0">
                <table id="sensitive-reads" class="cards-on-phone">
                    <thead>
                        <tr>
                            <th scope="col">{ texts.column_at }</th>
                            <th scope="col">{ p.column_reader }</th>
                            <th scope="col">{ p.column_kind }</th>
                            <th scope="col">{ p.column_person }</th>
                            <th scope="col">{ p.column_through }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for list.items.iter().map(|read| read_row(texts, read, &on_person)) }
                    </tbody>
                </table>
            </div>
        }
    };
    html! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ p.menu_reads }</h1>
            <p class="lead">{ p.reads_intro }</p>
            <div class="filters">
                <div class="field">
                    <label for="reads-kind">{ p.filter_kind }</label>
                    <select id="reads-kind" onchange={on_kind}>
                        <option value="" selected={filter.kind.is_none()}>{ p.all_kinds }</option>
                        { for p.kinds.iter().map(|(kind, label)| html! {
                            <option value={kind.as_str()} selected={filter.kind == Some(*kind)}>{ *label }</option>
                        }) }
                    </select>
                </div>
            </div>
            if let Some(name) = (*person).clone() {
                <p id="reads-person" class="message message-info">
                    { fill(p.by_person, &[("name", &name)]) }{ " " }
                    <button type="button" class="button-secondary button-small" onclick={clear_person}>{ p.clear_person }</button>
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

fn read_row(
    texts: &'static Texts,
    read: &SensitiveRead,
    on_person: &Callback<Option<(Uuid, String)>>,
) -> Html {
    let p = texts.privacy();
    let reader = read
        .actor_name
        .clone()
        .unwrap_or_else(|| texts.actor_kind(&read.actor_kind));
    let person = match &read.person_name {
        Some(name) => {
            let on_person = on_person.clone();
            let chosen = (read.person_id, name.clone());
            let onclick = Callback::from(move |_: MouseEvent| on_person.emit(Some(chosen.clone())));
            html! {
                <button type="button" class="link-button" {onclick}
                    title={fill(p.only_person, &[("name", name)])}>{ name.clone() }</button>
            }
        }
        None => html! { { p.unknown } },
    };
    html! {
        <tr key={read.id.to_string()} data-kind={read.kind.as_str()}>
            <td class="nowrap" data-label={texts.column_at}>
                <time datetime={read.at.to_rfc3339()}>{ texts.dates.instant(read.at) }</time>
            </td>
            <td data-label={p.column_reader}>{ reader }</td>
            <td data-label={p.column_kind}>{ p.kind(read.kind) }</td>
            <td data-label={p.column_person}>{ person }</td>
            <td data-label={p.column_through}>{ p.resource(&read.resource_type) }</td>
        </tr>
    }
}
