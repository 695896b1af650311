//! Applying to become an ambassador, confirming it, and the applications programme staff see.

use domain::contract::{
    Application, ApplicationConfirmation, ApplicationInput, ConfirmedApplication, Page,
    SignUpReceived,
};

use super::{Api, ApiError};

/// Sends an application (no login needed); the answer is the same whatever the address.
pub async fn apply(api: &Api, input: &ApplicationInput) -> Result<SignUpReceived, ApiError> {
    api.post("/applications", input).await
}

/// Confirms an application from the e-mail's link, with the new account's password.
pub async fn confirm_application(
    api: &Api,
    confirmation: &ApplicationConfirmation,
) -> Result<ConfirmedApplication, ApiError> {
    api.post("/applications/confirm", confirmation).await
}

/// The newest applications in `status` (`confirmed`, `awaiting_confirmation`), at most 50.
pub async fn list_applications(api: &Api, status: &str) -> Result<Page<Application>, ApiError> {
    api.get(
        "/applications",
        &[("status", status.to_owned()), ("limit", "50".to_owned())],
    )
    .await
}
