//! What the spreadsheet exports and imports share: the file formats, the download
//! response, reading an upload, and the words for a file that cannot be used.

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::http::header::{CacheControl, CacheDirective, ContentDisposition};
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;

use crate::db::DbConn;
use crate::domain::policy::Action;
use crate::domain::spreadsheet::{self, HeaderError, MAX_ROWS, SheetColumn, SheetError, SheetRecord, SheetRow};
use crate::i18n::Locale;
use crate::models::groups::{self, Group};
use crate::web::AppState;
use crate::web::auth::{SignedIn, authorize, verify_csrf};
use crate::web::error::{AppError, AppResult};
use crate::web::views::sheets::Sheet;

/// The largest upload an import reads.
pub const MAX_UPLOAD_MB: usize = 5;
pub const MAX_UPLOAD_BYTES: usize = MAX_UPLOAD_MB * 1024 * 1024;

/// A spreadsheet format, from the path's extension; any other is a 404.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    pub fn from_extension(extension: &str) -> AppResult<Format> {
        match extension {
            "csv" => Ok(Format::Csv),
            "xlsx" => Ok(Format::Xlsx),
            _ => Err(AppError::NotFound),
        }
    }
}

/// `CPiE WG` → `cpie-wg`, for file names.
pub fn slug(text: &str) -> String {
    let lower: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    lower.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-")
}

/// A file to download as `<stem>.<ext>`, kept out of shared caches and not stored.
pub fn attachment(body: Vec<u8>, format: Format, stem: &str) -> HttpResponse {
    let (content_type, extension) = match format {
        Format::Csv => ("text/csv; charset=utf-8", "csv"),
        Format::Xlsx => (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
    };
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(ContentDisposition::attachment(format!("{stem}.{extension}")))
        .insert_header(CacheControl(vec![CacheDirective::Private, CacheDirective::NoStore]))
        .body(body)
}

/// What was wrong with an upload, shown above the form again.
pub enum Refused {
    /// Bigger than the limit: 413.
    TooLarge,
    /// No file, or a file that is not a usable table: 422, with the reason.
    Unusable(String),
}

pub struct Upload {
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
        SheetError::TooLargeUnpacked { max_mb } => locale.t_args(error.message_id(), &[("max", (*max_mb).into())]),
        _ => locale.t(error.message_id()),
    }
}

pub fn html(status: StatusCode, markup: maud::Markup) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(markup.into_string())
}

fn header_problem<C: SheetColumn>(locale: &Locale, error: &HeaderError<C>) -> String {
    match error {
        HeaderError::Missing(columns) => {
            let names: Vec<&str> = columns.iter().map(|c| c.header()).collect();
            locale.t_args("import-header-missing", &[("columns", names.join(", ").into())])
        }
        HeaderError::Repeated(column) => locale.t_args("import-header-repeated", &[("column", column.header().into())]),
        HeaderError::NoRows => locale.t("import-header-no-rows"),
    }
}

/// What a refused upload gets: the status and the reason to show above the form.
fn refusal(locale: &Locale, refused: Refused) -> (StatusCode, String) {
    match refused {
        Refused::TooLarge => (
            StatusCode::PAYLOAD_TOO_LARGE,
            locale.t_args("import-file-too-large", &[("max", MAX_UPLOAD_MB.into())]),
        ),
        Refused::Unusable(error) => (StatusCode::UNPROCESSABLE_ENTITY, error),
    }
}

/// The uploaded file as rows, or why it cannot be read; parsed off the executor's
/// thread, as unzipping and parsing take CPU time.
async fn parse(upload: Upload, locale: &Locale) -> AppResult<Result<Vec<SheetRow>, String>> {
    let parsed = web::block(move || spreadsheet::read(&upload.file_name, &upload.bytes))
        .await
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok(parsed.map_err(|e| sheet_problem(locale, &e)))
}

/// The sheet's file in `format`, written off the executor's thread: a workbook of
/// thousands of rows takes CPU time to write and zip.
pub async fn encode(sheet: Sheet, format: Format) -> AppResult<Vec<u8>> {
    let written = web::block(move || match format {
        Format::Csv => sheet.csv().map_err(anyhow::Error::from),
        Format::Xlsx => sheet.xlsx().map_err(anyhow::Error::from),
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?;
    Ok(written?)
}

/// The group an export or import works on, once the signed-in person may do
/// `action` there (else 403), with the connection to go on with.
pub async fn allowed_group(state: &AppState, me: &SignedIn, id: i64, action: Action) -> AppResult<(DbConn, Group)> {
    let mut conn = state.conn().await?;
    authorize(&mut conn, me.user(), id, action).await?;
    let group = groups::find(&mut conn, id).await?;
    Ok((conn, group))
}

/// The upload read through its header row into an import's rows, or the status and
/// the reason to show above the form again.
pub async fn read_rows<R: SheetRecord>(
    req: &HttpRequest,
    form: Multipart,
    locale: &Locale,
) -> AppResult<Result<Vec<R>, (StatusCode, String)>> {
    let upload = match read_upload(req, form, locale).await? {
        Ok(upload) => upload,
        Err(refused) => return Ok(Err(refusal(locale, refused))),
    };
    Ok(match parse(upload, locale).await? {
        Ok(sheet) => R::from_sheet(&sheet).map_err(|e| (StatusCode::UNPROCESSABLE_ENTITY, header_problem(locale, &e))),
        Err(error) => Err((StatusCode::UNPROCESSABLE_ENTITY, error)),
    })
}

/// The preview of checked rows: 200 when every row is valid (the page then has the
/// confirm button), 422 otherwise; `render` gets the rows as JSON, for the confirmation.
pub fn preview_response<R: serde::Serialize>(
    sources: &[&R],
    valid: bool,
    render: impl FnOnce(&str) -> maud::Markup,
) -> AppResult<HttpResponse> {
    let json = serde_json::to_string(sources).map_err(anyhow::Error::from)?;
    let status = if valid {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(html(status, render(&json)))
}

/// The confirmation of a preview: the rows it showed, as JSON.
#[derive(serde::Deserialize)]
pub struct ConfirmForm {
    pub rows: String,
}

/// The rows a preview handed to its confirmation, as JSON; damaged or empty rows are a 400.
pub fn decode_rows<T: DeserializeOwned>(json: &str, locale: &Locale) -> AppResult<Vec<T>> {
    serde_json::from_str(json)
        .ok()
        .filter(|rows: &Vec<T>| !rows.is_empty() && rows.len() <= MAX_ROWS)
        .ok_or_else(|| AppError::BadRequest(locale.t("import-bad-rows")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_plain() {
        assert_eq!(slug("CPiE WG"), "cpie-wg");
        assert_eq!(slug(" Tripoli / Akkar "), "tripoli-akkar");
        assert_eq!(slug("حماية"), "");
        assert_eq!(Format::from_extension("xlsx").unwrap(), Format::Xlsx);
        assert!(Format::from_extension("pdf").is_err());
    }
}
