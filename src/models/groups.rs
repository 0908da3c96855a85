use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Serialize;

use super::unless_taken;
use crate::domain::GroupKind;
use crate::schema::groups;

#[derive(Debug, Clone, Queryable, QueryableByName, Selectable, Identifiable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = groups)]
pub struct Group {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub name: String,
    pub short_name: String,
    pub kind: GroupKind,
    pub location: Option<String>,
    pub time_zone: String,
    pub description: String,
    /// The language of members it invites, until they choose their own.
    pub default_locale: String,
    pub archived_at: Option<DateTime<Utc>>,
}

impl Group {
    /// The group's zone; the database only holds zones PostgreSQL knows, and an
    /// unknown one falls back to UTC rather than failing a page.
    pub fn tz(&self) -> Tz {
        self.time_zone.parse().unwrap_or(Tz::UTC)
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = groups)]
pub struct NewGroup<'a> {
    pub parent_id: Option<i64>,
    pub name: &'a str,
    pub short_name: &'a str,
    pub kind: GroupKind,
    pub location: Option<&'a str>,
    pub time_zone: &'a str,
    pub description: &'a str,
    /// The language of members who chose none; `None` leaves the column's default.
    pub default_locale: Option<&'a str>,
}

impl NewGroup<'_> {
    /// Inserts the group unless its parent already has one of that short name.
    pub async fn find_or_create(&self, conn: &mut AsyncPgConnection) -> QueryResult<i64> {
        let existing = groups::table
            .filter(groups::short_name.eq(self.short_name))
            .filter(groups::parent_id.is_not_distinct_from(self.parent_id))
            .select(groups::id)
            .first(conn)
            .await
            .optional()?;
        match existing {
            Some(id) => Ok(id),
            None => {
                diesel::insert_into(groups::table)
                    .values(self)
                    .returning(groups::id)
                    .get_result(conn)
                    .await
            }
        }
    }
}

impl NewGroup<'_> {
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<i64> {
        diesel::insert_into(groups::table)
            .values(self)
            .returning(groups::id)
            .get_result(conn)
            .await
    }
}

/// The editable fields of a group; a `None` location clears it.
#[derive(Debug, AsChangeset, Insertable)]
#[diesel(table_name = groups, treat_none_as_null = true)]
pub struct GroupChanges<'a> {
    pub name: &'a str,
    pub short_name: &'a str,
    pub kind: GroupKind,
    pub location: Option<&'a str>,
    pub time_zone: &'a str,
    pub description: &'a str,
    pub default_locale: &'a str,
    pub meeting_reminder_days: i32,
    pub update_request_days: i32,
    pub action_due_days: i32,
    pub task_ending_days: i32,
}

/// Creates a group under `parent` (a working group when `None`); `None` when its
/// parent already has a group of that short name.
pub async fn create(
    conn: &mut AsyncPgConnection,
    parent: Option<i64>,
    fields: &GroupChanges<'_>,
) -> QueryResult<Option<i64>> {
    let inserted = diesel::insert_into(groups::table)
        .values((groups::parent_id.eq(parent), fields))
        .returning(groups::id)
        .get_result(conn)
        .await;
    unless_taken(inserted)
}

/// Saves the group's fields; `None` when a sibling has that short name.
pub async fn update(conn: &mut AsyncPgConnection, id: i64, changes: &GroupChanges<'_>) -> QueryResult<Option<()>> {
    let updated = diesel::update(groups::table.find(id))
        .set((changes, groups::updated_at.eq(diesel::dsl::now)))
        .execute(conn)
        .await
        .map(|_| ());
    unless_taken(updated)
}

/// Archives (or restores) a group; archived groups leave lists but keep their history.
pub async fn set_archived(conn: &mut AsyncPgConnection, id: i64, archived: bool) -> QueryResult<()> {
    let at = archived.then(Utc::now);
    diesel::update(groups::table.find(id))
        .set((groups::archived_at.eq(at), groups::updated_at.eq(diesel::dsl::now)))
        .execute(conn)
        .await?;
    Ok(())
}

