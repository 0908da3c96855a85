use actix_web::{HttpResponse, web};

use crate::domain::policy::Action;
use crate::models::agenda;
use crate::web::AppState;
use crate::web::auth::SignedIn;
use crate::web::error::AppResult;

/// What live screens poll every few seconds: the current item and a change stamp.
pub async fn state(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (meeting, _) = super::meeting_for(&mut conn, me.user(), *id, Action::View).await?;
    let live = agenda::live_state(&mut conn, meeting.id).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(live))
}
