//! The e-mails of issue 15 beyond matches and reviews: the intake planned, a statement of the
//! period available, VOG reminders, and each person's choice of what reaches them and when.
//! Each reads the mail from the real test SMTP server and follows its link.

use domain::contract::Ambassador;
use reqwest::StatusCode;
use serde_json::json;
use testkit::on_both_backends;
use testkit::smtp::SmtpServer;

use crate::helpers::*;

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

/// The first link to this server in a message's text, as a path.
fn path_of_link(app: &TestApp, text: &str) -> String {
    let base = &app.server.base_url;
    let at = text.find(base.as_str()).expect("a link to the app") + base.len();
    text[at..]
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned()
}

on_both_backends! {
    async fn planning_an_intake_tells_the_ambassador_with_a_link_to_their_page(db) {
        let smtp = SmtpServer::start().await;
        let app = spawn_with_mail(&db, &smtp, &[]).await;
        let admin = app.login_as(ADMIN).await;
        let body = json!({
            "name": "Femke Hendriks", "email": "femke@voorbeeld.example", "home_municipality": "Groningen",
            "weekdays": ["tuesday"], "commitment": "half_year", "available_from_year": "2026-2027",
            "available_from_moment": "february", "minutes_per_day": 420, "funding": "volunteer",
            "expertise": ["techniek"]
        });
        let created: Ambassador = app.post_ok("/api/v1/ambassadors", &admin, &body, StatusCode::CREATED).await;
        let path = format!("/api/v1/ambassadors/{}/intake", created.id);
        let _: Ambassador = app.post_ok(&path, &admin, &json!({"action": "plan_intake"}), StatusCode::OK).await;

        let mail = smtp.wait_for_mail_to("femke@voorbeeld.example").await;
        assert_eq!(mail.subject(), "Je intakegesprek bij Klasbrug is gepland");
        let text = mail.text();
        assert!(text.starts_with("Beste Femke Hendriks,"), "{text}");
        let link = path_of_link(&app, &text);
        // A page of the web app (the web app's route tests know it).
        assert_eq!(link, "/mijn-gegevens");

        // The next steps send nothing of their own: a later message arrives alone.
        let _: Ambassador = app.post_ok(&path, &admin, &json!({"action": "complete_intake"}), StatusCode::OK).await;
        let _: Ambassador = app.post_ok(&path, &admin, &json!({"action": "withdraw", "note": "Verhuisd"}), StatusCode::OK).await;
        let created: Ambassador = app.post_ok("/api/v1/ambassadors", &admin, &json!({
            "name": "Daan Visser", "email": "daan@voorbeeld.example", "home_municipality": "Groningen",
            "weekdays": ["tuesday"], "commitment": "half_year", "available_from_year": "2026-2027",
            "available_from_moment": "february", "minutes_per_day": 420, "funding": "volunteer"
        }), StatusCode::CREATED).await;
        let path = format!("/api/v1/ambassadors/{}/intake", created.id);
        let _: Ambassador = app.post_ok(&path, &admin, &json!({"action": "plan_intake"}), StatusCode::OK).await;
        smtp.wait_for_mail_to("daan@voorbeeld.example").await;
        assert_eq!(smtp.mails_to("femke@voorbeeld.example").len(), 1);
    }
}
