//! `spawn_app`: the real `klasbrug` binary on a fresh database, seeded with the demo programme,
//! and a client with one helper per endpoint.

use domain::contract::{AccessToken, Problem};
use reqwest::{Response, StatusCode};
use serde::de::DeserializeOwned;
use testkit::{TestDatabaseRef, TestServer};

pub const PASSWORD: &str = "klasbrug-demo";
pub const DIRECTOR: &str = "directeur@zeester.example";
pub const OTHER_DIRECTOR: &str = "directeur@kompas.example";
pub const COORDINATOR: &str = "ic@zeester.example";
pub const ADMIN: &str = "beheer@klasbrug.example";
pub const EMPLOYER_CONTACT: &str = "hr@hoogland.example";
pub const AMBASSADOR: &str = "noah@ambassadeur.example";
/// The signing key `TestServer` gives the binary.
pub const SECRET: &[u8] = b"test-secret-that-is-long-enough-for-hs256-0123456789";

pub struct TestApp {
    pub server: TestServer,
    /// Keeps cookies, like a browser.
    pub client: reqwest::Client,
}

/// Starts the binary in demo mode (which seeds the fictional programme) on `db`.
pub async fn spawn_app(db: &TestDatabaseRef) -> TestApp {
    spawn_app_with(db, &[]).await
}

pub async fn spawn_app_with(db: &TestDatabaseRef, env: &[(&str, &str)]) -> TestApp {
    let mut all = vec![
        ("KLASBRUG_DEMO", "1"),
        ("KLASBRUG_STATIC_DIR", "/nonexistent"),
    ];
    all.extend_from_slice(env);
    let server = TestServer::spawn_on(env!("CARGO_BIN_EXE_klasbrug").as_ref(), db, &all).await;
    TestApp {
        server,
        client: new_client(),
    }
}

/// Starts the binary sending e-mail to `smtp`, logging each delivery's outcome (which tests wait
/// on), with `extra` settings.
pub async fn spawn_with_mail(
    db: &TestDatabaseRef,
    smtp: &testkit::smtp::SmtpServer,
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

pub fn new_client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .expect("a client")
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        self.server.url(path)
    }

    pub async fn login(&self, email: &str, password: &str) -> Response {
        self.client
            .post(self.url("/api/v1/auth/login"))
            .json(&serde_json::json!({ "email": email, "password": password }))
            .send()
            .await
            .expect("login request")
    }

    /// Logs in (keeping the session cookie) and returns the access token.
    pub async fn login_as(&self, email: &str) -> String {
        self.login_as_with(email, PASSWORD).await
    }

    /// Logs in with `password` and returns the access token.
    pub async fn login_as_with(&self, email: &str, password: &str) -> String {
        let response = self.login(email, password).await;
        assert_eq!(response.status(), StatusCode::OK, "login as {email}");
        response
            .json::<AccessToken>()
            .await
            .expect("a token")
            .access_token
    }

    pub async fn refresh(&self) -> Response {
        self.client
            .post(self.url("/api/v1/auth/refresh"))
            .send()
            .await
            .expect("refresh request")
    }

    pub async fn get(&self, path: &str, token: &str) -> Response {
        self.client
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .expect("GET request")
    }

    pub async fn get_json<T: DeserializeOwned>(&self, path: &str, token: &str) -> T {
        let response = self.get(path, token).await;
        assert_eq!(response.status(), StatusCode::OK, "GET {path}");
        response.json().await.expect("a JSON body")
    }

    /// An access token of the demo partner client (client credentials).
    pub async fn partner_token(&self) -> String {
        let response = self
            .client_token(&[
                ("grant_type", "client_credentials"),
                ("client_id", "demo-partner"),
                ("client_secret", "demo-partner-secret"),
            ])
            .await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "the demo partner's token"
        );
        let token: AccessToken = response.json().await.expect("a token");
        token.access_token
    }

    pub async fn client_token(&self, form: &[(&str, &str)]) -> Response {
        self.client
            .post(self.url("/api/v1/auth/token"))
            .form(form)
            .send()
            .await
            .expect("token request")
    }
}

/// Asserts a problem+json answer with `status` and `code`, and returns it.
pub async fn assert_problem(response: Response, status: StatusCode, code: &str) -> Problem {
    assert_eq!(response.status(), status, "status");
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(content_type, "application/problem+json");
    let problem: Problem = response.json().await.expect("a problem body");
    assert_eq!(problem.code, code, "code of {problem:?}");
    assert_eq!(problem.status, status.as_u16());
    assert!(!problem.detail.is_empty());
    problem
}

impl TestApp {
    /// Sends `body` (if any) as JSON with `method` to `path`.
    pub async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: Option<&serde_json::Value>,
    ) -> Response {
        let mut request = self
            .client
            .request(method, self.url(path))
            .bearer_auth(token);
        if let Some(body) = body {
            request = request.json(body);
        }
        request.send().await.expect("a request")
    }

    /// POSTs `body` and expects `status`, returning the JSON body.
    pub async fn post_ok<T: DeserializeOwned>(
        &self,
        path: &str,
        token: &str,
        body: &serde_json::Value,
        status: StatusCode,
    ) -> T {
        let response = self
            .call(reqwest::Method::POST, path, token, Some(body))
            .await;
        let got = response.status();
        let text = response.text().await.expect("a body");
        assert_eq!(got, status, "POST {path}: {text}");
        serde_json::from_str(&text).expect("a JSON body")
    }
}
