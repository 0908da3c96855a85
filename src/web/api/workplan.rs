//! The workplan: a group's areas with their tasks (its sub-groups' rolled up, as the
//! table shows them), and adding, changing and deleting areas and tasks.
//!
//! The checks are the HTML forms' own: `TaskChoices` and `save_task` for tasks
//! (owners, dates, status, links), `check_area_name` for areas, and the table's
//! `Filter` for the list. Reading needs the group to be visible; changing needs the
//! right to keep its workplan (IM officers, coordinators and co-chairs).

use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::NaiveDate;
use diesel_async::AsyncPgConnection;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ApiUser;
use super::action_points::{OwnerEntry, owner_entries};
use super::input::{ApiJson, created, invalid, nullable, query_string};
use crate::domain::TaskStatus;
use crate::domain::policy::{Action, Standing};
use crate::i18n::Locale;
use crate::models::groups;
use crate::models::owners::{OwnerTable, named};
use crate::models::users::User;
use crate::models::workplan::{self, Area, Task};
use crate::web::AppState;
use crate::web::auth::authorize;
use crate::web::error::{AppError, AppResult};
use crate::web::routes::action_points::{hidden_restricted, today};
use crate::web::routes::workplan::show::{Filter, everything};
use crate::web::routes::workplan::{TaskChoices, check_area_name, save_task, task_form_of};
use crate::web::views::forms::Problems;
use crate::web::views::workplan::{TaskForm, WorkplanQuery, is_overdue};

/// A task with its responsible parties and links.
#[derive(Serialize, ToSchema)]
pub struct TaskEntry {
    id: i64,
    area_id: i64,
    /// The group whose workplan holds it.
    group_id: i64,
    title: String,
    /// Responsible parties.
    owners: Vec<OwnerEntry>,
    start_date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
    status: TaskStatus,
    progress_note: String,
    comments: String,
    /// Past its end date and neither completed nor cancelled.
    overdue: bool,
    /// The action points it serves (restricted ones only if the caller may see them).
    action_point_ids: Vec<i64>,
    /// The meetings that discussed it.
    meeting_ids: Vec<i64>,
}

/// An area of a workplan with its tasks in order.
#[derive(Serialize, ToSchema)]
pub struct AreaEntry {
    id: i64,
    group_id: i64,
    name: String,
    /// Its place in the group's workplan, from 0.
    position: i32,
    tasks: Vec<TaskEntry>,
}

/// A group's workplan: its own areas, then those of the groups below it.
#[derive(Serialize, ToSchema)]
pub struct WorkplanEntry {
    group_id: i64,
    areas: Vec<AreaEntry>,
}

/// A new area, added after the group's last one.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAreaBody {
    #[schema(example = "Capacity Building")]
    name: String,
}

/// Changes to an area: a new name, a new place (from 0) among the group's areas, or both.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AreaChanges {
    name: Option<String>,
    #[schema(example = 0, minimum = 0)]
    position: Option<i32>,
}

/// A task's fields. Creating needs `area_id`, `title` and `owners`; changing takes
/// only the fields given, and `null` clears a date. Owners are references as the
/// group offers them (`role:member`, `user:12`, `org:3`, `group:5`); action points
/// are the group's or its sub-groups'; meetings are the group's. Lists replace what
/// the task had.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct TaskBody {
    /// An area of the same group.
    area_id: Option<i64>,
    #[schema(example = "Draft the terms of reference")]
    title: Option<String>,
    #[schema(example = json!(["role:coordinator", "group:5"]))]
    owners: Option<Vec<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, format = Date, example = "2014-06-01")]
    start_date: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, format = Date, example = "2014-06-30")]
    end_date: Option<Option<String>>,
    /// `not_started` when creating without one.
    status: Option<TaskStatus>,
    progress_note: Option<String>,
    comments: Option<String>,
    action_point_ids: Option<Vec<i64>>,
    meeting_ids: Option<Vec<i64>>,
}

