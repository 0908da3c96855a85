//! Spreadsheets as rows of text: reading uploaded CSV and XLSX files, and keeping
//! exported CSV cells from being run as formulas.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;
use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};

/// The most rows (after the header) an upload may have.
pub const MAX_ROWS: usize = 5000;

/// A row that is not blank, numbered as a spreadsheet program shows it (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    pub number: usize,
    pub cells: Vec<String>,
}

/// Why a file could not be read as a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    /// No row with anything in it.
    Empty,
    /// A CSV file in another encoding than UTF-8 (as older Excel versions save it).
    NotUtf8 {
        row: usize,
    },
    /// A CSV file that breaks the format (for example an unclosed quote).
    BadCsv {
        row: usize,
    },
    /// An XLSX file that cannot be opened.
    BadXlsx,
    /// An Excel 97–2003 `.xls` file, or another binary format.
    Unsupported,
    TooManyRows {
        max: usize,
    },
    /// An XLSX file that unpacks to more than `max_mb` megabytes: a zip bomb, most likely.
    TooLargeUnpacked {
        max_mb: u64,
    },
}

impl SheetError {
    /// The id of the message that explains the problem.
    pub fn message_id(&self) -> &'static str {
        match self {
            SheetError::Empty => "import-file-empty",
            SheetError::NotUtf8 { .. } => "import-file-not-utf8",
            SheetError::BadCsv { .. } => "import-file-bad-csv",
            SheetError::BadXlsx => "import-file-bad-xlsx",
            SheetError::Unsupported => "import-file-unsupported",
            SheetError::TooManyRows { .. } => "import-file-too-many-rows",
            SheetError::TooLargeUnpacked { .. } => "import-file-too-large-unpacked",
        }
    }
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// The start of every OLE2 compound file: `.xls`, `.doc`, and their kin.
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0];

/// Reads an upload as rows of text: an XLSX file (its first sheet) by its content,
/// anything else as CSV.
pub fn read(file_name: &str, bytes: &[u8]) -> Result<Vec<SheetRow>, SheetError> {
    let lower = file_name.to_lowercase();
    if bytes.starts_with(ZIP_MAGIC) {
        read_xlsx(bytes)
    } else if bytes.starts_with(OLE_MAGIC) || [".xls", ".xlsx", ".ods", ".xlsb"].iter().any(|e| lower.ends_with(e)) {
        Err(SheetError::Unsupported)
    } else {
        read_csv(bytes)
    }
}

/// The separator a CSV file uses: commas, or the semicolons or tabs that spreadsheet
/// programs write in some regions, judged by the first line.
fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |d: u8| first_line.iter().filter(|b| **b == d).count();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| (count(*d), *d == b','))
        .unwrap_or(b',')
}

fn keep(rows: &mut Vec<SheetRow>, number: usize, cells: Vec<String>) -> Result<(), SheetError> {
    if cells.iter().all(|c| c.trim().is_empty()) {
        return Ok(());
    }
    if rows.len() > MAX_ROWS {
        return Err(SheetError::TooManyRows { max: MAX_ROWS });
    }
    rows.push(SheetRow { number, cells });
    Ok(())
}

/// A UTF-8 CSV file (a leading byte-order mark is skipped); every record is one row.
pub fn read_csv(bytes: &[u8]) -> Result<Vec<SheetRow>, SheetError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sniff_delimiter(bytes))
        .from_reader(bytes);
    let mut rows = Vec::new();
    for (index, record) in reader.byte_records().enumerate() {
        let number = index + 1;
        let record = record.map_err(|_| SheetError::BadCsv { row: number })?;
        let cells = record
            .iter()
            .map(|cell| {
                let text = std::str::from_utf8(cell).map_err(|_| SheetError::NotUtf8 { row: number })?;
                Ok(csv_unsafe(text).to_owned())
            })
            .collect::<Result<Vec<_>, _>>()?;
        keep(&mut rows, number, cells)?;
    }
    if rows.is_empty() {
        return Err(SheetError::Empty);
    }
    Ok(rows)
}

/// The most an XLSX upload may unpack to. A workbook of `MAX_ROWS` rows of a few dozen
/// columns unpacks to a few megabytes; a zip bomb to gigabytes from a small file.
pub const MAX_UNPACKED_MB: u64 = 64;
const MAX_UNPACKED_BYTES: u64 = MAX_UNPACKED_MB * 1024 * 1024;

