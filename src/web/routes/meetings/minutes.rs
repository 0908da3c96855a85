use actix_web::{HttpResponse, web};
use maud::Markup;

use crate::domain::policy::Action;
use crate::models::minutes::{self, Minutes};
use crate::web::AppState;
use crate::web::auth::SignedIn;
use crate::web::error::{AppError, AppResult};
use crate::web::views;

async fn load(me: &SignedIn, state: &AppState, id: i64) -> AppResult<Minutes> {
    let mut conn = state.conn().await?;
    let (meeting, standing) = super::meeting_for(&mut conn, me.user(), id, Action::View).await?;
    Ok(minutes::compose(&mut conn, meeting.id, super::reader(standing, me.user())).await?)
}

/// The minutes as a printable page.
pub async fn html(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<Markup> {
    let minutes = load(&me, &state, *id).await?;
    Ok(views::minutes::page(&me.ctx, &minutes))
}

/// The minutes as plain text, offered as a download; written off the executor's
/// thread like any long document.
pub async fn text(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let minutes = load(&me, &state, *id).await?;
    let locale = me.ctx.locale;
    let meeting_id = minutes.meeting.id;
    let body = web::block(move || crate::flows::minutes::text(&locale, &minutes))
        .await
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("inline; filename=\"minutes-{meeting_id}.txt\""),
        ))
        .body(body))
}
