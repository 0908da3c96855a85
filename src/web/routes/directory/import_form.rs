use actix_web::web;
use maud::Markup;

use crate::domain::policy::Action;
use crate::models::groups;
use crate::web::auth::{SignedIn, authorize};
use crate::web::error::AppResult;
use crate::web::views::directory::ImportPage;
use crate::web::views::groups::crumbs_to;
use crate::web::{AppState, views};

/// The upload form of the import, with what the file should hold.
pub async fn show(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<Markup> {
    let mut conn = state.conn().await?;
    authorize(&mut conn, me.user(), *id, Action::KeepDirectory).await?;
    let group = groups::find(&mut conn, *id).await?;
    let ancestors = groups::ancestors(&mut conn, group.id).await?;
    let names = subtree_names(&mut conn, &group).await?;
    let page = ImportPage {
        group: &group.short_name,
        crumbs: crumbs_to(&ancestors, &group),
        token: &me.session.csrf_token,
        path: format!("/groups/{}/directory/import", group.id),
        groups: &names,
        error: None,
    };
    Ok(views::directory::import_form(&me.ctx, &page))
}

/// The short names a row's group may take: the group's own first.
pub async fn subtree_names(
    conn: &mut diesel_async::AsyncPgConnection,
    group: &groups::Group,
) -> AppResult<Vec<String>> {
    let ids = groups::subtree_ids(conn, group.id).await?;
    let mut names = groups::short_names(conn, &ids).await?;
    names.sort_by_key(|(id, _)| *id != group.id);
    Ok(names.into_iter().map(|(_, name)| name).collect())
}
