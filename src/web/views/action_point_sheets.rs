//! A group's action points as a spreadsheet, and what the pages of their import show.

use chrono::NaiveDate;
use maud::{Markup, html};

use super::sheets::{self, Cell, ImportPages, ImportWords};
use super::short_date;
use crate::domain::action_point_import::{CheckedRow, Column, Problem};
use crate::domain::spreadsheet::SheetColumn;
use crate::i18n::Locale;
use crate::models::action_point_import::ActionPointImport;
use crate::models::action_points::ActionPoint;

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

impl ImportPages for ActionPointImport {
    const WORDS: ImportWords = ImportWords {
        title: "ap-import-title",
        explain: "ap-import-explain",
        note: Some("ap-import-other-columns"),
        preview_title: "ap-import-preview-title",
        done_title: "ap-import-done-title",
        back: "ap-import-back",
    };
    const HEADINGS: &'static [&'static str] = &[
        "column-topic",
        "column-action",
        "column-owners",
        "column-due",
        "column-status",
    ];

    fn columns(locale: &Locale, _group: &str, _: &()) -> Vec<(&'static str, String)> {
        Column::NAMES
            .iter()
            .map(|(_, header, _)| {
                (
                    *header,
                    locale.t(&format!("ap-import-column-{}", header.replace(' ', "-"))),
                )
            })
            .collect()
    }

    fn problem(locale: &Locale, problem: &Problem) -> String {
        problem_text(locale, problem)
    }

    fn cells(locale: &Locale, row: &CheckedRow) -> Markup {
        html! {
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

    fn outcome(locale: &Locale, count: &usize) -> Markup {
        html! { p.notice role="status" { (locale.t_args("ap-import-done", &[("count", (*count).into())])) } }
    }
}

/// Why a cell cannot be imported, in words; the workplan's import says the same.
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
