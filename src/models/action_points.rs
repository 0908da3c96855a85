use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::Serialize;

use super::minutes::Reader;
use super::owners::{self, Owner, OwnerTable};
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

/// The items the minutes of meeting `meeting_id` mention, as `reader` may see them:
/// those of `reviewed` (already filtered for the reader) and those raised at the meeting.
pub async fn mentioned(
    conn: &mut AsyncPgConnection,
    reviewed: &[i64],
    meeting_id: i64,
    reader: Reader,
) -> QueryResult<Vec<ActionPoint>> {
    let raised = action_points::meeting_id.eq(meeting_id);
    let query = action_points::table.select(ActionPoint::as_select()).into_boxed();
    let query = match reader {
        Reader::Everything => query.filter(action_points::id.eq_any(reviewed).or(raised)),
        Reader::Member(viewer) => query.filter(
            action_points::id
                .eq_any(reviewed)
                .or(raised.and(action_points::restricted.eq(false).or(stands_for_filter(viewer)))),
        ),
        Reader::AllMembers => query.filter(
            action_points::id
                .eq_any(reviewed)
                .or(raised.and(action_points::restricted.eq(false))),
        ),
    };
    query
        .order((action_points::created_at, action_points::number))
        .load(conn)
        .await
}

/// How a list of action points is narrowed; empty fields mean "any".
#[derive(Debug, Default, Clone)]
pub struct ListFilter {
    pub statuses: Vec<ActionStatus>,
    pub owner: Option<Owner>,
    /// Owned by the organisation, or by one of its people.
    pub organization_id: Option<i64>,
    pub topic: Option<String>,
    pub due_before: Option<NaiveDate>,
    pub due_after: Option<NaiveDate>,
    pub meeting_id: Option<i64>,
    /// Words searched in topic, text and status note (PostgreSQL full text).
    pub text: Option<String>,
    /// Only items this person stands for (see [`OWNED_BY`]).
    pub owned_by: Option<i64>,
    /// Restricted items are left out unless this person stands for them.
    pub restricted_visible_to: Option<i64>,
}

/// The order of a list.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Overdue first, then by due date (open-ended last), then by number.
    #[default]
    Due,
    Number,
    Topic,
    Status,
}

/// The condition "the person stands for an owner of `item`" (an alias of
/// `action_points`), in three parts to join with the person's id placeholder: named
/// as a person, through their organisation (as a focal point in the item's group), as a
/// member of an owning sub-group, or by holding the owning role in the item's group
/// ("Members": anyone but observers). Terms in force today only.
/// The first three ways are few items read from the owners' side through their
/// indexes; a role owns a share of every item of the person's groups, so that one is
/// tested on the page's own candidate rows instead of being listed.
fn stands_for_parts(item: &str) -> [String; 3] {
    const ACTIVE: &str = "m.since <= current_date AND (m.until IS NULL OR m.until >= current_date)";
    [
        format!("({item}.id IN (SELECT s.id FROM (SELECT "),
        format!(
            "::bigint AS user_id) me CROSS JOIN LATERAL ( \
                 SELECT o.action_point_id FROM action_point_owners o WHERE o.user_id = me.user_id \
                 UNION ALL \
                 SELECT o.action_point_id FROM users u \
                   JOIN action_point_owners o ON o.organization_id = u.organization_id \
                   JOIN action_points a ON a.id = o.action_point_id \
                   JOIN memberships m ON m.user_id = u.id AND m.group_id = a.group_id AND {ACTIVE} \
                  WHERE u.id = me.user_id \
                 UNION ALL \
                 SELECT o.action_point_id FROM memberships m JOIN action_point_owners o ON o.group_id = m.group_id \
                  WHERE m.user_id = me.user_id AND {ACTIVE}) s(id)) \
             OR EXISTS (SELECT 1 FROM action_point_owners o JOIN memberships m ON m.group_id = {item}.group_id \
                         AND (o.role = m.role OR (o.role = 'member' AND m.role <> 'observer')) AND {ACTIVE} \
                        WHERE o.action_point_id = {item}.id AND o.role IS NOT NULL AND m.user_id = "
        ),
        "))".to_owned(),
    ]
}

/// [`stands_for_parts`] for a raw query, the person's id in placeholder `param` (`$1`).
pub fn stands_for_condition(item: &str, param: &str) -> String {
    stands_for_parts(item).join(&format!("{param}::bigint"))
}

