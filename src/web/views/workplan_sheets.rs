//! A group's workplan as a spreadsheet, and the pages of its import.

use maud::{Markup, html};

use super::action_point_sheets::{ImportPage, problem_text, upload_page};
use super::sheets::{self, Cell, preview_head, row_problems};
use super::{Crumb, layout, short_date};
use crate::domain::action_point_import::Problem;
use crate::domain::spreadsheet::SheetColumn;
use crate::domain::workplan_import::{CheckedRow, Column};
use crate::i18n::Locale;
use crate::models::workplan::{Area, Task};
use crate::models::workplan_import::Outcome;
use crate::web::auth::PageContext;

/// The cluster's columns, and their widths in an XLSX sheet (in characters).
pub const COLUMNS: [(&str, f64); 7] = [
    ("Area", 28.0),
    ("Task", 50.0),
    ("Responsible", 30.0),
    ("Start Date", 12.0),
    ("End Date", 12.0),
    ("Status", 12.0),
    ("Comments", 40.0),
];

/// A task as the export shows it, with the names of those responsible as on the page.
pub struct ExportRow<'a> {
    pub area: &'a Area,
    pub task: &'a Task,
    pub responsible: Vec<String>,
}

fn all_cells(locale: &Locale, rows: &[ExportRow<'_>]) -> Vec<Vec<Cell>> {
    rows.iter()
        .map(|row| {
            vec![
                Cell::Text(row.area.name.clone()),
                Cell::Text(row.task.title.clone()),
                Cell::Text(row.responsible.join("; ")),
                Cell::Date(row.task.start_date),
                Cell::Date(row.task.end_date),
                Cell::Text(locale.t(&format!("task-status-{}", row.task.status.as_str()))),
                Cell::Text(row.task.comments.clone()),
            ]
        })
        .collect()
}

/// The rows as the sheet to download.
pub fn sheet(locale: &Locale, rows: &[ExportRow<'_>]) -> sheets::Sheet {
    sheets::Sheet {
        name: "Workplan",
        columns: &COLUMNS,
        rows: all_cells(locale, rows),
    }
}

/// The upload form, with what the file should hold.
pub fn import_form(ctx: &PageContext, page: &ImportPage<'_>) -> Markup {
    let locale = &ctx.locale;
    let columns: Vec<(&str, String)> = Column::ALL
        .iter()
        .map(|c| {
            let id = c.header().to_lowercase().replace(' ', "-");
            (c.header(), locale.t(&format!("wp-import-column-{id}")))
        })
        .collect();
    let title = locale.t_args("wp-import-title", &[("group", page.group.into())]);
    upload_page(ctx, page, &title, &columns, None)
}

fn reason(locale: &Locale, problem: &Problem) -> String {
    match problem {
        Problem::BadDate(value) => locale.t_args("wp-import-error-bad-date", &[("value", value.as_str().into())]),
        Problem::UnknownStatus(value) => {
            locale.t_args("wp-import-error-unknown-status", &[("value", value.as_str().into())])
        }
        other => problem_text(locale, other),
    }
}

/// Every row as it will be written, or the problems of those that cannot be; the
/// button to confirm only when every row is valid.
pub fn preview(ctx: &PageContext, page: &ImportPage<'_>, rows: &[CheckedRow], rows_json: &str) -> Markup {
    let locale = &ctx.locale;
    let problems = row_problems(rows.iter().map(|r| (r.source.row, r.outcome.as_ref().err())), |error| {
        (error.column.header(), reason(locale, &error.problem))
    });
    let invalid = rows.iter().filter(|r| r.outcome.is_err()).count();
    let date = |plan: Option<chrono::NaiveDate>, typed: &str| {
        plan.map(|d| short_date(locale, d)).unwrap_or_else(|| typed.to_owned())
    };
    layout(
        ctx,
        &locale.t_args("wp-import-preview-title", &[("group", page.group.into())]),
        &page.crumbs,
        html! {
            (preview_head(locale, rows.len(), invalid, &problems, &page.path, page.token, rows_json))
            (super::scroll_region(&locale.t("import-rows"), html! {
                table.data.import {
                    thead {
                        tr {
                            th scope="col" { (locale.t("column-row")) }
                            @for column in ["area", "task", "responsible", "start-date", "end-date", "status"] {
                                th scope="col" { (locale.t(&format!("column-{column}"))) }
                            }
                        }
                    }
                    tbody {
                        @for row in rows {
                            @let plan = row.outcome.as_ref().ok();
                            tr.problem[plan.is_none()] {
                                td.num { (row.source.row) }
                                td { (row.source.area) }
                                td { (row.source.task) }
                                td { (row.source.responsible) }
                                td.date { (date(plan.and_then(|p| p.start), &row.source.start)) }
                                td.date { (date(plan.and_then(|p| p.end), &row.source.end)) }
                                td {
                                    @match plan {
                                        Some(plan) => (locale.t(&format!("task-status-{}", plan.status.as_str()))),
                                        None => (row.source.status),
                                    }
                                }
                            }
                        }
                    }
                }
            }))
        },
    )
}

/// What an import did.
pub fn imported(ctx: &PageContext, group: &str, crumbs: &[Crumb], workplan: &str, outcome: Outcome) -> Markup {
    let locale = &ctx.locale;
    layout(
        ctx,
        &locale.t_args("wp-import-done-title", &[("group", group.into())]),
        crumbs,
        html! {
            p.notice role="status" {
                (locale.t_args("wp-import-done", &[
                    ("added", outcome.added.into()),
                    ("updated", outcome.updated.into()),
                    ("unchanged", outcome.unchanged.into()),
                ]))
            }
            p { a href=(workplan) { (locale.t("wp-import-back")) } }
        },
    )
}
