//! A group's action points as CSV or XLSX, and where their import from such a file is.

use std::collections::HashMap;

use actix_web::{HttpResponse, web};

use super::{parse_query, restricted_for, today};
use crate::domain::policy::Action;
use crate::models::action_point_import::ActionPointImport;
use crate::models::groups;
use crate::models::owners::{self as owner_model, OwnerTable};
use crate::models::{action_points, meetings};
use crate::web::AppState;
use crate::web::auth::{SignedIn, authorize};
use crate::web::error::AppResult;
use crate::web::routes::import::SheetImport;
use crate::web::routes::sheets::{Format, attachment, encode, slug};
use crate::web::views::action_point_sheets::{self as view, ExportRow};
use crate::web::views::action_points::{ListQuery, owners_by_item};
use crate::web::views::owner_names;

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

impl SheetImport for ActionPointImport {
    const SECTION: &'static str = "action-points";
    const ACTION: Action = Action::RunMeetings;
}
