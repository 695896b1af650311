//! Employers: signing up, verification by programme staff, their staff, the invitations they
//! send, accepting one, and the social-return rules per municipality.

use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use chrono::Utc;
use domain::contract::{
    AcceptedInvitation, AmbassadorInput, Employee, Employer, EmployerSignUp, FieldError,
    Invitation, InvitationAcceptance, InvitationInput, InvitationPreview, Problem, SignUpReceived,
    SroiRuleInput,
};
use domain::sponsorship::{InvitationError, SroiRule};
use domain::{Commitment, EmailAddress, OrganisationKind, Password, Role, StartMoment};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::session::{hash_token, new_token};
use crate::auth::{Principal, password, rate_limit};
use crate::error::{ApiError, OrNotFound};
use crate::policy::{self, Action};
use crate::state::AppState;

/// Registers the routes of this file.
pub fn configure(config: &mut ServiceConfig) {
    config
        .service(sign_up)
        .service(list_employers)
        .service(get_employer)
        .service(verify_employer)
        .service(list_employees)
        .service(invite)
        .service(list_invitations)
        .service(preview_invitation)
        .service(accept_invitation)
        .service(list_sroi_rules)
        .service(put_sroi_rule);
}

/// Sign an employer up, with its first contact person's account. No login needed; the employer
/// registers staff once programme staff verified it.
///
/// The answer is the same 202 whether or not the e-mail address has an account already, so it
/// does not tell who has one: a new contact gets an e-mail confirming the sign-up (and can log
/// in), the owner of an existing account an e-mail saying someone tried, and nothing is created.
/// The password must be hard to guess (zxcvbn score 3 or more) and may not contain the e-mail
/// address's local part or the organisation's name. At most 10 sign-ups an hour from one client
/// address; then 429 with `Retry-After`.
#[utoipa::path(
    operation_id = "signUpEmployer",
    tag = "sponsorship",
    request_body = EmployerSignUp,
    responses(
        (status = 202, description = "Received; what happens next is in the e-mail sent to the address.", body = SignUpReceived),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`; a password that is too easy to guess is refused on `password`.", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many sign-ups from this address; see `Retry-After`.", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait."))),
    ),
    security(())
)]
#[post("/employers")]
pub async fn sign_up(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: crate::json::Json<EmployerSignUp>,
) -> Result<HttpResponse, ApiError> {
    let address = rate_limit::client_address(&state, &req);
    rate_limit::claim_sign_up(&state.store, &address).await?;
    let input = body
        .into_inner()
        .validate()
        .map_err(ApiError::invalid_fields)?;
    let email = EmailAddress::parse(&input.email)
        .map_err(|e| ApiError::invalid_field("email", e.to_string()))?;
    password::check_strength(&input.password, email.as_str(), &[&input.organisation_name])
        .map_err(|message| ApiError::invalid_field("password", message))?;
    // Hashed whether or not the address has an account, so both answers take as long.
    let password_hash = password::hash(input.password.clone()).await?;
    let registered = match state.store.find_user_by_email(&email).await? {
        Some(_) => None,
        None => {
            let contact = store::NewUser {
                email: email.clone(),
                name: input.contact_name.clone(),
                password_hash,
            };
            match state
                .store
                .register_employer(&store::NewEmployer {
                    name: &input.organisation_name,
                    municipality: &input.municipality,
                    contact: &contact,
                })
                .await
            {
                Ok(registered) => Some(registered),
                // The address got an account meanwhile: the same as having one before.
                Err(store::StoreError::Conflict(_)) => None,
                Err(other) => return Err(other.into()),
            }
        }
    };
    let message = match registered {
        Some((employer, contact_user_id)) => {
            state
                .store
                .record_audit(&store::NewAuditEntry {
                    actor_kind: "user",
                    actor_id: Some(contact_user_id),
                    action: "employer.sign_up",
                    resource_type: "organisation",
                    resource_id: Some(employer.id),
                })
                .await?;
            crate::mail::sign_up_received(
                &state.mailer,
                email.as_str(),
                &input.contact_name,
                &input.organisation_name,
            )
        }
        None => crate::mail::sign_up_with_existing_account(&state.mailer, email.as_str()),
    };
    state.mailer.send(&message);
    Ok(HttpResponse::Accepted().json(SignUpReceived::check_your_email()))
}

/// The employers the caller may see: programme staff see all (unverified first), an employer
/// contact their own.
#[utoipa::path(
    operation_id = "listEmployers",
    tag = "sponsorship",
    responses(
        (status = 200, description = "Employers, unverified first, then by name.", body = Vec<Employer>),
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Neither programme staff nor an employer contact.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/employers")]
pub async fn list_employers(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<Vec<Employer>>, ApiError> {
    policy::authorize(&principal, Action::ListEmployers, "employers")?;
    let contact = match &principal {
        Principal::User(user) if !policy::is_programme_admin(user) => Some(user.id),
        _ => None,
    };
    Ok(web::Json(state.store.list_employers(contact).await?))
}

/// One employer.
#[utoipa::path(
    operation_id = "getEmployer",
    tag = "sponsorship",
    params(("id" = Uuid, Path, description = "The employer's id.")),
    responses(
        (status = 200, description = "The employer.", body = Employer),
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such employer that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/employers/{id}")]
pub async fn get_employer(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Employer>, ApiError> {
    let employer = employer_for(
        &state,
        &principal,
        *id,
        Action::ReadEmployer { employer: *id },
    )
    .await?;
    Ok(web::Json(employer))
}

/// Verify a signed-up employer, so its contacts can register staff (programme staff).
#[utoipa::path(
    operation_id = "verifyEmployer",
    tag = "sponsorship",
    params(("id" = Uuid, Path, description = "The employer's id.")),
    responses(
        (status = 200, description = "The employer, verified.", body = Employer),
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff verify employers.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such employer that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Verified already (`already_verified`).", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/employers/{id}/verification")]
pub async fn verify_employer(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Employer>, ApiError> {
    employer_for(
        &state,
        &principal,
        *id,
        Action::VerifyEmployer { employer: *id },
    )
    .await?;
    let verified = state
        .store
        .verify_employer(*id, principal.actor_id())
        .await
        .map_err(|e| match e {
            store::StoreError::Conflict(detail) => ApiError::Conflict {
                code: "already_verified",
                detail,
            },
            other => other.into(),
        })?;
    super::audit(
        &state.store,
        &principal,
        "employer.verify",
        "organisation",
        Some(*id),
    )
    .await?;
    Ok(web::Json(verified))
}

/// The employer's staff who accepted an invitation (or were linked by programme staff).
#[utoipa::path(
    operation_id = "listEmployees",
    tag = "sponsorship",
    params(("id" = Uuid, Path, description = "The employer's id.")),
    responses(
        (status = 200, description = "The staff, by name.", body = Vec<Employee>),
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such employer that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/employers/{id}/employees")]
pub async fn list_employees(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<Employee>>, ApiError> {
    employer_for(
        &state,
        &principal,
        *id,
        Action::ReadEmployer { employer: *id },
    )
    .await?;
    Ok(web::Json(state.store.list_employees(*id).await?))
}

/// Invite an employee to register as the employer's sponsored staff. The invitation link goes
/// to the employee's address only (single use, valid 14 days); a new invitation to the same
/// address replaces a pending one.
#[utoipa::path(
    operation_id = "inviteEmployee",
    tag = "sponsorship",
    params(("id" = Uuid, Path, description = "The employer's id.")),
    request_body = InvitationInput,
    responses(
        (status = 201, description = "Sent; pending until the employee accepts.", body = Invitation),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such employer that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The employer is not verified yet (`employer_not_verified`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/employers/{id}/invitations")]
pub async fn invite(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<InvitationInput>,
) -> Result<HttpResponse, ApiError> {
    let employer = employer_for(
        &state,
        &principal,
        *id,
        Action::ManageEmployer { employer: *id },
    )
    .await?;
    if !employer.verified {
        return Err(ApiError::Conflict {
            code: "employer_not_verified",
            detail: "the programme verifies a new employer before it registers staff; you will be able to invite employees once that is done".to_owned(),
        });
    }
    let input = body
        .into_inner()
        .validate()
        .map_err(ApiError::invalid_fields)?;
    let token = new_token();
    let rules = domain::sponsorship::Invitation::new(employer.id, state.clock.now());
    let invitation = state
        .store
        .create_invitation(
            &rules,
            &input.name,
            &input.email,
            &hash_token(&token),
            Some(principal.actor_id()),
        )
        .await?;
    let expires_on = domain::local_date::amsterdam_date(rules.expires_at());
    state.mailer.send(&crate::mail::invitation(
        &state.mailer,
        &input.email,
        &input.name,
        &employer.name,
        employer.id,
        &token,
        expires_on,
    ));
    super::audit(
        &state.store,
        &principal,
        "employer.invite",
        "invitation",
        Some(invitation.id),
    )
    .await?;
    Ok(HttpResponse::Created().json(invitation))
}

/// The employer's invitations and where each stands.
#[utoipa::path(
    operation_id = "listInvitations",
    tag = "sponsorship",
    params(("id" = Uuid, Path, description = "The employer's id.")),
    responses(
        (status = 200, description = "Invitations, newest first.", body = Vec<Invitation>),
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such employer that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/employers/{id}/invitations")]
pub async fn list_invitations(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<Invitation>>, ApiError> {
    employer_for(
        &state,
        &principal,
        *id,
        Action::ReadEmployer { employer: *id },
    )
    .await?;
    Ok(web::Json(
        state.store.list_invitations(*id, state.clock.now()).await?,
    ))
}

/// What an invitation link is for, before accepting it. No login needed: the token is the key.
#[utoipa::path(
    operation_id = "previewInvitation",
    tag = "sponsorship",
    params(("token" = String, Path, description = "The token from the invitation link.")),
    responses(
        (status = 200, description = "The invitation.", body = InvitationPreview),
        (status = 404, description = "No invitation has this token.", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "Used (`invitation_already_used`) or expired (`invitation_expired`).", body = Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[get("/invitations/{token}")]
pub async fn preview_invitation(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<web::Json<InvitationPreview>, ApiError> {
    let record = invitation_for(&state, &token).await?;
    record
        .rules()
        .check(record.employer_id, state.clock.now())
        .map_err(invitation_error)?;
    let account_exists = match EmailAddress::parse(&record.employee_email) {
        Ok(email) => state.store.find_user_by_email(&email).await?.is_some(),
        Err(_) => false,
    };
    let expires_at = record.rules().expires_at();
    Ok(web::Json(InvitationPreview {
        expires_at,
        employer_id: record.employer_id,
        employer_name: record.employer_name,
        employee_name: record.employee_name,
        employee_email: record.employee_email,
        account_exists,
    }))
}

/// Accept an invitation: makes the employee's account and ambassador profile, or links the
/// profile of the account that is logged in, to the employer. Without an account for the
/// invitation's address, give a password; with one, log in as it first.
#[utoipa::path(
    operation_id = "acceptInvitation",
    tag = "sponsorship",
    params(("id" = Uuid, Path, description = "The employer's id, from the invitation link.")),
    request_body = InvitationAcceptance,
    responses(
        (status = 200, description = "Linked to the logged-in account's profile.", body = AcceptedInvitation),
        (status = 201, description = "An account and profile were made.", body = AcceptedInvitation),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No invitation has this token.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another employer's invitation (`invitation_wrong_employer`), or an account exists for the address and the request is not logged in as it (`account_exists`).", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "Used (`invitation_already_used`) or expired (`invitation_expired`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`password`, `weekdays`), each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security((), ("bearer" = []))
)]
#[post("/employers/{id}/invitation-acceptances")]
pub async fn accept_invitation(
    state: web::Data<AppState>,
    principal: Option<Principal>,
    id: web::Path<Uuid>,
    body: crate::json::Json<InvitationAcceptance>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let record = invitation_for(&state, &body.token).await?;
    let now = state.clock.now();
    record.rules().check(*id, now).map_err(invitation_error)?;
    let email = EmailAddress::parse(&record.employee_email)
        .map_err(|e| ApiError::Unexpected(anyhow::anyhow!("stored invitation address: {e}")))?;
    let existing = state.store.find_user_by_email(&email).await?;
    let logged_in = match &principal {
        Some(Principal::User(user)) => Some(user.id),
        _ => None,
    };
    let profile = |weekdays| {
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
    };

    let (ambassador_id, created) = match existing {
        Some(user) => {
            if logged_in != Some(user.id) {
                return Err(ApiError::Conflict {
                    code: "account_exists",
                    detail: format!(
                        "an account exists for {}: log in with it, then accept the invitation again",
                        record.employee_email
                    ),
                });
            }
            let linked = match state.store.ambassador_of_user(user.id).await {
                Ok(ambassador) => {
                    let mut input = ambassador.profile.clone();
                    input.employer_id = Some(record.employer_id);
                    claim(&state, record.id, now).await?;
                    state
                        .store
                        .update_ambassador(ambassador.id, &input)
                        .await?
                        .id
                }
                Err(store::StoreError::NotFound) => {
                    let input = profile(body.weekdays.clone())?;
                    claim(&state, record.id, now).await?;
                    create_profile(&state, &input, user.id).await?
                }
                Err(e) => return Err(e.into()),
            };
            (linked, false)
        }
        None => {
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
            let input = match profile(body.weekdays.clone()) {
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
            let password_hash = crate::auth::password::hash(password.expose().to_owned()).await?;
            claim(&state, record.id, now).await?;
            let user = match state
                .store
                .create_user(&store::NewUser {
                    email,
                    name: record.employee_name.clone(),
                    password_hash,
                })
                .await
            {
                Ok(user) => user,
                Err(e) => {
                    state.store.release_invitation(record.id).await?;
                    return Err(match e {
                        store::StoreError::Conflict(_) => ApiError::Conflict {
                            code: "account_exists",
                            detail: "an account was made for this address meanwhile: log in with it, then accept the invitation again".to_owned(),
                        },
                        other => other.into(),
                    });
                }
            };
            (create_profile(&state, &input, user.id).await?, true)
        }
    };
    state
        .store
        .complete_invitation(record.id, ambassador_id)
        .await?;
    state
        .store
        .record_audit(&store::NewAuditEntry {
            actor_kind: "user",
            actor_id: logged_in,
            action: "employer.invitation_accept",
            resource_type: "ambassador",
            resource_id: Some(ambassador_id),
        })
        .await?;
    let accepted = AcceptedInvitation {
        employer_id: record.employer_id,
        ambassador_id,
        account_created: created,
    };
    Ok(if created {
        HttpResponse::Created().json(accepted)
    } else {
        HttpResponse::Ok().json(accepted)
    })
}

/// The social-return value of an employee-hour per municipality; municipalities without a rule
/// get Utrecht's (EUR 100 per hour).
#[utoipa::path(
    operation_id = "listSroiRules",
    tag = "sponsorship",
    responses(
        (status = 200, description = "The rules, by municipality.", body = Vec<SroiRule>),
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []), ("oauth2" = []))
)]
#[get("/sroi-rules")]
pub async fn list_sroi_rules(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<Vec<SroiRule>>, ApiError> {
    policy::authorize(&principal, Action::ReadSroiRules, "social-return rules")?;
    Ok(web::Json(state.store.list_sroi_rules().await?))
}

/// Set a municipality's social-return value of an employee-hour (programme staff).
#[utoipa::path(
    operation_id = "putSroiRule",
    tag = "sponsorship",
    params(("municipality" = String, Path, description = "The municipality, such as `Amersfoort`.")),
    request_body = SroiRuleInput,
    responses(
        (status = 200, description = "The rule, as stored.", body = SroiRule),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid access token.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme staff set the rules.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/sroi-rules/{municipality}")]
pub async fn put_sroi_rule(
    state: web::Data<AppState>,
    principal: Principal,
    municipality: web::Path<String>,
    body: crate::json::Json<SroiRuleInput>,
) -> Result<web::Json<SroiRule>, ApiError> {
    policy::authorize(&principal, Action::EditSroiRules, "social-return rules")?;
    let input = body.into_inner();
    let mut errors = Vec::new();
    let municipality = municipality.trim().to_owned();
    if municipality.is_empty() || municipality.chars().count() > 100 {
        errors.push(FieldError::new(
            "municipality",
            "give the municipality's name, at most 100 characters",
        ));
    }
    if input.cents_per_hour.is_negative() || input.cents_per_hour.0 > 100_000 {
        errors.push(FieldError::new(
            "cents_per_hour",
            "give 0 to 100000 cents (EUR 1,000) an hour",
        ));
    }
    let source = input.source.trim().to_owned();
    if source.is_empty() || source.chars().count() > 300 {
        errors.push(FieldError::new(
            "source",
            "say where the value comes from (the scheme and its building block), at most 300 characters",
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::invalid_fields(errors));
    }
    let rule = SroiRule {
        municipality,
        cents_per_hour: input.cents_per_hour,
        source,
    };
    state.store.put_sroi_rule(&rule).await?;
    super::audit(&state.store, &principal, "sroi_rule.put", "sroi_rule", None).await?;
    Ok(web::Json(rule))
}

/// The employer `id` after `action` is allowed; 404 for an unknown one, or one the caller may
/// not know about.
pub(crate) async fn employer_for(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    action: Action<'_>,
) -> Result<Employer, ApiError> {
    policy::authorize(principal, action, "employer")?;
    state.store.get_employer(id).await.or_not_found("employer")
}

async fn invitation_for(
    state: &AppState,
    token: &str,
) -> Result<store::InvitationRecord, ApiError> {
    state
        .store
        .invitation_by_token(&hash_token(token.trim()))
        .await
        .or_not_found("invitation")
}

async fn claim(state: &AppState, id: Uuid, at: chrono::DateTime<Utc>) -> Result<(), ApiError> {
    if state.store.claim_invitation(id, at).await? {
        Ok(())
    } else {
        Err(invitation_error(InvitationError::AlreadyUsed))
    }
}

async fn create_profile(
    state: &AppState,
    input: &AmbassadorInput,
    user_id: Uuid,
) -> Result<Uuid, ApiError> {
    let programme = state
        .store
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
    state
        .store
        .add_membership(user_id, programme.id, Role::Ambassador)
        .await?;
    let created = state
        .store
        .create_ambassador(input, Some(user_id), None, state.clock.today())
        .await?;
    Ok(created.id)
}

fn invitation_error(error: InvitationError) -> ApiError {
    let detail = error.to_string();
    let code = error.code();
    if error.http_status() == 410 {
        ApiError::Gone { code, detail }
    } else {
        ApiError::Conflict { code, detail }
    }
}
