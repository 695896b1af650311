//! OAuth2 client credentials for partner organisations.

use domain::OrganisationKind;
use domain::contract::{AccessToken, Organisation, Page};
use reqwest::StatusCode;
use testkit::on_both_backends;

use crate::helpers::*;

const CLIENT: &str = "demo-partner";
const SECRET_OK: &str = "demo-partner-secret";

/// A token request's form, and the status and code it gets.
type Case = (
    &'static [(&'static str, &'static str)],
    StatusCode,
    &'static str,
);

on_both_backends! {
    async fn a_partner_client_gets_a_token_with_its_scopes_and_sees_only_schools(db) {
        let app = spawn_app(&db).await;
        let response = app.client_token(&[("grant_type", "client_credentials"), ("client_id", CLIENT), ("client_secret", SECRET_OK)]).await;
        assert_eq!(response.status(), StatusCode::OK);
        let token: AccessToken = response.json().await.unwrap();
        assert_eq!(token.scope.as_deref(), Some("schools:read placements:read lesson-series:read ambassadors:write webhooks:manage"));

        let page: Page<Organisation> = app.get_json("/api/v1/organisations", &token.access_token).await;
        assert_eq!(page.items.len(), 3);
        assert!(page.items.iter().all(|o| o.kind == OrganisationKind::School));
        // A partner is not a person, may not read the audit log, nor any school's staff.
        assert_problem(app.get("/api/v1/me", &token.access_token).await, StatusCode::FORBIDDEN, "forbidden").await;
        assert_problem(app.get("/api/v1/audit-events", &token.access_token).await, StatusCode::FORBIDDEN, "forbidden").await;
        let school = &page.items[0];
        let members = app.get(&format!("/api/v1/organisations/{}/members", school.id), &token.access_token).await;
        assert_problem(members, StatusCode::NOT_FOUND, "not_found").await;
    }

    async fn http_basic_authentication_works_and_fewer_scopes_can_be_asked(db) {
        let app = spawn_app(&db).await;
        let response = app
            .client
            .post(app.url("/api/v1/auth/token"))
            .basic_auth(CLIENT, Some(SECRET_OK))
            .form(&[("grant_type", "client_credentials"), ("scope", "placements:read")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let token: AccessToken = response.json().await.unwrap();
        assert_eq!(token.scope.as_deref(), Some("placements:read"));
        // Without schools:read the organisation list is closed to it.
        let list = app.get("/api/v1/organisations", &token.access_token).await;
        assert_problem(list, StatusCode::FORBIDDEN, "forbidden").await;
    }

    async fn bad_client_requests_get_oauth2_error_codes(db) {
        let app = spawn_app(&db).await;
        let cases: [Case; 5] = [
            (&[("grant_type", "client_credentials"), ("client_id", CLIENT), ("client_secret", "wrong")], StatusCode::UNAUTHORIZED, "invalid_client"),
            (&[("grant_type", "client_credentials"), ("client_id", "nobody"), ("client_secret", SECRET_OK)], StatusCode::UNAUTHORIZED, "invalid_client"),
            (&[("grant_type", "client_credentials")], StatusCode::UNAUTHORIZED, "invalid_client"),
            (&[("grant_type", "password"), ("client_id", CLIENT), ("client_secret", SECRET_OK)], StatusCode::BAD_REQUEST, "unsupported_grant_type"),
            (&[("grant_type", "client_credentials"), ("client_id", CLIENT), ("client_secret", SECRET_OK), ("scope", "admin")], StatusCode::BAD_REQUEST, "invalid_scope"),
        ];
        for (form, status, code) in cases {
            assert_problem(app.client_token(form).await, status, code).await;
        }
        let json = app.client.post(app.url("/api/v1/auth/token")).json(&serde_json::json!({"grant_type": "client_credentials"})).send().await.unwrap();
        assert_problem(json, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
    }
}
