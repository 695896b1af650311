//! Outgoing messages, for programme staff.

use domain::contract::{MessageQuery, OutgoingMessage, Page};
use gloo_net::http::Method;
use uuid::Uuid;

use super::{Api, ApiError, PAGE_SIZE};

/// One page of the outgoing messages, newest first, with `filter`'s filters.
pub async fn list_messages(
    api: &Api,
    filter: &MessageQuery,
    after: Option<String>,
) -> Result<Page<OutgoingMessage>, ApiError> {
    let mut query = vec![("limit", PAGE_SIZE.to_string())];
    if let Some(status) = filter.status {
        query.push(("status", status.as_str().to_owned()));
    }
    if let Some(recipient) = &filter.recipient {
        query.push(("recipient", recipient.clone()));
    }
    if let Some(after) = after {
        query.push(("after", after));
    }
    api.get("/messages", &query).await
}

/// Sends a failed message again; the answer is the message, waiting once more.
pub async fn retry_message(api: &Api, id: Uuid) -> Result<OutgoingMessage, ApiError> {
    api.request::<(), OutgoingMessage>(Method::POST, &format!("/messages/{id}/retry"), &[], None)
        .await
}
