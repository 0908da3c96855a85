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
pub mod series;
pub mod show;
pub mod status;
pub mod update;

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use diesel_async::AsyncPgConnection;

use crate::domain::MeetingStatus;
use crate::domain::policy::{self, Action, Standing};
use crate::models::meetings::{self, Meeting};
use crate::models::minutes::Reader;
use crate::models::users::User;
use crate::web::auth::authorize;
use crate::web::error::{AppError, AppResult};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/meetings/{id}", web::get().to(show::show))
        .route("/meetings/{id}/status", web::post().to(status::change))
        .route("/meetings/{id}/agenda", web::get().to(agenda_editor::show))
        .route("/meetings/{id}/agenda", web::post().to(agenda_add::add))
        .route("/meetings/{id}/agenda/{item}", web::post().to(agenda_edit::update))
        .route("/meetings/{id}/agenda/{item}/edit", web::get().to(agenda_edit::edit))
        .route(
            "/meetings/{id}/agenda/{item}/move",
            web::post().to(agenda_move::move_item),
        )
        .route(
            "/meetings/{id}/agenda/{item}/delete",
            web::get().to(agenda_delete::confirm),
        )
        .route(
            "/meetings/{id}/agenda/{item}/delete",
            web::post().to(agenda_delete::delete),
        )
        .route("/meetings/{id}/agenda/{item}/notes", web::post().to(notes::save))
        .route("/meetings/{id}/agenda/{item}/update", web::get().to(report::edit))
        .route("/meetings/{id}/agenda/{item}/update", web::post().to(report::save))
        .route("/meetings/{id}/live", web::get().to(live::show))
        .route("/meetings/{id}/live/state", web::get().to(live_state::state))
        .route("/meetings/{id}/live/current", web::post().to(live_current::set))
        .route("/meetings/{id}/action-points", web::post().to(raise::raise))
        .route("/meetings/{id}/attendance", web::get().to(attendance::show))
        .route("/meetings/{id}/attendance", web::post().to(attendance::mark))
        .route("/meetings/{id}/guests", web::post().to(guests::add))
        .route("/meetings/{id}/guests/{guest}/remove", web::post().to(guests::remove))
        .route("/meetings/{id}/minutes", web::get().to(minutes::html))
        .route("/meetings/{id}/minutes.txt", web::get().to(minutes::text));
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
