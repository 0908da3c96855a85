//! Scheduling meetings: creating one with its starting agenda, changing its time and
//! place, the people who may chair it, and the lists of meetings.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::dsl::{AsExprOf, not, sql};
use diesel::expression::{SqlLiteral, UncheckedBind};
use diesel::prelude::*;
use diesel::sql_types::{Bool, Timestamptz};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

use super::meetings::{self, Meeting, NewMeeting};
use crate::domain::MeetingStatus;
use crate::domain::agenda::outline;
use crate::domain::agenda_seed::{SeedItem, parse_template, placements, review_first};
use crate::domain::meeting_flow::is_editable;
use crate::domain::schedule::{Placement, changes_time_or_place};
use crate::schema::{agenda_items, groups, meetings as meetings_table, memberships, users};

/// What the schedule form and the API set on a meeting.
#[derive(Debug, Clone)]
pub struct MeetingFields {
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: i32,
    pub location: Option<String>,
    pub online_url: Option<String>,
    pub chair_id: Option<i64>,
    pub note_taker_id: Option<i64>,
}

impl MeetingFields {
    fn placement(&self) -> Placement<'_> {
        Placement {
            starts_at: self.starts_at,
            duration_minutes: self.duration_minutes,
            location: self.location.as_deref(),
            online_url: self.online_url.as_deref(),
        }
    }

    /// The row to insert for the group, a draft unless published at `published_at`.
    pub fn new_meeting(&self, group_id: i64, published_at: Option<DateTime<Utc>>) -> NewMeeting<'_> {
        NewMeeting {
            group_id,
            title: &self.title,
            starts_at: self.starts_at,
            duration_minutes: self.duration_minutes,
            location: self.location.as_deref(),
            online_url: self.online_url.as_deref(),
            chair_id: self.chair_id,
            note_taker_id: self.note_taker_id,
            status: if published_at.is_some() {
                MeetingStatus::Scheduled
            } else {
                MeetingStatus::Draft
            },
            published_at,
            closed_at: None,
        }
    }
}

/// Where a new meeting's agenda comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaSource {
    /// The group's latest earlier meeting that had an agenda (its outline, presenters,
    /// times and reporting sub-groups; never its notes).
    Previous,
    /// The group's agenda template.
    Template,
    Empty,
}

impl AgendaSource {
    pub const ALL: [AgendaSource; 3] = [AgendaSource::Previous, AgendaSource::Template, AgendaSource::Empty];

