use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};

use super::{Confirmation, editable_group};
use crate::models::workplan;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::AppResult;
use crate::web::views::groups::crumbs_to;
use crate::web::views::workplan::{DeletePage, delete_confirmation};
use crate::web::{AppState, html_page};

/// Asks whether to delete the task, saying what goes with it.
pub async fn confirm(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (task, area) = workplan::find_task(&mut conn, *id).await?;
    let (group, ancestors) = editable_group(&mut conn, me.user(), area.group_id).await?;
    let locale = &me.ctx.locale;
    let back = format!("/workplan/tasks/{}/edit", task.id);
    let page = DeletePage {
        title: locale.t_args("workplan-delete-task-title", &[("title", task.title.as_str().into())]),
        crumbs: crumbs_to(&ancestors, &group),
        question: locale.t("workplan-delete-task-question"),
        action: format!("/workplan/tasks/{}/delete", task.id),
        back: &back,
    };
    Ok(html_page(StatusCode::OK, delete_confirmation(&me.ctx, &page)))
}

/// Deletes the task with its responsible parties and links, and records who did.
pub async fn delete(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    _form: CsrfForm<Confirmation>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (task, area) = workplan::find_task(&mut conn, *id).await?;
    editable_group(&mut conn, me.user(), area.group_id).await?;
    workplan::delete_task(&mut conn, &task, &area, me.user().id).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, format!("/groups/{}/workplan#area-{}", area.group_id, area.id)))
        .finish())
}
