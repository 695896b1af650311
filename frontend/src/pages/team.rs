//! A school director's team: the people with a role at the schools they direct, inviting a
//! teacher or coordinator by e-mail, the invitations and where each stands, and taking someone
//! who left out of the team.

use domain::Role;
use domain::contract::TeamInvitationStatus;
use domain::contract::{Member, Organisation, TeamInvitation, TeamInvitationInput};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::api::organisations::list_members;
use crate::api::team::{invitations, invite, remove_member};
use crate::api::{Api, ApiError};
use crate::app::Session;
use crate::components::{FormField, ListFooter, StatusMessage, described_by};
use crate::hooks::{focus_id, use_paged_list, use_texts, use_title};
use crate::i18n::fill;
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
                html! { <SchoolTeam {key} api={props.session.api.clone()} {school} me={props.session.me.id} /> }
            }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SchoolTeamProps {
    api: Api,
    school: Organisation,
    /// The director's own id: they do not remove themself.
    me: Uuid,
}

#[component]
fn SchoolTeam(props: &SchoolTeamProps) -> Html {
    let texts = use_texts();
    let t = texts.team();
    let school_id: Uuid = props.school.id;
    // Bumped after an invitation or a removal, so both lists load again.
    let round = use_state(|| 0_u32);
    let message = use_state(|| None::<String>);
    let list = {
        let api = props.api.clone();
        use_paged_list((school_id, *round), move |after| {
            let api = api.clone();
            async move { list_members(&api, school_id, after).await }
        })
    };
    let sent = use_state(Vec::<TeamInvitation>::new);
    {
        let (api, sent) = (props.api.clone(), sent.clone());
        use_effect_with((school_id, *round), move |_| {
            spawn_local(async move {
                if let Ok(items) = invitations(&api, school_id).await {
                    sent.set(items);
                }
            });
        });
    }
    let on_changed = {
        let (round, message) = (round.clone(), message.clone());
        Callback::from(move |said: String| {
            message.set(Some(said));
            round.set(*round + 1);
            focus_id(&format!("team-message-{school_id}"));
        })
    };
    let on_remove = {
        let (api, on_changed) = (props.api.clone(), on_changed.clone());
        Callback::from(move |member: Member| {
            let (api, on_changed) = (api.clone(), on_changed.clone());
            spawn_local(async move {
                if remove_member(&api, school_id, member.user_id).await.is_ok() {
                    on_changed.emit(fill(t.removed_done, &[("name", &member.name)]));
                }
            });
        })
    };
    let removable = |member: &Member| {
        member.user_id != props.me && matches!(member.role, Role::Teacher | Role::Coordinator)
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
                            <th scope="col"><span class="visually-hidden">{ t.remove }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for list.items.iter().map(|member| member_row(texts, member, removable(member).then(|| on_remove.clone()))) }
                    </tbody>
                </table>
            </div>
        }
    };

    html! {
        <section class="team" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id}>{ props.school.name.clone() }</h2>
            <StatusMessage id={format!("team-message-{school_id}")} message={(*message).clone().map(AttrValue::from)} />
            { table }
            <ListFooter
                loading={list.loading}
                error={list.error.clone()}
                has_items={!list.items.is_empty()}
                has_more={list.next.is_some()}
                on_more={list.load_more.clone()}
            />
            <InviteForm api={props.api.clone()} {school_id} on_sent={on_changed.clone()} />
            <section class="panel" aria-labelledby={format!("invitations-{school_id}")}>
                <h3 id={format!("invitations-{school_id}")}>{ t.invitations_title }</h3>
                if sent.is_empty() {
                    <p class="muted">{ t.no_invitations }</p>
                } else {
                    <ul class="plain-list invitations" id={format!("invitations-list-{school_id}")}>
                        { for sent.iter().map(|i| invitation_row(texts, i)) }
                    </ul>
                }
            </section>
        </section>
    }
}

fn invitation_row(texts: &'static crate::i18n::Texts, invitation: &TeamInvitation) -> Html {
    let t = texts.team();
    let status = match invitation.status {
        TeamInvitationStatus::Pending => format!(
            "{} · {}",
            t.pending,
            fill(
                t.valid_until,
                &[("date", &texts.dates.instant(invitation.expires_at))]
            )
        ),
        TeamInvitationStatus::Accepted => t.accepted.to_owned(),
        TeamInvitationStatus::Expired => t.expired.to_owned(),
        TeamInvitationStatus::Revoked => t.revoked.to_owned(),
    };
    html! {
        <li key={invitation.id.to_string()} data-status={invitation.status.as_str()}>
            <strong>{ invitation.name.clone() }</strong>
            { format!(" · {} · {} · {status}", invitation.email, texts.role(invitation.role)) }
        </li>
    }
}

