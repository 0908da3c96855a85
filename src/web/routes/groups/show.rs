use actix_web::web;
use maud::Markup;

use crate::domain::MeetingStatus;
use crate::domain::policy::{self, Action};
use crate::models::{groups, meetings};
use crate::web::auth::{SignedIn, authorize};
use crate::web::error::AppResult;
use crate::web::views::groups::GroupPage;
use crate::web::{AppState, views};

pub async fn show(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<Markup> {
    let mut conn = state.conn().await?;
    let standing = authorize(&mut conn, me.user(), *id, Action::View).await?;
    let group = groups::find(&mut conn, *id).await?;
    let ancestors = groups::ancestors(&mut conn, group.id).await?;
    let children = groups::children(&mut conn, group.id).await?;
    let may_run = policy::allows(standing, Action::RunMeetings);
    let mut meetings = meetings::for_group(&mut conn, group.id).await?;
    meetings.retain(|m| may_run || m.status != MeetingStatus::Draft);
    let page = GroupPage {
        group: &group,
        ancestors: &ancestors,
        children: &children,
        meetings: &meetings,
        now: chrono::Utc::now(),
        may_manage: policy::allows(standing, Action::ManageGroup),
    };
    Ok(views::groups::show(&me.ctx, &page))
}
