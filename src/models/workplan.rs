use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{BoxedSqlQuery, SqlQuery};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Serialize;

use crate::domain::TaskStatus;
use crate::domain::owners::Owner;
use crate::domain::workplan::Slice;
use crate::models::owners::NamedOwner;
use crate::schema::{
    action_points, audit_log, meetings, workplan_areas, workplan_task_action_points, workplan_task_meetings,
    workplan_tasks,
};

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

#[derive(Debug, Clone, Queryable, QueryableByName, Selectable, Identifiable, Serialize)]
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

/// The areas of the groups, in the groups' order and then their own.
pub async fn areas_of(conn: &mut AsyncPgConnection, group_ids: &[i64]) -> QueryResult<Vec<Area>> {
    let mut areas: Vec<Area> = workplan_areas::table
        .filter(workplan_areas::group_id.eq_any(group_ids))
        .select(Area::as_select())
        .load(conn)
        .await?;
    let rank: HashMap<i64, usize> = group_ids.iter().enumerate().map(|(i, g)| (*g, i)).collect();
    areas.sort_by_key(|a| (rank.get(&a.group_id).copied(), a.position));
    Ok(areas)
}

type TaskQuery<'a> =
    diesel::dsl::IntoBoxed<'a, diesel::dsl::Select<workplan_tasks::table, diesel::dsl::AsSelect<Task, Pg>>, Pg>;

fn tasks_query<'a>() -> TaskQuery<'a> {
    workplan_tasks::table.select(Task::as_select()).into_boxed()
}

/// The areas of the groups, in the groups' order and then their own, each with the
/// tasks of `tasks` it holds, in order.
async fn with_tasks(
    conn: &mut AsyncPgConnection,
    group_ids: &[i64],
    tasks: TaskQuery<'_>,
) -> QueryResult<Vec<(Area, Vec<Task>)>> {
    let areas = areas_of(conn, group_ids).await?;
    let area_ids: Vec<i64> = areas.iter().map(|a| a.id).collect();
    let tasks: Vec<Task> = tasks
        .filter(workplan_tasks::area_id.eq_any(area_ids))
        .order((workplan_tasks::area_id, workplan_tasks::position))
        .load(conn)
        .await?;
    let mut by_area: HashMap<i64, Vec<Task>> = HashMap::new();
    for task in tasks {
        by_area.entry(task.area_id).or_default().push(task);
    }
    Ok(areas
        .into_iter()
        .map(|area| {
            let own = by_area.remove(&area.id).unwrap_or_default();
            (area, own)
        })
        .collect())
}

/// Which tasks of a workplan a reader asks for; what is `None` or `false` lets every
/// task through.
#[derive(Debug, Default, Clone, Copy)]
pub struct TaskFilter {
    pub responsible: Option<Owner>,
    pub status: Option<TaskStatus>,
    /// Tasks running on or after this day (a task with one date runs that day; one
    /// without any runs on no day of a period).
    pub from: Option<NaiveDate>,
    /// Tasks running on or before this day.
    pub to: Option<NaiveDate>,
    /// Tasks overdue on this day: past their end date, neither completed nor cancelled.
    pub overdue_on: Option<NaiveDate>,
    /// Tasks with a start or an end date.
    pub dated: bool,
}

impl TaskFilter {
    /// Whether the filter leaves any task out.
    pub fn is_active(&self) -> bool {
        self.responsible.is_some()
            || self.status.is_some()
            || self.from.is_some()
            || self.to.is_some()
            || self.overdue_on.is_some()
            || self.dated
    }

