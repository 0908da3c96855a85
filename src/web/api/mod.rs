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

use crate::web::router::Router;
pub use caller::ApiUser;

pub fn configure(cfg: &mut Router) {
    cfg.scope("/api/v1", |api| {
        api.get("/openapi.json", openapi::openapi_json)
            .get("/me", me::show)
            .get("/users", users::list)
            .post("/users", users::create)
            .get("/users/{id}", users::show)
            .patch("/users/{id}", users::update)
            .get("/organizations", organizations::list)
            .post("/organizations", organizations::create)
            .get("/organizations/{id}", organizations::show)
            .patch("/organizations/{id}", organizations::update)
            .post("/organizations/{id}/merge", organizations::merge)
            .get("/groups", groups::list)
            .post("/groups", groups::create)
            .get("/groups/{id}", groups::show)
            .patch("/groups/{id}", groups::update)
            .post("/groups/{id}/archive", groups::archive)
            .post("/groups/{id}/unarchive", groups::unarchive)
            .get("/groups/{id}/memberships", memberships::list)
            .post("/groups/{id}/memberships", memberships::create)
            .get("/groups/{id}/memberships/{membership_id}", memberships::show)
            .patch("/groups/{id}/memberships/{membership_id}", memberships::update)
            .delete("/groups/{id}/memberships/{membership_id}", memberships::delete)
            .get("/groups/{id}/action-points", action_points::list)
            .post("/groups/{id}/action-points", action_points::create)
            .get("/groups/{id}/meetings", meetings::list)
            .post("/groups/{id}/meetings", meetings::create)
            .get("/meetings/{id}", meetings::show)
            .patch("/meetings/{id}", meetings::update)
            .get("/action-points/{id}", action_points::show)
            .get("/action-points/{id}/history", action_points::history)
            .post("/action-points/{id}/status", action_points::update_status)
            .get("/groups/{id}/workplan", workplan::show)
            .post("/groups/{id}/workplan/areas", workplan::create_area)
            .post("/groups/{id}/workplan/tasks", workplan::create_task)
            .get("/workplan/areas/{id}", workplan::show_area)
            .patch("/workplan/areas/{id}", workplan::update_area)
            .delete("/workplan/areas/{id}", workplan::delete_area)
            .get("/workplan/tasks/{id}", workplan::show_task)
            .patch("/workplan/tasks/{id}", workplan::update_task)
            .delete("/workplan/tasks/{id}", workplan::delete_task)
            .configure(configure_meetings);
    });
}

/// A meeting's agenda, attendance and status steps.
fn configure_meetings(cfg: &mut Router) {
    cfg.post("/meetings/{id}/status", meeting_status::change)
        .get("/meetings/{id}/agenda", agenda::list)
        .post("/meetings/{id}/agenda", agenda::create)
        .patch("/meetings/{id}/agenda/{item}", agenda::update)
        .delete("/meetings/{id}/agenda/{item}", agenda::delete)
        .post("/meetings/{id}/agenda/{item}/move", agenda::move_item)
        .put("/meetings/{id}/agenda/{item}/notes", agenda::save_notes)
        .get("/meetings/{id}/attendance", attendance::show)
        .put("/meetings/{id}/attendance", attendance::mark)
        .post("/meetings/{id}/guests", attendance::add_guest)
        .delete("/meetings/{id}/guests/{guest}", attendance::remove_guest);
}
