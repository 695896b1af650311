//! The organisations a person may see (programme admins: all of them), filterable by kind.

use domain::OrganisationKind;
use domain::contract::Organisation;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::api::organisations::list_organisations;
use crate::app::Session;
use crate::components::ListFooter;
use crate::hooks::{use_paged_list, use_texts, use_title};
use crate::i18n::Texts;

#[derive(Properties, PartialEq)]
pub struct OrganisationsProps {
    pub session: Session,
}

#[component]
pub fn OrganisationsPage(props: &OrganisationsProps) -> Html {
    let texts = use_texts();
    use_title(texts.menu_organisations);
    let kind = use_state(|| None::<OrganisationKind>);
    let list = {
        let api = props.session.api.clone();
        let kind_now = *kind;
        use_paged_list(kind_now, move |after| {
            let api = api.clone();
            async move { list_organisations(&api, kind_now, after).await }
        })
    };

    let onchange = {
        let kind = kind.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            kind.set(OrganisationKind::parse(&value).ok());
        })
    };

    let table = if list.items.is_empty() {
        if list.loading || list.error.is_some() {
            html! {}
        } else {
            html! { <p class="message message-info" id="organisations-empty">{ texts.no_organisations }</p> }
        }
    } else {
        organisation_table(texts, &list.items)
    };

    html! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ texts.menu_organisations }</h1>
            <p class="lead">{ texts.organisations_intro }</p>
            <div class="toolbar">
                <div class="field field-inline">
                    <label for="kind-filter">{ texts.kind_filter_label }</label>
                    <select id="kind-filter" {onchange}>
                        <option value="" selected={kind.is_none()}>{ texts.kind_all }</option>
                        { for OrganisationKind::ALL.iter().map(|k| html! {
                            <option value={k.as_str()} selected={*kind == Some(*k)}>
                                { texts.organisation_kind(*k) }
                            </option>
                        }) }
                    </select>
                </div>
            </div>
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

fn organisation_table(texts: &'static Texts, organisations: &[Organisation]) -> Html {
    html! {
        <div class="table-wrap" role="region" aria-labelledby="page-title" tabindex="0">
            <table id="organisations">
                <thead>
                    <tr>
                        <th scope="col">{ texts.column_name }</th>
                        <th scope="col">{ texts.column_kind }</th>
                        <th scope="col">{ texts.column_school_type }</th>
                        <th scope="col">{ texts.column_region }</th>
                        <th scope="col">{ texts.column_municipality }</th>
                    </tr>
                </thead>
                <tbody>
                    { for organisations.iter().map(|organisation| html! {
                        <tr key={organisation.id.to_string()}>
                            <th scope="row">{ organisation.name.clone() }</th>
                            <td>{ texts.organisation_kind(organisation.kind) }</td>
                            <td>{ organisation.school_type.map_or(texts.not_set, |t| texts.school_type(t)) }</td>
                            <td>{ organisation.region.map_or(texts.not_set, |r| texts.region(r)) }</td>
                            <td>{ organisation.municipality.clone().unwrap_or_else(|| texts.not_set.to_owned()) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
