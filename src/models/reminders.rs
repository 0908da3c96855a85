//! What the reminder planner reads: only meetings, action points and tasks whose due
//! instant is near (through the indexes on those instants), and who each mail reaches.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Date, Int4, Nullable, Text, Time, Timestamptz};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::owners::OwnerTable;
use crate::i18n::Locale;

/// A group's reminder settings, read along with what is due in it.
#[derive(Debug, Clone, QueryableByName)]
pub struct GroupTimes {
    #[diesel(sql_type = BigInt)]
    pub group_id: i64,
    /// The short name mail subjects use, or the full name when there is none.
    #[diesel(sql_type = Text)]
    pub group_name: String,
    #[diesel(sql_type = Text)]
    pub time_zone: String,
    #[diesel(sql_type = Int4)]
    pub meeting_reminder_days: i32,
    #[diesel(sql_type = Time)]
    pub meeting_reminder_time: NaiveTime,
    #[diesel(sql_type = Int4)]
    pub update_request_days: i32,
    #[diesel(sql_type = Int4)]
    pub action_due_days: i32,
    #[diesel(sql_type = Int4)]
    pub task_ending_days: i32,
}

impl GroupTimes {
    pub fn tz(&self) -> Tz {
        self.time_zone.parse().unwrap_or(Tz::UTC)
    }
}

const GROUP_TIMES: &str = "g.id AS group_id, COALESCE(NULLIF(btrim(g.short_name), ''), g.name) AS group_name, g.time_zone, g.meeting_reminder_days, \
    g.meeting_reminder_time, g.update_request_days, g.action_due_days, g.task_ending_days";

/// The longest lead time a group may set, in days, plus a day for time zones.
const LOOKAHEAD_DAYS: i32 = 62;

#[derive(Debug, Clone, QueryableByName)]
pub struct UpcomingMeeting {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Timestamptz)]
    pub starts_at: DateTime<Utc>,
    #[diesel(sql_type = Nullable<Text>)]
    pub location: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub online_url: Option<String>,
    #[diesel(embed)]
    pub group: GroupTimes,
}

/// Scheduled meetings of active groups starting after `now` and soon enough for a
/// reminder or an update request to be due.
pub async fn upcoming_meetings(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> QueryResult<Vec<UpcomingMeeting>> {
    diesel::sql_query(format!(
        "SELECT m.id, m.title, m.starts_at, m.location, m.online_url, {GROUP_TIMES} \
         FROM meetings m JOIN groups g ON g.id = m.group_id \
         WHERE m.status = 'scheduled' AND m.starts_at > $1 AND m.starts_at <= $1 + make_interval(days => $2) \
         AND g.archived_at IS NULL ORDER BY m.starts_at, m.id"
    ))
    .bind::<Timestamptz, _>(now)
    .bind::<Int4, _>(LOOKAHEAD_DAYS)
    .load(conn)
    .await
}

/// Someone a mail goes to.
#[derive(Debug, Clone, QueryableByName)]
pub struct Person {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = Text)]
    pub email: String,
    /// The language to write to them in.
    #[diesel(sql_type = Text)]
    pub locale: String,
}

impl Person {
    pub fn locale(&self) -> Locale {
        Locale::of(&self.locale)
    }
}

const ACTIVE_MEMBER: &str = "m.since <= current_date AND (m.until IS NULL OR m.until >= current_date) \
    AND u.deactivated_at IS NULL";

/// An active member of a group.
#[derive(Debug, Clone, QueryableByName)]
pub struct Member {
    #[diesel(sql_type = BigInt)]
    pub group_id: i64,
    #[diesel(embed)]
    pub person: Person,
}

