use actix_web::{HttpResponse, web};

use super::schedule::ScheduleForm;
use super::schedule_form::ScheduleEditor;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::AppResult;
use crate::web::routes::form;

pub async fn edit(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    form::show(&me, &state, async |conn| {
        ScheduleEditor::of(conn, &me, &state, *id).await
    })
    .await
}

/// Changes the meeting's title, time, place and people; bumps its calendar sequence
/// when a published meeting moves. Any problem shows the form again and writes nothing.
pub async fn update(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    sent: CsrfForm<ScheduleForm>,
) -> AppResult<HttpResponse> {
    form::submit(
        &me,
        &state,
        async |conn| ScheduleEditor::of(conn, &me, &state, *id).await,
        sent,
    )
    .await
}
