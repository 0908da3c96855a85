//! HTML routes, one file per action.

pub mod action_points;
pub mod assets;
pub mod groups;
pub mod health;
pub mod home;
pub mod meetings;
pub mod workplan;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home::show))
        .route("/healthz", web::get().to(health::check))
        .route("/static/{file}", web::get().to(assets::serve))
        .route("/groups/{id}", web::get().to(groups::show::show))
        .route("/groups/{id}/action-points", web::get().to(action_points::list::list))
        .route("/groups/{id}/workplan", web::get().to(workplan::show::show))
        .route("/meetings/{id}", web::get().to(meetings::show::show));
}
