//! Owners of action points and responsible parties of workplan tasks: each one a
//! person, an organisation, a sub-group, or a role of the group. Both tables share
//! this shape, so one set of queries serves both.

use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Nullable, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use std::collections::HashMap;

use crate::domain::OwnerRole;
pub use crate::domain::owners::Owner;
use crate::i18n::Locale;
use crate::models::reminders::Person;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnerTable {
    ActionPoints,
    WorkplanTasks,
}

impl OwnerTable {
    /// The owner table and the column naming what is owned; fixed strings, never input.
    fn names(self) -> (&'static str, &'static str) {
        match self {
            OwnerTable::ActionPoints => ("action_point_owners", "action_point_id"),
            OwnerTable::WorkplanTasks => ("workplan_task_owners", "task_id"),
        }
    }

    /// The rows `$1` owned, each with the group it belongs to (an item's own, a task's
    /// area's), as `owned_id, group_id`.
    fn owned_groups(self) -> &'static str {
        match self {
            OwnerTable::ActionPoints => "SELECT id AS owned_id, group_id FROM action_points WHERE id = ANY($1)",
            OwnerTable::WorkplanTasks => {
                "SELECT t.id AS owned_id, a.group_id FROM workplan_tasks t \
                 JOIN workplan_areas a ON a.id = t.area_id WHERE t.id = ANY($1)"
            }
        }
    }

    /// The common table expressions `owners` and `reached`: who stands for the owners of
    /// the rows of `owned` (a query of `owned_id, group_id`), as `reached (owned_id,
    /// user_id)`: a named person; an organisation's focal points (its people who belong to
    /// the owned row's group); a sub-group's coordinators and co-chairs; the holders of a
    /// role in the owned row's group ("Members": all but observers); terms in force
    /// today, each person once per row. Each kind of owner is a join of its own, so any
    /// number of rows takes one statement through the membership indexes.
    pub fn reach(self, owned: &str) -> String {
        const ACTIVE: &str = "m.since <= current_date AND (m.until IS NULL OR m.until >= current_date)";
        let (table_name, owned_column) = self.names();
        format!(
            "owners AS MATERIALIZED ( \
                 SELECT s.owned_id, s.group_id, o.user_id, o.organization_id, o.group_id AS owner_group_id, o.role \
                 FROM ({owned}) s JOIN {table_name} o ON o.{owned_column} = s.owned_id), \
             reached AS ( \
                 SELECT owned_id, user_id FROM owners WHERE user_id IS NOT NULL \
                 UNION SELECT o.owned_id, m.user_id FROM owners o \
                     JOIN memberships m ON m.group_id = o.group_id AND {ACTIVE} \
                     JOIN users mu ON mu.id = m.user_id AND mu.organization_id = o.organization_id \
                 UNION SELECT o.owned_id, m.user_id FROM owners o \
                     JOIN memberships m ON m.group_id = o.owner_group_id AND m.role IN ('coordinator', 'co_chair') \
                     AND {ACTIVE} \
                 UNION SELECT o.owned_id, m.user_id FROM owners o \
                     JOIN memberships m ON m.group_id = o.group_id AND {ACTIVE} \
                     AND (m.role = o.role OR (o.role = 'member' AND m.role <> 'observer')))"
        )
    }
}

pub async fn add(conn: &mut AsyncPgConnection, table: OwnerTable, owned_id: i64, owner: Owner) -> QueryResult<()> {
    let (table_name, owned_column) = table.names();
    let (user, organization, group, role) = match owner {
        Owner::User(id) => (Some(id), None, None, None),
        Owner::Organization(id) => (None, Some(id), None, None),
        Owner::Group(id) => (None, None, Some(id), None),
        Owner::Role(role) => (None, None, None, Some(role)),
    };
    diesel::sql_query(format!(
        "INSERT INTO {table_name} ({owned_column}, user_id, organization_id, group_id, role) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING"
    ))
    .bind::<BigInt, _>(owned_id)
    .bind::<Nullable<BigInt>, _>(user)
    .bind::<Nullable<BigInt>, _>(organization)
    .bind::<Nullable<BigInt>, _>(group)
    .bind::<Nullable<Text>, _>(role)
    .execute(conn)
    .await?;
    Ok(())
}

/// An owner with the name to show for it.
#[derive(Debug, Clone, QueryableByName)]
pub struct NamedOwner {
    #[diesel(sql_type = BigInt)]
    pub owned_id: i64,
    /// The person's, organisation's or group's name; `None` for a role.
    #[diesel(sql_type = Nullable<Text>)]
    pub name: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub role: Option<OwnerRole>,
    #[diesel(sql_type = Nullable<BigInt>)]
    pub user_id: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    pub organization_id: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    pub group_id: Option<i64>,
}

impl NamedOwner {
    /// The owner this row names, as a reference (`user:12`, `role:member`, …).
    pub fn owner(&self) -> Option<Owner> {
        match (self.user_id, self.organization_id, self.group_id, self.role) {
            (Some(id), ..) => Some(Owner::User(id)),
            (_, Some(id), ..) => Some(Owner::Organization(id)),
            (_, _, Some(id), _) => Some(Owner::Group(id)),
            (.., Some(role)) => Some(Owner::Role(role)),
            _ => None,
        }
    }
}

/// The owners of each of `owned_ids`, in the order they were added.
pub async fn named(conn: &mut AsyncPgConnection, table: OwnerTable, owned_ids: &[i64]) -> QueryResult<Vec<NamedOwner>> {
    let (table_name, owned_column) = table.names();
    named_among(
        conn,
        &format!(
            "SELECT id, {owned_column} AS owned_id, user_id, organization_id, group_id, role \
             FROM {table_name} WHERE {owned_column} = ANY($1)"
        ),
        owned_ids,
    )
    .await
}

