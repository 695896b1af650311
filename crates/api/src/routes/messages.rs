//! Outgoing messages, for programme staff: what was sent, what waits, what failed and why.

use actix_web::{get, post, web};
use domain::contract::{MessageQuery, OutgoingMessage, Page, Problem};
use uuid::Uuid;

use super::pagination::{PageQuery, into_page};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::policy::{self, Action};
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config.service(list_messages).service(retry_message);
}

/// The messages Klasbrug sent or is sending, newest first: to whom, about what, whether each
/// waits, was sent or failed, after how many attempts and with which last error. Filtered by
/// status and by text in the address. Bodies are left out: they can hold login links.
#[utoipa::path(
    operation_id = "listMessages",
    tag = "messages",
    params(MessageQuery, PageQuery),
    responses(
        (status = 200, description = "A page of messages, newest first.", body = Page<OutgoingMessage>),
        (status = 400, description = "A filter has an unknown value.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme admins see outgoing messages.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`limit` or `after` is invalid.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/messages")]
pub async fn list_messages(
    state: web::Data<AppState>,
    principal: Principal,
    filter: web::Query<MessageQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<OutgoingMessage>>, ApiError> {
    policy::authorize(&principal, Action::ManageMessages, "messages")?;
    let limit = page.limit()?;
    let after = page.after(|text| Uuid::parse_str(text).ok())?;
    let items = state.store.list_messages(&filter, after, limit + 1).await?;
    Ok(web::Json(into_page(items, limit, |m| m.id.to_string())))
}

/// Send a failed message again: it waits once more, due now, with its attempts counted afresh,
/// and the delivery worker picks it up. Only a failed message can be sent again.
#[utoipa::path(
    operation_id = "retryMessage",
    tag = "messages",
    params(("id" = Uuid, Path, description = "The message's id.")),
    responses(
        (status = 200, description = "The message, waiting again.", body = OutgoingMessage),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only programme admins send messages again.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such message.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The message waits or was sent, for instance because someone else sent it again first (`message_not_failed`).", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/messages/{id}/retry")]
pub async fn retry_message(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<OutgoingMessage>, ApiError> {
    let message = usecases::messages::retry(&state, &principal, *id).await?;
    Ok(web::Json(message))
}