impl TaskBody {
    /// The form as the HTML would send it: `form` with the given fields replaced.
    fn apply_to(self, form: &mut TaskForm) {
        let ids = |ids: Vec<i64>| ids.iter().map(i64::to_string).collect();
        if let Some(area) = self.area_id {
            form.area = area.to_string();
        }
        if let Some(title) = self.title {
            form.title = title;
        }
        if let Some(owners) = self.owners {
            form.owners = owners;
        }
        if let Some(start) = self.start_date {
            form.start_date = start.unwrap_or_default();
        }
        if let Some(end) = self.end_date {
            form.end_date = end.unwrap_or_default();
        }
        if let Some(status) = self.status {
            form.status = status.as_str().to_owned();
        }
        if let Some(note) = self.progress_note {
            form.progress_note = note;
        }
        if let Some(comments) = self.comments {
            form.comments = comments;
        }
        if let Some(items) = self.action_point_ids {
            form.action_points = ids(items);
        }
        if let Some(meetings) = self.meeting_ids {
            form.meetings = ids(meetings);
        }
    }
}

/// The JSON name of a field the forms' checks name by its label.
fn json_field(label: &str) -> &str {
    match label {
        "column-area" => "area_id",
        "column-task" => "title",
        "column-responsible" => "owners",
        "column-start-date" => "start_date",
        "column-end-date" => "end_date",
        "column-status" => "status",
        "workplan-progress-note" => "progress_note",
        "column-comments" => "comments",
        "workplan-linked-action-points" => "action_point_ids",
        "workplan-linked-meetings" => "meeting_ids",
        other => other,
    }
}

/// A 422 naming every field the checks refused, in words.
fn refused(problems: &Problems) -> AppError {
    let locale = Locale::default();
    let detail: Vec<String> = problems
        .0
        .iter()
        .map(|(field, problem)| format!("{}: {}", json_field(field), locale.t(problem)))
        .collect();
    AppError::Invalid(detail.join("; "))
}

/// The tasks as the API shows them, for a caller of `standing` in the group at the
/// top of theirs.
async fn task_entries(
    conn: &mut AsyncPgConnection,
    user: &User,
    standing: Standing,
    tasks: Vec<(Task, i64)>,
) -> AppResult<Vec<TaskEntry>> {
    let ids: Vec<i64> = tasks.iter().map(|(t, _)| t.id).collect();
    let mut owners = owner_entries(&named(conn, OwnerTable::WorkplanTasks, &ids).await?);
    let (items, meetings) = workplan::links(conn, &ids).await?;
    let restricted: Vec<i64> = items.iter().filter(|l| l.restricted).map(|l| l.id).collect();
    let unseen = hidden_restricted(conn, user, standing, &restricted).await?;
    let mut item_ids: HashMap<i64, Vec<i64>> = HashMap::new();
    for item in items.iter().filter(|l| !unseen.contains(&l.id)) {
        item_ids.entry(item.task_id).or_default().push(item.id);
    }
    let mut meeting_ids: HashMap<i64, Vec<i64>> = HashMap::new();
    for meeting in &meetings {
        meeting_ids.entry(meeting.task_id).or_default().push(meeting.id);
    }
    let today = today();
    Ok(tasks
        .into_iter()
        .map(|(task, group_id)| TaskEntry {
            owners: owners.remove(&task.id).unwrap_or_default(),
            action_point_ids: item_ids.remove(&task.id).unwrap_or_default(),
            meeting_ids: meeting_ids.remove(&task.id).unwrap_or_default(),
            overdue: is_overdue(&task, today),
            id: task.id,
            area_id: task.area_id,
            group_id,
            title: task.title,
            start_date: task.start_date,
            end_date: task.end_date,
            status: task.status,
            progress_note: task.progress_note,
            comments: task.comments,
        })
        .collect())
}

/// The areas with their tasks, as the API shows them.
async fn area_entries(
    conn: &mut AsyncPgConnection,
    user: &User,
    standing: Standing,
    areas: Vec<(Area, Vec<Task>)>,
) -> AppResult<Vec<AreaEntry>> {
    let tasks: Vec<(Task, i64)> = areas
        .iter()
        .flat_map(|(area, tasks)| tasks.iter().map(|t| (t.clone(), area.group_id)))
        .collect();
    let mut entries = task_entries(conn, user, standing, tasks).await?.into_iter().peekable();
    Ok(areas
        .into_iter()
        .map(|(area, tasks)| {
            let mut own = Vec::with_capacity(tasks.len());
            while let Some(entry) = entries.next_if(|e| e.area_id == area.id) {
                own.push(entry);
            }
            AreaEntry {
                id: area.id,
                group_id: area.group_id,
                name: area.name,
                position: area.position,
                tasks: own,
            }
        })
        .collect())
}

