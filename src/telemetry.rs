//! Logging: one span per request (with its request id and client) from
//! tracing-actix-web, filtered by `LOG` / `RUST_LOG`, written to standard error
//! (standard output carries only what the commands print for people), for people
//! or as JSON (`LOG_FORMAT`).

use actix_web::HttpMessage;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use tracing::Span;
use tracing::field::Empty;
use tracing_actix_web::{DefaultRootSpanBuilder, RequestId, RootSpanBuilder};
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

/// The span of each request, as tracing-actix-web's default but with the path of a
/// route that carries a secret (an emailed link, a calendar feed address) logged by
/// its pattern, so that no log line written during the request holds the secret.
pub struct RequestSpan;

impl RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &ServiceRequest) -> Span {
        let route = request.match_pattern();
        let client = crate::web::client::of(request.request());
        let target = request.uri().path_and_query().map_or("", |p| p.as_str());
        let request_id = request
            .extensions()
            .get::<RequestId>()
            .map(ToString::to_string)
            .unwrap_or_default();
        tracing::info_span!(
            "HTTP request",
            http.method = %request.method(),
            http.route = route.as_deref().unwrap_or("default"),
            http.client_ip = %client.ip.map_or_else(|| "unknown".to_owned(), |ip| ip.to_string()),
            http.scheme = client.scheme,
            http.target = logged_target(target, route.as_deref()),
            http.status_code = Empty,
            otel.status_code = Empty,
            request_id = %request_id,
            exception.message = Empty,
            exception.details = Empty,
        )
    }

    fn on_request_end<B: MessageBody>(span: Span, outcome: &Result<ServiceResponse<B>, actix_web::Error>) {
        DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

fn logged_target<'a>(target: &'a str, route: Option<&'a str>) -> &'a str {
    match route {
        Some(pattern) if pattern.contains("{secret}") => pattern,
        _ => target,
    }
}

#[cfg(test)]
mod tests {
    use super::logged_target;

    #[test]
    fn secrets_in_paths_are_logged_as_their_route() {
        assert_eq!(
            logged_target("/password/set/s3cr3t", Some("/password/set/{secret}")),
            "/password/set/{secret}"
        );
        assert_eq!(
            logged_target("/calendar/s3cr3t.ics", Some("/calendar/{secret}.ics")),
            "/calendar/{secret}.ics"
        );
        assert_eq!(
            logged_target("/meetings/7?tab=minutes", Some("/meetings/{id}")),
            "/meetings/7?tab=minutes"
        );
        assert_eq!(logged_target("/nowhere", None), "/nowhere");
    }
}
