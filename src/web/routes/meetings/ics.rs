use actix_web::{HttpResponse, web};
use chrono::Utc;

use crate::domain::MeetingStatus;
use crate::domain::ics::{Method, calendar};
use crate::domain::policy::{self, Action};
use crate::models::meeting_schedule::CalendarText;
use crate::models::meetings;
use crate::web::AppState;
use crate::web::auth::{SignedIn, authorize};
use crate::web::error::{AppError, AppResult};
use crate::web::routes::calendar::ics_response;

/// One meeting as an `.ics` file, for whoever may see its page; a draft only for
/// those who run the group's meetings, since it is not yet announced.
pub async fn download(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let meeting = meetings::find(&mut conn, *id).await?;
    let standing = authorize(&mut conn, me.user(), meeting.group_id, Action::View).await?;
    if meeting.status == MeetingStatus::Draft && !policy::allows(standing, Action::RunMeetings) {
        return Err(AppError::NotFound);
    }
    let text = CalendarText::of(&meeting, &state.settings.base_url);
    let body = calendar(Method::Publish, None, &[text.event(&meeting, Utc::now())]);
    Ok(ics_response(&format!("meeting-{}.ics", meeting.id), body))
}
