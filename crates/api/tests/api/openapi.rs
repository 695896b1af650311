//! The published contract: what the server serves is what `openapi/openapi.json` says.

use reqwest::StatusCode;
use testkit::on_both_backends;

use crate::helpers::*;

fn committed() -> serde_json::Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../openapi/openapi.json");
    let text = std::fs::read_to_string(path)
        .expect("openapi/openapi.json exists: run `cargo xtask openapi`");
    serde_json::from_str(&text).expect("openapi/openapi.json is JSON")
}

on_both_backends! {
    async fn the_served_document_is_the_committed_one(db) {
        let app = spawn_app(&db).await;
        let response = app.client.get(app.url("/api-docs/openapi.json")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let served: serde_json::Value = response.json().await.unwrap();
        assert!(
            served == committed(),
            "the API changed but openapi/openapi.json did not: run `cargo xtask openapi` and review the diff"
        );
        assert_eq!(served["openapi"], "3.1.0");
    }

    async fn swagger_ui_is_served_offline(db) {
        let app = spawn_app(&db).await;
        let response = app.client.get(app.url("/docs/")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.text().await.unwrap().contains("swagger-ui"));
        let redirect = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let response = redirect.get(app.url("/docs")).send().await.unwrap();
        assert!(response.status().is_redirection());
    }
}

#[test]
fn every_operation_is_documented_with_id_tag_summary_errors_and_security() {
    let document = committed();
    let schemes = document["components"]["securitySchemes"]
        .as_object()
        .unwrap();
    for scheme in ["bearer", "oauth2", "client_basic", "session_cookie"] {
        assert!(schemes.contains_key(scheme), "security scheme {scheme}");
    }
    assert_eq!(
        schemes["oauth2"]["flows"]["clientCredentials"]["tokenUrl"],
        "/api/v1/auth/token"
    );
    let mut operations = 0;
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let name = format!("{method} {path}");
            operations += 1;
            assert!(operation["operationId"].is_string(), "{name}: operationId");
            assert!(
                operation["tags"].as_array().is_some_and(|t| !t.is_empty()),
                "{name}: tag"
            );
            assert!(
                operation["summary"].as_str().is_some_and(|s| !s.is_empty()),
                "{name}: summary"
            );
            let responses = operation["responses"].as_object().unwrap();
            if path.starts_with("/api/") {
                assert!(operation.get("security").is_some(), "{name}: security");
                assert!(
                    responses
                        .keys()
                        .any(|s| s.starts_with('4') || s.starts_with('5')),
                    "{name}: error responses"
                );
            }
        }
    }
    assert!(operations >= 10, "{operations} operations");
}

#[test]
fn every_schema_property_has_a_description() {
    let document = committed();
    for (name, schema) in document["components"]["schemas"].as_object().unwrap() {
        if let Some(properties) = schema["properties"].as_object() {
            for (property, definition) in properties {
                let described = definition.get("description").is_some()
                    || definition["allOf"]
                        .as_array()
                        .is_some_and(|a| a.iter().any(|s| s.get("description").is_some()))
                    || definition["oneOf"]
                        .as_array()
                        .is_some_and(|a| a.iter().any(|s| s.get("description").is_some()));
                assert!(described, "{name}.{property} has no description");
            }
        }
    }
}
