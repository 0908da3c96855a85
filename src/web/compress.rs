//! Pages and API answers gzipped whole at the default level. actix-web's `Compress`
//! uses the fastest level, chunk by chunk: a meeting page left it a third larger than
//! this makes it, on the slow connections field staff have. What is not a complete
//! body in memory (a stream), or is large, is left to `Compress`.

use std::io::Write;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use flate2::Compression;
use flate2::write::GzEncoder;

/// Below this the gzip framing costs about what it saves.
const SMALLEST: usize = 512;
/// Above this (a large export) the work would hold an HTTP worker: `Compress` does it
/// off the workers, at its own level.
const LARGEST: usize = 256 * 1024;

pub async fn whole_pages(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let gzip = accepts_gzip(req.headers().get(header::ACCEPT_ENCODING));
    let response = next.call(req).await?;
    if !gzip || !is_text(&response) {
        return Ok(response.map_into_left_body());
    }
    Ok(response.map_body(|head, body| match body.try_into_bytes() {
        Ok(bytes) if (SMALLEST..=LARGEST).contains(&bytes.len()) => {
            let mut encoder = GzEncoder::new(Vec::with_capacity(bytes.len() / 3), Compression::default());
            let compressed = encoder.write_all(&bytes).and_then(|()| encoder.finish());
            match compressed {
                Ok(compressed) => {
                    head.headers_mut()
                        .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                    head.headers_mut()
                        .append(header::VARY, HeaderValue::from_static("accept-encoding"));
                    head.headers_mut().remove(header::CONTENT_LENGTH);
                    EitherBody::right(Bytes::from(compressed))
                }
                Err(_) => EitherBody::right(bytes),
            }
        }
        Ok(bytes) => EitherBody::right(bytes),
        Err(body) => EitherBody::left(body),
    }))
}

/// Whether the client takes gzip: named in `Accept-Encoding` without `q=0`.
fn accepts_gzip(accept_encoding: Option<&HeaderValue>) -> bool {
    let Some(value) = accept_encoding.and_then(|v| v.to_str().ok()) else {
        return false;
    };
    value.split(',').any(|coding| {
        let mut parts = coding.split(';');
        let name = parts.next().unwrap_or_default().trim();
        let refused = parts.any(|p| {
            p.trim()
                .strip_prefix("q=")
                .and_then(|q| q.trim().parse::<f32>().ok())
                .is_some_and(|q| q == 0.0)
        });
        (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
    })
}

/// Text (pages, styles, scripts, JSON, CSV) not already encoded.
fn is_text<B>(response: &ServiceResponse<B>) -> bool {
    let headers = response.headers();
    if headers.contains_key(header::CONTENT_ENCODING) {
        return false;
    }
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|kind| {
            let kind = kind.split(';').next().unwrap_or_default().trim();
            kind.starts_with("text/") || kind.ends_with("json") || kind.ends_with("javascript")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_is_taken_unless_refused() {
        let accepts = |v: &str| accepts_gzip(Some(&HeaderValue::from_str(v).unwrap()));
        assert!(accepts("gzip, deflate, br"));
        assert!(accepts("br;q=1.0, GZIP;q=0.5"));
        assert!(accepts("*"));
        assert!(!accepts("gzip;q=0"));
        assert!(!accepts("br, identity"));
        assert!(!accepts_gzip(None));
    }
}