    /// `query` (whose tasks are `t`) with the filter's conditions, each ` AND …`, their
    /// values bound from placeholder `$next` on. Only fixed text goes into the SQL.
    fn conditions<'a>(
        &self,
        mut query: BoxedSqlQuery<'a, Pg, SqlQuery>,
        mut next: usize,
    ) -> BoxedSqlQuery<'a, Pg, SqlQuery> {
        use diesel::sql_types::{BigInt, Date, Text};
        let mut placeholder = || {
            next += 1;
            next - 1
        };
        if let Some(owner) = self.responsible {
            let owned_by = |column: &str, n: usize| {
                format!(
                    " AND EXISTS (SELECT 1 FROM workplan_task_owners o WHERE o.task_id = t.id AND o.{column} = ${n})"
                )
            };
            let n = placeholder();
            query = match owner {
                Owner::User(id) => query.sql(owned_by("user_id", n)).bind::<BigInt, _>(id),
                Owner::Organization(id) => query.sql(owned_by("organization_id", n)).bind::<BigInt, _>(id),
                Owner::Group(id) => query.sql(owned_by("group_id", n)).bind::<BigInt, _>(id),
                Owner::Role(role) => query.sql(owned_by("role", n)).bind::<Text, _>(role.as_str()),
            };
        }
        if let Some(status) = self.status {
            query = query
                .sql(format!(" AND t.status = ${}", placeholder()))
                .bind::<Text, _>(status);
        }
        if let Some(from) = self.from {
            let n = placeholder();
            query = query
                .sql(format!(" AND coalesce(t.end_date, t.start_date) >= ${n}"))
                .bind::<Date, _>(from);
        }
        if let Some(to) = self.to {
            let n = placeholder();
            query = query
                .sql(format!(" AND coalesce(t.start_date, t.end_date) <= ${n}"))
                .bind::<Date, _>(to);
        }
        if let Some(today) = self.overdue_on {
            let n = placeholder();
            query = query
                .sql(format!(
                    " AND t.end_date < ${n} AND t.status NOT IN ('completed', 'cancelled')"
                ))
                .bind::<Date, _>(today);
        }
        if self.dated {
            query = query.sql(" AND (t.start_date IS NOT NULL OR t.end_date IS NOT NULL)");
        }
        query
    }
}

/// How many tasks of each of the areas the filter lets through, in the areas' order;
/// areas without any are left out. One statement, through the index of tasks by area.
pub async fn matching_counts(
    conn: &mut AsyncPgConnection,
    area_ids: &[i64],
    filter: &TaskFilter,
) -> QueryResult<Vec<(i64, i64)>> {
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        area_id: i64,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        tasks: i64,
    }
    if area_ids.is_empty() {
        return Ok(Vec::new());
    }
    let query =
        diesel::sql_query("SELECT t.area_id, count(*) AS tasks FROM workplan_tasks t WHERE t.area_id = ANY($1)")
            .into_boxed()
            .bind::<diesel::sql_types::Array<diesel::sql_types::BigInt>, _>(area_ids);
    let counts: Vec<Count> = filter
        .conditions(query, 2)
        .sql(" GROUP BY t.area_id")
        .load(conn)
        .await?;
    let by_area: HashMap<i64, i64> = counts.into_iter().map(|c| (c.area_id, c.tasks)).collect();
    Ok(area_ids
        .iter()
        .filter_map(|id| by_area.get(id).map(|n| (*id, *n)))
        .collect())
}

/// The tasks of the slices that the filter lets through, slice by slice, each in its
/// area's order: one statement that reads, per area, its tasks in order through the
/// index of tasks by area and position, and stops at the end of the slice.
pub async fn matching_tasks(
    conn: &mut AsyncPgConnection,
    slices: &[Slice],
    filter: &TaskFilter,
) -> QueryResult<Vec<Task>> {
    use diesel::sql_types::{Array, BigInt};
    if slices.is_empty() {
        return Ok(Vec::new());
    }
    let column = |f: fn(&Slice) -> i64| slices.iter().map(f).collect::<Vec<i64>>();
    let query = diesel::sql_query(
        "SELECT s.id, s.area_id, s.position, s.title, s.start_date, s.end_date, s.status, s.progress_note, s.comments \
         FROM unnest($1::bigint[], $2::bigint[], $3::bigint[]) WITH ORDINALITY AS p(area_id, skip, take, n) \
         CROSS JOIN LATERAL (SELECT t.* FROM workplan_tasks t WHERE t.area_id = p.area_id",
    )
    .into_boxed()
    .bind::<Array<BigInt>, _>(column(|s| s.area_id))
    .bind::<Array<BigInt>, _>(column(|s| s.skip))
    .bind::<Array<BigInt>, _>(column(|s| s.take));
    filter
        .conditions(query, 4)
        .sql(" ORDER BY t.position OFFSET p.skip LIMIT p.take) s ORDER BY p.n, s.position")
        .load(conn)
        .await
}

