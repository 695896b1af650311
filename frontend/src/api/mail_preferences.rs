//! A person's e-mail choices, and unsubscribing with the link from an e-mail.

use domain::contract::{MailPreference, MailPreferences, UnsubscribeInput, Unsubscribed};
use gloo_net::http::Method;

use super::{Api, ApiError};

/// The logged-in person's choice per category.
pub async fn mail_preferences(api: &Api) -> Result<MailPreferences, ApiError> {
    api.get("/me/mail-preferences", &[]).await
}

/// Stores the logged-in person's choices; the answer is all of them, as stored.
pub async fn set_mail_preferences(
    api: &Api,
    choices: &[MailPreference],
) -> Result<MailPreferences, ApiError> {
    api.request(
        Method::PUT,
        "/me/mail-preferences",
        &[],
        Some(&choices.to_vec()),
    )
    .await
}

/// Stops the category of an unsubscribe link; no login needed.
pub async fn unsubscribe(api: &Api, token: &str) -> Result<Unsubscribed, ApiError> {
    let body = UnsubscribeInput {
        token: token.to_owned(),
    };
    api.request(
        Method::POST,
        "/mail-preferences/unsubscribe",
        &[],
        Some(&body),
    )
    .await
}
