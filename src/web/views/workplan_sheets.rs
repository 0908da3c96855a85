//! A group's workplan as a spreadsheet, and what the pages of its import show.

use maud::{Markup, html};

use chrono::NaiveDate;

use super::action_point_sheets::problem_text;
use super::sheets::{self, Cell, ImportPages, ImportWords};
use super::short_date;
use crate::domain::action_point_import::Problem;
use crate::domain::spreadsheet::SheetColumn;
use crate::domain::workplan_import::{CheckedRow, Column};
use crate::i18n::Locale;
use crate::models::workplan::{Area, Task};
use crate::models::workplan_import::{Outcome, WorkplanImport};

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

impl ImportPages for WorkplanImport {
    const WORDS: ImportWords = ImportWords {
        title: "wp-import-title",
        explain: "ap-import-explain",
        note: None,
        preview_title: "wp-import-preview-title",
        done_title: "wp-import-done-title",
        back: "wp-import-back",
    };
    const HEADINGS: &'static [&'static str] = &[
        "column-area",
        "column-task",
        "column-responsible",
        "column-start-date",
        "column-end-date",
        "column-status",
    ];

    fn columns(locale: &Locale, _group: &str, _: &()) -> Vec<(&'static str, String)> {
        Column::NAMES
            .iter()
            .map(|(_, header, _)| {
                let id = header.to_lowercase().replace(' ', "-");
                (*header, locale.t(&format!("wp-import-column-{id}")))
            })
            .collect()
    }

    fn problem(locale: &Locale, problem: &Problem) -> String {
        match problem {
            Problem::BadDate(value) => locale.t_args("wp-import-error-bad-date", &[("value", value.as_str().into())]),
            Problem::UnknownStatus(value) => {
                locale.t_args("wp-import-error-unknown-status", &[("value", value.as_str().into())])
            }
            other => problem_text(locale, other),
        }
    }

    fn cells(locale: &Locale, row: &CheckedRow) -> Markup {
        let plan = row.outcome.as_ref().ok();
        let date = |plan: Option<NaiveDate>, typed: &str| {
            plan.map(|d| short_date(locale, d)).unwrap_or_else(|| typed.to_owned())
        };
        html! {
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

    fn outcome(locale: &Locale, outcome: &Outcome) -> Markup {
        html! {
            p.notice role="status" {
                (locale.t_args("wp-import-done", &[
                    ("added", outcome.added.into()),
                    ("updated", outcome.updated.into()),
                    ("unchanged", outcome.unchanged.into()),
                ]))
            }
        }
    }
}