/// Everyone responsible for a task of the areas, each once, named (`owned_id` is one
/// of their tasks), in no particular order: read from the index of owners by area
/// alone.
pub async fn responsible_parties(conn: &mut AsyncPgConnection, area_ids: &[i64]) -> QueryResult<Vec<NamedOwner>> {
    super::owners::named_among(
        conn,
        "SELECT 0::bigint AS id, min(task_id) AS owned_id, user_id, organization_id, group_id, role \
         FROM workplan_task_owners WHERE area_id = ANY($1) GROUP BY user_id, organization_id, group_id, role",
        area_ids,
    )
    .await
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

/// Moves the area one place up (`up`) or down; at either end nothing moves.
pub async fn move_area(conn: &mut AsyncPgConnection, area: &Area, up: bool) -> QueryResult<()> {
    let group_areas = areas(conn, area.group_id).await?;
    let Some(index) = group_areas.iter().position(|a| a.id == area.id) else {
        return Ok(());
    };
    match (up, index) {
        (true, 0) => Ok(()),
        (true, i) => place_area(conn, area, i - 1).await,
        (false, i) => place_area(conn, area, i + 1).await,
    }
}

/// Puts the area at `index` (from 0; past the end means last) of the group's areas,
/// the others keeping their order.
pub async fn place_area(conn: &mut AsyncPgConnection, area: &Area, index: usize) -> QueryResult<()> {
    use diesel_async::AsyncConnection;
    let mut order: Vec<i64> = areas(conn, area.group_id)
        .await?
        .iter()
        .map(|a| a.id)
        .filter(|id| *id != area.id)
        .collect();
    order.insert(index.min(order.len()), area.id);
    conn.transaction::<_, diesel::result::Error, _>(async |conn| {
        diesel::sql_query("SET CONSTRAINTS workplan_areas_group_position_key DEFERRED")
            .execute(conn)
            .await?;
        for (position, id) in order.iter().enumerate() {
            let position = i32::try_from(position).unwrap_or(i32::MAX);
            diesel::update(workplan_areas::table.find(id))
                .set(workplan_areas::position.eq(position))
                .execute(conn)
                .await?;
        }
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
    pub owners: &'a [Owner],
    /// Action points of the group or a group below it; the database refuses others.
    pub action_point_ids: &'a [i64],
    /// Meetings of the task's own group; the database refuses others.
    pub meeting_ids: &'a [i64],
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

async fn replace_owners(conn: &mut AsyncPgConnection, task_id: i64, owners: &[Owner]) -> QueryResult<()> {
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
        replace_links(conn, id, fields.action_point_ids, fields.meeting_ids).await?;
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
        replace_links(conn, task_id, fields.action_point_ids, fields.meeting_ids).await?;
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

async fn replace_links(
    conn: &mut AsyncPgConnection,
    task_id: i64,
    action_point_ids: &[i64],
    meeting_ids: &[i64],
) -> QueryResult<()> {
    use diesel::sql_types::{Array, BigInt};
    diesel::delete(workplan_task_action_points::table.filter(workplan_task_action_points::task_id.eq(task_id)))
        .execute(conn)
        .await?;
    diesel::delete(workplan_task_meetings::table.filter(workplan_task_meetings::task_id.eq(task_id)))
        .execute(conn)
        .await?;
    let rows: Vec<_> = action_point_ids
        .iter()
        .map(|ap| {
            (
                workplan_task_action_points::task_id.eq(task_id),
                workplan_task_action_points::action_point_id.eq(*ap),
            )
        })
        .collect();
    diesel::insert_into(workplan_task_action_points::table)
        .values(&rows)
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    // The task's area and group come from the task itself, so that the composite keys
    // hold the meeting to the task's group.
    diesel::sql_query(
        "INSERT INTO workplan_task_meetings (task_id, meeting_id, area_id, group_id) \
         SELECT t.id, m.id, t.area_id, a.group_id \
           FROM workplan_tasks t JOIN workplan_areas a ON a.id = t.area_id, unnest($2) AS m(id) \
          WHERE t.id = $1 ON CONFLICT DO NOTHING",
    )
    .bind::<BigInt, _>(task_id)
    .bind::<Array<BigInt>, _>(meeting_ids)
    .execute(conn)
    .await?;
    Ok(())
}

/// An action point a task serves, as a link shows it.
#[derive(Debug, Clone, Queryable)]
pub struct LinkedActionPoint {
    pub task_id: i64,
    pub id: i64,
    pub group_id: i64,
    pub number: i32,
    pub topic: String,
    pub restricted: bool,
}

/// A meeting that discussed a task.
#[derive(Debug, Clone, Queryable)]
pub struct LinkedMeeting {
    pub task_id: i64,
    pub id: i64,
    pub starts_at: DateTime<Utc>,
}

/// The action points and meetings the tasks are linked to, in number and date order.
pub async fn links(
    conn: &mut AsyncPgConnection,
    task_ids: &[i64],
) -> QueryResult<(Vec<LinkedActionPoint>, Vec<LinkedMeeting>)> {
    let action_points = workplan_task_action_points::table
        .inner_join(action_points::table)
        .filter(workplan_task_action_points::task_id.eq_any(task_ids))
        .order((action_points::group_id, action_points::number))
        .select((
            workplan_task_action_points::task_id,
            action_points::id,
            action_points::group_id,
            action_points::number,
            action_points::topic,
            action_points::restricted,
        ))
        .load(conn)
        .await?;
    let meetings = workplan_task_meetings::table
        .inner_join(meetings::table.on(meetings::id.eq(workplan_task_meetings::meeting_id)))
        .filter(workplan_task_meetings::task_id.eq_any(task_ids))
        .order(meetings::starts_at)
        .select((workplan_task_meetings::task_id, meetings::id, meetings::starts_at))
        .load(conn)
        .await?;
    Ok((action_points, meetings))
}

/// A task with the group its area belongs to, as other pages list it.
#[derive(Debug, Clone, Queryable)]
pub struct TaskInGroup {
    pub id: i64,
    pub title: String,
    pub end_date: Option<NaiveDate>,
    pub status: TaskStatus,
    pub group_id: i64,
}

fn task_in_group_columns() -> (
    workplan_tasks::id,
    workplan_tasks::title,
    workplan_tasks::end_date,
    workplan_tasks::status,
    workplan_areas::group_id,
) {
    (
        workplan_tasks::id,
        workplan_tasks::title,
        workplan_tasks::end_date,
        workplan_tasks::status,
        workplan_areas::group_id,
    )
}

/// The tasks that serve the action point.
pub async fn tasks_for_action_point(
    conn: &mut AsyncPgConnection,
    action_point_id: i64,
) -> QueryResult<Vec<TaskInGroup>> {
    workplan_task_action_points::table
        .inner_join(workplan_tasks::table.inner_join(workplan_areas::table))
        .filter(workplan_task_action_points::action_point_id.eq(action_point_id))
        .order((
            workplan_areas::group_id,
            workplan_areas::position,
            workplan_tasks::position,
        ))
        .select(task_in_group_columns())
        .load(conn)
        .await
}

/// The tasks that the meeting discussed.
pub async fn tasks_for_meeting(conn: &mut AsyncPgConnection, meeting_id: i64) -> QueryResult<Vec<TaskInGroup>> {
    workplan_task_meetings::table
        .inner_join(workplan_tasks::table.on(workplan_tasks::id.eq(workplan_task_meetings::task_id)))
        .inner_join(workplan_areas::table.on(workplan_areas::id.eq(workplan_tasks::area_id)))
        .filter(workplan_task_meetings::meeting_id.eq(meeting_id))
        .order((workplan_areas::position, workplan_tasks::position))
        .select(task_in_group_columns())
        .load(conn)
        .await
}

/// Writes who removed what from which group, in the same transaction as the removal.
async fn audit_deletion(
    conn: &mut AsyncPgConnection,
    actor_id: i64,
    group_id: i64,
    object_type: &str,
    object_id: i64,
    details: serde_json::Value,
) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::actor_id.eq(actor_id),
            audit_log::group_id.eq(group_id),
            audit_log::action.eq("delete"),
            audit_log::object_type.eq(object_type),
            audit_log::object_id.eq(object_id),
            audit_log::details.eq(details),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// How many tasks the area holds.
pub async fn task_count(conn: &mut AsyncPgConnection, area_id: i64) -> QueryResult<i64> {
    workplan_tasks::table
        .filter(workplan_tasks::area_id.eq(area_id))
        .count()
        .get_result(conn)
        .await
}

/// Removes the area with its tasks (their owners and links go with them), and notes
/// it in the audit log.
pub async fn delete_area(conn: &mut AsyncPgConnection, area: &Area, actor_id: i64) -> QueryResult<()> {
    use diesel_async::AsyncConnection;
    let (id, group_id, name) = (area.id, area.group_id, area.name.clone());
    conn.transaction::<_, diesel::result::Error, _>(async |conn| {
        let titles: Vec<String> = workplan_tasks::table
            .filter(workplan_tasks::area_id.eq(id))
            .order(workplan_tasks::position)
            .select(workplan_tasks::title)
            .load(conn)
            .await?;
        diesel::delete(workplan_areas::table.find(id)).execute(conn).await?;
        let details = serde_json::json!({ "name": name, "tasks": titles });
        audit_deletion(conn, actor_id, group_id, "workplan_area", id, details).await
    })
    .await
}

/// Removes the task with its owners and links, and notes it in the audit log.
pub async fn delete_task(conn: &mut AsyncPgConnection, task: &Task, area: &Area, actor_id: i64) -> QueryResult<()> {
    use diesel_async::AsyncConnection;
    let (id, group_id) = (task.id, area.group_id);
    let details = serde_json::json!({ "title": task.title, "area": area.name });
    conn.transaction::<_, diesel::result::Error, _>(async |conn| {
        diesel::delete(workplan_tasks::table.find(id)).execute(conn).await?;
        audit_deletion(conn, actor_id, group_id, "workplan_task", id, details).await
    })
    .await
}

/// A task on a meeting's workplan item, with where it comes from and why it is there.
#[derive(Debug, Clone)]
pub struct AgendaTask {
    pub task: Task,
    pub area: Area,
    /// The short name of the sub-group whose workplan holds it; `None` for the
    /// meeting's own group.
    pub subgroup: Option<String>,
    pub reason: crate::domain::workplan::AgendaReason,
}

/// The tasks of the meeting's group and its sub-groups that ended since the group's
/// last meeting or are overdue at this one, dates read in the group's time zone; in
/// the workplan's order, the group's own first. The minutes use it as the page does.
pub async fn meeting_agenda_tasks(
    conn: &mut AsyncPgConnection,
    meeting: &super::meetings::Meeting,
) -> QueryResult<Vec<AgendaTask>> {
    use crate::domain::workplan::{AgendaWindow, agenda_reason};
    let group = super::groups::find(conn, meeting.group_id).await?;
    let previous = super::meetings::previous(conn, meeting).await?;
    let window = AgendaWindow::new(meeting.starts_at, previous.map(|p| p.starts_at), group.tz());
    let tree = super::groups::subtree_ids(conn, group.id).await?;
    let short_names: std::collections::HashMap<i64, String> =
        super::groups::short_names(conn, &tree).await?.into_iter().collect();
    // Only tasks that may come up (see `agenda_reason`) leave the database.
    let open = workplan_tasks::status.ne_all([TaskStatus::Completed, TaskStatus::Cancelled]);
    let may_come_up = tasks_query().filter(
        open.and(workplan_tasks::end_date.lt(window.meeting))
            .or(workplan_tasks::end_date
                .gt(window.since)
                .and(workplan_tasks::end_date.le(window.meeting))),
    );
    let mut selected = Vec::new();
    for (area, tasks) in with_tasks(conn, &tree, may_come_up).await? {
        for task in tasks {
            if let Some(reason) = agenda_reason(task.end_date, task.status, window) {
                let subgroup = (area.group_id != group.id)
                    .then(|| short_names.get(&area.group_id).cloned())
                    .flatten();
                selected.push(AgendaTask {
                    task,
                    area: area.clone(),
                    subgroup,
                    reason,
                });
            }
        }
    }
    Ok(selected)
}
