//! The worker: claims due mails from the outbox and sends them.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, Utc};
use diesel::QueryResult;
use diesel_async::AsyncPgConnection;
use futures_util::{StreamExt, stream};
use tokio::sync::{Semaphore, mpsc};

use super::transport::{Mailer, SendError};
use crate::domain::reminders::MAX_ATTEMPTS;
use crate::models::outbox::{self, Mail, MailState};

/// How the worker claims and retries.
#[derive(Debug, Clone, Copy)]
pub struct WorkerConfig {
    /// How long a claimed mail stays with its worker before another may take it.
    pub lease: chrono::Duration,
    /// How many mails one round claims.
    pub batch: i64,
    /// How many recipients are sent to at once, each over its own pooled SMTP connection.
    /// Each mail in flight when a worker is killed may go out twice.
    pub concurrency: usize,
    /// Tries before a mail is dead.
    pub max_attempts: i32,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        WorkerConfig {
            // Longer than the send timeout, so a live worker never loses its claim.
            lease: chrono::Duration::minutes(5),
            batch: 100,
            concurrency: crate::config::DEFAULT_MAIL_CONCURRENCY,
            max_attempts: MAX_ATTEMPTS,
        }
    }
}

impl WorkerConfig {
    pub fn new(settings: &crate::config::Settings) -> Self {
        WorkerConfig {
            concurrency: settings.mail_concurrency,
            ..WorkerConfig::default()
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

/// What became of one claimed mail.
enum Outcome {
    Sent,
    Failed(SendError),
    /// Not tried: the server was found unavailable before its turn.
    Untried,
}

/// Claims the mails due at `now` and sends them, several recipients at once. Outcomes are
/// recorded as they come, while the sends in flight go on: each statement records every
/// outcome that came in while the one before ran (all the sent mails in one). A send
/// starts only while fewer than `concurrency` mails are sent or being sent and not yet
/// recorded, so a worker killed mid-round resends at most that many.
/// One recipient's mails go one after the other, in the order they were queued, so a
/// meeting's notices arrive in the order they happened.
/// When the server itself is unavailable the round stops there: every other mail would
/// fail the same way, and counting such tries against each mail would push its next one
/// hours out while the server may be back in a minute; the caller tries again later.
pub async fn run_once(
    conn: &mut AsyncPgConnection,
    mailer: &Mailer,
    config: &WorkerConfig,
    now: DateTime<Utc>,
) -> QueryResult<Round> {
    let claimed = outbox::claim(conn, now, config.lease, config.batch).await?;
    let server_down = &AtomicBool::new(false);
    let unrecorded = &Semaphore::new(config.concurrency.max(1));
    let send_all = |mails: Vec<Mail>| {
        stream::iter(mails)
            .then(move |mail| async move {
                // Held until the outcome is recorded; never closed, so always granted.
                let permit = unrecorded.acquire().await.ok();
                if server_down.load(Ordering::SeqCst) {
                    return (mail, Outcome::Untried, permit);
                }
                match mailer.send(&mail).await {
                    Ok(()) => (mail, Outcome::Sent, permit),
                    Err(error) => {
                        if matches!(error, SendError::Unavailable(_)) {
                            server_down.store(true, Ordering::SeqCst);
                        }
                        (mail, Outcome::Failed(error), permit)
                    }
                }
            })
            .boxed()
    };
    let (settled, mut outcomes) = mpsc::unbounded_channel();
    let send = async move {
        let mut sending = stream::iter(by_recipient(claimed))
            .map(send_all)
            .flatten_unordered(config.concurrency.max(1));
        while let Some(outcome) = sending.next().await {
            // Fails only once the recording below has failed, which ends this too.
            let _ = settled.send(outcome);
        }
        QueryResult::Ok(())
    };
    let record = async {
        let mut round = Round::default();
        while let Some(first) = outcomes.recv().await {
            let mut ready = vec![first];
            while let Ok(more) = outcomes.try_recv() {
                ready.push(more);
            }
            let (settled, permits): (Vec<_>, Vec<_>) = ready
                .into_iter()
                .map(|(mail, outcome, permit)| ((mail, outcome), permit))
                .unzip();
            settle(conn, settled, config, now, &mut round).await?;
            drop(permits);
        }
        QueryResult::Ok(round)
    };
    let ((), round) = tokio::try_join!(send, record)?;
    Ok(round)
}

/// Records what became of `ready`, counting it into `round`.
async fn settle(
    conn: &mut AsyncPgConnection,
    ready: Vec<(Mail, Outcome)>,
    config: &WorkerConfig,
    now: DateTime<Utc>,
    round: &mut Round,
) -> QueryResult<()> {
    let mut sent = Vec::new();
    for (mail, outcome) in ready {
        match outcome {
            Outcome::Sent => sent.push(mail),
            Outcome::Untried => {
                outbox::release(conn, &mail, None).await?;
            }
            Outcome::Failed(SendError::Unavailable(error)) => {
                outbox::release(conn, &mail, Some(&format!("the SMTP server is unavailable: {error}"))).await?;
                round.unavailable.get_or_insert(error);
            }
            Outcome::Failed(SendError::Rejected(error)) => {
                // The outbox id and the error only: never the recipient's links or tokens.
                tracing::warn!(mail = mail.id, attempt = mail.attempts, %error, "sending a mail failed");
                match outbox::mark_failed(conn, &mail, &error, now, config.max_attempts).await? {
                    MailState::Dead => round.dead += 1,
                    _ => round.failed += 1,
                }
            }
        }
    }
    outbox::mark_sent(conn, &sent, now).await?;
    round.sent += sent.len();
    Ok(())
}

/// Runs rounds until everything due at `now` is settled, or the SMTP server is found
/// unavailable; returns what they did together.
pub async fn run_until_settled(
    conn: &mut AsyncPgConnection,
    mailer: &Mailer,
    config: &WorkerConfig,
    now: DateTime<Utc>,
) -> QueryResult<Round> {
    let mut total = Round::default();
    loop {
        let round = run_once(conn, mailer, config, now).await?;
        total.sent += round.sent;
        total.failed += round.failed;
        total.dead += round.dead;
        // A settled mail is not due again at `now`, so a round short of a full batch
        // found the last of them.
        if round.unavailable.is_some() || (round.claimed() as i64) < config.batch {
            total.unavailable = round.unavailable;
            return Ok(total);
        }
    }
}

/// `mails` grouped by recipient, each group in the order queued, the groups in the
/// order of their first mail.
fn by_recipient(mut mails: Vec<Mail>) -> Vec<Vec<Mail>> {
    // A claim returns its rows in no particular order.
    mails.sort_by_key(|mail| mail.id);
    let mut groups: Vec<Vec<Mail>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for mail in mails {
        match index.get(&mail.recipient) {
            Some(&at) => groups[at].push(mail),
            None => {
                index.insert(mail.recipient.clone(), groups.len());
                groups.push(vec![mail]);
            }
        }
    }
    groups
}
