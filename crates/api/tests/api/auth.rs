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
        // The programme's today is the server's clock, not the real date.
        assert_eq!(me.today.to_string(), testkit::TODAY);
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

    async fn a_flood_of_parallel_guesses_gets_no_more_verdicts_than_the_limit(db) {
        let app = spawn_app_with(&db, &[("KLASBRUG_BEHIND_PROXY", "1")]).await;
        let flood = || futures_util::future::join_all((1..=100).map(|n| {
            // The right password is guess number 80.
            let password = if n == 80 { PASSWORD } else { "fout-wachtwoord" };
            login_from(&app, "203.0.113.66", COORDINATOR, password)
        }));
        let first = statuses(flood().await);
        let wrong = first.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
        let right = first.iter().filter(|s| **s == StatusCode::OK).count();
        let refused = first.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
        assert_eq!(wrong + right + refused, 100, "{first:?}");
        assert!(wrong <= 5, "{wrong} guesses were judged: {first:?}");
        // A right password frees its own attempt, so at most one more guess is judged then.
        assert!(right <= 1 && wrong + right <= 5 + right, "{first:?}");
        assert!(refused >= 94, "{first:?}");

        // The limit is spent: a second flood, the right password again inside, gets 429 only.
        let second = flood().await;
        for response in second {
            assert!(response.headers().get(RETRY_AFTER).is_some());
            assert_problem(response, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
        }
        // The owner, from their own address, is not locked out by the attacker.
        let owner = login_from(&app, "198.51.100.20", COORDINATOR, PASSWORD).await;
        assert_eq!(owner.status(), StatusCode::OK);
    }

    async fn failures_from_one_address_do_not_lock_the_account_out_from_another(db) {
        let app = spawn_app_with(&db, &[("KLASBRUG_BEHIND_PROXY", "1")]).await;
        for _ in 0..5 {
            let response = login_from(&app, "203.0.113.7", ADMIN, "fout-wachtwoord").await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        }
        let attacker = login_from(&app, "203.0.113.7", ADMIN, PASSWORD).await;
        assert_problem(attacker, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
        let admin = login_from(&app, "198.51.100.20", ADMIN, PASSWORD).await;
        assert_eq!(admin.status(), StatusCode::OK);
        // Successful logins do not use up the owner's attempts.
        for _ in 0..6 {
            assert_eq!(login_from(&app, "198.51.100.20", ADMIN, PASSWORD).await.status(), StatusCode::OK);
        }
    }

    async fn a_forged_leftmost_forwarded_address_does_not_escape_the_limit(db) {
        let app = spawn_app_with(&db, &[("KLASBRUG_BEHIND_PROXY", "1")]).await;
        // The client writes whatever it likes on the left; the load balancer appends the
        // address it saw (203.0.113.7) on the right.
        for n in 0..5 {
            let forged = format!("192.0.2.{n}, 203.0.113.7");
            let response = login_from(&app, &forged, COORDINATOR, "fout-wachtwoord").await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        }
        let escape = login_from(&app, "192.0.2.99, 203.0.113.7", COORDINATOR, PASSWORD).await;
        assert_problem(escape, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
        let elsewhere = login_from(&app, "198.51.100.20", COORDINATOR, PASSWORD).await;
        assert_eq!(elsewhere.status(), StatusCode::OK);
    }

    async fn logout_stops_the_access_tokens_of_its_session_at_once(db) {
        let app = spawn_app(&db).await;
        let token = app.login_as(DIRECTOR).await;
        let other_device = new_client();
        let other: AccessToken = other_device
            .post(app.url("/api/v1/auth/login"))
            .json(&serde_json::json!({ "email": DIRECTOR, "password": PASSWORD }))
            .send().await.unwrap().json().await.unwrap();
        assert_eq!(app.get("/api/v1/me", &token).await.status(), StatusCode::OK);

        let response = app.client.post(app.url("/api/v1/auth/logout")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        assert_problem(app.get("/api/v1/me", &token).await, StatusCode::UNAUTHORIZED, "invalid_token").await;
        // The person's other session goes on.
        assert_eq!(app.get("/api/v1/me", &other.access_token).await.status(), StatusCode::OK);
    }

    async fn an_erased_ambassador_s_access_token_stops_working_at_once(db) {
        let app = spawn_app(&db).await;
        let admin = app.login_as(ADMIN).await;
        let noah = app.login_as(AMBASSADOR).await;
        let mine: domain::contract::Ambassador = app.get_json("/api/v1/me/ambassador", &noah).await;
        let erased = app.call(reqwest::Method::DELETE, &format!("/api/v1/ambassadors/{}", mine.id), &admin, None).await;
        assert_eq!(erased.status(), StatusCode::NO_CONTENT);
        assert_problem(app.get("/api/v1/me", &noah).await, StatusCode::UNAUTHORIZED, "invalid_token").await;
        assert_problem(app.get("/api/v1/me/ambassador", &noah).await, StatusCode::UNAUTHORIZED, "invalid_token").await;
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

/// Logs in as `email` as if from `forwarded` (the `X-Forwarded-For` the server receives).
async fn login_from(
    app: &TestApp,
    forwarded: &str,
    email: &str,
    password: &str,
) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/auth/login"))
        .header("X-Forwarded-For", forwarded)
        .json(&serde_json::json!({ "email": email, "password": password }))
        .send()
        .await
        .expect("a login request")
}

fn statuses(responses: Vec<reqwest::Response>) -> Vec<StatusCode> {
    responses.iter().map(reqwest::Response::status).collect()
}
