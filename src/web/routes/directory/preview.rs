use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::import_form::subtree_names;
use crate::domain::directory_import::{self, Check};
use crate::domain::policy::Action;
use crate::models::directory_import as import;
use crate::models::groups::{self, Group};
use crate::web::AppState;
use crate::web::auth::SignedIn;
use crate::web::error::AppResult;
use crate::web::routes::sheets::{allowed_group, html, read_rows};
use crate::web::views;
use crate::web::views::directory::{ImportPage, PreviewPage};
use crate::web::views::groups::crumbs_to;

/// The upload form again, with why the file was refused.
async fn refuse(
    me: &SignedIn,
    conn: &mut diesel_async::AsyncPgConnection,
    group: &Group,
    status: StatusCode,
    error: String,
) -> AppResult<HttpResponse> {
    let ancestors = groups::ancestors(conn, group.id).await?;
    let names = subtree_names(conn, group).await?;
    let page = ImportPage {
        group: &group.short_name,
        crumbs: crumbs_to(&ancestors, group),
        token: &me.session.csrf_token,
        path: format!("/groups/{}/directory/import", group.id),
        groups: &names,
        error: Some(error),
    };
    Ok(html(status, views::directory::import_form(&me.ctx, &page)))
}

/// The preview of a check: 200 with the confirm button when every row is valid,
/// 422 with the problems otherwise.
pub async fn render_check(
    me: &SignedIn,
    conn: &mut diesel_async::AsyncPgConnection,
    group: &Group,
    check: &Check,
) -> AppResult<HttpResponse> {
    let ancestors = groups::ancestors(conn, group.id).await?;
    let sources: Vec<_> = check.rows.iter().map(|r| &r.source).collect();
    let page = PreviewPage {
        group: &group.short_name,
        crumbs: crumbs_to(&ancestors, group),
        token: &me.session.csrf_token,
        path: format!("/groups/{}/directory/import", group.id),
        check,
        rows_json: serde_json::to_string(&sources).map_err(anyhow::Error::from)?,
    };
    let status = if check.is_valid() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(html(status, views::directory::preview(&me.ctx, &page)))
}

/// Reads the uploaded sheet and shows what importing it would do; writes nothing.
pub async fn preview(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    req: HttpRequest,
    form: Multipart,
) -> AppResult<HttpResponse> {
    let (mut conn, group) = allowed_group(&state, &me, *id, Action::KeepDirectory).await?;
    let locale = me.ctx.locale;
    let rows = match read_rows(&req, form, &locale, directory_import::rows_from_sheet).await? {
        Ok(rows) => rows,
        Err((status, error)) => return refuse(&me, &mut conn, &group, status, error).await,
    };
    let ctx = import::context(&mut conn, &group, &rows).await?;
    let check = directory_import::check(&rows, &ctx);
    render_check(&me, &mut conn, &group, &check).await
}
