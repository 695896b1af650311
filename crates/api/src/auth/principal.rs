//! The caller of a request, taken from its bearer token.

use std::future::Future;
use std::pin::Pin;

use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, dev::Payload, web};
use domain::{OrganisationKind, Role, Scopes};
use uuid::Uuid;

use super::jwt::Revocation;
use crate::error::ApiError;
use crate::state::AppState;

/// One role held in one organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    /// The role.
    pub role: Role,
    /// The organisation (tenant) it is held in.
    pub organisation_id: Uuid,
    /// What kind of organisation that is.
    pub organisation_kind: OrganisationKind,
}

/// A person who logged in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserPrincipal {
    /// The person's id.
    pub id: Uuid,
    /// Every role they hold.
    pub grants: Vec<Grant>,
}

/// A partner organisation's API client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientPrincipal {
    /// The client's id.
    pub id: Uuid,
    /// The partner organisation it acts for.
    pub organisation_id: Uuid,
    /// What it may do.
    pub scopes: Scopes,
}

/// Whoever sent an authenticated request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// A person.
    User(UserPrincipal),
    /// A partner client.
    Client(ClientPrincipal),
}

impl Principal {
    /// `user` or `client`, for the audit log.
    pub fn actor_kind(&self) -> &'static str {
        match self {
            Principal::User(_) => "user",
            Principal::Client(_) => "client",
        }
    }

    /// The id of the person or client.
    pub fn actor_id(&self) -> Uuid {
        match self {
            Principal::User(user) => user.id,
            Principal::Client(client) => client.id,
        }
    }
}

impl FromRequest for Principal {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { principal_of(&req).await })
    }
}

/// The caller, once the token's signature is checked and the database confirms it was not
/// revoked: the session is live and the person's token version current, or the partner client
/// is still enabled.
async fn principal_of(req: &HttpRequest) -> Result<Principal, ApiError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::Unexpected(anyhow::anyhow!("application state is missing")))?;
    let value = req
        .headers()
        .get(header::AUTHORIZATION)
        .ok_or(ApiError::Unauthenticated)?;
    let text = value.to_str().map_err(|_| ApiError::InvalidToken)?;
    let token = text
        .strip_prefix("Bearer ")
        .or_else(|| text.strip_prefix("bearer "))
        .ok_or(ApiError::Unauthenticated)?;
    let (principal, revocation) = state
        .keys
        .verify_with_revocation(token.trim())
        .ok_or(ApiError::InvalidToken)?;
    let honoured = match revocation {
        Revocation::Session {
            user_id,
            session_id,
            token_version,
        } => {
            state
                .store
                .session_is_live(user_id, session_id, token_version)
                .await?
        }
        Revocation::Client { client_id } => state.store.partner_client_is_active(client_id).await?,
    };
    if honoured {
        Ok(principal)
    } else {
        Err(ApiError::InvalidToken)
    }
}
