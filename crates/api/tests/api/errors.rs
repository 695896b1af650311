//! Bad input gets a problem+json 4xx that says what to fix, and changes nothing.

use domain::contract::{AuditEvent, Employer, Me, Page};
use reqwest::StatusCode;
use testkit::on_both_backends;

use crate::helpers::*;

on_both_backends! {
    async fn bad_login_bodies_get_a_4xx_that_says_what_to_fix_and_change_nothing(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let before: Page<AuditEvent> = app.get_json("/api/v1/audit-events?limit=200", &admin).await;

        let login = app.url("/api/v1/auth/login");
        let big = format!(r#"{{"email":"a@b.nl","password":"{}"}}"#, "x".repeat(1024 * 1024 + 1));
        let cases: Vec<(&str, String, StatusCode, &str, &str)> = vec![
            ("application/json", "{not json".into(), StatusCode::BAD_REQUEST, "malformed_json", "not valid"),
            ("application/json", r#"{"email":"a@b.nl"}"#.into(), StatusCode::BAD_REQUEST, "malformed_json", "missing field `password`"),
            ("application/json", r#"{"email":"a@b.nl","password":"x","admin":true}"#.into(), StatusCode::BAD_REQUEST, "malformed_json", "unknown field `admin`"),
            ("application/json", r#"{"email":42,"password":"x"}"#.into(), StatusCode::BAD_REQUEST, "malformed_json", "invalid type"),
            ("text/plain", r#"{"email":"a@b.nl","password":"x"}"#.into(), StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "application/json"),
            ("application/json", big, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", "1048576"),
            ("application/json", r#"{"email":"geen-adres","password":"x"}"#.into(), StatusCode::UNPROCESSABLE_ENTITY, "invalid_input", "not a valid e-mail address"),
            ("application/json", r#"{"email":"a@b.nl","password":""}"#.into(), StatusCode::UNPROCESSABLE_ENTITY, "invalid_input", "password"),
        ];
        for (content_type, body, status, code, says) in cases {
            let response = app.client.post(&login).header("content-type", content_type).body(body).send().await.unwrap();
            let problem = assert_problem(response, status, code).await;
            assert!(problem.detail.contains(says), "{code}: {:?} does not say {says:?}", problem.detail);
        }

        let after: Page<AuditEvent> = app.get_json("/api/v1/audit-events?limit=200", &admin).await;
        assert_eq!(before.items, after.items, "bad input changed the audit log");
    }

    async fn control_characters_in_text_get_a_422_naming_the_field_and_create_nothing(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let director = app.login_as(DIRECTOR).await;
        let me: Me = app.get_json("/api/v1/me", &director).await;
        let school = me.memberships[0].organisation.id;
        let audit_before: Page<AuditEvent> = app.get_json("/api/v1/audit-events?limit=200", &admin).await;
        let employers_before: Vec<Employer> = app.get_json("/api/v1/employers", &admin).await;

        let placement = |theme: &str, expertise: &str| serde_json::json!({
            "school_id": school, "school_year": "2026-2027", "start_moment": "february",
            "commitment": "half_year", "weekday": "wednesday", "starts_at": "08:30:00",
            "ends_at": "15:00:00", "kind": "thematic", "theme": theme,
            "expertise": ["programmeren", expertise], "note": "Twee regels\nmet\ttab."
        });
        let sign_up = serde_json::json!({
            "organisation_name": "Bedrijf\u{0}Voorbeeld", "municipality": "Utrecht",
            "contact_name": "Anne", "email": "anne@bedrijf.example", "password": "paars-olifant-fiets-97"
        });
        let bodies = [
            ("/api/v1/auth/login", "", serde_json::json!({"email": "a\u{0}@b.nl", "password": "x"}), "email"),
            ("/api/v1/employers", "", sign_up, "organisation_name"),
            ("/api/v1/placements", director.as_str(), placement("Robo\u{0}tica", "Techniek"), "theme"),
            ("/api/v1/placements", director.as_str(), placement("Robotica", "Tech\u{1b}niek"), "expertise[1]"),
        ];
        for (path, token, body, field) in bodies {
            let response = app.call(reqwest::Method::POST, path, token, Some(&body)).await;
            let problem = assert_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
            assert_eq!(problem.errors.len(), 1, "{path}: {problem:?}");
            assert_eq!(problem.errors[0].field, field, "{path}");
        }
        let addresses = [
            ("/api/v1/calendars/a%00b.ics", "path"),
            ("/api/v1/organisations?limit=5&after=a%00b", "after"),
        ];
        for (path, field) in addresses {
            let problem = assert_problem(app.get(path, &admin).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
            assert_eq!(problem.errors[0].field, field, "{path}");
        }

        let audit_after: Page<AuditEvent> = app.get_json("/api/v1/audit-events?limit=200", &admin).await;
        assert_eq!(audit_before.items, audit_after.items, "a refused request changed something");
        let employers_after: Vec<Employer> = app.get_json("/api/v1/employers", &admin).await;
        assert_eq!(employers_before.len(), employers_after.len());
        // Line breaks and tabs are text: the same placement without control characters is made.
        let made = app.call(reqwest::Method::POST, "/api/v1/placements", &director, Some(&placement("Robotica", "Techniek"))).await;
        assert_eq!(made.status(), StatusCode::CREATED);
    }

    async fn an_invalid_field_is_named_in_the_errors_list(db) {
        let app = spawn_app(&db).await;
        let response = app.login("zonder-apenstaartje", PASSWORD).await;
        let problem = assert_problem(response, StatusCode::UNPROCESSABLE_ENTITY, "invalid_input").await;
        assert_eq!(problem.errors.len(), 1);
        assert_eq!(problem.errors[0].field, "email");
    }

    async fn bad_paths_and_query_strings_get_a_4xx(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let cases = [
            ("/api/v1/organisations/not-a-uuid", StatusCode::BAD_REQUEST, "invalid_path"),
            ("/api/v1/organisations?limit=0", StatusCode::UNPROCESSABLE_ENTITY, "invalid_input"),
            ("/api/v1/organisations?limit=201", StatusCode::UNPROCESSABLE_ENTITY, "invalid_input"),
            ("/api/v1/organisations?limit=veel", StatusCode::BAD_REQUEST, "invalid_query"),
            ("/api/v1/organisations?kind=castle", StatusCode::BAD_REQUEST, "invalid_query"),
            ("/api/v1/organisations?after=garbage", StatusCode::UNPROCESSABLE_ENTITY, "invalid_input"),
            ("/api/v1/organisations/01930000-0000-7000-8000-000000000000", StatusCode::NOT_FOUND, "not_found"),
            ("/api/v1/no-such-thing", StatusCode::NOT_FOUND, "not_found"),
            ("/api/v2/organisations", StatusCode::NOT_FOUND, "not_found"),
        ];
        for (path, status, code) in cases {
            let response = app.get(path, &admin).await;
            assert_eq!(response.status(), status, "{path}");
            assert_problem(response, status, code).await;
        }
    }

    async fn health_probes_answer_without_authentication(db) {
        let app = spawn_app(&db).await;
        for path in ["/healthz", "/readyz"] {
            let response = app.client.get(app.url(path)).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            let body: serde_json::Value = response.json().await.unwrap();
            assert_eq!(body["status"], "ok");
        }
    }
}

/// PostgreSQL only: a running server keeps its SQLite connections open, and an open SQLite file
/// stays readable even when it is deleted or its folder made unreadable, so there is no way to
/// take the database away from under the server short of breaking the disk.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn while_the_database_is_unreachable_the_api_answers_503_with_retry_after() {
    testkit::TestDatabase::run(testkit::Backend::Postgres, |db| async move {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        assert_eq!(
            app.get("/api/v1/organisations", &admin).await.status(),
            StatusCode::OK
        );

        db.make_unreachable().await;

        for path in ["/api/v1/organisations", "/api/v1/me", "/readyz"] {
            let response = app.get(path, &admin).await;
            let retry_after = response
                .headers()
                .get(reqwest::header::RETRY_AFTER)
                .map(|v| v.to_str().unwrap().to_owned());
            let problem =
                assert_problem(response, StatusCode::SERVICE_UNAVAILABLE, "unavailable").await;
            assert!(
                retry_after.is_some_and(|s| s.parse::<u64>().is_ok()),
                "{path}: {problem:?}"
            );
        }
    })
    .await;
}