fn member_row(
    texts: &'static crate::i18n::Texts,
    member: &Member,
    on_remove: Option<Callback<Member>>,
) -> Html {
    let remove = on_remove.map(|on_remove| {
        let member = member.clone();
        let label = format!("{}: {}", texts.team().remove, member.name);
        let onclick = Callback::from(move |_: MouseEvent| on_remove.emit(member.clone()));
        html! {
            <button type="button" class="button-secondary button-small" aria-label={label} {onclick}>
                { texts.team().remove }
            </button>
        }
    });
    html! {
        <tr key={format!("{}-{}", member.user_id, member.role)}>
            <th scope="row">{ member.name.clone() }</th>
            <td><a href={format!("mailto:{}", member.email)}>{ member.email.clone() }</a></td>
            <td>{ texts.role(member.role) }</td>
            <td>{ remove.unwrap_or_default() }</td>
        </tr>
    }
}

#[derive(Properties, PartialEq)]
struct InviteFormProps {
    api: Api,
    school_id: Uuid,
    on_sent: Callback<String>,
}

/// Name, address and role of the colleague to invite, checked with the server's own rule.
#[component]
fn InviteForm(props: &InviteFormProps) -> Html {
    let texts = use_texts();
    let t = texts.team();
    let school_id = props.school_id;
    let name = use_state(String::new);
    let email = use_state(String::new);
    let role = use_state(|| Role::Teacher);
    let wrong = use_state(Vec::<String>::new);
    let failure = use_state(|| None::<ApiError>);
    let saving = use_state(|| false);
    let id = |field: &str| format!("invite-{field}-{school_id}");
    let onsubmit = {
        let (api, on_sent) = (props.api.clone(), props.on_sent.clone());
        let (name, email, role, wrong, failure, saving) = (
            name.clone(),
            email.clone(),
            role.clone(),
            wrong.clone(),
            failure.clone(),
            saving.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *saving {
                return;
            }
            let input = TeamInvitationInput {
                name: (*name).clone(),
                email: (*email).clone(),
                role: *role,
            };
            let input = match input.validate() {
                Ok(input) => input,
                Err(errors) => {
                    let fields: Vec<String> = errors.into_iter().map(|e| e.field).collect();
                    if let Some(first) = fields.first() {
                        focus_id(&format!("invite-{first}-{school_id}"));
                    }
                    wrong.set(fields);
                    return;
                }
            };
            wrong.set(Vec::new());
            failure.set(None);
            saving.set(true);
            let (api, on_sent, name, email, failure, saving) = (
                api.clone(),
                on_sent.clone(),
                name.clone(),
                email.clone(),
                failure.clone(),
                saving.clone(),
            );
            spawn_local(async move {
                let result = invite(&api, school_id, &input).await;
                saving.set(false);
                match result {
                    Ok(_) => {
                        name.set(String::new());
                        email.set(String::new());
                        on_sent.emit(t.invited_done.to_owned());
                    }
                    Err(error) => failure.set(Some(error)),
                }
            });
        })
    };
    let text_input = |field: &'static str,
                      label: &'static str,
                      kind: &'static str,
                      value: &UseStateHandle<String>,
                      message: &'static str| {
        let input_id = id(field);
        let error = wrong
            .iter()
            .any(|f| f == field)
            .then(|| AttrValue::from(message));
        let state = value.clone();
        let oninput = Callback::from(move |event: InputEvent| {
            state.set(event.target_unchecked_into::<HtmlInputElement>().value());
        });
        html! {
            <FormField id={input_id.clone()} {label} error={error.clone()}>
                <input id={input_id.clone()} type={kind} value={(**value).clone()} {oninput}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={described_by(&input_id, false, error.is_some())} />
            </FormField>
        }
    };
    let on_role = {
        let role = role.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(chosen) = Role::parse(&value) {
                role.set(chosen);
            }
        })
    };
    html! {
        <form id={format!("invite-form-{school_id}")} class="panel form" novalidate=true {onsubmit}
            aria-labelledby={format!("invite-title-{school_id}")}>
            <h3 id={format!("invite-title-{school_id}")}>{ t.invite_title }</h3>
            <p class="field-hint">{ t.invite_intro }</p>
            { text_input("name", t.name, "text", &name, t.msg_name) }
            { text_input("email", t.email, "email", &email, t.msg_email) }
            <div class="field">
                <label for={id("role")}>{ t.role }</label>
                <select id={id("role")} onchange={on_role}>
                    <option value="teacher" selected={*role == Role::Teacher}>{ t.role_teacher }</option>
                    <option value="coordinator" selected={*role == Role::Coordinator}>{ t.role_coordinator }</option>
                </select>
            </div>
            if let Some(error) = (*failure).clone() {
                <p class="message message-error" role="alert">{ texts.error(&error) }</p>
            }
            <button id={format!("invite-submit-{school_id}")} type="submit" class="button-primary" disabled={*saving}>{ t.invite_submit }</button>
        </form>
    }
}
