//! Importing a workplan into a group: areas found or added by name, tasks found
//! again by area and title and updated, or added.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::action_point_import::owner_names;
use super::groups::Group;
use super::import::{Import, Importer};
use super::owners::{self, Owner, OwnerTable};
use super::workplan::{NewArea, NewTask, Task};
use crate::domain::action_point_import::Problem;
use crate::domain::workplan_import::{CheckedRow, DateOrder, ImportRow, PlannedRow, check};
use crate::schema::{groups, workplan_areas, workplan_task_owners, workplan_tasks};

/// How the group reads dates such as `01/05/2014`.
pub async fn date_order(conn: &mut AsyncPgConnection, group_id: i64) -> QueryResult<DateOrder> {
    let setting: String = groups::table
        .find(group_id)
        .select(groups::date_order)
        .first(conn)
        .await?;
    Ok(DateOrder::from_setting(&setting))
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcome {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// The task's area: found by name, or added after the group's last one.
async fn area_id(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    name: &str,
    areas: &mut HashMap<String, i64>,
) -> QueryResult<i64> {
    if let Some(id) = areas.get(name) {
        return Ok(*id);
    }
    let last: Option<i32> = workplan_areas::table
        .filter(workplan_areas::group_id.eq(group_id))
        .select(diesel::dsl::max(workplan_areas::position))
        .first(conn)
        .await?;
    let id = NewArea {
        group_id,
        name,
        position: last.map_or(0, |p| p + 1),
    }
    .find_or_create(conn)
    .await?;
    areas.insert(name.to_owned(), id);
    Ok(id)
}

/// Writes one planned task; `true` when anything changed.
async fn write_task(
    conn: &mut AsyncPgConnection,
    area: i64,
    plan: &PlannedRow,
    now: DateTime<Utc>,
) -> QueryResult<Option<bool>> {
    let existing: Option<Task> = workplan_tasks::table
        .filter(workplan_tasks::area_id.eq(area))
        .filter(workplan_tasks::title.eq(&plan.title))
        .select(Task::as_select())
        .first(conn)
        .await
        .optional()?;
    let (id, changed) = match existing {
        Some(task) => {
            let same = (task.start_date, task.end_date, task.status, task.comments.as_str())
                == (plan.start, plan.end, plan.status, plan.comments.as_str());
            if !same {
                diesel::update(workplan_tasks::table.find(task.id))
                    .set((
                        workplan_tasks::start_date.eq(plan.start),
                        workplan_tasks::end_date.eq(plan.end),
                        workplan_tasks::status.eq(plan.status),
                        workplan_tasks::comments.eq(&plan.comments),
                        workplan_tasks::updated_at.eq(now),
                    ))
                    .execute(conn)
                    .await?;
            }
            (task.id, Some(!same))
        }
        None => {
            let last: Option<i32> = workplan_tasks::table
                .filter(workplan_tasks::area_id.eq(area))
                .select(diesel::dsl::max(workplan_tasks::position))
                .first(conn)
                .await?;
            let task = NewTask {
                area_id: area,
                position: last.map_or(0, |p| p + 1),
                title: &plan.title,
                start_date: plan.start,
                end_date: plan.end,
                status: plan.status,
                comments: &plan.comments,
            };
            let id = diesel::insert_into(workplan_tasks::table)
                .values(&task)
                .returning(workplan_tasks::id)
                .get_result(conn)
                .await?;
            (id, None)
        }
    };
    let current: Vec<Owner> = owners::named(conn, OwnerTable::WorkplanTasks, &[id])
        .await?
        .iter()
        .filter_map(|o| o.owner())
        .collect();
    if current == plan.owners {
        return Ok(changed);
    }
    diesel::delete(workplan_task_owners::table.filter(workplan_task_owners::task_id.eq(id)))
        .execute(conn)
        .await?;
    for owner in &plan.owners {
        owners::add(conn, OwnerTable::WorkplanTasks, id, *owner).await?;
    }
    Ok(changed.map(|_| true))
}

/// A workplan from a sheet: areas found or added by name, tasks found again by area
/// and title and updated, or added.
pub struct WorkplanImport;

impl Import for WorkplanImport {
    type Row = ImportRow;
    type Problem = Problem;
    type Plan = PlannedRow;
    type Outcome = Outcome;
    type Choices = ();

    async fn check(conn: &mut AsyncPgConnection, group: &Group, rows: &[ImportRow]) -> QueryResult<Vec<CheckedRow>> {
        let names = owner_names(conn, group, rows.iter().map(|r| r.responsible.as_str()), true).await?;
        let order = date_order(conn, group.id).await?;
        Ok(check(rows, &names, order))
    }

    async fn write(
        conn: &mut AsyncPgConnection,
        group: &Group,
        plans: &[&PlannedRow],
        by: &Importer,
    ) -> QueryResult<Outcome> {
        let mut areas: HashMap<String, i64> = workplan_areas::table
            .filter(workplan_areas::group_id.eq(group.id))
            .select((workplan_areas::name, workplan_areas::id))
            .load::<(String, i64)>(conn)
            .await?
            .into_iter()
            .collect();
        let mut outcome = Outcome::default();
        for plan in plans {
            let area = area_id(conn, group.id, &plan.area, &mut areas).await?;
            match write_task(conn, area, plan, by.at).await? {
                None => outcome.added += 1,
                Some(true) => outcome.updated += 1,
                Some(false) => outcome.unchanged += 1,
            }
        }
        Ok(outcome)
    }
}
