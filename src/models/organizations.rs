use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Serialize;

use super::{lower, unless_taken};
use crate::domain::OrganizationKind;
use crate::schema::organizations;

#[derive(Debug, Clone, Queryable, QueryableByName, Selectable, Identifiable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = organizations)]
pub struct Organization {
    pub id: i64,
    pub name: String,
    pub acronym: Option<String>,
    pub kind: OrganizationKind,
    pub created_at: DateTime<Utc>,
}

impl Organization {
    /// The short form people use in tables: the acronym when there is one.
    pub fn label(&self) -> &str {
        self.acronym.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = organizations)]
pub struct NewOrganization<'a> {
    pub name: &'a str,
    pub acronym: Option<&'a str>,
    pub kind: OrganizationKind,
}

impl NewOrganization<'_> {
    /// Inserts the organisation unless one of the same name (any case) exists; returns its id.
    pub async fn find_or_create(&self, conn: &mut AsyncPgConnection) -> QueryResult<i64> {
        let existing = organizations::table
            .filter(lower(organizations::name).eq(lower(self.name)))
            .select(organizations::id)
            .first::<i64>(conn)
            .await
            .optional()?;
        match existing {
            Some(id) => Ok(id),
            None => {
                diesel::insert_into(organizations::table)
                    .values(self)
                    .returning(organizations::id)
                    .get_result(conn)
                    .await
            }
        }
    }
}

/// Every organisation, by name.
pub async fn list(conn: &mut AsyncPgConnection) -> QueryResult<Vec<Organization>> {
    organizations::table
        .order(lower(organizations::name))
        .select(Organization::as_select())
        .load(conn)
        .await
}

/// The organisations of the groups' current members, at most `limit`, by name.
pub async fn of_members(conn: &mut AsyncPgConnection, group_ids: &[i64], limit: i64) -> QueryResult<Vec<Organization>> {
    use crate::schema::{memberships, users};
    let today = chrono::Utc::now().date_naive();
    let members = memberships::table
        .inner_join(users::table)
        .filter(memberships::group_id.eq_any(group_ids))
        .filter(memberships::since.le(today))
        .filter(memberships::until.is_null().or(memberships::until.ge(today)))
        .select(users::organization_id);
    organizations::table
        .filter(organizations::id.nullable().eq_any(members))
        .order(lower(organizations::name))
        .limit(limit)
        .select(Organization::as_select())
        .load(conn)
        .await
}

pub async fn find(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<Organization> {
    organizations::table
        .find(id)
        .select(Organization::as_select())
        .first(conn)
        .await
}

/// The organisation whose acronym or name is `label` (any case), acronyms first.
pub async fn find_by_label(conn: &mut AsyncPgConnection, label: &str) -> QueryResult<Option<Organization>> {
    diesel::sql_query(
        "SELECT id, name, acronym, kind, created_at FROM organizations \
         WHERE lower(acronym) = lower($1) OR lower(name) = lower($1) \
         ORDER BY lower(acronym) = lower($1) DESC NULLS LAST, id LIMIT 1",
    )
    .bind::<diesel::sql_types::Text, _>(label.trim())
    .get_result(conn)
    .await
    .optional()
}

impl NewOrganization<'_> {
    /// Inserts the organisation; `None` when one of that name exists already.
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<Option<i64>> {
        unless_taken(
            diesel::insert_into(organizations::table)
                .values(self)
                .returning(organizations::id)
                .get_result(conn)
                .await,
        )
    }
}

/// Renames or re-classifies an organisation; false when the new name is taken.
pub async fn update(conn: &mut AsyncPgConnection, id: i64, changes: &NewOrganization<'_>) -> QueryResult<bool> {
    let result = diesel::update(organizations::table.find(id))
        .set((
            organizations::name.eq(changes.name),
            organizations::acronym.eq(changes.acronym),
            organizations::kind.eq(changes.kind),
            organizations::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await;
    unless_taken(result).map(|saved| saved.is_some())
}

/// Folds the duplicate `from` into `into`: its people, guests and ownerships move
/// over (an ownership both already had is kept once), then `from` is deleted.
pub async fn merge(conn: &mut AsyncPgConnection, from: i64, into: i64) -> QueryResult<()> {
    use diesel::sql_types::BigInt;
    use diesel_async::AsyncConnection;
    conn.transaction(async |conn| {
        for sql in [
            "UPDATE users SET organization_id = $2 WHERE organization_id = $1",
            "UPDATE attendance SET organization_id = $2 WHERE organization_id = $1",
            "DELETE FROM action_point_owners a WHERE organization_id = $1 AND EXISTS \
             (SELECT 1 FROM action_point_owners b WHERE b.action_point_id = a.action_point_id AND b.organization_id = $2)",
            "UPDATE action_point_owners SET organization_id = $2 WHERE organization_id = $1",
            "DELETE FROM workplan_task_owners a WHERE organization_id = $1 AND EXISTS \
             (SELECT 1 FROM workplan_task_owners b WHERE b.task_id = a.task_id AND b.organization_id = $2)",
            "UPDATE workplan_task_owners SET organization_id = $2 WHERE organization_id = $1",
            "DELETE FROM organizations WHERE id = $1",
        ] {
            diesel::sql_query(sql).bind::<BigInt, _>(from).bind::<BigInt, _>(into).execute(conn).await?;
        }
        Ok(())
    })
    .await
}