/// The owners that `owners` (a query of `id, owned_id, user_id, organization_id,
/// group_id, role` over the ids in `$1`) finds, named, by owned row and then `id`.
pub async fn named_among(conn: &mut AsyncPgConnection, owners: &str, ids: &[i64]) -> QueryResult<Vec<NamedOwner>> {
    diesel::sql_query(format!(
        "SELECT o.owned_id, coalesce(u.name, org.acronym, org.name, g.short_name) AS name, o.role, \
                o.user_id, o.organization_id, o.group_id \
         FROM ({owners}) o \
         LEFT JOIN users u ON u.id = o.user_id \
         LEFT JOIN organizations org ON org.id = o.organization_id \
         LEFT JOIN groups g ON g.id = o.group_id \
         ORDER BY o.owned_id, o.id"
    ))
    .bind::<Array<BigInt>, _>(ids)
    .load(conn)
    .await
}

/// A person an owner of `owned_id` stands for.
#[derive(Debug, Clone, QueryableByName)]
pub struct ReachedBy {
    #[diesel(sql_type = BigInt)]
    pub owned_id: i64,
    #[diesel(embed)]
    pub person: Person,
}

/// Who is reached for the owners of each of `owned_ids` ([`OwnerTable::reach`]): active
/// accounts, without those who turned `kind` off when one is given.
pub async fn reached(
    conn: &mut AsyncPgConnection,
    table: OwnerTable,
    owned_ids: &[i64],
    kind: Option<&str>,
) -> QueryResult<Vec<ReachedBy>> {
    // Each person's language once, not once for each item they are reached for (a
    // function call of ~30 µs, over 20,000 rows in a day's run at scale 1).
    diesel::sql_query(format!(
        "WITH {}, \
         people AS MATERIALIZED ( \
             SELECT u.id, u.name, u.email, person_language(u.id) AS locale FROM users u \
             WHERE u.id IN (SELECT user_id FROM reached) AND u.deactivated_at IS NULL \
             AND NOT EXISTS (SELECT 1 FROM mail_opt_outs x WHERE x.user_id = u.id AND x.kind = $2)) \
         SELECT r.owned_id, p.id, p.name, p.email, p.locale FROM reached r JOIN people p ON p.id = r.user_id \
         ORDER BY r.owned_id, p.name, p.id",
        table.reach(table.owned_groups())
    ))
    .bind::<Array<BigInt>, _>(owned_ids)
    .bind::<Nullable<Text>, _>(kind)
    .load(conn)
    .await
}

/// Who may own an item of `group_id`, with the name to show: its current members,
/// any organisation, and the groups below it. Roles are offered by the caller.
pub async fn offered(conn: &mut AsyncPgConnection, group_id: i64) -> QueryResult<Vec<(Owner, String)>> {
    #[derive(QueryableByName)]
    struct Choice {
        #[diesel(sql_type = Text)]
        kind: String,
        #[diesel(sql_type = BigInt)]
        id: i64,
        #[diesel(sql_type = Text)]
        label: String,
    }
    let rows: Vec<Choice> = diesel::sql_query(
        "SELECT DISTINCT 'user' AS kind, u.id, u.name || coalesce(' (' || coalesce(o.acronym, o.name) || ')', '') AS label \
         FROM memberships m JOIN users u ON u.id = m.user_id LEFT JOIN organizations o ON o.id = u.organization_id \
         WHERE m.group_id = $1 AND m.since <= current_date AND (m.until IS NULL OR m.until >= current_date) \
           AND u.deactivated_at IS NULL \
         UNION ALL \
         SELECT 'org', o.id, o.name || coalesce(' (' || o.acronym || ')', '') FROM organizations o \
         UNION ALL \
         (WITH RECURSIVE tree AS (SELECT id FROM groups WHERE parent_id = $1 AND archived_at IS NULL \
                                  UNION ALL SELECT g.id FROM groups g JOIN tree t ON g.parent_id = t.id WHERE g.archived_at IS NULL) \
          SELECT 'group', g.id, g.short_name FROM groups g JOIN tree t ON t.id = g.id) \
         ORDER BY 1 DESC, 3",
    )
    .bind::<BigInt, _>(group_id)
    .load(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|c| {
            let owner = match c.kind.as_str() {
                "user" => Owner::User(c.id),
                "org" => Owner::Organization(c.id),
                "group" => Owner::Group(c.id),
                _ => return None,
            };
            Some((owner, c.label))
        })
        .collect())
}

/// Owner names joined for a table cell; roles read as the group says them ("Coordinator", "IM").
/// Each owner's name, or its role's label, in order.
pub fn owner_names(locale: &Locale, owners: &[&NamedOwner]) -> Vec<String> {
    owners
        .iter()
        .map(|owner| match (&owner.name, owner.role) {
            (Some(name), _) => name.clone(),
            (None, Some(role)) => locale.t(&format!("owner-role-{}", role.as_str())),
            (None, None) => String::new(),
        })
        .collect()
}

pub fn owner_list(locale: &Locale, owners: &[&NamedOwner]) -> String {
    owner_names(locale, owners).join(", ")
}

/// Owners by the id of what they own.
pub fn owners_by_item(owners: &[NamedOwner]) -> HashMap<i64, Vec<&NamedOwner>> {
    let mut map: HashMap<i64, Vec<&NamedOwner>> = HashMap::new();
    for owner in owners {
        map.entry(owner.owned_id).or_default().push(owner);
    }
    map
}
