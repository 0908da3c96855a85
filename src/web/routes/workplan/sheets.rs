//! A group's workplan as CSV or XLSX, and its import from such a file: upload,
//! preview, confirm.

use std::collections::HashMap;

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use diesel_async::AsyncPgConnection;
use maud::Markup;

use crate::domain::policy::Action;
use crate::domain::workplan_import::{self, CheckedRow, ImportRow};
use crate::models::groups::{self, Group};
use crate::models::owners::{self, NamedOwner, OwnerTable};
use crate::models::workplan;
use crate::models::workplan_import as import;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::AppResult;
use crate::web::routes::action_points::sheets::import_page;
use crate::web::routes::sheets::{
    ConfirmForm, Format, allowed_group, attachment, decode_rows, encode, html, preview_response, read_rows, slug,
};
use crate::web::routes::workplan::show::{Filter, everything};
use crate::web::views::action_points::owners_by_item;
use crate::web::views::groups::crumbs_to;
use crate::web::views::owner_names;
use crate::web::views::workplan_sheets::{self as view, ExportRow};

const SECTION: &str = "workplan";

/// `/groups/{id}/workplan.{csv,xlsx}`: every task, area by area, as the page shows them.
pub async fn export(
    me: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<(i64, String)>,
) -> AppResult<HttpResponse> {
    let (id, extension) = path.into_inner();
    let (mut conn, group) = allowed_group(&state, &me, id, Action::EditWorkplan).await?;
    let format = Format::from_extension(&extension)?;
    let locale = &me.ctx.locale;
    let own_areas = workplan::areas(&mut conn, group.id).await?;
    let areas = everything(&mut conn, &Filter::default(), own_areas, group.id).await?;
    let task_ids: Vec<i64> = areas.iter().flat_map(|(_, tasks)| tasks.iter().map(|t| t.id)).collect();
    let named = owners::named(&mut conn, OwnerTable::WorkplanTasks, &task_ids).await?;
    let responsible: HashMap<i64, Vec<&NamedOwner>> = owners_by_item(&named);
    let rows: Vec<ExportRow> = areas
        .iter()
        .flat_map(|(area, tasks)| tasks.iter().map(move |task| (area, task)))
        .map(|(area, task)| ExportRow {
            area,
            task,
            responsible: responsible
                .get(&task.id)
                .map(|o| owner_names(locale, o))
                .unwrap_or_default(),
        })
        .collect();
    let body = encode(view::sheet(locale, &rows), format).await?;
    let today = Utc::now().with_timezone(&group.tz()).date_naive();
    let stem = match slug(&group.short_name) {
        name if name.is_empty() => format!("workplan-{today}"),
        name => format!("workplan-{name}-{today}"),
    };
    Ok(attachment(body, format, &stem))
}

/// The upload form, with what the file should hold.
pub async fn import_form(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<Markup> {
    let (mut conn, group) = allowed_group(&state, &me, *id, Action::EditWorkplan).await?;
    let page = import_page(&me, &mut conn, &group, SECTION, None).await?;
    Ok(view::import_form(&me.ctx, &page))
}

/// The preview: 200 with the confirm button when every row is valid, 422 with the
/// problems otherwise.
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
    let (mut conn, group) = allowed_group(&state, &me, *id, Action::EditWorkplan).await?;
    let locale = me.ctx.locale;
    match read_rows(&req, form, &locale, workplan_import::rows_from_sheet).await? {
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
    let (mut conn, group) = allowed_group(&state, &me, *id, Action::EditWorkplan).await?;
    let rows: Vec<ImportRow> = decode_rows(&form.rows, &me.ctx.locale)?;
    match import::apply(&mut conn, &group, &rows, Utc::now()).await? {
        Ok(outcome) => {
            let ancestors = groups::ancestors(&mut conn, group.id).await?;
            let page = view::imported(
                &me.ctx,
                &group.short_name,
                &crumbs_to(&ancestors, &group),
                &format!("/groups/{}/workplan", group.id),
                outcome,
            );
            Ok(html(StatusCode::OK, page))
        }
        Err(checked) => render_check(&me, &mut conn, &group, &checked).await,
    }
}
