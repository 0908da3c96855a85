//! Calendar feeds: the page where people get their secret feed addresses, and the
//! feeds themselves, read by calendar applications without a session.

pub mod feed;
pub mod feeds;

use actix_web::HttpResponse;
use actix_web::http::header;

use crate::web::router::Router;

pub fn configure(cfg: &mut Router) {
    cfg.get("/account/calendar", feeds::show)
        .post("/account/calendar", feeds::reset)
        .get("/calendar/{secret}.ics", feed::serve);
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