/// Refuses a workbook whose parts add up to more than `MAX_UNPACKED_BYTES` unpacked,
/// by the sizes its directory declares, before anything is unpacked. A part that
/// unpacks to more than it declares is not read past its declared size (the zip
/// reader stops there with an error), so a lying directory cannot get round this.
fn check_unpacked_size(bytes: &[u8]) -> Result<(), SheetError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| SheetError::BadXlsx)?;
    let mut total = 0u64;
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(|_| SheetError::BadXlsx)?;
        total = total.saturating_add(entry.size());
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(SheetError::TooLargeUnpacked {
            max_mb: MAX_UNPACKED_MB,
        });
    }
    Ok(())
}

/// Columns past this one are not read: a directory sheet needs a handful.
const MAX_COLUMNS: u32 = 64;

/// The first sheet of an XLSX workbook, each cell as the text it shows. Cells are
/// streamed rather than loaded as one dense grid, so a stray cell far down or to the
/// right costs nothing.
pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<SheetRow>, SheetError> {
    check_unpacked_size(bytes)?;
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(|_| SheetError::BadXlsx)?;
    let Some(first) = workbook.sheet_names().first().cloned() else {
        return Err(SheetError::Empty);
    };
    let mut reader = workbook
        .worksheet_cells_reader(&first)
        .map_err(|_| SheetError::BadXlsx)?;
    let mut grid: BTreeMap<u32, BTreeMap<u32, String>> = BTreeMap::new();
    while let Some(cell) = reader.next_cell().map_err(|_| SheetError::BadXlsx)? {
        let (row, col) = cell.get_position();
        let text = cell_text(cell.get_value());
        if col >= MAX_COLUMNS || text.trim().is_empty() {
            continue;
        }
        if !grid.contains_key(&row) && grid.len() > MAX_ROWS {
            return Err(SheetError::TooManyRows { max: MAX_ROWS });
        }
        grid.entry(row).or_default().insert(col, text);
    }
    if grid.is_empty() {
        return Err(SheetError::Empty);
    }
    Ok(grid
        .into_iter()
        .map(|(row, cells)| {
            let width = cells.keys().next_back().map_or(0, |c| *c as usize + 1);
            let mut line = vec![String::new(); width];
            for (col, text) in cells {
                line[col as usize] = text;
            }
            SheetRow {
                number: row as usize + 1,
                cells: line,
            }
        })
        .collect())
}

/// A cell as text: whole numbers without a decimal point (phone numbers are often
/// stored as numbers), dates as `2014-06-20`.
fn cell_text(cell: &DataRef<'_>) -> String {
    match cell {
        DataRef::Empty => String::new(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        DataRef::Float(f) => f.to_string(),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        DataRef::DateTime(dt) => {
            let (y, m, d, hh, mm, ss, _) = dt.to_ymd_hms_milli();
            if (hh, mm, ss) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{d:02}")
            } else {
                format!("{y:04}-{m:02}-{d:02} {hh:02}:{mm:02}:{ss:02}")
            }
        }
        DataRef::Error(e) => e.to_string(),
    }
}

/// A column an import reads, named by the sheet's header row.
pub trait SheetColumn: Copy + Eq + Hash + Send + Sync + 'static {
    /// Every column, in the order the upload form lists them: its name in a header
    /// row, and the other names a header cell may give it (lower case, words apart).
    const NAMES: &'static [(Self, &'static str, &'static [&'static str])];
    /// The columns a sheet must have; the others may be left out, and then are empty.
    const REQUIRED: &'static [Self];

    /// The column's name in a header row.
    fn header(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(column, ..)| *column == self)
            .map_or("", |(_, header, _)| header)
    }

    /// The column a header cell names, if any: in any case, with `_` or `-` for spaces.
    fn from_header(text: &str) -> Option<Self> {
        let text = text.to_lowercase().replace(['_', '-'], " ");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        Self::NAMES
            .iter()
            .find(|(_, header, others)| header.to_lowercase() == text || others.contains(&text.as_str()))
            .map(|(column, ..)| *column)
    }
}

/// The row type of an import: what is read from each row of a sheet, and also what
/// the preview hands to the confirmation, which checks it all again.
pub trait SheetRecord: Sized {
    type Column: SheetColumn;

