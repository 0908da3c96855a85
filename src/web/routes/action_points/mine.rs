use std::collections::HashSet;

use actix_web::web;
use maud::Markup;

use super::{PER_PAGE, filter_choices, parse_query, surroundings, today};
use crate::models::{action_points, groups};
use crate::web::auth::SignedIn;
use crate::web::error::AppResult;
use crate::web::views::action_points::{ListPage, ListQuery, owners_by_item};
use crate::web::{AppState, views};

/// The action points of every group the person can see; `?mine=1` narrows to
/// those they stand for (their own, their organisation's, their sub-groups').
pub async fn list(me: SignedIn, state: web::Data<AppState>, query: web::Query<ListQuery>) -> AppResult<Markup> {
    let mut conn = state.conn().await?;
    let visible = groups::visible_ids(&mut conn, me.user().id, me.user().is_admin).await?;
    // "me" is not an owner but the viewer: whatever they stand for.
    let mine = query.owner == "me";
    let mut asked = query.clone();
    if mine {
        asked.owner.clear();
    }
    let (mut filter, sort) = parse_query(&me.ctx.locale, &asked)?;
    filter.owned_by = mine.then(|| me.user().id);
    filter.restricted_visible_to = (!me.user().is_admin).then(|| me.user().id);
    let page = query.page.unwrap_or(1).max(1);
    let (items, total) = action_points::list(
        &mut conn,
        &visible,
        &filter,
        sort,
        today(),
        PER_PAGE,
        (page - 1) * PER_PAGE,
    )
    .await?;
    let around = surroundings(&mut conn, me.user(), &me.ctx.locale, &items, &HashSet::new(), true).await?;
    let mut choices = filter_choices(&mut conn, &me.ctx.locale, &visible, None).await?;
    choices
        .owners
        .insert(0, ("me".to_owned(), me.ctx.locale.t("action-filter-mine")));
    let owners = owners_by_item(&around.owners);
    let view = ListPage {
        title: me
            .ctx
            .locale
            .t(if mine { "action-mine-title" } else { "action-all-title" }),
        crumbs: vec![],
        base: "/action-points".to_owned(),
        new_path: None,
        export_paths: None,
        import_path: None,
        bulk_path: None,
        items: &items,
        total,
        page,
        per_page: PER_PAGE,
        query: &query,
        choices: &choices,
        rows: around.rows(&owners, false),
    };
    Ok(views::action_points::list(&me.ctx, &view))
}
