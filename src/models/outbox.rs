//! The outbox: every mail is a row, written in the same transaction as the change
//! that causes it; the worker sends it later.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Timestamptz};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

pub use crate::domain::MailState;
use crate::domain::message::Message;
use crate::domain::{reminders, secrets};
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
    ics: Option<&'a str>,
    message_id: String,
    meeting_id: Option<i64>,
    action_point_id: Option<i64>,
    task_id: Option<i64>,
    due_for: Option<DateTime<Utc>>,
    unsubscribe_url: Option<&'a str>,
    held_for_digest: bool,
}

/// What a mail is about, so that a planned reminder can be cancelled when its meeting
/// moves or its item is closed.
#[derive(Debug, Clone, Copy, Default)]
pub struct About {
    pub meeting_id: Option<i64>,
    pub action_point_id: Option<i64>,
    pub task_id: Option<i64>,
    /// The meeting's start, or the due or end date (at midnight UTC), it is for.
    pub due_for: Option<DateTime<Utc>>,
}

/// One mail to queue.
pub struct Outgoing<'a> {
    pub kind: &'a str,
    /// Names the event, the recipient and the instant it is for.
    pub dedupe_key: &'a str,
    pub user_id: Option<i64>,
    pub recipient: &'a str,
    pub message: &'a Message,
    /// An iCalendar file sent as a `text/calendar` attachment.
    pub ics: Option<&'a str>,
    pub about: About,
    /// Where the recipient turns this kind of mail off in one click.
    pub unsubscribe_url: Option<&'a str>,
    /// Kept for the recipient's daily digest rather than sent on its own.
    pub held_for_digest: bool,
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
    let mail = Outgoing {
        kind,
        dedupe_key,
        user_id,
        recipient,
        message,
        ics: None,
        about: About::default(),
        unsubscribe_url: None,
        held_for_digest: false,
    };
    Ok(queue(conn, &mail, mail_domain).await?.is_some())
}

impl<'a> Outgoing<'a> {
    fn row(&self, mail_domain: &str) -> NewMail<'a> {
        NewMail {
            kind: self.kind,
            dedupe_key: self.dedupe_key,
            user_id: self.user_id,
            recipient: self.recipient,
            subject: &self.message.subject,
            body_text: &self.message.text,
            body_html: Some(&self.message.html),
            ics: self.ics,
            message_id: format!("<{}@{mail_domain}>", &secrets::generate()[..32]),
            meeting_id: self.about.meeting_id,
            action_point_id: self.about.action_point_id,
            task_id: self.about.task_id,
            due_for: self.about.due_for,
            unsubscribe_url: self.unsubscribe_url,
            held_for_digest: self.held_for_digest,
        }
    }
}

/// Queues `mail` unless one with its dedupe key was queued before (by this or any
/// other instance of the planner); returns its id when it was queued now.
pub async fn queue(conn: &mut AsyncPgConnection, mail: &Outgoing<'_>, mail_domain: &str) -> QueryResult<Option<i64>> {
    diesel::insert_into(outbox::table)
        .values(mail.row(mail_domain))
        .on_conflict(outbox::dedupe_key)
        .do_nothing()
        .returning(outbox::id)
        .get_result(conn)
        .await
        .optional()
}

