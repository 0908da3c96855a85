use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::task_form::TaskEditor;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::AppResult;
use crate::web::routes::form;
use crate::web::views::workplan::TaskForm;

#[derive(Deserialize)]
pub struct NewQuery {
    /// The area whose "Add a task" link was followed, chosen in the form.
    #[serde(default)]
    area: String,
}

pub async fn new(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    query: web::Query<NewQuery>,
) -> AppResult<HttpResponse> {
    let area = query.into_inner().area;
    form::show(&me, &state, async |conn| TaskEditor::new_in(conn, &me, *id, area).await).await
}

/// Adds a task at the end of its area; any problem shows the form again and writes nothing.
pub async fn create(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    sent: CsrfForm<TaskForm>,
) -> AppResult<HttpResponse> {
    form::submit(
        &me,
        &state,
        async |conn| TaskEditor::new_in(conn, &me, *id, String::new()).await,
        sent,
    )
    .await
}
