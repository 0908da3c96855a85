use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::editable_group;
use crate::models::workplan;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::{AppError, AppResult};

#[derive(Deserialize)]
pub struct MoveForm {
    direction: String,
}

/// Moves the area one place up or down the workplan.
pub async fn move_area(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<MoveForm>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let area = workplan::find_area(&mut conn, *id).await?;
    editable_group(&mut conn, me.user(), area.group_id).await?;
    let up = match form.0.direction.as_str() {
        "up" => true,
        "down" => false,
        _ => {
            return Err(AppError::BadRequest(format!(
                "direction: {}",
                me.ctx.locale.t("invalid-choice")
            )));
        }
    };
    workplan::move_area(&mut conn, &area, up).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, format!("/groups/{}/workplan#area-{}", area.group_id, area.id)))
        .finish())
}
