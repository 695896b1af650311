//! Serves the built web app: its files, and `index.html` for every other path so that the app's
//! own routes (`/organisaties`, …) survive a reload.
//!
//! `cargo xtask build` names each asset after its content (`klasbrug-<hash>_bg.wasm`) and writes
//! a Brotli (`.br`) and a gzip (`.gz`) copy beside it, compressed once at the highest levels.
//! Here an asset is sent as the copy the browser accepts, never compressed again per request,
//! and a hashed name is cached for a year (`immutable`); `index.html`, which names the current
//! hashes, is revalidated on every visit.

use std::path::{Path, PathBuf};

use actix_files::NamedFile;
use actix_web::http::header::{self, ContentEncoding, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};

/// How long a browser keeps an asset whose name holds its content's hash.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// How `index.html` and unhashed files are cached: kept, but asked about on every use.
pub const REVALIDATE: &str = "no-cache";

/// The service for `/`: the app if it was built, else a page that says how to build it.
pub fn service(dir: &Path) -> Box<dyn FnOnce(&mut web::ServiceConfig)> {
    let index = dir.join("index.html");
    if index.is_file() {
        let dir = web::Data::new(AppDir(dir.to_path_buf()));
        Box::new(move |config| {
            config.service(
                web::resource("/{path:.*}")
                    .app_data(dir)
                    .route(web::get().to(serve))
                    .route(web::head().to(serve)),
            );
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

/// Where the built app lives.
struct AppDir(PathBuf);

async fn serve(req: HttpRequest, dir: web::Data<AppDir>) -> actix_web::Result<HttpResponse> {
    let file = asset_path(&dir.0, req.match_info().query("path"));
    let (path, cache) = match file {
        Some(path) if path.is_file() => {
            let cache = if is_hashed(&path) {
                IMMUTABLE
            } else {
                REVALIDATE
            };
            (path, cache)
        }
        // The app's own routes, and the root.
        _ => (dir.0.join("index.html"), REVALIDATE),
    };
    let mut response = send(&req, &path).await?;
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    Ok(response)
}

/// The file for a request path inside `dir`, or `None` for a path that tries to leave it or
/// names a hidden file.
fn asset_path(dir: &Path, path: &str) -> Option<PathBuf> {
    let mut file = dir.to_path_buf();
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        if segment.starts_with('.') || segment.contains('\\') || segment.contains('\0') {
            return None;
        }
        file.push(segment);
    }
    (file != dir).then_some(file)
}

/// Whether a file's name carries its content's hash: `name-<16 hex digits>` before the
/// extension (and before `_bg` for the WebAssembly module).
pub fn is_hashed(path: &Path) -> bool {
    let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(name, hash)| {
        !name.is_empty() && hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// Sends `path`, as its precompressed copy when there is one the browser accepts.
async fn send(req: &HttpRequest, path: &Path) -> actix_web::Result<HttpResponse> {
    let accepts = |coding: &str| {
        req.headers()
            .get_all(header::ACCEPT_ENCODING)
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .any(|part| {
                let mut pieces = part.split(';');
                let name = pieces.next().unwrap_or_default().trim();
                let refused = pieces.any(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.trim().parse::<f32>().ok())
                        == Some(0.0)
                });
                name.eq_ignore_ascii_case(coding) && !refused
            })
    };
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    for (coding, suffix, encoding) in [
        ("br", "br", ContentEncoding::Brotli),
        ("gzip", "gz", ContentEncoding::Gzip),
    ] {
        let mut name = path.as_os_str().to_owned();
        name.push(".");
        name.push(suffix);
        let compressed = PathBuf::from(name);
        if accepts(coding) && compressed.is_file() {
            // actix-files would call `index.html.br` an `attachment` (its name says nothing
            // it knows), and a browser would download the app's page instead of showing it.
            let mut response = NamedFile::open_async(&compressed)
                .await?
                .set_content_type(mime)
                .disable_content_disposition()
                .set_content_encoding(encoding)
                .into_response(req);
            response
                .headers_mut()
                .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
            return Ok(response);
        }
    }
    let mut response = NamedFile::open_async(path)
        .await?
        .set_content_type(mime)
        .prefer_utf8(true)
        .into_response(req);
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    Ok(response)
}

const NOT_BUILT: &str = "<!doctype html><html lang=\"nl\"><meta charset=\"utf-8\"><title>Klasbrug</title>\
<p>De webapp is nog niet gebouwd. Start Klasbrug met <code>cargo xtask run</code>.</p>\
<p>The web app has not been built. Start Klasbrug with <code>cargo xtask run</code>.</p>\
<p>API: <a href=\"/docs/\">/docs/</a></p></html>";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_recognised_and_plain_ones_are_not() {
        for hashed in [
            "klasbrug-0123456789abcdef_bg.wasm",
            "klasbrug-0123456789abcdef.js",
            "klasbrug-school-0123456789abcdef_bg.wasm",
            "style-fedcba9876543210.css",
        ] {
            assert!(is_hashed(Path::new(hashed)), "{hashed}");
        }
        for plain in [
            "index.html",
            "klasbrug_bg.wasm",
            "style.css",
            "start-123.js",
            "-0123456789abcdef.js",
            "x-0123456789abcdeg.js",
        ] {
            assert!(!is_hashed(Path::new(plain)), "{plain}");
        }
    }

    #[test]
    fn a_path_never_leaves_the_app_folder() {
        let dir = Path::new("/srv/dist");
        assert_eq!(
            asset_path(dir, "style.css"),
            Some(PathBuf::from("/srv/dist/style.css"))
        );
        assert_eq!(asset_path(dir, ""), None);
        assert_eq!(asset_path(dir, "../etc/passwd"), None);
        assert_eq!(asset_path(dir, "a/../../etc"), None);
        assert_eq!(asset_path(dir, ".env"), None);
    }
}
