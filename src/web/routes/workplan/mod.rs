//! The workplan: the table with its filters and sub-groups' tasks, the timeline, and
//! editing areas and tasks.

pub mod area_create;
pub mod area_delete;
pub mod area_form;
pub mod area_move;
pub mod area_rename;
pub mod sheets;
pub mod show;
pub mod task_create;
pub mod task_delete;
pub mod task_edit;
pub mod task_form;
pub mod task_status;
pub mod timeline;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use diesel_async::AsyncPgConnection;
use serde::Deserialize;

use crate::domain::owners::{self, Owner};
use crate::domain::policy::{Action, Standing};
use crate::domain::workplan::is_workplan_item;
use crate::domain::{TaskStatus, validate};
use crate::i18n::Locale;
use crate::models::groups::{self, Group};
use crate::models::meetings::{self, AgendaItem, Meeting};
use crate::models::owners::{self as owner_model, OwnerTable};
use crate::models::users::User;
use crate::models::workplan::{self, Area, Task};
use crate::web::auth::{PageContext, authorize};
use crate::web::error::AppResult;
use crate::web::routes::action_points::hidden_restricted;
use crate::web::views::forms::Problems;
use crate::web::views::workplan::{LinkLabels, MeetingWorkplan, TaskForm, meeting_section};
use crate::web::views::{local_date, short_date};

/// A deletion's form after its confirmation page: only its CSRF token matters.
#[derive(Deserialize)]
pub struct Confirmation {}

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
    pub action_point_ids: Vec<i64>,
    pub meeting_ids: Vec<i64>,
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
            action_point_ids: &self.action_point_ids,
            meeting_ids: &self.meeting_ids,
        }
    }
}

/// What a task of a group may be given: the group's areas, who may be responsible,
/// the action points it may serve (the group's and its sub-groups', restricted ones
/// only for those who may see them) and the group's meetings, each with its label.
pub struct TaskChoices {
    pub areas: Vec<Area>,
    pub owners: Vec<(Owner, String)>,
    pub action_points: Vec<(i64, String)>,
    pub meetings: Vec<(i64, String)>,
    /// Restricted action points of the group's tree this user may not see: links to
    /// them are neither offered nor dropped by this user's changes.
    pub unseen_action_points: HashSet<i64>,
}

impl TaskChoices {
    pub async fn load(conn: &mut AsyncPgConnection, locale: &Locale, user: &User, group: &Group) -> AppResult<Self> {
        // The caller has checked the right to edit; the standing decides which
        // restricted items this user sees.
        let standing = authorize(conn, user, group.id, Action::View).await?;
        let tree = groups::subtree_ids(conn, group.id).await?;
        let short_names: HashMap<i64, String> = groups::short_names(conn, &tree).await?.into_iter().collect();
        let items = crate::models::action_points::for_groups(conn, &tree).await?;
        let restricted: Vec<i64> = items.iter().filter(|a| a.restricted).map(|a| a.id).collect();
        let unseen = hidden_restricted(conn, user, standing, &restricted).await?;
        let action_points = items
            .iter()
            .filter(|a| !unseen.contains(&a.id))
            .map(|a| {
                let number = action_point_label(locale, group.id, a.group_id, a.number, &short_names);
                (a.id, format!("{number}: {} — {}", a.topic, shorten(&a.text, 80)))
            })
            .collect();
        let meetings = meetings::for_group(conn, group.id)
            .await?
            .into_iter()
            .map(|m| {
                (
                    m.id,
                    format!("{} — {}", local_date(locale, m.starts_at, group.tz()), m.title),
                )
            })
            .collect();
        Ok(TaskChoices {
            areas: workplan::areas(conn, group.id).await?,
            owners: owner_options(conn, locale, group.id).await?,
            action_points,
            meetings,
            unseen_action_points: unseen,
        })
    }

    /// The links to restricted action points that `task` has and this user cannot see.
    pub async fn unseen_links_of(&self, conn: &mut AsyncPgConnection, task: &Task) -> AppResult<Vec<i64>> {
        let (linked, _) = workplan::links(conn, &[task.id]).await?;
        Ok(linked
            .iter()
            .map(|l| l.id)
            .filter(|id| self.unseen_action_points.contains(id))
            .collect())
    }

