//! A meeting's status steps: publish, start, close, cancel, re-open.

use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ApiUser;
use super::input::ApiJson;
use crate::domain::MeetingStatus;
use crate::domain::meeting_flow::step;
use crate::domain::policy::Action;
use crate::i18n::Locale;
use crate::models::meetings::{EditError, Meeting};
use crate::web::AppState;
use crate::web::error::{AppError, AppResult};
use crate::web::routes::meetings::meeting_for;

/// A meeting's status and the instants that go with it.
#[derive(Serialize, ToSchema)]
pub struct MeetingStatusEntry {
    id: i64,
    group_id: i64,
    status: MeetingStatus,
    current_agenda_item_id: Option<i64>,
    published_at: Option<DateTime<Utc>>,
    closed_at: Option<DateTime<Utc>>,
    /// The iCalendar SEQUENCE of the invitation.
    ics_sequence: i32,
}

impl From<Meeting> for MeetingStatusEntry {
    fn from(m: Meeting) -> Self {
        MeetingStatusEntry {
            id: m.id,
            group_id: m.group_id,
            status: m.status,
            current_agenda_item_id: m.current_agenda_item_id,
            published_at: m.published_at,
            closed_at: m.closed_at,
            ics_sequence: m.ics_sequence,
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingStatusBody {
    /// `scheduled` publishes a draft, `in_progress` starts it (or re-opens a closed
    /// one), `closed` closes it, `cancelled` cancels a draft or scheduled meeting.
    status: MeetingStatus,
}

/// Move a meeting to another status
#[utoipa::path(post, path = "/api/v1/meetings/{id}/status", operation_id = "change_meeting_status", tag = "meetings", request_body = MeetingStatusBody,
    params(("id" = i64, Path, description = "The meeting's id")),
    responses(
        (status = 200, body = MeetingStatusEntry, description = "The meeting now"),
        (status = 403, description = "The caller may not run this group's meetings"),
        (status = 404, description = "No such meeting, or not visible to the caller"),
        (status = 409, description = "No such step from the meeting's status (closing it twice, cancelling it under way)"),
    ))]
pub async fn change(
    me: ApiUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    body: ApiJson<MeetingStatusBody>,
) -> AppResult<HttpResponse> {
    let locale = Locale::default();
    let mut conn = state.conn().await?;
    let (meeting, _) = meeting_for(&mut conn, &me.user, *id, Action::RunMeetings).await?;
    let step = step(meeting.status, body.0.status)
        .ok_or_else(|| AppError::from_edit(&locale, EditError::NotAllowed(meeting.status)))?;
    let meeting = crate::flows::meetings::change_status(&mut conn, &state.mail(), meeting.id, step, Utc::now())
        .await
        .map_err(|e| AppError::from_edit(&locale, e))?;
    Ok(HttpResponse::Ok().json(MeetingStatusEntry::from(meeting)))
}
