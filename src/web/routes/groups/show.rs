use actix_web::web;
use maud::Markup;

use crate::models::{groups, meetings};
use crate::web::error::AppResult;
use crate::web::views::groups::GroupPage;
use crate::web::{AppState, PageContext, views};

pub async fn show(ctx: PageContext, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<Markup> {
    let mut conn = state.conn().await?;
    let group = groups::find(&mut conn, *id).await?;
    let ancestors = groups::ancestors(&mut conn, group.id).await?;
    let children = groups::children(&mut conn, group.id).await?;
    let meetings = meetings::for_group(&mut conn, group.id).await?;
    let page = GroupPage {
        group: &group,
        ancestors: &ancestors,
        children: &children,
        meetings: &meetings,
        now: chrono::Utc::now(),
    };
    Ok(views::groups::show(&ctx.locale, &page))
}