/// The area with its tasks, once the caller may see its group.
async fn area_entry(conn: &mut AsyncPgConnection, user: &User, id: i64) -> AppResult<AreaEntry> {
    let area = workplan::find_area(conn, id).await?;
    let standing = authorize(conn, user, area.group_id, Action::View).await?;
    let group_id = area.group_id;
    let tasks = everything(conn, &Filter::default(), vec![area], group_id).await?;
    area_entries(conn, user, standing, tasks)
        .await?
        .pop()
        .ok_or(AppError::NotFound)
}

/// The task, once the caller may see its group.
async fn task_entry(conn: &mut AsyncPgConnection, user: &User, id: i64) -> AppResult<TaskEntry> {
    let (task, area) = workplan::find_task(conn, id).await?;
    let standing = authorize(conn, user, area.group_id, Action::View).await?;
    task_entries(conn, user, standing, vec![(task, area.group_id)])
        .await?
        .pop()
        .ok_or(AppError::NotFound)
}

/// A group's workplan with its sub-groups' tasks, filtered as its table is
#[utoipa::path(get, path = "/api/v1/groups/{id}/workplan", operation_id = "get_workplan", tag = "workplan",
    params(
        ("id" = i64, Path, description = "The group's id"),
        ("area" = Option<i64>, Query, description = "Tasks of this area"),
        ("responsible" = Option<String>, Query, pattern = "^((user|org|group):[0-9]{1,18}|role:(coordinator|co_chair|im_officer|member))$", description = "Tasks this party is responsible for: `user:12`, `org:3`, `group:5`, `role:member`"),
        ("status" = Option<TaskStatus>, Query, description = "Tasks of this status"),
        ("from" = Option<NaiveDate>, Query, description = "Tasks running on or after this day"),
        ("to" = Option<NaiveDate>, Query, description = "Tasks running on or before this day"),
        ("overdue" = Option<String>, Query, description = "Any value: overdue tasks only"),
    ),
    responses(
        (status = 200, body = WorkplanEntry),
        (status = 400, description = "A filter is malformed; the detail names it"),
        (status = 404, description = "No such group, or not visible to the caller"),
    ))]
pub async fn show(
    me: ApiUser,
    state: web::Data<AppState>,
    group: web::Path<i64>,
    req: HttpRequest,
) -> AppResult<HttpResponse> {
    let group = *group;
    let query: WorkplanQuery = query_string(&req)?;
    let mut conn = state.conn().await?;
    let standing = authorize(&mut conn, &me.user, group, Action::View).await?;
    let filter = Filter::parse(&Locale::default(), &query, today())?;
    let tree = groups::subtree_ids(&mut conn, group).await?;
    let areas = workplan::areas_of(&mut conn, &tree).await?;
    let shown = everything(&mut conn, &filter, areas, group).await?;
    Ok(HttpResponse::Ok().json(WorkplanEntry {
        group_id: group,
        areas: area_entries(&mut conn, &me.user, standing, shown).await?,
    }))
}

/// One area with its tasks
#[utoipa::path(get, path = "/api/v1/workplan/areas/{id}", operation_id = "get_workplan_area", tag = "workplan",
    params(("id" = i64, Path, description = "The area's id")),
    responses((status = 200, body = AreaEntry), (status = 404, description = "No such area, or its group is not visible to the caller")))]
pub async fn show_area(me: ApiUser, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    Ok(HttpResponse::Ok().json(area_entry(&mut conn, &me.user, *id).await?))
}

/// Add an area at the end of the group's workplan
#[utoipa::path(post, path = "/api/v1/groups/{id}/workplan/areas", operation_id = "create_workplan_area", tag = "workplan", request_body = NewAreaBody,
    params(("id" = i64, Path, description = "The group's id")),
    responses(
        (status = 201, body = AreaEntry, description = "Created; `Location` names it"),
        (status = 403, description = "The caller may not keep this group's workplan"),
        (status = 404, description = "No such group, or not visible to the caller"),
        (status = 422, description = "The name is missing, too long or another area's"),
    ))]
