//! A partner client's webhook endpoints and their deliveries (scope `webhooks:manage`).

use actix_web::{HttpResponse, delete, get, post, put, web};
use domain::contract::{
    CreatedWebhookEndpoint, MessageStatus, Page, Problem, WebhookDelivery, WebhookEndpoint,
    WebhookEndpointInput,
};
use serde::Deserialize;
use uuid::Uuid;

use super::pagination::{PageQuery, into_page};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::routes::registry::Routes;
use crate::state::AppState;
use crate::usecases;

/// Registers the routes of this file.
pub fn configure(config: &mut Routes<'_, '_>) {
    config
        .service(list_endpoints)
        .service(create_endpoint)
        .service(get_endpoint)
        .service(update_endpoint)
        .service(delete_endpoint)
        .service(list_deliveries)
        .service(replay_delivery);
}

/// Filters of an endpoint's deliveries.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct DeliveryQuery {
    /// Only deliveries in this status.
    pub status: Option<MessageStatus>,
}

/// The client's endpoints, oldest first.
#[utoipa::path(
    operation_id = "listWebhookEndpoints",
    tag = "webhooks",
    responses(
        (status = 200, description = "The client's endpoints.", body = Vec<WebhookEndpoint>),
        (status = 403, description = "Only a partner client with `webhooks:manage` has endpoints.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("oauth2" = ["webhooks:manage"]))
)]
#[get("/webhooks")]
pub async fn list_endpoints(
    state: web::Data<AppState>,
    principal: Principal,
) -> Result<web::Json<Vec<WebhookEndpoint>>, ApiError> {
    Ok(web::Json(
        usecases::webhooks::list(&state, &principal).await?,
    ))
}

/// Register an endpoint for the event types it wants. The answer holds the secret deliveries
/// are signed with: it is shown this once, so store it now.
#[utoipa::path(
    operation_id = "createWebhookEndpoint",
    tag = "webhooks",
    request_body = WebhookEndpointInput,
    responses(
        (status = 201, description = "The endpoint and its signing secret (shown once).", body = CreatedWebhookEndpoint),
        (status = 400, description = "The body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only a partner client with `webhooks:manage` registers endpoints.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The URL is not a public `https` address, no event type was named, or the client lacks the scope an event type needs; each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("oauth2" = ["webhooks:manage"]))
)]
#[post("/webhooks")]
pub async fn create_endpoint(
    state: web::Data<AppState>,
    principal: Principal,
    body: crate::json::Json<WebhookEndpointInput>,
) -> Result<HttpResponse, ApiError> {
    let created = usecases::webhooks::create(&state, &principal, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(created))
}

/// One of the client's endpoints.
#[utoipa::path(
    operation_id = "getWebhookEndpoint",
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "The endpoint's id.")),
    responses(
        (status = 200, description = "The endpoint.", body = WebhookEndpoint),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only a partner client with `webhooks:manage` has endpoints.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of this client.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("oauth2" = ["webhooks:manage"]))
)]
#[get("/webhooks/{id}")]
pub async fn get_endpoint(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<web::Json<WebhookEndpoint>, ApiError> {
    Ok(web::Json(
        usecases::webhooks::get(&state, &principal, *id).await?,
    ))
}

/// Replace an endpoint's URL, event types and note. Its secret stays; deliveries already
/// waiting go to the new URL.
#[utoipa::path(
    operation_id = "updateWebhookEndpoint",
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "The endpoint's id.")),
    request_body = WebhookEndpointInput,
    responses(
        (status = 200, description = "The endpoint, as stored.", body = WebhookEndpoint),
        (status = 400, description = "The id is not a UUID, or the body is not valid JSON for this operation.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only a partner client with `webhooks:manage` has endpoints.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of this client.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named in `errors`.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("oauth2" = ["webhooks:manage"]))
)]
#[put("/webhooks/{id}")]
pub async fn update_endpoint(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    body: crate::json::Json<WebhookEndpointInput>,
) -> Result<web::Json<WebhookEndpoint>, ApiError> {
    let endpoint = usecases::webhooks::update(&state, &principal, *id, body.into_inner()).await?;
    Ok(web::Json(endpoint))
}

/// Remove an endpoint: nothing more is delivered to it, and deliveries still waiting fail.
#[utoipa::path(
    operation_id = "deleteWebhookEndpoint",
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "The endpoint's id.")),
    responses(
        (status = 204, description = "Removed."),
        (status = 400, description = "The id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only a partner client with `webhooks:manage` has endpoints.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of this client.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("oauth2" = ["webhooks:manage"]))
)]
#[delete("/webhooks/{id}")]
pub async fn delete_endpoint(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    usecases::webhooks::delete(&state, &principal, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// An endpoint's deliveries, newest first: the event and its JSON body, whether it waits, was
/// delivered or failed, after how many attempts, and the endpoint's last answer.
#[utoipa::path(
    operation_id = "listWebhookDeliveries",
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "The endpoint's id."), DeliveryQuery, PageQuery),
    responses(
        (status = 200, description = "A page of deliveries, newest first.", body = Page<WebhookDelivery>),
        (status = 400, description = "The id is not a UUID, or a filter has an unknown value.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only a partner client with `webhooks:manage` has endpoints.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of this client.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`limit` or `after` is invalid.", body = Problem, content_type = "application/problem+json"),
    ),
    security(("oauth2" = ["webhooks:manage"]))
)]
#[get("/webhooks/{id}/deliveries")]
pub async fn list_deliveries(
    state: web::Data<AppState>,
    principal: Principal,
    id: web::Path<Uuid>,
    filter: web::Query<DeliveryQuery>,
    page: web::Query<PageQuery>,
) -> Result<web::Json<Page<WebhookDelivery>>, ApiError> {
    let limit = page.limit()?;
    let after = page.after(|text| Uuid::parse_str(text).ok())?;
    let items =
        usecases::webhooks::deliveries(&state, &principal, *id, filter.status, after, limit + 1)
            .await?;
    Ok(web::Json(into_page(items, limit, |d| d.id.to_string())))
}

/// Deliver again, now, with the same `webhook-id` and body: a delivery that was delivered or
/// failed. One that still waits answers 409.
#[utoipa::path(
    operation_id = "replayWebhookDelivery",
    tag = "webhooks",
    params(
        ("id" = Uuid, Path, description = "The endpoint's id."),
        ("delivery_id" = Uuid, Path, description = "The delivery's id."),
    ),
    responses(
        (status = 200, description = "The delivery, waiting again.", body = WebhookDelivery),
        (status = 400, description = "An id is not a UUID.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only a partner client with `webhooks:manage` has endpoints.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint of this client, or no such delivery to it.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The delivery still waits or is being delivered (`delivery_waiting`).", body = Problem, content_type = "application/problem+json"),
    ),
    security(("oauth2" = ["webhooks:manage"]))
)]
#[post("/webhooks/{id}/deliveries/{delivery_id}/replay")]
pub async fn replay_delivery(
    state: web::Data<AppState>,
    principal: Principal,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<WebhookDelivery>, ApiError> {
    let (endpoint, delivery) = path.into_inner();
    let replayed = usecases::webhooks::replay(&state, &principal, endpoint, delivery).await?;
    Ok(web::Json(replayed))
}
