//! Every answered request, counted and timed by route pattern for `/metrics` with the
//! database statements it sent, and logged as one line inside the request's span (which
//! carries the request id); a server fault is logged as an error with its cause.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web;

use crate::metrics::UNMATCHED;
use crate::web::AppState;

pub async fn requests(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let method = req.method().clone();
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let (outcome, statements) = crate::db::counting_statements(next.call(req)).await;
    let elapsed = started.elapsed();
    // The pattern is read after the inner services ran: path normalisation happens there.
    let (status, route) = match &outcome {
        Ok(response) => (response.status(), response.request().match_pattern()),
        Err(error) => (error.as_response_error().status_code(), None),
    };
    let route = route.as_deref().unwrap_or(UNMATCHED);
    if let Some(state) = state {
        state
            .metrics
            .request(method.as_str(), route, status.as_u16(), elapsed, statements);
    }
    let duration_ms = elapsed.as_micros() as f64 / 1000.0;
    if status.is_server_error() {
        // The person is told nothing of a fault (see `error::public_detail`); the
        // operator needs its cause.
        let cause = match &outcome {
            Ok(response) => response.response().error().map(ToString::to_string),
            Err(error) => Some(error.to_string()),
        };
        tracing::error!(
            http.route = route,
            http.status_code = status.as_u16(),
            duration_ms,
            statements,
            error = cause.as_deref().unwrap_or("none given"),
            "request failed"
        );
    } else {
        tracing::info!(
            http.route = route,
            http.status_code = status.as_u16(),
            duration_ms,
            statements,
            "request answered"
        );
    }
    outcome
}