pub async fn create_area(
    me: ApiUser,
    state: web::Data<AppState>,
    group: web::Path<i64>,
    body: ApiJson<NewAreaBody>,
) -> AppResult<HttpResponse> {
    let group = *group;
    let mut conn = state.conn().await?;
    authorize(&mut conn, &me.user, group, Action::EditWorkplan).await?;
    let name = check_area_name(&mut conn, group, &body.0.name, None)
        .await?
        .map_err(|problem| invalid("name", &Locale::default().t(problem)))?;
    let id = workplan::create_area(&mut conn, group, &name).await?;
    Ok(created(
        &format!("/api/v1/workplan/areas/{id}"),
        &area_entry(&mut conn, &me.user, id).await?,
    ))
}

/// Rename an area or move it to another place in its workplan
#[utoipa::path(patch, path = "/api/v1/workplan/areas/{id}", operation_id = "update_workplan_area", tag = "workplan", request_body = AreaChanges,
    params(("id" = i64, Path, description = "The area's id")),
    responses(
        (status = 200, body = AreaEntry, description = "The area as it is now"),
        (status = 403, description = "The caller may not keep this group's workplan"),
        (status = 404, description = "No such area, or its group is not visible to the caller"),
        (status = 422, description = "The name is empty, too long or another area's, or the position is not a number from 0"),
    ))]
pub async fn update_area(
    me: ApiUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    body: ApiJson<AreaChanges>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let area = workplan::find_area(&mut conn, *id).await?;
    authorize(&mut conn, &me.user, area.group_id, Action::EditWorkplan).await?;
    let ApiJson(changes) = body;
    let index = match changes.position.map(usize::try_from) {
        Some(Err(_)) => return Err(invalid("position", &Locale::default().t("invalid-position"))),
        Some(Ok(index)) => Some(index),
        None => None,
    };
    let name = match &changes.name {
        Some(name) => Some(
            check_area_name(&mut conn, area.group_id, name, Some(area.id))
                .await?
                .map_err(|problem| invalid("name", &Locale::default().t(problem)))?,
        ),
        None => None,
    };
    if let Some(name) = name {
        workplan::rename_area(&mut conn, area.id, &name).await?;
    }
    if let Some(index) = index {
        workplan::place_area(&mut conn, &area, index).await?;
    }
    Ok(HttpResponse::Ok().json(area_entry(&mut conn, &me.user, area.id).await?))
}

/// Delete an area with all its tasks
///
/// The deletion, with the names of the tasks that went, is kept in the audit log.
#[utoipa::path(delete, path = "/api/v1/workplan/areas/{id}", operation_id = "delete_workplan_area", tag = "workplan",
    params(("id" = i64, Path, description = "The area's id")),
    responses(
        (status = 204, description = "Deleted, with its tasks"),
        (status = 403, description = "The caller may not keep this group's workplan"),
        (status = 404, description = "No such area, or its group is not visible to the caller"),
    ))]
pub async fn delete_area(me: ApiUser, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let area = workplan::find_area(&mut conn, *id).await?;
    authorize(&mut conn, &me.user, area.group_id, Action::EditWorkplan).await?;
    workplan::delete_area(&mut conn, &area, me.user.id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// One task
#[utoipa::path(get, path = "/api/v1/workplan/tasks/{id}", operation_id = "get_workplan_task", tag = "workplan",
    params(("id" = i64, Path, description = "The task's id")),
    responses((status = 200, body = TaskEntry), (status = 404, description = "No such task, or its group is not visible to the caller")))]
pub async fn show_task(me: ApiUser, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    Ok(HttpResponse::Ok().json(task_entry(&mut conn, &me.user, *id).await?))
}

/// Add a task at the end of one of the group's areas
///
/// Nothing is written unless every field is right.
#[utoipa::path(post, path = "/api/v1/groups/{id}/workplan/tasks", operation_id = "create_workplan_task", tag = "workplan", request_body = TaskBody,
    params(("id" = i64, Path, description = "The group's id")),
    responses(
        (status = 201, body = TaskEntry, description = "Created; `Location` names it"),
        (status = 403, description = "The caller may not keep this group's workplan"),
        (status = 404, description = "No such group, or not visible to the caller"),
        (status = 422, description = "A field is missing or malformed (a date that does not exist, an end before the start), an owner is not on offer, or an area, action point or meeting is not the group's; the detail names every such field"),
    ))]
