//! Static assets, embedded in the binary and served under content-hashed names so
//! browsers can cache them for good.

use std::sync::LazyLock;

use actix_web::http::header::{self, CacheControl, CacheDirective};
use actix_web::{HttpResponse, web};

use crate::web::error::AppError;

struct Asset {
    path: String,
    content_type: &'static str,
    body: &'static str,
}

/// `/static/<stem>-<hash>.<ext>`: a new build with a changed file gets a new name.
fn asset(stem: &str, ext: &str, content_type: &'static str, body: &'static str) -> Asset {
    // FNV-1a: stable across builds and platforms, unlike std's hasher.
    let hash = body.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    Asset {
        path: format!("/static/{stem}-{:012x}.{ext}", hash & 0xffff_ffff_ffff),
        content_type,
        body,
    }
}

static STYLESHEET: LazyLock<Asset> = LazyLock::new(|| {
    asset(
        "app",
        "css",
        "text/css; charset=utf-8",
        include_str!("../../../static/app.css"),
    )
});
static SCRIPT: LazyLock<Asset> = LazyLock::new(|| {
    asset(
        "app",
        "js",
        "text/javascript; charset=utf-8",
        include_str!("../../../static/app.js"),
    )
});

pub fn stylesheet_path() -> &'static str {
    &STYLESHEET.path
}

pub fn script_path() -> &'static str {
    &SCRIPT.path
}

pub async fn serve(file: web::Path<String>) -> Result<HttpResponse, AppError> {
    let requested = format!("/static/{file}");
    let asset = [&*STYLESHEET, &*SCRIPT]
        .into_iter()
        .find(|a| a.path == requested)
        .ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, asset.content_type))
        .insert_header(CacheControl(vec![
            CacheDirective::Public,
            CacheDirective::MaxAge(31_536_000),
            CacheDirective::Extension("immutable".into(), None),
        ]))
        .body(asset.body))
}
