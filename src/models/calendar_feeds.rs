//! Secret calendar feed addresses: one per person for all their groups, and one per
//! group they belong to. Only the secret's hash is kept; resetting revokes the old one.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

use super::tokens::Purpose;
use crate::domain::secrets;
use crate::schema::tokens;

#[derive(Insertable)]
#[diesel(table_name = tokens)]
struct NewFeedToken {
    token_hash: Vec<u8>,
    purpose: &'static str,
    user_id: i64,
    group_id: Option<i64>,
    created_at: DateTime<Utc>,
}

/// A feed as its owner sees it listed: which group (none for "all my groups") and
/// since when its address works.
#[derive(Debug, Clone, Queryable)]
pub struct Feed {
    pub group_id: Option<i64>,
    pub created_at: DateTime<Utc>,
}

/// Whose feed a secret opens, and of which group.
#[derive(Debug, Clone, Copy, Queryable)]
pub struct FeedHolder {
    pub user_id: i64,
    pub group_id: Option<i64>,
}

/// Revokes the user's feed of `group_id` (or of all their groups) and issues a new
/// one; returns the secret for the address, shown once.
pub async fn reset(
    conn: &mut AsyncPgConnection,
    user_id: i64,
    group_id: Option<i64>,
    now: DateTime<Utc>,
) -> QueryResult<String> {
    let secret = secrets::generate();
    conn.transaction::<_, diesel::result::Error, _>(async |conn| {
        revoke(conn, user_id, group_id, now).await?;
        diesel::insert_into(tokens::table)
            .values(NewFeedToken {
                token_hash: secrets::digest(&secret),
                purpose: Purpose::CalendarFeed.as_str(),
                user_id,
                group_id,
                created_at: now,
            })
            .execute(conn)
            .await?;
        Ok(())
    })
    .await?;
    Ok(secret)
}

/// Turns the user's feed of `group_id` (or of all their groups) off.
pub async fn revoke(
    conn: &mut AsyncPgConnection,
    user_id: i64,
    group_id: Option<i64>,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::update(
        tokens::table
            .filter(tokens::user_id.eq(user_id))
            .filter(tokens::purpose.eq(Purpose::CalendarFeed.as_str()))
            .filter(tokens::group_id.is_not_distinct_from(group_id))
            .filter(tokens::revoked_at.is_null()),
    )
    .set(tokens::revoked_at.eq(now))
    .execute(conn)
    .await?;
    Ok(())
}

/// The user's feeds that work.
pub async fn active(conn: &mut AsyncPgConnection, user_id: i64) -> QueryResult<Vec<Feed>> {
    tokens::table
        .filter(tokens::user_id.eq(user_id))
        .filter(tokens::purpose.eq(Purpose::CalendarFeed.as_str()))
        .filter(tokens::revoked_at.is_null())
        .order(tokens::created_at)
        .select((tokens::group_id, tokens::created_at))
        .load(conn)
        .await
}

/// Who a feed's secret belongs to, unless it was reset; notes when it was last read.
pub async fn holder(conn: &mut AsyncPgConnection, secret: &str, now: DateTime<Utc>) -> QueryResult<Option<FeedHolder>> {
    diesel::update(
        tokens::table
            .filter(tokens::token_hash.eq(secrets::digest(secret)))
            .filter(tokens::purpose.eq(Purpose::CalendarFeed.as_str()))
            .filter(tokens::revoked_at.is_null()),
    )
    .set(tokens::last_used_at.eq(now))
    .returning((tokens::user_id, tokens::group_id))
    .get_result(conn)
    .await
    .optional()
}
