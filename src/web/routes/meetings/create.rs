use actix_web::{HttpResponse, web};

use super::schedule::ScheduleForm;
use super::schedule_form::ScheduleEditor;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::AppResult;
use crate::web::routes::form;

pub async fn new(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    form::show(&me, &state, async |conn| {
        ScheduleEditor::new_in(conn, &me, &state, *id).await
    })
    .await
}

/// Creates a draft meeting with its starting agenda; any problem shows the form
/// again, filled in, and writes nothing.
pub async fn create(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    sent: CsrfForm<ScheduleForm>,
) -> AppResult<HttpResponse> {
    form::submit(
        &me,
        &state,
        async |conn| ScheduleEditor::new_in(conn, &me, &state, *id).await,
        sent,
    )
    .await
}
