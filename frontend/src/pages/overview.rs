//! The home page: who is logged in, what waits for them, and their roles with their
//! organisations.

use domain::OrganisationKind;
use domain::contract::Membership;
use yew::prelude::*;

use crate::app::Session;
use crate::hooks::{use_texts, use_title};
use crate::menu::primary_membership;
use crate::pages::waiting::{WaitingLines, WaitingPanel};

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub session: Session,
    /// What waits, as the running bundle looks for it.
    pub waiting: WaitingLines,
}

#[component]
pub fn OverviewPage(props: &OverviewProps) -> Html {
    // Someone who is only an ambassador starts at Mijn plek.
    if crate::menu::only_ambassador(&props.session.me) {
        return html! { <yew_router::prelude::Redirect<crate::route::Route> to={crate::route::Route::MyPlace} /> };
    }
    let texts = use_texts();
    use_title(texts.menu_overview);
    let me = &props.session.me;
    let primary = primary_membership(me);

    let memberships = if me.memberships.is_empty() {
        html! { <p class="message message-info">{ texts.no_memberships }</p> }
    } else {
        html! {
            <ul class="cards">
                { for me.memberships.iter().map(|membership| {
                    let is_primary = primary.is_some_and(|p| std::ptr::eq(p, membership));
                    html! { <MembershipCard membership={membership.clone()} primary={is_primary} /> }
                }) }
            </ul>
        }
    };

    html! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ texts.welcome }<span id="user-name">{ me.name.clone() }</span></h1>
            <WaitingPanel session={props.session.clone()} lines={props.waiting} />
            <h2>{ texts.your_roles }</h2>
            { memberships }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct MembershipCardProps {
    membership: Membership,
    /// The primary membership carries the ids that tests and assistive tools can rely on.
    primary: bool,
}

#[component]
fn MembershipCard(props: &MembershipCardProps) -> Html {
    let texts = use_texts();
    let Membership { role, organisation } = &props.membership;
    let id = |name: &'static str| props.primary.then_some(name);

    let mut facts = vec![(
        texts.column_kind,
        texts.organisation_kind(organisation.kind).to_owned(),
    )];
    if organisation.kind == OrganisationKind::School {
        let school_type = organisation.school_type.map(|t| texts.school_type(t));
        let region = organisation.region.map(|r| texts.region(r));
        facts.push((
            texts.school_type_label,
            school_type.unwrap_or(texts.not_set).to_owned(),
        ));
        facts.push((
            texts.region_label,
            region.unwrap_or(texts.not_set).to_owned(),
        ));
        facts.push((
            texts.municipality_label,
            organisation
                .municipality
                .clone()
                .unwrap_or_else(|| texts.not_set.to_owned()),
        ));
    }

    html! {
        <li class={classes!("card", props.primary.then_some("card-primary"))}>
            <h3 class="card-title" id={id("user-organisation")}>{ organisation.name.clone() }</h3>
            <p class="card-role">
                <span class="visually-hidden">{ texts.role_label }{ ": " }</span>
                <span id={id("user-role")}>{ texts.role(*role) }</span>
            </p>
            <dl class="facts">
                { for facts.into_iter().map(|(label, value)| html! {
                    <div class="fact">
                        <dt>{ label }</dt>
                        <dd>{ value }</dd>
                    </div>
                }) }
            </dl>
        </li>
    }
}