/// Reminder lead times and the spreadsheet date order, for the edit form.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = groups)]
pub struct GroupSettings {
    pub meeting_reminder_days: i32,
    pub update_request_days: i32,
    pub action_due_days: i32,
    pub task_ending_days: i32,
}

pub async fn settings(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<GroupSettings> {
    groups::table
        .find(id)
        .select(GroupSettings::as_select())
        .first(conn)
        .await
}

pub async fn find(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<Group> {
    groups::table.find(id).select(Group::as_select()).first(conn).await
}

/// Working groups at the top of the tree that are not archived.
pub async fn top_level(conn: &mut AsyncPgConnection) -> QueryResult<Vec<Group>> {
    groups::table
        .filter(groups::parent_id.is_null())
        .filter(groups::archived_at.is_null())
        .order(groups::name)
        .select(Group::as_select())
        .load(conn)
        .await
}

pub async fn children(conn: &mut AsyncPgConnection, parent: i64) -> QueryResult<Vec<Group>> {
    groups::table
        .filter(groups::parent_id.eq(parent))
        .filter(groups::archived_at.is_null())
        .order((groups::kind, groups::name))
        .select(Group::as_select())
        .load(conn)
        .await
}

/// The chain from the top of the tree down to the group's parent, for breadcrumbs.
pub async fn ancestors(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<Vec<Group>> {
    diesel::sql_query(
        "WITH RECURSIVE chain AS ( \
             SELECT g.*, 0 AS depth FROM groups g WHERE g.id = (SELECT parent_id FROM groups WHERE id = $1) \
             UNION ALL \
             SELECT p.*, c.depth + 1 FROM groups p JOIN chain c ON p.id = c.parent_id \
         ) SELECT * FROM chain ORDER BY depth DESC",
    )
    .bind::<BigInt, _>(id)
    .load(conn)
    .await
}

#[derive(QueryableByName)]
struct GroupId {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// The group and every group below it.
pub async fn subtree_ids(conn: &mut AsyncPgConnection, root: i64) -> QueryResult<Vec<i64>> {
    let rows: Vec<GroupId> = diesel::sql_query(
        "WITH RECURSIVE tree AS ( \
             SELECT id FROM groups WHERE id = $1 \
             UNION ALL \
             SELECT g.id FROM groups g JOIN tree t ON g.parent_id = t.id \
         ) SELECT id FROM tree",
    )
    .bind::<BigInt, _>(root)
    .load(conn)
    .await?;
    Ok(rows.into_iter().map(|r| r.id).collect())
}

/// The group and every group below it, as [`subtree_ids`] orders them, with their
/// short names.
pub async fn subtree_short_names(conn: &mut AsyncPgConnection, root: i64) -> QueryResult<Vec<(i64, String)>> {
    #[derive(QueryableByName)]
    struct Named {
        #[diesel(sql_type = BigInt)]
        id: i64,
        #[diesel(sql_type = diesel::sql_types::Text)]
        short_name: String,
    }
    let rows: Vec<Named> = diesel::sql_query(
        "WITH RECURSIVE tree AS ( \
             SELECT id, short_name FROM groups WHERE id = $1 \
             UNION ALL \
             SELECT g.id, g.short_name FROM groups g JOIN tree t ON g.parent_id = t.id \
         ) SELECT id, short_name FROM tree",
    )
    .bind::<BigInt, _>(root)
    .load(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.short_name)).collect())
}

/// The group followed by its parent and so on up to the top.
pub async fn chain_ids(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<Vec<i64>> {
    let rows: Vec<GroupId> = diesel::sql_query(
        "WITH RECURSIVE chain AS ( \
             SELECT id, parent_id, 0 AS depth FROM groups WHERE id = $1 \
             UNION ALL \
             SELECT g.id, g.parent_id, c.depth + 1 FROM groups g JOIN chain c ON g.id = c.parent_id \
         ) SELECT id FROM chain ORDER BY depth",
    )
    .bind::<BigInt, _>(id)
    .load(conn)
    .await?;
    Ok(rows.into_iter().map(|r| r.id).collect())
}

/// The groups someone sees on their start page: every group they belong to that has
/// no visible parent (everything below is reached from there).
pub async fn entry_points(conn: &mut AsyncPgConnection, group_ids: &[i64]) -> QueryResult<Vec<Group>> {
    groups::table
        .filter(groups::id.eq_any(group_ids))
        .filter(groups::archived_at.is_null())
        .order(groups::name)
        .select(Group::as_select())
        .load(conn)
        .await
        .map(|groups| {
            let ids: Vec<i64> = groups.iter().map(|g| g.id).collect();
            groups
                .into_iter()
                .filter(|g| g.parent_id.is_none_or(|p| !ids.contains(&p)))
                .collect()
        })
}

/// Every group `user_id` may see: all for an administrator, else the groups they
/// belong to today and everything below them.
pub async fn visible_ids(conn: &mut AsyncPgConnection, user_id: i64, is_admin: bool) -> QueryResult<Vec<i64>> {
    let sql = if is_admin {
        "SELECT id FROM groups WHERE $1 = $1"
    } else {
        "WITH RECURSIVE tree AS ( \
             SELECT group_id AS id FROM memberships WHERE user_id = $1 AND since <= current_date \
               AND (until IS NULL OR until >= current_date) \
             UNION \
             SELECT g.id FROM groups g JOIN tree t ON g.parent_id = t.id \
         ) SELECT id FROM tree"
    };
    let rows: Vec<GroupId> = diesel::sql_query(sql).bind::<BigInt, _>(user_id).load(conn).await?;
    Ok(rows.into_iter().map(|r| r.id).collect())
}

pub async fn by_ids(conn: &mut AsyncPgConnection, ids: &[i64]) -> QueryResult<Vec<Group>> {
    groups::table
        .filter(groups::id.eq_any(ids))
        .select(Group::as_select())
        .load(conn)
        .await
}

/// Every group, archived ones too, by name.
pub async fn all(conn: &mut AsyncPgConnection) -> QueryResult<Vec<Group>> {
    groups::table
        .order((groups::name, groups::id))
        .select(Group::as_select())
        .load(conn)
        .await
}

/// Every group with its parent, for deciding which groups someone may see.
pub async fn tree(conn: &mut AsyncPgConnection) -> QueryResult<Vec<(i64, Option<i64>)>> {
    groups::table
        .order(groups::id)
        .select((groups::id, groups::parent_id))
        .load(conn)
        .await
}

/// The distinct locations of these groups, for a filter's choices.
pub async fn locations(conn: &mut AsyncPgConnection, ids: &[i64]) -> QueryResult<Vec<String>> {
    groups::table
        .filter(groups::id.eq_any(ids))
        .filter(groups::location.is_not_null())
        .select(groups::location.assume_not_null())
        .distinct()
        .order(groups::location.assume_not_null())
        .load(conn)
        .await
}

/// The short names of these groups, as (id, short name).
pub async fn short_names(conn: &mut AsyncPgConnection, ids: &[i64]) -> QueryResult<Vec<(i64, String)>> {
    groups::table
        .filter(groups::id.eq_any(ids))
        .order(groups::id)
        .select((groups::id, groups::short_name))
        .load(conn)
        .await
}

/// The groups `roots` and every group below them, archived ones too, by name.
pub async fn subtrees(conn: &mut AsyncPgConnection, roots: &[i64]) -> QueryResult<Vec<Group>> {
    diesel::sql_query(
        "WITH RECURSIVE tree AS ( \
             SELECT id FROM groups WHERE id = ANY($1) \
             UNION \
             SELECT g.id FROM groups g JOIN tree t ON g.parent_id = t.id \
         ) SELECT g.id, g.parent_id, g.name, g.short_name, g.kind, g.location, g.time_zone, \
                  g.description, g.default_locale, g.archived_at \
           FROM groups g JOIN tree USING (id) ORDER BY g.name, g.id",
    )
    .bind::<diesel::sql_types::Array<BigInt>, _>(roots)
    .load(conn)
    .await
}
