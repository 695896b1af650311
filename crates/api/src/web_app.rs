//! Serves the built web app: its files, and `index.html` for every other path so that the app's
//! own routes (`/organisaties`, …) survive a reload.

use std::path::{Path, PathBuf};

use actix_files::{Files, NamedFile};
use actix_web::dev::{HttpServiceFactory, ServiceRequest, ServiceResponse, fn_service};
use actix_web::http::header::{self, CacheControl, CacheDirective};
use actix_web::{HttpResponse, web};

/// The service for `/`: the app if it was built, else a page that says how to build it.
pub fn service(dir: &Path) -> Box<dyn FnOnce(&mut web::ServiceConfig)> {
    let index = dir.join("index.html");
    if index.is_file() {
        let dir = dir.to_path_buf();
        Box::new(move |config| {
            config.service(app_files(dir, index));
        })
    } else {
        tracing::warn!(dir = %dir.display(), "the web app is not built; serving a notice instead");
        Box::new(|config| {
            config.default_service(web::to(|| async {
                HttpResponse::ServiceUnavailable()
                    .content_type("text/html; charset=utf-8")
                    .body(NOT_BUILT)
            }));
        })
    }
}

fn app_files(dir: PathBuf, index: PathBuf) -> impl HttpServiceFactory {
    Files::new("/", dir)
        .index_file("index.html")
        .prefer_utf8(true)
        .default_handler(fn_service(move |req: ServiceRequest| {
            let index = index.clone();
            async move {
                let (req, _) = req.into_parts();
                let mut response = NamedFile::open_async(&index).await?.into_response(&req);
                response.headers_mut().insert(
                    header::CACHE_CONTROL,
                    header::HeaderValue::from_str(
                        &CacheControl(vec![CacheDirective::NoCache]).to_string(),
                    )
                    .unwrap_or(header::HeaderValue::from_static("no-cache")),
                );
                Ok(ServiceResponse::new(req, response))
            }
        }))
}

const NOT_BUILT: &str = "<!doctype html><html lang=\"nl\"><meta charset=\"utf-8\"><title>Klasbrug</title>\
<p>De webapp is nog niet gebouwd. Start Klasbrug met <code>cargo xtask run</code>.</p>\
<p>The web app has not been built. Start Klasbrug with <code>cargo xtask run</code>.</p>\
<p>API: <a href=\"/docs/\">/docs/</a></p></html>";
