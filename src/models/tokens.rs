//! One-time and long-lived tokens: the secret goes out once, its hash stays here.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::users::User;
use crate::domain::secrets;
use crate::schema::{tokens, users};

/// How long a set-password link (invitation or reset) works.
pub const SET_PASSWORD_VALIDITY: Duration = Duration::days(3);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    SetPassword,
    /// A personal API token: long-lived, revocable, used many times.
    Api,
    /// The secret address of a calendar feed: long-lived, reset by issuing another.
    CalendarFeed,
}

impl Purpose {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Purpose::SetPassword => "set_password",
            Purpose::Api => "api",
            Purpose::CalendarFeed => "calendar_feed",
        }
    }
}

#[derive(Insertable)]
#[diesel(table_name = tokens)]
struct NewToken<'a> {
    token_hash: Vec<u8>,
    purpose: &'a str,
    user_id: i64,
    label: Option<&'a str>,
    created_at: DateTime<Utc>,
    expires_at: Option<DateTime<Utc>>,
}

/// A token whose secret goes out in a mail (an update link, an unsubscribe link): made
/// with its secret while the mail is composed, inserted with the mail it is in, any
/// number in one statement ([`insert_mail_tokens`]).
pub struct MailToken {
    token_hash: Vec<u8>,
    purpose: &'static str,
    user_id: i64,
    action_point_id: Option<i64>,
    created_at: DateTime<Utc>,
    expires_at: Option<DateTime<Utc>>,
}

impl MailToken {
    /// A fresh secret and the row that makes it work for `validity` from `now`.
    pub fn new(
        purpose: &'static str,
        user_id: i64,
        action_point_id: Option<i64>,
        now: DateTime<Utc>,
        validity: Duration,
    ) -> (String, Self) {
        let secret = secrets::generate();
        let row = MailToken {
            token_hash: secrets::digest(&secret),
            purpose,
            user_id,
            action_point_id,
            created_at: now,
            expires_at: Some(now + validity),
        };
        (secret, row)
    }
}

/// Inserts mail tokens in one statement, as arrays of their columns.
pub async fn insert_mail_tokens(conn: &mut AsyncPgConnection, rows: &[MailToken]) -> QueryResult<()> {
    use diesel::sql_types::{Array, BigInt, Bytea, Nullable, Text, Timestamptz};
    if rows.is_empty() {
        return Ok(());
    }
    diesel::sql_query(
        "INSERT INTO tokens (token_hash, purpose, user_id, action_point_id, created_at, expires_at) \
         SELECT * FROM unnest($1::bytea[], $2::text[], $3::bigint[], $4::bigint[], $5::timestamptz[], $6::timestamptz[])",
    )
    .bind::<Array<Bytea>, _>(rows.iter().map(|r| r.token_hash.as_slice()).collect::<Vec<_>>())
    .bind::<Array<Text>, _>(rows.iter().map(|r| r.purpose).collect::<Vec<_>>())
    .bind::<Array<BigInt>, _>(rows.iter().map(|r| r.user_id).collect::<Vec<_>>())
    .bind::<Array<Nullable<BigInt>>, _>(rows.iter().map(|r| r.action_point_id).collect::<Vec<_>>())
    .bind::<Array<Timestamptz>, _>(rows.iter().map(|r| r.created_at).collect::<Vec<_>>())
    .bind::<Array<Nullable<Timestamptz>>, _>(rows.iter().map(|r| r.expires_at).collect::<Vec<_>>())
    .execute(conn)
    .await?;
    Ok(())
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
            label: None,
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

/// What an API token's secret starts with, so that people and secret scanners can
/// tell it from other strings; the rest is a 256-bit random secret.
pub const API_TOKEN_PREFIX: &str = "cvn_";

/// `last_used_at` of an API token is written at most this often, not on every call.
const API_TOUCH_INTERVAL: Duration = Duration::minutes(1);

/// A personal API token as its owner sees it in the list: never the secret.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = tokens)]
pub struct ApiToken {
    pub id: i64,
    pub label: Option<String>,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// Issues a personal API token for `user_id`, valid until revoked; returns the
/// secret, which is shown once and stored only as its hash.
pub async fn issue_api(
    conn: &mut AsyncPgConnection,
    user_id: i64,
    label: Option<&str>,
    now: DateTime<Utc>,
) -> QueryResult<String> {
    let secret = format!("{API_TOKEN_PREFIX}{}", secrets::generate());
    diesel::insert_into(tokens::table)
        .values(NewToken {
            token_hash: secrets::digest(&secret),
            purpose: Purpose::Api.as_str(),
            user_id,
            label,
            created_at: now,
            expires_at: None,
        })
        .execute(conn)
        .await?;
    Ok(secret)
}

/// The user's API tokens, newest first.
pub async fn api_tokens(conn: &mut AsyncPgConnection, user_id: i64) -> QueryResult<Vec<ApiToken>> {
    tokens::table
        .filter(tokens::user_id.eq(user_id))
        .filter(tokens::purpose.eq(Purpose::Api.as_str()))
        .order((tokens::created_at.desc(), tokens::id.desc()))
        .select(ApiToken::as_select())
        .load(conn)
        .await
}

/// Revokes one of the user's API tokens; false when they have no such live token.
pub async fn revoke_api(conn: &mut AsyncPgConnection, user_id: i64, id: i64, now: DateTime<Utc>) -> QueryResult<bool> {
    let revoked = diesel::update(
        tokens::table
            .find(id)
            .filter(tokens::user_id.eq(user_id))
            .filter(tokens::purpose.eq(Purpose::Api.as_str()))
            .filter(tokens::revoked_at.is_null()),
    )
    .set(tokens::revoked_at.eq(now))
    .execute(conn)
    .await?;
    Ok(revoked == 1)
}

/// The active account behind a live API token, if any; records the use, at most
/// once a minute.
pub async fn api_user(conn: &mut AsyncPgConnection, secret: &str, now: DateTime<Utc>) -> QueryResult<Option<User>> {
    let found: Option<(i64, Option<DateTime<Utc>>, User)> = tokens::table
        .inner_join(users::table)
        .filter(tokens::token_hash.eq(secrets::digest(secret)))
        .filter(tokens::purpose.eq(Purpose::Api.as_str()))
        .filter(tokens::revoked_at.is_null())
        .filter(tokens::expires_at.is_null().or(tokens::expires_at.gt(now)))
        .filter(users::deactivated_at.is_null())
        .select((tokens::id, tokens::last_used_at, User::as_select()))
        .first(conn)
        .await
        .optional()?;
    let Some((id, last_used_at, user)) = found else {
        return Ok(None);
    };
    if last_used_at.is_none_or(|at| now - at >= API_TOUCH_INTERVAL) {
        diesel::update(tokens::table.find(id))
            .set(tokens::last_used_at.eq(now))
            .execute(conn)
            .await?;
    }
    Ok(Some(user))
}