/// The active members of each of the groups who have not turned `kind` off.
pub async fn members(conn: &mut AsyncPgConnection, group_ids: &[i64], kind: &str) -> QueryResult<Vec<Member>> {
    diesel::sql_query(format!(
        "SELECT DISTINCT m.group_id, u.id, u.name, u.email, person_language(u.id) AS locale FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.group_id = ANY($1) AND {ACTIVE_MEMBER} \
         AND NOT EXISTS (SELECT 1 FROM mail_opt_outs x WHERE x.user_id = u.id AND x.kind = $2) \
         ORDER BY m.group_id, u.name, u.id"
    ))
    .bind::<Array<BigInt>, _>(group_ids)
    .bind::<Text, _>(kind)
    .load(conn)
    .await
}

/// The top-level agenda titles of each of the meetings, in order.
pub async fn agendas(conn: &mut AsyncPgConnection, meeting_ids: &[i64]) -> QueryResult<Vec<(i64, String)>> {
    use crate::schema::agenda_items;
    agenda_items::table
        .filter(agenda_items::meeting_id.eq_any(meeting_ids))
        .filter(agenda_items::parent_id.is_null())
        .order((agenda_items::meeting_id, agenda_items::position))
        .select((agenda_items::meeting_id, agenda_items::title))
        .load(conn)
        .await
}

/// An agenda item a sub-group or field group reports on, and its coordinators.
#[derive(Debug, Clone, QueryableByName)]
pub struct ReportingItem {
    #[diesel(sql_type = BigInt)]
    pub meeting_id: i64,
    #[diesel(sql_type = BigInt)]
    pub item_id: i64,
    #[diesel(sql_type = Text)]
    pub item_title: String,
    #[diesel(sql_type = Text)]
    pub reporting_group: String,
    #[diesel(embed)]
    pub coordinator: Person,
}

/// The coordinators and co-chairs of the sub-groups and field groups reporting on
/// the meetings' agendas, who have not turned update requests off.
pub async fn reporting_coordinators(
    conn: &mut AsyncPgConnection,
    meeting_ids: &[i64],
) -> QueryResult<Vec<ReportingItem>> {
    diesel::sql_query(format!(
        "SELECT a.meeting_id, a.id AS item_id, a.title AS item_title, g.name AS reporting_group, u.id, u.name, u.email, \
         person_language(u.id) AS locale \
         FROM agenda_items a JOIN groups g ON g.id = a.reporting_group_id \
         JOIN memberships m ON m.group_id = g.id AND m.role IN ('coordinator', 'co_chair') \
         JOIN users u ON u.id = m.user_id \
         WHERE a.meeting_id = ANY($1) AND g.kind IN ('sub_group', 'field_group') AND {ACTIVE_MEMBER} \
         AND NOT EXISTS (SELECT 1 FROM mail_opt_outs x WHERE x.user_id = u.id AND x.kind = 'update_request') \
         ORDER BY a.meeting_id, a.position, a.id, u.id"
    ))
    .bind::<Array<BigInt>, _>(meeting_ids)
    .load(conn)
    .await
}

/// An open action point, as a reminder lists it.
#[derive(Debug, Clone, QueryableByName)]
pub struct OpenItem {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Int4)]
    pub number: i32,
    #[diesel(sql_type = Text)]
    pub text: String,
    #[diesel(sql_type = Nullable<Date>)]
    pub due_date: Option<NaiveDate>,
}

/// One of the open items a person stands for in a group, as a meeting reminder lists
/// them: the first few by due date, and how many there are in all.
#[derive(Debug, Clone, QueryableByName)]
pub struct ListedItem {
    #[diesel(sql_type = BigInt)]
    pub group_id: i64,
    #[diesel(sql_type = BigInt)]
    pub user_id: i64,
    #[diesel(embed)]
    pub item: OpenItem,
    #[diesel(sql_type = BigInt)]
    pub open_count: i64,
    /// Of those, how many were due before the day `now` is in the group's time zone.
    #[diesel(sql_type = BigInt)]
    pub overdue_count: i64,
}

