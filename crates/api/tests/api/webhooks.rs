//! Partner webhooks against a real receiver over HTTP, which checks each signature with the
//! Standard Webhooks reference library: registering (secret shown once), the events and who
//! hears of them (the scope that reads the same, and only the partner's own candidates),
//! retries with backoff, a failure that stays visible, replay with the same id, and every
//! other principal kept out.

use domain::contract::message::MessageStatus;
use domain::contract::{
    CreatedWebhookEndpoint, LessonSeries, Page, Placement, WebhookDelivery, WebhookEndpoint,
};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use testkit::on_both_backends;
use testkit::webhook::WebhookReceiver;
use tokio::process::Command;
use uuid::Uuid;

use crate::helpers::*;
use crate::placing::{ambassador_id, open_spot, propose};

async fn spawn(db: &testkit::TestDatabaseRef, extra: &[(&str, &str)]) -> TestApp {
    let mut env = vec![("RUST_LOG", "warn,klasbrug::mail=info")];
    env.extend_from_slice(extra);
    spawn_app_with(db, &env).await
}

/// Registers an endpoint at `receiver` for `events`.
async fn register(
    app: &TestApp,
    token: &str,
    receiver: &WebhookReceiver,
    events: &[&str],
) -> CreatedWebhookEndpoint {
    app.post_ok(
        "/api/v1/webhooks",
        token,
        &json!({"url": receiver.url("/klasbrug"), "events": events, "description": "CRM-koppeling"}),
        StatusCode::CREATED,
    )
    .await
}

async fn deliveries(app: &TestApp, token: &str, endpoint: Uuid) -> Vec<WebhookDelivery> {
    let page: Page<WebhookDelivery> = app
        .get_json(
            &format!("/api/v1/webhooks/{endpoint}/deliveries?limit=100"),
            token,
        )
        .await;
    page.items
}

/// Waits until the server logged `count` webhook outcomes containing `outcome`.
async fn logged(app: &TestApp, outcome: &str, count: usize) {
    let line = format!("a webhook {outcome}");
    app.server
        .wait_for_log(|log| (log.matches(line.as_str()).count() >= count).then_some(()))
        .await;
}

/// A second partner client with `scopes`, made on the command line, and its token.
async fn other_client(app: &TestApp, db: &testkit::TestDatabaseRef, scopes: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_klasbrug"))
        .env_clear()
        .env("DATABASE_URL", &db.url)
        .env("RUST_LOG", "warn")
        .args([
            "create-partner-client",
            "--name",
            "Tweede partner",
            "--scopes",
            scopes,
        ])
        .output()
        .await
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let value = |key: &str| {
        stdout
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .unwrap()
            .to_owned()
    };
    let response = app
        .client_token(&[
            ("grant_type", "client_credentials"),
            ("client_id", &value("client_id=")),
            ("client_secret", &value("client_secret=")),
        ])
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let token: domain::contract::AccessToken = response.json().await.unwrap();
    token.access_token
}

async fn transition(app: &TestApp, token: &str, placement: Uuid, body: Value) -> Placement {
    app.post_ok(
        &format!("/api/v1/placements/{placement}/transitions"),
        token,
        &body,
        StatusCode::OK,
    )
    .await
}

