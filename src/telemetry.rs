//! Logging: filtered by `LOG` / `RUST_LOG` (each request's span comes from
//! `web::request_span`), written to standard error
//! (standard output carries only what the commands print for people), for people
//! or as JSON (`LOG_FORMAT`).

use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

/// Installs the global subscriber; the filter was validated with the settings. With
/// `LOG_FORMAT=json` each line is one JSON object, with the event's fields at the top
/// and those of the request's span (request id, route, method) under `span`.
pub fn init(filter: &str, format: LogFormat) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new(crate::config::DEFAULT_LOG));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // A second call (several apps in one test process) keeps the first subscriber.
    let _ = match format {
        LogFormat::Human => builder
            .with_target(false)
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .try_init(),
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .try_init(),
    };
}
