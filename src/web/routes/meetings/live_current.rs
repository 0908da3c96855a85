use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::domain::policy::Action;
use crate::models::agenda;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::{AppError, AppResult};

#[derive(Deserialize)]
pub struct CurrentForm {
    item: i64,
}

/// Moves the live screen to another item of this meeting (next / previous).
pub async fn set(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<CurrentForm>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (meeting, _) = super::meeting_for(&mut conn, me.user(), *id, Action::RunMeetings).await?;
    agenda::set_current(&mut conn, meeting.id, form.0.item)
        .await
        .map_err(|e| AppError::from_edit(&me.ctx.locale, e))?;
    Ok(super::see_other(format!("/meetings/{}/live", meeting.id)))
}
