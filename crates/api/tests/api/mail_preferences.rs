//! Each person chooses per category of e-mail: right away, a weekly digest on Monday morning,
//! or never; an unsubscribe link under each such e-mail stops its category without logging in;
//! what must reach people (a password reset) goes whatever they chose.

use domain::contract::{HourMonth, LessonSeries, MailPreferences, Me, OutgoingMessage, Page};
use domain::hours::HourStatus;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use testkit::on_both_backends;
use testkit::smtp::SmtpServer;

use crate::helpers::*;

const FENNA: &str = "fenna@ambassadeur.example";

/// The coordinator rejects one of Fenna's November entries still waiting; returns its date.
async fn reject_an_entry(app: &TestApp, coordinator: &str) -> chrono::NaiveDate {
    let me: Me = app.get_json("/api/v1/me", coordinator).await;
    let school = me.memberships[0].organisation.id;
    let month: HourMonth = app
        .get_json(
            &format!("/api/v1/schools/{school}/hour-months/2026-11"),
            coordinator,
        )
        .await;
    let waiting = month
        .entries
        .iter()
        .find(|e| e.status == HourStatus::Submitted)
        .expect("an entry waiting");
    let _: Value = app
        .post_ok(
            &format!("/api/v1/hour-entries/{}/transitions", waiting.id),
            coordinator,
            &json!({"action": "reject", "reason": "Die dag was de school dicht"}),
            StatusCode::OK,
        )
        .await;
    waiting.date
}

/// The messages in the outbox to Fenna of `kind`: written with the change, so complete as soon
/// as the change answered.
async fn outbox_to_fenna(app: &TestApp, admin: &str, kind: &str) -> Vec<OutgoingMessage> {
    let page: Page<OutgoingMessage> = app
        .get_json(
            "/api/v1/messages?limit=200&recipient=fenna@ambassadeur.example",
            admin,
        )
        .await;
    page.items.into_iter().filter(|m| m.kind == kind).collect()
}

