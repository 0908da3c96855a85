use std::collections::BTreeMap;

use actix_web::{HttpResponse, web};
use maud::Markup;

use crate::domain::policy::Action;
use crate::domain::{AttendanceStatus, meeting_flow};
use crate::models::attendance::{self, MemberMark};
use crate::models::meetings;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::{AppError, AppResult};
use crate::web::views::attendance::{AttendancePage, page};

pub async fn show(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<Markup> {
    let mut conn = state.conn().await?;
    let (meeting, _) = super::meeting_for(&mut conn, me.user(), *id, Action::RunMeetings).await?;
    let members = attendance::members(&mut conn, meeting.id).await?;
    let guests = attendance::guests(&mut conn, meeting.id).await?;
    let attendees = meetings::attendees(&mut conn, meeting.id).await?;
    Ok(page(
        &me.ctx,
        &AttendancePage {
            meeting: &meeting,
            members: &members,
            guests: &guests,
            attendees: &attendees,
            editable: meeting_flow::is_editable(meeting.status),
        },
    ))
}

/// The marks a submitted form sets: `member-{user id}` = present, apologies or empty.
fn marks(
    locale: &crate::i18n::Locale,
    form: &BTreeMap<String, String>,
    members: &[MemberMark],
) -> AppResult<Vec<(i64, Option<AttendanceStatus>)>> {
    members
        .iter()
        .filter_map(|m| {
            form.get(&format!("member-{}", m.user_id))
                .map(|value| (m.user_id, value))
        })
        .map(|(user_id, value)| match value.as_str() {
            "" => Ok((user_id, None)),
            other => other
                .parse()
                .map(|status| (user_id, Some(status)))
                .map_err(|_| AppError::invalid_field(locale, "attendance-title", "invalid-choice")),
        })
        .collect()
}

/// Saves every member's mark in one go.
pub async fn mark(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<BTreeMap<String, String>>,
) -> AppResult<HttpResponse> {
    let locale = &me.ctx.locale;
    let mut conn = state.conn().await?;
    let (meeting, _) = super::meeting_for(&mut conn, me.user(), *id, Action::RunMeetings).await?;
    let members = attendance::members(&mut conn, meeting.id).await?;
    let marks = marks(locale, &form.0, &members)?;
    attendance::mark_members(&mut conn, meeting.id, &marks)
        .await
        .map_err(|e| AppError::from_edit(locale, e))?;
    Ok(super::see_other(format!("/meetings/{}/attendance", meeting.id)))
}
