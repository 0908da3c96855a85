//! Every answered request, counted and timed by route pattern for `/metrics` with the
//! database statements it sent, and logged as one line inside the request's span (which
//! carries the request id).

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
    tracing::info!(
        http.route = route,
        http.status_code = status.as_u16(),
        duration_ms = elapsed.as_micros() as f64 / 1000.0,
        statements,
        "request answered"
    );
    outcome
}
