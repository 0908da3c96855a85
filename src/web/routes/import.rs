//! The pages of every spreadsheet import, under `/groups/{id}/<section>/import`:
//! the upload form, the preview of the checked rows (which writes nothing), and the
//! confirmation, which checks the rows again and writes them all or none.

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use diesel_async::AsyncPgConnection;
use maud::Markup;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::domain::policy::Action;
use crate::models::groups::{self, Group};
use crate::models::import::{self, Checked, Importer};
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::AppResult;
use crate::web::router::Router;
use crate::web::routes::sheets::{
    ConfirmForm, MAX_UPLOAD_BYTES, allowed_group, decode_rows, html, preview_response, read_rows,
};
use crate::web::views::groups::crumbs_to;
use crate::web::views::sheets::{ImportPage, ImportPages, imported_page, preview_page, upload_page};

/// An import's place: where its pages are, and who may use them.
pub trait SheetImport: ImportPages<Row: Serialize + DeserializeOwned> + 'static {
    /// The group's page the rows go to, `/groups/{id}/<SECTION>`; the import is under it.
    const SECTION: &'static str;
    /// What one must be allowed to do in the group to import.
    const ACTION: Action;
}

/// The routes of import `I`.
pub fn routes<I: SheetImport>(cfg: &mut Router) {
    let path = format!("/groups/{{id}}/{}/import", I::SECTION);
    let confirm_path = format!("{path}/confirm");
    cfg.get(&path, form::<I>)
        .post(&path, preview::<I>)
        // The confirmation carries every row of the sheet back: more than a form's default limit.
        .body_limit(&confirm_path, 8 * MAX_UPLOAD_BYTES)
        .post(&confirm_path, confirm::<I>);
}

/// The surroundings of the import's pages.
async fn import_page<'a, I: SheetImport>(
    me: &'a SignedIn,
    conn: &mut AsyncPgConnection,
    group: &'a Group,
    error: Option<String>,
) -> AppResult<ImportPage<'a>> {
    let ancestors = groups::ancestors(conn, group.id).await?;
    let back = format!("/groups/{}/{}", group.id, I::SECTION);
    Ok(ImportPage {
        group: &group.short_name,
        crumbs: crumbs_to(&ancestors, group),
        token: &me.session.csrf_token,
        path: format!("{back}/import"),
        back,
        error,
    })
}

/// The upload form, with what the file should hold, and why the last file was refused.
async fn upload<I: SheetImport>(
    me: &SignedIn,
    conn: &mut AsyncPgConnection,
    group: &Group,
    error: Option<String>,
) -> AppResult<Markup> {
    let choices = I::choices(conn, group).await?;
    let page = import_page::<I>(me, conn, group, error).await?;
    Ok(upload_page::<I>(&me.ctx, &page, &choices))
}

/// The upload form.
pub async fn form<I: SheetImport>(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<Markup> {
    let (mut conn, group) = allowed_group(&state, &me, *id, I::ACTION).await?;
    upload::<I>(&me, &mut conn, &group, None).await
}

/// The preview of checked rows: 200 with the confirm button when every row is
/// valid, 422 with the problems otherwise.
async fn render_check<I: SheetImport>(
    me: &SignedIn,
    conn: &mut AsyncPgConnection,
    group: &Group,
    rows: &[Checked<I>],
) -> AppResult<HttpResponse> {
    let page = import_page::<I>(me, conn, group, None).await?;
    let sources: Vec<&I::Row> = rows.iter().map(|r| &r.source).collect();
    let valid = rows.iter().all(|r| r.outcome.is_ok());
    preview_response(&sources, valid, |json| preview_page::<I>(&me.ctx, &page, rows, json))
}

/// Reads the uploaded sheet and shows what importing it would do; writes nothing.
pub async fn preview<I: SheetImport>(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    req: HttpRequest,
    form: Multipart,
) -> AppResult<HttpResponse> {
    let (mut conn, group) = allowed_group(&state, &me, *id, I::ACTION).await?;
    match read_rows::<I::Row>(&req, form, &me.ctx.locale).await? {
        Ok(rows) => {
            let checked = I::check(&mut conn, &group, &rows).await?;
            render_check::<I>(&me, &mut conn, &group, &checked).await
        }
        Err((status, error)) => Ok(html(status, upload::<I>(&me, &mut conn, &group, Some(error)).await?)),
    }
}

/// Writes the previewed rows, checked once more inside the transaction that writes
/// them: all of them, or, when any is no longer valid, none (and the preview again).
pub async fn confirm<I: SheetImport>(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<ConfirmForm>,
) -> AppResult<HttpResponse> {
    let CsrfForm(form) = form;
    let (mut conn, group) = allowed_group(&state, &me, *id, I::ACTION).await?;
    let rows: Vec<I::Row> = decode_rows(&form.rows, &me.ctx.locale)?;
    let by = Importer {
        user_id: me.user().id,
        at: Utc::now(),
    };
    match import::apply::<I>(&mut conn, &group, &rows, &by).await? {
        Ok(outcome) => {
            let page = import_page::<I>(&me, &mut conn, &group, None).await?;
            Ok(html(StatusCode::OK, imported_page::<I>(&me.ctx, &page, &outcome)))
        }
        Err(checked) => render_check::<I>(&me, &mut conn, &group, &checked).await,
    }
}
