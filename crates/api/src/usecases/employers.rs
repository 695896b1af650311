//! Employers: verification by programme staff, inviting staff, accepting an invitation, and the
//! social-return rules. Accepting locks the invitation, so two acceptances of one link take
//! turns and the second finds it used.

use domain::contract::{
    AcceptedInvitation, AmbassadorInput, Employer, EmployerSignUp, FieldError, Invitation,
    InvitationAcceptance, InvitationInput, SroiRuleInput,
};
use domain::sponsorship::{InvitationError, SroiRule};
use domain::{Commitment, EmailAddress, OrganisationKind, Password, Role, StartMoment};
use store::{Lock, Store};
use uuid::Uuid;

use super::{begin, commit_with_audit};
use crate::auth::session::{hash_token, new_token};
use crate::auth::{Principal, password};
use crate::error::ErrorCode;
use crate::error::{ApiError, OrConflict, OrNotFound};
use crate::policy::{self, Action};
use crate::state::AppState;

/// Verifies a signed-up employer, so its contacts can register staff (programme staff).
/// Signs an employer up: the organisation, its municipality and its contact's account, when the
/// address has no account yet. Either way the owner of the address gets an e-mail and the caller
/// learns nothing of whether it had an account. The caller counts the attempt against the
/// client's sign-up limit first.
pub async fn sign_up(state: &AppState, input: EmployerSignUp) -> Result<(), ApiError> {
    let input = input.validate().map_err(ApiError::invalid_fields)?;
    let email = EmailAddress::parse(&input.email)
        .map_err(|e| ApiError::invalid_field("email", e.to_string()))?;
    password::check_strength(&input.password, email.as_str(), &[&input.organisation_name])
        .map_err(|message| ApiError::invalid_field("password", message))?;
    // Hashed before the transaction (it is slow by design), and whether or not the address has
    // an account, so both answers take as long.
    let password_hash = password::hash(input.password.clone()).await?;
    let tx = begin(state).await?;
    let registered = match tx.find_user_by_email(&email).await? {
        Some(_) => None,
        None => {
            let contact = store::NewUser {
                email: email.clone(),
                name: input.contact_name.clone(),
                password_hash,
            };
            let new = store::NewEmployer {
                name: &input.organisation_name,
                municipality: &input.municipality,
                contact: &contact,
            };
            // The store registers in a savepoint of its own, so a lost race leaves this
            // transaction usable.
            match tx.register_employer(&new).await {
                Ok(registered) => Some(registered),
                // The address got an account meanwhile: the same as having one before.
                Err(store::StoreError::Conflict(_)) => None,
                Err(other) => return Err(other.into()),
            }
        }
    };
    let (kind, message) = match registered {
        Some((employer, contact_user_id)) => {
            tx.record_audit(&store::NewAuditEntry {
                actor_kind: "user",
                actor_id: Some(contact_user_id),
                action: "employer.sign_up",
                resource_type: "organisation",
                resource_id: Some(employer.id),
                reason: None,
            })
            .await?;
            let message = crate::mail::sign_up_received(
                &state.mailer,
                email.as_str(),
                &input.contact_name,
                &input.organisation_name,
            );
            ("employer.sign_up", message)
        }
        None => (
            "employer.sign_up_existing_account",
            crate::mail::sign_up_with_existing_account(&state.mailer, email.as_str()),
        ),
    };
    state.mailer.queue(&tx, kind, message).await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(())
}

