//! Spreadsheets to download and the import's pages, shared by every export and
//! import: a CSV or XLSX file with a header row; the upload form, the preview with
//! the confirmation that carries its rows back, and the result.

use chrono::{Datelike, NaiveDate};
use maud::{Markup, html};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::{Crumb, csrf_field, layout};
use crate::domain::spreadsheet::{SheetColumn, SheetRecord, csv_safe, runs_as_formula};
use crate::i18n::Locale;
use crate::models::import::{Checked, Import};
use crate::web::auth::PageContext;

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

/// What an import's pages say, by message id.
pub struct ImportWords {
    /// The upload form's title, with the group's name.
    pub title: &'static str,
    /// What the upload form is for.
    pub explain: &'static str,
    /// A note under the columns the sheet should have.
    pub note: Option<&'static str>,
    /// The preview's title, with the group's name.
    pub preview_title: &'static str,
    /// The result's title, with the group's name.
    pub done_title: &'static str,
    /// The result's link back to the page the rows went to.
    pub back: &'static str,
}

/// What an import's pages show beyond what every import's do: the columns the
/// upload form explains, each previewed row, and what the import did.
pub trait ImportPages: Import {
    const WORDS: ImportWords;
    /// The preview table's column headings after the row number's, as message ids.
    const HEADINGS: &'static [&'static str];

    /// What each column should hold, as the upload form lists them.
    fn columns(locale: &Locale, group: &str, choices: &Self::Choices) -> Vec<(&'static str, String)>;

    /// Why a cell cannot be imported, in words.
    fn problem(locale: &Locale, problem: &Self::Problem) -> String;

    /// A previewed row's cells after its number: what writing it would do, or what
    /// the sheet says where it cannot be written.
    fn cells(locale: &Locale, row: &Checked<Self>) -> Markup;

    /// What the rows will do, shown above the confirm button once every row is valid.
    fn summary(_locale: &Locale, _rows: &[Checked<Self>]) -> Option<Markup> {
        None
    }

    /// What the import did.
    fn outcome(locale: &Locale, outcome: &Self::Outcome) -> Markup;
}

/// The surroundings of an import's pages.
pub struct ImportPage<'a> {
    pub group: &'a str,
    pub crumbs: Vec<Crumb>,
    pub token: &'a str,
    /// The import's address: the form posts the file here.
    pub path: String,
    /// The page the rows go to, which the result links back to.
    pub back: String,
    /// Why the last upload was refused, above the form.
    pub error: Option<String>,
}

/// The upload form of an import.
fn upload_form(locale: &Locale, path: &str, token: &str) -> Markup {
    html! {
        // The token comes before the file, so it is read (and checked) first.
        form.narrow.upload method="post" action=(path) enctype="multipart/form-data" {
            (csrf_field(token))
            label {
                (locale.t("import-file"))
                input type="file" name="file" required accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            }
            button type="submit" { (locale.t("import-check")) }
        }
    }
}

/// The upload page of import `I`: the form, and what each column should hold.
pub fn upload_page<I: ImportPages>(ctx: &PageContext, page: &ImportPage<'_>, choices: &I::Choices) -> Markup {
    let locale = &ctx.locale;
    let words = &I::WORDS;
    layout(
        ctx,
        &locale.t_args(words.title, &[("group", page.group.into())]),
        &page.crumbs,
        html! {
            @if let Some(error) = &page.error { p.error role="alert" { (error) } }
            p { (locale.t(words.explain)) }
            (upload_form(locale, &page.path, page.token))
            h2 { (locale.t("import-columns")) }
            dl.summary {
                @for (header, meaning) in I::columns(locale, page.group, choices) {
                    dt { (header) }
                    dd { (meaning) }
                }
            }
            @if let Some(note) = words.note { p.muted { (locale.t(note)) } }
        },
    )
}

/// The button that confirms a previewed import: the rows go back as JSON, to be
/// checked again and written at `<path>/confirm`.
fn confirm_form(locale: &Locale, path: &str, token: &str, rows_json: &str) -> Markup {
    html! {
        form.narrow method="post" action={ (path) "/confirm" } {
            (csrf_field(token))
            input type="hidden" name="rows" value=(rows_json);
            button type="submit" { (locale.t("import-confirm")) }
        }
    }
}

/// Why nothing can be imported: how many rows have problems, each problem as
/// "Row N, column: reason", and the form to upload a corrected file.
fn refused_rows<I: ImportPages>(locale: &Locale, page: &ImportPage<'_>, rows: &[Checked<I>]) -> Markup {
    let invalid = rows.iter().filter(|r| r.outcome.is_err()).count();
    html! {
        p.error role="alert" {
            (locale.t_args("import-preview-invalid", &[("invalid", invalid.into()), ("rows", rows.len().into())]))
        }
        ul.problems {
            @for row in rows {
                @for error in row.outcome.as_ref().err().into_iter().flatten() {
                    li {
                        (locale.t_args("import-problem", &[
                            ("row", row.source.number().into()),
                            ("column", error.column.header().into()),
                            ("reason", I::problem(locale, &error.problem).into()),
                        ]))
                    }
                }
            }
        }
        h2 { (locale.t("import-upload-again")) }
        (upload_form(locale, &page.path, page.token))
    }
}

/// Every row as it will be written, or the problems of those that cannot be; the
/// button to confirm only when every row is valid.
pub fn preview_page<I: ImportPages>(
    ctx: &PageContext,
    page: &ImportPage<'_>,
    rows: &[Checked<I>],
    rows_json: &str,
) -> Markup {
    let locale = &ctx.locale;
    let valid = rows.iter().all(|r| r.outcome.is_ok());
    layout(
        ctx,
        &locale.t_args(I::WORDS.preview_title, &[("group", page.group.into())]),
        &page.crumbs,
        html! {
            @if valid {
                p.notice role="status" { (locale.t_args("import-preview-valid", &[("rows", rows.len().into())])) }
                @if let Some(summary) = I::summary(locale, rows) { (summary) }
                (confirm_form(locale, &page.path, page.token, rows_json))
            } @else {
                (refused_rows::<I>(locale, page, rows))
            }
            h2 { (locale.t("import-rows")) }
            (super::scroll_region(&locale.t("import-rows"), html! {
                table.data.import {
                    thead {
                        tr {
                            th scope="col" { (locale.t("column-row")) }
                            @for heading in I::HEADINGS {
                                th scope="col" { (locale.t(heading)) }
                            }
                        }
                    }
                    tbody {
                        @for row in rows {
                            tr.problem[row.outcome.is_err()] {
                                td.num { (row.source.number()) }
                                (I::cells(locale, row))
                            }
                        }
                    }
                }
            }))
        },
    )
}

/// What an import did, and the way back to the page the rows went to.
pub fn imported_page<I: ImportPages>(ctx: &PageContext, page: &ImportPage<'_>, outcome: &I::Outcome) -> Markup {
    let locale = &ctx.locale;
    layout(
        ctx,
        &locale.t_args(I::WORDS.done_title, &[("group", page.group.into())]),
        &page.crumbs,
        html! {
            (I::outcome(locale, outcome))
            p { a href=(page.back) { (locale.t(I::WORDS.back)) } }
        },
    )
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
