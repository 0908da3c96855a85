//! The directory (contact list): pages, exports and where the import is, with the
//! helpers they share.

pub mod all;
pub mod export;
pub mod group;

use actix_web::{HttpRequest, HttpResponse};
use chrono::{NaiveDate, Utc};
use diesel_async::AsyncPgConnection;

use crate::domain::directory::{FilterQuery, Filters};
use crate::domain::policy::{self, Action};
use crate::i18n::Locale;
use crate::models::directory_import::DirectoryImport;
use crate::models::groups::{self, Group};
use crate::models::memberships::{self, DirectoryEntry, DirectoryFilter};
use crate::models::users::User;
use crate::web::error::{AppError, AppResult};
use crate::web::routes::import::SheetImport;
pub use crate::web::routes::sheets::Format;
use crate::web::routes::sheets::{attachment, slug};
use crate::web::views::directory::PER_PAGE;
use crate::web::views::directory_export;

impl SheetImport for DirectoryImport {
    const SECTION: &'static str = "directory";
    const ACTION: Action = Action::KeepDirectory;
}

/// The filters in the request's query string; a value that names nothing is a 400
/// that says which.
pub fn filters(req: &HttpRequest, locale: &Locale) -> AppResult<Filters> {
    Ok(filters_and_page(req, locale)?.0)
}

/// The filters and the page of the list asked for (from 1).
pub fn filters_and_page(req: &HttpRequest, locale: &Locale) -> AppResult<(Filters, i64)> {
    let query: FilterQuery = serde_html_form::from_str(req.query_string())
        .map_err(|_| AppError::BadRequest(locale.t("directory-bad-query")))?;
    let filters = Filters::parse(&query).map_err(|id| AppError::BadRequest(locale.t(id)))?;
    Ok((filters, query.page.unwrap_or(1).max(1)))
}

fn narrowed_by(filters: &Filters, today: NaiveDate) -> DirectoryFilter {
    DirectoryFilter {
        organization_id: filters.organization,
        organization_kind: filters.kind,
        location: filters.location.clone(),
        role: filters.role,
        active_on: (!filters.all_terms).then_some(today),
    }
}

/// The directory of `group_ids`, narrowed by `filters`, with terms current on `today`.
pub async fn entries(
    conn: &mut AsyncPgConnection,
    group_ids: &[i64],
    filters: &Filters,
    today: NaiveDate,
) -> AppResult<Vec<DirectoryEntry>> {
    Ok(memberships::directory(conn, group_ids, &narrowed_by(filters, today)).await?)
}

/// Page `page` of [`entries`], and how many there are in all.
pub async fn entries_page(
    conn: &mut AsyncPgConnection,
    group_ids: &[i64],
    filters: &Filters,
    today: NaiveDate,
    page: i64,
) -> AppResult<(Vec<DirectoryEntry>, i64)> {
    let filter = narrowed_by(filters, today);
    let offset = (page - 1).saturating_mul(PER_PAGE);
    Ok(memberships::directory_page(conn, group_ids, &filter, PER_PAGE, offset).await?)
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

/// The entries as a file to download: `directory[-group]-<date>.<ext>`.
pub async fn download(
    entries: &[DirectoryEntry],
    format: Format,
    group: Option<&str>,
    today: NaiveDate,
) -> AppResult<HttpResponse> {
    let stem = match group.map(slug).filter(|s| !s.is_empty()) {
        Some(group) => format!("directory-{group}-{today}"),
        None => format!("directory-{today}"),
    };
    let body = super::sheets::encode(directory_export::sheet(entries), format).await?;
    Ok(attachment(body, format, &stem))
}
