//! Probes for service managers and load balancers.

use actix_web::{HttpResponse, web};

use crate::db;
use crate::web::AppState;

/// Liveness: the process answers. It never waits on the database, so a database outage
/// does not get healthy instances restarted.
pub async fn alive() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({ "status": "ok" }))
}

/// Readiness: the database answers and holds every migration this version needs;
/// otherwise 503 with the reason, so that a load balancer sends no traffic here.
pub async fn ready(state: web::Data<AppState>) -> HttpResponse {
    let pending = match state.pool.get().await {
        Ok(mut conn) => db::pending_migrations(&mut conn).await.ok(),
        Err(_) => None,
    };
    match pending {
        Some(0) => HttpResponse::Ok().json(serde_json::json!({
            "status": "ready",
            "database": "ok",
            "migrations": "current",
        })),
        Some(pending) => HttpResponse::ServiceUnavailable().json(serde_json::json!({
            "status": "unavailable",
            "database": "ok",
            "migrations": "pending",
            "reason": format!("{pending} database migrations are pending: run convene migrate"),
        })),
        None => HttpResponse::ServiceUnavailable().json(serde_json::json!({
            "status": "unavailable",
            "database": "unreachable",
            "reason": "the database does not answer",
        })),
    }
}
