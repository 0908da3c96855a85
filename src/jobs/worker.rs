//! The worker: claims due mails from the outbox and sends them.

use chrono::{DateTime, Utc};
use diesel::QueryResult;
use diesel_async::AsyncPgConnection;

use crate::domain::reminders::MAX_ATTEMPTS;
use crate::mail::transport::{Mailer, SendError};
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
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    pub failed: usize,
    pub dead: usize,
    /// Why the round stopped early, when the SMTP server was unavailable: the mail being
    /// tried and the rest of the batch went back to the outbox, their tries not counted.
    pub unavailable: Option<String>,
}

impl Round {
    /// How many mails the round settled (sent, failed or dead); handed-back ones not included.
    pub fn claimed(&self) -> usize {
        self.sent + self.failed + self.dead
    }
}

/// Claims the mails due at `now` and sends them one by one, recording each outcome.
/// When the server itself is unavailable the round stops there: every other mail would
/// fail the same way, and counting such tries against each mail would push its next one
/// hours out while the server may be back in a minute; the caller tries again later.
pub async fn run_once(
    conn: &mut AsyncPgConnection,
    mailer: &Mailer,
    config: &WorkerConfig,
    now: DateTime<Utc>,
) -> QueryResult<Round> {
    let mut round = Round::default();
    let mut claimed = outbox::claim(conn, now, config.lease, config.batch).await?.into_iter();
    while let Some(mail) = claimed.next() {
        match mailer.send(&mail).await {
            Ok(()) => {
                outbox::mark_sent(conn, &mail, now).await?;
                round.sent += 1;
            }
            Err(SendError::Unavailable(error)) => {
                outbox::release(conn, &mail, Some(&format!("the SMTP server is unavailable: {error}"))).await?;
                for untried in claimed.by_ref() {
                    outbox::release(conn, &untried, None).await?;
                }
                round.unavailable = Some(error);
            }
            Err(SendError::Rejected(error)) => {
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
