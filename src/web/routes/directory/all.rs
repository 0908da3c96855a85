use actix_web::{HttpRequest, web};
use chrono::Utc;
use maud::Markup;

use super::{entries_page, filters_and_page, groups_allowing};
use crate::domain::policy::Action;
use crate::models::{groups, organizations};
use crate::web::auth::SignedIn;
use crate::web::error::AppResult;
use crate::web::views::directory::{DirectoryPage, Exports};
use crate::web::{AppState, views};

/// Everyone in every group the signed-in person can see: all groups for an
/// administrator, else the groups they belong to and everything below them.
pub async fn show(me: SignedIn, state: web::Data<AppState>, req: HttpRequest) -> AppResult<Markup> {
    let locale = &me.ctx.locale;
    let (filters, page_number) = filters_and_page(&req, locale)?;
    let mut conn = state.conn().await?;
    let visible = groups_allowing(&mut conn, me.user(), Action::View).await?;
    let kept = groups_allowing(&mut conn, me.user(), Action::KeepDirectory).await?;
    let (entries, total) = entries_page(&mut conn, &visible, &filters, Utc::now().date_naive(), page_number).await?;
    let organizations = organizations::list(&mut conn).await?;
    let locations = groups::locations(&mut conn, &visible).await?;
    let path = "/directory".to_owned();
    let page = DirectoryPage {
        title: locale.t("directory-title"),
        intro: locale.t("directory-intro-all"),
        crumbs: Vec::new(),
        filters: &filters,
        organizations: &organizations,
        locations: &locations,
        entries: &entries,
        total,
        page: page_number,
        exports: (!kept.is_empty()).then(|| Exports {
            query: filters.to_query(),
            base: path.clone(),
            partial: kept.len() < visible.len(),
        }),
        import_path: None,
        path,
    };
    Ok(views::directory::show(&me.ctx, &page))
}
