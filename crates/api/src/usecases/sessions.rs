//! Sessions: logging in, renewing a session with its cookie, logging out, and a partner's
//! client-credentials token. The login attempt is counted on its own before the password is
//! checked (so a flood cannot outrun the limit, and a failed attempt still counts); checking the
//! password is slow by design and happens before the transaction. What a login or renewal
//! writes (the session, its refresh token, the audit entry) lands in one transaction.

use domain::{EmailAddress, Scopes};
use sha2::{Digest, Sha256};
use store::{RefreshOutcome, Store};
use uuid::Uuid;

use super::{begin, commit_with_audit};
use crate::auth::principal::{ClientPrincipal, UserPrincipal};
use crate::auth::{Grant, Principal, password, rate_limit, session};
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

/// A session begun or renewed: who, the session id with the person's token version (both go
/// into the access token), and the new refresh token for the cookie.
pub struct Session {
    /// The person and their roles now.
    pub principal: Principal,
    /// The session id and the person's token version.
    pub session: (Uuid, i64),
    /// The refresh token for the session cookie.
    pub refresh_token: String,
}

/// Logs a person in from client `address`.
pub async fn log_in(
    state: &AppState,
    email: &EmailAddress,
    password_given: String,
    address: &str,
) -> Result<Session, ApiError> {
    // Counted and committed before the password is checked.
    let claim = rate_limit::claim_login(&state.store, email.as_str(), address).await?;
    let user = state.store.find_user_by_email(email).await?;
    let verified = password::verify(
        password_given,
        user.as_ref().map(|u| u.password_hash.clone()),
    )
    .await?;
    let user = match user {
        Some(user) if verified => user,
        _ => return Err(ApiError::InvalidCredentials),
    };
    claim.release(&state.store).await?;

    let tx = begin(state).await?;
    let principal = principal_of(&tx, user.id).await?;
    let session_id = Uuid::now_v7();
    let token_version = tx.start_session(session_id, user.id).await?;
    let refresh_token = issue_refresh_token(&tx, user.id, session_id).await?;
    commit_with_audit(tx, &principal, "auth.login", "user", Some(user.id)).await?;
    Ok(Session {
        principal,
        session: (session_id, token_version),
        refresh_token,
    })
}

/// Renews the session whose refresh token is `presented`: `None` when there is no valid
/// session (and a copied, already used token ends its whole session).
pub async fn renew(state: &AppState, presented: &str) -> Result<Option<Session>, ApiError> {
    let tx = begin(state).await?;
    let renewed = match tx
        .use_refresh_token(&session::hash_token(presented))
        .await?
    {
        RefreshOutcome::Rotated(record) => {
            let principal = principal_of(&tx, record.user_id).await?;
            let token_version = tx.token_version(record.user_id).await?;
            let refresh_token = issue_refresh_token(&tx, record.user_id, record.family_id).await?;
            Some(Session {
                principal,
                session: (record.family_id, token_version),
                refresh_token,
            })
        }
        RefreshOutcome::Reused => {
            tracing::warn!("a spent refresh token was presented again; its session is revoked");
            None
        }
        RefreshOutcome::Invalid => None,
    };
    // Committed either way: a reused token's revocation must stick.
    tx.commit().await?;
    Ok(renewed)
}

/// Ends the session whose refresh token is `presented`, if it is one.
pub async fn log_out(state: &AppState, presented: &str) -> Result<(), ApiError> {
    let tx = begin(state).await?;
    match tx
        .revoke_refresh_token(&session::hash_token(presented))
        .await?
    {
        Some(user_id) => {
            let actor = Principal::User(UserPrincipal {
                id: user_id,
                grants: Vec::new(),
            });
            commit_with_audit(tx, &actor, "auth.logout", "user", Some(user_id)).await
        }
        None => Ok(tx.commit().await?),
    }
}

/// Checks a partner client's credentials and the scopes it asks for (all it was granted when
/// `asked` is `None`); returns the client as a principal, audited.
pub async fn authenticate_client(
    state: &AppState,
    client_id: &str,
    secret: &str,
    asked: Option<&str>,
) -> Result<ClientPrincipal, ApiError> {
    let tx = begin(state).await?;
    let client = tx
        .find_partner_client(client_id)
        .await?
        .ok_or(ApiError::InvalidClient)?;
    let presented: [u8; 32] = Sha256::digest(secret.as_bytes()).into();
    if !constant_time_eq(&presented, &client.secret_hash) {
        return Err(ApiError::InvalidClient);
    }
    let scopes = match asked {
        None => client.scopes.clone(),
        Some(asked) => {
            let asked = Scopes::parse(asked).map_err(|e| ApiError::BadRequest {
                code: ErrorCode::InvalidScope,
                detail: e.0,
            })?;
            if !asked.is_subset_of(&client.scopes) {
                return Err(ApiError::BadRequest {
                    code: ErrorCode::InvalidScope,
                    detail: format!("this client may ask for: {}", client.scopes),
                });
            }
            asked
        }
    };
    let client = ClientPrincipal {
        id: client.id,
        organisation_id: client.organisation_id,
        scopes,
    };
    let actor = Principal::Client(client.clone());
    commit_with_audit(tx, &actor, "auth.token", "partner_client", Some(client.id)).await?;
    Ok(client)
}

/// The roles a person holds now, read fresh from the database for the token.
async fn principal_of(store: &Store, user_id: Uuid) -> Result<Principal, ApiError> {
    let grants = store
        .memberships_of(user_id)
        .await?
        .into_iter()
        .map(|m| Grant {
            role: m.role,
            organisation_id: m.organisation.id,
            organisation_kind: m.organisation.kind,
        })
        .collect();
    Ok(Principal::User(UserPrincipal {
        id: user_id,
        grants,
    }))
}

/// Stores a new refresh token in `family` (the session) and returns it.
async fn issue_refresh_token(
    store: &Store,
    user_id: Uuid,
    family: Uuid,
) -> Result<String, ApiError> {
    let refresh_token = session::new_token();
    // Real time, not the application's clock: the store checks expiry against real time, as
    // the access token's signature check does.
    let expires = store::now() + chrono::Duration::days(session::REFRESH_LIFETIME_DAYS);
    let hash = session::hash_token(&refresh_token);
    store
        .insert_refresh_token(&hash, user_id, family, expires)
        .await?;
    Ok(refresh_token)
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
