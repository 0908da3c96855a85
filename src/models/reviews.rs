//! The review of action points that opens a meeting, computed by the database from
//! each item's history (the latest status note as of the meeting, through the index on
//! `action_point_updates (action_point_id, created_at)`), and stored with the meeting
//! when it closes so that a closed meeting's page reads its rows back.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Integer, Nullable, Timestamptz};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::action_points::stands_for_condition;
use super::groups;
use super::meetings::{self, Meeting};
use super::minutes::Reader;
use crate::domain::MeetingStatus;
use crate::domain::review::Row;

/// The most items a review lists; the rest are in the group's list of action points.
pub const MAX_ROWS: i64 = 100;

/// The rows a review lists, and whether it has more than it shows.
#[derive(Debug, Default)]
pub struct Review {
    pub rows: Vec<Row>,
    pub more: bool,
}

impl Review {
    fn from_rows(mut rows: Vec<Row>) -> Self {
        let more = rows.len() as i64 > MAX_ROWS;
        rows.truncate(MAX_ROWS as usize);
        Review { rows, more }
    }
}

/// Which items `reader` sees, with `$mode` and `$viewer` the placeholders for
/// [`reader_binds`]: everything, or no restricted item but those the viewer stands for.
fn visible(mode: &str, viewer: &str) -> String {
    format!(
        "({mode} = 0 OR NOT ap.restricted OR ({mode} = 1 AND {}))",
        stands_for_condition("ap", viewer)
    )
}

fn reader_binds(reader: Reader) -> (i32, Option<i64>) {
    match reader {
        Reader::Everything => (0, None),
        Reader::Member(viewer) => (1, Some(viewer)),
        Reader::AllMembers => (2, None),
    }
}

/// The items raised in the groups `$2` before the meeting's start `$3` that were not
/// already closed at the previous meeting's start `$4` (null: none), with the latest
/// status note at or before `$5`, and how many meetings of the group `$1` each stayed
/// open through; `$6`/`$7` say who reads; at most `$8` rows (null: all).
/// An item that has not changed since the previous meeting stood then as it stands now,
/// so the history is read only for those changed since (the index on status changes
/// finds them) and, once the page's items are chosen, for the notes they show.
fn live_sql() -> String {
    format!(
        "SELECT c.id, c.number, c.topic, c.raised_at, \
                coalesce(l.new_status, 'open') AS status, coalesce(l.note, '') AS note, l.noted_by, l.noted_at, \
                (SELECT count(*) FROM meetings m WHERE m.group_id = $1 AND m.status <> 'cancelled' \
                   AND m.starts_at > c.raised_at AND m.starts_at < $3)::integer AS meetings_open \
         FROM ( \
             SELECT ap.id, ap.number, ap.topic, ap.created_at AS raised_at FROM action_points ap \
             WHERE ap.group_id = ANY($2) AND ap.created_at < $3 \
               AND (ap.status IN ('open', 'in_progress') AND ap.status_changed_at <= coalesce($4, '-infinity'::timestamptz) \
                    OR (ap.status_changed_at IS NULL OR ap.status_changed_at > coalesce($4, '-infinity'::timestamptz)) \
                       AND coalesce((SELECT u.new_status FROM action_point_updates u \
                                     WHERE u.action_point_id = ap.id AND u.created_at <= coalesce($4, '-infinity'::timestamptz) \
                                     ORDER BY u.created_at DESC, u.id DESC LIMIT 1), 'open') NOT IN ('done', 'dropped')) \
               AND {} \
             ORDER BY ap.created_at, ap.number \
             LIMIT $8) c \
         LEFT JOIN LATERAL ( \
             SELECT u.new_status, u.note, p.name AS noted_by, u.created_at AS noted_at \
             FROM action_point_updates u LEFT JOIN users p ON p.id = u.user_id \
             WHERE u.action_point_id = c.id AND u.created_at <= $5 \
             ORDER BY u.created_at DESC, u.id DESC LIMIT 1) l ON true \
         ORDER BY c.raised_at, c.number",
        visible("$6", "$7")
    )
}

/// What the live review needs besides the reader.
struct Window {
    group_id: i64,
    subtree: Vec<i64>,
    meeting_start: DateTime<Utc>,
    previous_start: Option<DateTime<Utc>>,
    as_of: DateTime<Utc>,
}

impl Window {
    async fn of(conn: &mut AsyncPgConnection, meeting: &Meeting, as_of: DateTime<Utc>) -> QueryResult<Self> {
        let previous = meetings::previous(conn, meeting).await?;
        Ok(Window {
            group_id: meeting.group_id,
            // The review covers the group and its sub-groups.
            subtree: groups::subtree_ids(conn, meeting.group_id).await?,
            meeting_start: meeting.starts_at,
            previous_start: previous.map(|p| p.starts_at),
            as_of,
        })
    }
}