    fn as_options(choices: &[(i64, String)]) -> Vec<(String, String)> {
        choices
            .iter()
            .map(|(id, label)| (id.to_string(), label.clone()))
            .collect()
    }

    pub fn owner_options(&self) -> Vec<(String, String)> {
        self.owners.iter().map(|(o, l)| (o.key(), l.clone())).collect()
    }

    pub fn action_point_options(&self) -> Vec<(String, String)> {
        Self::as_options(&self.action_points)
    }

    pub fn meeting_options(&self) -> Vec<(String, String)> {
        Self::as_options(&self.meetings)
    }
}

fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// "AP #3", or "PSS TF AP #3" for an item of a sub-group, whose numbers are its own.
fn action_point_label(
    locale: &Locale,
    page_group: i64,
    item_group: i64,
    number: i32,
    short_names: &HashMap<i64, String>,
) -> String {
    let label = locale.t_args("workplan-action-point-number", &[("number", number.into())]);
    match short_names.get(&item_group) {
        Some(short) if item_group != page_group => format!("{short} {label}"),
        _ => label,
    }
}

/// Ids chosen in a multiple select, each one of those offered.
fn check_ids(chosen: &[String], offered: &[(i64, String)]) -> Result<Vec<i64>, &'static str> {
    let mut ids = Vec::new();
    for value in chosen.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        let id = value
            .parse::<i64>()
            .ok()
            .filter(|id| offered.iter().any(|(o, _)| o == id))
            .ok_or("invalid-link-elsewhere")?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// The link labels of the tasks' action points (restricted ones only for those who
/// may see them) and meetings, as the table of `group` shows them; `short_names` are
/// those of the group's tree, for the action points of the groups below it.
pub async fn link_labels(
    conn: &mut AsyncPgConnection,
    locale: &Locale,
    user: &User,
    standing: Standing,
    group: &Group,
    short_names: &HashMap<i64, String>,
    task_ids: &[i64],
) -> AppResult<LinkLabels> {
    let (linked_items, linked_meetings) = workplan::links(conn, task_ids).await?;
    let restricted: Vec<i64> = linked_items.iter().filter(|l| l.restricted).map(|l| l.id).collect();
    let unseen = hidden_restricted(conn, user, standing, &restricted).await?;
    let mut labels = LinkLabels::default();
    for item in linked_items.iter().filter(|l| !unseen.contains(&l.id)) {
        let label = action_point_label(locale, group.id, item.group_id, item.number, short_names);
        labels
            .action_points
            .entry(item.task_id)
            .or_default()
            .push((item.id, label, item.topic.clone()));
    }
    for meeting in linked_meetings {
        let day = short_date(locale, meeting.starts_at.with_timezone(&group.tz()).date_naive());
        labels
            .meetings
            .entry(meeting.task_id)
            .or_default()
            .push((meeting.id, day));
    }
    Ok(labels)
}

/// The meeting page's workplan item: the tasks due for review and those the meeting
/// discussed, placed under the agenda item about the workplan when there is one.
pub async fn meeting_workplan(
    conn: &mut AsyncPgConnection,
    ctx: &PageContext,
    meeting: &Meeting,
    agenda: &[AgendaItem],
) -> AppResult<MeetingWorkplan> {
    let due = workplan::meeting_agenda_tasks(conn, meeting).await?;
    let ids: Vec<i64> = due.iter().map(|t| t.task.id).collect();
    let named = owner_model::named(conn, OwnerTable::WorkplanTasks, &ids).await?;
    let discussed = workplan::tasks_for_meeting(conn, meeting.id).await?;
    let under_item = agenda
        .iter()
        .find(|item| is_workplan_item(&item.title))
        .map(|item| item.id);
    let markup = meeting_section(ctx, meeting.group_id, &due, &named, &discussed);
    Ok(MeetingWorkplan { under_item, markup })
}

