use std::collections::HashMap;

use actix_web::web;
use maud::Markup;

use crate::domain::policy::Action;
use crate::models::owners::{self, OwnerTable};
use crate::models::{action_points, groups, meetings};
use crate::web::auth::{SignedIn, authorize};
use crate::web::error::AppResult;
use crate::web::views::action_points::ListPage;
use crate::web::views::groups::crumbs_to;
use crate::web::{AppState, views};

pub async fn list(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<Markup> {
    let mut conn = state.conn().await?;
    authorize(&mut conn, me.user(), *id, Action::View).await?;
    let group = groups::find(&mut conn, *id).await?;
    let ancestors = groups::ancestors(&mut conn, group.id).await?;
    let items = action_points::for_groups(&mut conn, &[group.id]).await?;
    let ids: Vec<i64> = items.iter().map(|a| a.id).collect();
    let owners = owners::named(&mut conn, OwnerTable::ActionPoints, &ids).await?;
    let group_meetings = meetings::for_group(&mut conn, group.id).await?;
    let by_id: HashMap<i64, &meetings::Meeting> = group_meetings.iter().map(|m| (m.id, m)).collect();
    let page = ListPage {
        group: &group,
        crumbs: crumbs_to(&ancestors, &group),
        items: &items,
        owners: &owners,
        meetings: &by_id,
    };
    Ok(views::action_points::list(&me.ctx, &page))
}
