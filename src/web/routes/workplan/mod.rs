//! The workplan: the table with its filters and sub-groups' tasks, the timeline, and
//! editing areas and tasks.

pub mod area_create;
pub mod area_move;
pub mod area_rename;
pub mod sheets;
pub mod show;
pub mod task_create;
pub mod task_edit;
pub mod task_status;
pub mod timeline;

use chrono::NaiveDate;
use diesel_async::AsyncPgConnection;

use crate::domain::owners::{self, Owner};
use crate::domain::policy::Action;
use crate::domain::{TaskStatus, validate};
use crate::i18n::Locale;
use crate::models::groups::{self, Group};
use crate::models::users::User;
use crate::models::workplan::{self, Area};
use crate::web::auth::authorize;
use crate::web::error::AppResult;
use crate::web::views::forms::Problems;
use crate::web::views::workplan::TaskForm;

/// A group whose workplan the user may edit, with its ancestors for the crumbs.
pub async fn editable_group(conn: &mut AsyncPgConnection, user: &User, id: i64) -> AppResult<(Group, Vec<Group>)> {
    authorize(conn, user, id, Action::EditWorkplan).await?;
    let group = groups::find(conn, id).await?;
    let ancestors = groups::ancestors(conn, id).await?;
    Ok((group, ancestors))
}

/// A task form's values once checked.
pub struct CheckedTask {
    pub area_id: i64,
    pub title: String,
    pub owners: Vec<Owner>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub status: TaskStatus,
    pub progress_note: String,
    pub comments: String,
}

impl CheckedTask {
    pub fn fields(&self) -> workplan::TaskFields<'_> {
        workplan::TaskFields {
            area_id: self.area_id,
            title: &self.title,
            start_date: self.start_date,
            end_date: self.end_date,
            status: self.status,
            progress_note: &self.progress_note,
            comments: &self.comments,
            owners: &self.owners,
        }
    }
}

/// Checks a task form against the group's areas and who it offers as responsible;
/// notes every problem found.
pub fn check_task(form: &TaskForm, areas: &[Area], offered: &[Owner], problems: &mut Problems) -> Option<CheckedTask> {
    let area_id = problems.check(
        "column-area",
        form.area
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|id| areas.iter().any(|a| a.id == *id))
            .ok_or("invalid-choice"),
    );
    let title = problems.check("column-task", validate::required(&form.title, 500));
    let owners = problems.check("column-responsible", owners::check(&form.owners, offered));
    let start = problems.check("column-start-date", validate::optional_date(&form.start_date));
    let end = problems.check("column-end-date", validate::optional_date(&form.end_date));
    let status = problems.check(
        "column-status",
        match form.status.trim() {
            "" => Ok(TaskStatus::NotStarted),
            value => value.parse::<TaskStatus>().map_err(|_| "invalid-choice"),
        },
    );
    let note = problems.check("workplan-progress-note", validate::optional(&form.progress_note, 4000));
    let comments = problems.check("column-comments", validate::optional(&form.comments, 4000));
    if let (Some(Some(s)), Some(Some(e))) = (start, end)
        && e < s
    {
        problems.add("column-end-date", "invalid-task-order");
    }
    if !problems.is_empty() {
        return None;
    }
    Some(CheckedTask {
        area_id: area_id?,
        title: title?,
        owners: owners?,
        start_date: start?,
        end_date: end?,
        status: status?,
        progress_note: note?.unwrap_or_default(),
        comments: comments?.unwrap_or_default(),
    })
}

/// The group's areas as select options.
pub fn area_options(areas: &[Area]) -> Vec<(String, String)> {
    areas.iter().map(|a| (a.id.to_string(), a.name.clone())).collect()
}

/// Owners on offer as select options, roles first.
pub async fn owner_options(
    conn: &mut AsyncPgConnection,
    locale: &Locale,
    group_id: i64,
) -> AppResult<Vec<(Owner, String)>> {
    super::action_points::owners_on_offer(conn, locale, group_id).await
}
