//! The JSON API under `/api/v1`.

pub mod groups;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::scope("/api/v1").route("/groups/{id}", web::get().to(groups::show)));
}
