use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::Serialize;

use super::owners::{self, Owner, OwnerTable};
use crate::domain::review::{Candidate, StatusEvent};
use crate::domain::{ActionStatus, UpdateVia};
use crate::schema::{action_point_updates, action_points, groups, users};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable, Serialize)]
#[diesel(table_name = action_points)]
pub struct ActionPoint {
    pub id: i64,
    pub group_id: i64,
    pub number: i32,
    pub meeting_id: Option<i64>,
    pub agenda_item_id: Option<i64>,
    pub topic: String,
    pub text: String,
    pub due_date: Option<NaiveDate>,
    pub status: ActionStatus,
    pub status_note: String,
    pub status_changed_at: Option<DateTime<Utc>>,
    pub restricted: bool,
    pub created_at: DateTime<Utc>,
}

impl ActionPoint {
    pub fn review_candidate(&self) -> Candidate {
        Candidate {
            id: self.id,
            number: self.number,
            topic: self.topic.clone(),
            created_at: self.created_at,
        }
    }
}

/// A new action point; its number within the group is assigned on insert.
#[derive(Debug)]
pub struct NewActionPoint<'a> {
    pub group_id: i64,
    pub meeting_id: Option<i64>,
    pub agenda_item_id: Option<i64>,
    pub topic: &'a str,
    pub text: &'a str,
    pub due_date: Option<NaiveDate>,
    pub restricted: bool,
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub owners: &'a [Owner],
    pub via: UpdateVia,
}

#[derive(Insertable)]
#[diesel(table_name = action_points)]
struct ActionPointRow<'a> {
    group_id: i64,
    number: i32,
    meeting_id: Option<i64>,
    agenda_item_id: Option<i64>,
    topic: &'a str,
    text: &'a str,
    due_date: Option<NaiveDate>,
    restricted: bool,
    created_by: Option<i64>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

#[derive(Insertable)]
#[diesel(table_name = action_point_updates)]
struct UpdateRow<'a> {
    action_point_id: i64,
    user_id: Option<i64>,
    meeting_id: Option<i64>,
    old_status: Option<ActionStatus>,
    new_status: ActionStatus,
    note: &'a str,
    via: UpdateVia,
    created_at: DateTime<Utc>,
}

impl NewActionPoint<'_> {
    /// Inserts the item, its owners and the first history row in one transaction;
    /// returns the new id.
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<i64> {
        conn.transaction(async |conn| {
            // Serialises numbering within the group.
            groups::table
                .find(self.group_id)
                .select(groups::id)
                .for_update()
                .first::<i64>(conn)
                .await?;
            let number: Option<i32> = action_points::table
                .filter(action_points::group_id.eq(self.group_id))
                .select(diesel::dsl::max(action_points::number))
                .first(conn)
                .await?;
            let id: i64 = diesel::insert_into(action_points::table)
                .values(ActionPointRow {
                    group_id: self.group_id,
                    number: number.unwrap_or(0) + 1,
                    meeting_id: self.meeting_id,
                    agenda_item_id: self.agenda_item_id,
                    topic: self.topic,
                    text: self.text,
                    due_date: self.due_date,
                    restricted: self.restricted,
                    created_by: self.created_by,
                    created_at: self.created_at,
                    updated_at: self.created_at,
                })
                .returning(action_points::id)
                .get_result(conn)
                .await?;
            diesel::insert_into(action_point_updates::table)
                .values(UpdateRow {
                    action_point_id: id,
                    user_id: self.created_by,
                    meeting_id: self.meeting_id,
                    old_status: None,
                    new_status: ActionStatus::Open,
                    note: "",
                    via: self.via,
                    created_at: self.created_at,
                })
                .execute(conn)
                .await?;
            for owner in self.owners {
                owners::add(conn, OwnerTable::ActionPoints, id, *owner).await?;
            }
            Ok(id)
        })
        .await
    }
}

/// A status change with its note, as one history row.
#[derive(Debug)]
pub struct StatusChange<'a> {
    pub status: ActionStatus,
    pub note: &'a str,
    pub user_id: Option<i64>,
    pub meeting_id: Option<i64>,
    pub via: UpdateVia,
    pub at: DateTime<Utc>,
}

/// Sets the item's status and note and writes the history row, together or not at all.
pub async fn change_status(conn: &mut AsyncPgConnection, id: i64, change: &StatusChange<'_>) -> QueryResult<()> {
    conn.transaction(async |conn| {
        let old: ActionStatus = action_points::table
            .find(id)
            .select(action_points::status)
            .for_update()
            .first(conn)
            .await?;
        diesel::update(action_points::table.find(id))
            .set((
                action_points::status.eq(change.status),
                action_points::status_note.eq(change.note),
                action_points::status_changed_at.eq(change.at),
                action_points::updated_at.eq(change.at),
            ))
            .execute(conn)
            .await?;
        diesel::insert_into(action_point_updates::table)
            .values(UpdateRow {
                action_point_id: id,
                user_id: change.user_id,
                meeting_id: change.meeting_id,
                old_status: Some(old),
                new_status: change.status,
                note: change.note,
                via: change.via,
                created_at: change.at,
            })
            .execute(conn)
            .await?;
        Ok(())
    })
    .await
}

/// Every action point of the given groups, in the order they were raised.
pub async fn for_groups(conn: &mut AsyncPgConnection, group_ids: &[i64]) -> QueryResult<Vec<ActionPoint>> {
    action_points::table
        .filter(action_points::group_id.eq_any(group_ids))
        .order((
            action_points::created_at,
            action_points::group_id,
            action_points::number,
        ))
        .select(ActionPoint::as_select())
        .load(conn)
        .await
}

/// The action points raised at a meeting.
pub async fn raised_at(conn: &mut AsyncPgConnection, meeting_id: i64) -> QueryResult<Vec<ActionPoint>> {
    action_points::table
        .filter(action_points::meeting_id.eq(meeting_id))
        .order(action_points::number)
        .select(ActionPoint::as_select())
        .load(conn)
        .await
}

/// Item, when, new status, note, and the name of who gave it.
type HistoryRow = (i64, DateTime<Utc>, ActionStatus, String, Option<String>);

/// The status history of the given items, with who gave each update.
pub async fn history(conn: &mut AsyncPgConnection, ids: &[i64]) -> QueryResult<Vec<StatusEvent>> {
    let rows: Vec<HistoryRow> = action_point_updates::table
        .left_join(users::table)
        .filter(action_point_updates::action_point_id.eq_any(ids))
        .order((action_point_updates::action_point_id, action_point_updates::created_at))
        .select((
            action_point_updates::action_point_id,
            action_point_updates::created_at,
            action_point_updates::new_status,
            action_point_updates::note,
            users::name.nullable(),
        ))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(action_point_id, at, status, note, by)| StatusEvent {
            action_point_id,
            at,
            status,
            note,
            by,
        })
        .collect())
}
