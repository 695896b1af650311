//! Logging in, tokens and who is logged in.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::Role;
use crate::contract::Organisation;

/// E-mail and password of a person logging in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// The e-mail address the account was created with (case does not matter).
    #[cfg_attr(feature = "openapi", schema(example = "directeur@zeester.example"))]
    pub email: String,
    /// The account's password.
    #[cfg_attr(feature = "openapi", schema(format = Password))]
    pub password: String,
}

/// A short-lived access token. Send it as `Authorization: Bearer <access_token>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccessToken {
    /// The JWT to send in the `Authorization` header.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the token expires.
    pub expires_in: i64,
    /// For partner clients: the scopes granted, space-separated. Absent for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

/// OAuth2 client-credentials request (RFC 6749 §4.4), sent as
/// `application/x-www-form-urlencoded`. The client may authenticate with HTTP Basic instead of
/// `client_id` and `client_secret` in the form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientCredentialsRequest {
    /// Must be `client_credentials`.
    pub grant_type: String,
    /// The client's id, as issued by programme staff.
    #[serde(default)]
    pub client_id: Option<String>,
    /// The client's secret, as issued by programme staff.
    #[serde(default)]
    pub client_secret: Option<String>,
    /// The scopes wanted, space-separated; defaults to all scopes granted to the client.
    #[serde(default)]
    pub scope: Option<String>,
}

/// One role a person holds in one organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Membership {
    /// The role held.
    pub role: Role,
    /// The organisation in which it is held.
    pub organisation: Organisation,
}

/// The person who is logged in, with every role they hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    /// The person's id.
    pub id: Uuid,
    /// Full name, as shown to others.
    pub name: String,
    /// Login e-mail address.
    pub email: String,
    /// Every role the person holds, with its organisation.
    pub memberships: Vec<Membership>,
    /// The programme's today (Europe/Amsterdam) by the server's clock. Forms propose dates from
    /// it rather than from the device's calendar, which may be wrong or in another time zone.
    pub today: chrono::NaiveDate,
}

/// Someone who forgot their password asks for a reset link for the address they log in with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordResetRequest {
    /// The address the account logs in with (case does not matter).
    #[cfg_attr(feature = "openapi", schema(example = "noah@ambassadeur.example"))]
    pub email: String,
}

/// A new password, chosen from the link in the reset e-mail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordResetConfirmation {
    /// The token from the link.
    pub token: String,
    /// The new password: at least 10 characters, and hard to guess.
    #[cfg_attr(feature = "openapi", schema(format = Password))]
    pub password: String,
}
