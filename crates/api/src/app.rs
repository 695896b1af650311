//! The actix application: routes, middleware, documentation and the web app, and the server
//! that runs it.

use std::net::TcpListener;
use std::path::PathBuf;

use actix_web::middleware::{Compress, DefaultHeaders};
use actix_web::{App, HttpServer, web};
use anyhow::Context;
use base64::Engine;
use rand::RngCore;
use store::Store;
use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::TokenKeys;
use crate::config::Config;
use crate::error::{ApiError, extractors};
use crate::routes::registry::Routes;
use crate::routes::{self, health};
use crate::state::AppState;
use crate::{seed, web_app};

/// Every documented route, each with its path in the OpenAPI document
/// (`crate::openapi::document`).
pub fn routes(config: &mut ServiceConfig) {
    register(&mut Routes::Documented(config));
}

/// The same routes for a worker, without collecting their documentation (`routes::registry`).
fn served_routes(config: &mut web::ServiceConfig) {
    register(&mut Routes::Served(config));
}

/// The probes, and the API under `/api/v1`, where a path that is no route is a 404 problem.
fn register(registry: &mut Routes<'_, '_>) {
    registry.service(health::healthz).service(health::readyz);
    match registry {
        Routes::Documented(config) => {
            config.service(
                scope::scope(API)
                    .configure(|api| routes::configure_api(&mut Routes::Documented(api)))
                    .default_service(web::to(unknown_route)),
            );
        }
        Routes::Served(config) => {
            config.service(
                web::scope(API)
                    .configure(|api| routes::configure_api(&mut Routes::Served(api)))
                    .default_service(web::to(unknown_route)),
            );
        }
    }
}

/// Where the API's routes are.
const API: &str = "/api/v1";

async fn unknown_route() -> Result<actix_web::HttpResponse, ApiError> {
    Err(ApiError::NotFound("route"))
}

/// Runs the server until it is stopped. Prints `listening on <url>` once it accepts
/// connections, after the demo logins in demo mode.
pub async fn serve(config: Config) -> anyhow::Result<()> {
    let store = Store::connect_with(&config.database_url, config.db_max_connections)
        .await
        .with_context(|| {
            format!(
                "opening the database {}",
                crate::config::redact_url(&config.database_url)
            )
        })?
        .with_clock(config.clock);
    store.migrate().await.context("migrating the database")?;
    if config.demo {
        if store.count_organisations().await? == 0 {
            seed::seed_demo(&store, config.clock.now())
                .await
                .context("seeding the demo data")?;
            println!("Demo data seeded.");
        }
        seed::print_demo_logins();
    }
    let secret = match &config.jwt_secret {
        Some(secret) => secret.clone().into_bytes(),
        None => {
            tracing::warn!(
                "demo mode: signing tokens with a random key; sessions end when the server stops"
            );
            let mut secret = vec![0u8; 64];
            rand::thread_rng().fill_bytes(&mut secret);
            base64::engine::general_purpose::STANDARD
                .encode(&secret)
                .into_bytes()
        }
    };
    // Bound before the state is made: the links in e-mails need the port it got.
    let listener =
        TcpListener::bind(config.bind).with_context(|| format!("binding {}", config.bind))?;
    let address = listener.local_addr()?;
    let state = AppState {
        store: store.clone(),
        keys: TokenKeys::from_secret(&secret),
        secure_cookies: config.secure_cookies,
        behind_proxy: config.behind_proxy,
        proxy_hops: config.proxy_hops,
        payout_account: config.payout_account.clone(),
        allow_local_webhooks: config.webhooks.allow_local,
        research_key: config.research_key.clone(),
        metrics: crate::metrics::Metrics::new(),
        metrics_token: config.metrics_token.clone(),
        placement_pages: std::sync::Arc::new(crate::page_cache::PageCache::new(
            config.list_cache_bytes,
        )),
        retention: config.retention_periods,
        retention_settings: config.retention,
        smtp_host: config.mail.smtp_host(),
        clock: config.clock,
        mailer: crate::mail::Mailer::with_secret(
            &config
                .public_url
                .clone()
                .unwrap_or_else(|| format!("http://{address}")),
            &secret,
        ),
    };
    tokio::spawn(crate::webhook_delivery::run(
        store.clone(),
        crate::webhook_delivery::client()?,
        config.webhooks.clone(),
        state.mailer.webhook_waker(),
    ));
    match crate::delivery::Transport::from_config(&config.mail, config.demo)? {
        Some(transport) => {
            tokio::spawn(crate::delivery::run(
                store.clone(),
                transport,
                config.mail.clone(),
                state.mailer.waker(),
            ));
        }
        None => tracing::warn!(
            target: "klasbrug::mail",
            "KLASBRUG_SMTP_URL is not set: e-mail stays in the outbox until a mail server is configured"
        ),
    }
    tokio::spawn(crate::usecases::reminders::run(
        store.clone(),
        state.mailer.clone(),
        config.clock,
    ));
    tokio::spawn(crate::usecases::training::run(
        store.clone(),
        state.mailer.clone(),
        config.clock,
    ));
    let static_dir = config.static_dir.clone();
    tokio::spawn(purge_documents(
        store.clone(),
        config.clock,
        config.document_retention_days,
        config.retention_periods.personal_days,
        config.purge_interval_secs,
        config.retention,
    ));

    let server = HttpServer::new(move || build(state.clone(), static_dir.clone()))
        .listen(listener)?
        .run();
    println!("listening on http://{address}");
    tracing::info!(%address, backend = ?store.backend(), "serving");
    server.await?;
    store.close().await;
    Ok(())
}

