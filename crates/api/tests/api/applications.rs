//! Applying to become an ambassador: on the website without an account, confirming from the
//! e-mail, and a partner applying on a candidate's behalf with an `Idempotency-Key`. Bad input
//! changes nothing; an answer never says whether an address has an account; a retry and two
//! requests at once make one application; unconfirmed ones expire and go.

use base64::Engine;
use domain::contract::{Ambassador, Application, AuditEvent, ConfirmedApplication, Intake, Page};
use reqwest::StatusCode;
use serde_json::{Value, json};
use testkit::mail::{application_links, mails_to, token_of};
use testkit::on_both_backends;

use crate::helpers::*;

const MAIL_LOG: (&str, &str) = ("RUST_LOG", "warn,klasbrug::mail=info");
/// The mails, and what the server's sweeps removed.
const PURGE_LOG: (&str, &str) = (
    "RUST_LOG",
    "warn,klasbrug::mail=info,klasbrug_api::app=info",
);
const ANOUK: &str = "anouk.smit@voorbeeld.example";
const ANOUK_NAME: &str = "Anouk Smit";

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// A filled-in application form for `email`.
fn form(email: &str) -> Value {
    json!({
        "name": ANOUK_NAME,
        "email": email,
        "phone": "06-12345678",
        "home_municipality": "Zwolle",
        "municipalities": ["Kampen", "Deventer"],
        "weekdays": ["tuesday", "thursday"],
        "commitment": "whole_year",
        "available_from_year": "2027-2028",
        "available_from_moment": "september",
        "minutes_per_day": 420,
        "school_type": "po",
        "expertise": ["techniek", "bouw"],
        "sponsoring_employer": "Bouwbedrijf Voorbeeld",
        "motivation_letter": b64(b"%PDF-1.7\nMijn motivatie\n%%EOF"),
        "cv": b64(b"%PDF-1.4\nMijn cv\n%%EOF"),
        "privacy_consent": true,
    })
}

impl TestApp {
    async fn apply(&self, body: &Value) -> reqwest::Response {
        self.client
            .post(self.url("/api/v1/applications"))
            .json(body)
            .send()
            .await
            .expect("a request")
    }

    async fn submit(&self, token: &str, key: Option<&str>, body: &Value) -> reqwest::Response {
        let mut request = self
            .client
            .post(self.url("/api/v1/applications"))
            .bearer_auth(token)
            .json(body);
        if let Some(key) = key {
            request = request.header("Idempotency-Key", key);
        }
        request.send().await.expect("a request")
    }

    async fn confirm(&self, token: &str, password: &str) -> reqwest::Response {
        self.client
            .post(self.url("/api/v1/applications/confirm"))
            .json(&json!({"token": token, "password": password}))
            .send()
            .await
            .expect("a request")
    }

    /// The token of the `nth` (1-based) confirmation link mailed to `email`.
    async fn confirmation_token(&self, email: &str, nth: usize) -> String {
        let link = self
            .server
            .wait_for_log(|log| application_links(log, email).into_iter().nth(nth - 1))
            .await;
        token_of(&link).to_owned()
    }

    async fn applications(&self, token: &str, query: &str) -> Vec<Application> {
        let page: Page<Application> = self
            .get_json(&format!("/api/v1/applications?limit=200{query}"), token)
            .await;
        page.items
    }
}

async fn audit_actions(app: &TestApp, admin: &str) -> Vec<AuditEvent> {
    let page: Page<AuditEvent> = app.get_json("/api/v1/audit-events?limit=200", admin).await;
    page.items
}

