use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use super::agenda_editor::{EditorContext, check};
use crate::models::agenda;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::{AppError, AppResult};
use crate::web::views::agenda_editor::{ItemForm, edit_form};
use crate::web::views::forms::Problems;
use crate::web::{AppState, html_page};

pub async fn edit(me: SignedIn, state: web::Data<AppState>, path: web::Path<(i64, i64)>) -> AppResult<HttpResponse> {
    let (id, item_id) = path.into_inner();
    let context = EditorContext::load(&me, &state, id).await?;
    let item = context.item(item_id)?;
    Ok(html_page(
        StatusCode::OK,
        edit_form(
            &me.ctx,
            &context.page(),
            item,
            &ItemForm::of(item),
            &Problems::default(),
        ),
    ))
}

/// Saves an item's title, presenter, time and reporting sub-group.
pub async fn update(
    me: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    form: CsrfForm<ItemForm>,
) -> AppResult<HttpResponse> {
    let (id, item_id) = path.into_inner();
    let context = EditorContext::load(&me, &state, id).await?;
    let item = context.item(item_id)?;
    let CsrfForm(mut form) = form;
    // Editing never moves the item; its place changes through the move buttons.
    form.parent.clear();
    let checked = match check(&context, &form) {
        Ok(checked) => checked,
        Err(problems) => {
            return Ok(html_page(
                StatusCode::UNPROCESSABLE_ENTITY,
                edit_form(&me.ctx, &context.page(), item, &form, &problems),
            ));
        }
    };
    let mut conn = state.conn().await?;
    agenda::update(&mut conn, context.meeting.id, item.id, &checked.fields())
        .await
        .map_err(|e| AppError::from_edit(&me.ctx.locale, e))?;
    Ok(super::see_other(format!(
        "/meetings/{}/agenda#item-{}",
        context.meeting.id, item.id
    )))
}
