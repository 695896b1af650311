//! Outgoing messages: what Klasbrug sent, what waits, and what failed and why, for programme
//! staff. The body is left out on purpose: it can hold a login or invitation link.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::text_enum;

text_enum! {
    /// Where a message is in its delivery.
    pub enum MessageStatus ("message status") {
        /// Waiting for its first or next attempt, or being delivered right now.
        Waiting = "waiting",
        /// Delivered to the mail server.
        Sent = "sent",
        /// Given up on after its last attempt; staff can send it again.
        Failed = "failed",
    }
}

/// One message in the outbox, without its body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutgoingMessage {
    /// The message's id; newer messages have larger ids.
    pub id: Uuid,
    /// How it travels: `email`, or `webhook` (a delivery to a partner's endpoint; the
    /// recipient is its URL and the subject the event type).
    pub channel: String,
    /// What kind of message it is, such as `employer.invitation`.
    pub kind: String,
    /// The address it goes to.
    pub recipient: String,
    /// The subject line.
    pub subject: String,
    /// Where it is in its delivery.
    pub status: MessageStatus,
    /// How many times delivery was attempted.
    pub attempts: i32,
    /// Why the last attempt failed, as the mail server or the connection said it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
    /// When it was written (UTC).
    pub created_at: DateTime<Utc>,
    /// When it was delivered (UTC), once it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<DateTime<Utc>>,
    /// When the next attempt is due (UTC), while it waits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_attempt_at: Option<DateTime<Utc>>,
}

/// Filters of the list of messages; both are optional and combine.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct MessageQuery {
    /// Only messages in this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<MessageStatus>,
    /// Only messages whose address contains this text (case-insensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
}

/// How a person gets one category of e-mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MailPreference {
    /// The category.
    pub category: crate::mail_preference::MailCategory,
    /// Right away, weekly, or never.
    pub choice: crate::mail_preference::MailChoice,
}

/// A person's choices for every category of e-mail; what they never set is `immediately`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MailPreferences {
    /// The address the choices are for.
    pub email: String,
    /// One choice per category, in the categories' order.
    pub preferences: Vec<MailPreference>,
}

/// An unsubscribe link's token, from the link in an e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UnsubscribeInput {
    /// The `token` of the link.
    pub token: String,
}

/// What an unsubscribe link stopped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Unsubscribed {
    /// The category that is now `never` for the address of the link.
    pub category: crate::mail_preference::MailCategory,
}
