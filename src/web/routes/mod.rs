//! HTML routes, one file per action.

pub mod account;
pub mod action_points;
pub mod admin;
pub mod assets;
pub mod calendar;
pub mod directory;
pub mod form;
pub mod groups;
pub mod health;
pub mod home;
pub mod import;
pub mod language;
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

use crate::models::action_point_import::ActionPointImport;
use crate::models::directory_import::DirectoryImport;
use crate::models::workplan_import::WorkplanImport;
use crate::web::router::Router;

pub fn configure(cfg: &mut Router) {
    cfg.configure(meetings::schedule::configure)
        .configure(calendar::configure)
        .get("/", home::show)
        .get("/healthz", health::alive)
        .get("/readyz", health::ready)
        .get("/metrics", metrics::show)
        .get("/static/{file}", assets::serve)
        .get("/login", sessions::new::new)
        .post("/login", sessions::create::create)
        .post("/logout", sessions::delete::delete)
        .post("/language", language::update)
        .get("/account/profile", account::profile::show)
        .post("/account/profile", account::profile::update)
        .get("/admin/users", admin::users::list)
        .post("/admin/users", admin::users::invite)
        .get("/account/password", account::password::show)
        .post("/account/password", account::password::update)
        .get("/account/tokens", account::tokens::list)
        .post("/account/tokens", account::tokens::create)
        .post("/account/tokens/{id}/revoke", account::tokens::revoke)
        .get("/password/reset", passwords::reset::show)
        .post("/password/reset", passwords::reset::create)
        .get("/password/set/{secret}", passwords::set::show)
        .post("/password/set/{secret}", passwords::set::update)
        .post("/groups", groups::create::create_working_group)
        .get("/groups/new", groups::create::new_working_group)
        .get("/groups/{id}", groups::show::show)
        .post("/groups/{id}", groups::update::update)
        .get("/groups/{id}/edit", groups::update::edit)
        .post("/groups/{id}/archive", groups::archive::archive)
        .post("/groups/{id}/restore", groups::archive::restore)
        .get("/groups/{id}/members", members::list::list)
        .post("/groups/{id}/members", members::create::create)
        .post("/groups/{id}/members/{membership}", members::update::update)
        .post("/groups/{id}/members/{membership}/remove", members::remove::remove)
        .post("/groups/{id}/subgroups", groups::create::create_subgroup)
        .get("/groups/{id}/subgroups/new", groups::create::new_subgroup)
        .get("/directory", directory::all::show)
        .get("/directory.{format}", directory::export::all)
        .get("/groups/{id}/directory", directory::group::show)
        .get("/groups/{id}/directory.{format}", directory::export::group)
        .configure(import::routes::<DirectoryImport>)
        .get("/groups/{id}/action-points", action_points::list::list)
        .get("/groups/{id}/action-points.{format}", action_points::sheets::export)
        .configure(import::routes::<ActionPointImport>)
        .post("/groups/{id}/action-points", action_points::create::create)
        .get("/groups/{id}/action-points/new", action_points::create::new)
        .post("/groups/{id}/action-points/bulk", action_points::bulk::update)
        .get("/action-points", action_points::mine::list)
        .get("/action-points/{id}", action_points::show::show)
        .post("/action-points/{id}/status", action_points::status::update)
        .get("/groups/{id}/workplan", workplan::show::show)
        .get("/groups/{id}/workplan.{format}", workplan::sheets::export)
        .configure(import::routes::<WorkplanImport>)
        .get("/groups/{id}/workplan/timeline", workplan::timeline::page)
        .get("/groups/{id}/workplan/timeline.svg", workplan::timeline::svg)
        .post("/groups/{id}/workplan/areas", workplan::area_create::create)
        .get("/groups/{id}/workplan/areas/new", workplan::area_create::new)
        .post("/groups/{id}/workplan/tasks", workplan::task_create::create)
        .get("/groups/{id}/workplan/tasks/new", workplan::task_create::new)
        .post("/workplan/areas/{id}", workplan::area_rename::update)
        .get("/workplan/areas/{id}/edit", workplan::area_rename::edit)
        .get("/workplan/areas/{id}/delete", workplan::area_delete::confirm)
        .post("/workplan/areas/{id}/delete", workplan::area_delete::delete)
        .get("/workplan/tasks/{id}/delete", workplan::task_delete::confirm)
        .post("/workplan/tasks/{id}/delete", workplan::task_delete::delete)
        .post("/workplan/areas/{id}/move", workplan::area_move::move_area)
        .post("/workplan/tasks/{id}", workplan::task_edit::update)
        .get("/workplan/tasks/{id}/edit", workplan::task_edit::edit)
        .post("/workplan/tasks/{id}/status", workplan::task_status::update)
        .get("/organizations", organizations::list::list)
        .post("/organizations", organizations::create::create)
        .get("/organizations/new", organizations::create::new)
        .post("/organizations/{id}", organizations::update::update)
        .get("/organizations/{id}/edit", organizations::update::edit)
        .post("/organizations/{id}/merge", organizations::merge::merge)
        .configure(meetings::configure)
        .configure(admin::outbox::configure)
        .configure(links::configure)
        .configure(mail::configure);
}
