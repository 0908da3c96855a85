use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;

use super::import_form::subtree_names;
use super::{MAX_UPLOAD_BYTES, MAX_UPLOAD_MB};
use crate::domain::directory_import::{self, Check, HeaderError};
use crate::domain::policy::Action;
use crate::domain::spreadsheet::{self, SheetError};
use crate::i18n::Locale;
use crate::models::directory_import as import;
use crate::models::groups::{self, Group};
use crate::web::AppState;
use crate::web::auth::{SignedIn, authorize, verify_csrf};
use crate::web::error::{AppError, AppResult};
use crate::web::views;
use crate::web::views::directory::{ImportPage, PreviewPage};
use crate::web::views::groups::crumbs_to;

/// What was wrong with an upload, shown above the form again.
enum Refused {
    /// Bigger than the limit: 413.
    TooLarge,
    /// No file, or a file that is not a usable table: 422, with the reason.
    Unusable(String),
}

struct Upload {
    file_name: String,
    bytes: Vec<u8>,
}

/// After this much, a refused upload is no longer read to its end (the connection
/// is dropped instead).
const DRAIN_LIMIT: usize = 8 * MAX_UPLOAD_BYTES;

/// Reads the form's fields: its CSRF token, which must come before the file (it is
/// checked when the file starts, so a forged request is refused before it is read),
/// and the file, up to the size limit.
async fn read_upload(req: &HttpRequest, mut form: Multipart, locale: &Locale) -> AppResult<Result<Upload, Refused>> {
    let broken = || AppError::BadRequest(locale.t("import-upload-broken"));
    let mut token: Option<String> = None;
    let mut verified = false;
    let mut upload: Option<Upload> = None;
    let mut too_large = false;
    let mut read = 0usize;
    while let Some(field) = form.next().await {
        let mut field = match field {
            Ok(field) => field,
            Err(_) if !verified => {
                // Not a form from this site at all, most likely: say so first.
                verify_csrf(req, token.as_deref()).await?;
                return Err(broken());
            }
            Err(_) => return Err(broken()),
        };
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" && !verified {
            verify_csrf(req, token.as_deref()).await?;
            verified = true;
        }
        let file_name = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .unwrap_or_default()
            .to_owned();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|_| broken())?;
            read += chunk.len();
            if read > DRAIN_LIMIT {
                return Ok(Err(Refused::TooLarge));
            }
            // Past the limit the rest is read and dropped, so the browser gets the answer.
            if !too_large && bytes.len() + chunk.len() <= MAX_UPLOAD_BYTES {
                bytes.extend_from_slice(&chunk);
            } else {
                too_large = true;
                bytes.clear();
            }
        }
        match name.as_str() {
            "csrf_token" => token = Some(String::from_utf8_lossy(&bytes).into_owned()),
            "file" if !too_large => upload = Some(Upload { file_name, bytes }),
            _ => {}
        }
    }
    if !verified {
        verify_csrf(req, token.as_deref()).await?;
    }
    if too_large {
        return Ok(Err(Refused::TooLarge));
    }
    match upload {
        Some(upload) if !upload.bytes.is_empty() => Ok(Ok(upload)),
        _ => Ok(Err(Refused::Unusable(locale.t("import-file-missing")))),
    }
}

fn sheet_problem(locale: &Locale, error: &SheetError) -> String {
    match error {
        SheetError::NotUtf8 { row } | SheetError::BadCsv { row } => {
            locale.t_args(error.message_id(), &[("row", (*row).into())])
        }
        SheetError::TooManyRows { max } => locale.t_args(error.message_id(), &[("max", (*max).into())]),
        _ => locale.t(error.message_id()),
    }
}

fn header_problem(locale: &Locale, error: &HeaderError) -> String {
    match error {
        HeaderError::Missing(columns) => {
            let names: Vec<&str> = columns.iter().map(|c| c.header()).collect();
            locale.t_args("import-header-missing", &[("columns", names.join(", ").into())])
        }
        HeaderError::Repeated(column) => locale.t_args("import-header-repeated", &[("column", column.header().into())]),
        HeaderError::NoRows => locale.t("import-header-no-rows"),
    }
}

fn html(status: StatusCode, markup: maud::Markup) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(markup.into_string())
}

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
        Err(Refused::TooLarge) => {
            let error = locale.t_args("import-file-too-large", &[("max", MAX_UPLOAD_MB.into())]);
            return refuse(&me, &mut conn, &group, StatusCode::PAYLOAD_TOO_LARGE, error).await;
        }
        Err(Refused::Unusable(error)) => {
            return refuse(&me, &mut conn, &group, StatusCode::UNPROCESSABLE_ENTITY, error).await;
        }
    };
    // Unzipping and parsing take CPU time: not on the executor's thread.
    let parsed = web::block(move || spreadsheet::read(&upload.file_name, &upload.bytes))
        .await
        .map_err(|e| AppError::Internal(e.into()))?;
    let rows = match parsed {
        Ok(sheet) => directory_import::rows_from_sheet(&sheet).map_err(|e| header_problem(&locale, &e)),
        Err(e) => Err(sheet_problem(&locale, &e)),
    };
    let rows = match rows {
        Ok(rows) => rows,
        Err(error) => return refuse(&me, &mut conn, &group, StatusCode::UNPROCESSABLE_ENTITY, error).await,
    };
    let ctx = import::context(&mut conn, &group, &rows).await?;
    let check = directory_import::check(&rows, &ctx);
    render_check(&me, &mut conn, &group, &check).await
}
