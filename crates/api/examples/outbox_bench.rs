//! The outbox under load, for `cargo xtask bench outbox`: 10,000 e-mails committed to a fresh
//! PostgreSQL database (each in its own transaction, as a use case writes it), delivered by the
//! server's delivery worker over SMTP to a local SMTP server (testkit's, over TCP). Prints the
//! messages per second from the first commit to the last delivery, and the median and p99
//! delay from a message's commit to its acceptance by the mail server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant, SystemTime};

use klasbrug_api::config::MailConfig;
use klasbrug_api::delivery::{self, Transport};
use testkit::smtp::SmtpServer;
use testkit::{Backend, TestDatabase};

const MESSAGES: usize = 10_000;

#[tokio::main]
async fn main() {
    let count = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(MESSAGES);
    let db = TestDatabase::create(Backend::Postgres).await;
    let store = store::Store::connect_and_migrate(&db.url).await.unwrap();
    let smtp = SmtpServer::start().await;
    let config = MailConfig {
        smtp_url: Some(smtp.url()),
        from: "Klasbrug <noreply@klasbrug.example>".to_owned(),
        retry_base: Duration::from_secs(30),
        max_attempts: 8,
        poll_interval: Duration::from_millis(100),
    };
    let transport = Transport::from_config(&config, false).unwrap().unwrap();
    let wake = std::sync::Arc::new(tokio::sync::Notify::new());
    tokio::spawn(delivery::run(
        store.clone(),
        transport,
        config,
        wake.clone(),
    ));

    let started = Instant::now();
    let mut committed = Vec::with_capacity(count);
    for n in 0..count {
        let tx = store.transaction().await.unwrap();
        tx.enqueue_email(&store::NewEmail {
            kind: "bench",
            to: format!("persoon{n}@voorbeeld.example"),
            subject: format!("Bericht {n}"),
            text: "Beste,\n\nDit is een bericht van de benchmark.\n\nKlasbrug".to_owned(),
            html: Some("<p>Beste,</p><p>Dit is een bericht van de benchmark.</p>".to_owned()),
            attachment: None,
        })
        .await
        .unwrap();
        tx.commit().await.unwrap();
        committed.push(SystemTime::now());
        wake.notify_one();
    }
    let queued = started.elapsed();
    smtp.wait_for_all(count).await;
    let total = started.elapsed();

    let received = smtp.received();
    assert_eq!(received.len(), count, "each message exactly once");
    let mut delays: Vec<Duration> = received
        .iter()
        .map(|mail| {
            let n: usize = mail.to[0]
                .trim_start_matches("persoon")
                .split('@')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            mail.at.duration_since(committed[n]).unwrap_or_default()
        })
        .collect();
    delays.sort();
    let at = |q: f64| delays[((delays.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "outbox: {count} e-mails committed in {:.1} s, all delivered after {:.1} s: {:.0} messages/s; \
         commit → delivery p50 {:.0} ms, p99 {:.0} ms",
        queued.as_secs_f64(),
        total.as_secs_f64(),
        count as f64 / total.as_secs_f64(),
        at(0.5).as_secs_f64() * 1000.0,
        at(0.99).as_secs_f64() * 1000.0,
    );
    store.close().await;
    db.drop_database().await;
}