/// The first `limit` open (or in progress) action points, soonest due first, that each
/// of `user_ids` stands for in each of the groups, with how many they stand for and
/// how many of those are overdue at `now`.
pub async fn open_items_of(
    conn: &mut AsyncPgConnection,
    group_ids: &[i64],
    user_ids: &[i64],
    limit: i64,
    now: DateTime<Utc>,
) -> QueryResult<Vec<ListedItem>> {
    let reach = OwnerTable::ActionPoints.reach(
        "SELECT id AS owned_id, group_id FROM action_points \
         WHERE group_id = ANY($1) AND status IN ('open', 'in_progress')",
    );
    diesel::sql_query(format!(
        "WITH {reach} \
         SELECT group_id, user_id, id, number, text, due_date, open_count, overdue_count FROM ( \
             SELECT ap.group_id, r.user_id, ap.id, ap.number, ap.text, ap.due_date, \
                    row_number() OVER mine AS rank, count(*) OVER mine AS open_count, \
                    count(*) FILTER (WHERE ap.due_date < ($4 AT TIME ZONE g.time_zone)::date) OVER mine AS overdue_count \
             FROM reached r JOIN action_points ap ON ap.id = r.owned_id JOIN groups g ON g.id = ap.group_id \
             WHERE r.user_id = ANY($2) \
             WINDOW mine AS (PARTITION BY ap.group_id, r.user_id ORDER BY ap.due_date NULLS LAST, ap.number \
                             ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) listed \
         WHERE rank <= $3 ORDER BY group_id, user_id, rank"
    ))
    .bind::<Array<BigInt>, _>(group_ids)
    .bind::<Array<BigInt>, _>(user_ids)
    .bind::<BigInt, _>(limit)
    .bind::<Timestamptz, _>(now)
    .load(conn)
    .await
}

#[derive(Debug, Clone, QueryableByName)]
pub struct DueItem {
    #[diesel(embed)]
    pub item: OpenItem,
    #[diesel(embed)]
    pub group: GroupTimes,
}

/// Open action points of active groups whose due date is near `today` or up to four
/// weeks past, the span in which one of their reminders can be current.
pub async fn items_due_around(conn: &mut AsyncPgConnection, today: NaiveDate) -> QueryResult<Vec<DueItem>> {
    diesel::sql_query(format!(
        "SELECT ap.id, ap.number, ap.text, ap.due_date, {GROUP_TIMES} \
         FROM action_points ap JOIN groups g ON g.id = ap.group_id \
         WHERE ap.due_date BETWEEN $1 - 30 AND $1 + $2 AND ap.status IN ('open', 'in_progress') \
         AND g.archived_at IS NULL ORDER BY ap.due_date, ap.id"
    ))
    .bind::<Date, _>(today)
    .bind::<Int4, _>(LOOKAHEAD_DAYS)
    .load(conn)
    .await
}

#[derive(Debug, Clone, QueryableByName)]
pub struct EndingTask {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Date)]
    pub end_date: NaiveDate,
    #[diesel(embed)]
    pub group: GroupTimes,
}

/// Unfinished workplan tasks of active groups ending from `today` on, soon enough
/// for their reminder to be due.
pub async fn tasks_ending_after(conn: &mut AsyncPgConnection, today: NaiveDate) -> QueryResult<Vec<EndingTask>> {
    diesel::sql_query(format!(
        "SELECT t.id, t.title, t.end_date, {GROUP_TIMES} \
         FROM workplan_tasks t JOIN workplan_areas a ON a.id = t.area_id JOIN groups g ON g.id = a.group_id \
         WHERE t.end_date BETWEEN $1 - 1 AND $1 + $2 AND t.status NOT IN ('completed', 'cancelled') \
         AND g.archived_at IS NULL ORDER BY t.end_date, t.id"
    ))
    .bind::<Date, _>(today)
    .bind::<Int4, _>(LOOKAHEAD_DAYS)
    .load(conn)
    .await
}
