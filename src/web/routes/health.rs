use actix_web::{HttpResponse, web};
use diesel_async::RunQueryDsl;

use crate::web::AppState;

/// Liveness and readiness in one: 200 when the database answers, 503 when it does not.
pub async fn check(state: web::Data<AppState>) -> HttpResponse {
    let database_ok = match state.pool.get().await {
        Ok(mut conn) => diesel::sql_query("SELECT 1").execute(&mut conn).await.is_ok(),
        Err(_) => false,
    };
    let body = serde_json::json!({
        "status": if database_ok { "ok" } else { "unavailable" },
        "database": if database_ok { "ok" } else { "unreachable" },
    });
    if database_ok {
        HttpResponse::Ok().json(body)
    } else {
        HttpResponse::ServiceUnavailable().json(body)
    }
}
