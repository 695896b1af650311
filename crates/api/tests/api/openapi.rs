//! The published contract: what the server serves is what `openapi/openapi.json` says.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
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

    async fn binary_bodies_are_declared_as_the_bytes_and_media_types_served(db) {
        let app = spawn_app(&db).await;
        let document = committed();
        let binary = |schema: &Value, media_type: &str| {
            assert_eq!(schema["type"], "string", "{media_type}: {schema}");
            assert_eq!(schema["format"], "binary", "{media_type}: {schema}");
            assert_eq!(schema["contentMediaType"], media_type);
        };
        let docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        let item = &document["paths"]["/api/v1/ambassadors/{id}/documents/{kind}"];
        let upload = &item["put"]["requestBody"]["content"]["application/octet-stream"]["schema"];
        binary(upload, "application/octet-stream");
        let download = item["get"]["responses"]["200"]["content"].as_object().unwrap();
        assert_eq!(download.keys().collect::<Vec<_>>(), ["application/pdf", docx], "what is served");
        binary(&download["application/pdf"]["schema"], "application/pdf");
        binary(&download[docx]["schema"], docx);
        for path in ["/api/v1/employers/{id}/statement.xlsx", "/api/v1/dashboard.xlsx"] {
            let content = &document["paths"][path]["get"]["responses"]["200"]["content"];
            binary(&content[xlsx]["schema"], xlsx);
        }

        // What the server does is what the document says.
        let noah = app.login_as(AMBASSADOR).await;
        let mine: Value = app.get_json("/api/v1/me/ambassador", &noah).await;
        let path = format!("/api/v1/ambassadors/{}/documents/cv", mine["id"].as_str().unwrap());
        let pdf = b"%PDF-1.7\n1 0 obj << >> endobj\n".to_vec();
        let stored = app.client.put(app.url(&path)).bearer_auth(&noah).header("content-type", "application/octet-stream").body(pdf.clone()).send().await.unwrap();
        assert_eq!(stored.status(), StatusCode::OK);
        let served = app.get(&path, &noah).await;
        let media_type = served.headers()["content-type"].to_str().unwrap().to_owned();
        assert!(download.contains_key(&media_type), "{media_type} is declared");
        assert_eq!(served.bytes().await.unwrap().to_vec(), pdf);
        let contact = app.login_as(EMPLOYER_CONTACT).await;
        let employers: Vec<Value> = app.get_json("/api/v1/employers", &contact).await;
        let id = employers[0]["id"].as_str().unwrap();
        let statement = app.get(&format!("/api/v1/employers/{id}/statement.xlsx?from=2026-09-01&to=2026-12-31"), &contact).await;
        assert_eq!(statement.status(), StatusCode::OK);
        assert_eq!(statement.headers()["content-type"], xlsx);
    }

    async fn payout_xml_and_statement_xlsx_are_declared_with_what_is_served(db) {
        let app = spawn_app(&db).await;
        let document = committed();
        let xml = &document["paths"]["/api/v1/statements/{month}/payout.xml"]["get"]["responses"]["200"]["content"];
        assert_eq!(xml.as_object().unwrap().keys().collect::<Vec<_>>(), ["application/xml"]);
        let admin = app.login_as(ADMIN).await;
        let served = app.get("/api/v1/statements/2026-10/payout.xml", &admin).await;
        if served.status() == StatusCode::OK {
            assert!(served.headers()["content-type"].to_str().unwrap().starts_with("application/xml"));
        }
        // Every non-JSON body is either text or declared as binary, never an array of numbers.
        for (path, item) in document["paths"].as_object().unwrap() {
            for (method, operation) in item.as_object().unwrap() {
                let bodies = operation["responses"].as_object().unwrap().values().chain(operation.get("requestBody"));
                for body in bodies {
                    for (media_type, content) in body["content"].as_object().into_iter().flatten() {
                        if media_type.ends_with("json") {
                            continue;
                        }
                        assert_ne!(content["schema"]["type"], "array", "{method} {path} {media_type}: bytes as numbers");
                    }
                }
            }
        }
    }

    async fn public_operations_have_no_security_requirement(db) {
        let app = spawn_app(&db).await;
        let document = committed();
        assert_eq!(document["security"], json!([{"bearer": []}]), "a root requirement for linters");
        let mut public = Vec::new();
        for (path, item) in document["paths"].as_object().unwrap() {
            for (method, operation) in item.as_object().unwrap() {
                let security = operation["security"].as_array().unwrap_or_else(|| panic!("{method} {path}: security"));
                assert!(!security.contains(&json!({})), "{method} {path}: an empty requirement makes generators demand a token");
                if security.is_empty() {
                    public.push(format!("{method} {path}"));
                }
            }
        }
        for operation in ["post /api/v1/auth/login", "post /api/v1/auth/token", "post /api/v1/employers", "get /api/v1/invitations/{token}", "get /api/v1/calendars/{token}.ics", "get /healthz", "get /readyz"] {
            assert!(public.iter().any(|p| p == operation), "{operation} is public");
        }
        // And they are: no token, no 401.
        for path in ["/healthz", "/readyz", "/api/v1/invitations/nonsense", "/api/v1/calendars/nonsense.ics"] {
            let response = app.client.get(app.url(path)).send().await.unwrap();
            assert_ne!(response.status(), StatusCode::UNAUTHORIZED, "{path}");
        }
        let login = app.client.post(app.url("/api/v1/auth/login")).json(&json!({"email": ADMIN, "password": PASSWORD})).send().await.unwrap();
        assert_eq!(login.status(), StatusCode::OK);
        let token = app.client_token(&[("grant_type", "client_credentials"), ("client_id", "demo-partner"), ("client_secret", "demo-partner-secret")]).await;
        assert_eq!(token.status(), StatusCode::OK);
    }

    async fn lists_refer_to_their_item_schema(db) {
        let app = spawn_app(&db).await;
        let document = committed();
        let schemas = document["components"]["schemas"].as_object().unwrap();
        let mut pages = 0;
        for (name, schema) in schemas {
            if let Some(item) = name.strip_prefix("Page_") {
                pages += 1;
                assert_eq!(schema["properties"]["items"]["items"], json!({"$ref": format!("#/components/schemas/{item}")}), "{name}");
            }
        }
        assert!(pages >= 10, "{pages} pages");
        let text = serde_json::to_string(&document).unwrap();
        for name in ["AmbassadorListItem", "AuditEvent", "LibraryEntry", "MatchingRunListItem", "Member", "AuditOrder", "CsvDialect", "ResearchDataset"] {
            assert!(text.contains(&format!("\"#/components/schemas/{name}\"")), "{name} is referred to");
            assert!(schemas.contains_key(name), "{name} is defined");
        }
        // The page a client reads has the items the referred schema describes.
        let admin = app.login_as(ADMIN).await;
        let page: Value = app.get_json("/api/v1/placements?limit=1", &admin).await;
        let required = schemas["Placement"]["required"].as_array().unwrap();
        for field in required {
            assert!(page["items"][0].get(field.as_str().unwrap()).is_some(), "{field}");
        }
    }

    async fn json_bodies_without_content_type_get_a_declared_415(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let document = committed();
        let mut checked = 0;
        for (path, item) in document["paths"].as_object().unwrap() {
            for (method, operation) in item.as_object().unwrap() {
                if operation["requestBody"]["content"].get("application/json").is_none() {
                    continue;
                }
                let name = format!("{method} {path}");
                let url = fill_path(path, operation);
                let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
                let response = app.client.request(method, app.url(&url)).bearer_auth(&admin).header("Idempotency-Key", format!("contract-415-{checked}")).body("{}").send().await.unwrap();
                assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE, "{name}");
                assert_problem(response, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
                assert!(operation["responses"].get("415").is_some(), "{name}: 415 is declared");
                checked += 1;
            }
        }
        assert!(checked >= 30, "{checked} operations");
    }

    async fn unreadable_path_and_query_values_get_a_declared_400(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let document = committed();
        let mut checked = 0;
        for (path, item) in document["paths"].as_object().unwrap() {
            let Some(operation) = item.get("get") else { continue };
            for parameter in operation["parameters"].as_array().into_iter().flatten() {
                let schema = &parameter["schema"];
                let number = schema["type"] == "integer";
                let uuid = schema["format"] == "uuid";
                if !(number || uuid) {
                    continue;
                }
                let name = parameter["name"].as_str().unwrap();
                let mut url = fill_path(path, operation);
                match parameter["in"].as_str().unwrap() {
                    "path" => url = url.replacen(if uuid { NIL } else { "1" }, "not-a-value", 1),
                    "query" => url = format!("{url}?{name}=not-a-value"),
                    _ => continue,
                }
                let response = app.get(&url, &admin).await;
                let label = format!("GET {path} with {name}=not-a-value");
                assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{label}");
                assert_eq!(response.headers()["content-type"], "application/problem+json", "{label}");
                assert!(operation["responses"].get("400").is_some(), "{label}: 400 is declared");
                let problem: Value = response.json().await.unwrap();
                assert!(["invalid_path", "invalid_query"].contains(&problem["code"].as_str().unwrap()), "{label}: {problem}");
                checked += 1;
            }
        }
        assert!(checked >= 14, "{checked} parameters");

        // A number out of the declared range is refused, and one in range is not.
        let objective = document["paths"]["/api/v1/library"]["get"]["parameters"].as_array().unwrap().iter().find(|p| p["name"] == "objective").unwrap().clone();
        let maximum = objective["schema"]["maximum"].as_u64().unwrap();
        assert_eq!(objective["schema"]["format"], "int64", "wider than int32: {objective}");
        let partner = app.partner_token().await;
        let fits = app.get(&format!("/api/v1/library?objective={maximum}"), &partner).await;
        assert_eq!(fits.status(), StatusCode::OK);
        let over = app.get(&format!("/api/v1/library?objective={}", maximum + 1), &partner).await;
        assert_eq!(over.status(), StatusCode::BAD_REQUEST);
        assert_eq!(over.headers()["content-type"], "application/problem+json");
    }

    async fn a_partner_asking_for_its_own_allowances_gets_a_declared_403(db) {
        let app = spawn_app(&db).await;
        let partner = app.partner_token().await;
        assert_problem(app.get("/api/v1/me/allowances", &partner).await, StatusCode::FORBIDDEN, "forbidden").await;
        let document = committed();
        assert!(document["paths"]["/api/v1/me/allowances"]["get"]["responses"].get("403").is_some());
    }

    async fn the_common_error_responses_are_declared_once(db) {
        let app = spawn_app(&db).await;
        let document = committed();
        let text = serde_json::to_string(&document["paths"]).unwrap();
        assert_eq!(text.matches("No valid access token").count(), 0, "written out per operation");
        for name in ["Unauthorized", "UnreadableParameter", "NotJson"] {
            assert_eq!(document["components"]["responses"][name]["content"]["application/problem+json"]["schema"]["$ref"], "#/components/schemas/Problem");
        }
        // Every operation that needs a token refers to the one 401, and answers it without one.
        let mut checked = 0;
        for (path, item) in document["paths"].as_object().unwrap() {
            for (method, operation) in item.as_object().unwrap() {
                let token = operation["security"].as_array().into_iter().flatten().any(|r| r.get("bearer").is_some() || r.get("oauth2").is_some());
                if !token {
                    continue;
                }
                let name = format!("{method} {path}");
                let declared = &operation["responses"]["401"];
                assert!(declared.is_object(), "{name}: 401");
                if declared.get("$ref").is_some() {
                    assert_eq!(declared["$ref"], "#/components/responses/Unauthorized", "{name}");
                }
                let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
                let response = app.client.request(method, app.url(&fill_path(path, operation))).send().await.unwrap();
                assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{name} without a token");
                assert_problem(response, StatusCode::UNAUTHORIZED, "unauthenticated").await;
                checked += 1;
            }
        }
        assert!(checked >= 100, "{checked} operations");
    }
}

const NIL: &str = "00000000-0000-0000-0000-000000000000";

/// `path` with each path parameter filled in with a value of its type: the nil UUID, `1`, or
/// the first value of an enumeration.
fn fill_path(path: &str, operation: &Value) -> String {
    let document = committed();
    let mut url = path.to_owned();
    for parameter in operation["parameters"].as_array().into_iter().flatten() {
        if parameter["in"] != "path" {
            continue;
        }
        let mut schema = parameter["schema"].clone();
        if let Some(reference) = schema["$ref"].as_str() {
            let name = reference.rsplit('/').next().unwrap();
            schema = document["components"]["schemas"][name].clone();
        }
        let value = if schema["format"] == "uuid" {
            NIL.to_owned()
        } else if schema["type"] == "integer" {
            "1".to_owned()
        } else if let Some(first) = schema["enum"].get(0) {
            first.as_str().unwrap().to_owned()
        } else if parameter["name"] == "month" {
            "2026-10".to_owned()
        } else {
            "x".to_owned()
        };
        url = url.replace(
            &format!("{{{}}}", parameter["name"].as_str().unwrap()),
            &value,
        );
    }
    url
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
