//! Where the routes are registered. The OpenAPI document is collected from the routes once,
//! through utoipa's configuration, which builds each route's path and composes its schemas as
//! it registers it; every worker of the server registers the same routes through actix's own,
//! which only adds the handlers. (In a debug build, utoipa's registration took each worker about
//! 0.15 s of CPU at every start of the server.)

use actix_web::dev::HttpServiceFactory;
use utoipa_actix_web::OpenApiFactory;

/// One of the two configurations the routes are registered in.
pub enum Routes<'a, 'b> {
    /// Collects the OpenAPI document too (`crate::openapi::document`).
    Documented(&'a mut utoipa_actix_web::service_config::ServiceConfig<'b>),
    /// A worker's routes (`crate::app`).
    Served(&'a mut actix_web::web::ServiceConfig),
}

impl Routes<'_, '_> {
    /// Registers one documented handler.
    pub fn service<F>(&mut self, factory: F) -> &mut Self
    where
        F: HttpServiceFactory + OpenApiFactory + 'static,
    {
        match self {
            Routes::Documented(config) => {
                config.service(factory);
            }
            Routes::Served(config) => {
                config.service(factory);
            }
        }
        self
    }
}
