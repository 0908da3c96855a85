//! Server-side sessions: the cookie holds a random key, the table its hash.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::users::User;
use crate::domain::secrets;
use crate::schema::{sessions, users};

/// A session ends after this long without a request...
pub const IDLE_TIMEOUT: Duration = Duration::days(7);
/// ...and after this long in any case.
pub const ABSOLUTE_TIMEOUT: Duration = Duration::days(30);
/// `last_seen_at` is written at most this often, not on every request.
const TOUCH_INTERVAL: Duration = Duration::minutes(5);

#[derive(Insertable)]
#[diesel(table_name = sessions)]
struct NewSession {
    key_hash: Vec<u8>,
    user_id: i64,
    csrf_token: String,
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
}

/// A signed-in session: whose, and the CSRF token its forms carry.
#[derive(Debug, Clone)]
pub struct Session {
    pub key_hash: Vec<u8>,
    pub csrf_token: String,
    pub user: User,
    /// The language to write to them in (`person_language`), read with the session so
    /// that a page needs no statement of its own for it.
    pub language: String,
}

/// Starts a session for `user_id`; returns the key for the cookie.
pub async fn create(conn: &mut AsyncPgConnection, user_id: i64, now: DateTime<Utc>) -> QueryResult<String> {
    let key = secrets::generate();
    diesel::insert_into(sessions::table)
        .values(NewSession {
            key_hash: secrets::digest(&key),
            user_id,
            csrf_token: secrets::generate(),
            created_at: now,
            last_seen_at: now,
            expires_at: now + ABSOLUTE_TIMEOUT,
        })
        .execute(conn)
        .await?;
    Ok(key)
}

/// The live session behind a cookie key, if any; refreshes its idle clock.
pub async fn find(conn: &mut AsyncPgConnection, key: &str, now: DateTime<Utc>) -> QueryResult<Option<Session>> {
    let key_hash = secrets::digest(key);
    let found: Option<(String, DateTime<Utc>, User, String)> = sessions::table
        .inner_join(users::table)
        .filter(sessions::key_hash.eq(&key_hash))
        .filter(sessions::expires_at.gt(now))
        .filter(sessions::last_seen_at.gt(now - IDLE_TIMEOUT))
        .filter(users::deactivated_at.is_null())
        .select((
            sessions::csrf_token,
            sessions::last_seen_at,
            User::as_select(),
            super::person_language(users::id),
        ))
        .first(conn)
        .await
        .optional()?;
    let Some((csrf_token, last_seen_at, user, language)) = found else {
        return Ok(None);
    };
    if now - last_seen_at > TOUCH_INTERVAL {
        diesel::update(sessions::table.find(&key_hash))
            .set(sessions::last_seen_at.eq(now))
            .execute(conn)
            .await?;
    }
    Ok(Some(Session {
        key_hash,
        csrf_token,
        user,
        language,
    }))
}

pub async fn delete(conn: &mut AsyncPgConnection, key_hash: &[u8]) -> QueryResult<()> {
    diesel::delete(sessions::table.find(key_hash)).execute(conn).await?;
    Ok(())
}

/// Ends every session of a user (after a password change or reset), but `keep`.
pub async fn delete_for_user(conn: &mut AsyncPgConnection, user_id: i64, keep: Option<&[u8]>) -> QueryResult<()> {
    let mut query = diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id))).into_boxed();
    if let Some(keep) = keep {
        query = query.filter(sessions::key_hash.ne(keep));
    }
    query.execute(conn).await?;
    Ok(())
}
