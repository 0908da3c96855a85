//! HTML routes, one file per action.

pub mod account;
pub mod action_points;
pub mod assets;
pub mod groups;
pub mod health;
pub mod home;
pub mod meetings;
pub mod passwords;
pub mod sessions;
pub mod workplan;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home::show))
        .route("/healthz", web::get().to(health::check))
        .route("/static/{file}", web::get().to(assets::serve))
        .route("/login", web::get().to(sessions::new::new))
        .route("/login", web::post().to(sessions::create::create))
        .route("/logout", web::post().to(sessions::delete::delete))
        .route("/account/password", web::get().to(account::password::show))
        .route("/account/password", web::post().to(account::password::update))
        .route("/account/tokens", web::get().to(account::tokens::list))
        .route("/account/tokens", web::post().to(account::tokens::create))
        .route("/account/tokens/{id}/revoke", web::post().to(account::tokens::revoke))
        .route("/password/reset", web::get().to(passwords::reset::show))
        .route("/password/reset", web::post().to(passwords::reset::create))
        .route("/password/set/{secret}", web::get().to(passwords::set::show))
        .route("/password/set/{secret}", web::post().to(passwords::set::update))
        .route("/groups/{id}", web::get().to(groups::show::show))
        .route("/groups/{id}/action-points", web::get().to(action_points::list::list))
        .route("/groups/{id}/workplan", web::get().to(workplan::show::show))
        .route("/meetings/{id}", web::get().to(meetings::show::show));
}
