//! What a host expects of the server: a request id on every answer, in problems and in the
//! logs; Prometheus metrics behind a token; 404 for API-like paths that are not there; and
//! `Idempotency-Key` on the API's POSTs, replayed for 24 hours and raced.

use std::collections::HashMap;

use domain::contract::{Page, Placement, Problem};
use reqwest::StatusCode;
use serde_json::{Value, json};
use testkit::on_both_backends;
use uuid::Uuid;

use crate::helpers::*;

const METRICS_TOKEN: &str = "scrape-token-0123456789abcdef";

fn request_id(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("x-request-id")
        .unwrap_or_else(|| panic!("{} has no X-Request-Id", response.url()))
        .to_str()
        .unwrap()
        .to_owned()
}

async fn school_of(app: &TestApp, token: &str) -> String {
    let me: domain::contract::Me = app.get_json("/api/v1/me", token).await;
    me.memberships[0].organisation.id.to_string()
}

fn spot(school: &str, theme: &str) -> Value {
    json!({
        "school_id": school,
        "school_year": "2026-2027",
        "start_moment": "february",
        "commitment": "half_year",
        "weekday": "tuesday",
        "starts_at": "08:30:00",
        "ends_at": "15:00:00",
        "kind": "thematic",
        "theme": theme,
        "expertise": ["Techniek"],
    })
}

async fn post_with_key(
    app: &TestApp,
    path: &str,
    token: &str,
    key: &str,
    body: &Value,
) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn placements_themed(app: &TestApp, token: &str, theme: &str) -> usize {
    let page: Page<Placement> = app.get_json("/api/v1/placements?limit=100", token).await;
    page.items
        .iter()
        .filter(|p| p.theme.as_deref() == Some(theme))
        .count()
}

/// The samples of one metric family, by their labels, as a Prometheus text parser reads them:
/// a counter's or gauge's value, a histogram's count.
fn samples(text: &str, family: &str) -> Vec<(HashMap<String, String>, f64)> {
    use openmetrics_parser::{PrometheusValue, prometheus::parse_prometheus};
    let exposition = parse_prometheus(text).expect("Prometheus text format");
    let Some(family) = exposition.families.get(family) else {
        panic!(
            "no family {family}; there are {:?}",
            exposition.families.keys().collect::<Vec<_>>()
        );
    };
    family
        .iter_samples()
        .map(|sample| {
            let labels = sample
                .get_labelset()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let value = match &sample.value {
                PrometheusValue::Counter(counter) => counter.value.as_f64(),
                PrometheusValue::Gauge(n) | PrometheusValue::Unknown(n) => n.as_f64(),
                PrometheusValue::Histogram(histogram) => histogram.count.unwrap_or_default() as f64,
                PrometheusValue::Summary(summary) => summary.count.unwrap_or_default() as f64,
            };
            (labels, value)
        })
        .collect()
}

fn sample(samples: &[(HashMap<String, String>, f64)], labels: &[(&str, &str)]) -> Option<f64> {
    samples
        .iter()
        .find(|(have, _)| {
            labels
                .iter()
                .all(|(k, v)| have.get(*k).map(String::as_str) == Some(*v))
        })
        .map(|(_, v)| *v)
}

async fn scrape(app: &TestApp) -> String {
    let response = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth(METRICS_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"],
        "text/plain; version=0.0.4; charset=utf-8"
    );
    response.text().await.unwrap()
}

