//! A person's e-mail choices, and unsubscribe links that work without logging in.

use actix_web::{get, post, put, web};
use domain::contract::{MailPreference, MailPreferences, Problem, UnsubscribeInput, Unsubscribed};

use crate::auth::Principal;
use crate::error::ApiError;
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(get_mail_preferences)
        .service(set_mail_preferences)
        .service(unsubscribe);
}

/// The logged-in person's choice per category of e-mail: right away (the default), in a
/// weekly digest on Monday morning, or never. Invitations, confirmation links, password resets
/// and an expired VOG always reach them and have no category.
#[utoipa::path(
    operation_id = "getMailPreferences",
    tag = "messages",
    responses(
        (status = 200, description = "A choice for every category.", body = MailPreferences),
        (status = 403, description = "A partner client is not a person.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/mail-preferences")]
pub async fn get_mail_preferences(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<MailPreferences>, ApiError> {
    Ok(web::Json(
        usecases::mail_preferences::mine(&state, &principal).await?,
    ))
}

/// Set the logged-in person's choices for the categories named; the others stay.
#[utoipa::path(
    operation_id = "setMailPreferences",
    tag = "messages",
    request_body = Vec<MailPreference>,
    responses(
        (status = 200, description = "A choice for every category, as stored.", body = MailPreferences),
        (status = 400, description = "The body is not valid JSON for this operation (an unknown category or choice).", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A partner client is not a person.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A category is named twice.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[put("/me/mail-preferences")]
pub async fn set_mail_preferences(
    state: web::Data<AppState>,
    principal: Principal,
    body: crate::json::Json<Vec<MailPreference>>,
) -> Result<web::Json<MailPreferences>, ApiError> {
    let stored =
        usecases::mail_preferences::set_mine(&state, &principal, body.into_inner()).await?;
    Ok(web::Json(stored))
}

/// Stop one category of e-mail with the token of the unsubscribe link under such an e-mail;
/// no login needed. The link names the address and the category and is signed by the server.
#[utoipa::path(
    operation_id = "unsubscribe",
    tag = "messages",
    request_body = UnsubscribeInput,
    responses(
        (status = 200, description = "The category is now `never` for the link's address.", body = Unsubscribed),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The token is not one Klasbrug made.", body = Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[post("/mail-preferences/unsubscribe")]
pub async fn unsubscribe(
    state: web::Data<AppState>,
    body: crate::json::Json<UnsubscribeInput>,
) -> Result<web::Json<Unsubscribed>, ApiError> {
    Ok(web::Json(
        usecases::mail_preferences::unsubscribe(&state, &body.token).await?,
    ))
}
