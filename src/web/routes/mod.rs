//! HTML routes, one file per action.

pub mod account;
pub mod action_points;
pub mod admin;
pub mod assets;
pub mod calendar;
pub mod directory;
pub mod groups;
pub mod health;
pub mod home;
pub mod links;
pub mod mail;
pub mod meetings;
pub mod members;
pub mod metrics;
pub mod organizations;
pub mod passwords;
pub mod sessions;
pub mod sheets;
pub mod workplan;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(meetings::schedule::configure)
        .configure(calendar::configure)
        .route("/", web::get().to(home::show))
        .route("/healthz", web::get().to(health::alive))
        .route("/readyz", web::get().to(health::ready))
        .route("/metrics", web::get().to(metrics::show))
        .route("/static/{file}", web::get().to(assets::serve))
        .route("/login", web::get().to(sessions::new::new))
        .route("/login", web::post().to(sessions::create::create))
        .route("/logout", web::post().to(sessions::delete::delete))
        .route("/account/profile", web::get().to(account::profile::show))
        .route("/account/profile", web::post().to(account::profile::update))
        .route("/admin/users", web::get().to(admin::users::list))
        .route("/admin/users", web::post().to(admin::users::invite))
        .route("/account/password", web::get().to(account::password::show))
        .route("/account/password", web::post().to(account::password::update))
        .route("/account/tokens", web::get().to(account::tokens::list))
        .route("/account/tokens", web::post().to(account::tokens::create))
        .route("/account/tokens/{id}/revoke", web::post().to(account::tokens::revoke))
        .route("/password/reset", web::get().to(passwords::reset::show))
        .route("/password/reset", web::post().to(passwords::reset::create))
        .route("/password/set/{secret}", web::get().to(passwords::set::show))
        .route("/password/set/{secret}", web::post().to(passwords::set::update))
        .route("/groups", web::post().to(groups::create::create_working_group))
        .route("/groups/new", web::get().to(groups::create::new_working_group))
        .route("/groups/{id}", web::get().to(groups::show::show))
        .route("/groups/{id}", web::post().to(groups::update::update))
        .route("/groups/{id}/edit", web::get().to(groups::update::edit))
        .route("/groups/{id}/archive", web::post().to(groups::archive::archive))
        .route("/groups/{id}/restore", web::post().to(groups::archive::restore))
        .route("/groups/{id}/members", web::get().to(members::list::list))
        .route("/groups/{id}/members", web::post().to(members::create::create))
        .route(
            "/groups/{id}/members/{membership}",
            web::post().to(members::update::update),
        )
        .route(
            "/groups/{id}/members/{membership}/remove",
            web::post().to(members::remove::remove),
        )
        .route(
            "/groups/{id}/subgroups",
            web::post().to(groups::create::create_subgroup),
        )
        .route(
            "/groups/{id}/subgroups/new",
            web::get().to(groups::create::new_subgroup),
        )
        .route("/directory", web::get().to(directory::all::show))
        .route("/directory.{format}", web::get().to(directory::export::all))
        .route("/groups/{id}/directory", web::get().to(directory::group::show))
        .route(
            "/groups/{id}/directory.{format}",
            web::get().to(directory::export::group),
        )
        .route(
            "/groups/{id}/directory/import",
            web::get().to(directory::import_form::show),
        )
        .route(
            "/groups/{id}/directory/import",
            web::post().to(directory::preview::preview),
        )
        // The confirmation carries every row of the sheet back: more than a form's default limit.
        .service(
            web::resource("/groups/{id}/directory/import/confirm")
                .app_data(web::PayloadConfig::new(8 * sheets::MAX_UPLOAD_BYTES))
                .route(web::post().to(directory::confirm::confirm)),
        )
        .route("/groups/{id}/action-points", web::get().to(action_points::list::list))
        .route(
            "/groups/{id}/action-points.{format}",
            web::get().to(action_points::sheets::export),
        )
        .route(
            "/groups/{id}/action-points/import",
            web::get().to(action_points::sheets::import_form),
        )
        .route(
            "/groups/{id}/action-points/import",
            web::post().to(action_points::sheets::preview),
        )
        .service(
            web::resource("/groups/{id}/action-points/import/confirm")
                .app_data(web::PayloadConfig::new(8 * sheets::MAX_UPLOAD_BYTES))
                .route(web::post().to(action_points::sheets::confirm)),
        )
        .route(
            "/groups/{id}/action-points",
            web::post().to(action_points::create::create),
        )
        .route(
            "/groups/{id}/action-points/new",
            web::get().to(action_points::create::new),
        )
        .route(
            "/groups/{id}/action-points/bulk",
            web::post().to(action_points::bulk::update),
        )
        .route("/action-points", web::get().to(action_points::mine::list))
        .route("/action-points/{id}", web::get().to(action_points::show::show))
        .route(
            "/action-points/{id}/status",
            web::post().to(action_points::status::update),
        )
        .route("/groups/{id}/workplan", web::get().to(workplan::show::show))
        .route(
            "/groups/{id}/workplan.{format}",
            web::get().to(workplan::sheets::export),
        )
        .route(
            "/groups/{id}/workplan/import",
            web::get().to(workplan::sheets::import_form),
        )
        .route(
            "/groups/{id}/workplan/import",
            web::post().to(workplan::sheets::preview),
        )
        .service(
            web::resource("/groups/{id}/workplan/import/confirm")
                .app_data(web::PayloadConfig::new(8 * sheets::MAX_UPLOAD_BYTES))
                .route(web::post().to(workplan::sheets::confirm)),
        )
        .route(
            "/groups/{id}/workplan/timeline",
            web::get().to(workplan::timeline::page),
        )
        .route(
            "/groups/{id}/workplan/timeline.svg",
            web::get().to(workplan::timeline::svg),
        )
        .route(
            "/groups/{id}/workplan/areas",
            web::post().to(workplan::area_create::create),
        )
        .route(
            "/groups/{id}/workplan/areas/new",
            web::get().to(workplan::area_create::new),
        )
        .route(
            "/groups/{id}/workplan/tasks",
            web::post().to(workplan::task_create::create),
        )
        .route(
            "/groups/{id}/workplan/tasks/new",
            web::get().to(workplan::task_create::new),
        )
        .route("/workplan/areas/{id}", web::post().to(workplan::area_rename::update))
        .route("/workplan/areas/{id}/edit", web::get().to(workplan::area_rename::edit))
        .service(
            web::resource("/workplan/areas/{id}/delete")
                .route(web::get().to(workplan::area_delete::confirm))
                .route(web::post().to(workplan::area_delete::delete)),
        )
        .service(
            web::resource("/workplan/tasks/{id}/delete")
                .route(web::get().to(workplan::task_delete::confirm))
                .route(web::post().to(workplan::task_delete::delete)),
        )
        .route(
            "/workplan/areas/{id}/move",
            web::post().to(workplan::area_move::move_area),
        )
        .route("/workplan/tasks/{id}", web::post().to(workplan::task_edit::update))
        .route("/workplan/tasks/{id}/edit", web::get().to(workplan::task_edit::edit))
        .route(
            "/workplan/tasks/{id}/status",
            web::post().to(workplan::task_status::update),
        )
        .route("/organizations", web::get().to(organizations::list::list))
        .route("/organizations", web::post().to(organizations::create::create))
        .route("/organizations/new", web::get().to(organizations::create::new))
        .route("/organizations/{id}", web::post().to(organizations::update::update))
        .route("/organizations/{id}/edit", web::get().to(organizations::update::edit))
        .route("/organizations/{id}/merge", web::post().to(organizations::merge::merge))
        .configure(meetings::configure)
        .configure(admin::outbox::configure)
        .configure(links::configure)
        .configure(mail::configure);
}
