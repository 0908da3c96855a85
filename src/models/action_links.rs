//! Signed links that let an action point's owner update its status from a mail:
//! random secrets stored hashed, scoped to one item and one person, expiring.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::tokens::MailToken;
use crate::domain::secrets;
use crate::schema::tokens;

/// How long an update link in a mail works.
pub const VALIDITY: Duration = Duration::days(21);

const PURPOSE: &str = "action_update";

/// A link secret for `user_id` to update `action_point_id`, and its row to insert
/// with the mail that carries it.
pub fn link(user_id: i64, action_point_id: i64, now: DateTime<Utc>) -> (String, MailToken) {
    MailToken::new(PURPOSE, user_id, Some(action_point_id), now, VALIDITY)
}

/// The person a valid link for exactly `action_point_id` was issued to; `None` for an
/// unknown, revoked or expired secret, or one issued for another item.
pub async fn holder(
    conn: &mut AsyncPgConnection,
    secret: &str,
    action_point_id: i64,
    now: DateTime<Utc>,
) -> QueryResult<Option<i64>> {
    tokens::table
        .filter(tokens::token_hash.eq(secrets::digest(secret)))
        .filter(tokens::purpose.eq(PURPOSE))
        .filter(tokens::action_point_id.eq(action_point_id))
        .filter(tokens::revoked_at.is_null())
        .filter(tokens::expires_at.gt(now))
        .select(tokens::user_id)
        .first(conn)
        .await
        .optional()
}

/// Records that the link was used now.
pub async fn touch(conn: &mut AsyncPgConnection, secret: &str, now: DateTime<Utc>) -> QueryResult<()> {
    diesel::update(tokens::table.filter(tokens::token_hash.eq(secrets::digest(secret))))
        .set(tokens::last_used_at.eq(now))
        .execute(conn)
        .await?;
    Ok(())
}
