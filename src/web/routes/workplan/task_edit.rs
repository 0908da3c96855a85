use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};

use super::{TaskChoices, TaskTarget, editable_group, save_task, task_form_of, task_page};
use crate::models::groups::Group;
use crate::models::workplan::{self, Task};
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::AppResult;
use crate::web::views::forms::Problems;
use crate::web::views::groups::crumbs_to;
use crate::web::views::workplan::TaskForm;

struct FormContext {
    task: Task,
    group: Group,
    ancestors: Vec<Group>,
    choices: TaskChoices,
}

async fn context(me: &SignedIn, state: &AppState, id: i64) -> AppResult<FormContext> {
    let mut conn = state.conn().await?;
    let (task, area) = workplan::find_task(&mut conn, id).await?;
    let (group, ancestors) = editable_group(&mut conn, me.user(), area.group_id).await?;
    let choices = TaskChoices::load(&mut conn, &me.ctx.locale, me.user(), &group).await?;
    Ok(FormContext {
        task,
        group,
        ancestors,
        choices,
    })
}

fn page(
    me: &SignedIn,
    context: &FormContext,
    fields: &TaskForm,
    problems: &Problems,
    status: StatusCode,
) -> HttpResponse {
    task_page(
        me,
        (
            me.ctx.locale.t("workplan-edit-task"),
            crumbs_to(&context.ancestors, &context.group),
        ),
        TaskTarget::Existing(context.task.id),
        &context.choices,
        fields,
        problems,
        status,
    )
}

pub async fn edit(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let context = context(&me, &state, *id).await?;
    let mut conn = state.conn().await?;
    let fields = task_form_of(&mut conn, &context.task, &context.choices).await?;
    Ok(page(&me, &context, &fields, &Problems::default(), StatusCode::OK))
}

/// Changes the task; any problem shows the form again and writes nothing. Links to
/// restricted action points the editor cannot see are kept as they were.
pub async fn update(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<TaskForm>,
) -> AppResult<HttpResponse> {
    let context = context(&me, &state, *id).await?;
    let CsrfForm(fields) = form;
    let mut problems = Problems::default();
    let mut conn = state.conn().await?;
    match save_task(&mut conn, &context.choices, Some(&context.task), &fields, &mut problems).await? {
        Some(id) => Ok(HttpResponse::SeeOther()
            .insert_header((LOCATION, format!("/groups/{}/workplan#task-{id}", context.group.id)))
            .finish()),
        _ => Ok(page(
            &me,
            &context,
            &fields,
            &problems,
            StatusCode::UNPROCESSABLE_ENTITY,
        )),
    }
}
