use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::{lower, unless_taken};
use crate::schema::users;

/// A person, without the password hash, which only the login code reads.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable, serde::Serialize, utoipa::ToSchema)]
#[diesel(table_name = users)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub organization_id: Option<i64>,
    pub title: Option<String>,
    pub phone: Option<String>,
    /// The language they chose; `None` until they do.
    pub locale: Option<String>,
    pub time_zone: String,
    pub is_admin: bool,
    pub deactivated_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub organization_id: Option<i64>,
    pub title: Option<&'a str>,
    pub locale: Option<&'a str>,
    pub time_zone: &'a str,
    pub password_hash: Option<String>,
    pub is_admin: bool,
}

impl NewUser<'_> {
    /// Inserts the user unless the email (any case) is taken; returns the user's id.
    pub async fn find_or_create(&self, conn: &mut AsyncPgConnection) -> QueryResult<i64> {
        if let Some(id) = find_id_by_email(conn, self.email).await? {
            return Ok(id);
        }
        diesel::insert_into(users::table)
            .values(self)
            .returning(users::id)
            .get_result(conn)
            .await
    }
}

pub async fn find_id_by_email(conn: &mut AsyncPgConnection, email: &str) -> QueryResult<Option<i64>> {
    users::table
        .filter(lower(users::email).eq(lower(email)))
        .select(users::id)
        .first(conn)
        .await
        .optional()
}

/// An active account and its password hash, by email, for signing in.
pub async fn find_for_login(conn: &mut AsyncPgConnection, email: &str) -> QueryResult<Option<(User, Option<String>)>> {
    users::table
        .filter(lower(users::email).eq(lower(email)))
        .filter(users::deactivated_at.is_null())
        .select((User::as_select(), users::password_hash))
        .first(conn)
        .await
        .optional()
}

pub async fn password_hash(conn: &mut AsyncPgConnection, user_id: i64) -> QueryResult<Option<String>> {
    users::table
        .find(user_id)
        .select(users::password_hash)
        .first(conn)
        .await
}

pub async fn set_password_hash(conn: &mut AsyncPgConnection, user_id: i64, hash: &str) -> QueryResult<()> {
    diesel::update(users::table.find(user_id))
        .set((users::password_hash.eq(hash), users::updated_at.eq(diesel::dsl::now)))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn find(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<User> {
    users::table.find(id).select(User::as_select()).first(conn).await
}

impl NewUser<'_> {
    /// Inserts the user; `None` when the email (any case) is taken.
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<Option<i64>> {
        unless_taken(
            diesel::insert_into(users::table)
                .values(self)
                .returning(users::id)
                .get_result(conn)
                .await,
        )
    }
}

/// What a person may change about themselves.
#[derive(Debug, AsChangeset)]
#[diesel(table_name = users, treat_none_as_null = true)]
pub struct Profile<'a> {
    pub name: &'a str,
    pub organization_id: Option<i64>,
    pub title: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub locale: Option<&'a str>,
    pub time_zone: &'a str,
}

pub async fn update_profile(conn: &mut AsyncPgConnection, id: i64, profile: &Profile<'_>) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((profile, users::updated_at.eq(diesel::dsl::now)))
        .execute(conn)
        .await?;
    Ok(())
}

/// Saves the language someone chose (`None`: none, follow the browser).
pub async fn set_locale(conn: &mut AsyncPgConnection, id: i64, locale: Option<&str>) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((users::locale.eq(locale), users::updated_at.eq(diesel::dsl::now)))
        .execute(conn)
        .await?;
    Ok(())
}

/// The language to write to someone in: theirs, else their first group's default.
pub async fn language(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<String> {
    diesel::select(super::person_language(id)).get_result(conn).await
}

/// Every account, by name, for administrators.
pub async fn list(conn: &mut AsyncPgConnection) -> QueryResult<Vec<User>> {
    users::table
        .order(users::name)
        .select(User::as_select())
        .load(conn)
        .await
}
