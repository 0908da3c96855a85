//! `/metrics` for Prometheus: open to the client addresses in `METRICS_ALLOW` (loopback
//! by default; behind a proxy, the client it forwards for) and to whoever presents
//! `METRICS_TOKEN` as a bearer token.

use actix_web::http::header::AUTHORIZATION;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;

use crate::config::Settings;
use crate::domain::secrets;
use crate::metrics::CONTENT_TYPE;
use crate::models::outbox;
use crate::web::AppState;
use crate::web::client;
use crate::web::error::{AppError, AppResult};

pub async fn show(req: HttpRequest, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    if !may_scrape(&req, &state.settings) {
        return Err(AppError::Forbidden);
    }
    // Without the database the rest is still worth reading.
    let backlog = match state.conn().await {
        Ok(mut conn) => outbox::backlog(&mut conn, Utc::now())
            .await
            .inspect_err(|e| tracing::warn!("metrics without the outbox: {e}"))
            .ok(),
        Err(_) => None,
    };
    Ok(HttpResponse::Ok()
        .content_type(CONTENT_TYPE)
        .body(state.metrics.render(backlog.as_ref())))
}

fn may_scrape(req: &HttpRequest, settings: &Settings) -> bool {
    let allowed = client::of(req)
        .ip
        .is_some_and(|ip| settings.metrics_allow.iter().any(|net| net.contains(&ip)));
    let bearer = req
        .headers()
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "));
    allowed
        || settings
            .metrics_token
            .as_deref()
            .zip(bearer)
            .is_some_and(|(token, given)| secrets::equal(token, given.trim()))
}
