use actix_web::{HttpRequest, web};
use maud::Markup;

use super::{entries_page, filters_and_page, today_in};
use crate::domain::policy::{self, Action};
use crate::models::{groups, organizations};
use crate::web::auth::{SignedIn, authorize};
use crate::web::error::AppResult;
use crate::web::views::directory::{DirectoryPage, Exports};
use crate::web::views::groups::crumbs_to;
use crate::web::{AppState, views};

/// The members of a group and of every group below it.
pub async fn show(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>, req: HttpRequest) -> AppResult<Markup> {
    let mut conn = state.conn().await?;
    let standing = authorize(&mut conn, me.user(), *id, Action::View).await?;
    let locale = &me.ctx.locale;
    let (filters, page_number) = filters_and_page(&req, locale)?;
    let group = groups::find(&mut conn, *id).await?;
    let ancestors = groups::ancestors(&mut conn, group.id).await?;
    let ids = groups::subtree_ids(&mut conn, group.id).await?;
    let (entries, total) = entries_page(&mut conn, &ids, &filters, today_in(&group), page_number).await?;
    let organizations = organizations::list(&mut conn).await?;
    let locations = groups::locations(&mut conn, &ids).await?;
    let path = format!("/groups/{}/directory", group.id);
    let keeps = policy::allows(standing, Action::KeepDirectory);
    let page = DirectoryPage {
        title: locale.t_args("directory-group-title", &[("group", group.short_name.as_str().into())]),
        intro: locale.t_args("directory-intro-group", &[("group", group.name.as_str().into())]),
        crumbs: crumbs_to(&ancestors, &group),
        filters: &filters,
        organizations: &organizations,
        locations: &locations,
        entries: &entries,
        total,
        page: page_number,
        exports: keeps.then(|| Exports {
            query: filters.to_query(),
            base: path.clone(),
            partial: false,
        }),
        import_path: keeps.then(|| format!("{path}/import")),
        path,
    };
    Ok(views::directory::show(&me.ctx, &page))
}
