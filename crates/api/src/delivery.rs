//! The delivery worker: takes what is due from the outbox and sends it, retrying with
//! exponential backoff and giving up after a bound, which marks the message failed.
//!
//! Every server runs one. A worker claims messages for a lease; two servers on one PostgreSQL
//! never claim the same message, and a server killed between claiming and sending leaves the
//! message to be claimed again once the lease has passed: nothing is lost. The one window for a
//! second copy is a kill after the SMTP server accepted a message and before it was marked sent.

use std::sync::Arc;
use std::time::Duration;

use chrono::TimeDelta;
use futures_util::StreamExt;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use store::{OutboxMessage, Store};
use tokio::sync::Notify;
use uuid::Uuid;

use crate::config::MailConfig;

/// How long a claim lasts: longer than one SMTP conversation takes.
const LEASE: TimeDelta = TimeDelta::minutes(2);
/// How many messages a worker claims at once.
const BATCH: u32 = 32;
/// How many of them it sends at the same time (the SMTP pool's connections).
const PARALLEL: usize = 8;

/// Where e-mail goes.
#[derive(Clone)]
pub enum Transport {
    /// A real SMTP server.
    Smtp {
        /// The connection pool to it.
        transport: AsyncSmtpTransport<Tokio1Executor>,
        /// The sender.
        from: Mailbox,
    },
    /// Development: each message is written to the log whole, so its link can be followed.
    Log,
}

impl Transport {
    /// The transport the settings ask for; `None` when messages are to stay in the outbox.
    pub fn from_config(config: &MailConfig, demo: bool) -> anyhow::Result<Option<Self>> {
        match &config.smtp_url {
            Some(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&lettre_url(url))
                    .map_err(|e| anyhow::anyhow!("KLASBRUG_SMTP_URL: {e}"))?
                    .timeout(Some(Duration::from_secs(30)))
                    .build();
                let from = config
                    .from
                    .parse()
                    .map_err(|e| anyhow::anyhow!("KLASBRUG_MAIL_FROM: {e}"))?;
                Ok(Some(Self::Smtp { transport, from }))
            }
            None if demo => Ok(Some(Self::Log)),
            None => Ok(None),
        }
    }
}

/// Sends what is due until the server stops. `wake` is notified after a commit that queued a
/// message, so it leaves at once instead of at the next look.
pub async fn run(store: Store, transport: Transport, config: MailConfig, wake: Arc<Notify>) {
    let retries = Retries {
        base: config.retry_base,
        max_attempts: config.max_attempts,
    };
    work(
        &store,
        Channel::Email,
        config.poll_interval,
        &wake,
        |message, worker| {
            let (store, transport) = (&store, &transport);
            async move {
                let outcome = match transport {
                    Transport::Log => {
                        log(&message);
                        Ok(())
                    }
                    Transport::Smtp { transport, from } => send(transport, from, &message).await,
                };
                record(store, Channel::Email, worker, &message, outcome, retries).await;
            }
        },
    )
    .await;
}

/// What travels through the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// E-mail, over SMTP.
    Email,
    /// Partner webhooks, over HTTP.
    Webhook,
}

impl Channel {
    /// The outbox's name of the channel.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Webhook => "webhook",
        }
    }

    /// The message as people call it, for the log.
    fn noun(self) -> &'static str {
        match self {
            Channel::Email => "an e-mail",
            Channel::Webhook => "a webhook",
        }
    }
}

/// How a channel retries.
#[derive(Debug, Clone, Copy)]
pub struct Retries {
    /// The first retry's delay.
    pub base: Duration,
    /// Attempts before a message is given up on.
    pub max_attempts: u32,
}

/// The loop every delivery worker runs: claim what is due of `channel`, hand each message to
/// `deliver` (several at once), and wait for `wake` or `poll` when nothing is due.
pub(crate) async fn work<F, Fut>(
    store: &Store,
    channel: Channel,
    poll: Duration,
    wake: &Notify,
    deliver: F,
) where
    F: Fn(OutboxMessage, Uuid) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let worker = Uuid::now_v7();
    loop {
        match store
            .claim_due_messages(channel.as_str(), worker, BATCH, LEASE)
            .await
        {
            Ok(batch) if !batch.is_empty() => {
                // Several at once over the transport's pooled connections: one SMTP
                // conversation waits on round trips (and lettre's Nagle-delayed writes, about
                // 40 ms a message), so sending one after the other caps a worker at ~25 a second.
                futures_util::stream::iter(batch)
                    .for_each_concurrent(PARALLEL, |message| deliver(message, worker))
                    .await;
                continue;
            }
            Ok(_) => {}
            Err(error) => {
                tracing::error!(%error, channel = channel.as_str(), "reading the outbox failed")
            }
        }
        tokio::select! {
            () = wake.notified() => {}
            () = tokio::time::sleep(poll) => {}
        }
    }
}

