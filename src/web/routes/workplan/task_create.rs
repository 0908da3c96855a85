use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::{area_options, check_task, editable_group, owner_options};
use crate::domain::owners::Owner;
use crate::models::groups::Group;
use crate::models::workplan::{self, Area};
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::AppResult;
use crate::web::views::forms::Problems;
use crate::web::views::groups::crumbs_to;
use crate::web::views::workplan::{TaskForm, TaskPage, task_form};
use crate::web::{AppState, html_page};

#[derive(Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    area: String,
}

struct FormContext {
    group: Group,
    ancestors: Vec<Group>,
    areas: Vec<Area>,
    owners: Vec<(Owner, String)>,
}

async fn context(me: &SignedIn, state: &AppState, id: i64) -> AppResult<FormContext> {
    let mut conn = state.conn().await?;
    let (group, ancestors) = editable_group(&mut conn, me.user(), id).await?;
    let areas = workplan::areas(&mut conn, group.id).await?;
    let owners = owner_options(&mut conn, &me.ctx.locale, group.id).await?;
    Ok(FormContext {
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
        title: me.ctx.locale.t_args(
            "workplan-new-task-title",
            &[("group", context.group.short_name.as_str().into())],
        ),
        crumbs: crumbs_to(&context.ancestors, &context.group),
        action: format!("/groups/{}/workplan/tasks", context.group.id),
        fields,
        problems,
        areas: &area_options(&context.areas),
        owners: &owners,
    };
    html_page(status, task_form(&me.ctx, &view))
}

pub async fn new(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    query: web::Query<NewQuery>,
) -> AppResult<HttpResponse> {
    let context = context(&me, &state, *id).await?;
    let fields = TaskForm {
        area: query.area.clone(),
        ..TaskForm::default()
    };
    Ok(page(&me, &context, &fields, &Problems::default(), StatusCode::OK))
}

/// Adds a task at the end of its area; any problem shows the form again and writes nothing.
pub async fn create(
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
        && workplan::task_title_taken(&mut conn, task.area_id, &task.title, None).await?
    {
        problems.add("column-task", "invalid-task-taken");
    }
    match checked {
        Some(task) if problems.is_empty() => {
            workplan::create_task(&mut conn, &task.fields()).await?;
            Ok(HttpResponse::SeeOther()
                .insert_header((LOCATION, format!("/groups/{}/workplan", context.group.id)))
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
