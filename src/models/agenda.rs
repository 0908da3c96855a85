//! Writing a meeting's agenda tree: items, their place among siblings, and the notes
//! and decisions taken live. Every write locks the meeting and refuses once it is
//! closed; sibling positions stay dense and unique inside each transaction.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

use crate::domain::MeetingStatus;
use crate::domain::agenda::{self, Move, Placement};
use crate::models::action_points::NewActionPoint;
use crate::models::meetings::{self, AgendaItem, EditError};
use crate::schema::{action_points, agenda_items, attendance, meetings as meetings_table};

/// What the editor sets on an item.
#[derive(Debug)]
pub struct ItemFields<'a> {
    pub title: &'a str,
    pub presenter: Option<&'a str>,
    pub minutes_allotted: Option<i32>,
    pub reporting_group_id: Option<i64>,
}

/// The item `item_id` if it belongs to meeting `meeting_id`; an id from another
/// meeting is not found.
pub async fn find_item(conn: &mut AsyncPgConnection, meeting_id: i64, item_id: i64) -> QueryResult<AgendaItem> {
    agenda_items::table
        .filter(agenda_items::meeting_id.eq(meeting_id))
        .filter(agenda_items::id.eq(item_id))
        .select(AgendaItem::as_select())
        .first(conn)
        .await
}

/// Writes new places; the sibling key is checked at commit, once all are written.
async fn place(conn: &mut AsyncPgConnection, placements: &[Placement]) -> QueryResult<()> {
    diesel::sql_query("SET CONSTRAINTS agenda_items_sibling_position_key DEFERRED")
        .execute(conn)
        .await?;
    for p in placements {
        diesel::update(agenda_items::table.find(p.id))
            .set((
                agenda_items::parent_id.eq(p.parent_id),
                agenda_items::position.eq(p.position),
                agenda_items::updated_at.eq(Utc::now()),
            ))
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// Adds an item at the end of the top level or of `parent_id`'s sub-items.
pub async fn add(
    conn: &mut AsyncPgConnection,
    meeting_id: i64,
    parent_id: Option<i64>,
    fields: &ItemFields<'_>,
) -> Result<AgendaItem, EditError> {
    conn.transaction(async |conn| {
        meetings::lock_editable(conn, meeting_id).await?;
        if let Some(parent) = parent_id {
            find_item(conn, meeting_id, parent).await?;
        }
        let items = meetings::agenda(conn, meeting_id).await?;
        let item = diesel::insert_into(agenda_items::table)
            .values((
                agenda_items::meeting_id.eq(meeting_id),
                agenda_items::parent_id.eq(parent_id),
                agenda_items::position.eq(agenda::next_position(&items, parent_id)),
                agenda_items::title.eq(fields.title),
                agenda_items::presenter.eq(fields.presenter),
                agenda_items::minutes_allotted.eq(fields.minutes_allotted),
                agenda_items::reporting_group_id.eq(fields.reporting_group_id),
            ))
            .returning(AgendaItem::as_returning())
            .get_result(conn)
            .await?;
        Ok(item)
    })
    .await
}

pub async fn update(
    conn: &mut AsyncPgConnection,
    meeting_id: i64,
    item_id: i64,
    fields: &ItemFields<'_>,
) -> Result<AgendaItem, EditError> {
    conn.transaction(async |conn| {
        meetings::lock_editable(conn, meeting_id).await?;
        let item = diesel::update(
            agenda_items::table
                .filter(agenda_items::meeting_id.eq(meeting_id))
                .filter(agenda_items::id.eq(item_id)),
        )
        .set((
            agenda_items::title.eq(fields.title),
            agenda_items::presenter.eq(fields.presenter),
            agenda_items::minutes_allotted.eq(fields.minutes_allotted),
            agenda_items::reporting_group_id.eq(fields.reporting_group_id),
            agenda_items::updated_at.eq(Utc::now()),
        ))
        .returning(AgendaItem::as_returning())
        .get_result(conn)
        .await?;
        Ok(item)
    })
    .await
}

/// Deletes the item with its sub-items (the parent key cascades) and closes the gap.
pub async fn delete(conn: &mut AsyncPgConnection, meeting_id: i64, item_id: i64) -> Result<(), EditError> {
    conn.transaction(async |conn| {
        meetings::lock_editable(conn, meeting_id).await?;
        let items = meetings::agenda(conn, meeting_id).await?;
        find_item(conn, meeting_id, item_id).await?;
        let placements = agenda::removed(&items, item_id);
        diesel::delete(agenda_items::table.find(item_id)).execute(conn).await?;
        place(conn, &placements).await?;
        Ok(())
    })
    .await
}

/// Moves an item up, down, in or out; refused when it has nowhere to go.
pub async fn move_item(
    conn: &mut AsyncPgConnection,
    meeting_id: i64,
    item_id: i64,
    movement: Move,
) -> Result<(), EditError> {
    conn.transaction(async |conn| {
        meetings::lock_editable(conn, meeting_id).await?;
        find_item(conn, meeting_id, item_id).await?;
        let items = meetings::agenda(conn, meeting_id).await?;
        let placements = agenda::moved(&items, item_id, movement).map_err(EditError::Refused)?;
        place(conn, &placements).await?;
        Ok(())
    })
    .await
}

/// What a save of an item's text changes: its notes, and its decisions unless `None`
/// (a reporting group's update leaves them to those who run the meeting).
#[derive(AsChangeset)]
#[diesel(table_name = agenda_items)]
pub struct ItemText<'a> {
    pub notes: &'a str,
    pub decisions: Option<&'a str>,
}

/// Saves `text` if nobody else saved the item since `version`; otherwise hands back
/// what they saved, and writes nothing.
pub async fn save_text(
    conn: &mut AsyncPgConnection,
    meeting_id: i64,
    item_id: i64,
    version: i32,
    text: &ItemText<'_>,
) -> Result<AgendaItem, EditError> {
    conn.transaction(async |conn| {
        meetings::lock_editable(conn, meeting_id).await?;
        let saved = diesel::update(
            agenda_items::table
                .filter(agenda_items::meeting_id.eq(meeting_id))
                .filter(agenda_items::id.eq(item_id))
                .filter(agenda_items::version.eq(version)),
        )
        .set((
            text,
            agenda_items::version.eq(agenda_items::version + 1),
            agenda_items::updated_at.eq(Utc::now()),
        ))
        .returning(AgendaItem::as_returning())
        .get_result(conn)
        .await
        .optional()?;
        match saved {
            Some(item) => Ok(item),
            None => Err(EditError::Stale(Box::new(find_item(conn, meeting_id, item_id).await?))),
        }
    })
    .await
}

/// Records an action point raised at the meeting, unless the meeting has closed
/// meanwhile; returns its id.
pub async fn raise_action_point(
    conn: &mut AsyncPgConnection,
    meeting_id: i64,
    new: &NewActionPoint<'_>,
) -> Result<i64, EditError> {
    conn.transaction(async |conn| {
        meetings::lock_editable(conn, meeting_id).await?;
        Ok(new.insert(conn).await?)
    })
    .await
}

/// Points the live screen at an item of this meeting, while it is in progress.
pub async fn set_current(conn: &mut AsyncPgConnection, meeting_id: i64, item_id: i64) -> Result<(), EditError> {
    conn.transaction(async |conn| {
        let meeting = meetings::lock_editable(conn, meeting_id).await?;
        if meeting.status != MeetingStatus::InProgress {
            return Err(EditError::NotAllowed(meeting.status));
        }
        find_item(conn, meeting_id, item_id).await?;
        diesel::update(meetings_table::table.find(meeting_id))
            .set((
                meetings_table::current_agenda_item_id.eq(item_id),
                meetings_table::updated_at.eq(Utc::now()),
            ))
            .execute(conn)
            .await?;
        Ok(())
    })
    .await
}

/// What live screens poll: the current item and a stamp that changes whenever
/// the meeting, an agenda item, the attendance or its new action points change.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct LiveState {
    pub status: MeetingStatus,
    pub current_item_id: Option<i64>,
    pub stamp: String,
}

