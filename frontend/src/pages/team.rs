//! A school director's team: the people with a role at the schools they direct.

use domain::contract::{Member, Organisation};
use uuid::Uuid;
use yew::prelude::*;

use crate::api::Api;
use crate::api::organisations::list_members;
use crate::app::Session;
use crate::components::ListFooter;
use crate::hooks::{use_paged_list, use_texts, use_title};
use crate::menu::directed_schools;

#[derive(Properties, PartialEq)]
pub struct TeamProps {
    pub session: Session,
}

#[component]
pub fn TeamPage(props: &TeamProps) -> Html {
    let texts = use_texts();
    use_title(texts.menu_team);
    let schools: Vec<Organisation> = directed_schools(&props.session.me)
        .into_iter()
        .cloned()
        .collect();
    html! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{ texts.menu_team }</h1>
            <p class="lead">{ texts.team_intro }</p>
            { for schools.into_iter().map(|school| {
                let key = school.id.to_string();
                html! { <SchoolTeam {key} api={props.session.api.clone()} {school} /> }
            }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SchoolTeamProps {
    api: Api,
    school: Organisation,
}

#[component]
fn SchoolTeam(props: &SchoolTeamProps) -> Html {
    let texts = use_texts();
    let school_id: Uuid = props.school.id;
    let list = {
        let api = props.api.clone();
        use_paged_list(school_id, move |after| {
            let api = api.clone();
            async move { list_members(&api, school_id, after).await }
        })
    };
    let heading_id = format!("team-{school_id}");

    let table = if list.items.is_empty() {
        if list.loading || list.error.is_some() {
            html! {}
        } else {
            html! { <p class="message message-info">{ texts.no_members }</p> }
        }
    } else {
        html! {
            <div class="table-wrap" role="region" aria-labelledby={heading_id.clone()} tabindex="0">
                <table class="members">
                    <thead>
                        <tr>
                            <th scope="col">{ texts.column_name }</th>
                            <th scope="col">{ texts.column_email }</th>
                            <th scope="col">{ texts.column_role }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for list.items.iter().map(|member| member_row(texts, member)) }
                    </tbody>
                </table>
            </div>
        }
    };

    html! {
        <section class="team" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id}>{ props.school.name.clone() }</h2>
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

fn member_row(texts: &'static crate::i18n::Texts, member: &Member) -> Html {
    html! {
        <tr key={format!("{}-{}", member.user_id, member.role)}>
            <th scope="row">{ member.name.clone() }</th>
            <td><a href={format!("mailto:{}", member.email)}>{ member.email.clone() }</a></td>
            <td>{ texts.role(member.role) }</td>
        </tr>
    }
}
