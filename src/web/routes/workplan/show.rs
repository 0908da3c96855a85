use actix_web::web;
use maud::Markup;

use crate::domain::policy::{Action, allows};
use crate::models::owners::{self, OwnerTable};
use crate::models::{groups, workplan};
use crate::web::auth::{SignedIn, authorize};
use crate::web::error::AppResult;
use crate::web::views::groups::crumbs_to;
use crate::web::views::workplan::WorkplanPage;
use crate::web::{AppState, views};

pub async fn show(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<Markup> {
    let mut conn = state.conn().await?;
    let standing = authorize(&mut conn, me.user(), *id, Action::View).await?;
    let group = groups::find(&mut conn, *id).await?;
    let ancestors = groups::ancestors(&mut conn, group.id).await?;
    let areas = workplan::for_group(&mut conn, group.id).await?;
    let task_ids: Vec<i64> = areas.iter().flat_map(|(_, tasks)| tasks.iter().map(|t| t.id)).collect();
    let owners = owners::named(&mut conn, OwnerTable::WorkplanTasks, &task_ids).await?;
    let page = WorkplanPage {
        group: &group,
        crumbs: crumbs_to(&ancestors, &group),
        areas: &areas,
        owners: &owners,
        sheets: allows(standing, Action::EditWorkplan),
    };
    Ok(views::workplan::show(&me.ctx, &page))
}
