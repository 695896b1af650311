//! A partner client's webhook endpoints: registering, changing and removing them, and reading
//! and replaying their deliveries. Each client sees and touches only its own; another client's
//! endpoint answers 404, as if it did not exist.

use std::net::IpAddr;

use domain::contract::{
    CreatedWebhookEndpoint, WebhookDelivery, WebhookEndpoint, WebhookEndpointInput,
};
use domain::webhook::{SubscriptionError, WebhookEvent};
use uuid::Uuid;

use super::{begin, commit_with_audit};
use crate::auth::Principal;
use crate::error::{ApiError, ErrorCode, OrNotFound};
use crate::policy;
use crate::state::AppState;

/// The most characters of an endpoint's URL and note.
const MAX_URL: usize = 500;
const MAX_DESCRIPTION: usize = 200;

/// The endpoint's fields, checked: an `https` URL (or a local one where allowed), events the
/// client's scopes cover, and a short note.
struct Checked {
    url: String,
    events: Vec<WebhookEvent>,
    description: Option<String>,
}

fn check(
    input: WebhookEndpointInput,
    scopes: &domain::Scopes,
    allow_local: bool,
) -> Result<Checked, ApiError> {
    let url = check_url(&input.url, allow_local).map_err(|m| ApiError::invalid_field("url", m))?;
    let events = domain::webhook::subscription(&input.events, scopes).map_err(|e| match e {
        SubscriptionError::Empty => ApiError::invalid_field("events", e.to_string()),
        SubscriptionError::MissingScope { .. } => ApiError::invalid_field("events", e.to_string()),
    })?;
    let description = input
        .description
        .map(|d| d.trim().to_owned())
        .filter(|d| !d.is_empty());
    if description
        .as_ref()
        .is_some_and(|d| d.chars().count() > MAX_DESCRIPTION)
    {
        return Err(ApiError::invalid_field(
            "description",
            format!("at most {MAX_DESCRIPTION} characters"),
        ));
    }
    Ok(Checked {
        url,
        events,
        description,
    })
}

/// `text` as an endpoint URL: absolute `https`, without credentials or fragment. Unless
/// `allow_local`, never `http` and never a loopback, private or link-local address or a
/// local host name, so a partner cannot make the server call into its own network.
pub fn check_url(text: &str, allow_local: bool) -> Result<String, String> {
    let text = text.trim();
    if text.chars().count() > MAX_URL {
        return Err(format!("at most {MAX_URL} characters"));
    }
    let url = url::Url::parse(text).map_err(|e| {
        format!("is not an absolute URL such as https://partner.example/hooks ({e})")
    })?;
    match url.scheme() {
        "https" => {}
        "http" if allow_local => {}
        "http" => return Err("must use https".to_owned()),
        other => return Err(format!("must use https, not {other}")),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(
            "must not hold a user name or password: deliveries are signed instead".to_owned(),
        );
    }
    if url.fragment().is_some() {
        return Err("must not have a fragment (#…)".to_owned());
    }
    let local = match url.host() {
        None => return Err("names no host".to_owned()),
        Some(url::Host::Ipv4(ip)) => is_local(IpAddr::V4(ip)),
        Some(url::Host::Ipv6(ip)) => is_local(IpAddr::V6(ip)),
        Some(url::Host::Domain(name)) => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            name == "localhost"
                || [".localhost", ".local", ".internal", ".lan", ".home.arpa"]
                    .iter()
                    .any(|suffix| name.ends_with(suffix))
                || !name.contains('.')
        }
    };
    if local && !allow_local {
        return Err("must be a public address, not a local or private one".to_owned());
    }
    Ok(url.to_string())
}

fn is_local(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(ip) => {
            ip.is_loopback()
                || ip.is_private()
                || ip.is_link_local()
                || ip.is_unspecified()
                || ip.is_broadcast()
                || ip.is_documentation()
                // 100.64.0.0/10, shared address space of carriers.
                || (ip.octets()[0] == 100 && (ip.octets()[1] & 0xC0) == 64)
        }
        IpAddr::V6(ip) => {
            ip.is_loopback()
                || ip.is_unspecified()
                || (ip.segments()[0] & 0xFE00) == 0xFC00
                || (ip.segments()[0] & 0xFFC0) == 0xFE80
                || ip
                    .to_ipv4_mapped()
                    .is_some_and(|v4| is_local(IpAddr::V4(v4)))
        }
    }
}

/// Registers an endpoint; the answer holds its signing secret, shown this once.
pub async fn create(
    state: &AppState,
    principal: &Principal,
    input: WebhookEndpointInput,
) -> Result<CreatedWebhookEndpoint, ApiError> {
    let client = policy::webhook_client(principal)?;
    let checked = check(input, &client.scopes, state.allow_local_webhooks)?;
    let secret = crate::webhook_signature::new_secret();
    let tx = begin(state).await?;
    let endpoint = tx
        .create_webhook_endpoint(client.id, &fields(&checked), &secret)
        .await?;
    commit_with_audit(
        tx,
        principal,
        "webhook.create",
        "webhook_endpoint",
        Some(endpoint.id),
    )
    .await?;
    Ok(CreatedWebhookEndpoint { endpoint, secret })
}

