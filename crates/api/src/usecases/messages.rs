//! Outgoing messages: programme staff send a failed one again.

use domain::contract::OutgoingMessage;
use uuid::Uuid;

use super::{begin, commit_with_audit};
use crate::auth::Principal;
use crate::error::{ApiError, ErrorCode};
use crate::policy::{self, Action};
use crate::state::AppState;

/// Puts a failed message back in the outbox, due now with its attempts counted afresh, and
/// wakes the delivery worker. Only a failed message: of two staff retrying at once, the second
/// finds it waiting and gets `message_not_failed`.
pub async fn retry(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> Result<OutgoingMessage, ApiError> {
    policy::authorize(principal, Action::ManageMessages, "message")?;
    let tx = begin(state).await?;
    if !tx.retry_message(id).await? {
        return Err(match tx.get_message(id).await {
            Ok(message) => ApiError::Conflict {
                code: ErrorCode::MessageNotFailed,
                detail: format!(
                    "the message is {}; only a failed message can be sent again",
                    message.status
                ),
            },
            Err(store::StoreError::NotFound) => ApiError::NotFound("message"),
            Err(other) => other.into(),
        });
    }
    let message = tx.get_message(id).await?;
    commit_with_audit(tx, principal, "message.retry", "message", Some(id)).await?;
    state.mailer.wake();
    Ok(message)
}
