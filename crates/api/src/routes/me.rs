//! Who is logged in.

use actix_web::{get, web};
use domain::contract::{Me, Membership, Problem};

use crate::auth::Principal;
use crate::error::ApiError;
use crate::routes::registry::Routes;
use crate::state::AppState;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config.service(me);
}

/// The person who is logged in, with every role they hold and where.
#[utoipa::path(
    operation_id = "getMe",
    tag = "auth",
    responses(
        (status = 200, description = "The person behind the access token.", body = Me),
        (status = 403, description = "A partner client is not a person.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me")]
pub async fn me(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<Me>, ApiError> {
    let Principal::User(user) = principal else {
        return Err(ApiError::Forbidden);
    };
    let record = state.store.get_user(user.id).await.map_err(|e| match e {
        // The account was removed after the token was issued.
        store::StoreError::NotFound => ApiError::InvalidToken,
        other => other.into(),
    })?;
    let memberships = state
        .store
        .memberships_of(user.id)
        .await?
        .into_iter()
        .map(|m| Membership {
            role: m.role,
            organisation: m.organisation,
        })
        .collect();
    Ok(web::Json(Me {
        id: record.id,
        name: record.name,
        email: record.email,
        memberships,
        today: state.clock.today(),
    }))
}
