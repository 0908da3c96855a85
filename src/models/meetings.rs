use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Serialize;

use crate::domain::agenda::Outlined;
use crate::domain::meeting_flow::{self, Transition};
use crate::domain::{AttendanceStatus, MeetingStatus, OrganizationKind};
use diesel::sql_types::{BigInt, Nullable, Text};

use crate::schema::{agenda_items, attendance, meetings};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable, Serialize)]
#[diesel(table_name = meetings)]
pub struct Meeting {
    pub id: i64,
    pub group_id: i64,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: i32,
    pub location: Option<String>,
    pub online_url: Option<String>,
    pub chair_id: Option<i64>,
    pub note_taker_id: Option<i64>,
    pub status: MeetingStatus,
    pub current_agenda_item_id: Option<i64>,
    pub ics_sequence: i32,
    pub published_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
}

impl Meeting {
    pub fn ends_at(&self) -> DateTime<Utc> {
        self.starts_at + Duration::minutes(self.duration_minutes.into())
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = meetings)]
pub struct NewMeeting<'a> {
    pub group_id: i64,
    pub title: &'a str,
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: i32,
    pub location: Option<&'a str>,
    pub online_url: Option<&'a str>,
    pub chair_id: Option<i64>,
    pub note_taker_id: Option<i64>,
    pub status: MeetingStatus,
    pub published_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
}

impl NewMeeting<'_> {
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<i64> {
        diesel::insert_into(meetings::table)
            .values(self)
            .returning(meetings::id)
            .get_result(conn)
            .await
    }
}

pub async fn find(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<Meeting> {
    meetings::table.find(id).select(Meeting::as_select()).first(conn).await
}

pub async fn find_at(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    starts_at: DateTime<Utc>,
) -> QueryResult<Option<i64>> {
    meetings::table
        .filter(meetings::group_id.eq(group_id))
        .filter(meetings::starts_at.eq(starts_at))
        .select(meetings::id)
        .first(conn)
        .await
        .optional()
}

/// Every meeting of the group, newest first.
pub async fn for_group(conn: &mut AsyncPgConnection, group_id: i64) -> QueryResult<Vec<Meeting>> {
    meetings::table
        .filter(meetings::group_id.eq(group_id))
        .order(meetings::starts_at.desc())
        .select(Meeting::as_select())
        .load(conn)
        .await
}

/// The group's latest `limit` meetings, latest first.
pub async fn latest(conn: &mut AsyncPgConnection, group_id: i64, limit: i64) -> QueryResult<Vec<Meeting>> {
    meetings::table
        .filter(meetings::group_id.eq(group_id))
        .order(meetings::starts_at.desc())
        .limit(limit)
        .select(Meeting::as_select())
        .load(conn)
        .await
}

/// Whether the group has a meeting that has not started yet.
pub async fn has_upcoming(conn: &mut AsyncPgConnection, group_id: i64, now: DateTime<Utc>) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        meetings::table
            .filter(meetings::group_id.eq(group_id))
            .filter(meetings::starts_at.gt(now)),
    ))
    .get_result(conn)
    .await
}

/// The group's last meeting (not cancelled) before this one.
pub async fn previous(conn: &mut AsyncPgConnection, meeting: &Meeting) -> QueryResult<Option<Meeting>> {
    meetings::table
        .filter(meetings::group_id.eq(meeting.group_id))
        .filter(meetings::starts_at.lt(meeting.starts_at))
        .filter(meetings::status.ne(MeetingStatus::Cancelled))
        .order(meetings::starts_at.desc())
        .select(Meeting::as_select())
        .first(conn)
        .await
        .optional()
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable, Serialize)]
#[diesel(table_name = agenda_items)]
pub struct AgendaItem {
    pub id: i64,
    pub meeting_id: i64,
    pub parent_id: Option<i64>,
    pub position: i32,
    pub title: String,
    pub presenter: Option<String>,
    pub minutes_allotted: Option<i32>,
    pub reporting_group_id: Option<i64>,
    pub notes: String,
    pub decisions: String,
    /// Raised by every save of the notes or decisions; a save names the version it edited.
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

impl Outlined for AgendaItem {
    fn id(&self) -> i64 {
        self.id
    }
    fn parent_id(&self) -> Option<i64> {
        self.parent_id
    }
    fn position(&self) -> i32 {
        self.position
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = agenda_items)]
pub struct NewAgendaItem<'a> {
    pub meeting_id: i64,
    pub parent_id: Option<i64>,
    pub position: i32,
    pub title: &'a str,
    pub presenter: Option<&'a str>,
    pub reporting_group_id: Option<i64>,
    pub notes: &'a str,
    pub decisions: &'a str,
}

impl NewAgendaItem<'_> {
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<i64> {
        diesel::insert_into(agenda_items::table)
            .values(self)
            .returning(agenda_items::id)
            .get_result(conn)
            .await
    }
}

pub async fn agenda(conn: &mut AsyncPgConnection, meeting_id: i64) -> QueryResult<Vec<AgendaItem>> {
    agenda_items::table
        .filter(agenda_items::meeting_id.eq(meeting_id))
        .order((agenda_items::parent_id.asc().nulls_first(), agenda_items::position))
        .select(AgendaItem::as_select())
        .load(conn)
        .await
}

