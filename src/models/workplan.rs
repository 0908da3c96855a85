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
