//! Slowing down password guessing and mass sign-ups. Attempts are counted in the database, so
//! every instance behind a load balancer sees the same counts, and each attempt is claimed
//! before the password is checked, so a flood of parallel requests gets no more verdicts than
//! the limit.
//!
//! Logins count per (account, client address): an attacker's failures lock out only the
//! attacker's address for that account, never the account's owner elsewhere. A higher limit per
//! address across accounts slows down trying one password on many accounts.

use actix_web::HttpRequest;
use actix_web::http::header::HeaderName;
use chrono::{DateTime, Duration, Utc};
use store::{FailureCount, Store};

use crate::error::ApiError;
use crate::state::AppState;

/// How long a login window lasts.
pub const WINDOW_MINUTES: i64 = 15;
/// Login attempts for one account from one address per window.
pub const MAX_PER_ACCOUNT_AND_ADDRESS: i64 = 5;
/// Login attempts from one address, across accounts, per window.
pub const MAX_PER_ADDRESS: i64 = 20;
/// How long a sign-up window lasts.
pub const SIGN_UP_WINDOW_MINUTES: i64 = 60;
/// Public sign-ups from one address per window.
pub const MAX_SIGN_UPS_PER_ADDRESS: i64 = 10;

/// How long a password reset window lasts.
pub const RESET_WINDOW_MINUTES: i64 = 60;
/// Reset requests for one address from one client address per window: enough for a person
/// whose first e-mail got lost, too few to flood their inbox.
pub const MAX_RESETS_PER_EMAIL_AND_ADDRESS: i64 = 3;
/// Reset requests from one client address, across e-mail addresses, per window.
pub const MAX_RESETS_PER_ADDRESS: i64 = 20;

/// The login attempts claimed for one request, to give back when the password was right.
pub struct LoginClaim {
    keys: [String; 2],
}

/// Claims one login attempt for `email` from `address`, or refuses with 429 when either limit
/// is spent.
pub async fn claim_login(
    store: &Store,
    email: &str,
    address: &str,
) -> Result<LoginClaim, ApiError> {
    let window = Duration::minutes(WINDOW_MINUTES);
    let pair = format!("login:{address}:{email}");
    let by_address = format!("login-address:{address}");
    if let Some(spent) = store
        .claim_attempt(&pair, MAX_PER_ACCOUNT_AND_ADDRESS, window)
        .await?
    {
        return Err(too_many(spent, window));
    }
    if let Some(spent) = store
        .claim_attempt(&by_address, MAX_PER_ADDRESS, window)
        .await?
    {
        store.release_attempt(&pair, store::now() - window).await?;
        return Err(too_many(spent, window));
    }
    Ok(LoginClaim {
        keys: [pair, by_address],
    })
}

impl LoginClaim {
    /// The password was right: the attempt does not count against the person.
    pub async fn release(self, store: &Store) -> Result<(), ApiError> {
        let before = store::now() - Duration::minutes(WINDOW_MINUTES.max(SIGN_UP_WINDOW_MINUTES));
        for key in &self.keys {
            store.release_attempt(key, before).await?;
        }
        Ok(())
    }
}

/// Claims one public sign-up from `address`, or refuses with 429.
pub async fn claim_sign_up(store: &Store, address: &str) -> Result<(), ApiError> {
    let window = Duration::minutes(SIGN_UP_WINDOW_MINUTES);
    match store
        .claim_attempt(
            &format!("sign-up:{address}"),
            MAX_SIGN_UPS_PER_ADDRESS,
            window,
        )
        .await?
    {
        Some(spent) => Err(too_many(spent, window)),
        None => Ok(()),
    }
}

/// Claims one password reset request for `email` from client `address`, or refuses with 429
/// when either limit is spent. Counted whether or not the address has an account, so the limit
/// tells nothing either.
pub async fn claim_password_reset(
    store: &Store,
    email: &str,
    address: &str,
) -> Result<(), ApiError> {
    let window = Duration::minutes(RESET_WINDOW_MINUTES);
    let pair = format!("password-reset:{address}:{email}");
    if let Some(spent) = store
        .claim_attempt(&pair, MAX_RESETS_PER_EMAIL_AND_ADDRESS, window)
        .await?
    {
        return Err(too_many(spent, window));
    }
    if let Some(spent) = store
        .claim_attempt(
            &format!("password-reset-address:{address}"),
            MAX_RESETS_PER_ADDRESS,
            window,
        )
        .await?
    {
        return Err(too_many(spent, window));
    }
    Ok(())
}

fn too_many(spent: FailureCount, window: Duration) -> ApiError {
    ApiError::TooManyAttempts {
        retry_after_secs: retry_after(store::now(), spent.oldest, window),
    }
}

/// Seconds until a window opened at `opened` closes; at least 1.
pub fn retry_after(now: DateTime<Utc>, opened: Option<DateTime<Utc>>, window: Duration) -> u64 {
    let opened = opened.unwrap_or(now);
    u64::try_from((opened + window - now).num_seconds().max(1)).unwrap_or(1)
}

/// The client's IP address: the peer's, or behind trusted load balancers the one the outermost
/// of them appended to `X-Forwarded-For` (the `hops`-th entry from the right). Entries further
/// left were written by the client and prove nothing.
pub fn client_address(state: &AppState, req: &HttpRequest) -> String {
    if state.behind_proxy {
        let values: Vec<&str> = req
            .headers()
            .get_all(HeaderName::from_static("x-forwarded-for"))
            .filter_map(|v| v.to_str().ok())
            .collect();
        if let Some(address) = forwarded_client(&values, state.proxy_hops) {
            return address;
        }
    }
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The `hops`-th address from the right of the `X-Forwarded-For` values (in the order received),
/// or the leftmost when there are fewer: every entry was then written by a trusted proxy.
pub fn forwarded_client(values: &[&str], hops: usize) -> Option<String> {
    let entries: Vec<&str> = values
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect();
    let index = entries.len().saturating_sub(hops.max(1));
    entries.get(index).map(|e| (*e).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_lasts_until_the_window_closes() {
        let now = Utc::now();
        let opened = now - Duration::minutes(5);
        assert_eq!(retry_after(now, Some(opened), Duration::minutes(15)), 600);
        assert_eq!(
            retry_after(now, Some(now - Duration::hours(2)), Duration::minutes(15)),
            1
        );
    }

    #[test]
    fn the_address_the_trusted_proxy_appended_counts_not_what_the_client_wrote() {
        let forged = ["6.6.6.6, 203.0.113.7"];
        assert_eq!(forwarded_client(&forged, 1).as_deref(), Some("203.0.113.7"));
        let two_hops = ["6.6.6.6", "198.51.100.1, 10.0.0.2"];
        assert_eq!(
            forwarded_client(&two_hops, 2).as_deref(),
            Some("198.51.100.1")
        );
        assert_eq!(
            forwarded_client(&["198.51.100.1"], 3).as_deref(),
            Some("198.51.100.1")
        );
        assert_eq!(forwarded_client(&[" , "], 1), None);
        assert_eq!(forwarded_client(&[], 1), None);
    }
}