on_both_backends! {
    async fn someone_applies_confirms_and_programme_staff_see_them_first(db) {
        let app = spawn_app_with(&db, &[MAIL_LOG]).await;
        let admin = app.login_as(ADMIN).await;

        // Applying answers the same 202 for a new address and for one with an account.
        let response = app.apply(&form(ANOUK)).await;
        assert_eq!(response.status(), StatusCode::ACCEPTED);
        let for_new = response.text().await.unwrap();
        assert_eq!(for_new, r#"{"next_step":"check_your_email"}"#);
        let response = app.apply(&form(AMBASSADOR)).await;
        assert_eq!(response.status(), StatusCode::ACCEPTED, "no answer reveals an account");
        assert_eq!(response.text().await.unwrap(), for_new);
        let token = app.confirmation_token(ANOUK, 1).await;
        let noah_mail = app.server.wait_for_log(|log| mails_to(log, AMBASSADOR).into_iter().next()).await;
        assert!(noah_mail.contains("al een account"), "{noah_mail}");
        assert!(application_links(&app.server.log(), AMBASSADOR).is_empty(), "nothing to confirm for an account");

        // Not yet an ambassador: only an application waiting for its confirmation.
        let waiting: Vec<Application> = app.applications(&admin, "&status=awaiting_confirmation").await
            .into_iter().filter(|a| a.name == ANOUK_NAME).collect();
        assert_eq!(waiting.len(), 1, "{waiting:?}");
        assert_eq!(waiting[0].ambassador_id, None);
        assert_eq!(waiting[0].sponsoring_employer.as_deref(), Some("Bouwbedrijf Voorbeeld"));
        assert_eq!(waiting[0].partner, None);
        // The consent records the statement's version and when it was given (the server's clock).
        assert_eq!(waiting[0].privacy_statement_version, "2026-12");
        assert_eq!(waiting[0].privacy_consented_at, waiting[0].submitted_at);
        assert_eq!(waiting[0].privacy_consented_at.date_naive().to_string(), testkit::TODAY);
        assert_eq!(app.login(ANOUK, "een-sterk-wachtwoord-42").await.status(), StatusCode::UNAUTHORIZED);

        // A weak password is refused and changes nothing; then the confirmation makes them.
        let problem = assert_problem(app.confirm(&token, "kort").await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(problem.errors[0].field, "password");
        assert_problem(app.confirm("no-such-token", "een-sterk-wachtwoord-42").await, StatusCode::NOT_FOUND, "not_found").await;
        // Two confirmations at once (a double click): exactly one makes the account.
        let (first, second) = tokio::join!(
            app.confirm(&token, "een-sterk-wachtwoord-42"),
            app.confirm(&token, "een-sterk-wachtwoord-42"),
        );
        let mut statuses = [first.status(), second.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::CREATED, StatusCode::CONFLICT]);
        let confirmed: ConfirmedApplication = if first.status() == StatusCode::CREATED {
            assert_problem(second, StatusCode::CONFLICT, "application_already_confirmed").await;
            first.json().await.unwrap()
        } else {
            assert_problem(first, StatusCode::CONFLICT, "application_already_confirmed").await;
            second.json().await.unwrap()
        };
        assert_eq!(confirmed.email, ANOUK);

        // They log in and find their profile in `registered`, with both documents.
        let joris = app.login_as_with(ANOUK, "een-sterk-wachtwoord-42").await;
        let me: Ambassador = app.get_json("/api/v1/me/ambassador", &joris).await;
        assert_eq!(me.id, confirmed.ambassador_id);
        assert_eq!(me.status.as_str(), "registered");
        assert_eq!(me.profile.home_municipality.as_deref(), Some("Zwolle"));
        assert_eq!(me.profile.expertise, ["techniek", "bouw"]);
        assert_eq!(me.profile.funding.as_str(), "sponsored");
        let intake: Intake = app.get_json(&format!("/api/v1/ambassadors/{}/intake", me.id), &admin).await;
        let kinds: Vec<&str> = intake.documents.iter().map(|d| d.kind.as_str()).collect();
        assert_eq!(kinds, ["cv", "motivation_letter"]);
        let letter = app.get(&format!("/api/v1/ambassadors/{}/documents/motivation_letter", me.id), &admin).await;
        assert_eq!(letter.bytes().await.unwrap().as_ref(), b"%PDF-1.7\nMijn motivatie\n%%EOF");

        // Programme staff see the new application first, with the ambassador it became.
        let newest = app.applications(&admin, "").await;
        assert_eq!(newest[0].ambassador_id, Some(me.id));
        assert_eq!(newest[0].name, ANOUK_NAME);
        assert_eq!(newest[0].status.as_str(), "confirmed");
        assert_eq!(newest[0].intake_status.map(|s| s.as_str()), Some("registered"));
        let actions: Vec<String> = audit_actions(&app, &admin).await.into_iter().map(|e| e.action).collect();
        assert!(actions.contains(&"application.confirm".to_owned()), "{actions:?}");
    }

    async fn bad_applications_are_refused_field_by_field_and_change_nothing(db) {
        let app = spawn_app_with(&db, &[MAIL_LOG]).await;
        let admin = app.login_as(ADMIN).await;
        let before = app.applications(&admin, "").await;

        let mut body = form(ANOUK);
        body["privacy_consent"] = json!(false);
        body["cv"] = json!(b64(b"just some text, not a CV"));
        body["motivation_letter"] = json!("this is not base64!");
        body["minutes_per_day"] = json!(300);
        body["weekdays"] = json!([]);
        let problem = assert_problem(app.apply(&body).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let mut fields: Vec<&str> = problem.errors.iter().map(|e| e.field.as_str()).collect();
        fields.sort();
        assert_eq!(fields, ["cv", "minutes_per_day", "motivation_letter", "privacy_consent", "weekdays"]);

        // Consent to a statement that is no longer the current one does not count.
        let mut body = form(ANOUK);
        body["privacy_statement_version"] = json!("2025-01");
        let problem = assert_problem(app.apply(&body).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(problem.errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["privacy_statement_version"]);
        assert!(problem.errors[0].message.contains("2026-12"), "{problem:?}");
        let mut body = form(ANOUK);
        body["privacy_statement_version"] = json!(42);
        assert_problem(app.apply(&body).await, StatusCode::BAD_REQUEST, "malformed_json").await;

        let mut body = form(ANOUK);
        body["email"] = json!("not an address");
        let problem = assert_problem(app.apply(&body).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(problem.errors[0].field, "email");

        let mut body = form(ANOUK);
        body.as_object_mut().unwrap().remove("cv");
        assert_problem(app.apply(&body).await, StatusCode::BAD_REQUEST, "malformed_json").await;
        let mut body = form(ANOUK);
        body["name"] = json!("Joris\u{0}Vermeer");
        assert_problem(app.apply(&body).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let response = app.client.post(app.url("/api/v1/applications")).body("name=Joris").send().await.unwrap();
        assert_problem(response, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;

        // A letter over 5 MiB is named; a body over 15 MiB is refused before it is read whole.
        let mut big = b"%PDF-1.7\n".to_vec();
        big.resize(5 * 1024 * 1024 + 1, b'x');
        let mut body = form(ANOUK);
        body["motivation_letter"] = json!(b64(&big));
        let problem = assert_problem(app.apply(&body).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(problem.errors[0].field, "motivation_letter");
        assert!(problem.errors[0].message.contains("5 MiB"));
        let huge = vec![b' '; 16 * 1024 * 1024];
        let response = app.client.post(app.url("/api/v1/applications"))
            .header("content-type", "application/json").body(huge).send().await.unwrap();
        assert_problem(response, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;

        assert_eq!(app.applications(&admin, "").await, before, "nothing stored");
        assert!(mails_to(&app.server.log(), ANOUK).is_empty(), "nothing mailed");

        // A client that keeps applying is slowed down like one that keeps signing up.
        let mut last = StatusCode::OK;
        for n in 0..12 {
            last = app.apply(&form(&format!("kandidaat{n}@voorbeeld.example"))).await.status();
            if last == StatusCode::TOO_MANY_REQUESTS {
                break;
            }
        }
        assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
    }

    async fn a_partner_applies_once_despite_a_retry_and_follows_only_its_own_candidates(db) {
        let app = spawn_app_with(&db, &[MAIL_LOG]).await;
        let admin = app.login_as(ADMIN).await;
        let partner = app.partner_token().await;
        // Someone else applies on the website: not the partner's to see.
        assert_eq!(app.apply(&form("zelf@voorbeeld.example")).await.status(), StatusCode::ACCEPTED);

        let body = form(ANOUK);
        assert_problem(app.submit(&partner, None, &body).await, StatusCode::BAD_REQUEST, "idempotency_key_required").await;
        let first = app.submit(&partner, Some("kandidaat-0001"), &body).await;
        assert_eq!(first.status(), StatusCode::CREATED);
        let location = first.headers()["location"].to_str().unwrap().to_owned();
        let first: Application = first.json().await.unwrap();
        assert_eq!(location, format!("/api/v1/applications/{}", first.id));
        assert_eq!(first.partner.as_deref(), Some("Partnerorganisatie Demo"));
        assert_eq!(first.status.as_str(), "awaiting_confirmation");

        // The retry answers the same application; another body under the key is refused.
        let retry = app.submit(&partner, Some("kandidaat-0001"), &body).await;
        assert_eq!(retry.status(), StatusCode::OK);
        assert_eq!(retry.headers()["idempotent-replayed"], "true");
        let retry: Application = retry.json().await.unwrap();
        assert_eq!(retry.id, first.id);
        let mut other = form(ANOUK);
        other["name"] = json!("Anouk van Smit");
        assert_problem(app.submit(&partner, Some("kandidaat-0001"), &other).await, StatusCode::UNPROCESSABLE_ENTITY, "idempotency_key_reused").await;

        // Two requests with a new key at once: one application.
        let body = form("sanne@voorbeeld.example");
        let (a, b) = tokio::join!(
            app.submit(&partner, Some("kandidaat-0002"), &body),
            app.submit(&partner, Some("kandidaat-0002"), &body),
        );
        let mut statuses = [a.status(), b.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::CREATED]);
        let (a, b): (Application, Application) = (a.json().await.unwrap(), b.json().await.unwrap());
        assert_eq!(a.id, b.id);

        // The partner sees its two candidates, newest first, not the one who applied alone.
        let mine = app.applications(&partner, "").await;
        let seen: Vec<uuid::Uuid> = mine.iter().map(|a| a.id).collect();
        assert_eq!(seen[..2], [a.id, first.id], "newest first");
        assert!(mine.iter().all(|a| a.partner.as_deref() == Some("Partnerorganisatie Demo")), "{mine:?}");
        let all = app.applications(&admin, "").await;
        assert!(all.len() > mine.len(), "staff see the website's too");
        let own: Application = app.get_json(&format!("/api/v1/applications/{}", first.id), &partner).await;
        assert_eq!(own.id, first.id);
        let alone = all.into_iter().find(|x| x.partner.is_none()).unwrap();
        assert_problem(app.get(&format!("/api/v1/applications/{}", alone.id), &partner).await, StatusCode::NOT_FOUND, "not_found").await;

        // The candidate hears who applied for them, confirms, and the partner sees the progress.
        let mail = app.server.wait_for_log(|log| mails_to(log, ANOUK).into_iter().next()).await;
        assert!(mail.contains("Partnerorganisatie Demo heeft je aangemeld"), "{mail}");
        let token = app.confirmation_token(ANOUK, 1).await;
        assert_eq!(app.confirm(&token, "een-sterk-wachtwoord-42").await.status(), StatusCode::CREATED);
        let own: Application = app.get_json(&format!("/api/v1/applications/{}", first.id), &partner).await;
        assert_eq!(own.status.as_str(), "confirmed");
        assert_eq!(own.intake_status.map(|s| s.as_str()), Some("registered"));
        assert!(own.ambassador_id.is_some());

        // The partner's submissions are audited as the client's; the candidate's confirmation
        // as theirs.
        let events = audit_actions(&app, &admin).await;
        let submitted: Vec<&AuditEvent> = events.iter().filter(|e| e.action == "application.submit").collect();
        assert_eq!(submitted.len(), 2, "a retry is not a second submission");
        assert!(submitted.iter().all(|e| e.actor_kind == "client"));

        // Who may not: other roles, no token, a bad token.
        for who in [DIRECTOR, COORDINATOR, EMPLOYER_CONTACT, AMBASSADOR] {
            let token = app.login_as(who).await;
            assert_problem(app.get("/api/v1/applications", &token).await, StatusCode::FORBIDDEN, "forbidden").await;
            assert_problem(app.get(&format!("/api/v1/applications/{}", first.id), &token).await, StatusCode::FORBIDDEN, "forbidden").await;
            assert_problem(app.submit(&token, Some("k"), &form("x@voorbeeld.example")).await, StatusCode::FORBIDDEN, "forbidden").await;
        }
        let response = app.client.get(app.url("/api/v1/applications")).send().await.unwrap();
        assert_problem(response, StatusCode::UNAUTHORIZED, "unauthenticated").await;
        assert_problem(app.submit("not-a-token", Some("k"), &form("x@voorbeeld.example")).await, StatusCode::UNAUTHORIZED, "invalid_token").await;
        assert!(mails_to(&app.server.log(), "x@voorbeeld.example").is_empty());
    }

    async fn an_unconfirmed_application_expires_and_then_goes(db) {
        let app = spawn_app_with(&db, &[MAIL_LOG]).await;
        assert_eq!(app.apply(&form(ANOUK)).await.status(), StatusCode::ACCEPTED);
        let token = app.confirmation_token(ANOUK, 1).await;
        drop(app);

        // A week and an hour later the link has expired: say so.
        let later = |hours: i64| {
            let start: chrono::DateTime<chrono::Utc> = testkit::CLOCK_START.parse().unwrap();
            (start + chrono::Duration::hours(hours)).to_rfc3339()
        };
        let at = later(7 * 24 + 1);
        let app = spawn_app_with(&db, &[MAIL_LOG, ("KLASBRUG_CLOCK_START", &at)]).await;
        assert_problem(app.confirm(&token, "een-sterk-wachtwoord-42").await, StatusCode::GONE, "application_expired").await;
        let admin = app.login_as(ADMIN).await;
        let expired = app.applications(&admin, "&status=expired").await;
        assert!(expired.iter().any(|a| a.name == ANOUK_NAME), "{expired:?}");
        assert!(app.applications(&admin, "&status=awaiting_confirmation").await.is_empty());
        drop(app);

        // A day after it expired, the server's sweep at start-up deletes it, documents and all.
        let at = later(8 * 24 + 1);
        let app = spawn_app_with(&db, &[PURGE_LOG, ("KLASBRUG_CLOCK_START", &at)]).await;
        app.server
            .wait_for_log(|log| log.contains("purged unconfirmed applications").then_some(()))
            .await;
        let admin = app.login_as(ADMIN).await;
        assert!(app.applications(&admin, "&status=expired").await.is_empty());
        assert_problem(app.confirm(&token, "een-sterk-wachtwoord-42").await, StatusCode::NOT_FOUND, "not_found").await;
    }
}