/// Deletes intake documents `retention_days` after the intake decision, applications (with
/// their documents) a day after they expired unconfirmed, and answers kept for an
/// `Idempotency-Key` after 24 hours, and the log of sensitive reads after `audit_days` (as long
/// as the audit log): once at start-up and then every `interval_secs`. A failed sweep is logged
/// and tried again at the next. At the first of these on each day of the application clock, the
/// retention sweep runs too (see [`crate::usecases::retention`]); a failed one is tried again at
/// the next tick.
async fn purge_documents(
    store: Store,
    clock: crate::clock::Clock,
    retention_days: u32,
    audit_days: u32,
    interval_secs: u64,
    retention: domain::retention::RetentionSettings,
) {
    let mut ticks = tokio::time::interval(std::time::Duration::from_secs(interval_secs));
    let mut retention_swept_on = None;
    loop {
        ticks.tick().await;
        let today = clock.today();
        if retention_swept_on != Some(today) {
            match crate::usecases::retention::sweep(&store, &retention, today, false).await {
                Ok(counts) => {
                    retention_swept_on = Some(today);
                    // Counts per category only: never who.
                    tracing::info!(
                        target: "klasbrug::retention",
                        %today,
                        "the retention sweep is done:\n{}",
                        crate::usecases::retention::report(&counts)
                    );
                }
                Err(error) => tracing::error!(
                    target: "klasbrug::retention",
                    error = format!("{error:#}"),
                    "the retention sweep failed"
                ),
            }
        }
        match purge_expired_documents(&store, clock.today(), retention_days).await {
            Ok(0) => {}
            Ok(purged) => tracing::info!(purged, "purged intake documents past their retention"),
            Err(error) => tracing::error!(%error, "purging intake documents failed"),
        }
        // A day's grace, so a late click on the link hears "expired, apply again" rather than
        // "unknown link".
        let expired_by = clock.now() - chrono::Duration::days(1);
        match store.purge_expired_applications(expired_by).await {
            Ok(0) => {}
            Ok(purged) => tracing::info!(purged, "purged unconfirmed applications"),
            Err(error) => tracing::error!(%error, "purging unconfirmed applications failed"),
        }
        match store.purge_idempotent_requests(clock.now()).await {
            Ok(0) => {}
            Ok(purged) => tracing::info!(purged, "purged answers kept for Idempotency-Keys"),
            Err(error) => tracing::error!(%error, "purging idempotent answers failed"),
        }
        let audit_cutoff = clock.now() - chrono::Duration::days(i64::from(audit_days));
        match store.purge_sensitive_reads(audit_cutoff).await {
            Ok(0) => {}
            Ok(purged) => tracing::info!(purged, "purged sensitive reads past their retention"),
            Err(error) => tracing::error!(%error, "purging sensitive reads failed"),
        }
    }
}

