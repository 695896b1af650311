//! A school's team: the director (or programme staff) invites teachers and coordinators by
//! e-mail, sees who accepted and removes someone who left; the colleague accepts with a new
//! account or the one they have; a teacher answers whether they want an ambassador this school
//! year, and sees their class. Accepting locks the invitation, so two acceptances of one link
//! take turns and the second finds it used.

use domain::contract::team::{TEAM_INVITATION_VALID_DAYS, in_groups, team_invitation_status};
use domain::contract::{
    AcceptedTeamInvitation, MyClass, MyClasses, OptInInput, TeacherOptIn, TeamInvitation,
    TeamInvitationAcceptance, TeamInvitationInput, TeamInvitationPreview, TeamInvitationStatus,
};
use domain::{EmailAddress, Password, Role, SchoolYear};
use store::Lock;
use uuid::Uuid;

use super::{begin, commit_with_audit};
use crate::auth::session::{hash_token, new_token};
use crate::auth::{Principal, password};
use crate::error::{ApiError, ErrorCode, OrNotFound};
use crate::policy::{self, Action};
use crate::state::AppState;
use crate::usecases::schools::school;

/// Invites a colleague; a pending invitation to the same address is replaced. The e-mail with
/// the link is queued with the invitation and leaves once it is committed.
pub async fn invite(
    state: &AppState,
    principal: &Principal,
    school_id: Uuid,
    input: TeamInvitationInput,
) -> Result<TeamInvitation, ApiError> {
    let tx = begin(state).await?;
    tx.lock(Lock::School(school_id)).await?;
    let school = school(&tx, school_id).await?;
    policy::authorize(principal, Action::ManageTeam(&school), "school")?;
    let input = input.validate().map_err(ApiError::invalid_fields)?;
    let token = new_token();
    let invitation = tx
        .create_team_invitation(
            school.id,
            input.role,
            &input.name,
            &input.email,
            &hash_token(&token),
            Some(principal.actor_id()),
            state.clock.now(),
        )
        .await?;
    let message = crate::mail::team_invitation(
        &state.mailer,
        &input.email,
        &input.name,
        &school.name,
        input.role,
        &token,
        domain::local_date::amsterdam_date(invitation.expires_at),
    );
    state.mailer.queue(&tx, "team.invitation", message).await?;
    commit_with_audit(
        tx,
        principal,
        "team.invite",
        "team_invitation",
        Some(invitation.id),
    )
    .await?;
    state.mailer.wake();
    Ok(invitation)
}

/// A school's invitations, newest first.
pub async fn invitations(
    state: &AppState,
    principal: &Principal,
    school_id: Uuid,
) -> Result<Vec<TeamInvitation>, ApiError> {
    let school = school(&state.store, school_id).await?;
    policy::authorize(principal, Action::ManageTeam(&school), "school")?;
    Ok(state
        .store
        .list_team_invitations(school.id, state.clock.now())
        .await?)
}

/// What a link is for, without logging in: the token is the key.
pub async fn preview(state: &AppState, token: &str) -> Result<TeamInvitationPreview, ApiError> {
    let record = usable(state, &state.store, token).await?;
    let email = EmailAddress::parse(&record.email)
        .map_err(|e| ApiError::Unexpected(anyhow::anyhow!("stored invitation address: {e}")))?;
    Ok(TeamInvitationPreview {
        account_exists: state.store.find_user_by_email(&email).await?.is_some(),
        school_name: record.school_name.clone(),
        role: record.role()?,
        name: record.name,
        email: record.email,
    })
}

/// Accepts an invitation: a new account with the chosen password, or the logged-in account
/// of the invited address, gets the role at the school.
pub async fn accept(
    state: &AppState,
    principal: Option<&Principal>,
    body: TeamInvitationAcceptance,
) -> Result<AcceptedTeamInvitation, ApiError> {
    let record = usable(state, &state.store, &body.token).await?;
    let email = EmailAddress::parse(&record.email)
        .map_err(|e| ApiError::Unexpected(anyhow::anyhow!("stored invitation address: {e}")))?;
    let existing = state.store.find_user_by_email(&email).await?;
    // Hashed before the transaction: it is slow by design.
    let password_hash = match (&existing, body.password.as_deref()) {
        (Some(_), _) => None,
        (None, Some(text)) => {
            let chosen =
                Password::parse(text).map_err(|e| ApiError::invalid_field("password", e.0))?;
            password::check_strength(chosen.expose(), &record.email, &[&record.name])
                .map_err(|message| ApiError::invalid_field("password", message))?;
            Some(password::hash(chosen.expose().to_owned()).await?)
        }
        (None, None) => {
            return Err(ApiError::invalid_field(
                "password",
                "choose a password of at least 10 characters for your new account",
            ));
        }
    };

    let tx = begin(state).await?;
    tx.lock(Lock::TeamInvitation(record.id)).await?;
    let record = usable(state, &tx, &body.token).await?;
    let role = record.role()?;
    let logged_in = match principal {
        Some(Principal::User(user)) => Some(user.id),
        _ => None,
    };
    let account_exists = || ApiError::Conflict {
        code: ErrorCode::AccountExists,
        detail: format!(
            "an account exists for {}: log in with it, then accept the invitation again",
            record.email
        ),
    };
    let (user_id, created) = match (tx.find_user_by_email(&email).await?, password_hash) {
        (Some(user), _) if logged_in == Some(user.id) => (user.id, false),
        (Some(_), _) => return Err(account_exists()),
        (None, Some(password_hash)) => {
            let user = tx
                .create_user(&store::NewUser {
                    email: email.clone(),
                    name: record.name.clone(),
                    password_hash,
                })
                .await
                .map_err(|e| match e {
                    store::StoreError::Conflict(_) => account_exists(),
                    other => other.into(),
                })?;
            (user.id, true)
        }
        (None, None) => return Err(account_exists()),
    };
    if !tx
        .accept_team_invitation(record.id, user_id, state.clock.now())
        .await?
    {
        return Err(used());
    }
    tx.add_membership(user_id, record.school_id, role).await?;
    tx.record_audit(&store::NewAuditEntry {
        actor_kind: "user",
        actor_id: Some(user_id),
        action: "team.invitation_accept",
        resource_type: "team_invitation",
        resource_id: Some(record.id),
        reason: None,
    })
    .await?;
    tx.commit().await?;
    Ok(AcceptedTeamInvitation {
        school_id: record.school_id,
        account_created: created,
    })
}

