use chrono::NaiveDate;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Serialize;

use crate::domain::TaskStatus;
use crate::schema::{workplan_areas, workplan_tasks};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable, Serialize)]
#[diesel(table_name = workplan_areas)]
pub struct Area {
    pub id: i64,
    pub group_id: i64,
    pub name: String,
    pub position: i32,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = workplan_areas)]
pub struct NewArea<'a> {
    pub group_id: i64,
    pub name: &'a str,
    pub position: i32,
}

impl NewArea<'_> {
    pub async fn find_or_create(&self, conn: &mut AsyncPgConnection) -> QueryResult<i64> {
        let existing = workplan_areas::table
            .filter(workplan_areas::group_id.eq(self.group_id))
            .filter(workplan_areas::name.eq(self.name))
            .select(workplan_areas::id)
            .first(conn)
            .await
            .optional()?;
        match existing {
            Some(id) => Ok(id),
            None => {
                diesel::insert_into(workplan_areas::table)
                    .values(self)
                    .returning(workplan_areas::id)
                    .get_result(conn)
                    .await
            }
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable, Serialize)]
#[diesel(table_name = workplan_tasks)]
pub struct Task {
    pub id: i64,
    pub area_id: i64,
    pub position: i32,
    pub title: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub status: TaskStatus,
    pub progress_note: String,
    pub comments: String,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = workplan_tasks)]
pub struct NewTask<'a> {
    pub area_id: i64,
    pub position: i32,
    pub title: &'a str,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub status: TaskStatus,
    pub comments: &'a str,
}

impl NewTask<'_> {
    /// Inserts the task unless its area already has one of that title; returns the
    /// new id, or `None` when it existed.
    pub async fn insert_if_missing(&self, conn: &mut AsyncPgConnection) -> QueryResult<Option<i64>> {
        diesel::insert_into(workplan_tasks::table)
            .values(self)
            .on_conflict((workplan_tasks::area_id, workplan_tasks::title))
            .do_nothing()
            .returning(workplan_tasks::id)
            .get_result(conn)
            .await
            .optional()
    }
}

/// The group's areas in order, and their tasks in order.
pub async fn for_group(conn: &mut AsyncPgConnection, group_id: i64) -> QueryResult<Vec<(Area, Vec<Task>)>> {
    let areas: Vec<Area> = workplan_areas::table
        .filter(workplan_areas::group_id.eq(group_id))
        .order(workplan_areas::position)
        .select(Area::as_select())
        .load(conn)
        .await?;
    let area_ids: Vec<i64> = areas.iter().map(|a| a.id).collect();
    let tasks: Vec<Task> = workplan_tasks::table
        .filter(workplan_tasks::area_id.eq_any(&area_ids))
        .order((workplan_tasks::area_id, workplan_tasks::position))
        .select(Task::as_select())
        .load(conn)
        .await?;
    Ok(areas
        .into_iter()
        .map(|area| {
            let own: Vec<Task> = tasks.iter().filter(|t| t.area_id == area.id).cloned().collect();
            (area, own)
        })
        .collect())
}

/// The workplans of several groups, one after the other in the order given.
pub async fn for_groups(conn: &mut AsyncPgConnection, group_ids: &[i64]) -> QueryResult<Vec<(Area, Vec<Task>)>> {
    let mut all = Vec::new();
    for group_id in group_ids {
        all.extend(for_group(conn, *group_id).await?);
    }
    Ok(all)
}

