use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::import_form::subtree_names;
use crate::domain::directory_import::{self, Check};
use crate::domain::policy::Action;
use crate::models::directory_import as import;
use crate::models::groups::{self, Group};
use crate::web::AppState;
use crate::web::auth::{SignedIn, authorize};
use crate::web::error::AppResult;
use crate::web::routes::sheets::{self, header_problem, html, read_upload, refusal};
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
    let mut conn = state.conn().await?;
    authorize(&mut conn, me.user(), *id, Action::KeepDirectory).await?;
    let locale = me.ctx.locale;
    let group = groups::find(&mut conn, *id).await?;
    let upload = match read_upload(&req, form, &locale).await? {
        Ok(upload) => upload,
        Err(refused) => {
            let (status, error) = refusal(&locale, refused);
            return refuse(&me, &mut conn, &group, status, error).await;
        }
    };
    let rows = match sheets::parse(upload, &locale).await? {
        Ok(sheet) => directory_import::rows_from_sheet(&sheet).map_err(|e| header_problem(&locale, &e)),
        Err(error) => Err(error),
    };
    let rows = match rows {
        Ok(rows) => rows,
        Err(error) => return refuse(&me, &mut conn, &group, StatusCode::UNPROCESSABLE_ENTITY, error).await,
    };
    let ctx = import::context(&mut conn, &group, &rows).await?;
    let check = directory_import::check(&rows, &ctx);
    render_check(&me, &mut conn, &group, &check).await
}
