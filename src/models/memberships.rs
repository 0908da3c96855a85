//! Memberships: who belongs to which group, in which role, for which term; and the
//! directory (contact list) built from them.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Serialize;

use super::coalesce;
use crate::domain::{OrganizationKind, Role};
use crate::schema::{groups, memberships, organizations, users};

#[derive(Debug, Insertable)]
#[diesel(table_name = memberships)]
pub struct NewMembership {
    pub group_id: i64,
    pub user_id: i64,
    pub role: Role,
    pub since: NaiveDate,
    pub until: Option<NaiveDate>,
}

impl NewMembership {
    /// Adds the membership unless the person already holds that role in the group.
    pub async fn insert_if_missing(&self, conn: &mut AsyncPgConnection) -> QueryResult<bool> {
        let inserted = diesel::insert_into(memberships::table)
            .values(self)
            .on_conflict((memberships::group_id, memberships::user_id, memberships::role))
            .do_nothing()
            .execute(conn)
            .await?;
        Ok(inserted == 1)
    }
}

/// One membership as stored: who, in which group, in which role, for which term.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = memberships)]
pub struct Membership {
    pub id: i64,
    pub group_id: i64,
    pub user_id: i64,
    pub role: Role,
    pub since: NaiveDate,
    pub until: Option<NaiveDate>,
}

/// A membership with its whole term, for adding one with an end date.
#[derive(Debug, Insertable)]
#[diesel(table_name = memberships)]
pub struct NewTerm {
    pub group_id: i64,
    pub user_id: i64,
    pub role: Role,
    pub since: NaiveDate,
    pub until: Option<NaiveDate>,
}

impl NewTerm {
    /// Adds the membership; `None` when the person already holds that role in the group.
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<Option<i64>> {
        diesel::insert_into(memberships::table)
            .values(self)
            .on_conflict((memberships::group_id, memberships::user_id, memberships::role))
            .do_nothing()
            .returning(memberships::id)
            .get_result(conn)
            .await
            .optional()
    }
}

/// A membership of `group_id`; `None` when there is no such membership there.
pub async fn find(conn: &mut AsyncPgConnection, group_id: i64, id: i64) -> QueryResult<Option<Membership>> {
    memberships::table
        .find(id)
        .filter(memberships::group_id.eq(group_id))
        .select(Membership::as_select())
        .first(conn)
        .await
        .optional()
}

/// The user's roles that are in force on `today` (a co-chair's term ends by itself).
pub async fn active_roles(
    conn: &mut AsyncPgConnection,
    user_id: i64,
    today: NaiveDate,
) -> QueryResult<Vec<(i64, Role)>> {
    memberships::table
        .filter(memberships::user_id.eq(user_id))
        .filter(memberships::since.le(today))
        .filter(memberships::until.is_null().or(memberships::until.ge(today)))
        .select((memberships::group_id, memberships::role))
        .load(conn)
        .await
}

/// A membership's editable terms.
#[derive(Debug, AsChangeset)]
#[diesel(table_name = memberships, treat_none_as_null = true)]
pub struct Terms {
    pub role: Role,
    pub since: NaiveDate,
    pub until: Option<NaiveDate>,
}

/// Changes a membership of `group_id`; false when there is no such membership there.
pub async fn update(conn: &mut AsyncPgConnection, group_id: i64, id: i64, terms: &Terms) -> QueryResult<bool> {
    let changed = diesel::update(memberships::table.find(id).filter(memberships::group_id.eq(group_id)))
        .set(terms)
        .execute(conn)
        .await?;
    Ok(changed == 1)
}

/// Removes a membership of `group_id`; false when there is no such membership there.
pub async fn remove(conn: &mut AsyncPgConnection, group_id: i64, id: i64) -> QueryResult<bool> {
    let removed = diesel::delete(memberships::table.find(id).filter(memberships::group_id.eq(group_id)))
        .execute(conn)
        .await?;
    Ok(removed == 1)
}

