use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::domain::policy::Action;
use crate::models::{groups, workplan};
use crate::web::auth::{SignedIn, authorize};
use crate::web::error::AppResult;
use crate::web::routes::action_points::today;
use crate::web::views::groups::crumbs_to;
use crate::web::views::workplan::{TimelinePage, timeline_svg};
use crate::web::{AppState, html_page, views};

/// The group's workplan as a Gantt chart inside a page.
pub async fn page(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    authorize(&mut conn, me.user(), *id, Action::View).await?;
    let group = groups::find(&mut conn, *id).await?;
    let ancestors = groups::ancestors(&mut conn, group.id).await?;
    let areas = workplan::for_group(&mut conn, group.id).await?;
    let page = TimelinePage {
        group: &group,
        crumbs: crumbs_to(&ancestors, &group),
        svg: timeline_svg(&me.ctx.locale, &areas, today()),
    };
    Ok(html_page(StatusCode::OK, views::workplan::timeline(&me.ctx, &page)))
}

/// The same chart as a bare SVG document, for embedding.
pub async fn svg(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    authorize(&mut conn, me.user(), *id, Action::View).await?;
    let areas = workplan::for_group(&mut conn, *id).await?;
    let svg = timeline_svg(&me.ctx.locale, &areas, today());
    Ok(HttpResponse::Ok()
        .content_type("image/svg+xml; charset=utf-8")
        .body(format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
            svg.into_string()
        )))
}
