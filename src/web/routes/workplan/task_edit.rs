use actix_web::{HttpResponse, web};

use super::task_form::TaskEditor;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::AppResult;
use crate::web::routes::form;
use crate::web::views::workplan::TaskForm;

pub async fn edit(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    form::show(&me, &state, async |conn| TaskEditor::of(conn, &me, *id).await).await
}

/// Changes the task; any problem shows the form again and writes nothing.
pub async fn update(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    sent: CsrfForm<TaskForm>,
) -> AppResult<HttpResponse> {
    form::submit(&me, &state, async |conn| TaskEditor::of(conn, &me, *id).await, sent).await
}
