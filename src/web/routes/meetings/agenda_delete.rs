use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::agenda_editor::EditorContext;
use crate::models::agenda;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::{AppError, AppResult};
use crate::web::views::agenda_editor::delete_confirm;
use crate::web::{AppState, html_page};

/// Asks before deleting, saying how many sub-items go with the item.
pub async fn confirm(me: SignedIn, state: web::Data<AppState>, path: web::Path<(i64, i64)>) -> AppResult<HttpResponse> {
    let (id, item_id) = path.into_inner();
    let context = EditorContext::load(&me, &state, id).await?;
    let item = context.item(item_id)?;
    let sub_items = crate::domain::agenda::descendants(&context.agenda, item.id).len();
    Ok(html_page(
        StatusCode::OK,
        delete_confirm(&me.ctx, &context.page(), item, sub_items),
    ))
}

#[derive(Deserialize)]
pub struct Confirmed {}

pub async fn delete(
    me: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    _confirmed: CsrfForm<Confirmed>,
) -> AppResult<HttpResponse> {
    let (id, item_id) = path.into_inner();
    let context = EditorContext::load(&me, &state, id).await?;
    let mut conn = state.conn().await?;
    agenda::delete(&mut conn, context.meeting.id, item_id)
        .await
        .map_err(|e| AppError::from_edit(&me.ctx.locale, e))?;
    Ok(super::see_other(format!("/meetings/{}/agenda", context.meeting.id)))
}
