//! Resetting a forgotten password, with a real SMTP server: the same answer for every address
//! and mail only to an account's; the link sets a new password once (also when followed twice
//! at once), ends every earlier session and stops working after an hour; asking too often is
//! refused.

use domain::contract::SignUpReceived;
use reqwest::{Response, StatusCode};
use serde_json::json;
use testkit::on_both_backends;
use testkit::smtp::SmtpServer;

use crate::helpers::*;

const NEW_PASSWORD: &str = "fietsen-langs-de-vecht-9";
const STRANGER: &str = "onbekend@voorbeeld.example";

impl TestApp {
    async fn ask_reset(&self, email: &str) -> Response {
        self.client
            .post(self.url("/api/v1/auth/password-reset"))
            .json(&json!({ "email": email }))
            .send()
            .await
            .expect("a request")
    }

    async fn confirm_reset(&self, token: &str, password: &str) -> Response {
        self.client
            .post(self.url("/api/v1/auth/password-reset/confirm"))
            .json(&json!({ "token": token, "password": password }))
            .send()
            .await
            .expect("a request")
    }
}

/// The token of the reset link in a message's text.
fn reset_token(text: &str) -> String {
    let start = "/wachtwoord-herstellen?token=";
    let at = text.find(start).expect("a reset link") + start.len();
    text[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "-_".contains(*c))
        .collect()
}

/// Asks a reset for `email` and expects the one answer.
async fn ask_accepted(app: &TestApp, email: &str) {
    let response = app.ask_reset(email).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED, "{email}");
    let body: SignUpReceived = response.json().await.unwrap();
    assert_eq!(body, SignUpReceived::check_your_email());
}

