//! The span of each request, from tracing-actix-web, with its request id and client.

use actix_web::HttpMessage;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use tracing::Span;
use tracing::field::Empty;
use tracing_actix_web::{DefaultRootSpanBuilder, RequestId, RootSpanBuilder};

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
