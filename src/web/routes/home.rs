use actix_web::web;
use chrono::Utc;
use maud::Markup;

use std::collections::HashSet;

use crate::domain::ActionStatus;
use crate::models::action_points::{self, ListFilter, Sort};
use crate::models::{groups, memberships};
use crate::web::auth::SignedIn;
use crate::web::error::AppResult;
use crate::web::routes::action_points::{surroundings, today};
use crate::web::views::action_points::owners_by_item;
use crate::web::{AppState, views};

/// How many of their own action points the start page shows.
const HOME_ITEMS: i64 = 10;

/// The signed-in person's groups: every working group for an admin, else the
/// groups they belong to (sub-groups are reached from their parent's page).
pub async fn show(me: SignedIn, state: web::Data<AppState>) -> AppResult<Markup> {
    let mut conn = state.conn().await?;
    let groups = if me.user().is_admin {
        groups::top_level(&mut conn).await?
    } else {
        let roles = memberships::active_roles(&mut conn, me.user().id, Utc::now().date_naive()).await?;
        let ids: Vec<i64> = roles.iter().map(|(group, _)| *group).collect();
        groups::entry_points(&mut conn, &ids).await?
    };
    // Their own open items, overdue first: what to do before the next meeting.
    let visible = groups::visible_ids(&mut conn, me.user().id, me.user().is_admin).await?;
    let filter = ListFilter {
        statuses: vec![ActionStatus::Open, ActionStatus::InProgress],
        owned_by: Some(me.user().id),
        ..Default::default()
    };
    let (mine, total) = action_points::list(&mut conn, &visible, &filter, Sort::Due, today(), HOME_ITEMS, 0).await?;
    let around = surroundings(&mut conn, me.user(), &me.ctx.locale, &mine, &HashSet::new(), true).await?;
    let owners = owners_by_item(&around.owners);
    let rows = around.rows(&owners, false);
    Ok(views::groups::home(&me.ctx, &groups, &mine, total, &rows))
}