on_both_backends! {
    async fn known_and_unknown_addresses_get_the_same_answer_and_only_the_account_gets_mail(db) {
        let smtp = SmtpServer::start().await;
        let app = spawn_with_mail(&db, &smtp, &[]).await;
        let stranger = app.ask_reset(STRANGER).await;
        let known = app.ask_reset(&AMBASSADOR.to_uppercase()).await;
        assert_eq!((stranger.status(), known.status()), (StatusCode::ACCEPTED, StatusCode::ACCEPTED));
        assert_eq!(stranger.text().await.unwrap(), known.text().await.unwrap());

        let mail = smtp.wait_for_mail_to(AMBASSADOR).await;
        assert_eq!(mail.subject(), "Nieuw wachtwoord voor Klasbrug");
        let text = mail.text();
        assert!(text.contains("Beste Noah Verbeek"), "{text}");
        assert!(text.contains(&format!("{}/wachtwoord-herstellen?token=", app.server.base_url)), "{text}");
        // The stranger asked first, so a message to them would have been claimed no later than
        // the known address's, in the same batch or an earlier one.
        assert!(smtp.mails_to(STRANGER).is_empty());
        assert_eq!(smtp.received().len(), 1);

        // Implausible input is the only other answer.
        for (body, field) in [(json!({"email": ""}), "email"), (json!({"email": "geen-adres"}), "email")] {
            let response = app.client.post(app.url("/api/v1/auth/password-reset")).json(&body).send().await.unwrap();
            let problem = assert_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
            assert_eq!(problem.errors[0].field, field);
        }
        let missing = app.client.post(app.url("/api/v1/auth/password-reset")).json(&json!({})).send().await.unwrap();
        assert_eq!(missing.status(), StatusCode::BAD_REQUEST);
    }

    async fn the_link_sets_a_new_password_once_and_ends_every_earlier_session(db) {
        let smtp = SmtpServer::start().await;
        let app = spawn_with_mail(&db, &smtp, &[]).await;
        let before = app.login_as(AMBASSADOR).await;
        assert_eq!(app.get("/api/v1/me", &before).await.status(), StatusCode::OK);

        ask_accepted(&app, AMBASSADOR).await;
        let token = reset_token(&smtp.wait_for_mail_to(AMBASSADOR).await.text());

        // The password is checked as for a new account; a refusal does not spend the link.
        for weak in ["kort", "wachtwoord123", "noah-verbeek-2026"] {
            let problem = assert_problem(app.confirm_reset(&token, weak).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
            assert_eq!(problem.errors[0].field, "password", "{weak}");
        }
        assert_problem(app.confirm_reset("niet-het-token", NEW_PASSWORD).await, StatusCode::NOT_FOUND, "reset_link_invalid").await;

        let done = app.confirm_reset(&token, NEW_PASSWORD).await;
        assert_eq!(done.status(), StatusCode::NO_CONTENT);
        assert_problem(app.confirm_reset(&token, "nog-een-ander-wachtwoord-8").await, StatusCode::GONE, "reset_link_used").await;

        // The access token and the session cookie from before stop working.
        assert_problem(app.get("/api/v1/me", &before).await, StatusCode::UNAUTHORIZED, "invalid_token").await;
        assert_problem(app.refresh().await, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
        // The old password no longer logs in; the new one does.
        assert_problem(app.login(AMBASSADOR, PASSWORD).await, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
        let after = app.login_as_with(AMBASSADOR, NEW_PASSWORD).await;
        assert_eq!(app.get("/api/v1/me", &after).await.status(), StatusCode::OK);

        // Programme staff see it in the audit log.
        let admin = app.login_as(ADMIN).await;
        let audit: serde_json::Value = app.get_json("/api/v1/audit-events?kind=auth&order=newest", &admin).await;
        let me: domain::contract::Me = app.get_json("/api/v1/me", &after).await;
        let reset = audit["items"].as_array().unwrap().iter()
            .find(|e| e["action"] == "auth.password_reset").expect("an audit entry");
        assert_eq!(reset["actor_id"], json!(me.id), "{reset}");
    }

    async fn using_a_newer_link_spends_the_older_one(db) {
        let smtp = SmtpServer::start().await;
        let app = spawn_with_mail(&db, &smtp, &[]).await;
        ask_accepted(&app, AMBASSADOR).await;
        let older = reset_token(&smtp.wait_for_mail_to(AMBASSADOR).await.text());
        ask_accepted(&app, AMBASSADOR).await;
        smtp.wait_for("the second reset e-mail", |mails, _| mails.len() == 2).await;
        let newer = reset_token(&smtp.mails_to(AMBASSADOR)[1].text());
        assert_ne!(older, newer);
        assert_eq!(app.confirm_reset(&newer, NEW_PASSWORD).await.status(), StatusCode::NO_CONTENT);
        assert_problem(app.confirm_reset(&older, "nog-een-ander-wachtwoord-8").await, StatusCode::GONE, "reset_link_used").await;
        app.login_as_with(AMBASSADOR, NEW_PASSWORD).await;
    }

    async fn two_confirmations_at_once_one_wins_and_the_other_finds_the_link_used(db) {
        let smtp = SmtpServer::start().await;
        let app = spawn_with_mail(&db, &smtp, &[]).await;
        ask_accepted(&app, AMBASSADOR).await;
        let token = reset_token(&smtp.wait_for_mail_to(AMBASSADOR).await.text());
        let (a, b) = tokio::join!(
            app.confirm_reset(&token, NEW_PASSWORD),
            app.confirm_reset(&token, "nog-een-ander-wachtwoord-8"),
        );
        let mut statuses = [a.status(), b.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::NO_CONTENT, StatusCode::GONE]);
        let loser = if a.status() == StatusCode::GONE { a } else { b };
        assert_problem(loser, StatusCode::GONE, "reset_link_used").await;
    }

    async fn a_link_older_than_an_hour_is_refused(db) {
        let smtp = SmtpServer::start().await;
        let app = spawn_with_mail(&db, &smtp, &[]).await;
        ask_accepted(&app, AMBASSADOR).await;
        let token = reset_token(&smtp.wait_for_mail_to(AMBASSADOR).await.text());
        drop(app);

        // An hour and a minute later by the application's clock.
        let start: chrono::DateTime<chrono::Utc> = testkit::CLOCK_START.parse().unwrap();
        let later = (start + chrono::Duration::minutes(61)).to_rfc3339();
        let app = spawn_with_mail(&db, &smtp, &[("KLASBRUG_CLOCK_START", &later)]).await;
        assert_problem(app.confirm_reset(&token, NEW_PASSWORD).await, StatusCode::GONE, "reset_link_expired").await;
        app.login_as(AMBASSADOR).await;
    }

    async fn asking_too_often_for_one_address_is_refused_with_a_wait(db) {
        let smtp = SmtpServer::start().await;
        let app = spawn_with_mail(&db, &smtp, &[]).await;
        for email in [AMBASSADOR, STRANGER] {
            for _ in 0..3 {
                ask_accepted(&app, email).await;
            }
            let refused = app.ask_reset(email).await;
            let wait: u64 = refused.headers().get("retry-after").and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse().ok()).expect("a Retry-After in seconds");
            assert!((1..=3600).contains(&wait), "{wait}");
            assert_problem(refused, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
        }
        // Another address from the same client still gets its answer.
        ask_accepted(&app, COORDINATOR).await;
        smtp.wait_for_mail_to(COORDINATOR).await;
        // Messages leave several at once, in no set order: wait for the three accepted ones.
        smtp.wait_for("three links to the ambassador", |received, _| {
            received.iter().filter(|m| m.to.iter().any(|to| to == AMBASSADOR)).count() == 3
        })
        .await;
        assert_eq!(smtp.mails_to(AMBASSADOR).len(), 3, "the refused fourth sent nothing");
    }
}