/// Deletes the intake documents of everyone whose intake was decided `retention_days` or more
/// days ago (Amsterdam days). Returns how many went.
pub async fn purge_expired_documents(
    store: &Store,
    today: chrono::NaiveDate,
    retention_days: u32,
) -> Result<u64, store::StoreError> {
    store
        .purge_documents(today - chrono::Duration::days(i64::from(retention_days)))
        .await
}

/// What the browser may load for the web app and Swagger UI: everything from this origin, the
/// WebAssembly module compiled (`'wasm-unsafe-eval'`, not `'unsafe-eval'`), style attributes
/// (the bars of the lesson calendar), images as `data:` URIs (Swagger UI's icons); no inline
/// scripts, no plugins, no framing by other sites.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
     font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Where the OpenAPI document is served.
const API_DOCUMENT: &str = "/api-docs/openapi.json";

/// One worker's application.
fn build(
    state: AppState,
    static_dir: PathBuf,
) -> App<
    impl actix_web::dev::ServiceFactory<
        actix_web::dev::ServiceRequest,
        Config = (),
        Response = actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let mut headers = DefaultHeaders::new()
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Referrer-Policy", "no-referrer"))
        .add(("Content-Security-Policy", CONTENT_SECURITY_POLICY));
    if state.secure_cookies {
        // Served over HTTPS (secure cookies say so): browsers keep to HTTPS for a year.
        headers = headers.add((
            "Strict-Transport-Security",
            "max-age=31536000; includeSubDomains",
        ));
    }
    App::new()
        .app_data(web::Data::new(state))
        .app_data(extractors::form_config())
        .app_data(extractors::query_config())
        .app_data(extractors::path_config())
        .app_data(web::PayloadConfig::new(extractors::BODY_LIMIT))
        .configure(served_routes)
        // Only GET: any other method falls through to `/api-docs`' 404 problem below.
        .service(
            web::resource(API_DOCUMENT)
                .guard(actix_web::guard::Get())
                .to(crate::openapi::serve),
        )
        .service(
            SwaggerUi::new("/docs/{_:.*}").config(utoipa_swagger_ui::Config::new([API_DOCUMENT])),
        )
        .service(web::redirect("/docs", "/docs/"))
        .service(web::resource("/metrics").route(web::get().to(crate::metrics::serve)))
        // Paths a program asks for are never answered with the web app's page.
        .service(web::scope("/api").default_service(web::to(unknown_route)))
        .service(web::scope("/api-docs").default_service(web::to(unknown_route)))
        .service(web::scope("/metrics").default_service(web::to(unknown_route)))
        .service(web::scope("/.well-known").default_service(web::to(unknown_route)))
        .configure(web_app::service(&static_dir))
        // Inside compression, so a replay is the answer as the handler gave it.
        .wrap(actix_web::middleware::from_fn(crate::idempotency::replay))
        .wrap(actix_web::middleware::from_fn(
            crate::url_text::refuse_control_characters,
        ))
        .wrap(Compress::default())
        .wrap(headers)
        .wrap(actix_web::middleware::from_fn(crate::metrics::record))
        .wrap(tracing_actix_web::TracingLogger::<
            crate::request_id::RequestSpan,
        >::new())
        .wrap(actix_web::middleware::from_fn(crate::request_id::assign))
}
