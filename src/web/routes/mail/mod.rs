//! Pages for mail recipients that work without signing in.

pub mod unsubscribe;

use crate::web::router::Router;

pub fn configure(cfg: &mut Router) {
    cfg.get("/mail/unsubscribe/{secret}", unsubscribe::show)
        .post("/mail/unsubscribe/{secret}", unsubscribe::unsubscribe)
        .get("/account/notifications", super::account::notifications::show)
        .post("/account/notifications", super::account::notifications::update);
}
