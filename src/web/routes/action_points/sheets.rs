//! A group's action points as CSV or XLSX, and their import from such a file:
//! upload, preview, confirm.

use std::collections::HashMap;

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use diesel_async::AsyncPgConnection;
use maud::Markup;

use super::{parse_query, restricted_for, today};
use crate::domain::action_point_import::{self, CheckedRow, ImportRow};
use crate::domain::policy::Action;
use crate::models::action_point_import as import;
use crate::models::groups::{self, Group};
use crate::models::owners::{self as owner_model, OwnerTable};
use crate::models::{action_points, meetings};
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn, authorize};
use crate::web::error::AppResult;
use crate::web::routes::sheets::{
    ConfirmForm, Format, allowed_group, attachment, decode_rows, encode, html, preview_response, read_rows, slug,
};
use crate::web::views::action_point_sheets::{self as view, ExportRow, ImportPage};
use crate::web::views::action_points::{ListQuery, owners_by_item};
use crate::web::views::groups::crumbs_to;
use crate::web::views::owner_names;

const SECTION: &str = "action-points";

/// `/groups/{id}/action-points.{csv,xlsx}`: the items the list shows with the same
/// filter, all of them on one sheet.
pub async fn export(
    me: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<(i64, String)>,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    let (id, extension) = path.into_inner();
    let mut conn = state.conn().await?;
    let standing = authorize(&mut conn, me.user(), id, Action::KeepDirectory).await?;
    let format = Format::from_extension(&extension)?;
    let locale = &me.ctx.locale;
    let (mut filter, sort) = parse_query(locale, &query)?;
    filter.restricted_visible_to = restricted_for(standing, me.user());
    let group = groups::find(&mut conn, id).await?;
    let (items, _) = action_points::list(&mut conn, &[group.id], &filter, sort, today(), i64::MAX, 0).await?;
    let ids: Vec<i64> = items.iter().map(|i| i.id).collect();
    let named = owner_model::named(&mut conn, OwnerTable::ActionPoints, &ids).await?;
    let owners = owners_by_item(&named);
    let meeting_ids: Vec<i64> = items.iter().filter_map(|i| i.meeting_id).collect();
    let tz = group.tz();
    let meeting_days: HashMap<i64, _> = meetings::by_ids(&mut conn, &meeting_ids)
        .await?
        .into_iter()
        .map(|m| (m.id, m.starts_at.with_timezone(&tz).date_naive()))
        .collect();
    let rows: Vec<ExportRow> = items
        .iter()
        .map(|item| ExportRow {
            item,
            owners: owners.get(&item.id).map(|o| owner_names(locale, o)).unwrap_or_default(),
            raised_at: item.meeting_id.and_then(|m| meeting_days.get(&m).copied()),
        })
        .collect();
    let body = encode(view::sheet(locale, &rows), format).await?;
    let stem = match slug(&group.short_name) {
        name if name.is_empty() => format!("action-points-{}", today()),
        name => format!("action-points-{name}-{}", today()),
    };
    Ok(attachment(body, format, &stem))
}

/// The surroundings of the import pages of `section` (`action-points`, `workplan`).
pub async fn import_page<'a>(
    me: &'a SignedIn,
    conn: &mut AsyncPgConnection,
    group: &'a Group,
    section: &str,
    error: Option<String>,
) -> AppResult<ImportPage<'a>> {
    let ancestors = groups::ancestors(conn, group.id).await?;
    Ok(ImportPage {
        group: &group.short_name,
        crumbs: crumbs_to(&ancestors, group),
        token: &me.session.csrf_token,
        path: format!("/groups/{}/{section}/import", group.id),
        error,
    })
}

/// The upload form, with what the file should hold.
pub async fn import_form(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<Markup> {
    let (mut conn, group) = allowed_group(&state, &me, *id, Action::RunMeetings).await?;
    let page = import_page(&me, &mut conn, &group, SECTION, None).await?;
    Ok(view::import_form(&me.ctx, &page))
}

/// The preview of checked rows: 200 with the confirm button when every row is
/// valid, 422 with the problems otherwise.
async fn render_check(
    me: &SignedIn,
    conn: &mut AsyncPgConnection,
    group: &Group,
    rows: &[CheckedRow],
) -> AppResult<HttpResponse> {
    let page = import_page(me, conn, group, SECTION, None).await?;
    let sources: Vec<&ImportRow> = rows.iter().map(|r| &r.source).collect();
    let valid = rows.iter().all(|r| r.outcome.is_ok());
    preview_response(&sources, valid, |json| view::preview(&me.ctx, &page, rows, json))
}

/// Reads the uploaded sheet and shows what importing it would do; writes nothing.
pub async fn preview(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    req: HttpRequest,
    form: Multipart,
) -> AppResult<HttpResponse> {
    let (mut conn, group) = allowed_group(&state, &me, *id, Action::RunMeetings).await?;
    let locale = me.ctx.locale;
    let rows = read_rows(&req, form, &locale, action_point_import::rows_from_sheet).await?;
    match rows {
        Ok(rows) => {
            let checked = import::check_rows(&mut conn, &group, &rows).await?;
            render_check(&me, &mut conn, &group, &checked).await
        }
        Err((status, error)) => {
            let page = import_page(&me, &mut conn, &group, SECTION, Some(error)).await?;
            Ok(html(status, view::import_form(&me.ctx, &page)))
        }
    }
}

/// Writes the previewed rows, checked once more inside the transaction that writes
/// them: all of them, or, when any is no longer valid, none (and the preview again).
pub async fn confirm(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<ConfirmForm>,
) -> AppResult<HttpResponse> {
    let CsrfForm(form) = form;
    let (mut conn, group) = allowed_group(&state, &me, *id, Action::RunMeetings).await?;
    let rows: Vec<ImportRow> = decode_rows(&form.rows, &me.ctx.locale)?;
    match import::apply(&mut conn, &group, &rows, me.user().id, Utc::now()).await? {
        Ok(count) => {
            let ancestors = groups::ancestors(&mut conn, group.id).await?;
            let page = view::imported(
                &me.ctx,
                &group.short_name,
                &crumbs_to(&ancestors, &group),
                &format!("/groups/{}/action-points", group.id),
                count,
            );
            Ok(html(StatusCode::OK, page))
        }
        Err(checked) => render_check(&me, &mut conn, &group, &checked).await,
    }
}