/// Records the outcome of one attempt: sent, tried again after a backoff, or failed for good.
/// Each outcome is logged once it is recorded, so whoever reads the log (an operator, a test)
/// finds the outbox already saying the same.
pub(crate) async fn record(
    store: &Store,
    channel: Channel,
    worker: Uuid,
    message: &OutboxMessage,
    outcome: Result<(), Failure>,
    retries: Retries,
) {
    let (id, kind, noun) = (message.id, message.kind.as_str(), channel.noun());
    let recorded = match outcome {
        Ok(()) => store
            .mark_message_sent(id, worker)
            .await
            .inspect(|&held| {
                if held {
                    tracing::info!(target: "klasbrug::mail", %id, kind, "{noun} was delivered and recorded as sent");
                }
            }),
        Err(failure) => {
            let attempts = u32::try_from(message.attempts).unwrap_or(u32::MAX);
            let retry_at = (!failure.permanent && attempts < retries.max_attempts)
                .then(|| store.now() + backoff(retries.base, attempts));
            let error = failure.text.as_str();
            store
                .mark_message_attempt_failed(id, worker, error, retry_at)
                .await
                .inspect(|&held| match (held, retry_at) {
                    (false, _) => {}
                    (true, None) => tracing::error!(target: "klasbrug::mail", %id, kind, attempts, error,
                        "{noun} could not be delivered; it is marked failed"),
                    (true, Some(_)) => tracing::warn!(target: "klasbrug::mail", %id, kind, attempts, error,
                        "{noun} could not be delivered; it will be tried again"),
                })
        }
    };
    match recorded {
        Ok(true) => {}
        Ok(false) => {
            tracing::warn!(%id, "the outbox lease passed during delivery");
        }
        Err(error) => tracing::error!(%error, id = %message.id, "recording a delivery failed"),
    }
}

/// `url` as lettre reads it: `tls=starttls`, the name most mail providers use, is lettre's
/// `tls=required` (STARTTLS, and refuse to go on without it).
fn lettre_url(url: &str) -> String {
    url.replace("tls=starttls", "tls=required")
}

/// The wait before attempt `attempts + 1`: the base, doubled per attempt made, at most a day.
pub fn backoff(base: Duration, attempts: u32) -> TimeDelta {
    let factor = 2u32.saturating_pow(attempts.saturating_sub(1).min(20));
    let wait = base.saturating_mul(factor).min(Duration::from_secs(86_400));
    TimeDelta::from_std(wait).unwrap_or(TimeDelta::days(1))
}

/// Why an attempt failed.
pub(crate) struct Failure {
    /// What the server or the connection said.
    pub text: String,
    /// Trying again cannot help (a refused address, a message that cannot be built).
    pub permanent: bool,
}

async fn send(
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
    message: &OutboxMessage,
) -> Result<(), Failure> {
    let email = build(from, message).map_err(|text| Failure {
        text,
        permanent: true,
    })?;
    transport
        .send(email)
        .await
        .map(|_| ())
        .map_err(|e| Failure {
            permanent: e.is_permanent(),
            text: e.to_string(),
        })
}

/// The message as it goes over the wire: plain text, HTML beside it when there is some, and
/// the attachment.
fn build(from: &Mailbox, message: &OutboxMessage) -> Result<lettre::Message, String> {
    let to: Mailbox = message
        .recipient
        .parse()
        .map_err(|e| format!("the address is not valid: {e}"))?;
    let builder = lettre::Message::builder()
        .from(from.clone())
        .to(to)
        .subject(message.subject.clone());
    let text = message.body_text.clone();
    let attachment = match message.attachment() {
        Some(file) => {
            let content_type = ContentType::parse(&file.content_type)
                .map_err(|e| format!("the attachment's type is not valid: {e}"))?;
            Some(Attachment::new(file.name).body(file.bytes, content_type))
        }
        None => None,
    };
    let built = match (message.body_html.clone(), attachment) {
        (None, None) => builder.singlepart(SinglePart::plain(text)),
        (Some(html), None) => builder.multipart(MultiPart::alternative_plain_html(text, html)),
        (None, Some(file)) => builder.multipart(
            MultiPart::mixed()
                .singlepart(SinglePart::plain(text))
                .singlepart(file),
        ),
        (Some(html), Some(file)) => builder.multipart(
            MultiPart::mixed()
                .multipart(MultiPart::alternative_plain_html(text, html))
                .singlepart(file),
        ),
    };
    built.map_err(|e| format!("the message could not be built: {e}"))
}

/// Development delivery, as before there was an outbox: the whole message in the log.
fn log(message: &OutboxMessage) {
    tracing::info!(
        target: "klasbrug::mail",
        "e-mail to {} (development delivery), subject: {}\n{}",
        message.recipient,
        message.subject,
        message.body_text
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn starttls_in_the_address_means_tls_required() {
        let config = |url: &str| MailConfig {
            smtp_url: Some(url.to_owned()),
            from: "Klasbrug <noreply@klasbrug.example>".to_owned(),
            retry_base: Duration::from_secs(1),
            max_attempts: 1,
            poll_interval: Duration::from_secs(1),
        };
        assert_eq!(
            lettre_url("smtp://u:p@mail.example.nl:587?tls=starttls"),
            "smtp://u:p@mail.example.nl:587?tls=required"
        );
        for url in [
            "smtp://u:p@mail.example.nl:587?tls=starttls",
            "smtp://mail.example.nl:587?tls=required",
            "smtps://u:p@mail.example.nl:465",
            "smtp://127.0.0.1:2525",
        ] {
            assert!(Transport::from_config(&config(url), false).is_ok(), "{url}");
        }
        assert!(
            Transport::from_config(&config("smtp://mail.example.nl?tls=sometimes"), false).is_err()
        );
    }

    #[test]
    fn retries_wait_twice_as_long_each_time_and_at_most_a_day() {
        let base = Duration::from_secs(30);
        assert_eq!(backoff(base, 1), TimeDelta::seconds(30));
        assert_eq!(backoff(base, 2), TimeDelta::seconds(60));
        assert_eq!(backoff(base, 5), TimeDelta::seconds(480));
        assert_eq!(backoff(base, 30), TimeDelta::days(1));
        assert_eq!(backoff(base, 0), TimeDelta::seconds(30));
    }
}
