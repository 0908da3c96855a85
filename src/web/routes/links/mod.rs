//! Pages reached from links in mails, without signing in: each is authorised by the
//! secret in its link alone, and does one thing.

pub mod action_update;

use crate::web::router::Router;

pub fn configure(cfg: &mut Router) {
    cfg.get("/action-points/{id}/update/{secret}", action_update::show)
        .post("/action-points/{id}/update/{secret}", action_update::update);
}
