//! Background jobs: the planner that queues reminders when they are due and the
//! worker that sends the outbox. `convene remind` and `convene worker` run them on
//! their own; `serve` runs both alongside the web server.

pub mod planner;
pub mod worker;

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use diesel_async::AsyncPgConnection;
use tokio::sync::watch;

use crate::config::Settings;
use crate::db;
use crate::mail::MailSettings;
use crate::mail::transport::{Mailer, SEND_TIMEOUT};
use crate::metrics::Metrics;

/// How often an idle worker looks for due mail.
const WORKER_INTERVAL: Duration = Duration::from_secs(5);
/// How often the planner looks for reminders that have come due.
const PLANNER_INTERVAL: Duration = Duration::from_secs(60);

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

/// One connection, opened again after an error.
struct Connection<'a> {
    settings: &'a Settings,
    url: &'a str,
    conn: Option<AsyncPgConnection>,
}

impl Connection<'_> {
    async fn get(&mut self) -> Option<&mut AsyncPgConnection> {
        if self.conn.is_none() {
            match db::connect(self.url, self.settings.statement_timeout).await {
                Ok(conn) => self.conn = Some(conn),
                Err(e) => tracing::error!("background jobs cannot reach the database: {e}"),
            }
        }
        self.conn.as_mut()
    }
}

/// Runs `jobs` until `stop` turns true: the planner every minute, the worker whenever
/// mail may be due (at once again after a full batch). Errors are logged and the loop
/// carries on, with a fresh connection.
pub async fn run(settings: Arc<Settings>, database_url: String, jobs: Jobs, mut stop: watch::Receiver<bool>) {
    let config = worker::WorkerConfig::default();
    let mail = MailSettings::new(&settings);
    let mut planner_conn = Connection {
        settings: &settings,
        url: &database_url,
        conn: None,
    };
    let mut worker_conn = Connection {
        settings: &settings,
        url: &database_url,
        conn: None,
    };
    let mut next_plan = tokio::time::Instant::now();
    while !*stop.borrow() {
        if jobs.plan
            && tokio::time::Instant::now() >= next_plan
            && let Some(conn) = planner_conn.get().await
        {
            next_plan = tokio::time::Instant::now() + PLANNER_INTERVAL;
            let started = std::time::Instant::now();
            let planned = planner::run_once(conn, &mail, Utc::now()).await;
            jobs.metrics.planner_ran(started.elapsed(), planned.is_ok(), Utc::now());
            match planned {
                Ok(planned) if planned.queued() + planned.cancelled > 0 => {
                    tracing::info!(?planned, "reminders planned");
                }
                Ok(_) => {}
                Err(e) => {
                    tracing::error!("the reminder planner failed: {e}");
                    planner_conn.conn = None;
                }
            }
        }
        let mut pause = if jobs.plan {
            next_plan.saturating_duration_since(tokio::time::Instant::now())
        } else {
            PLANNER_INTERVAL
        };
        if let Some(mailer) = &jobs.send
            && let Some(conn) = worker_conn.get().await
        {
            let round = worker::run_once(conn, mailer, &config, Utc::now()).await;
            pause = pause.min(match round.inspect(|round| jobs.metrics.mails(round)) {
                Ok(round) if round.claimed() as i64 >= config.batch => Duration::ZERO,
                Ok(_) => WORKER_INTERVAL,
                Err(e) => {
                    tracing::error!("the mail worker's round failed: {e}");
                    worker_conn.conn = None;
                    WORKER_INTERVAL
                }
            });
        }
        tokio::select! {
            _ = tokio::time::sleep(pause.max(Duration::from_millis(10))) => {}
            changed = stop.changed() => if changed.is_err() { break },
        }
    }
}
