//! Outgoing messages for programme staff: a message the mail server refused shows as failed
//! with its error, staff send it again and it arrives once; only a failed message goes again,
//! and of two staff retrying at once one wins. Two servers on one database deliver each
//! message exactly once.

use domain::contract::{Employer, MessageStatus, OutgoingMessage, Page};
use reqwest::{Method, StatusCode};
use serde_json::json;
use testkit::on_both_backends;
use testkit::smtp::{Mode, SmtpServer};

use crate::helpers::*;

/// Two attempts, 20 ms apart: a refused message fails within a moment.
const FAIL_FAST: [(&str, &str); 2] = [
    ("KLASBRUG_MAIL_MAX_ATTEMPTS", "2"),
    ("KLASBRUG_MAIL_RETRY_BASE_MS", "20"),
];

/// The path that invites employees of the demo employer, whose contact's token is `contact`.
async fn invitations_path(app: &TestApp, contact: &str) -> String {
    let employers: Vec<Employer> = app.get_json("/api/v1/employers", contact).await;
    format!("/api/v1/employers/{}/invitations", employers[0].id)
}

async fn invite(app: &TestApp, contact: &str, path: &str, name: &str, email: &str) {
    let body = json!({"name": name, "email": email});
    let response = app.call(Method::POST, path, contact, Some(&body)).await;
    assert_eq!(
        response.status(),
        StatusCode::CREATED,
        "{}",
        response.text().await.unwrap()
    );
}

/// What the server logs once it has recorded a message as sent.
const SENT: &str = "recorded as sent";
/// What the server logs once it has recorded a message as failed.
const FAILED: &str = "it is marked failed";

/// Waits until the servers logged `outcome` `count` times between them (each outcome is logged
/// after it is recorded, waking the wait without polling), then reads the messages `query`
/// selects, once.
async fn messages_after(
    apps: &[&TestApp],
    token: &str,
    query: &str,
    outcome: &str,
    count: usize,
) -> Vec<OutgoingMessage> {
    let logged = || {
        apps.iter()
            .map(|app| app.server.log().matches(outcome).count())
            .sum::<usize>()
    };
    let waits = apps.iter().map(|app| {
        Box::pin(
            app.server
                .wait_for_log(|_| (logged() >= count).then_some(())),
        )
    });
    futures_util::future::select_all(waits).await;
    let page: Page<OutgoingMessage> = apps[0]
        .get_json(&format!("/api/v1/messages?limit=200&{query}"), token)
        .await;
    page.items
}

fn retry_path(message: &OutgoingMessage) -> String {
    format!("/api/v1/messages/{}/retry", message.id)
}

