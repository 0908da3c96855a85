//! The task form, for a new task of a group or to edit one.

use diesel_async::AsyncPgConnection;
use maud::Markup;

use super::{TaskChoices, area_options, editable_group, save_task, task_form_of};
use crate::models::groups::Group;
use crate::models::workplan::{self, Task};
use crate::web::auth::{PageContext, SignedIn};
use crate::web::error::AppResult;
use crate::web::routes::form::FormPage;
use crate::web::views::forms::Problems;
use crate::web::views::groups::crumbs_to;
use crate::web::views::workplan::{TaskForm, TaskPage, task_form};

pub struct TaskEditor {
    /// `None` for a new task.
    task: Option<Task>,
    /// The area a new task's form starts in.
    area: String,
    group: Group,
    ancestors: Vec<Group>,
    choices: TaskChoices,
}

impl TaskEditor {
    pub async fn new_in(
        conn: &mut AsyncPgConnection,
        me: &SignedIn,
        group_id: i64,
        area: String,
    ) -> AppResult<TaskEditor> {
        let mut editor = TaskEditor::load(conn, me, None, group_id).await?;
        editor.area = area;
        Ok(editor)
    }

    /// The task, checked against its own area's group.
    pub async fn of(conn: &mut AsyncPgConnection, me: &SignedIn, task_id: i64) -> AppResult<TaskEditor> {
        let (task, area) = workplan::find_task(conn, task_id).await?;
        TaskEditor::load(conn, me, Some(task), area.group_id).await
    }

    async fn load(
        conn: &mut AsyncPgConnection,
        me: &SignedIn,
        task: Option<Task>,
        group_id: i64,
    ) -> AppResult<TaskEditor> {
        let (group, ancestors) = editable_group(conn, me.user(), group_id).await?;
        let choices = TaskChoices::load(conn, &me.ctx.locale, me.user(), &group).await?;
        Ok(TaskEditor {
            task,
            area: String::new(),
            group,
            ancestors,
            choices,
        })
    }
}

impl FormPage for TaskEditor {
    type Fields = TaskForm;

    async fn stored(&self, conn: &mut AsyncPgConnection) -> AppResult<TaskForm> {
        match &self.task {
            Some(task) => task_form_of(conn, task, &self.choices).await,
            None => Ok(TaskForm {
                area: self.area.clone(),
                ..TaskForm::default()
            }),
        }
    }

    fn render(&self, ctx: &PageContext, fields: &TaskForm, problems: &Problems) -> Markup {
        let locale = &ctx.locale;
        let (title, action, task_path) = match &self.task {
            None => (
                locale.t_args(
                    "workplan-new-task-title",
                    &[("group", self.group.short_name.as_str().into())],
                ),
                format!("/groups/{}/workplan/tasks", self.group.id),
                None,
            ),
            Some(task) => {
                let path = format!("/workplan/tasks/{}", task.id);
                (locale.t("workplan-edit-task"), path.clone(), Some(path))
            }
        };
        let page = TaskPage {
            title,
            crumbs: crumbs_to(&self.ancestors, &self.group),
            action,
            fields,
            problems,
            areas: &area_options(&self.choices.areas),
            owners: &self.choices.owner_options(),
            action_points: &self.choices.action_point_options(),
            meetings: &self.choices.meeting_options(),
            task_path,
        };
        task_form(ctx, &page)
    }

    /// Adds the task at the end of its area, or changes it; links to restricted action
    /// points the editor cannot see are kept as they were.
    async fn save(
        &self,
        _: &SignedIn,
        conn: &mut AsyncPgConnection,
        fields: &TaskForm,
        problems: &mut Problems,
    ) -> AppResult<Option<String>> {
        let saved = save_task(conn, &self.choices, self.task.as_ref(), fields, problems).await?;
        Ok(saved.map(|id| match self.task {
            None => format!("/groups/{}/workplan", self.group.id),
            Some(_) => format!("/groups/{}/workplan#task-{id}", self.group.id),
        }))
    }
}