/// One line of the contact list.
#[derive(Debug, Clone, Queryable, Serialize, utoipa::ToSchema)]
pub struct DirectoryEntry {
    pub membership_id: i64,
    pub group_id: i64,
    pub group: String,
    pub group_location: Option<String>,
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub title: Option<String>,
    pub phone: Option<String>,
    pub organization: Option<String>,
    pub organization_kind: Option<OrganizationKind>,
    pub role: Role,
    pub since: NaiveDate,
    pub until: Option<NaiveDate>,
}

/// What the contact list is narrowed to; `None` means any.
#[derive(Debug, Default, Clone)]
pub struct DirectoryFilter {
    pub organization_id: Option<i64>,
    pub organization_kind: Option<OrganizationKind>,
    /// Part of the group's location, any case.
    pub location: Option<String>,
    pub role: Option<Role>,
    /// Only terms in force on this day.
    pub active_on: Option<NaiveDate>,
}

/// The members of `group_ids` matching `filter`, by group, then organisation, then name.
pub async fn directory(
    conn: &mut AsyncPgConnection,
    group_ids: &[i64],
    filter: &DirectoryFilter,
) -> QueryResult<Vec<DirectoryEntry>> {
    Ok(directory_rows(conn, group_ids, filter, None).await?.0)
}

/// One page of [`directory`]: at most `limit` entries from `offset` on, and how many
/// match in all.
pub async fn directory_page(
    conn: &mut AsyncPgConnection,
    group_ids: &[i64],
    filter: &DirectoryFilter,
    limit: i64,
    offset: i64,
) -> QueryResult<(Vec<DirectoryEntry>, i64)> {
    let (entries, total) = directory_rows(conn, group_ids, filter, Some((limit, offset))).await?;
    Ok((entries, total.unwrap_or_default()))
}

/// The entries, all of them or one window `(limit, offset)` with the count of all.
async fn directory_rows(
    conn: &mut AsyncPgConnection,
    group_ids: &[i64],
    filter: &DirectoryFilter,
    window: Option<(i64, i64)>,
) -> QueryResult<(Vec<DirectoryEntry>, Option<i64>)> {
    let matching = || {
        let mut query = memberships::table
            .inner_join(users::table)
            .inner_join(groups::table)
            .left_join(organizations::table.on(organizations::id.nullable().eq(users::organization_id)))
            .filter(memberships::group_id.eq_any(group_ids))
            .filter(users::deactivated_at.is_null())
            .into_boxed();
        if let Some(org) = filter.organization_id {
            query = query.filter(users::organization_id.eq(org));
        }
        if let Some(kind) = filter.organization_kind {
            query = query.filter(organizations::kind.eq(kind));
        }
        if let Some(location) = &filter.location {
            query =
                query.filter(groups::location.ilike(format!("%{}%", location.replace('%', "\\%").replace('_', "\\_"))));
        }
        if let Some(role) = filter.role {
            query = query.filter(memberships::role.eq(role));
        }
        if let Some(day) = filter.active_on {
            query = query
                .filter(memberships::since.le(day))
                .filter(memberships::until.is_null().or(memberships::until.ge(day)));
        }
        query
    };
    let total = match window {
        Some(_) => Some(matching().count().get_result(conn).await?),
        None => None,
    };
    let mut query = matching()
        .order((
            groups::short_name,
            organizations::name.nullable(),
            users::name,
            memberships::role,
        ))
        .select((
            memberships::id,
            groups::id,
            groups::short_name,
            groups::location,
            users::id,
            users::name,
            users::email,
            users::title,
            users::phone,
            coalesce(organizations::acronym.nullable(), organizations::name.nullable()),
            organizations::kind.nullable(),
            memberships::role,
            memberships::since,
            memberships::until,
        ));
    if let Some((limit, offset)) = window {
        query = query.limit(limit).offset(offset);
    }
    Ok((query.load(conn).await?, total))
}