/// The same condition on `action_points`, for a diesel query.
fn stands_for_filter(
    user_id: i64,
) -> diesel::expression::SqlLiteral<diesel::sql_types::Bool, impl diesel::query_builder::QueryFragment<diesel::pg::Pg>>
{
    use diesel::sql_types::BigInt;
    let [before, between, after] = stands_for_parts("action_points");
    diesel::dsl::sql::<diesel::sql_types::Bool>(&before)
        .bind::<BigInt, _>(user_id)
        .sql(&between)
        .bind::<BigInt, _>(user_id)
        .sql(&after)
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: i64,
}

/// Whether `user_id` stands for one of the item's owners.
pub async fn stands_for(conn: &mut AsyncPgConnection, user_id: i64, action_point_id: i64) -> QueryResult<bool> {
    Ok(owned_among(conn, user_id, &[action_point_id])
        .await?
        .contains(&action_point_id))
}

/// One page of the items of `group_ids` that match, and how many match in all.
pub async fn list(
    conn: &mut AsyncPgConnection,
    group_ids: &[i64],
    filter: &ListFilter,
    sort: Sort,
    today: NaiveDate,
    limit: i64,
    offset: i64,
) -> QueryResult<(Vec<ActionPoint>, i64)> {
    use diesel::dsl::{exists, sql};
    use diesel::sql_types::{Bool, Date, Text};

    use crate::schema::{action_point_owners, users as people};

    let matching = || {
        let mut query = action_points::table
            .filter(action_points::group_id.eq_any(group_ids))
            .into_boxed();
        if !filter.statuses.is_empty() {
            query = query.filter(action_points::status.eq_any(filter.statuses.clone()));
        }
        if let Some(owner) = filter.owner {
            let owners = action_point_owners::table.filter(action_point_owners::action_point_id.eq(action_points::id));
            query = match owner {
                Owner::User(id) => query.filter(exists(owners.filter(action_point_owners::user_id.eq(id)))),
                Owner::Organization(id) => {
                    query.filter(exists(owners.filter(action_point_owners::organization_id.eq(id))))
                }
                Owner::Group(id) => query.filter(exists(owners.filter(action_point_owners::group_id.eq(id)))),
                Owner::Role(role) => query.filter(exists(owners.filter(action_point_owners::role.eq(role.as_str())))),
            };
        }
        if let Some(org) = filter.organization_id {
            let owners = action_point_owners::table.filter(action_point_owners::action_point_id.eq(action_points::id));
            let by_org = owners.filter(action_point_owners::organization_id.eq(org));
            let by_people = action_point_owners::table
                .inner_join(people::table)
                .filter(action_point_owners::action_point_id.eq(action_points::id))
                .filter(people::organization_id.eq(org));
            query = query.filter(exists(by_org).or(exists(by_people)));
        }
        if let Some(topic) = &filter.topic {
            query = query.filter(action_points::topic.eq(topic.clone()));
        }
        if let Some(before) = filter.due_before {
            query = query.filter(action_points::due_date.le(before));
        }
        if let Some(after) = filter.due_after {
            query = query.filter(action_points::due_date.ge(after));
        }
        if let Some(meeting) = filter.meeting_id {
            query = query.filter(action_points::meeting_id.eq(meeting));
        }
        if let Some(text) = &filter.text {
            query = query.filter(
                sql::<Bool>("search @@ plainto_tsquery('simple', ")
                    .bind::<Text, _>(text.clone())
                    .sql(")"),
            );
        }
        if let Some(user) = filter.owned_by {
            query = query.filter(stands_for_filter(user));
        }
        if let Some(user) = filter.restricted_visible_to {
            query = query.filter(action_points::restricted.eq(false).or(stands_for_filter(user)));
        }
        query
    };
    let total: i64 = matching().count().get_result(conn).await?;
    let mut query = matching().select(ActionPoint::as_select()).limit(limit).offset(offset);
    query = match sort {
        Sort::Due => query
            .order(
                sql::<Bool>("(due_date IS NOT NULL AND due_date < ")
                    .bind::<Date, _>(today)
                    .sql(" AND status IN ('open', 'in_progress')) DESC"),
            )
            .then_order_by(action_points::due_date.asc().nulls_last())
            .then_order_by(action_points::number),
        Sort::Number => query.order(action_points::number),
        Sort::Topic => query.order((action_points::topic, action_points::number)),
        Sort::Status => query.order((action_points::status, action_points::number)),
    };
    Ok((query.load(conn).await?, total))
}

