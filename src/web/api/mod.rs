//! The JSON API under `/api/v1`, described by the OpenAPI document at
//! `/api/v1/openapi.json`.

pub mod action_points;
pub mod agenda;
pub mod attendance;
mod caller;
pub mod groups;
pub mod input;
pub mod me;
pub mod meeting_status;
pub mod memberships;
pub mod openapi;
pub mod organizations;
pub mod users;
pub mod workplan;

use actix_web::web;
pub use caller::ApiUser;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api/v1")
            .route("/openapi.json", web::get().to(openapi::openapi_json))
            .route("/me", web::get().to(me::show))
            .service(web::resource("/users").get(users::list).post(users::create))
            .service(web::resource("/users/{id}").get(users::show))
            .service(
                web::resource("/organizations")
                    .get(organizations::list)
                    .post(organizations::create),
            )
            .service(
                web::resource("/organizations/{id}")
                    .get(organizations::show)
                    .patch(organizations::update),
            )
            .route("/organizations/{id}/merge", web::post().to(organizations::merge))
            .service(web::resource("/groups").get(groups::list).post(groups::create))
            .service(web::resource("/groups/{id}").get(groups::show).patch(groups::update))
            .route("/groups/{id}/archive", web::post().to(groups::archive))
            .route("/groups/{id}/unarchive", web::post().to(groups::unarchive))
            .service(
                web::resource("/groups/{id}/memberships")
                    .get(memberships::list)
                    .post(memberships::create),
            )
            .service(
                web::resource("/groups/{id}/memberships/{membership_id}")
                    .get(memberships::show)
                    .patch(memberships::update)
                    .delete(memberships::delete),
            )
            .service(
                web::resource("/groups/{id}/action-points")
                    .get(action_points::list)
                    .post(action_points::create),
            )
            .route("/action-points/{id}", web::get().to(action_points::show))
            .route("/action-points/{id}/history", web::get().to(action_points::history))
            .route(
                "/action-points/{id}/status",
                web::post().to(action_points::update_status),
            )
            .route("/groups/{id}/workplan", web::get().to(workplan::show))
            .route("/groups/{id}/workplan/areas", web::post().to(workplan::create_area))
            .route("/groups/{id}/workplan/tasks", web::post().to(workplan::create_task))
            .service(
                web::resource("/workplan/areas/{id}")
                    .get(workplan::show_area)
                    .patch(workplan::update_area)
                    .delete(workplan::delete_area),
            )
            .service(
                web::resource("/workplan/tasks/{id}")
                    .get(workplan::show_task)
                    .patch(workplan::update_task)
                    .delete(workplan::delete_task),
            )
            .configure(configure_meetings),
    );
}

/// A meeting's agenda, attendance and status steps.
fn configure_meetings(cfg: &mut web::ServiceConfig) {
    cfg.route("/meetings/{id}/status", web::post().to(meeting_status::change))
        .service(
            web::resource("/meetings/{id}/agenda")
                .get(agenda::list)
                .post(agenda::create),
        )
        .service(
            web::resource("/meetings/{id}/agenda/{item}")
                .patch(agenda::update)
                .delete(agenda::delete),
        )
        .route("/meetings/{id}/agenda/{item}/move", web::post().to(agenda::move_item))
        .route("/meetings/{id}/agenda/{item}/notes", web::put().to(agenda::save_notes))
        .service(
            web::resource("/meetings/{id}/attendance")
                .get(attendance::show)
                .put(attendance::mark),
        )
        .route("/meetings/{id}/guests", web::post().to(attendance::add_guest))
        .route(
            "/meetings/{id}/guests/{guest}",
            web::delete().to(attendance::remove_guest),
        );
}
