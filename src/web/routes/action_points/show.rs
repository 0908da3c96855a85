use actix_web::web;
use maud::Markup;

use super::status::may_update;
use super::visible_item;
use crate::models::owners::{self, OwnerTable};
use crate::models::users::User;
use crate::models::workplan::{self, TaskInGroup};
use crate::models::{action_points, groups, meetings};
use crate::web::auth::SignedIn;
use crate::web::error::AppResult;
use crate::web::views::action_points::{DetailPage, owners_by_item};
use crate::web::views::groups::crumbs_to;
use crate::web::views::{local_date, owner_list};
use crate::web::{AppState, views};
use diesel_async::AsyncPgConnection;

pub async fn show(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<Markup> {
    let mut conn = state.conn().await?;
    let item = visible_item(&mut conn, me.user(), *id).await?;
    let group = groups::find(&mut conn, item.group_id).await?;
    let ancestors = groups::ancestors(&mut conn, group.id).await?;
    let named = owners::named(&mut conn, OwnerTable::ActionPoints, &[item.id]).await?;
    let owners = owners_by_item(&named)
        .get(&item.id)
        .map(|o| owner_list(&me.ctx.locale, o))
        .unwrap_or_default();
    let raised_at = match item.meeting_id {
        Some(meeting_id) => Some((
            meeting_id,
            local_date(
                &me.ctx.locale,
                meetings::find(&mut conn, meeting_id).await?.starts_at,
                group.tz(),
            ),
        )),
        None => None,
    };
    let history = action_points::entries(&mut conn, item.id).await?;
    let may_update = may_update(&mut conn, me.user(), &item).await.is_ok();
    let mut crumbs = crumbs_to(&ancestors, &group);
    crumbs.push(views::Crumb {
        label: me.ctx.locale.t("group-action-points-link"),
        href: format!("/groups/{}/action-points", group.id),
    });
    let reached = action_points::reached(&mut conn, item.id).await?;
    let workplan_tasks = visible_tasks(&mut conn, me.user(), item.id).await?;
    let page = DetailPage {
        item: &item,
        crumbs,
        owners,
        raised_at,
        history: &history,
        may_update,
        tz: group.tz(),
        reached: &reached,
        workplan_tasks: &workplan_tasks,
    };
    Ok(views::action_points::detail(&me.ctx, &page))
}

/// The workplan tasks that serve the item, of the groups the user may see (a task of
/// a group above the item's may be out of a sub-group member's sight).
async fn visible_tasks(conn: &mut AsyncPgConnection, user: &User, item_id: i64) -> AppResult<Vec<TaskInGroup>> {
    let mut tasks = workplan::tasks_for_action_point(conn, item_id).await?;
    let visible = groups::visible_ids(conn, user.id, user.is_admin).await?;
    tasks.retain(|t| visible.contains(&t.group_id));
    Ok(tasks)
}