pub async fn create_task(
    me: ApiUser,
    state: web::Data<AppState>,
    group: web::Path<i64>,
    body: ApiJson<TaskBody>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    authorize(&mut conn, &me.user, *group, Action::EditWorkplan).await?;
    let group = groups::find(&mut conn, *group).await?;
    let choices = TaskChoices::load(&mut conn, &Locale::default(), &me.user, &group).await?;
    let mut form = TaskForm::default();
    body.0.apply_to(&mut form);
    let mut problems = Problems::default();
    let id = save_task(&mut conn, &choices, None, &form, &mut problems)
        .await?
        .ok_or_else(|| refused(&problems))?;
    Ok(created(
        &format!("/api/v1/workplan/tasks/{id}"),
        &task_entry(&mut conn, &me.user, id).await?,
    ))
}

/// Change a task: the fields given, the others as they are
///
/// Links to restricted action points the caller may not see are kept. Nothing is
/// written unless every field is right.
#[utoipa::path(patch, path = "/api/v1/workplan/tasks/{id}", operation_id = "update_workplan_task", tag = "workplan", request_body = TaskBody,
    params(("id" = i64, Path, description = "The task's id")),
    responses(
        (status = 200, body = TaskEntry, description = "The task as it is now"),
        (status = 403, description = "The caller may not keep this group's workplan"),
        (status = 404, description = "No such task, or its group is not visible to the caller"),
        (status = 422, description = "A field is malformed, or names what the group does not offer; the detail names every such field"),
    ))]
pub async fn update_task(
    me: ApiUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    body: ApiJson<TaskBody>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (task, area) = workplan::find_task(&mut conn, *id).await?;
    authorize(&mut conn, &me.user, area.group_id, Action::EditWorkplan).await?;
    let group = groups::find(&mut conn, area.group_id).await?;
    let choices = TaskChoices::load(&mut conn, &Locale::default(), &me.user, &group).await?;
    let mut form = task_form_of(&mut conn, &task, &choices).await?;
    body.0.apply_to(&mut form);
    let mut problems = Problems::default();
    save_task(&mut conn, &choices, Some(&task), &form, &mut problems)
        .await?
        .ok_or_else(|| refused(&problems))?;
    Ok(HttpResponse::Ok().json(task_entry(&mut conn, &me.user, task.id).await?))
}

/// Delete a task with its responsible parties and links
///
/// The deletion is kept in the audit log.
#[utoipa::path(delete, path = "/api/v1/workplan/tasks/{id}", operation_id = "delete_workplan_task", tag = "workplan",
    params(("id" = i64, Path, description = "The task's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "The caller may not keep this group's workplan"),
        (status = 404, description = "No such task, or its group is not visible to the caller"),
    ))]
pub async fn delete_task(me: ApiUser, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (task, area) = workplan::find_task(&mut conn, *id).await?;
    authorize(&mut conn, &me.user, area.group_id, Action::EditWorkplan).await?;
    workplan::delete_task(&mut conn, &task, &area, me.user.id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_patch_replaces_only_the_fields_given_and_null_clears_a_date() {
        let mut form = TaskForm {
            title: "Map services".into(),
            start_date: "2014-06-01".into(),
            end_date: "2014-06-30".into(),
            owners: vec!["role:member".into()],
            ..TaskForm::default()
        };
        let body: TaskBody =
            super::super::input::parse(br#"{"end_date": null, "status": "delayed", "meeting_ids": [4]}"#).unwrap();
        body.apply_to(&mut form);
        assert_eq!(form.title, "Map services");
        assert_eq!(form.start_date, "2014-06-01");
        assert_eq!(form.end_date, "");
        assert_eq!(form.status, "delayed");
        assert_eq!(form.owners, ["role:member"]);
        assert_eq!(form.meetings, ["4"]);
    }

    #[test]
    fn refusals_name_the_json_fields() {
        let mut problems = Problems::default();
        problems.add("column-end-date", "invalid-date");
        problems.add("workplan-linked-meetings", "invalid-link-elsewhere");
        let detail = refused(&problems).to_string();
        assert!(
            detail.starts_with("end_date: This is not a date.; meeting_ids: "),
            "{detail}"
        );
    }
}
