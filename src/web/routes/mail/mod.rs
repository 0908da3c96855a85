//! Pages for mail recipients that work without signing in.

pub mod unsubscribe;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/mail/unsubscribe/{secret}", web::get().to(unsubscribe::show))
        .route("/mail/unsubscribe/{secret}", web::post().to(unsubscribe::unsubscribe))
        .route(
            "/account/notifications",
            web::get().to(super::account::notifications::show),
        )
        .route(
            "/account/notifications",
            web::post().to(super::account::notifications::update),
        );
}
