//! Pages reached from links in mails, without signing in: each is authorised by the
//! secret in its link alone, and does one thing.

pub mod action_update;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/action-points/{id}/update/{secret}",
        web::get().to(action_update::show),
    )
    .route(
        "/action-points/{id}/update/{secret}",
        web::post().to(action_update::update),
    );
}
