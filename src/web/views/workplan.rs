use std::collections::HashMap;

use maud::{Markup, html};

use super::action_points::owners_by_item;
use super::{Crumb, layout, owner_list, short_date, task_status_badge};
use crate::models::groups::Group;
use crate::models::owners::NamedOwner;
use crate::models::workplan::{Area, Task};
use crate::web::auth::PageContext;

pub struct WorkplanPage<'a> {
    pub group: &'a Group,
    pub crumbs: Vec<Crumb>,
    pub areas: &'a [(Area, Vec<Task>)],
    pub owners: &'a [NamedOwner],
    /// Whether the reader may export and import the workplan as a spreadsheet.
    pub sheets: bool,
}

/// The workplan in the cluster's columns: Area, Task, Responsible, Start Date,
/// End Date, Status, Comments; the area cell spans its tasks as in the sheet.
pub fn show(ctx: &PageContext, page: &WorkplanPage<'_>) -> Markup {
    let locale = &ctx.locale;
    let owners: HashMap<i64, Vec<&NamedOwner>> = owners_by_item(page.owners);
    let date = |d: Option<chrono::NaiveDate>| d.map(short_date).unwrap_or_default();
    layout(
        ctx,
        &locale.t_args("workplan-title", &[("group", page.group.short_name.as_str().into())]),
        &page.crumbs,
        html! {
            @if page.sheets {
                @let base = format!("/groups/{}/workplan", page.group.id);
                p.actions {
                    a href={ (base) ".csv" } { (locale.t("action-export-csv")) } " "
                    a href={ (base) ".xlsx" } { (locale.t("action-export-xlsx")) } " "
                    a href={ (base) "/import" } { (locale.t("wp-import-link")) }
                }
            }
            @if page.areas.is_empty() {
                p.empty { (locale.t("workplan-empty")) }
            } @else {
                table.data.workplan {
                    thead {
                        tr {
                            th scope="col" { (locale.t("column-area")) }
                            th scope="col" { (locale.t("column-task")) }
                            th scope="col" { (locale.t("column-responsible")) }
                            th scope="col" { (locale.t("column-start-date")) }
                            th scope="col" { (locale.t("column-end-date")) }
                            th scope="col" { (locale.t("column-status")) }
                            th scope="col" { (locale.t("column-comments")) }
                        }
                    }
                    @for (area, tasks) in page.areas {
                        tbody {
                            @if tasks.is_empty() {
                                tr { th scope="row" { (area.name) } td colspan="6" .muted { (locale.t("workplan-area-empty")) } }
                            }
                            @for (index, task) in tasks.iter().enumerate() {
                                tr {
                                    @if index == 0 {
                                        th scope="rowgroup" rowspan=(tasks.len()) { (area.name) }
                                    }
                                    td { (task.title) }
                                    td { (owners.get(&task.id).map(|o| owner_list(locale, o)).unwrap_or_default()) }
                                    td.date { (date(task.start_date)) }
                                    td.date { (date(task.end_date)) }
                                    td { (task_status_badge(locale, task.status)) }
                                    td { (task.comments) }
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}
