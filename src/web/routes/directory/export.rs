use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;

use super::{Format, download, entries, filters, groups_allowing, today_in};
use crate::domain::policy::Action;
use crate::models::groups;
use crate::web::AppState;
use crate::web::auth::{SignedIn, authorize};
use crate::web::error::{AppError, AppResult};

/// `/groups/{id}/directory.{csv,xlsx}`: the group's directory as its page shows it,
/// for those who keep it.
pub async fn group(
    me: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<(i64, String)>,
    req: HttpRequest,
) -> AppResult<HttpResponse> {
    let (id, extension) = path.into_inner();
    let mut conn = state.conn().await?;
    authorize(&mut conn, me.user(), id, Action::KeepDirectory).await?;
    let format = Format::from_extension(&extension)?;
    let filters = filters(&req, &me.ctx.locale)?;
    let group = groups::find(&mut conn, id).await?;
    let ids = groups::subtree_ids(&mut conn, group.id).await?;
    let today = today_in(&group);
    let entries = entries(&mut conn, &ids, &filters, today).await?;
    download(&entries, format, Some(&group.short_name), today).await
}

/// `/directory.{csv,xlsx}`: every group whose directory the person keeps.
pub async fn all(
    me: SignedIn,
    state: web::Data<AppState>,
    extension: web::Path<String>,
    req: HttpRequest,
) -> AppResult<HttpResponse> {
    let format = Format::from_extension(&extension)?;
    let filters = filters(&req, &me.ctx.locale)?;
    let mut conn = state.conn().await?;
    let kept = groups_allowing(&mut conn, me.user(), Action::KeepDirectory).await?;
    if kept.is_empty() {
        return Err(AppError::Forbidden);
    }
    let today = Utc::now().date_naive();
    let entries = entries(&mut conn, &kept, &filters, today).await?;
    download(&entries, format, None, today).await
}