fn fields(checked: &Checked) -> store::EndpointFields<'_> {
    store::EndpointFields {
        url: &checked.url,
        events: &checked.events,
        description: checked.description.as_deref(),
    }
}

/// The client's endpoints.
pub async fn list(
    state: &AppState,
    principal: &Principal,
) -> Result<Vec<WebhookEndpoint>, ApiError> {
    let client = policy::webhook_client(principal)?;
    Ok(state.store.webhook_endpoints(client.id).await?)
}

/// One of the client's endpoints.
pub async fn get(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
) -> Result<WebhookEndpoint, ApiError> {
    let client = policy::webhook_client(principal)?;
    state
        .store
        .webhook_endpoint(client.id, id)
        .await
        .or_not_found("webhook endpoint")
}

/// Replaces an endpoint's URL, events and note; its secret stays.
pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: Uuid,
    input: WebhookEndpointInput,
) -> Result<WebhookEndpoint, ApiError> {
    let client = policy::webhook_client(principal)?;
    let checked = check(input, &client.scopes, state.allow_local_webhooks)?;
    let tx = begin(state).await?;
    let endpoint = tx
        .update_webhook_endpoint(client.id, id, &fields(&checked))
        .await
        .or_not_found("webhook endpoint")?;
    commit_with_audit(
        tx,
        principal,
        "webhook.update",
        "webhook_endpoint",
        Some(id),
    )
    .await?;
    Ok(endpoint)
}

/// Removes an endpoint; what still waited for it fails.
pub async fn delete(state: &AppState, principal: &Principal, id: Uuid) -> Result<(), ApiError> {
    let client = policy::webhook_client(principal)?;
    let tx = begin(state).await?;
    tx.delete_webhook_endpoint(client.id, id)
        .await
        .or_not_found("webhook endpoint")?;
    commit_with_audit(
        tx,
        principal,
        "webhook.delete",
        "webhook_endpoint",
        Some(id),
    )
    .await?;
    Ok(())
}

/// A page of an endpoint's deliveries, newest first.
pub async fn deliveries(
    state: &AppState,
    principal: &Principal,
    endpoint: Uuid,
    status: Option<domain::contract::MessageStatus>,
    after: Option<Uuid>,
    limit: u32,
) -> Result<Vec<WebhookDelivery>, ApiError> {
    let client = policy::webhook_client(principal)?;
    state
        .store
        .webhook_deliveries(client.id, endpoint, status, after, limit)
        .await
        .or_not_found("webhook endpoint")
}

/// Sends a delivery again with the same id and body, now; it must have been sent or have
/// failed. Of two replays at once, the second finds it waiting.
pub async fn replay(
    state: &AppState,
    principal: &Principal,
    endpoint: Uuid,
    id: Uuid,
) -> Result<WebhookDelivery, ApiError> {
    let client = policy::webhook_client(principal)?;
    let tx = begin(state).await?;
    tx.webhook_delivery(client.id, endpoint, id)
        .await
        .or_not_found("webhook delivery")?;
    if !tx.replay_webhook_delivery(endpoint, id).await? {
        return Err(ApiError::Conflict {
            code: ErrorCode::DeliveryWaiting,
            detail: "the delivery waits for its next attempt or is being delivered; replay it once it was sent or failed".to_owned(),
        });
    }
    let delivery = tx.webhook_delivery(client.id, endpoint, id).await?;
    commit_with_audit(
        tx,
        principal,
        "webhook.replay",
        "webhook_delivery",
        Some(id),
    )
    .await?;
    state.mailer.wake();
    Ok(delivery)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endpoint_is_public_https_unless_local_ones_are_allowed() {
        let ok = |url: &str| check_url(url, false);
        assert_eq!(
            ok("https://partner.example/hooks").as_deref(),
            Ok("https://partner.example/hooks")
        );
        assert_eq!(
            ok(" https://PARTNER.example:8443/a?b=c ").as_deref(),
            Ok("https://partner.example:8443/a?b=c")
        );
        for bad in [
            "http://partner.example/hooks",
            "ftp://partner.example/",
            "https://user:pass@partner.example/",
            "https://partner.example/#x",
            "https://127.0.0.1/",
            "https://10.1.2.3/",
            "https://192.168.0.10/",
            "https://169.254.169.254/latest/meta-data",
            "https://[::1]/",
            "https://[fd00::1]/",
            "https://[::ffff:127.0.0.1]/",
            "https://localhost/",
            "https://db.internal/",
            "https://intranet/",
            "partner.example/hooks",
            "",
        ] {
            assert!(ok(bad).is_err(), "{bad} should be refused");
        }
        assert!(ok(&format!("https://partner.example/{}", "a".repeat(480))).is_err());
        assert_eq!(
            check_url("http://127.0.0.1:9000/hook", true).as_deref(),
            Ok("http://127.0.0.1:9000/hook")
        );
    }
}
