use std::collections::HashSet;

use actix_web::web;
use maud::Markup;

use super::{PER_PAGE, filter_choices, parse_query, restricted_for, surroundings, today};
use crate::domain::policy::{self, Action};
use crate::models::{action_points, groups};
use crate::web::auth::{SignedIn, authorize};
use crate::web::error::AppResult;
use crate::web::views::action_points::{ListPage, ListQuery, owners_by_item};
use crate::web::views::groups::crumbs_to;
use crate::web::{AppState, views};

/// A group's action points, filtered as the URL says.
pub async fn list(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    query: web::Query<ListQuery>,
) -> AppResult<Markup> {
    let mut conn = state.conn().await?;
    let standing = authorize(&mut conn, me.user(), *id, Action::View).await?;
    let group = groups::find(&mut conn, *id).await?;
    let ancestors = groups::ancestors(&mut conn, group.id).await?;
    let (mut filter, sort) = parse_query(&me.ctx.locale, &query)?;
    let runs = policy::allows(standing, Action::RunMeetings);
    filter.restricted_visible_to = restricted_for(standing, me.user());
    let page = query.page.unwrap_or(1).max(1);
    let (items, total) = action_points::list(
        &mut conn,
        &[group.id],
        &filter,
        sort,
        today(),
        PER_PAGE,
        (page - 1) * PER_PAGE,
    )
    .await?;
    let exports = policy::allows(standing, Action::KeepDirectory);
    let filter_query = {
        let mut same = (*query).clone();
        same.page = None;
        serde_html_form::to_string(&same).unwrap_or_default()
    };
    let all: HashSet<i64> = if runs {
        HashSet::from([group.id])
    } else {
        HashSet::new()
    };
    let around = surroundings(&mut conn, me.user(), &me.ctx.locale, &items, &all, false).await?;
    let choices = filter_choices(&mut conn, &me.ctx.locale, &[group.id], Some(&group)).await?;
    let owners = owners_by_item(&around.owners);
    let view = ListPage {
        title: me
            .ctx
            .locale
            .t_args("action-list-title", &[("group", group.short_name.as_str().into())]),
        crumbs: crumbs_to(&ancestors, &group),
        base: format!("/groups/{}/action-points", group.id),
        new_path: runs.then(|| format!("/groups/{}/action-points/new", group.id)),
        export_paths: exports.then(|| {
            let base = format!("/groups/{}/action-points", group.id);
            (
                format!("{base}.csv?{filter_query}"),
                format!("{base}.xlsx?{filter_query}"),
            )
        }),
        import_path: runs.then(|| format!("/groups/{}/action-points/import", group.id)),
        bulk_path: runs.then(|| format!("/groups/{}/action-points/bulk", group.id)),
        items: &items,
        total,
        page,
        per_page: PER_PAGE,
        query: &query,
        choices: &choices,
        rows: around.rows(&owners, runs),
    };
    Ok(views::action_points::list(&me.ctx, &view))
}
