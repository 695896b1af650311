//! Partner webhooks: the events a partner can subscribe to, and which scope each one needs.
//!
//! An event tells a partner what it could also read through the API, never more: a partner
//! without `placements:read` hears nothing of placements, and events about people concern only
//! the candidates the partner itself applied for.

use crate::{Scope, Scopes, text_enum};

text_enum! {
    /// Something that happened that a partner can be told of.
    pub enum WebhookEvent ("webhook event type") {
        /// A placement became open: it is offered, and readable through `placements:read`.
        PlacementOpened = "placement.opened",
        /// A placement is no longer open: proposed, filled, closed or cancelled.
        PlacementClosed = "placement.closed",
        /// One of the partner's candidates was proposed for a placement.
        MatchProposed = "match.proposed",
        /// The school and the partner's candidate both confirmed a match.
        MatchConfirmed = "match.confirmed",
        /// A match of one of the partner's candidates ended (or was declined).
        MatchEnded = "match.ended",
        /// A lesson series was approved and is in the library.
        LessonSeriesApproved = "lesson_series.approved",
        /// An application the partner sent for a candidate was received.
        ApplicationReceived = "ambassador.application_received",
    }
}

impl WebhookEvent {
    /// The scope a partner client needs to be told of this event: the one that lets it read
    /// the same through the API.
    pub fn required_scope(self) -> Scope {
        match self {
            WebhookEvent::PlacementOpened | WebhookEvent::PlacementClosed => Scope::PlacementsRead,
            WebhookEvent::LessonSeriesApproved => Scope::LessonSeriesRead,
            WebhookEvent::MatchProposed
            | WebhookEvent::MatchConfirmed
            | WebhookEvent::MatchEnded
            | WebhookEvent::ApplicationReceived => Scope::AmbassadorsWrite,
        }
    }

    /// Whether the event concerns one candidate, and so goes only to the partner that applied
    /// for them.
    pub fn about_own_candidate(self) -> bool {
        self.required_scope() == Scope::AmbassadorsWrite
    }
}

/// Why a list of event types cannot be subscribed to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SubscriptionError {
    /// No event type was named.
    #[error("name at least one event type")]
    Empty,
    /// The client lacks the scope an event needs.
    #[error("'{event}' needs the scope '{scope}', which this client does not have")]
    MissingScope {
        /// The event type.
        event: WebhookEvent,
        /// The scope it needs.
        scope: Scope,
    },
}

/// The event types to subscribe to, sorted and without repeats, when `scopes` allow each.
pub fn subscription(
    events: &[WebhookEvent],
    scopes: &Scopes,
) -> Result<Vec<WebhookEvent>, SubscriptionError> {
    let mut events = events.to_vec();
    events.sort();
    events.dedup();
    if events.is_empty() {
        return Err(SubscriptionError::Empty);
    }
    for &event in &events {
        let scope = event.required_scope();
        if !scopes.contains(scope) {
            return Err(SubscriptionError::MissingScope { event, scope });
        }
    }
    Ok(events)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_has_a_dotted_name_that_parses_back() {
        for &event in WebhookEvent::ALL {
            assert!(event.as_str().contains('.'), "{event}");
            assert_eq!(WebhookEvent::parse(event.as_str()), Ok(event));
        }
    }

    #[test]
    fn events_about_people_need_the_scope_for_the_partners_own_candidates() {
        assert!(WebhookEvent::MatchProposed.about_own_candidate());
        assert!(WebhookEvent::ApplicationReceived.about_own_candidate());
        assert!(!WebhookEvent::PlacementOpened.about_own_candidate());
        assert!(!WebhookEvent::LessonSeriesApproved.about_own_candidate());
    }

    #[test]
    fn a_subscription_is_sorted_without_repeats_and_needs_every_scope() {
        let scopes = Scopes::parse("placements:read ambassadors:write").unwrap();
        let events = [
            WebhookEvent::MatchEnded,
            WebhookEvent::PlacementOpened,
            WebhookEvent::MatchEnded,
        ];
        assert_eq!(
            subscription(&events, &scopes),
            Ok(vec![
                WebhookEvent::PlacementOpened,
                WebhookEvent::MatchEnded
            ])
        );
        assert_eq!(
            subscription(&[WebhookEvent::LessonSeriesApproved], &scopes),
            Err(SubscriptionError::MissingScope {
                event: WebhookEvent::LessonSeriesApproved,
                scope: Scope::LessonSeriesRead
            })
        );
        assert_eq!(subscription(&[], &scopes), Err(SubscriptionError::Empty));
    }
}
