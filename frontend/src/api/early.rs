//! The session that `start.js` restored while the WebAssembly module downloaded and compiled
//! (frontend/static/start.js): the answers of `POST /auth/refresh` and `GET /me`, asked before
//! the app could. The app takes them once, since the server rotates the refresh cookie on every
//! use: asking again with the old cookie would fail.

use domain::contract::Me;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{ApiError, decode};

/// The global `start.js` leaves its promise in.
const GLOBAL: &str = "klasbrugSession";

/// What `start.js` got back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Early {
    pub refresh_status: u16,
    /// The refresh's problem, when it failed.
    pub refresh_body: String,
    /// The access token, when the refresh succeeded.
    pub token: Option<String>,
    pub me_status: u16,
    pub me_body: String,
}

/// What the app makes of the early answers.
#[derive(Debug, PartialEq)]
pub(super) enum Restored {
    /// No session (or it ended): show the login.
    NoSession,
    /// Logged in, with the person.
    SignedIn { token: String, me: Box<Me> },
    /// The token is good but `/me` failed: ask for the person again through the API client.
    TokenOnly(String),
}

impl Early {
    /// Reads the answers as [`super::auth::restore`] would have read its own.
    pub fn interpret(self) -> Result<Restored, ApiError> {
        let Some(token) = self.token else {
            return match decode::<serde_json::Value>(self.refresh_status, &self.refresh_body) {
                Err(error) if error.is_unauthenticated() => Ok(Restored::NoSession),
                Err(error) => Err(error),
                // A refresh that succeeded always carries a token; without one, ask again.
                Ok(_) => Err(ApiError::Unexpected),
            };
        };
        Ok(match decode::<Me>(self.me_status, &self.me_body) {
            Ok(me) => Restored::SignedIn {
                token,
                me: Box::new(me),
            },
            Err(_) => Restored::TokenOnly(token),
        })
    }
}

/// Takes what `start.js` restored, once: `None` when it did not run or failed (offline, say),
/// and the app restores the session itself.
pub(super) async fn take() -> Option<Early> {
    let window = web_sys::window()?;
    let key = JsValue::from_str(GLOBAL);
    let promise = js_sys::Reflect::get(&window, &key).ok()?;
    // Once: a later login in this tab must never find these answers again.
    let _ = js_sys::Reflect::set(&window, &key, &JsValue::UNDEFINED);
    let promise = promise.dyn_into::<js_sys::Promise>().ok()?;
    let value = JsFuture::from(promise).await.ok()?;
    if value.is_null() || value.is_undefined() {
        return None;
    }
    let field = |name: &str| js_sys::Reflect::get(&value, &JsValue::from_str(name)).ok();
    let status = |name: &str| {
        field(name)
            .and_then(|v| v.as_f64())
            .and_then(|n| u16::try_from(n as i64).ok())
    };
    let text = |name: &str| field(name).and_then(|v| v.as_string());
    Some(Early {
        refresh_status: status("refreshStatus")?,
        refresh_body: text("refreshBody").unwrap_or_default(),
        token: text("token"),
        me_status: status("meStatus").unwrap_or(0),
        me_body: text("meBody").unwrap_or_default(),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn refused(status: u16, body: &str) -> Early {
        Early {
            refresh_status: status,
            refresh_body: body.to_owned(),
            token: None,
            me_status: 0,
            me_body: String::new(),
        }
    }

    const PROBLEM_401: &str = r#"{"type":"about:blank","title":"Unauthorized","status":401,"code":"invalid_refresh_token","detail":"No valid session."}"#;

    #[test]
    fn no_refresh_cookie_means_the_login() {
        assert_eq!(
            refused(401, PROBLEM_401).interpret().unwrap(),
            Restored::NoSession
        );
    }

    #[test]
    fn another_refusal_is_the_error_the_app_shows() {
        let error = refused(503, "").interpret().unwrap_err();
        assert_eq!(error, ApiError::Status(503));
    }

    #[test]
    fn a_token_and_the_person_are_a_session() {
        let me = Me {
            id: uuid::Uuid::from_u128(7),
            name: "Ilse Kramer".into(),
            email: "ilse@school.example".into(),
            memberships: Vec::new(),
            today: chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
        };
        let early = Early {
            refresh_status: 200,
            refresh_body: String::new(),
            token: Some("t".into()),
            me_status: 200,
            me_body: serde_json::to_string(&me).unwrap(),
        };
        assert_eq!(
            early.interpret().unwrap(),
            Restored::SignedIn {
                token: "t".into(),
                me: Box::new(me)
            }
        );
    }

    #[test]
    fn a_token_without_the_person_asks_for_the_person_again() {
        let early = Early {
            refresh_status: 200,
            refresh_body: String::new(),
            token: Some("t".into()),
            me_status: 500,
            me_body: String::new(),
        };
        assert_eq!(early.interpret().unwrap(), Restored::TokenOnly("t".into()));
    }
}