#[derive(Debug, Insertable)]
#[diesel(table_name = attendance)]
pub struct NewAttendance<'a> {
    pub meeting_id: i64,
    pub user_id: Option<i64>,
    pub guest_name: Option<&'a str>,
    pub guest_organization: Option<&'a str>,
    pub organization_id: Option<i64>,
    pub status: AttendanceStatus,
}

impl NewAttendance<'_> {
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<()> {
        diesel::insert_into(attendance::table)
            .values(self)
            .execute(conn)
            .await?;
        Ok(())
    }
}

/// One line of the attendance list: a member or a guest, and their organisation.
#[derive(Debug, Clone, QueryableByName, Serialize)]
pub struct Attendee {
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub organization: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub organization_kind: Option<OrganizationKind>,
    #[diesel(sql_type = Text)]
    pub status: AttendanceStatus,
}

pub async fn attendees(conn: &mut AsyncPgConnection, meeting_id: i64) -> QueryResult<Vec<Attendee>> {
    diesel::sql_query(
        "SELECT coalesce(u.name, a.guest_name) AS name, \
                coalesce(uo.acronym, uo.name, go.acronym, go.name, a.guest_organization) AS organization, \
                coalesce(uo.kind, go.kind) AS organization_kind, a.status \
         FROM attendance a \
         LEFT JOIN users u ON u.id = a.user_id \
         LEFT JOIN organizations uo ON uo.id = u.organization_id \
         LEFT JOIN organizations go ON go.id = a.organization_id \
         WHERE a.meeting_id = $1 \
         ORDER BY a.status DESC, organization, name",
    )
    .bind::<BigInt, _>(meeting_id)
    .load(conn)
    .await
}

pub async fn by_ids(conn: &mut AsyncPgConnection, ids: &[i64]) -> QueryResult<Vec<Meeting>> {
    meetings::table
        .filter(meetings::id.eq_any(ids))
        .select(Meeting::as_select())
        .load(conn)
        .await
}

/// Why a change to a meeting, its agenda or its attendance was not made.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("not found")]
    NotFound,
    /// The meeting is closed or cancelled (or the status step does not apply to it).
    #[error("the meeting is {0}")]
    NotAllowed(MeetingStatus),
    /// Someone else saved the item since this edit began; holds what they saved.
    #[error("edited meanwhile")]
    Stale(Box<AgendaItem>),
    /// A rule refused the input; the message id says which.
    #[error("{0}")]
    Refused(&'static str),
    #[error(transparent)]
    Database(diesel::result::Error),
}

impl From<diesel::result::Error> for EditError {
    fn from(e: diesel::result::Error) -> Self {
        match e {
            diesel::result::Error::NotFound => EditError::NotFound,
            other => EditError::Database(other),
        }
    }
}

/// Locks the meeting row for the rest of the transaction, so edits of one meeting
/// queue behind each other and behind a status change, and refuses when the meeting
/// no longer takes changes.
pub async fn lock_editable(conn: &mut AsyncPgConnection, id: i64) -> Result<Meeting, EditError> {
    let meeting: Meeting = meetings::table
        .find(id)
        .select(Meeting::as_select())
        .for_update()
        .first(conn)
        .await?;
    if meeting_flow::is_editable(meeting.status) {
        Ok(meeting)
    } else {
        Err(EditError::NotAllowed(meeting.status))
    }
}

/// Applies one status step, guarded by the status it was allowed from: of two
/// requests racing to close a meeting, the second finds no row and is refused.
pub async fn take_step(
    conn: &mut AsyncPgConnection,
    id: i64,
    step: Transition,
    now: DateTime<Utc>,
) -> Result<Meeting, EditError> {
    let current: MeetingStatus = meetings::table.find(id).select(meetings::status).first(conn).await?;
    if !step.allowed_from(current) {
        return Err(EditError::NotAllowed(current));
    }
    let guarded = diesel::update(meetings::table.find(id).filter(meetings::status.eq(current)));
    let target = step.target();
    let updated = match step {
        Transition::Publish => {
            guarded
                .set((
                    meetings::status.eq(target),
                    meetings::published_at.eq(now),
                    meetings::updated_at.eq(now),
                ))
                .returning(Meeting::as_returning())
                .get_result(conn)
                .await
        }
        Transition::Start => {
            guarded
                .set((meetings::status.eq(target), meetings::updated_at.eq(now)))
                .returning(Meeting::as_returning())
                .get_result(conn)
                .await
        }
        Transition::Close => {
            guarded
                .set((
                    meetings::status.eq(target),
                    meetings::closed_at.eq(now),
                    meetings::updated_at.eq(now),
                ))
                .returning(Meeting::as_returning())
                .get_result(conn)
                .await
        }
        Transition::Cancel => {
            // A published invitation is withdrawn with a newer SEQUENCE than it was sent with.
            let withdrawn = i32::from(current == MeetingStatus::Scheduled);
            guarded
                .set((
                    meetings::status.eq(target),
                    meetings::cancelled_at.eq(now),
                    meetings::ics_sequence.eq(meetings::ics_sequence + withdrawn),
                    meetings::updated_at.eq(now),
                ))
                .returning(Meeting::as_returning())
                .get_result(conn)
                .await
        }
        Transition::Reopen => {
            guarded
                .set((
                    meetings::status.eq(target),
                    meetings::closed_at.eq(None::<DateTime<Utc>>),
                    meetings::updated_at.eq(now),
                ))
                .returning(Meeting::as_returning())
                .get_result(conn)
                .await
        }
    };
    updated.optional()?.ok_or(EditError::NotAllowed(current))
}
