//! Background jobs: the worker that sends the outbox, run by `convene worker` or
//! inside `serve`.

pub mod worker;

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;

use crate::config::Settings;
use crate::db;
use crate::mail::transport::{Mailer, SEND_TIMEOUT};

/// How often an idle worker looks for due mail.
const WORKER_INTERVAL: Duration = Duration::from_secs(5);

/// The mailer for the configured SMTP server, or `None` when `SMTP_URL` is unset
/// and mail stays in the outbox.
pub fn mailer(settings: &Settings) -> anyhow::Result<Option<Mailer>> {
    settings
        .smtp_url
        .as_ref()
        .map(|url| Mailer::new(url, &settings.mail_from, SEND_TIMEOUT))
        .transpose()
}

/// Runs the worker until `stop` turns true: a round whenever mail may be due, at once
/// again after a full batch. A database or connection error is logged and the loop
/// carries on with a fresh connection after a pause.
pub async fn run(settings: Arc<Settings>, database_url: String, mailer: Mailer, mut stop: watch::Receiver<bool>) {
    let config = worker::WorkerConfig::default();
    let mut conn = None;
    while !*stop.borrow() {
        let pause = match &mut conn {
            None => match db::connect(&database_url, settings.statement_timeout).await {
                Ok(fresh) => {
                    conn = Some(fresh);
                    Duration::ZERO
                }
                Err(e) => {
                    tracing::error!("the mail worker cannot reach the database: {e}");
                    WORKER_INTERVAL
                }
            },
            Some(c) => match worker::run_once(c, &mailer, &config, chrono::Utc::now()).await {
                Ok(round) if round.claimed() as i64 >= config.batch => Duration::ZERO,
                Ok(_) => WORKER_INTERVAL,
                Err(e) => {
                    tracing::error!("the mail worker's round failed: {e}");
                    conn = None;
                    WORKER_INTERVAL
                }
            },
        };
        tokio::select! {
            _ = tokio::time::sleep(pause) => {}
            changed = stop.changed() => if changed.is_err() { break },
        }
    }
}
