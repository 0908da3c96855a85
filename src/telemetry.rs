//! Logging: one span per request (with its request id) from tracing-actix-web,
//! filtered by `LOG` / `RUST_LOG`, written to standard error (standard output
//! carries only what the commands print for people).

use tracing_subscriber::EnvFilter;

/// Installs the global subscriber; the filter was validated with the settings.
pub fn init(filter: &str) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new(crate::config::DEFAULT_LOG));
    // A second call (several apps in one test process) keeps the first subscriber.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}
