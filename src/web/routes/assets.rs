//! Static assets, embedded in the binary and served under a content-hashed name so
//! browsers can cache them for good.

use std::sync::LazyLock;

use actix_web::http::header::{self, CacheControl, CacheDirective};
use actix_web::{HttpResponse, web};

use crate::web::error::AppError;

const STYLESHEET: &str = include_str!("../../../static/app.css");

/// `/static/app-<hash>.css`: a new build with a changed sheet gets a new name.
pub static STYLESHEET_PATH: LazyLock<String> = LazyLock::new(|| {
    // FNV-1a: stable across builds and platforms, unlike std's hasher.
    let hash = STYLESHEET.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("/static/app-{:012x}.css", hash & 0xffff_ffff_ffff)
});

pub async fn serve(file: web::Path<String>) -> Result<HttpResponse, AppError> {
    if format!("/static/{file}") != *STYLESHEET_PATH {
        return Err(AppError::NotFound);
    }
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header(CacheControl(vec![
            CacheDirective::Public,
            CacheDirective::MaxAge(31_536_000),
            CacheDirective::Extension("immutable".into(), None),
        ]))
        .body(STYLESHEET))
}