pub async fn live_state(conn: &mut AsyncPgConnection, meeting_id: i64) -> QueryResult<LiveState> {
    let (status, current_item_id, updated_at): (MeetingStatus, Option<i64>, DateTime<Utc>) = meetings_table::table
        .find(meeting_id)
        .select((
            meetings_table::status,
            meetings_table::current_agenda_item_id,
            meetings_table::updated_at,
        ))
        .first(conn)
        .await?;
    // Counts catch deletions, which leave no newer timestamp behind.
    let (items, versions, last_item): (i64, Option<i64>, Option<DateTime<Utc>>) = agenda_items::table
        .filter(agenda_items::meeting_id.eq(meeting_id))
        .select((
            diesel::dsl::count_star(),
            diesel::dsl::sum(agenda_items::version),
            diesel::dsl::max(agenda_items::updated_at),
        ))
        .first(conn)
        .await?;
    let (attendance_rows, last_attendance): (i64, Option<DateTime<Utc>>) = attendance::table
        .filter(attendance::meeting_id.eq(meeting_id))
        .select((diesel::dsl::count_star(), diesel::dsl::max(attendance::created_at)))
        .first(conn)
        .await?;
    let (raised, last_raised): (i64, Option<DateTime<Utc>>) = action_points::table
        .filter(action_points::meeting_id.eq(meeting_id))
        .select((diesel::dsl::count_star(), diesel::dsl::max(action_points::updated_at)))
        .first(conn)
        .await?;
    let micros = |at: Option<DateTime<Utc>>| at.map_or(0, |t| t.timestamp_micros());
    let stamp = format!(
        "{}-{}-{}-{}-{}-{}-{}-{}",
        micros(Some(updated_at)),
        items,
        versions.unwrap_or(0),
        micros(last_item),
        attendance_rows,
        micros(last_attendance),
        raised,
        micros(last_raised)
    );
    Ok(LiveState {
        status,
        current_item_id,
        stamp,
    })
}
