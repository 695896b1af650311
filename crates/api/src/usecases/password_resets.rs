//! Resetting a forgotten password. Asking for a link answers the same whether or not the
//! address has an account; only an account's owner gets an e-mail, with a single-use link valid
//! one hour. Choosing the new password locks the link, so two uses take turns and the second
//! finds it spent; the same transaction sets the password, ends every session the person had
//! and records the audit entry.

use chrono::Duration;
use domain::contract::PasswordResetConfirmation;
use domain::{EmailAddress, Password};
use store::{Lock, PasswordResetRecord, Store};

use super::begin;
use crate::auth::password;
use crate::auth::session::{hash_token, new_token};
use crate::error::{ApiError, ErrorCode, OrNotFound};
use crate::state::AppState;

/// How long a reset link works.
pub const RESET_LINK_VALID_MINUTES: i64 = 60;

/// Mails a reset link to the account with `email`, if there is one; otherwise does nothing,
/// so that no stranger gets mail and the caller learns nothing. The caller counts the request
/// against the client's limit first.
pub async fn request(state: &AppState, email: &EmailAddress) -> Result<(), ApiError> {
    let tx = begin(state).await?;
    let Some(user) = tx.find_user_by_email(email).await? else {
        return Ok(());
    };
    let token = new_token();
    let now = state.clock.now();
    let reset = tx
        .create_password_reset(
            user.id,
            &hash_token(&token),
            now,
            now + Duration::minutes(RESET_LINK_VALID_MINUTES),
        )
        .await?;
    let message = crate::mail::password_reset(
        &state.mailer,
        &user.email,
        &user.name,
        &token,
        reset.expires_at,
    );
    state
        .mailer
        .queue(&tx, "auth.password_reset", message)
        .await?;
    tx.commit().await?;
    state.mailer.wake();
    Ok(())
}

/// Sets the password chosen with a reset link, spends the link and ends every session of the
/// person: their refresh tokens are revoked and access tokens issued before stop working.
pub async fn confirm(state: &AppState, body: PasswordResetConfirmation) -> Result<(), ApiError> {
    // The link is checked before the password, so an expired link is not met with advice on
    // choosing a password.
    let record = usable(state, &state.store, &body.token).await?;
    let user = state
        .store
        .get_user(record.user_id)
        .await
        .or_not_found("user")?;
    let chosen =
        Password::parse(&body.password).map_err(|e| ApiError::invalid_field("password", e.0))?;
    password::check_strength(chosen.expose(), &user.email, &[&user.name])
        .map_err(|message| ApiError::invalid_field("password", message))?;
    // Hashed before the transaction: it is slow by design.
    let password_hash = password::hash(chosen.expose().to_owned()).await?;

    let tx = begin(state).await?;
    tx.lock(Lock::PasswordReset(record.id)).await?;
    let record = usable(state, &tx, &body.token).await?;
    if !tx.use_password_reset(record.id, state.clock.now()).await? {
        return Err(used());
    }
    tx.set_password_hash(record.user_id, &password_hash).await?;
    tx.revoke_refresh_tokens_of_user(record.user_id).await?;
    tx.record_audit(&store::NewAuditEntry {
        actor_kind: "user",
        actor_id: Some(record.user_id),
        action: "auth.password_reset",
        resource_type: "user",
        resource_id: Some(record.user_id),
        reason: None,
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The reset link behind a token while it can still be used.
async fn usable(
    state: &AppState,
    store: &Store,
    token: &str,
) -> Result<PasswordResetRecord, ApiError> {
    let record = match store
        .password_reset_by_token(&hash_token(token.trim()))
        .await
    {
        Ok(record) => record,
        Err(store::StoreError::NotFound) => {
            return Err(ApiError::UnknownLink {
                code: ErrorCode::ResetLinkInvalid,
                detail: "no password reset link has this token; copy the whole link from the e-mail, or ask for a new one".to_owned(),
            });
        }
        Err(other) => return Err(other.into()),
    };
    if record.used_at.is_some() {
        return Err(used());
    }
    if state.clock.now() >= record.expires_at {
        return Err(ApiError::Gone {
            code: ErrorCode::ResetLinkExpired,
            detail: format!(
                "this link worked for {RESET_LINK_VALID_MINUTES} minutes and has expired; ask for a new one"
            ),
        });
    }
    Ok(record)
}

fn used() -> ApiError {
    ApiError::Gone {
        code: ErrorCode::ResetLinkUsed,
        detail: "this link was used already, or a newer one was; log in, or ask for a new link"
            .to_owned(),
    }
}
