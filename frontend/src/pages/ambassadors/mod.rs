//! Ambassadeurs: programme staff's list of every ambassador, by intake status, and each one's
//! page with the profile, the intake, the VOG, the documents and the matches.

mod concerns;
mod detail;
mod intake;
mod matches;
mod new;
mod new_applications;
mod vog;

use domain::ambassador::IntakeStatus;
use domain::contract::{AmbassadorListItem, VogValidity};
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

use self::concerns::Concerns;
pub use self::detail::AmbassadorPage;
use self::new::NewAmbassador;
use self::new_applications::NewApplications;
use crate::api::matching::list_ambassadors;
use crate::app::Session;
use crate::components::{ListFooter, NavLink};
use crate::format::today;
use crate::hooks::{use_paged_list, use_texts, use_title};
use crate::i18n::Texts;
use crate::route::Route;

/// An intake status as a coloured label.
pub fn intake_status(texts: &'static Texts, status: IntakeStatus) -> Html {
    html! {
        <span class={classes!("status", "intake-status", format!("status-intake-{}", status.as_str()))}>
            { texts.ambassadors().status(status) }
        </span>
    }
}

/// Whether the latest VOG is valid for po and vo, in words: "po ✓ geldig · vo ✗ niet geldig",
/// or "geen VOG".
pub fn vog_validity_text(texts: &Texts, vog: &VogValidity) -> Vec<String> {
    let t = texts.ambassadors();
    if vog.outcome.is_none() {
        return vec![t.vog_none.to_owned()];
    }
    vec![t.validity(t.vog_po, vog.po), t.validity(t.vog_vo, vog.vo)]
}

#[derive(Properties, PartialEq)]
pub struct AmbassadorsProps {
    pub session: Session,
}

#[component]
pub fn AmbassadorsPage(props: &AmbassadorsProps) -> Html {
    let texts = use_texts();
    let t = texts.ambassadors();
    use_title(t.menu_ambassadors);
    let filter = use_state(|| None::<IntakeStatus>);
    let creating = use_state(|| false);
    let today = *use_memo((), |_| today());
    let list = {
        let (api, status) = (props.session.api.clone(), *filter);
        use_paged_list(status, move |after| {
            let api = api.clone();
            async move { list_ambassadors(&api, status, after).await }
        })
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            filter.set(IntakeStatus::parse(&value).ok());
        })
    };

    let on_new = {
        let creating = creating.clone();
        Callback::from(move |_: MouseEvent| creating.set(true))
    };
    let on_cancel = {
        let creating = creating.clone();
        Callback::from(move |()| creating.set(false))
    };
    let table = if list.items.is_empty() {
        if list.loading || list.error.is_some() {
            html! {}
        } else {
            let empty = if filter.is_some() {
                t.empty_filtered
            } else {
                t.empty
            };
            html! { <p id="ambassadors-empty" class="message message-info">{ empty }</p> }
        }
    } else {
        html! { <AmbassadorTable items={list.items.clone()} /> }
    };

    html! {
        <section id="ambassadors" class="page" aria-labelledby="page-title">
            <div class="page-heading">
                <h1 id="page-title">{ t.menu_ambassadors }</h1>
                <button id="new-ambassador" type="button" class="button-primary" onclick={on_new}
                    aria-expanded={if *creating { "true" } else { "false" }}>
                    { t.new_ambassador }
                </button>
            </div>
            <p class="lead">{ t.intro }</p>
            <NewApplications api={props.session.api.clone()} />
            <crate::pages::privacy_requests::OpenRequestsNotice api={props.session.api.clone()} />
            <Concerns api={props.session.api.clone()} />
            if *creating {
                <NewAmbassador api={props.session.api.clone()} {today} {on_cancel} />
            }
            <div class="filters">
                <div class="field">
                    <label for="ambassador-status-filter">{ t.status_filter }</label>
                    <select id="ambassador-status-filter" onchange={on_filter}>
                        <option value="" selected={filter.is_none()}>{ t.all_statuses }</option>
                        { for IntakeStatus::ALL.iter().map(|s| html! {
                            <option value={s.as_str()} selected={*filter == Some(*s)}>{ t.status(*s) }</option>
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

#[derive(Properties, PartialEq)]
struct AmbassadorTableProps {
    items: Vec<AmbassadorListItem>,
}

#[component]
fn AmbassadorTable(props: &AmbassadorTableProps) -> Html {
    let texts = use_texts();
    let t = texts.ambassadors();
    let navigator = use_navigator();
    html! {
        <div class="table-wrap" role="region" aria-labelledby="ambassador-table-title" tabindex="0">
            <table id="ambassador-table">
                <caption id="ambassador-table-title" class="visually-hidden">{ t.menu_ambassadors }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.column_name }</th>
                        <th scope="col">{ t.column_status }</th>
                        <th scope="col">{ t.column_weekdays }</th>
                        <th scope="col">{ t.column_expertise }</th>
                        <th scope="col">{ t.column_vog }</th>
                    </tr>
                </thead>
                <tbody>
                    { for props.items.iter().map(|a| {
                        let id = a.id;
                        // A click anywhere on the row opens the ambassador; the link in it is
                        // what the keyboard and screen readers use.
                        let onclick = {
                            let navigator = navigator.clone();
                            Callback::from(move |event: MouseEvent| {
                                if let (false, Some(navigator)) = (event.default_prevented(), &navigator) {
                                    navigator.push(&Route::Ambassador { id });
                                }
                            })
                        };
                        let days: Vec<&str> = a.weekdays.iter().map(|w| texts.placements().weekday(*w)).collect();
                        html! {
                            <tr key={id.to_string()} class="ambassador-row" data-ambassador-id={id.to_string()}
                                data-status={a.status.as_str()} {onclick}>
                                <th scope="row">
                                    <NavLink to={Route::Ambassador { id }} current={false}>{ a.name.clone() }</NavLink>
                                    <span class="muted">{ a.email.clone() }</span>
                                </th>
                                <td>{ intake_status(texts, a.status) }</td>
                                <td>{ days.join(", ") }</td>
                                <td>
                                    <ul class="tags">
                                        { for a.expertise.iter().map(|e| html! { <li>{ e.clone() }</li> }) }
                                    </ul>
                                </td>
                                <td class="vog-validity">
                                    { for vog_validity_text(texts, &a.vog).into_iter().map(|line| html! {
                                        <span class="nowrap">{ line }</span>
                                    }) }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use domain::vog::VogOutcome;

    use super::*;
    use crate::i18n::NL;

    #[test]
    fn vog_validity_is_said_in_words_not_only_symbols() {
        let none = VogValidity {
            po: false,
            vo: false,
            issued_on: None,
            outcome: None,
        };
        assert_eq!(vog_validity_text(&NL, &none), ["geen VOG"]);
        let po_only = VogValidity {
            po: true,
            vo: false,
            issued_on: chrono::NaiveDate::from_ymd_opt(2026, 10, 1),
            outcome: Some(VogOutcome::Issued),
        };
        assert_eq!(
            vog_validity_text(&NL, &po_only),
            ["po ✓ geldig", "vo ✗ niet geldig"]
        );
    }
}
