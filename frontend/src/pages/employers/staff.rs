//! Medewerkers: inviting a member of staff by name and work address, the invitations sent with
//! where each stands, and the staff who accepted and are linked to the employer.

use domain::contract::{Employee, Invitation, InvitationInput, InvitationStatus};
use uuid::Uuid;
use yew::prelude::*;

use super::load::{message_of, server_messages, text_field, use_loaded};
use super::submit::{Submit, refused_fields, use_form};
use crate::api::sponsorship::{invitations, invite};
use crate::api::{Api, ApiError};
use crate::components::{ErrorMessage, Loading, StatusMessage};
use crate::hooks::{on_value, use_texts};
use crate::i18n::{SponsorshipTexts, Texts, fill};

/// The class of an invitation's status badge.
fn status_class(status: InvitationStatus) -> &'static str {
    match status {
        InvitationStatus::Pending => "status-proposed",
        InvitationStatus::Accepted => "status-active",
        InvitationStatus::Expired => "status-ended",
        InvitationStatus::Revoked => "status-closed",
    }
}

/// The date that goes with an invitation's status: until when it holds, or since when it is
/// accepted or expired. A replaced one says nothing more.
fn status_date(texts: &Texts, invitation: &Invitation) -> Option<String> {
    let t = texts.sponsorship();
    let date = |at: chrono::DateTime<chrono::Utc>| texts.dates.instant_date(at);
    match invitation.status {
        InvitationStatus::Pending => Some(fill(
            t.valid_until,
            &[("date", &date(invitation.expires_at))],
        )),
        InvitationStatus::Accepted => invitation
            .accepted_at
            .map(|at| fill(t.accepted_on, &[("date", &date(at))])),
        InvitationStatus::Expired => Some(fill(
            t.expired_on,
            &[("date", &date(invitation.expires_at))],
        )),
        InvitationStatus::Revoked => None,
    }
}

#[derive(Properties, PartialEq)]
pub struct StaffSectionProps {
    pub api: Api,
    pub employer_id: Uuid,
    /// Only a verified employer invites staff.
    pub verified: bool,
    /// The linked staff, loaded by the page (the agreements need them too).
    pub employees: Vec<Employee>,
    pub error: Option<ApiError>,
    pub on_reload: Callback<()>,
}

#[component]
pub fn StaffSection(props: &StaffSectionProps) -> Html {
    let texts = use_texts();
    let t = texts.sponsorship();
    let id = props.employer_id;
    let sent = {
        let api = props.api.clone();
        use_loaded((), move |()| {
            let api = api.clone();
            async move { invitations(&api, id).await }
        })
    };
    let on_invited = {
        let (reload, on_reload) = (sent.reload.clone(), props.on_reload.clone());
        Callback::from(move |()| {
            reload.emit(());
            on_reload.emit(());
        })
    };

    let list = match &*sent.state {
        None => html! { <Loading /> },
        Some(Err(error)) => {
            html! { <ErrorMessage error={error.clone()} on_retry={sent.reload.clone()} /> }
        }
        Some(Ok(list)) if list.is_empty() => html! {
            <p id="invitations-empty" class="message message-info">{ t.no_invitations }</p>
        },
        Some(Ok(list)) => invitation_table(texts, list),
    };
    let employees = if let Some(error) = &props.error {
        html! { <ErrorMessage error={error.clone()} on_retry={props.on_reload.clone()} /> }
    } else if props.employees.is_empty() {
        html! { <p id="employees-empty" class="message message-info">{ t.no_employees }</p> }
    } else {
        employee_table(texts, &props.employees)
    };

    html! {
        <section id="staff" class="employer-section" aria-labelledby="staff-title">
            <h2 id="staff-title">{ t.staff_title }</h2>
            if props.verified {
                <InviteForm api={props.api.clone()} employer_id={id} {on_invited} />
            }
            <h3 id="invitations-title">{ t.invitations_title }</h3>
            { list }
            <h3 id="employees-title">{ t.employees_title }</h3>
            { employees }
        </section>
    }
}