on_both_backends! {
    async fn every_answer_carries_a_request_id_that_its_problem_and_the_logs_repeat(db) {
        let app = spawn_app_with(&db, &[("RUST_LOG", "warn")]).await;
        let director = app.login_as(DIRECTOR).await;
        let mut seen = Vec::new();
        for (path, token) in [("/healthz", ""), ("/api/v1/placements", director.as_str()), ("/api/v1/no-such-thing", director.as_str()), ("/", "")] {
            let response = app.client.get(app.url(path)).bearer_auth(token).send().await.unwrap();
            let id = request_id(&response);
            assert!(Uuid::parse_str(&id).is_ok(), "{path}: {id}");
            seen.push(id);
        }
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 4, "each request has its own id");

        // Without a trusted proxy, a client's own id is not taken: it could forge log lines.
        let response = app.client.get(app.url("/api/v1/placements")).header("X-Request-Id", "forged-by-client").send().await.unwrap();
        let id = request_id(&response);
        assert_ne!(id, "forged-by-client");
        let problem = assert_problem(response, StatusCode::UNAUTHORIZED, "unauthenticated").await;
        assert_eq!(problem.request_id.as_deref(), Some(id.as_str()), "the problem names its request");
        // The server's log line about that refusal carries the same id.
        app.server.wait_for_log(|log| log.lines().any(|l| l.contains(&id) && l.contains("WARN")).then_some(())).await;

        // Problems from the framework's own refusals carry it too: an unreadable body.
        let response = app.client.post(app.url("/api/v1/placements")).bearer_auth(&director)
            .header("content-type", "application/json").body("{not json").send().await.unwrap();
        let id = request_id(&response);
        let problem: Problem = response.json().await.unwrap();
        assert_eq!(problem.request_id, Some(id));
    }

    async fn behind_a_proxy_its_request_id_is_kept_when_plain(db) {
        let app = spawn_app_with(&db, &[("KLASBRUG_BEHIND_PROXY", "1")]).await;
        let response = app.client.get(app.url("/api/v1/placements")).header("X-Request-Id", "lb-7f3a:0001").send().await.unwrap();
        assert_eq!(request_id(&response), "lb-7f3a:0001");
        let problem = assert_problem(response, StatusCode::UNAUTHORIZED, "unauthenticated").await;
        assert_eq!(problem.request_id.as_deref(), Some("lb-7f3a:0001"));
        for bad in ["two words".to_owned(), "x".repeat(129), "<script>".to_owned()] {
            let response = app.client.get(app.url("/healthz")).header("X-Request-Id", &bad).send().await.unwrap();
            let id = request_id(&response);
            assert!(Uuid::parse_str(&id).is_ok(), "{bad:?} is replaced by our own id, got {id}");
        }
        let longest = "y".repeat(128);
        let response = app.client.get(app.url("/healthz")).header("X-Request-Id", &longest).send().await.unwrap();
        assert_eq!(request_id(&response), longest);
    }

    async fn api_like_paths_that_do_not_exist_are_404_problems_and_metrics_need_the_setting(db) {
        let app = spawn_app(&db).await;
        for path in ["/metrics", "/metrics/extra", "/api", "/api/v2/placements", "/api/v1/nope", "/api-docs/nope.json", "/.well-known/security.txt"] {
            let response = app.client.get(app.url(path)).bearer_auth(METRICS_TOKEN).send().await.unwrap();
            assert_eq!(response.headers()["content-type"], "application/problem+json", "{path}");
            assert_problem(response, StatusCode::NOT_FOUND, "not_found").await;
        }
        // The document is only read: another method gets the same problem.
        let response = app.client.post(app.url("/api-docs/openapi.json")).send().await.unwrap();
        assert_problem(response, StatusCode::NOT_FOUND, "not_found").await;
        // The web app's own routes are still the web app (here: its "not built" notice).
        let response = app.client.get(app.url("/plekken")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(response.text().await.unwrap().contains("cargo xtask run"));
    }

    async fn metrics_count_requests_by_route_and_status_for_a_scraper_with_the_token(db) {
        let app = spawn_app_with(&db, &[("KLASBRUG_METRICS_TOKEN", METRICS_TOKEN)]).await;
        let anonymous = app.client.get(app.url("/metrics")).send().await.unwrap();
        assert_problem(anonymous, StatusCode::UNAUTHORIZED, "unauthenticated").await;
        let wrong = app.client.get(app.url("/metrics")).bearer_auth("scrape-token-0123456789abcdeX").send().await.unwrap();
        assert_problem(wrong, StatusCode::UNAUTHORIZED, "invalid_token").await;
        // A person's access token is not the scraper's.
        let admin = app.login_as(ADMIN).await;
        let person = app.client.get(app.url("/metrics")).bearer_auth(&admin).send().await.unwrap();
        assert_problem(person, StatusCode::UNAUTHORIZED, "invalid_token").await;

        let director = app.login_as(DIRECTOR).await;
        let page: Page<Placement> = app.get_json("/api/v1/placements", &director).await;
        let _: Page<Placement> = app.get_json("/api/v1/placements", &director).await;
        for placement in page.items.iter().take(3) {
            let response = app.get(&format!("/api/v1/placements/{}", placement.id), &director).await;
            assert_eq!(response.status(), StatusCode::OK);
        }
        let other = app.get(&format!("/api/v1/placements/{}", Uuid::now_v7()), &director).await;
        assert_eq!(other.status(), StatusCode::NOT_FOUND);

        let text = scrape(&app).await;
        let requests = samples(&text, "klasbrug_http_requests_total");
        let list = sample(&requests, &[("method", "GET"), ("route", "/api/v1/placements"), ("status", "200")]);
        assert_eq!(list, Some(2.0), "{text}");
        let one = sample(&requests, &[("method", "GET"), ("route", "/api/v1/placements/{id}"), ("status", "200")]);
        assert_eq!(one, Some(page.items.len().min(3) as f64), "ids are not labels: one series per route");
        let missing = sample(&requests, &[("method", "GET"), ("route", "/api/v1/placements/{id}"), ("status", "404")]);
        assert_eq!(missing, Some(1.0));
        assert!(!text.contains(&page.items[0].id.to_string()), "no id in any label");
        assert_eq!(sample(&requests, &[("route", "/metrics"), ("status", "401")]), Some(3.0));

        let latency = samples(&text, "klasbrug_http_request_duration_seconds");
        assert_eq!(sample(&latency, &[("method", "GET"), ("route", "/api/v1/placements")]), Some(2.0), "{text}");
        let max = samples(&text, "klasbrug_db_pool_max_connections");
        assert_eq!(max.first().map(|s| s.1), Some(32.0));
        let pool = samples(&text, "klasbrug_db_pool_connections");
        assert!(sample(&pool, &[("state", "idle")]).is_some() && sample(&pool, &[("state", "in_use")]).is_some(), "{text}");
        let backlog = samples(&text, "klasbrug_outbox_messages");
        for channel in ["email", "webhook"] {
            for state in ["waiting", "failed"] {
                assert!(sample(&backlog, &[("channel", channel), ("state", state)]).is_some(), "{channel} {state}: {text}");
            }
        }
        // Without an SMTP server the demo's e-mail waits: the backlog counts what the message
        // list shows as waiting.
        let waiting: Page<domain::contract::OutgoingMessage> = app.get_json("/api/v1/messages?status=waiting&limit=100", &admin).await;
        assert!(waiting.next.is_none());
        let counted = sample(&backlog, &[("channel", "email"), ("state", "waiting")]).unwrap()
            + sample(&backlog, &[("channel", "webhook"), ("state", "waiting")]).unwrap();
        assert_eq!(counted, waiting.items.len() as f64);

        // The next scrape counts the one before.
        let text = scrape(&app).await;
        let requests = samples(&text, "klasbrug_http_requests_total");
        assert_eq!(sample(&requests, &[("route", "/metrics"), ("status", "200")]), Some(1.0));
    }

    async fn the_same_idempotency_key_and_body_replay_the_first_answer(db) {
        let app = spawn_app(&db).await;
        let director = app.login_as(DIRECTOR).await;
        let school = school_of(&app, &director).await;
        let body = spot(&school, "Idempotente robotica");

        let first = post_with_key(&app, "/api/v1/placements", &director, "plek-0001", &body).await;
        assert_eq!(first.status(), StatusCode::CREATED);
        assert!(first.headers().get("idempotent-replayed").is_none());
        let first_location = first.headers().get("location").cloned();
        let first_etag = first.headers().get("etag").cloned();
        let made: Value = first.json().await.unwrap();

        let again = post_with_key(&app, "/api/v1/placements", &director, "plek-0001", &body).await;
        assert_eq!(again.status(), StatusCode::CREATED);
        assert_eq!(again.headers()["idempotent-replayed"], "true");
        assert_eq!(again.headers().get("location").cloned(), first_location);
        assert_eq!(again.headers().get("etag").cloned(), first_etag);
        let replayed: Value = again.json().await.unwrap();
        assert_eq!(replayed, made, "the first answer, byte for byte");
        assert_eq!(placements_themed(&app, &director, "Idempotente robotica").await, 1, "made once");

        // The same key with another body is refused and changes nothing.
        let other = spot(&school, "Andere plek");
        let refused = post_with_key(&app, "/api/v1/placements", &director, "plek-0001", &other).await;
        assert_problem(refused, StatusCode::UNPROCESSABLE_ENTITY, "idempotency_key_reused").await;
        assert_eq!(placements_themed(&app, &director, "Andere plek").await, 0);

        // Keys are the caller's own: the coordinator of the same school may use the same key.
        let coordinator = app.login_as(COORDINATOR).await;
        let theirs = post_with_key(&app, "/api/v1/placements", &coordinator, "plek-0001", &body).await;
        assert!(theirs.headers().get("idempotent-replayed").is_none(), "not someone else's answer");

        // A refusal is an answer too: replayed, not decided again.
        let director_of_other = app.login_as(OTHER_DIRECTOR).await;
        let forbidden = post_with_key(&app, "/api/v1/placements", &director_of_other, "plek-0002", &body).await;
        let status = forbidden.status();
        assert!(status.is_client_error(), "{status}");
        let again = post_with_key(&app, "/api/v1/placements", &director_of_other, "plek-0002", &body).await;
        assert_eq!(again.status(), status);
        assert_eq!(again.headers()["idempotent-replayed"], "true");

        // A bad key is a 400; without a key nothing changes from before.
        let long = "k".repeat(256);
        let bad = post_with_key(&app, "/api/v1/placements", &director, &long, &spot(&school, "Lange sleutel")).await;
        assert_problem(bad, StatusCode::BAD_REQUEST, "idempotency_key_required").await;
        assert_eq!(placements_themed(&app, &director, "Lange sleutel").await, 0);
        let plain = spot(&school, "Zonder sleutel");
        let _: Value = app.post_ok("/api/v1/placements", &director, &plain, StatusCode::CREATED).await;
        let _: Value = app.post_ok("/api/v1/placements", &director, &plain, StatusCode::CREATED).await;
        assert_eq!(placements_themed(&app, &director, "Zonder sleutel").await, 2);

        // A partner's client keeps its keys too (a webhook endpoint registered once).
        let partner = app.partner_token().await;
        let endpoint = json!({"url": "https://partner.example/hooks", "events": ["placement.opened"]});
        let first = post_with_key(&app, "/api/v1/webhooks", &partner, "hook-1", &endpoint).await;
        let first_status = first.status();
        let first_body = first.text().await.unwrap();
        let again = post_with_key(&app, "/api/v1/webhooks", &partner, "hook-1", &endpoint).await;
        assert_eq!(again.status(), first_status);
        assert_eq!(again.headers()["idempotent-replayed"], "true");
        assert_eq!(again.text().await.unwrap(), first_body);
        drop(app);

        // A day (and an hour: seeding the demo takes a while) later the key is free again: the same request makes a second placement.
        let app = spawn_app_with(&db, &[("KLASBRUG_CLOCK_START", "2026-12-04T10:00:00Z")]).await;
        let director = app.login_as(DIRECTOR).await;
        let later = post_with_key(&app, "/api/v1/placements", &director, "plek-0001", &body).await;
        assert_eq!(later.status(), StatusCode::CREATED);
        assert!(later.headers().get("idempotent-replayed").is_none());
        assert_eq!(placements_themed(&app, &director, "Idempotente robotica").await, 2);
    }

    async fn two_requests_with_one_key_at_once_make_one_placement(db) {
        let app = spawn_app(&db).await;
        let director = app.login_as(DIRECTOR).await;
        let school = school_of(&app, &director).await;
        for round in 0..5 {
            let theme = format!("Gelijktijdig {round}");
            let body = spot(&school, &theme);
            let key = format!("race-{round}");
            let (a, b) = tokio::join!(
                post_with_key(&app, "/api/v1/placements", &director, &key, &body),
                post_with_key(&app, "/api/v1/placements", &director, &key, &body),
            );
            let mut statuses = vec![a.status(), b.status()];
            statuses.sort();
            // Either one waited for the other and replayed its answer, or it was told the first
            // is still running; never two placements.
            assert!(
                statuses == [StatusCode::CREATED, StatusCode::CREATED] || statuses == [StatusCode::CREATED, StatusCode::CONFLICT],
                "{statuses:?}"
            );
            for response in [a, b] {
                if response.status() == StatusCode::CONFLICT {
                    assert_eq!(response.headers()["retry-after"], "1");
                    assert_problem(response, StatusCode::CONFLICT, "idempotency_key_in_use").await;
                }
            }
            assert_eq!(placements_themed(&app, &director, &theme).await, 1, "round {round}");
        }
    }
}

#[test]
fn every_post_of_the_api_declares_its_idempotency_key_and_refusals() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../openapi/openapi.json");
    let document: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut covered = 0;
    for (path, item) in document["paths"].as_object().unwrap() {
        let Some(post) = item.get("post") else {
            continue;
        };
        let covers = path.starts_with("/api/v1/")
            && !path.starts_with("/api/v1/auth/")
            && !path.starts_with("/api/v1/applications");
        let declared = post["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|p| p["name"] == "Idempotency-Key" && p["in"] == "header");
        assert_eq!(
            declared,
            covers || path == "/api/v1/applications",
            "POST {path}"
        );
        if covers {
            covered += 1;
            for (status, code) in [
                ("409", "idempotency_key_in_use"),
                ("422", "idempotency_key_reused"),
            ] {
                let text = post["responses"][status]["description"]
                    .as_str()
                    .unwrap_or_default();
                assert!(text.contains(code), "POST {path} {status}: {text}");
            }
        }
    }
    assert!(covered > 40, "{covered} POSTs");
}