pub async fn find(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<ActionPoint> {
    action_points::table
        .find(id)
        .select(ActionPoint::as_select())
        .first(conn)
        .await
}

/// The distinct topics of the groups' items, at most `limit`, for the filter: a loose
/// scan of the index on (group_id, topic) that reads one entry per group and topic,
/// however many items share it.
pub async fn topics(conn: &mut AsyncPgConnection, group_ids: &[i64], limit: i64) -> QueryResult<Vec<String>> {
    #[derive(QueryableByName)]
    struct Topic {
        #[diesel(sql_type = diesel::sql_types::Text)]
        topic: String,
    }
    let rows: Vec<Topic> = diesel::sql_query(
        "WITH RECURSIVE t(group_id, topic, n) AS ( \
             SELECT g, (SELECT min(topic) FROM action_points WHERE group_id = g), 1 FROM unnest($1::bigint[]) g \
             UNION ALL \
             SELECT t.group_id, (SELECT min(a.topic) FROM action_points a WHERE a.group_id = t.group_id AND a.topic > t.topic), \
                    t.n + 1 \
             FROM t WHERE t.topic IS NOT NULL AND t.n < $2) \
         SELECT DISTINCT topic FROM t WHERE topic IS NOT NULL ORDER BY topic LIMIT $2",
    )
    .bind::<diesel::sql_types::Array<diesel::sql_types::BigInt>, _>(group_ids)
    .bind::<diesel::sql_types::BigInt, _>(limit)
    .load(conn)
    .await?;
    Ok(rows.into_iter().map(|r| r.topic).collect())
}

/// The items among `ids` that `user_id` stands for (and so may update as an owner).
pub async fn owned_among(conn: &mut AsyncPgConnection, user_id: i64, ids: &[i64]) -> QueryResult<Vec<i64>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<Id> = diesel::sql_query(format!(
        "SELECT ap.id FROM action_points ap WHERE ap.id = ANY($2) AND {}",
        stands_for_condition("ap", "$1")
    ))
    .bind::<diesel::sql_types::BigInt, _>(user_id)
    .bind::<diesel::sql_types::Array<diesel::sql_types::BigInt>, _>(ids)
    .load(conn)
    .await?;
    Ok(rows.into_iter().map(|r| r.id).collect())
}

/// One history row with its author, as the item's page shows it.
#[derive(Debug, Clone, Queryable)]
pub struct HistoryEntry {
    pub at: DateTime<Utc>,
    pub by: Option<String>,
    pub old_status: Option<ActionStatus>,
    pub new_status: ActionStatus,
    pub note: String,
    pub via: UpdateVia,
}

pub async fn entries(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<Vec<HistoryEntry>> {
    action_point_updates::table
        .left_join(users::table)
        .filter(action_point_updates::action_point_id.eq(id))
        .order((action_point_updates::created_at.desc(), action_point_updates::id.desc()))
        .select((
            action_point_updates::created_at,
            users::name.nullable(),
            action_point_updates::old_status,
            action_point_updates::new_status,
            action_point_updates::note,
            action_point_updates::via,
        ))
        .load(conn)
        .await
}

/// Replaces an item's owners with `owners`.
pub async fn replace_owners(conn: &mut AsyncPgConnection, id: i64, owners: &[Owner]) -> QueryResult<()> {
    use crate::schema::action_point_owners;
    conn.transaction(async |conn| {
        diesel::delete(action_point_owners::table.filter(action_point_owners::action_point_id.eq(id)))
            .execute(conn)
            .await?;
        for owner in owners {
            owners::add(conn, OwnerTable::ActionPoints, id, *owner).await?;
        }
        Ok(())
    })
    .await
}

/// A person who stands for an owner, as reminders reach them.
#[derive(Debug, Clone, QueryableByName)]
pub struct Reached {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub id: i64,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub name: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub email: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub locale: String,
}

/// Who is reached for the item's owners ([`owners::reached`]).
pub async fn reached(conn: &mut AsyncPgConnection, action_point_id: i64) -> QueryResult<Vec<Reached>> {
    let reached = owners::reached(conn, OwnerTable::ActionPoints, &[action_point_id], None).await?;
    Ok(reached
        .into_iter()
        .map(|r| Reached {
            id: r.person.id,
            name: r.person.name,
            email: r.person.email,
            locale: r.person.locale,
        })
        .collect())
}
