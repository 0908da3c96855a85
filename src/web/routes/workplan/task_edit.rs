use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};

use super::{area_options, check_task, editable_group, owner_options};
use crate::domain::owners::Owner;
use crate::models::groups::Group;
use crate::models::owners::{self, OwnerTable};
use crate::models::workplan::{self, Area, Task};
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::AppResult;
use crate::web::views::forms::Problems;
use crate::web::views::groups::crumbs_to;
use crate::web::views::workplan::{TaskForm, TaskPage, task_form};
use crate::web::{AppState, html_page};

struct FormContext {
    task: Task,
    group: Group,
    ancestors: Vec<Group>,
    areas: Vec<Area>,
    owners: Vec<(Owner, String)>,
}

async fn context(me: &SignedIn, state: &AppState, id: i64) -> AppResult<FormContext> {
    let mut conn = state.conn().await?;
    let (task, area) = workplan::find_task(&mut conn, id).await?;
    let (group, ancestors) = editable_group(&mut conn, me.user(), area.group_id).await?;
    let areas = workplan::areas(&mut conn, group.id).await?;
    let owners = owner_options(&mut conn, &me.ctx.locale, group.id).await?;
    Ok(FormContext {
        task,
        group,
        ancestors,
        areas,
        owners,
    })
}

fn page(
    me: &SignedIn,
    context: &FormContext,
    fields: &TaskForm,
    problems: &Problems,
    status: StatusCode,
) -> HttpResponse {
    let owners: Vec<(String, String)> = context.owners.iter().map(|(o, l)| (o.key(), l.clone())).collect();
    let view = TaskPage {
        title: me.ctx.locale.t("workplan-edit-task"),
        crumbs: crumbs_to(&context.ancestors, &context.group),
        action: format!("/workplan/tasks/{}", context.task.id),
        fields,
        problems,
        areas: &area_options(&context.areas),
        owners: &owners,
    };
    html_page(status, task_form(&me.ctx, &view))
}

pub async fn edit(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let context = context(&me, &state, *id).await?;
    let mut conn = state.conn().await?;
    let named = owners::named(&mut conn, OwnerTable::WorkplanTasks, &[context.task.id]).await?;
    let task = &context.task;
    let fields = TaskForm {
        area: task.area_id.to_string(),
        title: task.title.clone(),
        owners: named.iter().filter_map(|o| o.owner()).map(|o| o.key()).collect(),
        start_date: task.start_date.map(|d| d.to_string()).unwrap_or_default(),
        end_date: task.end_date.map(|d| d.to_string()).unwrap_or_default(),
        status: task.status.as_str().to_owned(),
        progress_note: task.progress_note.clone(),
        comments: task.comments.clone(),
    };
    Ok(page(&me, &context, &fields, &Problems::default(), StatusCode::OK))
}

/// Changes the task; any problem shows the form again and writes nothing.
pub async fn update(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<TaskForm>,
) -> AppResult<HttpResponse> {
    let context = context(&me, &state, *id).await?;
    let CsrfForm(fields) = form;
    let mut problems = Problems::default();
    let offered: Vec<Owner> = context.owners.iter().map(|(o, _)| *o).collect();
    let checked = check_task(&fields, &context.areas, &offered, &mut problems);
    let mut conn = state.conn().await?;
    if let Some(task) = &checked
        && workplan::task_title_taken(&mut conn, task.area_id, &task.title, Some(context.task.id)).await?
    {
        problems.add("column-task", "invalid-task-taken");
    }
    match checked {
        Some(task) if problems.is_empty() => {
            workplan::update_task(&mut conn, &context.task, &task.fields()).await?;
            Ok(HttpResponse::SeeOther()
                .insert_header((
                    LOCATION,
                    format!("/groups/{}/workplan#task-{}", context.group.id, context.task.id),
                ))
                .finish())
        }
        _ => Ok(page(
            &me,
            &context,
            &fields,
            &problems,
            StatusCode::UNPROCESSABLE_ENTITY,
        )),
    }
}
