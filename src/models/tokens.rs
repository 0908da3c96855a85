//! One-time and long-lived tokens: the secret goes out once, its hash stays here.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::domain::secrets;
use crate::schema::tokens;

/// How long a set-password link (invitation or reset) works.
pub const SET_PASSWORD_VALIDITY: Duration = Duration::days(3);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    SetPassword,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::SetPassword => "set_password",
        }
    }
}

#[derive(Insertable)]
#[diesel(table_name = tokens)]
struct NewToken<'a> {
    token_hash: Vec<u8>,
    purpose: &'a str,
    user_id: i64,
    created_at: DateTime<Utc>,
    expires_at: Option<DateTime<Utc>>,
}

/// Issues a token for `user_id`; returns the secret to put in the link.
pub async fn issue(
    conn: &mut AsyncPgConnection,
    purpose: Purpose,
    user_id: i64,
    now: DateTime<Utc>,
    validity: Duration,
) -> QueryResult<String> {
    let secret = secrets::generate();
    diesel::insert_into(tokens::table)
        .values(NewToken {
            token_hash: secrets::digest(&secret),
            purpose: purpose.as_str(),
            user_id,
            created_at: now,
            expires_at: Some(now + validity),
        })
        .execute(conn)
        .await?;
    Ok(secret)
}

/// The user a still-valid, unused token was issued to.
pub async fn holder(
    conn: &mut AsyncPgConnection,
    purpose: Purpose,
    secret: &str,
    now: DateTime<Utc>,
) -> QueryResult<Option<i64>> {
    tokens::table
        .filter(tokens::token_hash.eq(secrets::digest(secret)))
        .filter(tokens::purpose.eq(purpose.as_str()))
        .filter(tokens::used_at.is_null())
        .filter(tokens::revoked_at.is_null())
        .filter(tokens::expires_at.gt(now))
        .select(tokens::user_id)
        .first(conn)
        .await
        .optional()
}

/// Marks a one-time token used; returns whether this call was the one that used it.
pub async fn spend(
    conn: &mut AsyncPgConnection,
    purpose: Purpose,
    secret: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let spent = diesel::update(
        tokens::table
            .filter(tokens::token_hash.eq(secrets::digest(secret)))
            .filter(tokens::purpose.eq(purpose.as_str()))
            .filter(tokens::used_at.is_null())
            .filter(tokens::expires_at.gt(now)),
    )
    .set((tokens::used_at.eq(now), tokens::last_used_at.eq(now)))
    .execute(conn)
    .await?;
    Ok(spent == 1)
}

/// How many tokens of `purpose` the user was issued since `since`.
pub async fn issued_since(
    conn: &mut AsyncPgConnection,
    purpose: Purpose,
    user_id: i64,
    since: DateTime<Utc>,
) -> QueryResult<i64> {
    tokens::table
        .filter(tokens::user_id.eq(user_id))
        .filter(tokens::purpose.eq(purpose.as_str()))
        .filter(tokens::created_at.gt(since))
        .count()
        .get_result(conn)
        .await
}
