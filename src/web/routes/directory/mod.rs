//! The directory (contact list): pages, exports and the import, with the helpers
//! they share.

pub mod all;
pub mod confirm;
pub mod export;
pub mod group;
pub mod import_form;
pub mod preview;

use actix_web::http::header::{CacheControl, CacheDirective, ContentDisposition};
use actix_web::{HttpRequest, HttpResponse};
use chrono::{NaiveDate, Utc};
use diesel_async::AsyncPgConnection;

use crate::domain::directory::{FilterQuery, Filters};
use crate::domain::policy::{self, Action};
use crate::i18n::Locale;
use crate::models::groups::{self, Group};
use crate::models::memberships::{self, DirectoryEntry, DirectoryFilter};
use crate::models::users::User;
use crate::web::error::{AppError, AppResult};
use crate::web::views::directory_export;

/// The largest upload the import reads.
pub const MAX_UPLOAD_MB: usize = 5;
pub const MAX_UPLOAD_BYTES: usize = MAX_UPLOAD_MB * 1024 * 1024;

/// The filters in the request's query string; a value that names nothing is a 400
/// that says which.
pub fn filters(req: &HttpRequest, locale: &Locale) -> AppResult<Filters> {
    let query: FilterQuery = serde_html_form::from_str(req.query_string())
        .map_err(|_| AppError::BadRequest(locale.t("directory-bad-query")))?;
    Filters::parse(&query).map_err(|id| AppError::BadRequest(locale.t(id)))
}

/// The directory of `group_ids`, narrowed by `filters`, with terms current on `today`.
pub async fn entries(
    conn: &mut AsyncPgConnection,
    group_ids: &[i64],
    filters: &Filters,
    today: NaiveDate,
) -> AppResult<Vec<DirectoryEntry>> {
    let filter = DirectoryFilter {
        organization_id: filters.organization,
        organization_kind: filters.kind,
        location: filters.location.clone(),
        role: filters.role,
        active_on: (!filters.all_terms).then_some(today),
    };
    Ok(memberships::directory(conn, group_ids, &filter).await?)
}

/// Every group in which `user` may do `action`.
pub async fn groups_allowing(conn: &mut AsyncPgConnection, user: &User, action: Action) -> AppResult<Vec<i64>> {
    let tree = groups::tree(conn).await?;
    let roles = memberships::active_roles(conn, user.id, Utc::now().date_naive()).await?;
    Ok(policy::groups_allowing(user.is_admin, &roles, &tree, action))
}

/// The day it is in the group's time zone.
pub fn today_in(group: &Group) -> NaiveDate {
    Utc::now().with_timezone(&group.tz()).date_naive()
}

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
fn slug(text: &str) -> String {
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

/// The entries as a file to download: `directory[-group]-<date>.<ext>`.
pub fn download(
    entries: &[DirectoryEntry],
    format: Format,
    group: Option<&str>,
    today: NaiveDate,
) -> AppResult<HttpResponse> {
    let stem = match group.map(slug).filter(|s| !s.is_empty()) {
        Some(group) => format!("directory-{group}-{today}"),
        None => format!("directory-{today}"),
    };
    let (body, content_type, extension) = match format {
        Format::Csv => (
            directory_export::csv(entries).map_err(anyhow::Error::from)?,
            "text/csv; charset=utf-8",
            "csv",
        ),
        Format::Xlsx => (
            directory_export::xlsx(entries).map_err(anyhow::Error::from)?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(ContentDisposition::attachment(format!("{stem}.{extension}")))
        // Contact details: not for shared caches, and not kept once saved.
        .insert_header(CacheControl(vec![CacheDirective::Private, CacheDirective::NoStore]))
        .body(body))
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
