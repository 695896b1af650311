//! A school's team (inviting, accepting, removing) and a teacher's class and answer.

use domain::SchoolYear;
use domain::contract::{
    AcceptedTeamInvitation, MyClasses, OptInInput, TeacherOptIn, TeamInvitation,
    TeamInvitationAcceptance, TeamInvitationInput, TeamInvitationPreview,
};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{Api, ApiError};

/// Invites a colleague to a school's team.
pub async fn invite(
    api: &Api,
    school: Uuid,
    input: &TeamInvitationInput,
) -> Result<TeamInvitation, ApiError> {
    api.post(&format!("/schools/{school}/invitations"), input)
        .await
}

/// A school's invitations, newest first.
pub async fn invitations(api: &Api, school: Uuid) -> Result<Vec<TeamInvitation>, ApiError> {
    api.get(&format!("/schools/{school}/invitations"), &[])
        .await
}

/// Takes a colleague who left out of the team.
pub async fn remove_member(api: &Api, school: Uuid, user: Uuid) -> Result<(), ApiError> {
    api.request::<(), ()>(
        Method::DELETE,
        &format!("/schools/{school}/members/{user}"),
        &[],
        None,
    )
    .await
}

/// What an invitation link is for.
pub async fn preview(api: &Api, token: &str) -> Result<TeamInvitationPreview, ApiError> {
    api.get(&format!("/team-invitations/{token}"), &[]).await
}

/// Accepts an invitation.
pub async fn accept(
    api: &Api,
    acceptance: &TeamInvitationAcceptance,
) -> Result<AcceptedTeamInvitation, ApiError> {
    api.post("/team-invitations/accept", acceptance).await
}

/// The teacher's classes.
pub async fn my_classes(api: &Api) -> Result<MyClasses, ApiError> {
    api.get("/me/class", &[]).await
}

/// The teacher's answer for a school year.
pub async fn answer(
    api: &Api,
    school: Uuid,
    year: SchoolYear,
    input: &OptInInput,
) -> Result<TeacherOptIn, ApiError> {
    api.put(&format!("/me/opt-ins/{school}/{year}"), input)
        .await
}
