//! A group's workplan as CSV or XLSX, and where its import from such a file is.

use std::collections::HashMap;

use actix_web::{HttpResponse, web};
use chrono::Utc;

use crate::domain::policy::Action;
use crate::models::owners::{self, NamedOwner, OwnerTable};
use crate::models::workplan;
use crate::models::workplan_import::WorkplanImport;
use crate::web::AppState;
use crate::web::auth::SignedIn;
use crate::web::error::AppResult;
use crate::web::routes::import::SheetImport;
use crate::web::routes::sheets::{Format, allowed_group, attachment, encode, slug};
use crate::web::routes::workplan::show::{Filter, everything};
use crate::web::views::action_points::owners_by_item;
use crate::web::views::owner_names;
use crate::web::views::workplan_sheets::{self as view, ExportRow};

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

impl SheetImport for WorkplanImport {
    const SECTION: &'static str = "workplan";
    const ACTION: Action = Action::EditWorkplan;
}
