//! Logging in and out, restoring a session, who is logged in, and resetting a forgotten
//! password.

use domain::contract::{
    AccessToken, LoginRequest, Me, PasswordResetConfirmation, PasswordResetRequest,
};
use gloo_net::http::Method;

use super::early::Restored;
use super::{Api, ApiError, read};

/// Logs in. On success the access token is kept in memory and the server has set the refresh
/// cookie.
pub async fn login(api: &Api, credentials: &LoginRequest) -> Result<(), ApiError> {
    let response = api
        .send(Method::POST, "/auth/login", &[], Some(credentials))
        .await?;
    let token: AccessToken = read(response).await?;
    api.set_token(token.access_token);
    Ok(())
}

/// Trades the refresh cookie for a new access token (and a rotated cookie). Use
/// [`Api::refresh`], which makes sure only one runs at a time.
pub(super) async fn refresh(api: &Api) -> Result<(), ApiError> {
    let response = api
        .send::<()>(Method::POST, "/auth/refresh", &[], None)
        .await?;
    let token: AccessToken = read(response).await?;
    api.set_token(token.access_token);
    Ok(())
}

/// Restores the session of an earlier visit from the refresh cookie, if there is one: with the
/// answers `start.js` already got while the app loaded, or else by asking now. `Ok(None)` means
/// there is no session: show the login.
pub async fn restore(api: &Api) -> Result<Option<Me>, ApiError> {
    if let Some(early) = super::early::take().await {
        return match early.interpret()? {
            Restored::NoSession => Ok(None),
            Restored::SignedIn { token, me } => {
                api.set_token(token);
                Ok(Some(remembered(*me)))
            }
            Restored::TokenOnly(token) => {
                api.set_token(token);
                self::me(api).await.map(Some)
            }
        };
    }
    match api.refresh().await {
        Ok(()) => me(api).await.map(Some),
        Err(error) if error.is_unauthenticated() => Ok(None),
        Err(error) => Err(error),
    }
}

/// Logs out: the server revokes the refresh token and clears the cookie. The token in memory is
/// forgotten whatever the server says, so the person is logged out on this device either way.
pub async fn logout(api: &Api) -> Result<(), ApiError> {
    let result = api
        .send::<()>(Method::POST, "/auth/logout", &[], None)
        .await;
    api.clear_token();
    read(result?).await
}

/// The person who is logged in, with the programme's today, which is remembered for the forms'
/// dates.
pub async fn me(api: &Api) -> Result<Me, ApiError> {
    Ok(remembered(api.get("/me", &[]).await?))
}

/// The person, once the programme's today they carry is remembered for the forms' dates.
fn remembered(me: Me) -> Me {
    crate::format::set_today(me.today);
    me
}

/// Asks for a password reset link; the server answers the same whatever the address.
pub async fn request_password_reset(
    api: &Api,
    request: &PasswordResetRequest,
) -> Result<(), ApiError> {
    let response = api
        .send(Method::POST, "/auth/password-reset", &[], Some(request))
        .await?;
    read::<serde_json::Value>(response).await.map(|_| ())
}

/// Sets a new password with the token from the reset e-mail.
pub async fn confirm_password_reset(
    api: &Api,
    confirmation: &PasswordResetConfirmation,
) -> Result<(), ApiError> {
    let response = api
        .send(
            Method::POST,
            "/auth/password-reset/confirm",
            &[],
            Some(confirmation),
        )
        .await?;
    read(response).await
}
