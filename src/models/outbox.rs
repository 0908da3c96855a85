//! The outbox: every mail is a row, written in the same transaction as the change
//! that causes it; the worker sends it later.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::domain::secrets;
use crate::mail::Message;
use crate::schema::outbox;

#[derive(Insertable)]
#[diesel(table_name = outbox)]
struct NewMail<'a> {
    kind: &'a str,
    dedupe_key: &'a str,
    user_id: Option<i64>,
    recipient: &'a str,
    subject: &'a str,
    body_text: &'a str,
    body_html: Option<&'a str>,
    message_id: String,
}

/// Queues `message` for `recipient` unless a mail with the same `dedupe_key` was
/// queued before; returns whether it was queued now.
pub async fn enqueue(
    conn: &mut AsyncPgConnection,
    kind: &str,
    dedupe_key: &str,
    user_id: Option<i64>,
    recipient: &str,
    message: &Message,
    mail_domain: &str,
) -> QueryResult<bool> {
    let inserted = diesel::insert_into(outbox::table)
        .values(NewMail {
            kind,
            dedupe_key,
            user_id,
            recipient,
            subject: &message.subject,
            body_text: &message.text,
            body_html: Some(&message.html),
            message_id: format!("<{}@{mail_domain}>", &secrets::generate()[..32]),
        })
        .on_conflict(outbox::dedupe_key)
        .do_nothing()
        .execute(conn)
        .await?;
    Ok(inserted == 1)
}