on_both_backends! {
    async fn staff_see_a_refused_message_fail_with_its_error_and_send_it_again_once(db) {
        let smtp = SmtpServer::start_in(Mode::RefuseTemporarily).await;
        let app = spawn_with_mail(&db, &smtp, &FAIL_FAST).await;
        let contact = app.login_as(EMPLOYER_CONTACT).await;
        let path = invitations_path(&app, &contact).await;
        invite(&app, &contact, &path, "Sanne Voorbeeld", "sanne@voorbeeld.example").await;
        app.server.wait_for_log(|log| log.contains("it is marked failed").then_some(())).await;

        let admin = app.login_as(ADMIN).await;
        let failed = messages_after(&[&app], &admin, "status=failed", FAILED, 1).await;
        assert_eq!(failed.len(), 1);
        let message = &failed[0];
        assert_eq!((message.recipient.as_str(), message.status, message.attempts), ("sanne@voorbeeld.example", MessageStatus::Failed, 2));
        assert!(message.last_error.as_deref().is_some_and(|e| e.contains("451")), "{message:?}");
        assert!(message.subject.starts_with("Uitnodiging van"), "{}", message.subject);
        assert_eq!((message.sent_at, message.next_attempt_at), (None, None));
        let raw = app.get("/api/v1/messages", &admin).await.text().await.unwrap();
        assert!(!raw.contains("token="), "no body, so no login links: {raw}");

        // Nobody but programme staff sees the messages or sends one again.
        for who in [DIRECTOR, COORDINATOR, EMPLOYER_CONTACT, AMBASSADOR] {
            let token = app.login_as(who).await;
            assert_problem(app.get("/api/v1/messages", &token).await, StatusCode::FORBIDDEN, "forbidden").await;
            let retry = app.call(Method::POST, &retry_path(message), &token, None).await;
            assert_problem(retry, StatusCode::FORBIDDEN, "forbidden").await;
        }
        let partner = app.partner_token().await;
        assert_problem(app.get("/api/v1/messages", &partner).await, StatusCode::FORBIDDEN, "forbidden").await;

        // The mail server accepts again; staff send it again and it arrives, once.
        smtp.set_mode(Mode::Accept);
        let retried: OutgoingMessage = app.post_ok(&retry_path(message), &admin, &json!({}), StatusCode::OK).await;
        assert_eq!((retried.id, retried.status, retried.attempts), (message.id, MessageStatus::Waiting, 0));
        smtp.wait_for_mail_to("sanne@voorbeeld.example").await;
        let sent = messages_after(&[&app], &admin, "recipient=sanne@", SENT, 1).await;
        assert_eq!(sent[0].status, MessageStatus::Sent);
        assert_eq!((sent.len(), sent[0].attempts, sent[0].last_error.as_deref()), (1, 1, None));
        assert!(sent[0].sent_at.is_some());
        let again = app.call(Method::POST, &retry_path(message), &admin, None).await;
        assert_problem(again, StatusCode::CONFLICT, "message_not_failed").await;
        assert_eq!(smtp.mails_to("sanne@voorbeeld.example").len(), 1);
        let unknown = app.call(Method::POST, &format!("/api/v1/messages/{}/retry", uuid::Uuid::now_v7()), &admin, None).await;
        assert_problem(unknown, StatusCode::NOT_FOUND, "not_found").await;

        // Two staff send a failed message again at the same moment: one wins, the other hears
        // that it no longer failed.
        smtp.set_mode(Mode::RefuseTemporarily);
        invite(&app, &contact, &path, "Ravi Voorbeeld", "ravi@voorbeeld.example").await;
        let ravi = messages_after(&[&app], &admin, "status=failed&recipient=ravi@", FAILED, 2).await;
        assert_eq!(ravi.len(), 1);
        let other_admin = app.login_as(ADMIN).await;
        let retry = retry_path(&ravi[0]);
        let (one, two) = tokio::join!(
            app.call(Method::POST, &retry, &admin, None),
            app.call(Method::POST, &retry, &other_admin, None),
        );
        let mut statuses = [one.status(), two.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
        let loser = if one.status() == StatusCode::CONFLICT { one } else { two };
        assert_problem(loser, StatusCode::CONFLICT, "message_not_failed").await;

        // Each retry that happened is in the audit log.
        let audit: Page<domain::contract::AuditEvent> = app.get_json("/api/v1/audit-events?kind=message", &admin).await;
        let retried: Vec<_> = audit.items.iter().map(|e| (e.action.as_str(), e.resource_id)).collect();
        assert_eq!(retried, [("message.retry", Some(message.id)), ("message.retry", Some(ravi[0].id))]);
    }

    async fn two_servers_on_one_database_deliver_each_message_exactly_once(db) {
        let smtp = SmtpServer::start().await;
        let first = spawn_with_mail(&db, &smtp, &[]).await;
        let second = spawn_with_mail(&db, &smtp, &[]).await;
        let servers = [&first, &second];
        let mut contacts = Vec::new();
        for app in servers {
            let token = app.login_as(EMPLOYER_CONTACT).await;
            let path = invitations_path(app, &token).await;
            contacts.push((token, path));
        }
        let addresses: Vec<String> = (0..30).map(|n| format!("medewerker{n}@parallel.example")).collect();
        let invitations = addresses.iter().enumerate().map(|(n, address)| {
            let (app, (token, path)) = (servers[n % 2], &contacts[n % 2]);
            invite(app, token, path, "Medewerker Parallel", address)
        });
        futures_util::future::join_all(invitations).await;

        smtp.wait_for("30 messages", |received, _| received.len() >= 30).await;
        for address in &addresses {
            assert_eq!(smtp.mails_to(address).len(), 1, "{address}");
        }
        let admin = first.login_as(ADMIN).await;
        let sent = messages_after(&[&first, &second], &admin, "recipient=parallel.example", SENT, 30).await;
        assert!(sent.len() == 30 && sent.iter().all(|m| m.status == MessageStatus::Sent), "{sent:?}");
        assert!(sent.iter().all(|m| m.attempts == 1), "{sent:?}");
        assert_eq!(smtp.received().len(), 30, "nothing sent twice");
    }
}
