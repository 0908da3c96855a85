use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::models::sessions;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SESSION_COOKIE, SignedIn, expired_cookie};
use crate::web::error::AppResult;

#[derive(Deserialize)]
pub struct NoFields {}

/// Signs out: the session is deleted on the server, so a copied cookie is useless.
pub async fn delete(me: SignedIn, state: web::Data<AppState>, _form: CsrfForm<NoFields>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    sessions::delete(&mut conn, &me.session.key_hash).await?;
    Ok(HttpResponse::SeeOther()
        .cookie(expired_cookie(SESSION_COOKIE))
        .insert_header((LOCATION, "/login"))
        .finish())
}