pub async fn verify(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> Result<Employer, ApiError> {
    let tx = begin(state).await?;
    tx.lock(Lock::Employer(id)).await?;
    employer(&tx, principal, id, Action::VerifyEmployer { employer: id }).await?;
    let verified = tx
        .verify_employer(id, principal.actor_id())
        .await
        .or_conflict(ErrorCode::AlreadyVerified)?;
    commit_with_audit(tx, principal, "employer.verify", "organisation", Some(id)).await?;
    Ok(verified)
}

/// Invites an employee; a new invitation to the same address replaces a pending one. The
/// e-mail with the link is queued with the invitation and leaves once it is committed.
pub async fn invite(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: InvitationInput,
) -> Result<Invitation, ApiError> {
    let tx = begin(state).await?;
    tx.lock(Lock::Employer(id)).await?;
    let employer = employer(&tx, principal, id, Action::ManageEmployer { employer: id }).await?;
    if !employer.verified {
        return Err(ApiError::Conflict {
            code: ErrorCode::EmployerNotVerified,
            detail: "the programme verifies a new employer before it registers staff; you will be able to invite employees once that is done".to_owned(),
        });
    }
    let input = input.validate().map_err(ApiError::invalid_fields)?;
    let token = new_token();
    let rules = domain::sponsorship::Invitation::new(employer.id, state.clock.now());
    let invitation = tx
        .create_invitation(
            &rules,
            &input.name,
            &input.email,
            &hash_token(&token),
            Some(principal.actor_id()),
        )
        .await?;
    let expires_on = domain::local_date::amsterdam_date(rules.expires_at());
    let message = crate::mail::invitation(
        &state.mailer,
        &input.email,
        &input.name,
        &employer.name,
        employer.id,
        &token,
        expires_on,
    );
    state
        .mailer
        .queue(&tx, "employer.invitation", message)
        .await?;
    commit_with_audit(
        tx,
        principal,
        "employer.invite",
        "invitation",
        Some(invitation.id),
    )
    .await?;
    state.mailer.wake();
    Ok(invitation)
}

/// Accepts an invitation: makes the employee's account and ambassador profile, or links the
/// profile of the logged-in account, to the employer. The invitation is locked and read again
/// inside the transaction, so of two acceptances at once exactly one wins.
pub async fn accept(
    state: &AppState,
    principal: Option<&Principal>,
    employer_id: Uuid,
    body: InvitationAcceptance,
) -> Result<AcceptedInvitation, ApiError> {
    // Checked and hashed before the transaction: hashing a password takes a while, and nobody
    // should wait on it for the database.
    let record = invitation_for(&state.store, &body.token).await?;
    record
        .rules()
        .check(employer_id, state.clock.now())
        .map_err(invitation_error)?;
    let email = EmailAddress::parse(&record.employee_email)
        .map_err(|e| ApiError::Unexpected(anyhow::anyhow!("stored invitation address: {e}")))?;
    let new_account = match state.store.find_user_by_email(&email).await? {
        Some(_) => None,
        None => Some(new_account(state, &record, &body).await?),
    };

    let tx = begin(state).await?;
    tx.lock(Lock::Invitation(record.id)).await?;
    let record = invitation_for(&tx, &body.token).await?;
    let now = state.clock.now();
    record
        .rules()
        .check(employer_id, now)
        .map_err(invitation_error)?;
    let logged_in = match principal {
        Some(Principal::User(user)) => Some(user.id),
        _ => None,
    };
    let existing = tx.find_user_by_email(&email).await?;
    let (ambassador_id, created) = match (existing, new_account) {
        (Some(user), new_account) => {
            if logged_in != Some(user.id) {
                let detail = if new_account.is_some() {
                    "an account was made for this address meanwhile: log in with it, then accept the invitation again".to_owned()
                } else {
                    format!(
                        "an account exists for {}: log in with it, then accept the invitation again",
                        record.employee_email
                    )
                };
                return Err(ApiError::Conflict {
                    code: ErrorCode::AccountExists,
                    detail,
                });
            }
            let linked = match tx.ambassador_of_user(user.id).await {
                Ok(ambassador) => {
                    let mut input = ambassador.profile.clone();
                    input.employer_id = Some(record.employer_id);
                    claim(&tx, record.id, now).await?;
                    tx.update_ambassador(ambassador.id, &input).await?.id
                }
                Err(store::StoreError::NotFound) => {
                    let input = profile(state, &record, body.weekdays.clone())?;
                    claim(&tx, record.id, now).await?;
                    create_profile(state, &tx, &input, user.id).await?
                }
                Err(e) => return Err(e.into()),
            };
            (linked, false)
        }
        (None, Some((password_hash, input))) => {
            claim(&tx, record.id, now).await?;
            let user = tx
                .create_user(&store::NewUser {
                    email,
                    name: record.employee_name.clone(),
                    password_hash,
                })
                .await
                .map_err(|e| match e {
                    store::StoreError::Conflict(_) => ApiError::Conflict {
                        code: ErrorCode::AccountExists,
                        detail: "an account was made for this address meanwhile: log in with it, then accept the invitation again".to_owned(),
                    },
                    other => other.into(),
                })?;
            (create_profile(state, &tx, &input, user.id).await?, true)
        }
        (None, None) => {
            return Err(ApiError::Conflict {
                code: ErrorCode::Conflict,
                detail: "the account for this address was removed meanwhile: accept the invitation again".to_owned(),
            });
        }
    };
    tx.complete_invitation(record.id, ambassador_id).await?;
    // The person accepting may not be logged in, so the entry is written here rather than from
    // a principal.
    tx.record_audit(&store::NewAuditEntry {
        actor_kind: "user",
        actor_id: logged_in,
        action: "employer.invitation_accept",
        resource_type: "ambassador",
        resource_id: Some(ambassador_id),
        reason: None,
    })
    .await?;
    tx.commit().await?;
    Ok(AcceptedInvitation {
        employer_id: record.employer_id,
        ambassador_id,
        account_created: created,
    })
}

/// Sets a municipality's social-return value of an employee-hour (programme staff).
pub async fn put_sroi_rule(
    state: &AppState,
    principal: &Principal,
    municipality: &str,
    input: SroiRuleInput,
) -> Result<SroiRule, ApiError> {
    policy::authorize(principal, Action::EditSroiRules, "social-return rules")?;
    let rule = SroiRule::parse(municipality, input.cents_per_hour, &input.source)
        .map_err(ApiError::invalid_fields)?;
    let tx = begin(state).await?;
    tx.put_sroi_rule(&rule).await?;
    commit_with_audit(tx, principal, "sroi_rule.put", "sroi_rule", None).await?;
    Ok(rule)
}

/// The employer `id` after `action` is allowed, read in the transaction; 404 for an unknown
/// one, or one the caller may not know about.
pub(crate) async fn employer(
    tx: &Store,
    principal: &Principal,
    id: Uuid,
    action: Action<'_>,
) -> Result<Employer, ApiError> {
    policy::authorize(principal, action, "employer")?;
    tx.get_employer(id).await.or_not_found("employer")
}

async fn invitation_for(store: &Store, token: &str) -> Result<store::InvitationRecord, ApiError> {
    store
        .invitation_by_token(&hash_token(token.trim()))
        .await
        .or_not_found("invitation")
}

/// The new account's password hash and profile, or every field that is wrong.
async fn new_account(
    state: &AppState,
    record: &store::InvitationRecord,
    body: &InvitationAcceptance,
) -> Result<(String, AmbassadorInput), ApiError> {
    let mut errors = Vec::new();
    let password = match body.password.as_deref().map(Password::parse) {
        Some(Ok(password)) => match password::check_strength(
            password.expose(),
            &record.employee_email,
            &[&record.employer_name],
        ) {
            Ok(()) => Some(password),
            Err(message) => {
                errors.push(FieldError::new("password", message));
                None
            }
        },
        Some(Err(e)) => {
            errors.push(FieldError::new("password", &e.0));
            None
        }
        None => {
            errors.push(FieldError::new(
                "password",
                "choose a password of at least 10 characters for your new account",
            ));
            None
        }
    };
    let input = match profile(state, record, body.weekdays.clone()) {
        Ok(input) => Some(input),
        Err(ApiError::Invalid { errors: more, .. }) => {
            errors.extend(more);
            None
        }
        Err(other) => return Err(other),
    };
    let (Some(password), Some(input), true) = (password, input, errors.is_empty()) else {
        return Err(ApiError::invalid_fields(errors));
    };
    let password_hash = password::hash(password.expose().to_owned()).await?;
    Ok((password_hash, input))
}

/// The profile an invitation makes for an employee without one.
fn profile(
    state: &AppState,
    record: &store::InvitationRecord,
    weekdays: Vec<domain::Weekday>,
) -> Result<AmbassadorInput, ApiError> {
    let (year, moment) = StartMoment::next_after(state.clock.today());
    AmbassadorInput {
        name: record.employee_name.clone(),
        email: record.employee_email.clone(),
        phone: None,
        employer_id: Some(record.employer_id),
        expertise: Vec::new(),
        themes: Vec::new(),
        school_type: None,
        home_municipality: None,
        // Where the programme places the employer's staff, until the employee says otherwise.
        municipalities: vec![record.employer_municipality.clone()],
        weekdays,
        commitment: Commitment::WholeYear,
        available_from_year: year,
        available_from_moment: moment,
        minutes_per_day: 420,
        funding: domain::ambassador::Funding::Sponsored,
        sponsored_minutes_per_week: 0,
        volunteer_minutes_per_week: 0,
        preferred_school_ids: Vec::new(),
    }
    .validate()
    .map_err(ApiError::invalid_fields)
}

async fn claim(tx: &Store, id: Uuid, at: chrono::DateTime<chrono::Utc>) -> Result<(), ApiError> {
    if tx.claim_invitation(id, at).await? {
        Ok(())
    } else {
        Err(invitation_error(InvitationError::AlreadyUsed))
    }
}

pub(crate) async fn create_profile(
    state: &AppState,
    tx: &Store,
    input: &AmbassadorInput,
    user_id: Uuid,
) -> Result<Uuid, ApiError> {
    let programme = tx
        .list_organisations(
            &store::OrganisationFilter {
                kind: Some(OrganisationKind::Programme),
                member: None,
            },
            None,
            1,
        )
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::Unexpected(anyhow::anyhow!("no programme organisation")))?;
    tx.add_membership(user_id, programme.id, Role::Ambassador)
        .await?;
    let created = tx
        .create_ambassador(input, Some(user_id), None, state.clock.today())
        .await?;
    Ok(created.id)
}

pub(crate) fn invitation_error(error: InvitationError) -> ApiError {
    let detail = error.to_string();
    let code = error.code();
    if error.http_status() == 410 {
        ApiError::Gone { code, detail }
    } else {
        ApiError::Conflict { code, detail }
    }
}
