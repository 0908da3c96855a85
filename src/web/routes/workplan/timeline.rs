use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use diesel_async::AsyncPgConnection;
use maud::Markup;

use super::show::{Filter, Paged, paged};
use crate::domain::policy::Action;
use crate::models::{groups, workplan};
use crate::web::auth::{SignedIn, authorize};
use crate::web::error::AppResult;
use crate::web::routes::action_points::today;
use crate::web::views::groups::crumbs_to;
use crate::web::views::workplan::{TimelinePage, WorkplanQuery, timeline_svg};
use crate::web::{AppState, html_page, views};

/// The chart of one page of the group's own dated tasks that the query's filter lets
/// through (its period above all), with which page it is of how many.
async fn chart(
    conn: &mut AsyncPgConnection,
    me: &SignedIn,
    group_id: i64,
    query: &WorkplanQuery,
) -> AppResult<(Markup, Paged)> {
    let today = today();
    let mut filter = Filter::parse(&me.ctx.locale, query, today)?;
    filter.tasks.dated = true;
    let areas = workplan::areas(conn, group_id).await?;
    let shown = paged(conn, &filter, areas, group_id, query.page).await?;
    Ok((timeline_svg(&me.ctx.locale, &shown.areas, today), shown))
}

/// The group's workplan as a Gantt chart inside a page.
pub async fn page(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    query: web::Query<WorkplanQuery>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    authorize(&mut conn, me.user(), *id, Action::View).await?;
    let group = groups::find(&mut conn, *id).await?;
    let ancestors = groups::ancestors(&mut conn, group.id).await?;
    let (svg, shown) = chart(&mut conn, &me, group.id, &query).await?;
    let page = TimelinePage {
        group: &group,
        crumbs: crumbs_to(&ancestors, &group),
        svg,
        query: &query,
        page: shown.page,
        pages: shown.pages,
    };
    Ok(html_page(StatusCode::OK, views::workplan::timeline(&me.ctx, &page)))
}

/// The same chart as a bare SVG document, for embedding.
pub async fn svg(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    query: web::Query<WorkplanQuery>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    authorize(&mut conn, me.user(), *id, Action::View).await?;
    let (svg, _) = chart(&mut conn, &me, *id, &query).await?;
    Ok(HttpResponse::Ok()
        .content_type("image/svg+xml; charset=utf-8")
        .body(format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
            svg.into_string()
        )))
}
