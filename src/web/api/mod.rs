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
pub mod meetings;
pub mod memberships;
pub mod openapi;
pub mod organizations;
pub mod users;
pub mod workplan;

use actix_web::web;
pub use caller::ApiUser;

/// Every path is a resource, so that a method it lacks is a 405 naming those it has
/// (a bare route would answer 404).
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api/v1")
            .service(web::resource("/openapi.json").get(openapi::openapi_json))
            .service(web::resource("/me").get(me::show))
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
            .service(web::resource("/organizations/{id}/merge").post(organizations::merge))
            .service(web::resource("/groups").get(groups::list).post(groups::create))
            .service(web::resource("/groups/{id}").get(groups::show).patch(groups::update))
            .service(web::resource("/groups/{id}/archive").post(groups::archive))
            .service(web::resource("/groups/{id}/unarchive").post(groups::unarchive))
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
            .service(
                web::resource("/groups/{id}/meetings")
                    .get(meetings::list)
                    .post(meetings::create),
            )
            .service(
                web::resource("/meetings/{id}")
                    .get(meetings::show)
                    .patch(meetings::update),
            )
            .service(web::resource("/action-points/{id}").get(action_points::show))
            .service(web::resource("/action-points/{id}/history").get(action_points::history))
            .service(web::resource("/action-points/{id}/status").post(action_points::update_status))
            .service(web::resource("/groups/{id}/workplan").get(workplan::show))
            .service(web::resource("/groups/{id}/workplan/areas").post(workplan::create_area))
            .service(web::resource("/groups/{id}/workplan/tasks").post(workplan::create_task))
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
    cfg.service(web::resource("/meetings/{id}/status").post(meeting_status::change))
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
        .service(web::resource("/meetings/{id}/agenda/{item}/move").post(agenda::move_item))
        .service(web::resource("/meetings/{id}/agenda/{item}/notes").put(agenda::save_notes))
        .service(
            web::resource("/meetings/{id}/attendance")
                .get(attendance::show)
                .put(attendance::mark),
        )
        .service(web::resource("/meetings/{id}/guests").post(attendance::add_guest))
        .service(web::resource("/meetings/{id}/guests/{guest}").delete(attendance::remove_guest));
}
