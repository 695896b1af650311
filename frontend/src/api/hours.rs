//! Hours (*uren*): a school's month of hour entries, approving a month at once, and deciding on
//! one entry.

use domain::contract::{BulkApproval, HourEntry, HourMonth, HourTransition};
use uuid::Uuid;

use super::{Api, ApiError};

/// A school's hour entries in `month` (`YYYY-MM`), with what waits and the approved totals.
pub async fn hour_month(api: &Api, school_id: Uuid, month: &str) -> Result<HourMonth, ApiError> {
    api.get(&format!("/schools/{school_id}/hour-months/{month}"), &[])
        .await
}

/// Approves every entry of a school's month that waits for a decision.
pub async fn approve_hour_month(
    api: &Api,
    school_id: Uuid,
    month: &str,
) -> Result<BulkApproval, ApiError> {
    api.post(
        &format!("/schools/{school_id}/hour-months/{month}/approvals"),
        &(),
    )
    .await
}

/// Approves, rejects or reopens one entry (the last two with a reason).
pub async fn decide_hour_entry(
    api: &Api,
    id: Uuid,
    transition: &HourTransition,
) -> Result<HourEntry, ApiError> {
    api.post(&format!("/hour-entries/{id}/transitions"), transition)
        .await
}
