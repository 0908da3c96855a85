//! Who wants which mail: at once or in a daily digest, each optional kind on or off;
//! and the unsubscribe links that turn a kind off without signing in.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

use super::tokens::MailToken;
use crate::domain::secrets;
use crate::schema::{mail_opt_outs, tokens, users};

/// The kinds of mail a person may turn off, as `mail_opt_outs` allows them; account
/// mail (invitations, password resets) always goes out.
pub const OPTIONAL_KINDS: &[&str] = &[
    "meeting_published",
    "meeting_reminder",
    "update_request",
    "minutes",
    "action_point_due",
    "workplan_task_ending",
];

/// The preference that governs an outbox kind: the three meeting notices are one.
pub fn preference_kind(outbox_kind: &str) -> Option<&'static str> {
    match outbox_kind {
        "meeting_published" | "meeting_rescheduled" | "meeting_cancelled" => Some("meeting_published"),
        other => OPTIONAL_KINDS.iter().copied().find(|k| *k == other),
    }
}

/// How long an unsubscribe link in a mail works.
const UNSUBSCRIBE_VALIDITY: Duration = Duration::days(365);

pub struct Preferences {
    pub daily_digest: bool,
    /// The optional kinds turned off.
    pub off: HashSet<String>,
}

pub async fn get(conn: &mut AsyncPgConnection, user_id: i64) -> QueryResult<Preferences> {
    let off: Vec<String> = mail_opt_outs::table
        .filter(mail_opt_outs::user_id.eq(user_id))
        .select(mail_opt_outs::kind)
        .load(conn)
        .await?;
    Ok(Preferences {
        daily_digest: is_daily_digest(conn, user_id).await?,
        off: off.into_iter().collect(),
    })
}

/// Whether the person gets their optional mail in one daily digest.
pub async fn is_daily_digest(conn: &mut AsyncPgConnection, user_id: i64) -> QueryResult<bool> {
    let delivery: String = users::table
        .find(user_id)
        .select(users::mail_delivery)
        .first(conn)
        .await?;
    Ok(delivery == "daily_digest")
}

/// Saves the delivery choice and exactly `off` as the kinds turned off.
pub async fn save(conn: &mut AsyncPgConnection, user_id: i64, daily_digest: bool, off: &[&str]) -> QueryResult<()> {
    conn.transaction(async |conn| {
        diesel::update(users::table.find(user_id))
            .set(users::mail_delivery.eq(if daily_digest { "daily_digest" } else { "immediate" }))
            .execute(conn)
            .await?;
        diesel::delete(mail_opt_outs::table.filter(mail_opt_outs::user_id.eq(user_id)))
            .execute(conn)
            .await?;
        turn_off(conn, user_id, off).await
    })
    .await
}

/// Turns `kinds` off for the user, keeping what was off already.
pub async fn turn_off(conn: &mut AsyncPgConnection, user_id: i64, kinds: &[&str]) -> QueryResult<()> {
    let rows: Vec<_> = kinds
        .iter()
        .map(|kind| (mail_opt_outs::user_id.eq(user_id), mail_opt_outs::kind.eq(*kind)))
        .collect();
    diesel::insert_into(mail_opt_outs::table)
        .values(rows)
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    Ok(())
}

/// The secret of an unsubscribe link for the user, and its row to insert with the
/// mail that carries it.
pub fn unsubscribe_link(user_id: i64, now: DateTime<Utc>) -> (String, MailToken) {
    MailToken::new("unsubscribe", user_id, None, now, UNSUBSCRIBE_VALIDITY)
}

/// Of `user_ids`, those who get their optional mail in one daily digest.
pub async fn digest_readers_among(conn: &mut AsyncPgConnection, user_ids: &[i64]) -> QueryResult<HashSet<i64>> {
    let ids: Vec<i64> = users::table
        .filter(users::id.eq_any(user_ids))
        .filter(users::mail_delivery.eq("daily_digest"))
        .select(users::id)
        .load(conn)
        .await?;
    Ok(ids.into_iter().collect())
}

/// The person (id and email) an unsubscribe link that still works was issued to.
pub async fn unsubscribe_holder(
    conn: &mut AsyncPgConnection,
    secret: &str,
    now: DateTime<Utc>,
) -> QueryResult<Option<(i64, String)>> {
    tokens::table
        .inner_join(users::table)
        .filter(tokens::token_hash.eq(secrets::digest(secret)))
        .filter(tokens::purpose.eq("unsubscribe"))
        .filter(tokens::revoked_at.is_null())
        .filter(tokens::expires_at.gt(now))
        .select((users::id, users::email))
        .first(conn)
        .await
        .optional()
}