/// The token of the unsubscribe link in `text`.
fn unsubscribe_token(text: &str) -> String {
    let at = text.find("/afmelden?token=").expect("an unsubscribe link") + "/afmelden?token=".len();
    text[at..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect()
}

async fn unsubscribe(app: &TestApp, token: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/mail-preferences/unsubscribe"))
        .json(&json!({"token": token}))
        .send()
        .await
        .unwrap()
}

fn choice(preferences: &MailPreferences, category: &str) -> String {
    let found = preferences
        .preferences
        .iter()
        .find(|p| p.category.as_str() == category)
        .unwrap();
    found.choice.as_str().to_owned()
}

on_both_backends! {
    async fn an_unsubscribe_link_stops_its_category_without_logging_in_and_a_reset_still_arrives(db) {
        let smtp = SmtpServer::start().await;
        let app = spawn_with_mail(&db, &smtp, &[]).await;
        let (admin, coordinator, fenna) = (app.login_as(ADMIN).await, app.login_as(COORDINATOR).await, app.login_as(FENNA).await);
        let mine: MailPreferences = app.get_json("/api/v1/me/mail-preferences", &fenna).await;
        assert_eq!(mine.email, FENNA);
        assert!(mine.preferences.iter().all(|p| p.choice.as_str() == "immediately"), "{mine:?}");
        assert_eq!(mine.preferences.len(), 6);

        reject_an_entry(&app, &coordinator).await;
        let mail = smtp.wait_for_mail_to(FENNA).await;
        let token = unsubscribe_token(&mail.text());
        assert!(mail.text().contains("Geen e-mails meer over uren?") && mail.text().contains("/e-mailinstellingen"), "{}", mail.text());

        // A link that was changed, or made up, stops nothing.
        let forged = token.replacen(".hours.", ".matching.", 1);
        let problem = assert_problem(unsubscribe(&app, &forged).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(problem.errors[0].field, "token");
        let mine: MailPreferences = app.get_json("/api/v1/me/mail-preferences", &fenna).await;
        assert_eq!(choice(&mine, "matching"), "immediately");

        let response = unsubscribe(&app, &token).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.json::<Value>().await.unwrap(), json!({"category": "hours"}));
        let mine: MailPreferences = app.get_json("/api/v1/me/mail-preferences", &fenna).await;
        assert_eq!((choice(&mine, "hours"), choice(&mine, "matching")), ("never".to_owned(), "immediately".to_owned()));

        // The next rejection is decided without an e-mail; a password reset still goes.
        reject_an_entry(&app, &coordinator).await;
        assert_eq!(outbox_to_fenna(&app, &admin, "hours.rejected").await.len(), 1, "only the first");
        let all_never: Vec<Value> = mine.preferences.iter().map(|p| json!({"category": p.category, "choice": "never"})).collect();
        let _: MailPreferences = app.call(Method::PUT, "/api/v1/me/mail-preferences", &fenna, Some(&json!(all_never))).await.json().await.unwrap();
        let asked = app.client.post(app.url("/api/v1/auth/password-reset")).json(&json!({"email": FENNA})).send().await.unwrap();
        assert_eq!(asked.status(), StatusCode::ACCEPTED);
        smtp.wait_for("the reset", |received, _| received.iter().filter(|m| m.to.iter().any(|t| t == FENNA)).count() >= 2).await;
        let reset = smtp.mails_to(FENNA).pop().unwrap();
        assert!(!reset.text().contains("/afmelden"), "a reset cannot be stopped: {}", reset.text());
    }

    async fn choices_are_each_persons_own_and_bad_ones_change_nothing(db) {
        let app = spawn_app(&db).await;
        let fenna = app.login_as(FENNA).await;
        let director = app.login_as(DIRECTOR).await;
        let set = |body: Value, token: String| {
            let app = &app;
            async move { app.call(Method::PUT, "/api/v1/me/mail-preferences", &token, Some(&body)).await }
        };
        let stored: MailPreferences = set(json!([{"category": "lesson_series", "choice": "weekly"}]), fenna.clone()).await.json().await.unwrap();
        assert_eq!(choice(&stored, "lesson_series"), "weekly");
        let theirs: MailPreferences = app.get_json("/api/v1/me/mail-preferences", &director).await;
        assert_eq!(choice(&theirs, "lesson_series"), "immediately", "Fenna's choice is hers");

        let twice = json!([{"category": "hours", "choice": "never"}, {"category": "hours", "choice": "weekly"}]);
        assert_problem(set(twice, fenna.clone()).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let unknown = json!([{"category": "hours", "choice": "sometimes"}]);
        assert_eq!(set(unknown, fenna.clone()).await.status(), StatusCode::BAD_REQUEST);
        let mine: MailPreferences = app.get_json("/api/v1/me/mail-preferences", &fenna).await;
        assert_eq!((choice(&mine, "hours"), choice(&mine, "lesson_series")), ("immediately".to_owned(), "weekly".to_owned()));

        let partner = app.partner_token().await;
        assert_problem(app.get("/api/v1/me/mail-preferences", &partner).await, StatusCode::FORBIDDEN, "forbidden").await;
        let anonymous = app.client.get(app.url("/api/v1/me/mail-preferences")).send().await.unwrap();
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    }

    async fn a_weekly_choice_holds_messages_for_one_digest_on_monday_morning(db) {
        let smtp = SmtpServer::start().await;
        let app = spawn_with_mail(&db, &smtp, &[]).await;
        let (admin, coordinator, fenna) = (app.login_as(ADMIN).await, app.login_as(COORDINATOR).await, app.login_as(FENNA).await);
        let weekly = json!([{"category": "hours", "choice": "weekly"}, {"category": "lesson_series", "choice": "weekly"}]);
        assert_eq!(app.call(Method::PUT, "/api/v1/me/mail-preferences", &fenna, Some(&weekly)).await.status(), StatusCode::OK);

        let day = reject_an_entry(&app, &coordinator).await;
        let list: Page<LessonSeries> = app.get_json("/api/v1/lesson-series?status=submitted&limit=50", &coordinator).await;
        let series = &list.items[0];
        let _: LessonSeries = app.post_ok(&format!("/api/v1/lesson-series/{}/transitions", series.id), &coordinator,
            &json!({"action": "request_changes", "comment": "Voeg een les over veiligheid toe."}), StatusCode::OK).await;
        assert!(outbox_to_fenna(&app, &admin, "hours.rejected").await.is_empty(), "held for the digest");
        assert!(outbox_to_fenna(&app, &admin, "lesson_series.changes_requested").await.is_empty());
        drop(app);

        // Monday 7 December, just before 07:00: the sweep sends one digest with both.
        let app = spawn_with_mail(&db, &smtp, &[("KLASBRUG_CLOCK_START", "2026-12-07T05:59:58Z")]).await;
        let digest = smtp.wait_for_mail_to(FENNA).await;
        assert_eq!(digest.subject(), "Je weekoverzicht van Klasbrug: 2 berichten");
        let text = digest.text();
        assert!(text.contains(&format!("Je uren van {} zijn afgekeurd", domain::date_words::DUTCH.day(day))), "{text}");
        assert!(text.contains("Die dag was de school dicht") && text.contains("Voeg een les over veiligheid toe."), "{text}");
        assert!(text.contains("/e-mailinstellingen"), "{text}");
        app.server.wait_for_log(|log| log.contains("the daily sweep is done").then_some(())).await;
        // Recorded as sent before the server stops, or the next one would send it again.
        app.server.wait_for_log(|log| log.lines().any(|l| l.contains("recorded as sent") && l.contains("digest.weekly")).then_some(())).await;
        drop(app);

        // Taken out with the digest: the next Monday's sweep has nothing for her.
        let app = spawn_with_mail(&db, &smtp, &[("KLASBRUG_CLOCK_START", "2026-12-14T05:59:58Z")]).await;
        app.server.wait_for_log(|log| log.contains("the daily sweep is done").then_some(())).await;
        let admin = app.login_as(ADMIN).await;
        assert_eq!(outbox_to_fenna(&app, &admin, "digest.weekly").await.len(), 1, "one digest");
        let subjects: Vec<String> = smtp.mails_to(FENNA).iter().map(|m| m.subject()).collect();
        assert_eq!(subjects.iter().filter(|s| s.starts_with("Je weekoverzicht")).count(), 1, "{subjects:?}");
    }
}