fn invitation_table(texts: &'static Texts, list: &[Invitation]) -> Html {
    let t = texts.sponsorship();
    html! {
        <div class="table-wrap" role="region" aria-labelledby="invitations-title" tabindex="0">
            <table id="invitations" class="cards-on-phone">
                <thead>
                    <tr>
                        <th scope="col">{ t.invite_name }</th>
                        <th scope="col">{ t.invite_email }</th>
                        <th scope="col">{ t.column_status }</th>
                    </tr>
                </thead>
                <tbody>
                    { for list.iter().map(|invitation| html! {
                        <tr key={invitation.id.to_string()} id={format!("invitation-{}", invitation.id)}
                            class="invitation" data-status={invitation.status.as_str()}
                            data-email={invitation.employee_email.clone()}>
                            <th scope="row">{ invitation.employee_name.clone() }</th>
                            <td data-label={t.invite_email}>{ invitation.employee_email.clone() }</td>
                            <td data-label={t.column_status}>
                                <span class={classes!("status", "invitation-status", status_class(invitation.status))}>
                                    { t.invitation_status(invitation.status) }
                                </span>
                                { status_date(texts, invitation).map(|date| html! {
                                    <span class="muted">{ date }</span>
                                }).unwrap_or_default() }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

fn employee_table(texts: &'static Texts, list: &[Employee]) -> Html {
    let t = texts.sponsorship();
    html! {
        <div class="table-wrap" role="region" aria-labelledby="employees-title" tabindex="0">
            <table id="employees" class="cards-on-phone">
                <thead>
                    <tr>
                        <th scope="col">{ t.invite_name }</th>
                        <th scope="col">{ t.invite_email }</th>
                        <th scope="col">{ texts.ambassadors().funding }</th>
                    </tr>
                </thead>
                <tbody>
                    { for list.iter().map(|employee| html! {
                        <tr key={employee.ambassador_id.to_string()} class="employee"
                            data-ambassador={employee.ambassador_id.to_string()}>
                            <th scope="row">{ employee.name.clone() }</th>
                            <td data-label={t.invite_email}>{ employee.email.clone() }</td>
                            <td data-label={texts.ambassadors().funding}>{ texts.ambassadors().funding(employee.funding) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// What is typed into the invitation form.
#[derive(Debug, Clone, Default, PartialEq)]
struct InviteDraft {
    name: String,
    email: String,
}

/// The fields of the form in order, with the id of their input.
const FIELDS: [(&str, &str); 2] = [("name", "invite-name"), ("email", "invite-email")];

/// The invitation to send, or a message for each field that is wrong.
fn check(
    t: &SponsorshipTexts,
    draft: &InviteDraft,
) -> Result<InvitationInput, Vec<(String, &'static str)>> {
    InvitationInput {
        name: draft.name.clone(),
        email: draft.email.clone(),
    }
    .validate()
    .map_err(|errors| server_messages(t, &errors))
}

#[derive(Properties, PartialEq)]
struct InviteFormProps {
    api: Api,
    employer_id: Uuid,
    on_invited: Callback<()>,
}

#[component]
fn InviteForm(props: &InviteFormProps) -> Html {
    let texts = use_texts();
    let t = texts.sponsorship();
    let form = use_form(InviteDraft::default);
    let onsubmit = {
        let (api, id, on_invited) = (
            props.api.clone(),
            props.employer_id,
            props.on_invited.clone(),
        );
        form.on_submit(Submit {
            fields: &FIELDS,
            done_id: "invite-message",
            check: move |draft: &InviteDraft| check(t, draft),
            send: move |input: InvitationInput| {
                let api = api.clone();
                async move { invite(&api, id, &input).await }
            },
            refused: refused_fields(t),
            sent: move |sent: Invitation| {
                on_invited.emit(());
                Some(fill(t.invite_sent, &[("email", &sent.employee_email)]))
            },
        })
    };

    let d = form.draft.dispatcher();
    let field =
        |(name, id): (&'static str, &'static str), label, kind, autocomplete, value: &str| {
            let write = move |d: &mut InviteDraft, v: String| match name {
                "name" => d.name = v,
                _ => d.email = v,
            };
            text_field(
                id,
                label,
                None,
                kind,
                value,
                message_of(&form.messages, name),
                autocomplete,
                on_value(d.clone(), write),
            )
        };
    let error = form.failure.as_ref().map(|error| {
        html! { <p id="invite-error" class="message message-error" role="alert">{ t.error(texts, error) }</p> }
    });

    html! {
        <form id="invite-form" class="panel form" novalidate=true aria-labelledby="invite-title" {onsubmit}>
            <h3 id="invite-title">{ t.invite_title }</h3>
            <p class="field-hint">{ t.invite_hint }</p>
            <div class="form-grid">
                { field(FIELDS[0], t.invite_name, "text", "off", &form.draft.0.name) }
                { field(FIELDS[1], t.invite_email, "email", "off", &form.draft.0.email) }
            </div>
            { error.unwrap_or_default() }
            <div class="form-actions">
                <button id="invite-submit" type="submit" class="button-primary" disabled={*form.saving}
                    aria-busy={form.saving.then_some("true")}>
                    { if *form.saving { t.sending } else { t.invite_submit } }
                </button>
            </div>
            <StatusMessage id="invite-message" message={(*form.done).clone().map(AttrValue::from)} />
        </form>
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::i18n::NL;

    #[test]
    fn an_invitation_needs_a_name_and_an_address_said_in_dutch() {
        let wrong = check(NL.sponsorship(), &InviteDraft::default()).unwrap_err();
        assert_eq!(
            wrong,
            [
                ("name".to_owned(), NL.sponsorship().msg_name),
                ("email".to_owned(), NL.sponsorship().msg_email)
            ]
        );
        let draft = InviteDraft {
            name: " Ruben de Wit ".into(),
            email: "ruben.dewit@hoogland.example".into(),
        };
        assert_eq!(
            check(NL.sponsorship(), &draft).unwrap().name,
            "Ruben de Wit"
        );
    }
}
