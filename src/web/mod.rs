//! The app factory: routes and middleware, used by `main` and by the tests alike.

pub mod api;
pub mod auth;
pub mod client;
mod compress;
pub mod error;
pub mod headers;
pub mod observe;
mod request_span;
pub mod router;
pub mod routes;
pub mod views;

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::{Compress, ErrorHandlers, NormalizePath, TrailingSlash, from_fn};
use actix_web::{App, HttpMessage, HttpServer, web};
use tracing_actix_web::{RequestId, TracingLogger};

use crate::config::Settings;
use crate::db::{self, DbConn, DbPool};
use crate::metrics::Metrics;
pub use auth::PageContext;
use error::{AppError, AppResult};

/// What every handler can reach. Each actix worker owns its pool: sharing one
/// across workers makes a connection's driver task wake on another thread.
pub struct AppState {
    pub pool: DbPool,
    pub settings: Arc<Settings>,
    /// Shared by all workers.
    pub metrics: Arc<Metrics>,
}

impl AppState {
    pub async fn conn(&self) -> AppResult<DbConn> {
        Ok(self.pool.get().await?)
    }

    /// What mail written by a request needs: the address links point to.
    pub fn mail(&self) -> crate::mail::MailSettings {
        crate::mail::MailSettings::new(&self.settings)
    }
}

/// A rendered page with the given status (forms shown again with their problems).
pub fn html_page(status: actix_web::http::StatusCode, page: maud::Markup) -> actix_web::HttpResponse {
    actix_web::HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(page.into_string())
}

/// A page with a form shown before sign-in, rendered with the form's CSRF token.
pub fn anonymous_form(
    req: &actix_web::HttpRequest,
    status: actix_web::http::StatusCode,
    render: impl FnOnce(&str) -> maud::Markup,
) -> actix_web::HttpResponse {
    html_page(status, render(&auth::anonymous_form_token(req)))
}

/// The database connections each HTTP worker's pool may open: `DATABASE_POOL_SIZE`
/// shared out among `HTTP_WORKERS`, at least one each.
pub fn connections_per_worker(settings: &Settings) -> usize {
    settings.pool_size.div_ceil(settings.http_workers).max(1)
}

/// Every route of the app, pages and API: what the server registers, and the table
/// the tests sweep.
pub fn app_routes() -> router::Router {
    let mut router = router::Router::default();
    router.configure(routes::configure).configure(api::configure);
    router
}

/// Builds the HTTP server on `listener` against the database at `database_url`.
pub fn server(
    listener: TcpListener,
    settings: Arc<Settings>,
    database_url: String,
    metrics: Arc<Metrics>,
) -> std::io::Result<Server> {
    let (workers, per_worker) = (settings.http_workers, connections_per_worker(&settings));
    let server = HttpServer::new(move || {
        let state = AppState {
            pool: db::pool(&database_url, per_worker, settings.statement_timeout),
            settings: settings.clone(),
            metrics: metrics.clone(),
        };
        metrics.track_pool(&state.pool);
        App::new()
            .app_data(web::Data::new(state))
            .app_data(web::PathConfig::default().error_handler(|err, _| {
                // A malformed id in a path names nothing: that is a 404, not a 400.
                actix_web::error::InternalError::from_response(err, actix_web::HttpResponse::NotFound().finish()).into()
            }))
            .wrap(from_fn(auth::same_origin_only))
            .wrap(ErrorHandlers::new().default_handler(error::render))
            .wrap(from_fn(auth::issue_form_cookie))
            .wrap(from_fn(headers::secure))
            .wrap(from_fn(compress::whole_pages))
            .wrap(Compress::default())
            .wrap(NormalizePath::new(TrailingSlash::Trim))
            .wrap_fn(|req, srv| {
                let request_id = req.extensions().get::<RequestId>().map(|id| id.to_string());
                let response = actix_web::dev::Service::call(srv, req);
                async move {
                    let mut response = response.await?;
                    if let Some(id) = request_id.and_then(|id| HeaderValue::from_str(&id).ok()) {
                        response
                            .headers_mut()
                            .insert(HeaderName::from_static("x-request-id"), id);
                    }
                    Ok(response)
                }
            })
            .wrap(from_fn(observe::requests))
            .wrap(TracingLogger::<request_span::RequestSpan>::new())
            .configure(|cfg| app_routes().register(cfg))
            .default_service(web::to(|| async {
                Err::<actix_web::HttpResponse, _>(AppError::NotFound)
            }))
    })
    .workers(workers)
    .shutdown_timeout(10)
    .listen(listener)?
    .run();
    Ok(server)
}
