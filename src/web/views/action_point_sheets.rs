//! A group's action points as a spreadsheet, and the pages of their import.

use chrono::NaiveDate;
use maud::{Markup, html};

use super::sheets::{self, Cell, preview_head, row_problems, upload_form};
use super::{Crumb, layout, short_date};
use crate::domain::action_point_import::{CheckedRow, Column, Problem};
use crate::domain::spreadsheet::SheetColumn;
use crate::i18n::Locale;
use crate::models::action_points::ActionPoint;
use crate::web::auth::PageContext;

/// The cluster's columns, and their widths in an XLSX sheet (in characters).
pub const COLUMNS: [(&str, f64); 8] = [
    ("#", 6.0),
    ("Topic", 20.0),
    ("Action", 50.0),
    ("Owner(s)", 28.0),
    ("Due", 12.0),
    ("Status", 12.0),
    ("Status note", 40.0),
    ("Raised at meeting", 18.0),
];

/// An item as the export shows it: owners as on the page, the status's label.
pub struct ExportRow<'a> {
    pub item: &'a ActionPoint,
    pub owners: Vec<String>,
    pub raised_at: Option<NaiveDate>,
}

fn cells(locale: &Locale, row: &ExportRow<'_>) -> Vec<Cell> {
    let item = row.item;
    vec![
        Cell::Int(item.number.into()),
        Cell::Text(item.topic.clone()),
        Cell::Text(item.text.clone()),
        Cell::Text(row.owners.join("; ")),
        Cell::Date(item.due_date),
        Cell::Text(locale.t(&format!("action-status-{}", item.status))),
        Cell::Text(item.status_note.clone()),
        Cell::Date(row.raised_at),
    ]
}

fn all_cells(locale: &Locale, rows: &[ExportRow<'_>]) -> Vec<Vec<Cell>> {
    rows.iter().map(|r| cells(locale, r)).collect()
}

/// The rows as the sheet to download.
pub fn sheet(locale: &Locale, rows: &[ExportRow<'_>]) -> sheets::Sheet {
    sheets::Sheet {
        name: "Action points",
        columns: &COLUMNS,
        rows: all_cells(locale, rows),
    }
}

/// The upload form and the preview's surroundings.
pub struct ImportPage<'a> {
    pub group: &'a str,
    pub crumbs: Vec<Crumb>,
    pub token: &'a str,
    /// The import's address: the form posts the file here.
    pub path: String,
    pub error: Option<String>,
}

/// An import's upload form under `title`: what each column should hold, and a
/// note on the others.
pub fn upload_page(
    ctx: &PageContext,
    page: &ImportPage<'_>,
    title: &str,
    columns: &[(&str, String)],
    note: Option<String>,
) -> Markup {
    let locale = &ctx.locale;
    layout(
        ctx,
        title,
        &page.crumbs,
        html! {
            @if let Some(error) = &page.error { p.error role="alert" { (error) } }
            p { (locale.t("ap-import-explain")) }
            (upload_form(locale, &page.path, page.token, &locale.t("import-check")))
            h2 { (locale.t("import-columns")) }
            dl.summary {
                @for (header, meaning) in columns {
                    dt { (header) }
                    dd { (meaning) }
                }
            }
            @if let Some(note) = note { p.muted { (note) } }
        },
    )
}

/// The upload form, with what the file should hold.
pub fn import_form(ctx: &PageContext, page: &ImportPage<'_>) -> Markup {
    let locale = &ctx.locale;
    let columns: Vec<(&str, String)> = Column::ALL
        .iter()
        .map(|c| {
            let meaning = locale.t(&format!("ap-import-column-{}", c.header().replace(' ', "-")));
            (c.header(), meaning)
        })
        .collect();
    let title = locale.t_args("ap-import-title", &[("group", page.group.into())]);
    upload_page(ctx, page, &title, &columns, Some(locale.t("ap-import-other-columns")))
}

pub fn problem_text(locale: &Locale, problem: &Problem) -> String {
    match problem {
        Problem::Invalid(id) => locale.t(id),
        Problem::UnknownOwner(value) => {
            locale.t_args("ap-import-error-unknown-owner", &[("value", value.as_str().into())])
        }
        Problem::OwnerElsewhere(value) => {
            locale.t_args("ap-import-error-owner-elsewhere", &[("value", value.as_str().into())])
        }
        Problem::BadDate(value) => locale.t_args("ap-import-error-bad-date", &[("value", value.as_str().into())]),
        Problem::UnknownStatus(value) => {
            locale.t_args("ap-import-error-unknown-status", &[("value", value.as_str().into())])
        }
    }
}

/// Every row as it will be written, or the problems of those that cannot be; the
/// button to confirm only when every row is valid.
pub fn preview(ctx: &PageContext, page: &ImportPage<'_>, rows: &[CheckedRow], rows_json: &str) -> Markup {
    let locale = &ctx.locale;
    let problems = row_problems(rows.iter().map(|r| (r.source.row, r.outcome.as_ref().err())), |error| {
        (error.column.header(), problem_text(locale, &error.problem))
    });
    let invalid = rows.iter().filter(|r| r.outcome.is_err()).count();
    layout(
        ctx,
        &locale.t_args("ap-import-preview-title", &[("group", page.group.into())]),
        &page.crumbs,
        html! {
            (preview_head(locale, rows.len(), invalid, &problems, &page.path, page.token, rows_json))
            (super::scroll_region(&locale.t("import-rows"), html! {
                table.data.import {
                    thead {
                        tr {
                            th scope="col" { (locale.t("column-row")) }
                            th scope="col" { (locale.t("column-topic")) }
                            th scope="col" { (locale.t("column-action")) }
                            th scope="col" { (locale.t("column-owners")) }
                            th scope="col" { (locale.t("column-due")) }
                            th scope="col" { (locale.t("column-status")) }
                        }
                    }
                    tbody {
                        @for row in rows {
                            tr.problem[row.outcome.is_err()] {
                                td.num { (row.source.row) }
                                td { (row.source.topic) }
                                td { (row.source.action) }
                                td { (row.source.owners) }
                                td.date {
                                    @match row.outcome.as_ref().ok().and_then(|p| p.due) {
                                        Some(due) => (short_date(locale, due)),
                                        None => (row.source.due),
                                    }
                                }
                                td {
                                    @match &row.outcome {
                                        Ok(plan) => (locale.t(&format!("action-status-{}", plan.status))),
                                        Err(_) => (row.source.status),
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

/// How many items an import added.
pub fn imported(ctx: &PageContext, group: &str, crumbs: &[Crumb], list: &str, count: usize) -> Markup {
    let locale = &ctx.locale;
    layout(
        ctx,
        &locale.t_args("ap-import-done-title", &[("group", group.into())]),
        crumbs,
        html! {
            p.notice role="status" { (locale.t_args("ap-import-done", &[("count", count.into())])) }
            p { a href=(list) { (locale.t("ap-import-back")) } }
        },
    )
}