pub async fn find_area(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<Area> {
    workplan_areas::table
        .find(id)
        .select(Area::as_select())
        .first(conn)
        .await
}

pub async fn find_task(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<(Task, Area)> {
    let task: Task = workplan_tasks::table
        .find(id)
        .select(Task::as_select())
        .first(conn)
        .await?;
    let area = find_area(conn, task.area_id).await?;
    Ok((task, area))
}

pub async fn areas(conn: &mut AsyncPgConnection, group_id: i64) -> QueryResult<Vec<Area>> {
    workplan_areas::table
        .filter(workplan_areas::group_id.eq(group_id))
        .order(workplan_areas::position)
        .select(Area::as_select())
        .load(conn)
        .await
}

/// Whether the group already has an area of that name, other than `except`.
pub async fn area_name_taken(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    name: &str,
    except: Option<i64>,
) -> QueryResult<bool> {
    let ids: Vec<i64> = workplan_areas::table
        .filter(workplan_areas::group_id.eq(group_id))
        .filter(workplan_areas::name.eq(name))
        .select(workplan_areas::id)
        .load(conn)
        .await?;
    Ok(ids.iter().any(|id| Some(*id) != except))
}

/// Adds an area after the group's last one.
pub async fn create_area(conn: &mut AsyncPgConnection, group_id: i64, name: &str) -> QueryResult<i64> {
    let last: Option<i32> = workplan_areas::table
        .filter(workplan_areas::group_id.eq(group_id))
        .select(diesel::dsl::max(workplan_areas::position))
        .first(conn)
        .await?;
    diesel::insert_into(workplan_areas::table)
        .values(&NewArea {
            group_id,
            name,
            position: last.map_or(0, |p| p + 1),
        })
        .returning(workplan_areas::id)
        .get_result(conn)
        .await
}

pub async fn rename_area(conn: &mut AsyncPgConnection, id: i64, name: &str) -> QueryResult<()> {
    diesel::update(workplan_areas::table.find(id))
        .set(workplan_areas::name.eq(name))
        .execute(conn)
        .await?;
    Ok(())
}

/// Swaps the area with its neighbour above (`up`) or below; at either end nothing moves.
pub async fn move_area(conn: &mut AsyncPgConnection, area: &Area, up: bool) -> QueryResult<()> {
    use diesel_async::AsyncConnection;
    let group_areas = areas(conn, area.group_id).await?;
    let Some(index) = group_areas.iter().position(|a| a.id == area.id) else {
        return Ok(());
    };
    let other = if up {
        index.checked_sub(1).and_then(|i| group_areas.get(i))
    } else {
        group_areas.get(index + 1)
    };
    let Some(other) = other.cloned() else {
        return Ok(());
    };
    let (this_id, this_pos) = (area.id, area.position);
    conn.transaction::<_, diesel::result::Error, _>(async |conn| {
        diesel::sql_query("SET CONSTRAINTS workplan_areas_group_position_key DEFERRED")
            .execute(conn)
            .await?;
        diesel::update(workplan_areas::table.find(this_id))
            .set(workplan_areas::position.eq(other.position))
            .execute(conn)
            .await?;
        diesel::update(workplan_areas::table.find(other.id))
            .set(workplan_areas::position.eq(this_pos))
            .execute(conn)
            .await?;
        Ok(())
    })
    .await
}

/// A task's fields as checked from a form.
#[derive(Debug)]
pub struct TaskFields<'a> {
    pub area_id: i64,
    pub title: &'a str,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub status: TaskStatus,
    pub progress_note: &'a str,
    pub comments: &'a str,
    pub owners: &'a [crate::domain::owners::Owner],
}

/// Whether the area already has a task of that title, other than `except`.
pub async fn task_title_taken(
    conn: &mut AsyncPgConnection,
    area_id: i64,
    title: &str,
    except: Option<i64>,
) -> QueryResult<bool> {
    let ids: Vec<i64> = workplan_tasks::table
        .filter(workplan_tasks::area_id.eq(area_id))
        .filter(workplan_tasks::title.eq(title))
        .select(workplan_tasks::id)
        .load(conn)
        .await?;
    Ok(ids.iter().any(|id| Some(*id) != except))
}

async fn next_task_position(conn: &mut AsyncPgConnection, area_id: i64) -> QueryResult<i32> {
    let last: Option<i32> = workplan_tasks::table
        .filter(workplan_tasks::area_id.eq(area_id))
        .select(diesel::dsl::max(workplan_tasks::position))
        .first(conn)
        .await?;
    Ok(last.map_or(0, |p| p + 1))
}

async fn replace_owners(
    conn: &mut AsyncPgConnection,
    task_id: i64,
    owners: &[crate::domain::owners::Owner],
) -> QueryResult<()> {
    use crate::schema::workplan_task_owners;
    diesel::delete(workplan_task_owners::table.filter(workplan_task_owners::task_id.eq(task_id)))
        .execute(conn)
        .await?;
    for owner in owners {
        super::owners::add(conn, super::owners::OwnerTable::WorkplanTasks, task_id, *owner).await?;
    }
    Ok(())
}

/// Adds the task at the end of its area, with its responsible parties, all or nothing.
pub async fn create_task(conn: &mut AsyncPgConnection, fields: &TaskFields<'_>) -> QueryResult<i64> {
    use diesel_async::AsyncConnection;
    conn.transaction::<_, diesel::result::Error, _>(async |conn| {
        let position = next_task_position(conn, fields.area_id).await?;
        let id: i64 = diesel::insert_into(workplan_tasks::table)
            .values((
                workplan_tasks::area_id.eq(fields.area_id),
                workplan_tasks::position.eq(position),
                workplan_tasks::title.eq(fields.title),
                workplan_tasks::start_date.eq(fields.start_date),
                workplan_tasks::end_date.eq(fields.end_date),
                workplan_tasks::status.eq(fields.status),
                workplan_tasks::progress_note.eq(fields.progress_note),
                workplan_tasks::comments.eq(fields.comments),
            ))
            .returning(workplan_tasks::id)
            .get_result(conn)
            .await?;
        replace_owners(conn, id, fields.owners).await?;
        Ok(id)
    })
    .await
}

/// Changes every field of the task and replaces its responsible parties; a task moved
/// to another area goes to its end.
pub async fn update_task(conn: &mut AsyncPgConnection, task: &Task, fields: &TaskFields<'_>) -> QueryResult<()> {
    use diesel_async::AsyncConnection;
    let (task_id, old_area, old_position) = (task.id, task.area_id, task.position);
    conn.transaction::<_, diesel::result::Error, _>(async |conn| {
        let position = if fields.area_id == old_area {
            old_position
        } else {
            next_task_position(conn, fields.area_id).await?
        };
        diesel::update(workplan_tasks::table.find(task_id))
            .set((
                workplan_tasks::area_id.eq(fields.area_id),
                workplan_tasks::position.eq(position),
                workplan_tasks::title.eq(fields.title),
                workplan_tasks::start_date.eq(fields.start_date),
                workplan_tasks::end_date.eq(fields.end_date),
                workplan_tasks::status.eq(fields.status),
                workplan_tasks::progress_note.eq(fields.progress_note),
                workplan_tasks::comments.eq(fields.comments),
                workplan_tasks::updated_at.eq(diesel::dsl::now),
            ))
            .execute(conn)
            .await?;
        replace_owners(conn, task_id, fields.owners).await?;
        Ok(())
    })
    .await
}

pub async fn set_status(conn: &mut AsyncPgConnection, task_id: i64, status: TaskStatus, note: &str) -> QueryResult<()> {
    diesel::update(workplan_tasks::table.find(task_id))
        .set((
            workplan_tasks::status.eq(status),
            workplan_tasks::progress_note.eq(note),
            workplan_tasks::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}