/// Queues each of `mails` whose dedupe key was not queued before, all in one statement
/// (arrays of their columns), in the order of their keys so that planners queuing the
/// same mails at once wait for each other rather than deadlock; returns the id and
/// dedupe key of each one queued now.
pub async fn queue_many(
    conn: &mut AsyncPgConnection,
    mails: &[Outgoing<'_>],
    mail_domain: &str,
) -> QueryResult<Vec<(i64, String)>> {
    use diesel::sql_types::{Array, Bool, Nullable, Text};
    #[derive(QueryableByName)]
    struct Queued {
        #[diesel(sql_type = BigInt)]
        id: i64,
        #[diesel(sql_type = Text)]
        dedupe_key: String,
    }
    if mails.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows: Vec<NewMail> = mails.iter().map(|mail| mail.row(mail_domain)).collect();
    rows.sort_unstable_by(|a, b| a.dedupe_key.cmp(b.dedupe_key));
    let queued: Vec<Queued> = diesel::sql_query(
        "INSERT INTO outbox (kind, dedupe_key, recipient, subject, body_text, body_html, ics, message_id, \
             unsubscribe_url, user_id, meeting_id, action_point_id, task_id, due_for, held_for_digest) \
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], \
             $8::text[], $9::text[], $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[], \
             $14::timestamptz[], $15::boolean[]) \
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, dedupe_key",
    )
    .bind::<Array<Text>, _>(rows.iter().map(|r| r.kind).collect::<Vec<_>>())
    .bind::<Array<Text>, _>(rows.iter().map(|r| r.dedupe_key).collect::<Vec<_>>())
    .bind::<Array<Text>, _>(rows.iter().map(|r| r.recipient).collect::<Vec<_>>())
    .bind::<Array<Text>, _>(rows.iter().map(|r| r.subject).collect::<Vec<_>>())
    .bind::<Array<Text>, _>(rows.iter().map(|r| r.body_text).collect::<Vec<_>>())
    .bind::<Array<Nullable<Text>>, _>(rows.iter().map(|r| r.body_html).collect::<Vec<_>>())
    .bind::<Array<Nullable<Text>>, _>(rows.iter().map(|r| r.ics).collect::<Vec<_>>())
    .bind::<Array<Text>, _>(rows.iter().map(|r| r.message_id.as_str()).collect::<Vec<_>>())
    .bind::<Array<Nullable<Text>>, _>(rows.iter().map(|r| r.unsubscribe_url).collect::<Vec<_>>())
    .bind::<Array<Nullable<BigInt>>, _>(rows.iter().map(|r| r.user_id).collect::<Vec<_>>())
    .bind::<Array<Nullable<BigInt>>, _>(rows.iter().map(|r| r.meeting_id).collect::<Vec<_>>())
    .bind::<Array<Nullable<BigInt>>, _>(rows.iter().map(|r| r.action_point_id).collect::<Vec<_>>())
    .bind::<Array<Nullable<BigInt>>, _>(rows.iter().map(|r| r.task_id).collect::<Vec<_>>())
    .bind::<Array<Nullable<Timestamptz>>, _>(rows.iter().map(|r| r.due_for).collect::<Vec<_>>())
    .bind::<Array<Bool>, _>(rows.iter().map(|r| r.held_for_digest).collect::<Vec<_>>())
    .load(conn)
    .await?;
    Ok(queued.into_iter().map(|q| (q.id, q.dedupe_key)).collect())
}

/// Of `dedupe_keys`, those queued before.
pub async fn queued_keys(conn: &mut AsyncPgConnection, dedupe_keys: &[String]) -> QueryResult<HashSet<String>> {
    let mut queued = HashSet::new();
    if dedupe_keys.is_empty() {
        return Ok(queued);
    }
    queued.extend(
        outbox::table
            .filter(outbox::dedupe_key.eq_any(dedupe_keys))
            .select(outbox::dedupe_key)
            .load::<String>(conn)
            .await?,
    );
    Ok(queued)
}

/// Cancels planned reminders that no longer hold: for a meeting that moved or is no
/// longer scheduled, an action point that was closed or got another due date, a task
/// that was finished or got another end date. Returns how many were cancelled.
pub async fn cancel_stale_reminders(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> QueryResult<usize> {
    const PENDING: &str = "o.sent_at IS NULL AND o.dead_at IS NULL AND o.cancelled_at IS NULL";
    let mut cancelled = 0;
    for sql in [
        format!(
            "UPDATE outbox o SET cancelled_at = $1, locked_until = NULL FROM meetings m \
             WHERE o.meeting_id = m.id AND o.kind IN ('meeting_reminder', 'update_request') AND {PENDING} \
             AND (m.status <> 'scheduled' OR o.due_for IS DISTINCT FROM m.starts_at)"
        ),
        format!(
            "UPDATE outbox o SET cancelled_at = $1, locked_until = NULL FROM action_points ap \
             WHERE o.action_point_id = ap.id AND o.kind = 'action_point_due' AND {PENDING} \
             AND (ap.status IN ('done', 'dropped') OR ap.due_date IS DISTINCT FROM (o.due_for AT TIME ZONE 'UTC')::date)"
        ),
        format!(
            "UPDATE outbox o SET cancelled_at = $1, locked_until = NULL FROM workplan_tasks t \
             WHERE o.task_id = t.id AND o.kind = 'workplan_task_ending' AND {PENDING} \
             AND (t.status IN ('completed', 'cancelled') OR t.end_date IS DISTINCT FROM (o.due_for AT TIME ZONE 'UTC')::date)"
        ),
    ] {
        cancelled += diesel::sql_query(sql).bind::<Timestamptz, _>(now).execute(conn).await?;
    }
    Ok(cancelled)
}

/// A mail as the worker sends it and the admin reads it.
#[derive(Debug, Clone, Queryable, QueryableByName, Selectable)]
#[diesel(table_name = outbox)]
pub struct Mail {
    pub id: i64,
    pub kind: String,
    pub user_id: Option<i64>,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: Option<String>,
    pub ics: Option<String>,
    pub message_id: String,
    pub not_before: DateTime<Utc>,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub locked_until: Option<DateTime<Utc>>,
    pub sent_at: Option<DateTime<Utc>>,
    pub dead_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub unsubscribe_url: Option<String>,
}

impl Mail {
    pub fn state(&self) -> MailState {
        if self.sent_at.is_some() {
            MailState::Sent
        } else if self.dead_at.is_some() {
            MailState::Dead
        } else if self.cancelled_at.is_some() {
            MailState::Cancelled
        } else if self.last_error.is_some() {
            MailState::Failed
        } else {
            MailState::Queued
        }
    }
}

/// Claims up to `limit` mails that are due at `now` and not leased by another worker,
/// leasing them until `now + lease` and counting the try. Rows another worker is
/// claiming at the same moment are skipped, not waited for, so each mail goes to one
/// worker. A claim names the database session that made it: when that session is gone
/// (its worker was killed, or lost its connection and stopped sending) the mail is
/// claimed again at once; otherwise (a worker that hangs, or a session a connection
/// pooler keeps open) when the lease runs out.
pub async fn claim(
    conn: &mut AsyncPgConnection,
    now: DateTime<Utc>,
    lease: chrono::Duration,
    limit: i64,
) -> QueryResult<Vec<Mail>> {
    diesel::sql_query(
        "UPDATE outbox SET locked_until = $1, attempts = attempts + 1, claimed_by = pg_backend_pid()
         WHERE id IN (
             SELECT id FROM outbox
             WHERE sent_at IS NULL AND dead_at IS NULL AND cancelled_at IS NULL
               AND NOT held_for_digest AND next_attempt_at <= $2 AND not_before <= $2
               AND (locked_until IS NULL OR locked_until <= $2
                    OR claimed_by NOT IN (SELECT pid FROM pg_stat_activity WHERE pid IS NOT NULL))
             ORDER BY next_attempt_at, id
             LIMIT $3
             FOR UPDATE SKIP LOCKED)
         RETURNING *",
    )
    .bind::<Timestamptz, _>(now + lease)
    .bind::<Timestamptz, _>(now)
    .bind::<BigInt, _>(limit)
    .load(conn)
    .await
}

/// Only the worker holding the claim (the try it counted) may record the outcome.
fn claimed(mail: &Mail) -> Box<dyn diesel::BoxableExpression<outbox::table, diesel::pg::Pg, SqlType = Bool>> {
    Box::new(
        outbox::id
            .eq(mail.id)
            .and(outbox::attempts.eq(mail.attempts))
            .and(outbox::sent_at.is_null())
            .and(outbox::dead_at.is_null())
            .and(outbox::cancelled_at.is_null()),
    )
}

/// Records that `mails` were sent, in one statement, each only while its worker still
/// holds the claim (the try it counted); returns how many were recorded.
pub async fn mark_sent(conn: &mut AsyncPgConnection, mails: &[Mail], now: DateTime<Utc>) -> QueryResult<usize> {
    use diesel::sql_types::{Array, Integer};
    if mails.is_empty() {
        return Ok(0);
    }
    diesel::sql_query(
        "UPDATE outbox o SET sent_at = $3, locked_until = NULL \
         FROM unnest($1::bigint[], $2::integer[]) AS c(id, attempts) \
         WHERE o.id = c.id AND o.attempts = c.attempts \
         AND o.sent_at IS NULL AND o.dead_at IS NULL AND o.cancelled_at IS NULL",
    )
    .bind::<Array<BigInt>, _>(mails.iter().map(|m| m.id).collect::<Vec<_>>())
    .bind::<Array<Integer>, _>(mails.iter().map(|m| m.attempts).collect::<Vec<_>>())
    .bind::<Timestamptz, _>(now)
    .execute(conn)
    .await
}

/// An SMTP error as the outbox keeps it: enough to say why, bounded.
fn stored_error(error: &str) -> String {
    error.chars().take(2000).collect()
}

/// Records a failed try: the mail waits for its next one with backoff, or is dead
/// when it had its last. Returns the state it is left in.
pub async fn mark_failed(
    conn: &mut AsyncPgConnection,
    mail: &Mail,
    error: &str,
    now: DateTime<Utc>,
    max_attempts: i32,
) -> QueryResult<MailState> {
    let error = stored_error(error);
    let target = diesel::update(outbox::table.filter(claimed(mail)));
    match reminders::retry_delay(mail.attempts, max_attempts, mail.id) {
        Some(delay) => {
            target
                .set((
                    outbox::next_attempt_at.eq(now + delay),
                    outbox::locked_until.eq(None::<DateTime<Utc>>),
                    outbox::last_error.eq(&error),
                ))
                .execute(conn)
                .await?;
            Ok(MailState::Failed)
        }
        None => {
            target
                .set((
                    outbox::dead_at.eq(now),
                    outbox::locked_until.eq(None::<DateTime<Utc>>),
                    outbox::last_error.eq(&error),
                ))
                .execute(conn)
                .await?;
            Ok(MailState::Dead)
        }
    }
}

/// Hands a claimed mail back untried, or tried while the SMTP server was unavailable
/// (`error` then says why it still waits): its try is not counted, and it is due again at
/// once, for the worker's next round once the server is back.
pub async fn release(conn: &mut AsyncPgConnection, mail: &Mail, error: Option<&str>) -> QueryResult<bool> {
    let target = diesel::update(outbox::table.filter(claimed(mail)));
    let unlocked = (
        outbox::attempts.eq(outbox::attempts - 1),
        outbox::locked_until.eq(None::<DateTime<Utc>>),
    );
    let updated = match error {
        Some(error) => {
            target
                .set((unlocked, outbox::last_error.eq(stored_error(error))))
                .execute(conn)
                .await?
        }
        None => target.set(unlocked).execute(conn).await?,
    };
    Ok(updated == 1)
}

fn in_state(state: MailState) -> Box<dyn diesel::BoxableExpression<outbox::table, diesel::pg::Pg, SqlType = Bool>> {
    let pending = outbox::sent_at
        .is_null()
        .and(outbox::dead_at.is_null())
        .and(outbox::cancelled_at.is_null());
    match state {
        MailState::Queued => Box::new(pending.and(outbox::last_error.is_null())),
        MailState::Failed => Box::new(pending.and(outbox::last_error.is_not_null())),
        MailState::Sent => Box::new(outbox::sent_at.is_not_null()),
        MailState::Dead => Box::new(outbox::dead_at.is_not_null()),
        MailState::Cancelled => Box::new(outbox::cancelled_at.is_not_null()),
    }
}

/// The newest `limit` mails, in one state or all.
pub async fn list(conn: &mut AsyncPgConnection, state: Option<MailState>, limit: i64) -> QueryResult<Vec<Mail>> {
    let mut query = outbox::table
        .select(Mail::as_select())
        .order((outbox::created_at.desc(), outbox::id.desc()))
        .limit(limit)
        .into_boxed();
    if let Some(state) = state {
        query = query.filter(in_state(state));
    }
    query.load(conn).await
}

/// How many mails are in each state, for the filter's labels.
pub async fn count_by_state(conn: &mut AsyncPgConnection) -> QueryResult<Vec<(MailState, i64)>> {
    let mut counts = Vec::with_capacity(MailState::ALL.len());
    for state in MailState::ALL {
        let n = outbox::table.filter(in_state(*state)).count().get_result(conn).await?;
        counts.push((*state, n));
    }
    Ok(counts)
}

/// The mail still to go and the mail given up, for monitoring; counted through the
/// partial indexes on pending and on dead mail, so bounded by the backlog, never by the
/// mail sent over the years.
#[derive(Debug, QueryableByName)]
pub struct Backlog {
    #[diesel(sql_type = BigInt)]
    pub queued: i64,
    #[diesel(sql_type = BigInt)]
    pub failed: i64,
    #[diesel(sql_type = BigInt)]
    pub dead: i64,
    /// How long the oldest mail that is due (and not held for a digest) has waited.
    #[diesel(sql_type = BigInt)]
    pub oldest_due_seconds: i64,
}

pub async fn backlog(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> QueryResult<Backlog> {
    diesel::sql_query(
        "SELECT count(*) FILTER (WHERE last_error IS NULL) AS queued,
                count(*) FILTER (WHERE last_error IS NOT NULL) AS failed,
                (SELECT count(*) FROM outbox WHERE dead_at IS NOT NULL) AS dead,
                COALESCE(floor(extract(epoch FROM $1 - min(not_before)
                    FILTER (WHERE NOT held_for_digest AND not_before <= $1)))::bigint, 0) AS oldest_due_seconds
         FROM outbox
         WHERE sent_at IS NULL AND dead_at IS NULL AND cancelled_at IS NULL",
    )
    .bind::<Timestamptz, _>(now)
    .get_result(conn)
    .await
}

pub async fn find(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<Option<Mail>> {
    outbox::table
        .find(id)
        .select(Mail::as_select())
        .first(conn)
        .await
        .optional()
}

/// Puts a dead, cancelled or failing mail back in the queue for a try now, with a
/// fresh count of tries and no error; a sent mail is never sent again. Returns whether it was queued.
pub async fn retry(conn: &mut AsyncPgConnection, id: i64, now: DateTime<Utc>) -> QueryResult<bool> {
    let updated = diesel::update(outbox::table.find(id).filter(outbox::sent_at.is_null()))
        .set((
            outbox::dead_at.eq(None::<DateTime<Utc>>),
            outbox::cancelled_at.eq(None::<DateTime<Utc>>),
            outbox::locked_until.eq(None::<DateTime<Utc>>),
            outbox::attempts.eq(0),
            outbox::last_error.eq(None::<String>),
            outbox::next_attempt_at.eq(now),
            outbox::not_before.eq(now),
        ))
        .execute(conn)
        .await?;
    Ok(updated == 1)
}

/// Cancels a mail that has not been sent, died or been cancelled yet.
pub async fn cancel(conn: &mut AsyncPgConnection, id: i64, now: DateTime<Utc>) -> QueryResult<bool> {
    let updated = diesel::update(
        outbox::table
            .find(id)
            .filter(in_state(MailState::Queued).or(in_state(MailState::Failed))),
    )
    .set((
        outbox::cancelled_at.eq(now),
        outbox::locked_until.eq(None::<DateTime<Utc>>),
    ))
    .execute(conn)
    .await?;
    Ok(updated == 1)
}

/// Whether any mail of `kind` about the meeting was ever queued.
pub async fn any_for_meeting(conn: &mut AsyncPgConnection, meeting_id: i64, kind: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        outbox::table
            .filter(outbox::meeting_id.eq(meeting_id))
            .filter(outbox::kind.eq(kind)),
    ))
    .get_result(conn)
    .await
}

/// Cancels the mails of `kinds` about a meeting that are still waiting to be sent,
/// except those whose dedupe key ends with `keep` (the current version's).
pub async fn cancel_pending_for_meeting(
    conn: &mut AsyncPgConnection,
    meeting_id: i64,
    kinds: &[&str],
    keep: Option<&str>,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    let mut pending = outbox::table
        .filter(outbox::meeting_id.eq(meeting_id))
        .filter(outbox::kind.eq_any(kinds))
        .filter(in_state(MailState::Queued).or(in_state(MailState::Failed)))
        .select(outbox::id)
        .into_boxed();
    if let Some(suffix) = keep {
        pending = pending.filter(outbox::dedupe_key.not_like(format!("%{suffix}")));
    }
    diesel::update(outbox::table.filter(outbox::id.eq_any(pending)))
        .set((
            outbox::cancelled_at.eq(now),
            outbox::locked_until.eq(None::<DateTime<Utc>>),
        ))
        .execute(conn)
        .await
}

/// Someone with mail held for their digest, and their time zone.
#[derive(Debug, Clone, QueryableByName)]
pub struct DigestReader {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub name: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub email: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub time_zone: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub locale: String,
}

/// The people who have mail waiting for their digest.
pub async fn digest_readers(conn: &mut AsyncPgConnection) -> QueryResult<Vec<DigestReader>> {
    diesel::sql_query(
        "SELECT u.id, u.name, u.email, u.time_zone, person_language(u.id) AS locale FROM users u WHERE u.deactivated_at IS NULL AND EXISTS ( \
         SELECT 1 FROM outbox o WHERE o.user_id = u.id AND o.held_for_digest \
         AND o.sent_at IS NULL AND o.dead_at IS NULL AND o.cancelled_at IS NULL) ORDER BY u.id",
    )
    .load(conn)
    .await
}

/// The mails held for the digests of `user_ids`, by person, oldest first.
pub async fn held_for(conn: &mut AsyncPgConnection, user_ids: &[i64]) -> QueryResult<Vec<Mail>> {
    outbox::table
        .filter(outbox::user_id.eq_any(user_ids))
        .filter(outbox::held_for_digest)
        .filter(in_state(MailState::Queued))
        .order((outbox::user_id, outbox::created_at, outbox::id))
        .select(Mail::as_select())
        .load(conn)
        .await
}

/// Records that each held mail went out as part of its digest: `(mail id, digest id)`.
pub async fn bundle(conn: &mut AsyncPgConnection, bundled: &[(i64, i64)], now: DateTime<Utc>) -> QueryResult<usize> {
    let (ids, digests): (Vec<i64>, Vec<i64>) = bundled.iter().copied().unzip();
    diesel::sql_query(
        "UPDATE outbox o SET sent_at = $3, digest_id = b.digest_id \
         FROM unnest($1::bigint[], $2::bigint[]) AS b(id, digest_id) \
         WHERE o.id = b.id AND o.held_for_digest \
         AND o.sent_at IS NULL AND o.dead_at IS NULL AND o.cancelled_at IS NULL AND o.last_error IS NULL",
    )
    .bind::<diesel::sql_types::Array<BigInt>, _>(ids)
    .bind::<diesel::sql_types::Array<BigInt>, _>(digests)
    .bind::<Timestamptz, _>(now)
    .execute(conn)
    .await
}
