//! Calendar feeds: the page where people get their secret feed addresses, and the
//! feeds themselves, read by calendar applications without a session.

pub mod feed;
pub mod feeds;

use actix_web::HttpResponse;
use actix_web::http::header;
use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/account/calendar", web::get().to(feeds::show))
        .route("/account/calendar", web::post().to(feeds::reset))
        .route("/calendar/{secret}.ics", web::get().to(feed::serve));
}

/// An iCalendar answer, named `file_name` for those who save it.
pub fn ics_response(file_name: &str, body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        // Feeds are personal; no shared cache may keep them.
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(body)
}
