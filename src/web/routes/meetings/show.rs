use actix_web::web;
use chrono::Utc;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use maud::Markup;

use crate::domain::MeetingStatus;
use crate::domain::policy::{self, Action};
use crate::domain::review::{ReviewWindow, review};
use crate::models::owners::{self, OwnerTable};
use crate::models::{action_points, groups, meetings};
use crate::schema::users;
use crate::web::auth::{SignedIn, authorize};
use crate::web::error::{AppError, AppResult};
use crate::web::routes::action_points::restricted_for;
use crate::web::views::meetings::MeetingPage;
use crate::web::{AppState, views};

pub async fn show(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<Markup> {
    let mut conn = state.conn().await?;
    let meeting = meetings::find(&mut conn, *id).await?;
    let standing = authorize(&mut conn, me.user(), meeting.group_id, Action::View).await?;
    // A draft is not announced yet: only those who run the group's meetings see it.
    if meeting.status == MeetingStatus::Draft && !policy::allows(standing, Action::RunMeetings) {
        return Err(AppError::NotFound);
    }
    let group = groups::find(&mut conn, meeting.group_id).await?;
    let ancestors = groups::ancestors(&mut conn, group.id).await?;
    let agenda = meetings::agenda(&mut conn, meeting.id).await?;
    let attendees = meetings::attendees(&mut conn, meeting.id).await?;
    let previous = meetings::previous(&mut conn, &meeting).await?;

    // The review covers the group and its sub-groups.
    let subtree = groups::subtree_ids(&mut conn, group.id).await?;
    let mut items = action_points::for_groups(&mut conn, &subtree).await?;
    if let Some(viewer) = restricted_for(standing, me.user()) {
        let ids: Vec<i64> = items.iter().filter(|a| a.restricted).map(|a| a.id).collect();
        let owned = action_points::owned_among(&mut conn, viewer, &subtree, &ids).await?;
        items.retain(|a| !a.restricted || owned.contains(&a.id));
    }
    let ids: Vec<i64> = items.iter().map(|a| a.id).collect();
    let history = action_points::history(&mut conn, &ids).await?;
    let owners = owners::named(&mut conn, OwnerTable::ActionPoints, &ids).await?;
    let people: Vec<(i64, String)> = users::table
        .filter(users::id.nullable().eq_any([meeting.chair_id, meeting.note_taker_id]))
        .select((users::id, users::name))
        .load(&mut conn)
        .await?;
    let name_of = |id: Option<i64>| {
        id.and_then(|id| people.iter().find(|(p, _)| *p == id))
            .map(|(_, n)| n.as_str())
    };

    let candidates: Vec<_> = items.iter().map(|a| a.review_candidate()).collect();
    let window = ReviewWindow {
        meeting_start: meeting.starts_at,
        previous_start: previous.as_ref().map(|p| p.starts_at),
        // A closed meeting shows the review as it stood when it closed.
        as_of: match (meeting.status, meeting.closed_at) {
            (MeetingStatus::Closed, Some(closed)) => closed,
            _ => Utc::now(),
        },
    };
    let starts: Vec<_> = meetings::for_group(&mut conn, group.id)
        .await?
        .iter()
        .filter(|m| m.status != MeetingStatus::Cancelled)
        .map(|m| m.starts_at)
        .collect();
    let review = review(&candidates, &history, &starts, window);
    let workplan = crate::web::routes::workplan::meeting_workplan(&mut conn, &me.ctx, &meeting, &agenda).await?;
    let page = MeetingPage {
        group: &group,
        ancestors: &ancestors,
        meeting: &meeting,
        chair: name_of(meeting.chair_id),
        note_taker: name_of(meeting.note_taker_id),
        agenda: &agenda,
        review: &review,
        action_points: &items,
        owners: &owners,
        attendees: &attendees,
        may_run: policy::allows(standing, Action::RunMeetings),
        workplan: &workplan,
    };
    Ok(views::meetings::show(&me.ctx, &page))
}
