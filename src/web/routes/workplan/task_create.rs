use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::{TaskChoices, TaskTarget, editable_group, save_task, task_page};
use crate::models::groups::Group;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::AppResult;
use crate::web::views::forms::Problems;
use crate::web::views::groups::crumbs_to;
use crate::web::views::workplan::TaskForm;

#[derive(Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    area: String,
}

struct FormContext {
    group: Group,
    ancestors: Vec<Group>,
    choices: TaskChoices,
}

async fn context(me: &SignedIn, state: &AppState, id: i64) -> AppResult<FormContext> {
    let mut conn = state.conn().await?;
    let (group, ancestors) = editable_group(&mut conn, me.user(), id).await?;
    let choices = TaskChoices::load(&mut conn, &me.ctx.locale, me.user(), &group).await?;
    Ok(FormContext {
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
    let title = me.ctx.locale.t_args(
        "workplan-new-task-title",
        &[("group", context.group.short_name.as_str().into())],
    );
    task_page(
        me,
        (title, crumbs_to(&context.ancestors, &context.group)),
        TaskTarget::NewIn(context.group.id),
        &context.choices,
        fields,
        problems,
        status,
    )
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
    let mut conn = state.conn().await?;
    match save_task(&mut conn, &context.choices, None, &fields, &mut problems).await? {
        Some(_) => Ok(HttpResponse::SeeOther()
            .insert_header((LOCATION, format!("/groups/{}/workplan", context.group.id)))
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
