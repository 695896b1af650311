//! The events partners are told of through their webhooks. Each is written to the outbox in the
//! transaction of the change it tells of, once per endpoint that wants it, and only to partners
//! that could read the same through the API: the scope the event needs, and for events about a
//! candidate only the partner that applied for them. The payload holds what that partner reads
//! through the API, never more (a placement without its teacher, a match as ids and dates).

use domain::PlacementStatus;
use domain::contract::{
    Application, Match, MatchEventData, Placement, PlacementClosedData, WebhookPayload,
};
use domain::match_lifecycle::MatchStatus;
use domain::webhook::WebhookEvent;
use serde::Serialize;
use store::{Store, StoreError};
use uuid::Uuid;

/// Writes `event` with `data` to the outbox for every endpoint that wants it and may read it;
/// only client `only_client`'s when the event is about that client's candidate.
async fn publish<T: Serialize>(
    tx: &Store,
    event: WebhookEvent,
    only_client: Option<Uuid>,
    data: &T,
) -> Result<(), StoreError> {
    let subscribers = tx.webhook_subscribers(event, only_client).await?;
    let scope = event.required_scope();
    let mut payload = None;
    for subscriber in subscribers.iter().filter(|s| s.scopes.contains(scope)) {
        if payload.is_none() {
            let body = WebhookPayload {
                event,
                timestamp: tx.now(),
                data: serde_json::to_value(data)
                    .map_err(|e| StoreError::Corrupt(format!("a webhook payload: {e}")))?,
            };
            payload = Some(
                serde_json::to_string(&body)
                    .map_err(|e| StoreError::Corrupt(format!("a webhook payload: {e}")))?,
            );
        }
        if let Some(body) = &payload {
            tx.enqueue_webhook(subscriber, event, body).await?;
        }
    }
    Ok(())
}

/// `placement.opened` or `placement.closed` when a placement's status went from `before` to
/// `after`'s across being open; nothing when it stayed on one side.
pub async fn placement_changed(
    tx: &Store,
    before: PlacementStatus,
    after: &Placement,
) -> Result<(), StoreError> {
    let (was_open, is_open) = (
        before == PlacementStatus::Open,
        after.status == PlacementStatus::Open,
    );
    if !was_open && is_open {
        let mut public = after.clone();
        public.teacher = None;
        publish(tx, WebhookEvent::PlacementOpened, None, &public).await
    } else if was_open && !is_open {
        let data = PlacementClosedData {
            id: after.id,
            school_id: after.school_id,
            status: after.status,
        };
        publish(tx, WebhookEvent::PlacementClosed, None, &data).await
    } else {
        Ok(())
    }
}

/// `match.proposed`, `match.confirmed` or `match.ended` for `current`, as its status says, to
/// the partner that applied for its ambassador (if one did).
pub async fn match_changed(tx: &Store, current: &Match) -> Result<(), StoreError> {
    let event = match current.status {
        MatchStatus::Proposed => WebhookEvent::MatchProposed,
        MatchStatus::Confirmed => WebhookEvent::MatchConfirmed,
        MatchStatus::Declined | MatchStatus::Ended => WebhookEvent::MatchEnded,
        _ => return Ok(()),
    };
    let Some((client, application_id)) = tx.applying_client(current.ambassador.id).await? else {
        return Ok(());
    };
    let data = MatchEventData {
        match_id: current.id,
        placement_id: current.placement.id,
        school_id: current.placement.school_id,
        application_id,
        ambassador_id: current.ambassador.id,
        status: current.status,
        starts_on: current.starts_on,
        ended_on: current.ended_on,
    };
    publish(tx, event, Some(client), &data).await
}

/// `lesson_series.approved`: the series as the library shows it, without its author.
pub async fn lesson_series_approved(tx: &Store, id: Uuid) -> Result<(), StoreError> {
    let entry = tx.library_entry(id).await?;
    publish(tx, WebhookEvent::LessonSeriesApproved, None, &entry).await
}

/// `ambassador.application_received`: to the client that sent `application`.
pub async fn application_received(
    tx: &Store,
    client: Uuid,
    application: &Application,
) -> Result<(), StoreError> {
    publish(
        tx,
        WebhookEvent::ApplicationReceived,
        Some(client),
        application,
    )
    .await
}