    /// The rows of a sheet whose first row names its columns.
    fn from_sheet(sheet: &[SheetRow]) -> Result<Vec<Self>, HeaderError<Self::Column>>;

    /// The row's number in the sheet, header included.
    fn number(&self) -> usize;
}

/// A header row that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderError<C> {
    /// The first row lacks these columns (perhaps it is not a header at all).
    Missing(Vec<C>),
    /// The same column twice.
    Repeated(C),
    /// A header and nothing under it.
    NoRows,
}

/// A sheet whose first row names its columns: where each column is, and the rows
/// under the header.
#[derive(Debug)]
pub struct Table<'a, C> {
    positions: HashMap<C, usize>,
    pub rows: &'a [SheetRow],
}

impl<C: SheetColumn> Table<'_, C> {
    /// The trimmed text of `row` in `column`; empty when the sheet lacks the column.
    pub fn cell(&self, row: &SheetRow, column: C) -> String {
        self.positions
            .get(&column)
            .and_then(|i| row.cells.get(*i))
            .map(|c| c.trim().to_owned())
            .unwrap_or_default()
    }
}

/// Reads the header row: each known column once, the `required` ones present, and
/// at least one row under it. Unknown columns are left alone.
pub fn table<'a, C: SheetColumn>(sheet: &'a [SheetRow], required: &[C]) -> Result<Table<'a, C>, HeaderError<C>> {
    let Some((header, rows)) = sheet.split_first() else {
        return Err(HeaderError::NoRows);
    };
    let mut positions: HashMap<C, usize> = HashMap::new();
    for (index, cell) in header.cells.iter().enumerate() {
        if let Some(column) = C::from_header(cell)
            && positions.insert(column, index).is_some()
        {
            return Err(HeaderError::Repeated(column));
        }
    }
    let missing: Vec<C> = required
        .iter()
        .copied()
        .filter(|c| !positions.contains_key(c))
        .collect();
    if !missing.is_empty() {
        return Err(HeaderError::Missing(missing));
    }
    if rows.is_empty() {
        return Err(HeaderError::NoRows);
    }
    Ok(Table { positions, rows })
}

/// The rows under a sheet's header row, each made by `read` from its number and
/// its trimmed cell in a column (empty when the sheet lacks the column).
pub fn records<C: SheetColumn, R>(
    sheet: &[SheetRow],
    mut read: impl FnMut(usize, &dyn Fn(C) -> String) -> R,
) -> Result<Vec<R>, HeaderError<C>> {
    let table = table(sheet, C::REQUIRED)?;
    Ok(table
        .rows
        .iter()
        .map(|row| read(row.number, &|column| table.cell(row, column)))
        .collect())
}

/// What is wrong with one cell of an imported row: its column, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError<C, P> {
    pub column: C,
    pub problem: P,
}

/// A row of an import as read (`source`, also what the preview hands to the
/// confirmation), with what writing it would do, or its problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedRow<R, P, E> {
    pub source: R,
    pub outcome: Result<P, Vec<E>>,
}

/// The plans of all rows, when every row is valid: what an import writes, all or nothing.
pub fn plans<R, P, E>(rows: &[CheckedRow<R, P, E>]) -> Option<Vec<&P>> {
    rows.iter().map(|r| r.outcome.as_ref().ok()).collect()
}

/// A status or other code as a sheet may spell it (`In progress`, `in-progress`,
/// `in_progress`), in any case; a blank cell is `blank`.
pub fn parse_code<T: std::str::FromStr>(value: &str, blank: T) -> Option<T> {
    let value = value.trim().to_lowercase().replace([' ', '-'], "_");
    if value.is_empty() {
        return Some(blank);
    }
    value.parse().ok()
}

/// The three numbers of a date such as `2014-06-20` or `20/6/2014`, split at `separator`.
pub fn date_numbers(value: &str, separator: char) -> Option<[u32; 3]> {
    let parts: Vec<u32> = value
        .split(separator)
        .map(|p| p.trim().parse().ok())
        .collect::<Option<_>>()?;
    parts.try_into().ok()
}