/// Checks a task form against what the group offers (areas, responsible parties,
/// action points, meetings); notes every problem found.
fn check_task(form: &TaskForm, choices: &TaskChoices, problems: &mut Problems) -> Option<CheckedTask> {
    let area_id = problems.check(
        "column-area",
        form.area
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|id| choices.areas.iter().any(|a| a.id == *id))
            .ok_or("invalid-choice"),
    );
    let title = problems.check("column-task", validate::required(&form.title, 500));
    let offered: Vec<Owner> = choices.owners.iter().map(|(o, _)| *o).collect();
    let owners = problems.check("column-responsible", owners::check(&form.owners, &offered));
    let action_point_ids = problems.check(
        "workplan-linked-action-points",
        check_ids(&form.action_points, &choices.action_points),
    );
    let meeting_ids = problems.check("workplan-linked-meetings", check_ids(&form.meetings, &choices.meetings));
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
        action_point_ids: action_point_ids?,
        meeting_ids: meeting_ids?,
    })
}

/// Checks the form and, when all is right, adds the task at the end of its area or
/// changes `existing` (keeping its links to restricted action points the user cannot
/// see). Returns the task's id, or `None` with the problems noted and nothing written.
pub async fn save_task(
    conn: &mut AsyncPgConnection,
    choices: &TaskChoices,
    existing: Option<&Task>,
    form: &TaskForm,
    problems: &mut Problems,
) -> AppResult<Option<i64>> {
    let checked = check_task(form, choices, problems);
    let Some(mut task) = checked else {
        return Ok(None);
    };
    if workplan::task_title_taken(conn, task.area_id, &task.title, existing.map(|t| t.id)).await? {
        problems.add("column-task", "invalid-task-taken");
        return Ok(None);
    }
    match existing {
        None => Ok(Some(workplan::create_task(conn, &task.fields()).await?)),
        Some(existing) => {
            task.action_point_ids
                .extend(choices.unseen_links_of(conn, existing).await?);
            workplan::update_task(conn, existing, &task.fields()).await?;
            Ok(Some(existing.id))
        }
    }
}

/// An area's name once checked: given, not too long, and no other area's in the group.
pub async fn check_area_name(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    name: &str,
    except: Option<i64>,
) -> AppResult<Result<String, &'static str>> {
    let name = match validate::required(name, 200) {
        Ok(name) => name,
        Err(problem) => return Ok(Err(problem)),
    };
    if workplan::area_name_taken(conn, group_id, &name, except).await? {
        return Ok(Err("invalid-area-taken"));
    }
    Ok(Ok(name))
}

/// The task's fields as its form shows them, links to restricted action points the
/// editor may not see left out (they are kept on saving).
pub async fn task_form_of(conn: &mut AsyncPgConnection, task: &Task, choices: &TaskChoices) -> AppResult<TaskForm> {
    let named = owner_model::named(conn, OwnerTable::WorkplanTasks, &[task.id]).await?;
    let (items, meetings) = workplan::links(conn, &[task.id]).await?;
    Ok(TaskForm {
        area: task.area_id.to_string(),
        title: task.title.clone(),
        owners: named.iter().filter_map(|o| o.owner()).map(|o| o.key()).collect(),
        start_date: task.start_date.map(|d| d.to_string()).unwrap_or_default(),
        end_date: task.end_date.map(|d| d.to_string()).unwrap_or_default(),
        status: task.status.as_str().to_owned(),
        progress_note: task.progress_note.clone(),
        comments: task.comments.clone(),
        action_points: items
            .iter()
            .filter(|l| !choices.unseen_action_points.contains(&l.id))
            .map(|l| l.id.to_string())
            .collect(),
        meetings: meetings.iter().map(|m| m.id.to_string()).collect(),
    })
}

/// The group's areas as select options.
pub fn area_options(areas: &[Area]) -> Vec<(String, String)> {
    areas.iter().map(|a| (a.id.to_string(), a.name.clone())).collect()
}

/// Owners on offer, roles first.
async fn owner_options(
    conn: &mut AsyncPgConnection,
    locale: &Locale,
    group_id: i64,
) -> AppResult<Vec<(Owner, String)>> {
    super::action_points::owners_on_offer(conn, locale, group_id).await
}