on_both_backends! {
    async fn a_placement_opening_and_closing_reaches_the_partner_signed_and_can_be_replayed(db) {
        let receiver = WebhookReceiver::start().await;
        let app = spawn(&db, &[]).await;
        let partner = app.partner_token().await;
        let director = app.login_as(DIRECTOR).await;

        let created = register(&app, &partner, &receiver, &["placement.closed", "placement.opened", "placement.opened"]).await;
        assert!(created.secret.starts_with("whsec_"), "{}", created.secret);
        assert_eq!(created.endpoint.events.iter().map(|e| e.as_str()).collect::<Vec<_>>(), ["placement.opened", "placement.closed"]);
        let shown: WebhookEndpoint = app.get_json(&format!("/api/v1/webhooks/{}", created.endpoint.id), &partner).await;
        assert_eq!(shown, created.endpoint);
        let text = app.get(&format!("/api/v1/webhooks/{}", created.endpoint.id), &partner).await.text().await.unwrap();
        assert!(!text.contains("whsec_"), "the secret is shown once: {text}");

        let placement = open_spot(&app, &director).await;
        let request = receiver.wait_for(1).await.remove(0);
        assert_eq!((request.method.as_str(), request.path.as_str()), ("POST", "/klasbrug"));
        assert_eq!(request.header("content-type"), "application/json");
        request.verify(&created.secret).unwrap();
        assert!(request.verify("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").is_err(), "another secret does not verify");
        let body = request.json();
        assert_eq!(body["type"], "placement.opened");
        assert_eq!(body["data"]["id"], placement.id.to_string());
        assert_eq!(body["data"]["status"], "open");
        assert!(body["data"].get("teacher").is_none(), "partners never read the teacher: {body}");

        transition(&app, &director, placement.id, json!({"action": "close", "reason": "Geen vervoer"})).await;
        let closed = receiver.wait_for(2).await.remove(1);
        closed.verify(&created.secret).unwrap();
        assert_eq!(closed.json()["type"], "placement.closed");
        assert_eq!(closed.json()["data"], json!({"id": placement.id, "school_id": placement.school_id, "status": "closed"}));
        assert!(!closed.body.contains("Geen vervoer"), "the reason is the school's");

        // Listed with the endpoint's answer, newest first; the id is the one sent.
        logged(&app, "was delivered and recorded as sent", 2).await;
        let listed = deliveries(&app, &partner, created.endpoint.id).await;
        assert_eq!(listed.iter().map(|d| d.event.as_str()).collect::<Vec<_>>(), ["placement.closed", "placement.opened"]);
        assert!(listed.iter().all(|d| d.status == MessageStatus::Sent && d.attempts == 1 && d.response_status == Some(204)));
        assert_eq!(listed[1].id.to_string(), request.header("webhook-id"));
        assert_eq!(listed[1].payload, body);

        // A replay goes out again with the same id and body, and a fresh signature.
        let replayed: WebhookDelivery = app.post_ok(
            &format!("/api/v1/webhooks/{}/deliveries/{}/replay", created.endpoint.id, listed[1].id),
            &partner, &json!({}), StatusCode::OK).await;
        assert_eq!(replayed.status, MessageStatus::Waiting);
        let again = receiver.wait_for(3).await.remove(2);
        again.verify(&created.secret).unwrap();
        assert_eq!((again.header("webhook-id"), again.body.as_str()), (request.header("webhook-id"), request.body.as_str()));

        // A removed endpoint hears nothing more.
        let removed = app.call(Method::DELETE, &format!("/api/v1/webhooks/{}", created.endpoint.id), &partner, None).await;
        assert_eq!(removed.status(), StatusCode::NO_CONTENT);
        transition(&app, &director, placement.id, json!({"action": "open"})).await;
        let listed: Vec<WebhookEndpoint> = app.get_json("/api/v1/webhooks", &partner).await;
        assert!(listed.is_empty());
        let gone = app.get(&format!("/api/v1/webhooks/{}/deliveries", created.endpoint.id), &partner).await;
        assert_problem(gone, StatusCode::NOT_FOUND, "not_found").await;
    }

    async fn a_failing_endpoint_is_retried_then_fails_visibly_and_a_replay_delivers_it(db) {
        let receiver = WebhookReceiver::start().await;
        receiver.answer_with(500);
        let app = spawn(&db, &[("KLASBRUG_WEBHOOK_RETRY_BASE_MS", "20"), ("KLASBRUG_WEBHOOK_MAX_ATTEMPTS", "3")]).await;
        let partner = app.partner_token().await;
        let director = app.login_as(DIRECTOR).await;
        let created = register(&app, &partner, &receiver, &["placement.opened"]).await;
        open_spot(&app, &director).await;

        let attempts = receiver.wait_for(3).await;
        logged(&app, "could not be delivered; it is marked failed", 1).await;
        assert!(attempts.iter().all(|r| r.verify(&created.secret).is_ok()));
        assert!(attempts.iter().all(|r| r.header("webhook-id") == attempts[0].header("webhook-id")), "one delivery, tried three times");
        let failed = deliveries(&app, &partner, created.endpoint.id).await.remove(0);
        assert_eq!((failed.status, failed.attempts, failed.response_status), (MessageStatus::Failed, 3, Some(500)));
        assert_eq!(failed.last_error.as_deref(), Some("the endpoint answered 500 Internal Server Error"));
        assert_eq!(failed.response_body.as_deref(), Some(r#"{"received":false}"#));
        assert_eq!(receiver.requests().len(), 3, "nothing after the last attempt");

        receiver.answer_with(200);
        let path = format!("/api/v1/webhooks/{}/deliveries/{}/replay", created.endpoint.id, failed.id);
        let _: WebhookDelivery = app.post_ok(&path, &partner, &json!({}), StatusCode::OK).await;
        receiver.wait_for(4).await;
        logged(&app, "was delivered and recorded as sent", 1).await;
        let sent = deliveries(&app, &partner, created.endpoint.id).await.remove(0);
        assert_eq!((sent.status, sent.attempts, sent.response_status), (MessageStatus::Sent, 1, Some(200)));
    }

    async fn of_two_replays_at_once_one_wins_and_the_other_finds_it_waiting(db) {
        let receiver = WebhookReceiver::start().await;
        receiver.answer_with(500);
        let app = spawn(&db, &[("KLASBRUG_WEBHOOK_MAX_ATTEMPTS", "1"), ("KLASBRUG_WEBHOOK_TIMEOUT_MS", "120000")]).await;
        let partner = app.partner_token().await;
        let director = app.login_as(DIRECTOR).await;
        let created = register(&app, &partner, &receiver, &["placement.opened"]).await;
        open_spot(&app, &director).await;
        receiver.wait_for(1).await;
        logged(&app, "could not be delivered; it is marked failed", 1).await;
        let failed = deliveries(&app, &partner, created.endpoint.id).await.remove(0);
        assert_eq!(failed.status, MessageStatus::Failed);

        // The endpoint is stuck now: the winner's delivery waits on it, so the loser cannot slip
        // in after a quick outcome.
        receiver.hang();
        let path = format!("/api/v1/webhooks/{}/deliveries/{}/replay", created.endpoint.id, failed.id);
        let empty = json!({});
        let (one, two) = tokio::join!(
            app.call(Method::POST, &path, &partner, Some(&empty)),
            app.call(Method::POST, &path, &partner, Some(&empty)),
        );
        let mut statuses = [one.status(), two.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
        let loser = if one.status() == StatusCode::CONFLICT { one } else { two };
        assert_problem(loser, StatusCode::CONFLICT, "delivery_waiting").await;
        receiver.wait_for(2).await;
        assert_eq!(deliveries(&app, &partner, created.endpoint.id).await.len(), 1, "one delivery, replayed once");
    }

    async fn a_delivery_waiting_for_its_retry_cannot_be_replayed_yet(db) {
        let receiver = WebhookReceiver::start().await;
        receiver.answer_with(503);
        let app = spawn(&db, &[("KLASBRUG_WEBHOOK_RETRY_BASE_MS", "3600000")]).await;
        let partner = app.partner_token().await;
        let director = app.login_as(DIRECTOR).await;
        let created = register(&app, &partner, &receiver, &["placement.opened"]).await;
        open_spot(&app, &director).await;
        receiver.wait_for(1).await;
        logged(&app, "could not be delivered; it will be tried again", 1).await;
        let waiting = deliveries(&app, &partner, created.endpoint.id).await.remove(0);
        assert_eq!((waiting.status, waiting.response_status), (MessageStatus::Waiting, Some(503)));
        assert!(waiting.next_attempt_at.is_some());
        let path = format!("/api/v1/webhooks/{}/deliveries/{}/replay", created.endpoint.id, waiting.id);
        let response = app.call(Method::POST, &path, &partner, Some(&json!({}))).await;
        assert_problem(response, StatusCode::CONFLICT, "delivery_waiting").await;
    }

    async fn match_events_reach_only_the_partner_that_applied_for_the_candidate(db) {
        let receiver = WebhookReceiver::start().await;
        let others = WebhookReceiver::start().await;
        let app = spawn(&db, &[]).await;
        let partner = app.partner_token().await;
        let other = other_client(&app, &db, "ambassadors:write webhooks:manage placements:read").await;
        let admin = app.login_as(ADMIN).await;
        let director = app.login_as(DIRECTOR).await;
        let own = register(&app, &partner, &receiver, &["match.proposed", "match.ended"]).await;
        let theirs = register(&app, &other, &others, &["match.proposed", "match.ended"]).await;

        // Sem came through the demo partner; Lotte applied herself.
        let placement = open_spot(&app, &director).await;
        let sem = ambassador_id(&app, &admin, "Sem Willems").await;
        let lotte = ambassador_id(&app, &admin, "Lotte Bos").await;
        assert_eq!(propose(&app, &admin, placement.id, sem).await.status(), StatusCode::CREATED);
        let proposed = receiver.wait_for(1).await.remove(0);
        proposed.verify(&own.secret).unwrap();
        let body = proposed.json();
        assert_eq!(body["type"], "match.proposed");
        assert_eq!((body["data"]["ambassador_id"].as_str(), body["data"]["placement_id"].as_str(), body["data"]["status"].as_str()),
            (Some(sem.to_string().as_str()), Some(placement.id.to_string().as_str()), Some("proposed")));
        assert!(!proposed.body.contains("Sem Willems"), "ids, not names: {}", proposed.body);
        let application = body["data"]["application_id"].as_str().unwrap();
        let _: Value = app.get_json(&format!("/api/v1/applications/{application}"), &partner).await;

        // The other partner hears nothing of Sem; nobody of Lotte. The outbox row is written with
        // the change, so the lists are complete as soon as the change answered.
        let second = open_spot(&app, &director).await;
        assert_eq!(propose(&app, &admin, second.id, lotte).await.status(), StatusCode::CREATED);
        assert!(deliveries(&app, &other, theirs.endpoint.id).await.is_empty());
        assert_eq!(deliveries(&app, &partner, own.endpoint.id).await.len(), 1);

        // Declining Sem's match ends it for the partner.
        let matches: Page<domain::contract::Match> = app.get_json(&format!("/api/v1/matches?placement_id={}", placement.id), &admin).await;
        let sem_match = matches.items.iter().find(|m| m.ambassador.id == sem).unwrap();
        crate::placing::act(&app, &admin, sem_match.id, json!({"action": "decline", "side": "school", "reason": "Past niet in het rooster"})).await;
        let ended = receiver.wait_for(2).await.remove(1);
        ended.verify(&own.secret).unwrap();
        assert_eq!((ended.json()["type"].as_str(), ended.json()["data"]["status"].as_str()), (Some("match.ended"), Some("declined")));
        assert!(!ended.body.contains("rooster"), "the reason stays with the school");
        assert!(others.requests().is_empty());
    }

    async fn an_application_and_an_approved_series_reach_partners_that_may_read_them(db) {
        let receiver = WebhookReceiver::start().await;
        let app = spawn(&db, &[]).await;
        let partner = app.partner_token().await;
        let coordinator = app.login_as(COORDINATOR).await;
        let created = register(&app, &partner, &receiver, &["ambassador.application_received", "lesson_series.approved"]).await;

        let pdf = "JVBERi0xLjQKJSVFT0YK";
        let application = json!({
            "name": "Kees Voorbeeld", "email": "kees@voorbeeld.example", "home_municipality": "Utrecht",
            "weekdays": ["monday"], "commitment": "whole_year", "available_from_year": "2027-2028",
            "available_from_moment": "september", "minutes_per_day": 420, "school_type": "po",
            "expertise": ["techniek"], "motivation_letter": pdf, "cv": pdf, "privacy_consent": true,
        });
        let response = app.client.post(app.url("/api/v1/applications")).bearer_auth(&partner)
            .header("Idempotency-Key", "webhook-test-1").json(&application).send().await.unwrap();
        let status = response.status();
        let sent: Value = response.json().await.unwrap();
        assert_eq!(status, StatusCode::CREATED, "{sent}");
        let received = receiver.wait_for(1).await.remove(0);
        received.verify(&created.secret).unwrap();
        assert_eq!(received.json()["type"], "ambassador.application_received");
        assert_eq!(received.json()["data"], sent, "what the API answered");

        let list: Page<LessonSeries> = app.get_json("/api/v1/lesson-series?status=submitted&limit=50", &coordinator).await;
        let series = &list.items[0];
        let _: LessonSeries = app.post_ok(&format!("/api/v1/lesson-series/{}/transitions", series.id), &coordinator,
            &json!({"action": "approve"}), StatusCode::OK).await;
        let approved = receiver.wait_for(2).await.remove(1);
        approved.verify(&created.secret).unwrap();
        let body = approved.json();
        assert_eq!(body["type"], "lesson_series.approved");
        let entry: Value = app.get_json("/api/v1/library?limit=100", &partner).await;
        let in_library = entry["items"].as_array().unwrap().iter().find(|e| e["id"] == series.id.to_string()).unwrap();
        assert_eq!(&body["data"], in_library, "what the library shows");
        assert!(!approved.body.contains("Fenna"), "without its author: {}", approved.body);
    }

    async fn only_a_client_with_webhooks_manage_has_endpoints_and_only_its_own(db) {
        let receiver = WebhookReceiver::start().await;
        let app = spawn(&db, &[("KLASBRUG_WEBHOOK_ALLOW_LOCAL", "false")]).await;
        let partner = app.partner_token().await;
        let reader = other_client(&app, &db, "placements:read").await;
        let other = other_client(&app, &db, "webhooks:manage schools:read").await;

        // Not a public https address: refused, nothing stored.
        for url in ["http://partner.example/hooks", "https://127.0.0.1/hooks", "https://localhost/x", "ftp://partner.example/"] {
            let response = app.call(Method::POST, "/api/v1/webhooks", &partner, Some(&json!({"url": url, "events": ["placement.opened"]}))).await;
            let problem = assert_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
            assert_eq!(problem.errors[0].field, "url", "{url}");
        }
        let local = app.call(Method::POST, "/api/v1/webhooks", &partner, Some(&json!({"url": receiver.url("/x"), "events": ["placement.opened"]}))).await;
        assert_problem(local, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let listed: Vec<WebhookEndpoint> = app.get_json("/api/v1/webhooks", &partner).await;
        assert!(listed.is_empty());

        // An event the client could not read through the API, or none at all, or an unknown one.
        let body = |events: Value| json!({"url": "https://partner.example/hooks", "events": events});
        let response = app.call(Method::POST, "/api/v1/webhooks", &other, Some(&body(json!(["placement.opened"])))).await;
        let problem = assert_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert!(problem.errors[0].message.contains("placements:read"), "{problem:?}");
        let response = app.call(Method::POST, "/api/v1/webhooks", &other, Some(&body(json!([])))).await;
        assert_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        let response = app.call(Method::POST, "/api/v1/webhooks", &other, Some(&body(json!(["placement.deleted"])))).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);

        // Someone else's endpoint does not exist for them.
        let mine: CreatedWebhookEndpoint = app.post_ok("/api/v1/webhooks", &partner, &body(json!(["placement.opened"])), StatusCode::CREATED).await;
        let id = mine.endpoint.id;
        let delivery = Uuid::now_v7();
        for (method, path) in [
            (Method::GET, format!("/api/v1/webhooks/{id}")),
            (Method::PUT, format!("/api/v1/webhooks/{id}")),
            (Method::DELETE, format!("/api/v1/webhooks/{id}")),
            (Method::GET, format!("/api/v1/webhooks/{id}/deliveries")),
            (Method::POST, format!("/api/v1/webhooks/{id}/deliveries/{delivery}/replay")),
        ] {
            let response = app.call(method.clone(), &path, &other, Some(&json!({"url": "https://x.example/", "events": ["ambassador.application_received"]}))).await;
            let status = response.status();
            assert!(status == StatusCode::NOT_FOUND || status == StatusCode::UNPROCESSABLE_ENTITY, "{method} {path}: {status}");
        }
        let listed: Vec<WebhookEndpoint> = app.get_json("/api/v1/webhooks", &other).await;
        assert!(listed.is_empty());
        let still: WebhookEndpoint = app.get_json(&format!("/api/v1/webhooks/{id}"), &partner).await;
        assert_eq!(still.url, "https://partner.example/hooks");

        // Without the scope, and people (programme staff too): 403; without a token: 401.
        let admin = app.login_as(ADMIN).await;
        let director = app.login_as(DIRECTOR).await;
        for token in [&reader, &admin, &director] {
            assert_problem(app.get("/api/v1/webhooks", token).await, StatusCode::FORBIDDEN, "forbidden").await;
            let response = app.call(Method::POST, "/api/v1/webhooks", token, Some(&body(json!(["placement.opened"])))).await;
            assert_problem(response, StatusCode::FORBIDDEN, "forbidden").await;
        }
        let anonymous = app.client.get(app.url("/api/v1/webhooks")).send().await.unwrap();
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);

        // Its owner changes it; the secret stays unknown to the answer.
        let changed = app.call(Method::PUT, &format!("/api/v1/webhooks/{id}"), &partner,
            Some(&json!({"url": "https://partner.example/v2", "events": ["placement.closed", "match.ended"]}))).await;
        assert_eq!(changed.status(), StatusCode::OK);
        let changed: Value = changed.json().await.unwrap();
        assert_eq!(changed["url"], "https://partner.example/v2");
        assert_eq!(changed["events"], json!(["placement.closed", "match.ended"]));
        assert!(changed.get("secret").is_none());
    }

    async fn two_servers_on_one_database_deliver_each_event_exactly_once(db) {
        let receiver = WebhookReceiver::start().await;
        let first = spawn(&db, &[]).await;
        let second = spawn(&db, &[]).await;
        let partner = first.partner_token().await;
        let created = register(&first, &partner, &receiver, &["placement.opened"]).await;
        let directors = [first.login_as(DIRECTOR).await, second.login_as(DIRECTOR).await];
        let servers = [&first, &second];
        let opened = (0..20).map(|n| open_spot(servers[n % 2], &directors[n % 2]));
        let placements = futures_util::future::join_all(opened).await;

        let requests = receiver.wait_for(20).await;
        let delivered = |app: &TestApp| app.server.log().matches("a webhook was delivered and recorded as sent").count();
        let waits = servers.iter().map(|app| Box::pin(app.server.wait_for_log(|_| (delivered(&first) + delivered(&second) >= 20).then_some(()))));
        futures_util::future::select_all(waits).await;
        let mut ids: Vec<&str> = requests.iter().map(|r| r.header("webhook-id")).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 20, "each delivery once");
        assert!(requests.iter().all(|r| r.verify(&created.secret).is_ok()));
        for placement in &placements {
            assert_eq!(requests.iter().filter(|r| r.json()["data"]["id"] == placement.id.to_string()).count(), 1, "{}", placement.id);
        }
        let listed = deliveries(&first, &partner, created.endpoint.id).await;
        assert!(listed.len() == 20 && listed.iter().all(|d| d.status == MessageStatus::Sent && d.attempts == 1), "{listed:?}");
        assert_eq!(receiver.requests().len(), 20, "nothing sent twice");
    }
}