/// Rows numbered from 1, as a sheet with these cells reads: for tests of imports.
#[cfg(test)]
pub fn sheet_of(rows: &[&[&str]]) -> Vec<SheetRow> {
    rows.iter()
        .enumerate()
        .map(|(i, cells)| SheetRow {
            number: i + 1,
            cells: cells.iter().map(|c| (*c).to_owned()).collect(),
        })
        .collect()
}

/// Text for a CSV cell that a spreadsheet program will not run as a formula: text
/// starting with `=`, `@`, a tab or a carriage return, or with `+` or `-` and not a
/// number (such as the phone number "+961 1 234 567"), gets a leading apostrophe.
pub fn csv_safe(value: &str) -> Cow<'_, str> {
    if runs_as_formula(value) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

/// Whether a spreadsheet program would take `value`, typed into a cell, for a formula.
pub fn runs_as_formula(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    let number_like = |rest: &str| {
        rest.chars().any(|c| c.is_ascii_digit()) && rest.chars().all(|c| c.is_ascii_digit() || " ()-./".contains(c))
    };
    match first {
        '=' | '@' | '\t' | '\r' => true,
        '+' | '-' => !number_like(&value[1..]),
        _ => false,
    }
}

/// A cell of an imported CSV file as it was before `csv_safe`: the apostrophe that
/// kept a formula-like text from running is dropped, so an exported file imports as
/// the text it was made from. Any other apostrophe stays.
pub fn csv_unsafe(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if runs_as_formula(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(rows: &[SheetRow]) -> Vec<(usize, Vec<&str>)> {
        rows.iter()
            .map(|r| (r.number, r.cells.iter().map(String::as_str).collect()))
            .collect()
    }

    #[test]
    fn csv_rows_keep_their_numbers_and_skip_blank_lines() {
        let file = "\u{feff}name,email\r\nNadia,nadia@unicef.org\r\n,\r\n\"Haddad, Omar\",\"omar\nfarah@irc.org\"\r\nرنا,rana@abaad.org\r\n";
        let rows = read_csv(file.as_bytes()).unwrap();
        assert_eq!(
            cells(&rows),
            [
                (1, vec!["name", "email"]),
                (2, vec!["Nadia", "nadia@unicef.org"]),
                (4, vec!["Haddad, Omar", "omar\nfarah@irc.org"]),
                (5, vec!["رنا", "rana@abaad.org"]),
            ]
        );
    }

    #[test]
    fn csv_with_semicolons_or_tabs_is_read_too() {
        let rows = read_csv(b"name;email\nNadia;nadia@unicef.org\n").unwrap();
        assert_eq!(cells(&rows)[1], (2, vec!["Nadia", "nadia@unicef.org"]));
        let rows = read_csv(b"name\temail\nNadia\tnadia@unicef.org\n").unwrap();
        assert_eq!(cells(&rows)[1], (2, vec!["Nadia", "nadia@unicef.org"]));
        // A comma inside a name does not make it a semicolon file.
        let rows = read_csv(b"name,email\n\"A; B\",a@b.org\n").unwrap();
        assert_eq!(cells(&rows)[1], (2, vec!["A; B", "a@b.org"]));
    }

    #[test]
    fn unreadable_files_are_named_not_panicked_on() {
        assert_eq!(read_csv(b""), Err(SheetError::Empty));
        assert_eq!(read_csv(b"\n , \n"), Err(SheetError::Empty));
        assert_eq!(
            read_csv(b"name,email\nJos\xe9,jose@x.org\n"),
            Err(SheetError::NotUtf8 { row: 2 })
        );
        assert_eq!(read("list.xls", b"\xD0\xCF\x11\xE0 rest"), Err(SheetError::Unsupported));
        assert_eq!(read("list.xlsx", b"plain text"), Err(SheetError::Unsupported));
        assert_eq!(read("list.csv", b"PK\x03\x04 not a zip"), Err(SheetError::BadXlsx));
        let many = "name\n".to_owned() + &"x\n".repeat(MAX_ROWS + 1);
        assert_eq!(
            read_csv(many.as_bytes()),
            Err(SheetError::TooManyRows { max: MAX_ROWS })
        );
        let enough = "name\n".to_owned() + &"x\n".repeat(MAX_ROWS);
        assert_eq!(read_csv(enough.as_bytes()).unwrap().len(), MAX_ROWS + 1);
    }

    #[test]
    fn xlsx_cells_read_as_the_text_they_show() {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.write_string(1, 0, "name").unwrap();
        sheet.write_string(1, 1, "phone").unwrap();
        sheet.write_string(1, 2, "since").unwrap();
        sheet.write_string(3, 0, "Nadia Haddad").unwrap();
        sheet.write_number(3, 1, 96_170_123_456.0).unwrap();
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2014, 6, 20).unwrap();
        let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
        sheet.write_datetime_with_format(3, 2, date, &format).unwrap();
        sheet.write_number(4, 1, 1.5).unwrap();
        // Far-off cells cost nothing: columns past the 64th are not read at all.
        sheet.write_string(9, 16_000, "stray").unwrap();
        sheet.write_string(1_000_000, 0, "far down").unwrap();
        let bytes = workbook.save_to_buffer().unwrap();
        let rows = read("members.xlsx", &bytes).unwrap();
        assert_eq!(
            cells(&rows),
            [
                (2, vec!["name", "phone", "since"]),
                (4, vec!["Nadia Haddad", "96170123456", "2014-06-20"]),
                (5, vec!["", "1.5"]),
                (1_000_001, vec!["far down"]),
            ]
        );
    }

    #[test]
    fn csv_cells_that_look_like_formulas_are_defused() {
        assert_eq!(csv_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_safe("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
        assert_eq!(csv_safe("-2+3"), "'-2+3");
        assert_eq!(csv_safe("+961 1 234 567"), "+961 1 234 567");
        assert_eq!(csv_safe("-5"), "-5");
        assert_eq!(csv_safe("Nadia"), "Nadia");
        assert_eq!(csv_safe(""), "");
        assert_eq!(csv_safe("\tx"), "'\tx");
        assert_eq!(csv_safe("\rx"), "'\rx");
    }

    #[test]
    fn csv_imports_read_defused_cells_as_the_text_they_were() {
        let texts = [
            "=HYPERLINK(\"http://x\",\"y\")",
            "@SUM(A1)",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "\tx",
            "'quoted'",
            "'",
            "+961 1 234 567",
        ];
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(["text"]).unwrap();
        for text in texts {
            writer.write_record([csv_safe(text).as_ref()]).unwrap();
        }
        let rows = read_csv(&writer.into_inner().unwrap()).unwrap();
        let read: Vec<&str> = rows[1..].iter().map(|r| r.cells[0].as_str()).collect();
        assert_eq!(read, texts);
    }

    /// A workbook whose one sheet holds `cells` of filler: a few kilobytes packed.
    fn bomb(cells: usize) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        let filler = "<c t=\"inlineStr\"><is><t>x</t></is></c>".repeat(1024);
        zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
        zip.write_all(b"<worksheet><sheetData><row r=\"1\">").unwrap();
        for _ in 0..cells / 1024 {
            zip.write_all(filler.as_bytes()).unwrap();
        }
        zip.write_all(b"</row></sheetData></worksheet>").unwrap();
        zip.finish().unwrap().into_inner()
    }

    /// `bytes` with the unpacked size of every entry declared as 1 KiB.
    fn lying(mut bytes: Vec<u8>) -> Vec<u8> {
        for at in 0..bytes.len().saturating_sub(30) {
            let field = match &bytes[at..at + 4] {
                b"PK\x03\x04" => at + 22,
                b"PK\x01\x02" => at + 24,
                _ => continue,
            };
            bytes[field..field + 4].copy_from_slice(&1024u32.to_le_bytes());
        }
        bytes
    }

    #[test]
    fn a_zip_bomb_is_refused_before_it_is_read() {
        // 80 MiB of cells in a file of a few hundred kilobytes.
        let bytes = bomb(2_300_000);
        assert!(bytes.len() < 1024 * 1024, "{} bytes", bytes.len());
        let refused = Err(SheetError::TooLargeUnpacked {
            max_mb: MAX_UNPACKED_MB,
        });
        assert_eq!(read("members.xlsx", &bytes), refused);
        // Sizes that lie are found out once a part unpacks past its own.
        assert_eq!(read("members.xlsx", &lying(bytes)), Err(SheetError::BadXlsx));
        // A small one is read on (and found to lack what a workbook has).
        assert_eq!(read("members.xlsx", &bomb(2048)), Err(SheetError::BadXlsx));
    }
}
