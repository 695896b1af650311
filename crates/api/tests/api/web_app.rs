//! The web app's files, and `index.html` for the app's own routes.

use reqwest::StatusCode;
use testkit::on_both_backends;

use crate::helpers::*;

on_both_backends! {
    async fn the_app_is_served_at_the_root_and_for_its_own_routes(db) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "<!doctype html><title>Klasbrug testapp</title>").unwrap();
        std::fs::write(dir.path().join("style.css"), "body{}").unwrap();
        let app = spawn_app_with(&db, &[("KLASBRUG_STATIC_DIR", dir.path().to_str().unwrap())]).await;
        for path in ["/", "/organisaties", "/team/123"] {
            let response = app.client.get(app.url(path)).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            assert!(response.text().await.unwrap().contains("Klasbrug testapp"), "{path}");
        }
        let css = app.client.get(app.url("/style.css")).send().await.unwrap();
        assert_eq!(css.headers()["content-type"], "text/css; charset=utf-8");
        // The API keeps its own 404s.
        let api = app.client.get(app.url("/api/v1/nothing")).send().await.unwrap();
        assert_problem(api, StatusCode::NOT_FOUND, "not_found").await;
    }

    async fn the_app_and_the_docs_carry_a_content_security_policy_and_https_only_when_secure(db) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "<!doctype html><title>Klasbrug testapp</title>").unwrap();
        let app = spawn_app_with(&db, &[("KLASBRUG_STATIC_DIR", dir.path().to_str().unwrap())]).await;
        for path in ["/", "/trainingen", "/docs/", "/api/v1/holidays"] {
            let response = app.client.get(app.url(path)).send().await.unwrap();
            let csp = response.headers()["content-security-policy"].to_str().unwrap().to_owned();
            assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval'"), "{path}: {csp}");
            assert!(!csp.contains("'unsafe-eval'") && !csp.contains("script-src 'self' 'unsafe-inline'"), "{path}: {csp}");
            assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
            assert_eq!(response.headers()["x-content-type-options"], "nosniff");
            assert!(response.headers().get("strict-transport-security").is_none(), "{path}: plain HTTP gets no HSTS");
        }
        drop(app);
        let app = spawn_app_with(&db, &[("KLASBRUG_STATIC_DIR", dir.path().to_str().unwrap()), ("KLASBRUG_SECURE_COOKIES", "1")]).await;
        let response = app.client.get(app.url("/")).send().await.unwrap();
        assert_eq!(response.headers()["strict-transport-security"], "max-age=31536000; includeSubDomains");
    }

    async fn without_a_built_app_the_root_says_how_to_build_it(db) {
        let app = spawn_app(&db).await;
        let response = app.client.get(app.url("/")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(response.text().await.unwrap().contains("cargo xtask run"));
    }
}
