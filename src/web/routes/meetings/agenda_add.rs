use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use super::agenda_editor::{EditorContext, check};
use crate::models::agenda;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::{AppError, AppResult};
use crate::web::views::agenda_editor::{ItemForm, editor};
use crate::web::{AppState, html_page};

/// Adds an item at the end of the top level or of the chosen item's sub-items; a bad
/// field shows the editor again with what was typed.
pub async fn add(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<ItemForm>,
) -> AppResult<HttpResponse> {
    let context = EditorContext::load(&me, &state, *id).await?;
    let CsrfForm(form) = form;
    let checked = match check(&context, &form) {
        Ok(checked) => checked,
        Err(problems) => {
            return Ok(html_page(
                StatusCode::UNPROCESSABLE_ENTITY,
                editor(&me.ctx, &context.page(), &form, &problems),
            ));
        }
    };
    let mut conn = state.conn().await?;
    let item = agenda::add(&mut conn, context.meeting.id, checked.parent_id, &checked.fields())
        .await
        .map_err(|e| AppError::from_edit(&me.ctx.locale, e))?;
    Ok(super::see_other(format!(
        "/meetings/{}/agenda#item-{}",
        context.meeting.id, item.id
    )))
}