    pub fn as_str(self) -> &'static str {
        match self {
            AgendaSource::Previous => "previous",
            AgendaSource::Template => "template",
            AgendaSource::Empty => "empty",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

/// Creates a draft meeting of the group with its starting agenda, in one transaction.
pub async fn create(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    fields: &MeetingFields,
    source: AgendaSource,
    review_title: &str,
) -> QueryResult<i64> {
    conn.transaction(async |conn| {
        let id = fields.new_meeting(group_id, None).insert(conn).await?;
        seed_agenda(conn, group_id, id, fields.starts_at, source, review_title).await?;
        Ok(id)
    })
    .await
}

/// The agenda item copied or read from a template, as inserted.
#[derive(Insertable)]
#[diesel(table_name = agenda_items)]
struct SeededAgendaItem<'a> {
    meeting_id: i64,
    parent_id: Option<i64>,
    position: i32,
    title: &'a str,
    presenter: Option<&'a str>,
    minutes_allotted: Option<i32>,
    reporting_group_id: Option<i64>,
}

/// Gives a new, empty meeting its starting agenda, opening with the review of action
/// points (titled `review_title` when the source has none).
pub async fn seed_agenda(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    meeting_id: i64,
    starts_at: DateTime<Utc>,
    source: AgendaSource,
    review_title: &str,
) -> QueryResult<()> {
    let items = match source {
        AgendaSource::Previous => previous_agenda(conn, group_id, meeting_id, starts_at).await?,
        AgendaSource::Template => parse_template(&agenda_template(conn, group_id).await?),
        AgendaSource::Empty => Vec::new(),
    };
    let items = review_first(items, review_title);
    let mut ids: Vec<i64> = Vec::with_capacity(items.len());
    for (item, (parent, position)) in items.iter().zip(placements(&items)) {
        let id = diesel::insert_into(agenda_items::table)
            .values(SeededAgendaItem {
                meeting_id,
                parent_id: parent.map(|index| ids[index]),
                position,
                title: &item.title,
                presenter: item.presenter.as_deref(),
                minutes_allotted: item.minutes_allotted,
                reporting_group_id: item.reporting_group_id,
            })
            .returning(agenda_items::id)
            .get_result(conn)
            .await?;
        ids.push(id);
    }
    Ok(())
}

/// The outline of the group's latest meeting before `starts_at` that has an agenda.
async fn previous_agenda(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    meeting_id: i64,
    starts_at: DateTime<Utc>,
) -> QueryResult<Vec<SeedItem>> {
    let with_agenda = agenda_items::table
        .filter(agenda_items::meeting_id.eq(meetings_table::id))
        .select(agenda_items::id);
    let source: Option<i64> = meetings_table::table
        .filter(meetings_table::group_id.eq(group_id))
        .filter(meetings_table::id.ne(meeting_id))
        .filter(meetings_table::starts_at.lt(starts_at))
        .filter(meetings_table::status.ne(MeetingStatus::Cancelled))
        .filter(diesel::dsl::exists(with_agenda))
        .order(meetings_table::starts_at.desc())
        .select(meetings_table::id)
        .first(conn)
        .await
        .optional()?;
    let Some(source) = source else { return Ok(Vec::new()) };
    let rows = meetings::agenda(conn, source).await?;
    Ok(outline(&rows)
        .into_iter()
        .map(|numbered| SeedItem {
            depth: numbered.depth,
            title: numbered.item.title.clone(),
            presenter: numbered.item.presenter.clone(),
            minutes_allotted: numbered.item.minutes_allotted,
            reporting_group_id: numbered.item.reporting_group_id,
        })
        .collect())
}

pub async fn agenda_template(conn: &mut AsyncPgConnection, group_id: i64) -> QueryResult<String> {
    groups::table
        .find(group_id)
        .select(groups::agenda_template)
        .first(conn)
        .await
}

pub async fn set_agenda_template(conn: &mut AsyncPgConnection, group_id: i64, template: &str) -> QueryResult<()> {
    diesel::update(groups::table.find(group_id))
        .set((
            groups::agenda_template.eq(template),
            groups::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// What became of a change to a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Updated {
    /// Saved; `time_or_place_changed` tells whether members must hear of it (the
    /// iCalendar sequence was bumped).
    Saved { time_or_place_changed: bool },
    /// Not saved: the meeting is closed or cancelled.
    NotEditable(MeetingStatus),
}

/// Changes a meeting of `group_id` (a meeting of another group is not found), unless
/// it is closed or cancelled; a published meeting whose time or place changes gets
/// its `ics_sequence` bumped.
/// Runs inside the caller's transaction (`flows::meetings::update`), locking the meeting's row.
pub async fn update_in_transaction(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    meeting_id: i64,
    fields: &MeetingFields,
) -> QueryResult<Updated> {
    let current: Meeting = meetings_table::table
        .filter(meetings_table::id.eq(meeting_id))
        .filter(meetings_table::group_id.eq(group_id))
        .select(Meeting::as_select())
        .for_update()
        .first(conn)
        .await?;
    if !is_editable(current.status) {
        return Ok(Updated::NotEditable(current.status));
    }
    let before = Placement {
        starts_at: current.starts_at,
        duration_minutes: current.duration_minutes,
        location: current.location.as_deref(),
        online_url: current.online_url.as_deref(),
    };
    let changed = changes_time_or_place(current.published_at.is_some(), &before, &fields.placement());
    diesel::update(meetings_table::table.find(meeting_id))
        .set((
            meetings_table::title.eq(&fields.title),
            meetings_table::starts_at.eq(fields.starts_at),
            meetings_table::duration_minutes.eq(fields.duration_minutes),
            meetings_table::location.eq(fields.location.as_deref()),
            meetings_table::online_url.eq(fields.online_url.as_deref()),
            meetings_table::chair_id.eq(fields.chair_id),
            meetings_table::note_taker_id.eq(fields.note_taker_id),
            meetings_table::ics_sequence.eq(meetings_table::ics_sequence + i32::from(changed)),
            meetings_table::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    Ok(Updated::Saved {
        time_or_place_changed: changed,
    })
}

/// The group's current members who may chair a meeting or take its notes, by name.
pub async fn member_choices(
    conn: &mut AsyncPgConnection,
    group_id: i64,
    today: NaiveDate,
) -> QueryResult<Vec<(i64, String)>> {
    memberships::table
        .inner_join(users::table)
        .filter(memberships::group_id.eq(group_id))
        .filter(memberships::since.le(today))
        .filter(memberships::until.is_null().or(memberships::until.ge(today)))
        .filter(users::deactivated_at.is_null())
        .select((users::id, users::name))
        .distinct()
        .order((users::name, users::id))
        .load(conn)
        .await
}

/// Which meetings a list shows: those of `groups`, drafts only of `drafts_of`.
pub struct Scope<'a> {
    pub groups: &'a [i64],
    pub drafts_of: &'a [i64],
}

/// Which meetings of a list: those still to come (or under way) soonest first, or
/// those that have ended, most recent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Upcoming,
    Past,
}

/// One page of the meetings in `scope` that are upcoming or past at `now`, and how
/// many there are in all.
pub async fn listed(
    conn: &mut AsyncPgConnection,
    scope: &Scope<'_>,
    when: When,
    now: DateTime<Utc>,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<Meeting>, i64)> {
    let query = || {
        let query = meetings_table::table
            .filter(meetings_table::group_id.eq_any(scope.groups))
            .filter(
                meetings_table::status
                    .ne(MeetingStatus::Draft)
                    .or(meetings_table::group_id.eq_any(scope.drafts_of)),
            )
            .into_boxed();
        match when {
            When::Upcoming => query.filter(not(ends_by(now))),
            When::Past => query.filter(ends_by(now)),
        }
    };
    let total = query().count().get_result(conn).await?;
    let ordered = match when {
        When::Upcoming => query().order((meetings_table::starts_at.asc(), meetings_table::id.asc())),
        When::Past => query().order((meetings_table::starts_at.desc(), meetings_table::id.desc())),
    };
    let page = ordered
        .offset(offset)
        .limit(limit)
        .select(Meeting::as_select())
        .load(conn)
        .await?;
    Ok((page, total))
}

/// Whether a meeting has ended by `now`.
fn ends_by(now: DateTime<Utc>) -> UncheckedBind<SqlLiteral<Bool>, AsExprOf<DateTime<Utc>, Timestamptz>> {
    sql::<Bool>("(meetings.starts_at + meetings.duration_minutes * interval '1 minute') <= ")
        .bind::<Timestamptz, _>(now)
}

/// Published meetings (cancelled ones too, so calendars drop them) of `groups` from
/// `since` on, for calendar feeds.
pub async fn published_since(
    conn: &mut AsyncPgConnection,
    groups: &[i64],
    since: DateTime<Utc>,
    limit: i64,
) -> QueryResult<Vec<Meeting>> {
    meetings_table::table
        .filter(meetings_table::group_id.eq_any(groups))
        .filter(meetings_table::status.ne(MeetingStatus::Draft))
        .filter(meetings_table::starts_at.ge(since))
        .order((meetings_table::starts_at, meetings_table::id))
        .limit(limit)
        .select(Meeting::as_select())
        .load(conn)
        .await
}

/// The meeting as a calendar event: UID `meeting-{id}@{host of BASE_URL}`, stable
/// across every change, SEQUENCE its `ics_sequence`, a link to its page, and the
/// online link in the description (or as the location when there is no room).
pub struct CalendarText {
    pub uid: String,
    pub url: String,
    pub description: String,
}

impl CalendarText {
    pub fn of(meeting: &Meeting, base_url: &url::Url) -> Self {
        let url = base_url
            .join(&format!("meetings/{}", meeting.id))
            .map_or_else(|_| format!("/meetings/{}", meeting.id), String::from);
        let description = match &meeting.online_url {
            Some(online) => format!("{online}\n\n{url}"),
            None => url.clone(),
        };
        CalendarText {
            uid: format!("meeting-{}@{}", meeting.id, base_url.host_str().unwrap_or("localhost")),
            url,
            description,
        }
    }

    pub fn event<'a>(&'a self, meeting: &'a Meeting, stamp: DateTime<Utc>) -> crate::domain::ics::Event<'a> {
        crate::domain::ics::Event {
            uid: self.uid.clone(),
            sequence: meeting.ics_sequence,
            stamp,
            starts_at: meeting.starts_at,
            ends_at: meeting.ends_at(),
            summary: &meeting.title,
            location: meeting.location.as_deref().or(meeting.online_url.as_deref()),
            description: &self.description,
            url: Some(&self.url),
            cancelled: meeting.status == MeetingStatus::Cancelled,
        }
    }
}
