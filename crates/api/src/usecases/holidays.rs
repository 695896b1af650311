//! The holiday calendar: programme staff add a region's holidays.

use domain::contract::HolidayItem;

use super::{begin, commit_with_audit};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::error::ErrorCode;
use crate::policy::{self, Action};
use crate::state::AppState;

/// Adds a holiday to a region's calendar; one name per region.
pub async fn add(
    state: &AppState,
    principal: &Principal,
    input: HolidayItem,
) -> Result<HolidayItem, ApiError> {
    policy::authorize(principal, Action::EditHolidays, "holiday")?;
    let holiday = input.validate().map_err(ApiError::invalid_fields)?;
    let tx = begin(state).await?;
    tx.add_holiday(&holiday).await.map_err(|e| match e {
        store::StoreError::Conflict(_) => ApiError::Conflict {
            code: ErrorCode::HolidayExists,
            detail: format!(
                "regio {} already has a holiday named '{}'",
                holiday.region, holiday.name
            ),
        },
        other => other.into(),
    })?;
    commit_with_audit(tx, principal, "holiday.create", "holiday", None).await?;
    Ok(holiday)
}
