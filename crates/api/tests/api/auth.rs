//! Logging in, sessions and access tokens.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use domain::contract::{AccessToken, Me};
use domain::{OrganisationKind, Role, SchoolType};
use reqwest::StatusCode;
use reqwest::header::{RETRY_AFTER, SET_COOKIE, WWW_AUTHENTICATE};
use testkit::on_both_backends;

use crate::helpers::*;

on_both_backends! {
    async fn the_demo_director_logs_in_and_sees_their_name_role_and_school(db) {
        let app = spawn_app(&db).await;
        let response = app.login(DIRECTOR, PASSWORD).await;
        assert_eq!(response.status(), StatusCode::OK);
        let cookie = response.headers().get(SET_COOKIE).unwrap().to_str().unwrap().to_owned();
        assert!(cookie.starts_with("klasbrug_refresh="), "{cookie}");
        for attribute in ["HttpOnly", "SameSite=Strict", "Path=/api/v1/auth"] {
            assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
        }
        let token: AccessToken = response.json().await.unwrap();
        assert_eq!((token.token_type.as_str(), token.expires_in), ("Bearer", 900));

        let me: Me = app.get_json("/api/v1/me", &token.access_token).await;
        assert_eq!(me.name, "Anouk Visser");
        assert_eq!(me.email, DIRECTOR);
        assert_eq!(me.memberships.len(), 1);
        let membership = &me.memberships[0];
        assert_eq!(membership.role, Role::SchoolDirector);
        assert_eq!(membership.organisation.name, "Basisschool De Zeester");
        assert_eq!(membership.organisation.kind, OrganisationKind::School);
        assert_eq!(membership.organisation.school_type, Some(SchoolType::Po));
    }

    async fn the_email_address_is_case_insensitive(db) {
        let app = spawn_app(&db).await;
        let response = app.login(" Directeur@Zeester.EXAMPLE ", PASSWORD).await;
        assert_eq!(response.status(), StatusCode::OK);
    }

    async fn a_wrong_password_or_unknown_account_gets_the_same_401_and_no_session(db) {
        let app = spawn_app(&db).await;
        for email in [DIRECTOR, "niemand@zeester.example"] {
            let response = app.login(email, "niet-het-wachtwoord").await;
            assert!(response.headers().get(SET_COOKIE).is_none());
            let problem = assert_problem(response, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
            assert_eq!(problem.detail, "the e-mail address or password is incorrect");
        }
        assert_problem(app.refresh().await, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
    }

    async fn repeated_failed_logins_are_refused_with_429_for_a_while(db) {
        let app = spawn_app(&db).await;
        for _ in 0..5 {
            let response = app.login(COORDINATOR, "fout-wachtwoord").await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        }
        // Even the right password is refused now: the account is locked for the window.
        let response = app.login(COORDINATOR, PASSWORD).await;
        let retry_after: u64 = response.headers().get(RETRY_AFTER).unwrap().to_str().unwrap().parse().unwrap();
        assert!((1..=900).contains(&retry_after), "{retry_after}");
        assert_problem(response, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
        // Other accounts are not affected.
        assert_eq!(app.login(DIRECTOR, PASSWORD).await.status(), StatusCode::OK);
    }

    async fn behind_a_load_balancer_failed_logins_count_per_forwarded_address(db) {
        let app = spawn_app_with(&db, &[("KLASBRUG_BEHIND_PROXY", "1")]).await;
        let login_from = |address: &'static str, email: String, password: &'static str| {
            app.client
                .post(app.url("/api/v1/auth/login"))
                .header("X-Forwarded-For", address)
                .json(&serde_json::json!({ "email": email, "password": password }))
                .send()
        };
        for i in 0..20 {
            let response = login_from("203.0.113.7", format!("raden{i}@zeester.example"), "fout-wachtwoord").await.unwrap();
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        }
        let blocked = login_from("203.0.113.7", DIRECTOR.to_owned(), PASSWORD).await.unwrap();
        assert_problem(blocked, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
        // Everyone else behind the same balancer can still log in.
        let other = login_from("198.51.100.20", DIRECTOR.to_owned(), PASSWORD).await.unwrap();
        assert_eq!(other.status(), StatusCode::OK);
    }

    async fn refresh_rotates_the_session_and_a_reused_cookie_ends_it(db) {
        let app = spawn_app(&db).await;
        let first = app.login(DIRECTOR, PASSWORD).await;
        let stolen = cookie_value(&first);

        let refreshed = app.refresh().await;
        assert_eq!(refreshed.status(), StatusCode::OK);
        let rotated = cookie_value(&refreshed);
        assert_ne!(stolen, rotated);
        let token: AccessToken = refreshed.json().await.unwrap();
        let me: Me = app.get_json("/api/v1/me", &token.access_token).await;
        assert_eq!(me.email, DIRECTOR);

        // Someone presents the old cookie: the whole session is revoked, for both holders.
        let thief = new_client();
        let response = thief
            .post(app.url("/api/v1/auth/refresh"))
            .header("Cookie", format!("klasbrug_refresh={stolen}"))
            .send()
            .await
            .unwrap();
        assert_problem(response, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
        assert_problem(app.refresh().await, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
    }

    async fn logout_revokes_the_session_and_clears_the_cookie(db) {
        let app = spawn_app(&db).await;
        let login = app.login(DIRECTOR, PASSWORD).await;
        let old = cookie_value(&login);
        let response = app.client.post(app.url("/api/v1/auth/logout")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        let cleared = response.headers().get(SET_COOKIE).unwrap().to_str().unwrap().to_owned();
        assert!(cleared.contains("Max-Age=0"), "{cleared}");
        let replay = new_client()
            .post(app.url("/api/v1/auth/refresh"))
            .header("Cookie", format!("klasbrug_refresh={old}"))
            .send()
            .await
            .unwrap();
        assert_problem(replay, StatusCode::UNAUTHORIZED, "invalid_refresh_token").await;
    }

    async fn a_request_without_a_token_gets_401_with_a_bearer_challenge(db) {
        let app = spawn_app(&db).await;
        let response = app.client.get(app.url("/api/v1/me")).send().await.unwrap();
        assert!(response.headers().get(WWW_AUTHENTICATE).unwrap().to_str().unwrap().starts_with("Bearer"));
        assert_problem(response, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    }

    async fn expired_tampered_foreign_and_unsigned_tokens_get_401(db) {
        let app = spawn_app(&db).await;
        let valid = app.login_as(ADMIN).await;
        let [header, payload, signature]: [&str; 3] = valid.split('.').collect::<Vec<_>>().try_into().unwrap();
        let claims: serde_json::Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap();

        let mut expired_claims = claims.clone();
        expired_claims["exp"] = serde_json::json!(chrono::Utc::now().timestamp() - 120);
        let expired = sign(&expired_claims, SECRET);
        let foreign = sign(&claims, b"another-secret-that-is-also-long-enough-0123456789");
        let tampered_payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&expired_claims).unwrap().as_slice());
        let tampered = format!("{header}.{tampered_payload}.{signature}");
        let none_header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
        let unsigned = format!("{none_header}.{payload}.");

        for (what, token) in [("expired", expired), ("foreign", foreign), ("tampered", tampered), ("unsigned", unsigned), ("garbage", "abc".to_owned())] {
            let response = app.get("/api/v1/me", &token).await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{what}");
            assert_problem(response, StatusCode::UNAUTHORIZED, "invalid_token").await;
        }
        assert_eq!(app.get("/api/v1/me", &valid).await.status(), StatusCode::OK);
    }

    async fn logins_and_logouts_land_in_the_audit_log(db) {
        let app = spawn_app(&db).await;
        app.login_as(DIRECTOR).await;
        app.client.post(app.url("/api/v1/auth/logout")).send().await.unwrap();
        let admin = app.login_as(ADMIN).await;
        let page: domain::contract::Page<domain::contract::AuditEvent> = app.get_json("/api/v1/audit-events?limit=200", &admin).await;
        let actions: Vec<&str> = page.items.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["demo.seed", "auth.login", "auth.logout", "auth.login"]);
        assert!(page.items[1].actor_id.is_some());
        assert_eq!(page.items[1].resource_type, "user");
    }
}

fn cookie_value(response: &reqwest::Response) -> String {
    let header = response
        .headers()
        .get(SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap();
    header
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("klasbrug_refresh=")
        .to_owned()
}

fn sign(claims: &serde_json::Value, secret: &[u8]) -> String {
    jsonwebtoken::encode(
        &jsonwebtoken::Header::default(),
        claims,
        &jsonwebtoken::EncodingKey::from_secret(secret),
    )
    .unwrap()
}
