//! A school's team: invitations to teachers and coordinators, accepting one, removing someone
//! who left; a teacher's answer on working with an ambassador, and their class.

use actix_web::{HttpResponse, delete, get, post, put, web};
use domain::SchoolYear;
use domain::contract::{
    AcceptedTeamInvitation, MyClasses, OptInInput, Problem, TeacherOptIn, TeamInvitation,
    TeamInvitationAcceptance, TeamInvitationInput, TeamInvitationPreview,
};
use uuid::Uuid;

use crate::auth::Principal;
use crate::error::{ApiError, ErrorCode};
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(invite)
        .service(list_invitations)
        .service(remove_member)
        .service(preview_invitation)
        .service(accept_invitation)
        .service(put_opt_in)
        .service(my_class);
}

/// Invite a teacher or coordinator to the school's team (the school's director, programme
/// staff). The link goes to their address only (single use, valid 14 days); a new invitation to
/// the same address replaces a pending one.
#[utoipa::path(
    operation_id = "inviteTeamMember",
    tag = "schools",
    params(("id" = Uuid, Path, description = "The school's id.")),
    request_body = TeamInvitationInput,
    responses(
        (status = 201, description = "The invitation; the e-mail is on its way.", body = TeamInvitation),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only the school's director and programme staff invite.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such school that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/schools/{id}/invitations")]
pub async fn invite(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<TeamInvitationInput>,
) -> Result<HttpResponse, ApiError> {
    let invitation = usecases::team::invite(&state, &principal, *id, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(invitation))
}

/// The school's team invitations and where each stands, newest first.
#[utoipa::path(
    operation_id = "listTeamInvitations",
    tag = "schools",
    params(("id" = Uuid, Path, description = "The school's id.")),
    responses(
        (status = 200, description = "The invitations.", body = Vec<TeamInvitation>),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only the school's director and programme staff.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such school that the caller may see.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/schools/{id}/invitations")]
pub async fn list_invitations(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<TeamInvitation>>, ApiError> {
    Ok(web::Json(
        usecases::team::invitations(&state, &principal, *id).await?,
    ))
}

/// Remove a teacher or coordinator who left: their roles at the school go (their account
/// stays). Directors are changed by programme staff.
#[utoipa::path(
    operation_id = "removeTeamMember",
    tag = "schools",
    params(
        ("id" = Uuid, Path, description = "The school's id."),
        ("user_id" = Uuid, Path, description = "The colleague's user id."),
    ),
    responses(
        (status = 204, description = "Removed."),
        (status = 400, description = "An id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only the school's director and programme staff.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such school, or no teacher or coordinator of it with this id.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Removing yourself.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[delete("/schools/{id}/members/{user_id}")]
pub async fn remove_member(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (school, user) = path.into_inner();
    usecases::team::remove(&state, &principal, school, user).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// What a team invitation link is for, before accepting it. No login needed: the token is the
/// key.
#[utoipa::path(
    operation_id = "previewTeamInvitation",
    tag = "schools",
    params(("token" = String, Path, description = "The token from the invitation link.")),
    responses(
        (status = 200, description = "The invitation.", body = TeamInvitationPreview),
        (status = 404, description = "No invitation has this token.", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "Used or replaced (`invitation_already_used`), or expired (`invitation_expired`).", body = Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[get("/team-invitations/{token}")]
pub async fn preview_invitation(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<web::Json<TeamInvitationPreview>, ApiError> {
    Ok(web::Json(usecases::team::preview(&state, &token).await?))
}

/// Accept a team invitation: with a password when the address has no account (201), or logged
/// in as the invited address (200).
#[utoipa::path(
    operation_id = "acceptTeamInvitation",
    tag = "schools",
    request_body = TeamInvitationAcceptance,
    responses(
        (status = 200, description = "The logged-in account joined the team.", body = AcceptedTeamInvitation),
        (status = 201, description = "An account was made and joined the team.", body = AcceptedTeamInvitation),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No invitation has this token.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The address has an account: log in as it first (`account_exists`).", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "Used or replaced (`invitation_already_used`), or expired (`invitation_expired`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The password is missing or too weak, named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security((), ("bearer" = []))
)]
#[post("/team-invitations/accept")]
pub async fn accept_invitation(
    state: web::Data<AppState>,
    principal: Option<Principal>,
    body: crate::json::Json<TeamInvitationAcceptance>,
) -> Result<HttpResponse, ApiError> {
    let accepted = usecases::team::accept(&state, principal.as_ref(), body.into_inner()).await?;
    Ok(if accepted.account_created {
        HttpResponse::Created().json(accepted)
    } else {
        HttpResponse::Ok().json(accepted)
    })
}

/// A teacher says whether they want to work with an ambassador at their school in a school
/// year, for which groups and on which days. The school's capacity counts it.
#[utoipa::path(
    operation_id = "putMyOptIn",
    tag = "schools",
    params(
        ("school_id" = Uuid, Path, description = "The school's id."),
        ("school_year" = String, Path, description = "The school year, such as `2026-2027`."),
    ),
    request_body = OptInInput,
    responses(
        (status = 200, description = "The answer as recorded.", body = TeacherOptIn),
        (status = 400, description = "The id or school year is not valid.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only the school's teachers answer.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such school that the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/me/opt-ins/{school_id}/{school_year}")]
pub async fn put_opt_in(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, String)>,
    body: crate::json::Json<OptInInput>,
) -> Result<web::Json<TeacherOptIn>, ApiError> {
    let (school, year) = path.into_inner();
    let year = SchoolYear::parse(&year).map_err(|e| ApiError::BadRequest {
        code: ErrorCode::InvalidPath,
        detail: e.0,
    })?;
    Ok(web::Json(
        usecases::team::answer(&state, &principal, school, year, body.into_inner()).await?,
    ))
}

/// The teacher's classes: per school where they teach, this school year's answer, the
/// ambassadors in their groups and the lessons planned for those groups.
#[utoipa::path(
    operation_id = "getMyClass",
    tag = "schools",
    responses(
        (status = 200, description = "Their classes (none when they teach nowhere).", body = MyClasses),
        (status = 403, description = "A partner client is not a person.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/class")]
pub async fn my_class(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<MyClasses>, ApiError> {
    Ok(web::Json(
        usecases::team::my_classes(&state, &principal).await?,
    ))
}
