use std::collections::{HashMap, HashSet};

use actix_web::http::StatusCode;
use actix_web::http::header::{self, LOCATION};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use crate::domain::policy::Action;
use crate::domain::{TaskStatus, validate};
use crate::models::owners::{self, OwnerTable};
use crate::models::{groups, workplan};
use crate::web::auth::{CsrfForm, SignedIn, authorize, local_path};
use crate::web::error::{AppError, AppResult};
use crate::web::routes::action_points::today;
use crate::web::views::action_points::owners_by_item;
use crate::web::views::workplan::{TaskRows, task_row};
use crate::web::{AppState, html_page};

#[derive(Deserialize)]
pub struct StatusForm {
    status: String,
    #[serde(default)]
    note: String,
    /// Sent by the first row of an area, which carries the area's cell.
    #[serde(default)]
    area_rowspan: Option<usize>,
}

/// Sets a task's status and progress note. Sent in the background, it answers with
/// the updated table row; otherwise it goes back to the page it came from.
pub async fn update(
    req: HttpRequest,
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<StatusForm>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (task, area) = workplan::find_task(&mut conn, *id).await?;
    let standing = authorize(&mut conn, me.user(), area.group_id, Action::EditWorkplan).await?;
    let CsrfForm(form) = form;
    let locale = &me.ctx.locale;
    let status: TaskStatus = form
        .status
        .parse()
        .map_err(|_| AppError::field(locale, "column-status", "invalid-choice"))?;
    let note = validate::optional(&form.note, 4000)
        .map_err(|p| AppError::field(locale, "workplan-progress-note", p))?
        .unwrap_or_default();
    workplan::set_status(&mut conn, task.id, status, &note).await?;

    if req.headers().get("x-partial").is_some_and(|v| v == "row") {
        let (task, area) = workplan::find_task(&mut conn, task.id).await?;
        let named = owners::named(&mut conn, OwnerTable::WorkplanTasks, &[task.id]).await?;
        let group = groups::find(&mut conn, area.group_id).await?;
        let short_names = groups::subtree_short_names(&mut conn, group.id)
            .await?
            .into_iter()
            .collect();
        let links =
            super::link_labels(&mut conn, locale, me.user(), standing, &group, &short_names, &[task.id]).await?;
        let rows = TaskRows {
            owners: owners_by_item(&named),
            today: today(),
            editable_areas: HashSet::from([task.area_id]),
            subgroup_of_area: HashMap::new(),
            links,
        };
        return Ok(html_page(
            StatusCode::OK,
            task_row(
                &me.ctx,
                &task,
                &rows,
                form.area_rowspan.filter(|n| *n > 0).map(|n| (&area, n)),
            ),
        ));
    }
    let back = req
        .headers()
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| url::Url::parse(r).ok())
        .map(|u| {
            local_path(Some(&format!(
                "{}{}",
                u.path(),
                u.query().map(|q| format!("?{q}")).unwrap_or_default()
            )))
        });
    Ok(HttpResponse::SeeOther()
        .insert_header((
            LOCATION,
            back.unwrap_or_else(|| format!("/groups/{}/workplan#task-{}", area.group_id, task.id)),
        ))
        .finish())
}
