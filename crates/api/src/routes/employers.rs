//! Employers: signing up, verification by programme staff, their staff, the invitations they
//! send, accepting one, and the social-return rules per municipality.

use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use domain::EmailAddress;
use domain::contract::{
    AcceptedInvitation, Employee, Employer, EmployerSignUp, Invitation, InvitationAcceptance,
    InvitationInput, InvitationPreview, Problem, SignUpReceived, SroiRuleInput,
};
use domain::sponsorship::SroiRule;
use uuid::Uuid;

use crate::auth::session::hash_token;
use crate::auth::{Principal, rate_limit};
use crate::error::{ApiError, OrNotFound};
use crate::policy::{self, Action};
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases;
use crate::usecases::employers::invitation_error;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
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
    usecases::employers::sign_up(&state, body.into_inner()).await?;
    Ok(HttpResponse::Accepted().json(SignUpReceived::check_your_email()))
}

/// The employers the caller may see: programme staff see all (unverified first), an employer
/// contact their own.
#[utoipa::path(
    operation_id = "listEmployers",
    tag = "sponsorship",
    responses(
        (status = 200, description = "Employers, unverified first, then by name.", body = Vec<Employer>),
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
    let verified = usecases::employers::verify(&state, &principal, *id).await?;
    Ok(web::Json(verified))
}

/// The employer's staff who accepted an invitation (or were linked by programme staff).
#[utoipa::path(
    operation_id = "listEmployees",
    tag = "sponsorship",
    params(("id" = Uuid, Path, description = "The employer's id.")),
    responses(
        (status = 200, description = "The staff, by name.", body = Vec<Employee>),
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
    let invitation =
        usecases::employers::invite(&state, &principal, *id, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(invitation))
}

/// The employer's invitations and where each stands.
#[utoipa::path(
    operation_id = "listInvitations",
    tag = "sponsorship",
    params(("id" = Uuid, Path, description = "The employer's id.")),
    responses(
        (status = 200, description = "Invitations, newest first.", body = Vec<Invitation>),
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
    let accepted =
        usecases::employers::accept(&state, principal.as_ref(), *id, body.into_inner()).await?;
    Ok(if accepted.account_created {
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
    let rule =
        usecases::employers::put_sroi_rule(&state, &principal, &municipality, body.into_inner())
            .await?;
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
