//! The worker: claims due mails from the outbox and sends them.

use chrono::{DateTime, Utc};
use diesel::QueryResult;
use diesel_async::AsyncPgConnection;

use crate::domain::reminders::MAX_ATTEMPTS;
use crate::mail::transport::Mailer;
use crate::models::outbox::{self, MailState};

/// How the worker claims and retries.
#[derive(Debug, Clone, Copy)]
pub struct WorkerConfig {
    /// How long a claimed mail stays with its worker before another may take it.
    pub lease: chrono::Duration,
    /// How many mails one round claims.
    pub batch: i64,
    /// Tries before a mail is dead.
    pub max_attempts: i32,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        WorkerConfig {
            // Longer than the send timeout, so a live worker never loses its claim.
            lease: chrono::Duration::minutes(5),
            batch: 20,
            max_attempts: MAX_ATTEMPTS,
        }
    }
}

/// What one round did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    pub failed: usize,
    pub dead: usize,
}

impl Round {
    pub fn claimed(&self) -> usize {
        self.sent + self.failed + self.dead
    }
}

/// Claims the mails due at `now` and sends them one by one, recording each outcome.
pub async fn run_once(
    conn: &mut AsyncPgConnection,
    mailer: &Mailer,
    config: &WorkerConfig,
    now: DateTime<Utc>,
) -> QueryResult<Round> {
    let mut round = Round::default();
    for mail in outbox::claim(conn, now, config.lease, config.batch).await? {
        match mailer.send(&mail).await {
            Ok(()) => {
                outbox::mark_sent(conn, &mail, now).await?;
                round.sent += 1;
            }
            Err(error) => {
                // The outbox id and the error only: never the recipient's links or tokens.
                tracing::warn!(mail = mail.id, attempt = mail.attempts, %error, "sending a mail failed");
                match outbox::mark_failed(conn, &mail, &error, now, config.max_attempts).await? {
                    MailState::Dead => round.dead += 1,
                    _ => round.failed += 1,
                }
            }
        }
    }
    Ok(round)
}
