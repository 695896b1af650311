//! Webhook endpoints of partner clients, and the deliveries made to them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::message::MessageStatus;
use crate::webhook::WebhookEvent;

/// An endpoint to register, or the whole of one to replace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct WebhookEndpointInput {
    /// Where deliveries are POSTed: an `https` URL.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "https://partner.example/klasbrug/events")
    )]
    pub url: String,
    /// The event types to deliver; each needs the scope that reads the same through the API.
    pub events: Vec<WebhookEvent>,
    /// A note for people, such as "CRM-koppeling".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A registered endpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookEndpoint {
    /// The endpoint's id.
    pub id: Uuid,
    /// Where deliveries are POSTed.
    pub url: String,
    /// The event types delivered to it.
    pub events: Vec<WebhookEvent>,
    /// A note for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// When it was registered (UTC).
    pub created_at: DateTime<Utc>,
}

/// A newly registered endpoint, with the secret its deliveries are signed with. The secret is
/// shown this once; Klasbrug cannot show it again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreatedWebhookEndpoint {
    /// The endpoint.
    pub endpoint: WebhookEndpoint,
    /// The signing secret (`whsec_` and base64), per the Standard Webhooks specification.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
    )]
    pub secret: String,
}

/// One delivery of an event to an endpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookDelivery {
    /// The delivery's id, sent as `webhook-id`: the same on every attempt and replay, so a
    /// receiver can recognise one it has handled.
    pub id: Uuid,
    /// The event type.
    pub event: WebhookEvent,
    /// Where it is in its delivery.
    pub status: MessageStatus,
    /// How many attempts were made.
    pub attempts: i32,
    /// The HTTP status of the last response, if one came.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_status: Option<i32>,
    /// The start of the last response's body (at most 1,000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_body: Option<String>,
    /// Why the last attempt failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
    /// The JSON body that is POSTed.
    pub payload: serde_json::Value,
    /// When the event happened (UTC).
    pub created_at: DateTime<Utc>,
    /// When the endpoint accepted it (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<DateTime<Utc>>,
    /// When the next attempt is due (UTC), while it waits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_attempt_at: Option<DateTime<Utc>>,
}

/// The body of every delivery, per the Standard Webhooks specification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookPayload {
    /// The event type, such as `placement.opened`.
    #[serde(rename = "type")]
    pub event: WebhookEvent,
    /// When the event happened (UTC).
    pub timestamp: DateTime<Utc>,
    /// What the event is about: a `Placement` for `placement.opened`, a
    /// `PlacementClosedData` for `placement.closed`, a `MatchEventData` for `match.*`, a
    /// `LibraryEntry` for `lesson_series.approved` and an `Application` for
    /// `ambassador.application_received`.
    pub data: serde_json::Value,
}

/// `placement.closed`: the placement is no longer offered, and no longer readable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlacementClosedData {
    /// The placement's id.
    pub id: Uuid,
    /// Its school.
    pub school_id: Uuid,
    /// What it is now: `proposed`, `filled`, `closed` or `cancelled`.
    pub status: crate::PlacementStatus,
}

/// `match.proposed`, `match.confirmed`, `match.ended`: a match of a candidate the partner
/// applied for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MatchEventData {
    /// The match's id.
    pub match_id: Uuid,
    /// The placement.
    pub placement_id: Uuid,
    /// The school.
    pub school_id: Uuid,
    /// The application the partner sent for the candidate.
    pub application_id: Uuid,
    /// The ambassador the candidate became.
    pub ambassador_id: Uuid,
    /// The match's status now (`proposed`, `confirmed`, `declined`, `ended`).
    pub status: crate::match_lifecycle::MatchStatus,
    /// The first day at school, once known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts_on: Option<chrono::NaiveDate>,
    /// The last day, once it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_on: Option<chrono::NaiveDate>,
}
