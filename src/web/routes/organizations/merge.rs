use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::models::organizations;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn, require_admin};
use crate::web::error::{AppError, AppResult};

#[derive(Deserialize)]
pub struct MergeForm {
    into: i64,
}

/// Folds a duplicate organisation into another: its people and ownerships move over.
pub async fn merge(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<MergeForm>,
) -> AppResult<HttpResponse> {
    require_admin(me.user())?;
    let into = form.0.into;
    if into == *id {
        return Err(AppError::BadRequest(
            "An organisation cannot be merged into itself.".into(),
        ));
    }
    let mut conn = state.conn().await?;
    // Both must exist; a missing one is a 404, not a half-done merge.
    organizations::find(&mut conn, *id).await?;
    organizations::find(&mut conn, into).await?;
    organizations::merge(&mut conn, *id, into).await?;
    tracing::info!(from = *id, into, "organisations merged");
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, "/organizations"))
        .finish())
}
