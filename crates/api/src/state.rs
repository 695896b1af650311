//! What every request handler can reach.

use store::Store;

use crate::auth::TokenKeys;

/// Shared, cheap to clone: the store holds a pool, the keys are immutable.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub store: Store,
    /// Signs and checks access tokens.
    pub keys: TokenKeys,
    /// Whether the session cookie is marked `Secure`.
    pub secure_cookies: bool,
    /// Whether the client's address comes from the load balancer's forwarding headers.
    pub behind_proxy: bool,
    /// How many trusted proxies append to `X-Forwarded-For`: the client is the entry this far
    /// from the right.
    pub proxy_hops: usize,
    /// The account allowances are paid from, if configured.
    pub payout_account: Option<crate::config::PayoutAccount>,
    /// What time and day it is for the application's rules.
    pub clock: crate::clock::Clock,
    /// Sends e-mail.
    pub mailer: crate::mail::Mailer,
    /// Whether webhook endpoints may be `http://` or local addresses.
    pub allow_local_webhooks: bool,
    /// The programme's key for research pseudonyms, if it keeps one.
    pub research_key: Option<Vec<u8>>,
    /// The server's metrics, shared by its workers.
    pub metrics: std::sync::Arc<crate::metrics::Metrics>,
    /// The retention periods this server runs with, for the privacy register.
    pub retention: domain::contract::RetentionPeriods,
    /// The retention settings, for what an erasure keeps and until when.
    pub retention_settings: domain::retention::RetentionSettings,
    /// The SMTP server's host (no credentials), if mail is sent, for the privacy register.
    pub smtp_host: Option<String>,
    /// The token a scraper sends for `/metrics`, if metrics are served.
    pub metrics_token: Option<String>,
    /// Placement list pages already built, served again while the data is unchanged.
    pub placement_pages:
        std::sync::Arc<crate::page_cache::PageCache<crate::page_cache::PlacementPageKey>>,
}