/// Takes a teacher's or coordinator's roles at the school away: they left.
pub async fn remove(
    state: &AppState,
    principal: &Principal,
    school_id: Uuid,
    user_id: Uuid,
) -> Result<(), ApiError> {
    let tx = begin(state).await?;
    tx.lock(Lock::School(school_id)).await?;
    let school = school(&tx, school_id).await?;
    policy::authorize(principal, Action::ManageTeam(&school), "school")?;
    if principal.actor_id() == user_id {
        return Err(ApiError::Conflict {
            code: ErrorCode::Conflict,
            detail: "you cannot remove yourself from the team; ask programme staff".to_owned(),
        });
    }
    if tx.remove_team_member(school.id, user_id).await? == 0 {
        return Err(ApiError::NotFound("team member"));
    }
    commit_with_audit(tx, principal, "team.remove", "user", Some(user_id)).await?;
    Ok(())
}

/// A teacher's answer for `year` at a school.
pub async fn answer(
    state: &AppState,
    principal: &Principal,
    school_id: Uuid,
    year: SchoolYear,
    input: OptInInput,
) -> Result<TeacherOptIn, ApiError> {
    let school = school(&state.store, school_id).await?;
    policy::authorize(principal, Action::AnswerOptIn(&school), "school")?;
    let input = input.validate().map_err(ApiError::invalid_fields)?;
    let user = principal.actor_id();
    let tx = begin(state).await?;
    tx.lock(Lock::School(school.id)).await?;
    tx.put_opt_in(
        school.id,
        user,
        year,
        input.opted_in,
        &input.groups,
        &input.weekdays,
        state.clock.now(),
    )
    .await?;
    let stored = tx
        .opt_ins(school.id, year, Some(user))
        .await?
        .into_iter()
        .next()
        .ok_or(ApiError::NotFound("opt-in"))?;
    commit_with_audit(tx, principal, "team.opt_in", "school", Some(school.id)).await?;
    Ok(stored)
}

/// The teacher's classes: per school where they teach, this school year's answer, the
/// ambassadors in their groups and the lessons planned for those groups.
pub async fn my_classes(state: &AppState, principal: &Principal) -> Result<MyClasses, ApiError> {
    let Principal::User(user) = principal else {
        return Err(ApiError::Forbidden);
    };
    let today = state.clock.today();
    let year = SchoolYear::containing(today);
    let mut classes = Vec::new();
    let schools: Vec<Uuid> = user
        .grants
        .iter()
        .filter(|g| g.role == Role::Teacher)
        .map(|g| g.organisation_id)
        .collect();
    for school_id in schools {
        let school = school(&state.store, school_id).await?;
        let opt_in = state
            .store
            .opt_ins(school.id, year, Some(user.id))
            .await?
            .into_iter()
            .next();
        let groups = opt_in
            .as_ref()
            .map(|o| o.groups.clone())
            .unwrap_or_default();
        let mut lessons: Vec<_> = state
            .store
            .school_lessons(school.id, Some(today), None)
            .await?
            .into_iter()
            .filter(|l| in_groups(&groups, &l.group.to_string()))
            .collect();
        lessons.truncate(20);
        let ambassadors = state
            .store
            .school_ambassadors(school.id)
            .await?
            .into_iter()
            .filter(|a| {
                a.group.as_deref().is_some_and(|g| in_groups(&groups, g))
                    || lessons.iter().any(|l| l.ambassador_name == a.name)
            })
            .collect();
        classes.push(MyClass {
            school_id: school.id,
            school_name: school.name,
            school_year: year,
            opt_in,
            ambassadors,
            lessons,
        });
    }
    Ok(MyClasses { today, classes })
}

/// The invitation behind a token when it can still be accepted.
async fn usable(
    state: &AppState,
    store: &store::Store,
    token: &str,
) -> Result<store::TeamInvitationRecord, ApiError> {
    let record = store
        .team_invitation_by_token(&hash_token(token.trim()))
        .await
        .or_not_found("invitation")?;
    match team_invitation_status(
        record.created_at,
        record.accepted_at,
        record.revoked_at,
        state.clock.now(),
    ) {
        TeamInvitationStatus::Pending => Ok(record),
        TeamInvitationStatus::Expired => Err(ApiError::Gone {
            code: ErrorCode::InvitationExpired,
            detail: format!(
                "this invitation expired after {TEAM_INVITATION_VALID_DAYS} days; ask the school's director to send a new one"
            ),
        }),
        TeamInvitationStatus::Accepted | TeamInvitationStatus::Revoked => Err(used()),
    }
}

fn used() -> ApiError {
    ApiError::Gone {
        code: ErrorCode::InvitationAlreadyUsed,
        detail: "this invitation was used or replaced by a newer one; log in, or ask the school's director for a new invitation".to_owned(),
    }
}
