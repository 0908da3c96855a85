//! Background jobs: the planner that queues reminders when they are due and the
//! worker that sends the outbox. `convene remind` and `convene worker` run them on
//! their own; `serve` runs both alongside the web server.

pub mod backoff;
pub mod planner;
pub mod transport;
pub mod worker;

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use diesel_async::AsyncPgConnection;
use diesel_async::pooled_connection::PoolableConnection;
use tokio::sync::watch;
use tokio::time::Instant;

use crate::config::Settings;
use crate::db;
use crate::mail::MailSettings;
use crate::metrics::Metrics;
pub use backoff::Backoff;
use transport::{Mailer, SEND_TIMEOUT};

/// How often an idle worker looks for due mail.
const WORKER_INTERVAL: Duration = Duration::from_secs(5);
/// How often the planner looks for reminders that have come due.
const PLANNER_INTERVAL: Duration = Duration::from_secs(60);
/// Waits between tries at an unreachable database.
const DATABASE_BACKOFF: Backoff = Backoff::new(Duration::from_millis(500), Duration::from_secs(15));
/// Waits between tries at an unavailable SMTP server; each try is a round that sends the
/// first due mail, so mail flows again at most 30 s after the server is back.
const SMTP_BACKOFF: Backoff = Backoff::new(Duration::from_secs(1), Duration::from_secs(30));

/// The mailer for the configured SMTP server, or `None` when `SMTP_URL` is unset
/// and mail stays in the outbox.
pub fn mailer(settings: &Settings) -> anyhow::Result<Option<Mailer>> {
    settings
        .smtp_url
        .as_ref()
        .map(|url| Mailer::new(url, &settings.mail_from, SEND_TIMEOUT))
        .transpose()
}

/// Which jobs a loop runs.
pub struct Jobs {
    /// Queue reminders as they come due.
    pub plan: bool,
    /// Send the outbox through this mailer.
    pub send: Option<Mailer>,
    /// Where the runs are counted.
    pub metrics: Arc<Metrics>,
}

/// The loop's connection: opened when needed, dropped after an error, opened again with
/// backoff while the database is unreachable, saying so once when it is lost and once when
/// it is back.
struct Database<'a> {
    url: &'a str,
    statement_timeout: Duration,
    conn: Option<AsyncPgConnection>,
    outage: Backoff,
    /// No try to connect before this, while the database is unreachable.
    retry_at: Instant,
}

impl Database<'_> {
    /// The connection, or `None` while the database cannot be reached (try again at `retry_at`).
    async fn get(&mut self) -> Option<&mut AsyncPgConnection> {
        if self.conn.is_none() && Instant::now() >= self.retry_at {
            match db::connect(self.url, self.statement_timeout).await {
                Ok(conn) => {
                    if self.outage.succeeded() {
                        tracing::info!("background jobs reach the database again");
                    }
                    self.conn = Some(conn);
                }
                Err(e) => self.lost(&e),
            }
        }
        self.conn.as_mut()
    }

    /// A failed try at the database: wait before the next, saying so when it was up until now.
    fn lost(&mut self, error: &dyn std::fmt::Display) {
        let (wait, went_down) = self.outage.failed();
        if went_down {
            tracing::error!(
                "background jobs cannot reach the database, trying again every {} s at most: {error}",
                self.outage.cap().as_secs()
            );
        }
        self.retry_at = Instant::now() + wait;
    }

    /// After `job` failed on the connection: drops it, and returns when the job should run
    /// again: when the next connection may be tried if this one was lost, after `interval`
    /// (the error logged) if the job failed of itself.
    fn failed(&mut self, job: &str, error: &diesel::result::Error, interval: Duration) -> Instant {
        let broken = self.conn.take().is_some_and(|mut conn| conn.is_broken());
        if broken || db::is_disconnect(error) {
            self.lost(error);
            self.retry_at
        } else {
            tracing::error!("{job} failed: {error}");
            Instant::now() + interval
        }
    }
}

/// Runs `jobs` until `stop` turns true: the planner every minute, the worker whenever
/// mail may be due (at once again after a full batch). While the database or the SMTP
/// server is down, each is tried again with capped backoff and logged once when it goes
/// and once when it is back.
pub async fn run(settings: Arc<Settings>, database_url: String, jobs: Jobs, mut stop: watch::Receiver<bool>) {
    let config = worker::WorkerConfig::new(&settings);
    let mail = MailSettings::new(&settings);
    let mut database = Database {
        url: &database_url,
        statement_timeout: settings.statement_timeout,
        conn: None,
        outage: DATABASE_BACKOFF,
        retry_at: Instant::now(),
    };
    let mut smtp = SMTP_BACKOFF;
    let (mut next_plan, mut next_send) = (Instant::now(), Instant::now());
    while !*stop.borrow() {
        if jobs.plan && Instant::now() >= next_plan {
            next_plan = match database.get().await {
                None => database.retry_at,
                Some(conn) => {
                    let started = Instant::now();
                    let planned = planner::run_once(conn, &mail, Utc::now()).await;
                    jobs.metrics.planner_ran(started.elapsed(), planned.is_ok(), Utc::now());
                    match planned {
                        Ok(planned) => {
                            if planned.queued() + planned.cancelled > 0 {
                                tracing::info!(?planned, "reminders planned");
                            }
                            Instant::now() + PLANNER_INTERVAL
                        }
                        Err(e) => database.failed("the reminder planner", &e, PLANNER_INTERVAL),
                    }
                }
            };
        }
        if let Some(mailer) = &jobs.send
            && Instant::now() >= next_send
        {
            next_send = match database.get().await {
                None => database.retry_at,
                Some(conn) => match worker::run_once(conn, mailer, &config, Utc::now())
                    .await
                    .inspect(|round| jobs.metrics.mails(round.sent, round.failed + round.dead))
                {
                    Ok(round) => Instant::now() + pause_after(&round, &config, &mut smtp),
                    Err(e) => database.failed("the mail worker's round", &e, WORKER_INTERVAL),
                },
            };
        }
        let wake = match (jobs.plan, jobs.send.is_some()) {
            (true, true) => next_plan.min(next_send),
            (true, false) => next_plan,
            (false, true) => next_send,
            (false, false) => return,
        };
        tokio::select! {
            _ = tokio::time::sleep_until(wake) => {}
            changed = stop.changed() => if changed.is_err() { break },
        }
    }
    if let Some(mailer) = &jobs.send {
        mailer.close().await;
    }
}

/// How long the worker waits after `round`: not at all after a full batch, the SMTP
/// server's backoff while it is unavailable, and the idle interval otherwise.
fn pause_after(round: &worker::Round, config: &worker::WorkerConfig, smtp: &mut Backoff) -> Duration {
    if let Some(error) = &round.unavailable {
        let (wait, went_down) = smtp.failed();
        if went_down {
            tracing::warn!(
                "the SMTP server is unavailable; mail waits in the outbox, tried again every {} s at most: {error}",
                smtp.cap().as_secs()
            );
        }
        return wait;
    }
    if round.claimed() > 0 && smtp.succeeded() {
        tracing::info!("the SMTP server takes mail again");
    }
    if round.claimed() as i64 >= config.batch {
        Duration::ZERO
    } else {
        WORKER_INTERVAL
    }
}
