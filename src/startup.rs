//! Binding the listener and starting the server, shared by `main` and the tests.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;

use tokio::sync::watch;

use crate::config::Settings;
use crate::metrics::Metrics;
use crate::{jobs, web};

pub struct Application {
    port: u16,
    server: Server,
    settings: Arc<Settings>,
    database_url: String,
    metrics: Arc<Metrics>,
}

impl Application {
    /// Binds `settings.bind` (port 0 picks a free port) and builds the server on an
    /// already migrated database.
    pub fn build(settings: Arc<Settings>, database_url: String) -> std::io::Result<Self> {
        let listener = TcpListener::bind(settings.bind)?;
        let port = listener.local_addr()?.port();
        let metrics = Arc::new(Metrics::new());
        let server = web::server(listener, settings.clone(), database_url.clone(), metrics.clone())?;
        Ok(Application {
            port,
            server,
            settings,
            database_url,
            metrics,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// How it is sized, for the start-up line: HTTP workers, and database connections each.
    pub fn sizing(&self) -> (usize, usize) {
        (self.settings.http_workers, web::connections_per_worker(&self.settings))
    }

    /// Serves until Ctrl-C or SIGTERM, then drains open requests. With background jobs
    /// on, the reminder planner and (with `SMTP_URL` set) the mail worker run alongside
    /// on connections of their own, so no request ever waits on SMTP; they stop after
    /// the server.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let (stop, stopped) = watch::channel(false);
        let send = jobs::mailer(&self.settings).unwrap_or_else(|e| {
            tracing::error!("mail stays in the outbox: {e}");
            None
        });
        let background = self.settings.background_jobs.then(|| {
            tokio::spawn(jobs::run(
                self.settings.clone(),
                self.database_url.clone(),
                jobs::Jobs {
                    plan: true,
                    send,
                    metrics: self.metrics.clone(),
                },
                stopped,
            ))
        });
        let served = self.server.await;
        let _ = stop.send(true);
        if let Some(background) = background {
            let _ = background.await;
        }
        served
    }
}
