//! A meeting: its page, agenda editor, status steps, live mode, attendance and minutes.

pub mod agenda_add;
pub mod agenda_delete;
pub mod agenda_edit;
pub mod agenda_editor;
pub mod agenda_move;
pub mod agenda_template;
pub mod attendance;
pub mod create;
pub mod guests;
pub mod ics;
pub mod list;
pub mod live;
pub mod live_current;
pub mod live_state;
pub mod minutes;
pub mod notes;
pub mod raise;
pub mod report;
pub mod schedule;
pub mod schedule_form;
pub mod series;
pub mod show;
pub mod status;
pub mod update;

use actix_web::HttpResponse;
use actix_web::http::header::LOCATION;
use diesel_async::AsyncPgConnection;

use crate::domain::MeetingStatus;
use crate::domain::policy::{self, Action, Standing};
use crate::models::meetings::{self, Meeting};
use crate::models::minutes::Reader;
use crate::models::users::User;
use crate::web::auth::authorize;
use crate::web::error::{AppError, AppResult};
use crate::web::router::Router;

pub fn configure(cfg: &mut Router) {
    cfg.get("/meetings/{id}", show::show)
        .post("/meetings/{id}/status", status::change)
        .get("/meetings/{id}/agenda", agenda_editor::show)
        .post("/meetings/{id}/agenda", agenda_add::add)
        .post("/meetings/{id}/agenda/{item}", agenda_edit::update)
        .get("/meetings/{id}/agenda/{item}/edit", agenda_edit::edit)
        .post("/meetings/{id}/agenda/{item}/move", agenda_move::move_item)
        .get("/meetings/{id}/agenda/{item}/delete", agenda_delete::confirm)
        .post("/meetings/{id}/agenda/{item}/delete", agenda_delete::delete)
        .post("/meetings/{id}/agenda/{item}/notes", notes::save)
        .get("/meetings/{id}/agenda/{item}/update", report::edit)
        .post("/meetings/{id}/agenda/{item}/update", report::save)
        .get("/meetings/{id}/live", live::show)
        .get("/meetings/{id}/live/state", live_state::state)
        .post("/meetings/{id}/live/current", live_current::set)
        .post("/meetings/{id}/action-points", raise::raise)
        .get("/meetings/{id}/attendance", attendance::show)
        .post("/meetings/{id}/attendance", attendance::mark)
        .post("/meetings/{id}/guests", guests::add)
        .post("/meetings/{id}/guests/{guest}/remove", guests::remove)
        .get("/meetings/{id}/minutes", minutes::html)
        .get("/meetings/{id}/minutes.txt", minutes::text);
}

/// The meeting, once `user` may do `action` in its group; another group's meeting
/// the user cannot see is not found.
pub async fn meeting_for(
    conn: &mut AsyncPgConnection,
    user: &User,
    id: i64,
    action: Action,
) -> AppResult<(Meeting, Standing)> {
    let meeting = meetings::find(conn, id).await?;
    let standing = authorize(conn, user, meeting.group_id, action).await?;
    // A draft is not announced yet: only those who run the group's meetings see it.
    if meeting.status == MeetingStatus::Draft && !policy::allows(standing, Action::RunMeetings) {
        return Err(AppError::NotFound);
    }
    Ok((meeting, standing))
}

/// Back to a page after a form was handled.
pub fn see_other(path: String) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((LOCATION, path)).finish()
}

/// Whose minutes a viewer reads: everything for those who run the group, otherwise
/// without the restricted items they do not own.
pub fn reader(standing: Standing, user: &User) -> Reader {
    if policy::allows(standing, Action::RunMeetings) {
        Reader::Everything
    } else {
        Reader::Member(user.id)
    }
}
