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

/// Asks whether to delete the area, saying how many tasks go with it.
pub async fn confirm(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let area = workplan::find_area(&mut conn, *id).await?;
    let (group, ancestors) = editable_group(&mut conn, me.user(), area.group_id).await?;
    let tasks = workplan::task_count(&mut conn, area.id).await?;
    let locale = &me.ctx.locale;
    let back = format!("/groups/{}/workplan#area-{}", group.id, area.id);
    let page = DeletePage {
        title: locale.t_args("workplan-delete-area-title", &[("name", area.name.as_str().into())]),
        crumbs: crumbs_to(&ancestors, &group),
        question: locale.t_args("workplan-delete-area-question", &[("count", tasks.into())]),
        action: format!("/workplan/areas/{}/delete", area.id),
        back: &back,
    };
    Ok(html_page(StatusCode::OK, delete_confirmation(&me.ctx, &page)))
}

/// Deletes the area and its tasks, and records who did and which tasks went.
pub async fn delete(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    _form: CsrfForm<Confirmation>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let area = workplan::find_area(&mut conn, *id).await?;
    editable_group(&mut conn, me.user(), area.group_id).await?;
    workplan::delete_area(&mut conn, &area, me.user().id).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, format!("/groups/{}/workplan", area.group_id)))
        .finish())
}
