//! The volunteer allowance (*vrijwilligersvergoeding*): a month's statement, drawing it up, the
//! caps of a year, and each line's adjustment and steps from draft to paid; the payout files.

use domain::allowance::AllowanceCaps;
use domain::contract::{
    LineAdjustment, LineTransition, PayoutFile, PayoutFileInput, Statement, StatementLineItem,
    StatementRunInput,
};
use uuid::Uuid;

use super::{Api, ApiError};

/// The lines of `month` (`YYYY-MM`) drawn up so far.
pub async fn statement(api: &Api, month: &str) -> Result<Statement, ApiError> {
    api.get(&format!("/statements/{month}"), &[]).await
}

/// Draws up `month`'s lines for every volunteer whose hours are all decided; lines drawn up
/// earlier stay. Lists who waits. A 409 `caps_missing` says the year has no caps yet.
pub async fn draw_up_statement(api: &Api, month: &str) -> Result<Statement, ApiError> {
    let input = StatementRunInput {
        month: month.to_owned(),
    };
    api.post("/statements", &input).await
}

/// Enters a calendar year's caps.
pub async fn add_caps(api: &Api, caps: &AllowanceCaps) -> Result<AllowanceCaps, ApiError> {
    api.post("/allowance-caps", caps).await
}

/// Sets another amount on a draft line, with the reason. `version` is the line's version as
/// the page shows it: a 412 `precondition_failed` says someone changed the line meanwhile.
pub async fn adjust_line(
    api: &Api,
    id: Uuid,
    version: i64,
    adjustment: &LineAdjustment,
) -> Result<StatementLineItem, ApiError> {
    api.post_if_match(
        &format!("/statement-lines/{id}/adjustments"),
        adjustment,
        version,
    )
    .await
}

/// Approves, reopens (with a reason) or marks a line paid, if it is still at `version`; a
/// 409 `over_cap` names the caps in its details.
pub async fn move_line(
    api: &Api,
    id: Uuid,
    version: i64,
    transition: &LineTransition,
) -> Result<StatementLineItem, ApiError> {
    api.post_if_match(
        &format!("/statement-lines/{id}/transitions"),
        transition,
        version,
    )
    .await
}

/// The month's payout files, oldest first.
pub async fn payout_files(api: &Api, month: &str) -> Result<Vec<PayoutFile>, ApiError> {
    api.get(&format!("/statements/{month}/payout-files"), &[])
        .await
}

/// Makes a payout file of the month's approved lines that are in no file yet, paid on
/// `execution_date` (`YYYY-MM-DD`).
pub async fn make_payout_file(
    api: &Api,
    month: &str,
    execution_date: &str,
) -> Result<PayoutFile, ApiError> {
    let execution_date = chrono::NaiveDate::parse_from_str(execution_date, "%Y-%m-%d").ok();
    api.post(
        &format!("/statements/{month}/payout-files"),
        &PayoutFileInput { execution_date },
    )
    .await
}

/// A payout file's payments as a CSV for people.
pub async fn payout_file_csv(api: &Api, month: &str, id: Uuid) -> Result<String, ApiError> {
    api.get_file(
        &format!("/statements/{month}/payout-files/{id}/payout.csv"),
        &[],
    )
    .await
}

/// A payout file's SEPA credit transfer, as it was made.
pub async fn payout_file_sepa(api: &Api, month: &str, id: Uuid) -> Result<String, ApiError> {
    api.get_file(
        &format!("/statements/{month}/payout-files/{id}/payout.xml"),
        &[],
    )
    .await
}
