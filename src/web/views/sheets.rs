//! Spreadsheets to download and the import's forms, shared by every export and
//! import: a CSV or XLSX file with a header row, the upload form, and the
//! confirmation that carries the previewed rows back.

use chrono::{Datelike, NaiveDate};
use maud::{Markup, html};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::csrf_field;
use crate::domain::spreadsheet::{csv_safe, runs_as_formula};
use crate::i18n::Locale;

/// One cell of an exported row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// A number cell in a workbook.
    Int(i64),
    /// A date cell in a workbook, `2014-06-20` in a CSV file; empty when `None`.
    Date(Option<NaiveDate>),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Date(date) => date.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

/// A sheet to download: its name in a workbook, its columns (title and width), and
/// its rows.
pub struct Sheet {
    pub name: &'static str,
    pub columns: &'static [(&'static str, f64)],
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    pub fn csv(&self) -> Result<Vec<u8>, csv::Error> {
        let header: Vec<&str> = self.columns.iter().map(|(title, _)| *title).collect();
        csv(&header, &self.rows)
    }

    pub fn xlsx(&self) -> Result<Vec<u8>, XlsxError> {
        xlsx(self.name, self.columns, &self.rows)
    }
}

/// UTF-8 CSV with a header row, led by a byte-order mark so that Excel reads
/// Arabic and French text right; cells that would run as formulas are defused.
fn csv(header: &[&str], rows: &[Vec<Cell>]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(header)?;
    for row in rows {
        writer.write_record(row.iter().map(|c| csv_safe(&c.text()).into_owned()))?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

fn excel_date(date: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(date.year()).map_err(|_| XlsxError::DateTimeRangeError(date.to_string()))?;
    // Month and day always fit in a byte.
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8)
}

/// A workbook with one sheet named `name`: a bold, frozen header row with a filter,
/// the `columns`' widths (in characters), and dates as real date cells. Every text is
/// a text cell, and one that would run as a formula once edited keeps Excel's quote
/// prefix, as if typed after an apostrophe.
pub fn xlsx(name: &str, columns: &[(&str, f64)], rows: &[Vec<Cell>]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(name)?;
    let bold = Format::new().set_bold();
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    let quoted = Format::new().set_quote_prefix();
    for (col, (title, width)) in columns.iter().enumerate() {
        let col = u16::try_from(col).map_err(|_| XlsxError::RowColumnLimitError)?;
        sheet.write_string_with_format(0, col, *title, &bold)?;
        sheet.set_column_width(col, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (index, cells) in rows.iter().enumerate() {
        let row = u32::try_from(index + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (col, cell) in cells.iter().enumerate() {
            let col = u16::try_from(col).map_err(|_| XlsxError::RowColumnLimitError)?;
            match cell {
                Cell::Text(text) if runs_as_formula(text) => {
                    sheet.write_string_with_format(row, col, text, &quoted)?;
                }
                Cell::Text(text) if !text.is_empty() => {
                    sheet.write_string(row, col, text)?;
                }
                Cell::Int(n) => {
                    // Item numbers and counts: far below 2^53.
                    sheet.write_number(row, col, *n as f64)?;
                }
                Cell::Date(Some(date)) => {
                    sheet.write_datetime_with_format(row, col, excel_date(*date)?, &date_format)?;
                }
                _ => {}
            }
        }
    }
    let last_row = u32::try_from(rows.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
    let last_col = u16::try_from(columns.len().saturating_sub(1)).map_err(|_| XlsxError::RowColumnLimitError)?;
    sheet.autofilter(0, 0, last_row, last_col)?;
    workbook.save_to_buffer()
}

/// The upload form of an import.
pub fn upload_form(locale: &Locale, path: &str, token: &str, submit: &str) -> Markup {
    html! {
        // The token comes before the file, so it is read (and checked) first.
        form.narrow.upload method="post" action=(path) enctype="multipart/form-data" {
            (csrf_field(token))
            label {
                (locale.t("import-file"))
                input type="file" name="file" required accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            }
            button type="submit" { (submit) }
        }
    }
}

/// The button that confirms a previewed import: the rows go back as JSON, to be
/// checked again and written at `<path>/confirm`.
pub fn confirm_form(locale: &Locale, path: &str, token: &str, rows_json: &str) -> Markup {
    html! {
        form.narrow method="post" action={ (path) "/confirm" } {
            (csrf_field(token))
            input type="hidden" name="rows" value=(rows_json);
            button type="submit" { (locale.t("import-confirm")) }
        }
    }
}

/// One problem of one row: the row's number, the column's header, and why.
pub struct RowProblem {
    pub row: usize,
    pub column: &'static str,
    pub reason: String,
}

/// The problems of checked rows, in order: `rows` gives each row's number and, when
/// it is not valid, its errors; `describe` gives an error's column header and reason.
pub fn row_problems<'a, E: 'a>(
    rows: impl Iterator<Item = (usize, Option<&'a Vec<E>>)>,
    describe: impl Fn(&E) -> (&'static str, String),
) -> Vec<RowProblem> {
    let mut problems = Vec::new();
    for (row, errors) in rows.filter_map(|(row, errors)| Some((row, errors?))) {
        for error in errors {
            let (column, reason) = describe(error);
            problems.push(RowProblem { row, column, reason });
        }
    }
    problems
}

/// Why nothing can be imported: how many rows have problems, each problem as
/// "Row N, column: reason", and the form to upload a corrected file.
pub fn refused_rows(
    locale: &Locale,
    rows: usize,
    invalid: usize,
    problems: &[RowProblem],
    path: &str,
    token: &str,
) -> Markup {
    html! {
        p.error role="alert" {
            (locale.t_args("import-preview-invalid", &[("invalid", invalid.into()), ("rows", rows.into())]))
        }
        ul.problems {
            @for problem in problems {
                li {
                    (locale.t_args("import-problem", &[
                        ("row", problem.row.into()),
                        ("column", problem.column.into()),
                        ("reason", problem.reason.as_str().into()),
                    ]))
                }
            }
        }
        h2 { (locale.t("import-upload-again")) }
        (upload_form(locale, path, token, &locale.t("import-check")))
    }
}

/// The top of an import's preview: the confirm button when every row is valid,
/// else each problem and the form to upload a corrected file.
pub fn preview_head(
    locale: &Locale,
    rows: usize,
    invalid: usize,
    problems: &[RowProblem],
    path: &str,
    token: &str,
    rows_json: &str,
) -> Markup {
    html! {
        @if invalid == 0 {
            p.notice role="status" { (locale.t_args("import-preview-valid", &[("rows", rows.into())])) }
            (confirm_form(locale, path, token, rows_json))
        } @else {
            (refused_rows(locale, rows, invalid, problems, path, token))
        }
        h2 { (locale.t("import-rows")) }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;
    use crate::domain::spreadsheet;

    fn part(workbook: &[u8], name: &str) -> String {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(workbook)).unwrap();
        let mut text = String::new();
        archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
        text
    }

    const FORMULAS: [&str; 6] = [
        "=1+1",
        "@SUM(A1)",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "\tx",
        "=HYPERLINK(\"http://x\")",
    ];

    #[test]
    fn exported_formulas_stay_text_in_both_formats() {
        let rows: Vec<Vec<Cell>> = FORMULAS.iter().map(|f| vec![Cell::Text((*f).into())]).collect();
        let workbook = xlsx("Sheet", &[("text", 20.0)], &rows).unwrap();
        let sheet = part(&workbook, "xl/worksheets/sheet1.xml");
        assert!(!sheet.contains("<f>"), "no formula cell: {sheet}");
        assert_eq!(sheet.matches(r#"t="s""#).count(), FORMULAS.len() + 1, "{sheet}");
        assert!(part(&workbook, "xl/styles.xml").contains(r#"quotePrefix="1""#));
        let read = spreadsheet::read_xlsx(&workbook).unwrap();
        let texts: Vec<&str> = read[1..].iter().map(|r| r.cells[0].as_str()).collect();
        assert_eq!(texts, FORMULAS);

        let file = csv(&["text"], &rows).unwrap();
        let text = String::from_utf8(file).unwrap();
        for line in text.lines().skip(1) {
            let cell = line.trim_matches('"');
            assert!(cell.starts_with('\''), "{line} is defused");
        }
        let read = spreadsheet::read_csv(text.as_bytes()).unwrap();
        let texts: Vec<&str> = read[1..].iter().map(|r| r.cells[0].as_str()).collect();
        assert_eq!(texts, FORMULAS);
    }
}