macro_rules! bind_window {
    ($query:expr, $window:expr, $reader:expr, $limit:expr) => {{
        let (mode, viewer) = reader_binds($reader);
        $query
            .bind::<BigInt, _>($window.group_id)
            .bind::<Array<BigInt>, _>(&$window.subtree)
            .bind::<Timestamptz, _>($window.meeting_start)
            .bind::<Nullable<Timestamptz>, _>($window.previous_start)
            .bind::<Timestamptz, _>($window.as_of)
            .bind::<Integer, _>(mode)
            .bind::<Nullable<BigInt>, _>(viewer)
            .bind::<Nullable<BigInt>, _>($limit)
    }};
}

/// The review of `meeting` for `reader`: as stored when it closed, or as it stands now
/// while it is open (and for a meeting closed before reviews were stored, as it stood
/// when it closed).
pub async fn of_meeting(conn: &mut AsyncPgConnection, meeting: &Meeting, reader: Reader) -> QueryResult<Review> {
    let as_of = match (meeting.status, meeting.closed_at) {
        (MeetingStatus::Closed, Some(closed)) => {
            if let Some(review) = stored(conn, meeting.id, reader).await? {
                return Ok(review);
            }
            closed
        }
        _ => Utc::now(),
    };
    let window = Window::of(conn, meeting, as_of).await?;
    let rows: Vec<Row> = bind_window!(diesel::sql_query(live_sql()), window, reader, Some(MAX_ROWS + 1))
        .load(conn)
        .await?;
    Ok(Review::from_rows(rows))
}

/// The stored review of the meeting, if it was stored.
async fn stored(conn: &mut AsyncPgConnection, meeting_id: i64, reader: Reader) -> QueryResult<Option<Review>> {
    let (mode, viewer) = reader_binds(reader);
    let rows: Vec<Row> = diesel::sql_query(format!(
        "SELECT r.action_point_id AS id, ap.number, r.topic, r.status, r.note, r.noted_by, r.noted_at, r.meetings_open \
         FROM meeting_review_rows r JOIN action_points ap ON ap.id = r.action_point_id \
         WHERE r.meeting_id = $1 AND {} \
         ORDER BY r.position LIMIT $4",
        visible("$2", "$3")
    ))
    .bind::<BigInt, _>(meeting_id)
    .bind::<Integer, _>(mode)
    .bind::<Nullable<BigInt>, _>(viewer)
    .bind::<BigInt, _>(MAX_ROWS + 1)
    .load(conn)
    .await?;
    if !rows.is_empty() {
        return Ok(Some(Review::from_rows(rows)));
    }
    // No row: an empty review, or one never stored.
    let marked: Option<i64> = diesel::sql_query("SELECT meeting_id AS id FROM meeting_reviews WHERE meeting_id = $1")
        .bind::<BigInt, _>(meeting_id)
        .get_result::<MeetingId>(conn)
        .await
        .optional()?
        .map(|m| m.id);
    Ok(marked.map(|_| Review::default()))
}

#[derive(QueryableByName)]
struct MeetingId {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// Stores the review of the closed `meeting` as it stands at its close, every row of
/// it, for every reader (each one's view is filtered on reading); call it in the
/// closing transaction.
pub async fn store(conn: &mut AsyncPgConnection, meeting: &Meeting) -> QueryResult<()> {
    let as_of = meeting.closed_at.unwrap_or_else(Utc::now);
    let window = Window::of(conn, meeting, as_of).await?;
    forget(conn, meeting.id).await?;
    diesel::sql_query("INSERT INTO meeting_reviews (meeting_id) VALUES ($1)")
        .bind::<BigInt, _>(meeting.id)
        .execute(conn)
        .await?;
    let insert = format!(
        "INSERT INTO meeting_review_rows \
             (meeting_id, position, action_point_id, topic, status, note, noted_by, noted_at, meetings_open) \
         SELECT $9, row_number() OVER (ORDER BY r.raised_at, r.number) - 1, \
                r.id, r.topic, r.status, r.note, r.noted_by, r.noted_at, r.meetings_open \
         FROM ({}) r",
        live_sql()
    );
    bind_window!(diesel::sql_query(insert), window, Reader::Everything, None::<i64>)
        .bind::<BigInt, _>(meeting.id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Forgets the stored review of a meeting that is reopened.
pub async fn forget(conn: &mut AsyncPgConnection, meeting_id: i64) -> QueryResult<()> {
    diesel::sql_query("DELETE FROM meeting_reviews WHERE meeting_id = $1")
        .bind::<BigInt, _>(meeting_id)
        .execute(conn)
        .await?;
    Ok(())
}
