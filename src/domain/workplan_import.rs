//! Importing a group's workplan from a spreadsheet as clusters keep it: a blank
//! area cell means the area of the row above, dates as Excel writes them, and
//! every row checked before anything is written.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::TaskStatus;
use super::action_point_import::{OwnerNames, Problem, owners_of};
use super::owners::Owner;
use super::spreadsheet::{self, HeaderError, SheetColumn, SheetRecord, SheetRow};
use super::validate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Area,
    Task,
    Responsible,
    StartDate,
    EndDate,
    Status,
    Comments,
}

impl SheetColumn for Column {
    const NAMES: &'static [(Column, &'static str, &'static [&'static str])] = &[
        (Column::Area, "Area", &[]),
        (Column::Task, "Task", &["tasks"]),
        (
            Column::Responsible,
            "Responsible",
            &["responsible party", "responsible parties"],
        ),
        (Column::StartDate, "Start Date", &["start"]),
        (Column::EndDate, "End Date", &["end"]),
        (Column::Status, "Status", &[]),
        (Column::Comments, "Comments", &["comment"]),
    ];
    const REQUIRED: &'static [Column] = &[Column::Area, Column::Task];
}

/// One data row, trimmed, its area filled in from the rows above when blank; also
/// what the preview hands to the confirmation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRow {
    pub row: usize,
    pub area: String,
    pub task: String,
    pub responsible: String,
    pub start: String,
    pub end: String,
    pub status: String,
    pub comments: String,
}

impl SheetRecord for ImportRow {
    type Column = Column;

    /// A blank area cell (as a merged cell reads) is the area above it.
    fn from_sheet(sheet: &[SheetRow]) -> Result<Vec<ImportRow>, HeaderError<Column>> {
        let mut area = String::new();
        spreadsheet::records(sheet, |row, cell| {
            let own = cell(Column::Area);
            if !own.is_empty() {
                area = own;
            }
            ImportRow {
                row,
                area: area.clone(),
                task: cell(Column::Task),
                responsible: cell(Column::Responsible),
                start: cell(Column::StartDate),
                end: cell(Column::EndDate),
                status: cell(Column::Status),
                comments: cell(Column::Comments),
            }
        })
    }

    fn number(&self) -> usize {
        self.row
    }
}

/// How a group reads `01/05/2014`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    DayFirst,
    MonthFirst,
}

impl DateOrder {
    /// The group's `date_order` column: `mdy`, or day first.
    pub fn from_setting(value: &str) -> DateOrder {
        if value == "mdy" {
            DateOrder::MonthFirst
        } else {
            DateOrder::DayFirst
        }
    }
}

/// A day as Excel numbers it (1900 date system; 41760 is 1 May 2014).
fn excel_serial(value: &str) -> Option<NaiveDate> {
    let serial: f64 = value.parse().ok()?;
    if !(61.0..=2_958_465.0).contains(&serial) || serial.fract() != 0.0 {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(Duration::days(serial as i64))
}

/// A date as a sheet may hold it: an Excel serial number, `2014-05-01`,
/// `01/05/2014` in the group's order, or `1 May 2014` / `May 1, 2014`. Blank is none.
pub fn parse_date(typed: &str, order: DateOrder) -> Result<Option<NaiveDate>, Problem> {
    let value = typed.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let ymd = |y: u32, m: u32, d: u32| i32::try_from(y).ok().and_then(|y| NaiveDate::from_ymd_opt(y, m, d));
    let numbers = |separator| spreadsheet::date_numbers(value, separator);
    let slashed = numbers('/').or_else(|| numbers('.'));
    let date = if let Some(date) = excel_serial(value) {
        Some(date)
    } else if let Some([y, m, d]) = numbers('-') {
        ymd(y, m, d)
    } else if let Some([a, b, y]) = slashed {
        match order {
            DateOrder::DayFirst => ymd(y, b, a),
            DateOrder::MonthFirst => ymd(y, a, b),
        }
    } else {
        let cleaned = value.replace(',', " ");
        let words = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
        ["%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%d-%b-%Y"]
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(&words, f).ok())
    };
    date.filter(|d| (1900..=9999).contains(&d.year()))
        .map(Some)
        .ok_or_else(|| Problem::BadDate(typed.to_owned()))
}

/// `Not started`, `on track`, `completed`, … or their codes, in any case; blank is not started.
pub fn parse_status(value: &str) -> Option<TaskStatus> {
    spreadsheet::parse_code(value, TaskStatus::NotStarted)
}

pub type RowError = spreadsheet::RowError<Column, Problem>;

/// A valid row, ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedRow {
    pub area: String,
    pub title: String,
    pub owners: Vec<Owner>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub status: TaskStatus,
    pub comments: String,
}

pub type CheckedRow = spreadsheet::CheckedRow<ImportRow, PlannedRow, RowError>;

