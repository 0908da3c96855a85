//! The security headers every response carries, error pages and API answers included.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;

/// Scripts and styles only from this site's own files; never framed. Style attributes
/// are allowed: the templates compute a few (a chart's width, a legend's colour), and
/// every value written by users is escaped, so none can add one.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     style-src-attr 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";
const PERMISSIONS_POLICY: &str = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
/// One year; the header is only sent over https, so a plain-http test setup is never pinned.
const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000";

pub async fn secure(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let https = super::client::of(req.request()).scheme == "https";
    let mut response = next.call(req).await?;
    // A page reached through a secret link must not stay in a shared computer's cache.
    // (`same-origin` already keeps its address from the sites it links to; `no-referrer`
    // would make browsers send `Origin: null` with its own form, refused as cross-site.)
    let secret = response
        .request()
        .match_pattern()
        .is_some_and(|pattern| pattern.contains("{secret}"));
    let headers = response.headers_mut();
    if secret && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "same-origin"),
        (HeaderName::from_static("permissions-policy"), PERMISSIONS_POLICY),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(STRICT_TRANSPORT_SECURITY),
        );
    }
    Ok(response)
}
