//! A reporting group's update under an agenda item, written by those who run that
//! group (the update request mail links here) or by those who run the meeting.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use diesel_async::AsyncPgConnection;

use crate::domain::policy::Standing;
use crate::domain::reporting::{UpdateAccess, update_access};
use crate::domain::{MeetingStatus, meeting_flow, validate};
use crate::models::agenda::{self, ItemText};
use crate::models::groups;
use crate::models::meetings::{self, AgendaItem, EditError, Meeting};
use crate::models::users::User;
use crate::web::auth::{CsrfForm, SignedIn, standing_in};
use crate::web::error::{AppError, AppResult};
use crate::web::views::meetings::ReportingUpdates;
use crate::web::views::reporting::{UpdateForm, conflict, page, update_path};
use crate::web::{AppState, html_page};

/// The meeting and the item, once `user` may write the item's update; the reporting
/// group's short name comes along. Another meeting's item is not found.
async fn writable_item(
    conn: &mut AsyncPgConnection,
    user: &User,
    id: i64,
    item_id: i64,
) -> AppResult<(Meeting, AgendaItem, Option<String>)> {
    let meeting = meetings::find(conn, id).await?;
    let item = agenda::find_item(conn, meeting.id, item_id).await?;
    let in_meeting = standing_in(conn, user, meeting.group_id).await?;
    let in_reporting = match item.reporting_group_id {
        Some(group) => Some(standing_in(conn, user, group).await?),
        None => None,
    };
    match update_access(in_meeting, in_reporting, meeting.status == MeetingStatus::Draft) {
        UpdateAccess::Write => {}
        UpdateAccess::Forbidden => return Err(AppError::Forbidden),
        UpdateAccess::Hidden => return Err(AppError::NotFound),
    }
    let group = match item.reporting_group_id {
        Some(group) => Some(groups::find(conn, group).await?.short_name),
        None => None,
    };
    Ok((meeting, item, group))
}

pub async fn edit(me: SignedIn, state: web::Data<AppState>, path: web::Path<(i64, i64)>) -> AppResult<HttpResponse> {
    let (id, item_id) = path.into_inner();
    let mut conn = state.conn().await?;
    let (meeting, item, group) = writable_item(&mut conn, me.user(), id, item_id).await?;
    if !meeting_flow::is_editable(meeting.status) {
        return Err(AppError::from_edit(
            &me.ctx.locale,
            EditError::NotAllowed(meeting.status),
        ));
    }
    Ok(html_page(
        StatusCode::OK,
        page(&me.ctx, &meeting, &item, group.as_deref()),
    ))
}

/// Saves the update against the version it was written from; when someone saved in
/// between, nothing is written and the 409 page shows their text next to the user's.
pub async fn save(
    me: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    form: CsrfForm<UpdateForm>,
) -> AppResult<HttpResponse> {
    let (id, item_id) = path.into_inner();
    let locale = &me.ctx.locale;
    let CsrfForm(form) = form;
    let mut conn = state.conn().await?;
    let (meeting, item, group) = writable_item(&mut conn, me.user(), id, item_id).await?;
    validate::optional(&form.notes, crate::domain::agenda::MAX_NOTES)
        .map_err(|p| AppError::invalid_field(locale, "reporting-update-label", p))?;
    // The decisions stay as they are: they belong to those who run the meeting.
    let text = ItemText {
        notes: form.notes.trim(),
        decisions: None,
    };
    match agenda::save_text(&mut conn, meeting.id, item.id, form.version, &text).await {
        Ok(_) => Ok(super::see_other(update_path(meeting.id, item.id))),
        Err(EditError::Stale(current)) => Ok(html_page(
            StatusCode::CONFLICT,
            conflict(&me.ctx, &meeting, &current, group.as_deref(), &form),
        )),
        Err(e) => Err(AppError::from_edit(locale, e)),
    }
}

/// For the meeting page: the reporting groups' short names, and the items whose
/// update the viewer may write while the meeting takes changes.
pub async fn updates_for(
    conn: &mut AsyncPgConnection,
    user: &User,
    meeting: &Meeting,
    standing: Standing,
    agenda_items: &[AgendaItem],
) -> AppResult<ReportingUpdates> {
    let mut ids: Vec<i64> = agenda_items.iter().filter_map(|i| i.reporting_group_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let names: HashMap<i64, String> = groups::short_names(conn, &ids).await?.into_iter().collect();
    let mut writable = Vec::new();
    if meeting_flow::is_editable(meeting.status) {
        let draft = meeting.status == MeetingStatus::Draft;
        let mut standings = HashMap::new();
        for &group in &ids {
            standings.insert(group, standing_in(conn, user, group).await?);
        }
        for item in agenda_items {
            if let Some(group) = item.reporting_group_id
                && update_access(standing, standings.get(&group).copied(), draft) == UpdateAccess::Write
            {
                writable.push(item.id);
            }
        }
    }
    Ok(ReportingUpdates { names, writable })
}
