//! E-mail leaves through the outbox to a real SMTP server (testkit's, over TCP): the message is
//! written with the change, delivered once with its link, retried while the server refuses,
//! marked failed after the last attempt, and survives `kill -9` of the server between commit
//! and delivery.

use domain::contract::{Employer, Invitation, InvitationPreview};
use reqwest::StatusCode;
use serde_json::json;
use testkit::on_both_backends;
use testkit::smtp::{Mode, SmtpServer};

use crate::helpers::*;

/// Retries after 20 ms, 40 ms, …: a test sees several attempts at once.
const FAST_RETRIES: (&str, &str) = ("KLASBRUG_MAIL_RETRY_BASE_MS", "20");

async fn spawn_with_mail(
    db: &testkit::TestDatabaseRef,
    smtp: &SmtpServer,
    extra: &[(&str, &str)],
) -> TestApp {
    let url = smtp.url();
    let mut env = vec![
        ("KLASBRUG_SMTP_URL", url.as_str()),
        ("RUST_LOG", "warn,klasbrug::mail=info"),
    ];
    env.extend_from_slice(extra);
    spawn_app_with(db, &env).await
}

/// The demo employer's contact invites `name` at `email`.
async fn invite(app: &TestApp, name: &str, email: &str) -> Invitation {
    let contact = app.login_as(EMPLOYER_CONTACT).await;
    let employers: Vec<Employer> = app.get_json("/api/v1/employers", &contact).await;
    let path = format!("/api/v1/employers/{}/invitations", employers[0].id);
    app.post_ok(
        &path,
        &contact,
        &json!({"name": name, "email": email}),
        StatusCode::CREATED,
    )
    .await
}

/// The token in the acceptance link of a message's text.
fn token_in(text: &str) -> String {
    let at = text.find("&token=").expect("an acceptance link") + "&token=".len();
    text[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "-_".contains(*c))
        .collect()
}

on_both_backends! {
    async fn an_invitation_arrives_over_smtp_once_with_a_link_that_works(db) {
        let smtp = SmtpServer::start().await;
        let app = spawn_with_mail(&db, &smtp, &[]).await;
        invite(&app, "Sanne Voorbeeld", "sanne@voorbeeld.example").await;

        let mail = smtp.wait_for_mail_to("sanne@voorbeeld.example").await;
        assert_eq!(mail.from, "noreply@klasbrug.example");
        let parsed = mail.parsed();
        assert_eq!(parsed.from().and_then(|f| f.first()).and_then(|a| a.name()), Some("Klasbrug"));
        assert!(mail.subject().starts_with("Uitnodiging van"), "{}", mail.subject());
        let text = mail.text();
        assert!(text.contains("Beste Sanne Voorbeeld"), "{text}");
        assert!(text.contains(&format!("{}/uitnodiging?werkgever=", app.server.base_url)), "{text}");
        let preview: InvitationPreview = app.get_json(&format!("/api/v1/invitations/{}", token_in(&text)), "").await;
        assert_eq!(preview.employee_name, "Sanne Voorbeeld");

        // A later message leaves after it; the first is not sent again.
        invite(&app, "Ravi Voorbeeld", "ravi@voorbeeld.example").await;
        smtp.wait_for_mail_to("ravi@voorbeeld.example").await;
        assert_eq!(smtp.mails_to("sanne@voorbeeld.example").len(), 1);
        assert_eq!(smtp.received().len(), 2);
    }

    async fn while_the_mail_server_refuses_the_message_waits_and_then_arrives_once(db) {
        let smtp = SmtpServer::start_in(Mode::RefuseTemporarily).await;
        let app = spawn_with_mail(&db, &smtp, &[FAST_RETRIES]).await;
        invite(&app, "Sanne Voorbeeld", "sanne@voorbeeld.example").await;
        smtp.wait_for("three refused attempts", |_, attempts| attempts >= 3).await;
        assert!(smtp.received().is_empty());

        smtp.set_mode(Mode::Accept);
        smtp.wait_for_mail_to("sanne@voorbeeld.example").await;
        invite(&app, "Ravi Voorbeeld", "ravi@voorbeeld.example").await;
        smtp.wait_for_mail_to("ravi@voorbeeld.example").await;
        assert_eq!(smtp.mails_to("sanne@voorbeeld.example").len(), 1, "delivered once");
    }

    async fn after_the_last_attempt_a_message_is_marked_failed_and_never_sent(db) {
        let smtp = SmtpServer::start_in(Mode::RefuseTemporarily).await;
        let app = spawn_with_mail(&db, &smtp, &[FAST_RETRIES, ("KLASBRUG_MAIL_MAX_ATTEMPTS", "3")]).await;
        invite(&app, "Sanne Voorbeeld", "sanne@voorbeeld.example").await;
        app.server.wait_for_log(|log| log.contains("it is marked failed").then_some(())).await;
        assert_eq!(smtp.attempts(), 3, "three attempts, then no more");

        // The server accepts again: later messages go, the failed one stays failed.
        smtp.set_mode(Mode::Accept);
        invite(&app, "Ravi Voorbeeld", "ravi@voorbeeld.example").await;
        smtp.wait_for_mail_to("ravi@voorbeeld.example").await;
        assert!(smtp.mails_to("sanne@voorbeeld.example").is_empty());

        // A refused address fails at once: retrying cannot change a 550.
        smtp.set_mode(Mode::RefuseRecipient);
        let attempts = smtp.attempts();
        invite(&app, "Niemand Voorbeeld", "niemand@voorbeeld.example").await;
        app.server.wait_for_log(|log| (log.matches("it is marked failed").count() == 2).then_some(())).await;
        assert_eq!(smtp.attempts(), attempts + 1);
    }

    async fn a_message_committed_before_the_server_is_killed_arrives_once_after_the_restart(db) {
        // The first server commits the invitation and is killed (SIGKILL) while its worker
        // waits on a mail server that never answers: nothing was delivered.
        let hung = SmtpServer::start_in(Mode::Hang).await;
        let app = spawn_with_mail(&db, &hung, &[]).await;
        invite(&app, "Sanne Voorbeeld", "sanne@voorbeeld.example").await;
        hung.wait_for("the worker's connection", |_, _| hung.connections() >= 1).await;
        drop(app);
        assert!(hung.received().is_empty());

        // Restarted after the claim's lease has run out, the server delivers it, once.
        let smtp = SmtpServer::start().await;
        let later = [("KLASBRUG_CLOCK_START", "2026-12-03T09:10:00Z")];
        let app = spawn_with_mail(&db, &smtp, &later).await;
        let mail = smtp.wait_for_mail_to("sanne@voorbeeld.example").await;
        assert!(mail.subject().starts_with("Uitnodiging van"));
        invite(&app, "Ravi Voorbeeld", "ravi@voorbeeld.example").await;
        smtp.wait_for_mail_to("ravi@voorbeeld.example").await;
        assert_eq!(smtp.mails_to("sanne@voorbeeld.example").len(), 1);
    }
}
