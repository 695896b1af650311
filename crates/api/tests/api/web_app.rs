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

    async fn hashed_assets_go_out_precompressed_and_cached_for_a_year_and_index_html_is_revalidated(db) {
        let root = tempfile::tempdir().unwrap();
        let dist = root.path().join("dist");
        std::fs::create_dir(&dist).unwrap();
        std::fs::write(root.path().join("secret.txt"), "outside the app").unwrap();
        std::fs::write(dist.join(".env"), "hidden").unwrap();
        std::fs::write(dist.join("index.html"), "<!doctype html><title>Klasbrug testapp</title>").unwrap();
        let wasm = "klasbrug-0123456789abcdef_bg.wasm";
        // Distinct contents, so the test sees which copy was sent.
        std::fs::write(dist.join(wasm), b"\0asm raw module").unwrap();
        std::fs::write(dist.join(format!("{wasm}.br")), b"brotli copy").unwrap();
        std::fs::write(dist.join(format!("{wasm}.gz")), b"gzip copy").unwrap();
        let app = spawn_app_with(&db, &[("KLASBRUG_STATIC_DIR", dist.to_str().unwrap())]).await;
        let get = |path: String, accept: Option<&'static str>| {
            let mut request = app.client.get(app.url(&path));
            if let Some(accept) = accept {
                request = request.header("accept-encoding", accept);
            }
            request.send()
        };
        for (accept, body, encoding) in [
            (Some("gzip, deflate, br, zstd"), "brotli copy", Some("br")),
            (Some("gzip"), "gzip copy", Some("gzip")),
            (Some("br;q=0, gzip;q=0.8"), "gzip copy", Some("gzip")),
            (Some("identity"), "\0asm raw module", None),
            (None, "\0asm raw module", None),
        ] {
            let response = get(format!("/{wasm}"), accept).await.unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            let headers = response.headers().clone();
            assert_eq!(headers["content-type"], "application/wasm", "{accept:?}");
            assert_eq!(headers["cache-control"], "public, max-age=31536000, immutable");
            assert_eq!(headers.get("content-encoding").map(|v| v.to_str().unwrap()), encoding, "{accept:?}");
            assert_eq!(headers["vary"], "accept-encoding");
            assert_eq!(response.bytes().await.unwrap(), body.as_bytes(), "{accept:?}: sent as stored, not compressed again");
        }
        let index = get("/".to_owned(), Some("br")).await.unwrap();
        assert_eq!(index.headers()["cache-control"], "no-cache");
        let route = get("/plekken/123".to_owned(), None).await.unwrap();
        assert_eq!(route.headers()["cache-control"], "no-cache");
        assert!(route.text().await.unwrap().contains("Klasbrug testapp"));
        // Nothing outside the app's folder, nor a hidden file in it.
        for path in ["/%2e%2e/secret.txt", "/.env", "/%2E%2E%2Fsecret.txt"] {
            let response = get(path.to_owned(), None).await.unwrap();
            let text = response.text().await.unwrap();
            assert!(!text.contains("outside the app") && !text.contains("hidden"), "{path}: {text}");
        }
    }

    async fn a_precompressed_index_html_is_shown_not_downloaded(db) {
        // The build compresses index.html once it passes 1 KiB; a browser must still show it.
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "<!doctype html><title>Klasbrug testapp</title>").unwrap();
        std::fs::write(dir.path().join("index.html.br"), b"brotli copy").unwrap();
        std::fs::write(dir.path().join("index.html.gz"), b"gzip copy").unwrap();
        let app = spawn_app_with(&db, &[("KLASBRUG_STATIC_DIR", dir.path().to_str().unwrap())]).await;
        for accept in ["br", "gzip"] {
            let response = app.client.get(app.url("/plekken")).header("accept-encoding", accept).send().await.unwrap();
            let headers = response.headers();
            assert_eq!(headers["content-encoding"], accept);
            assert_eq!(headers["content-type"], "text/html; charset=utf-8");
            let disposition = headers.get("content-disposition").map(|v| v.to_str().unwrap().to_owned());
            assert!(!disposition.as_deref().unwrap_or_default().contains("attachment"), "{accept}: {disposition:?}");
        }
    }

    async fn without_a_built_app_the_root_says_how_to_build_it(db) {
        let app = spawn_app(&db).await;
        let response = app.client.get(app.url("/")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(response.text().await.unwrap().contains("cargo xtask run"));
    }
}
