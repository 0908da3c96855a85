use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use super::agenda_editor::EditorContext;
use crate::domain::agenda::Move;
use crate::models::agenda;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::{AppError, AppResult};
use crate::web::views::agenda_editor::tree;
use crate::web::{AppState, html_page};

#[derive(Deserialize)]
pub struct MoveForm {
    to: String,
}

/// Moves an item up, down, in or out. A background request (app.js) gets the
/// renumbered tree to swap in; a plain form goes back to the editor.
pub async fn move_item(
    req: HttpRequest,
    me: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    form: CsrfForm<MoveForm>,
) -> AppResult<HttpResponse> {
    let (id, item_id) = path.into_inner();
    let locale = &me.ctx.locale;
    let movement: Move = form
        .0
        .to
        .parse()
        .map_err(|problem| AppError::invalid_field(locale, "agenda-field-move", problem))?;
    let meeting_id = EditorContext::load(&me, &state, id).await?.meeting.id;
    let mut conn = state.conn().await?;
    agenda::move_item(&mut conn, meeting_id, item_id, movement)
        .await
        .map_err(|e| AppError::from_edit(locale, e))?;
    if req.headers().contains_key("x-partial") {
        let context = EditorContext::load(&me, &state, id).await?;
        return Ok(html_page(StatusCode::OK, tree(&me.ctx, &context.page())));
    }
    Ok(super::see_other(format!(
        "/meetings/{meeting_id}/agenda#item-{item_id}"
    )))
}
