//! Everything a meeting's page, its minutes and the minutes mail show, gathered in one
//! place so they cannot drift apart: the header, the agenda with notes, attendance, the
//! review of action points as it stood, and the action points raised.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::domain::review::{TopicGroup, by_topic};
use crate::models::action_points::{self, ActionPoint};
use crate::models::groups::{self, Group};
use crate::models::meetings::{self, AgendaItem, Attendee, Meeting};
use crate::models::owners::{self, NamedOwner, OwnerTable};
use crate::models::reviews::{self, Review};
use crate::schema::users;

/// Whose eyes the minutes are composed for: restricted action points are left out
/// for a reader unless they own them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// Those who run the group see every item.
    Everything,
    /// Anyone else, by user id.
    Member(i64),
    /// Every member at once (the minutes mail): no restricted item at all.
    AllMembers,
}

#[derive(Debug)]
pub struct Minutes {
    pub group: Group,
    pub ancestors: Vec<Group>,
    pub meeting: Meeting,
    pub chair: Option<String>,
    pub note_taker: Option<String>,
    pub agenda: Vec<AgendaItem>,
    pub attendees: Vec<Attendee>,
    /// Every action point the minutes mention: the reviewed ones and those raised here.
    pub action_points: Vec<ActionPoint>,
    pub owners: Vec<NamedOwner>,
    /// The review of action points as it stood when the meeting closed (or as it
    /// stands now while it is open), at most [`reviews::MAX_ROWS`] items.
    pub review: Review,
}

impl Minutes {
    /// The review of action points, grouped by topic, as it stood when the meeting
    /// closed (or as it stands now while it is open).
    pub fn review(&self) -> Vec<TopicGroup<'_>> {
        by_topic(&self.review.rows)
    }

    /// The action points raised at this meeting, in the order they were raised.
    pub fn raised(&self) -> Vec<&ActionPoint> {
        let mut raised: Vec<&ActionPoint> = self
            .action_points
            .iter()
            .filter(|a| a.meeting_id == Some(self.meeting.id))
            .collect();
        raised.sort_by_key(|a| (a.created_at, a.number));
        raised
    }
}

/// Composes the minutes of meeting `meeting_id` for `reader`, needing no request: the
/// meeting page and the minutes mail call the same function.
pub async fn compose(conn: &mut AsyncPgConnection, meeting_id: i64, reader: Reader) -> QueryResult<Minutes> {
    let meeting = meetings::find(conn, meeting_id).await?;
    let group = groups::find(conn, meeting.group_id).await?;
    let ancestors = groups::ancestors(conn, group.id).await?;
    let agenda = meetings::agenda(conn, meeting.id).await?;
    let attendees = meetings::attendees(conn, meeting.id).await?;
    let review = reviews::of_meeting(conn, &meeting, reader).await?;
    let reviewed: Vec<i64> = review.rows.iter().map(|r| r.id).collect();
    let items = action_points::mentioned(conn, &reviewed, meeting.id, reader).await?;
    let ids: Vec<i64> = items.iter().map(|a| a.id).collect();
    let owners = owners::named(conn, OwnerTable::ActionPoints, &ids).await?;
    let people: Vec<(i64, String)> = users::table
        .filter(users::id.nullable().eq_any([meeting.chair_id, meeting.note_taker_id]))
        .select((users::id, users::name))
        .load(conn)
        .await?;
    let name_of = |id: Option<i64>| {
        id.and_then(|id| people.iter().find(|(p, _)| *p == id))
            .map(|(_, n)| n.clone())
    };
    Ok(Minutes {
        chair: name_of(meeting.chair_id),
        note_taker: name_of(meeting.note_taker_id),
        group,
        ancestors,
        meeting,
        agenda,
        attendees,
        action_points: items,
        owners,
        review,
    })
}