fn check_row(row: &ImportRow, names: &OwnerNames, order: DateOrder) -> Result<PlannedRow, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut fail = |column, problem| errors.push(RowError { column, problem });
    let area = if row.area.is_empty() {
        fail(Column::Area, Problem::Invalid("wp-import-error-no-area"));
        Err(())
    } else {
        validate::required(&row.area, 200).map_err(|p| fail(Column::Area, Problem::Invalid(p)))
    };
    let title = validate::required(&row.task, 500).map_err(|p| fail(Column::Task, Problem::Invalid(p)));
    let (owners, problems) = owners_of(&row.responsible, names, false);
    for problem in problems {
        fail(Column::Responsible, problem);
    }
    let start = parse_date(&row.start, order).map_err(|p| fail(Column::StartDate, p));
    let end = parse_date(&row.end, order).map_err(|p| fail(Column::EndDate, p));
    if let (Ok(Some(start)), Ok(Some(end))) = (&start, &end)
        && end < start
    {
        fail(Column::EndDate, Problem::Invalid("wp-import-error-end-before-start"));
    }
    let status =
        parse_status(&row.status).ok_or_else(|| fail(Column::Status, Problem::UnknownStatus(row.status.clone())));
    let comments = validate::optional(&row.comments, 4000).map_err(|p| fail(Column::Comments, Problem::Invalid(p)));
    match (area, title, start, end, status, comments) {
        (Ok(area), Ok(title), Ok(start), Ok(end), Ok(status), Ok(comments)) if errors.is_empty() => Ok(PlannedRow {
            area,
            title,
            owners,
            start,
            end,
            status,
            comments: comments.unwrap_or_default(),
        }),
        _ => Err(errors),
    }
}

/// Every row, each with its plan or its problems; a task twice under one area is
/// a problem of its second row.
pub fn check(rows: &[ImportRow], names: &OwnerNames, order: DateOrder) -> Vec<CheckedRow> {
    let mut seen = std::collections::HashSet::new();
    rows.iter()
        .map(|row| {
            let mut outcome = check_row(row, names, order);
            if let Ok(plan) = &outcome
                && !seen.insert((plan.area.clone(), plan.title.clone()))
            {
                outcome = Err(vec![RowError {
                    column: Column::Task,
                    problem: Problem::Invalid("wp-import-error-repeated"),
                }]);
            }
            CheckedRow {
                source: row.clone(),
                outcome,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::domain::spreadsheet::sheet_of as sheet;

    fn names() -> OwnerNames {
        OwnerNames {
            groups: HashMap::from([("cm twg".to_owned(), vec![Owner::Group(5)])]),
            offered: vec![Owner::Group(5)],
            ..OwnerNames::default()
        }
    }

    #[test]
    fn dates_come_as_serials_iso_words_or_in_the_groups_order() {
        let may = Ok(NaiveDate::from_ymd_opt(2014, 5, 1));
        for value in ["41760", "2014-05-01", "1 May 2014", "May 1, 2014", "01/05/2014"] {
            assert_eq!(parse_date(value, DateOrder::DayFirst), may, "{value}");
        }
        assert_eq!(parse_date("05/01/2014", DateOrder::MonthFirst), may);
        assert_eq!(parse_date("", DateOrder::DayFirst), Ok(None));
        assert_eq!(
            parse_date("soon", DateOrder::DayFirst),
            Err(Problem::BadDate("soon".into()))
        );
        assert!(parse_date("31/02/2014", DateOrder::DayFirst).is_err());
    }

    #[test]
    fn blank_areas_follow_the_row_above_and_rows_name_their_problems() {
        let sheet = sheet(&[
            &["AREA", "task", "Responsible", "Start Date", "End Date", "Status"],
            &["", "Orphan", "", "", "", ""],
            &["Core", "One", "CM TWG", "41760", "2014-05-31", "Completed"],
            &["", "Two", "nobody", "2014-06-01", "2014-05-01", "maybe"],
        ]);
        let rows = ImportRow::from_sheet(&sheet).unwrap();
        assert_eq!(rows[2].area, "Core");
        let checked = check(&rows, &names(), DateOrder::DayFirst);
        assert_eq!(
            checked[0].outcome.clone().unwrap_err()[0].problem,
            Problem::Invalid("wp-import-error-no-area")
        );
        let plan = checked[1].outcome.clone().unwrap();
        assert_eq!(
            (plan.owners, plan.status),
            (vec![Owner::Group(5)], TaskStatus::Completed)
        );
        let columns: Vec<Column> = checked[2]
            .outcome
            .clone()
            .unwrap_err()
            .iter()
            .map(|e| e.column)
            .collect();
        assert_eq!(columns, [Column::Responsible, Column::EndDate, Column::Status]);
    }
}
