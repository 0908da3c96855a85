//! Binding the listener and starting the server, shared by `main` and the tests.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;

use crate::config::Settings;
use crate::web;

pub struct Application {
    port: u16,
    server: Server,
}

impl Application {
    /// Binds `settings.bind` (port 0 picks a free port) and builds the server on an
    /// already migrated database.
    pub fn build(settings: Arc<Settings>, database_url: String) -> std::io::Result<Self> {
        let listener = TcpListener::bind(settings.bind)?;
        let port = listener.local_addr()?.port();
        let server = web::server(listener, settings, database_url)?;
        Ok(Application { port, server })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until Ctrl-C or SIGTERM, then drains open requests.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}
