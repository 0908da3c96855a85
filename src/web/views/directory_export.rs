//! The directory as a spreadsheet: CSV and XLSX with the same columns, written so
//! that the import reads them back (roles and kinds as it spells them).

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use crate::domain::directory::{kind_label, role_label};
use crate::domain::spreadsheet::csv_safe;
use crate::models::memberships::DirectoryEntry;

/// The header row, and each column's width in an XLSX sheet (in characters).
pub const COLUMNS: [(&str, f64); 10] = [
    ("name", 28.0),
    ("email", 32.0),
    ("organisation", 16.0),
    ("organisation kind", 18.0),
    ("title", 30.0),
    ("phone", 18.0),
    ("group", 16.0),
    ("role", 14.0),
    ("since", 12.0),
    ("until", 12.0),
];

const SINCE: usize = 8;
const UNTIL: usize = 9;

/// An entry's text cells in column order; `since` and `until` as `2014-06-20` or empty.
fn cells(entry: &DirectoryEntry) -> [String; 10] {
    [
        entry.name.clone(),
        entry.email.clone(),
        entry.organization.clone().unwrap_or_default(),
        entry.organization_kind.map(kind_label).unwrap_or_default().to_owned(),
        entry.title.clone().unwrap_or_default(),
        entry.phone.clone().unwrap_or_default(),
        entry.group.clone(),
        role_label(entry.role).to_owned(),
        entry.since.to_string(),
        entry.until.map(|d| d.to_string()).unwrap_or_default(),
    ]
}

/// UTF-8 CSV with a header row, led by a byte-order mark so that Excel reads
/// Arabic and French names right; cells that would run as formulas are defused.
pub fn csv(entries: &[DirectoryEntry]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(COLUMNS.iter().map(|(title, _)| *title))?;
    for entry in entries {
        writer.write_record(cells(entry).iter().map(|c| csv_safe(c).into_owned()))?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

fn excel_date(date: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(date.year()).map_err(|_| XlsxError::DateTimeRangeError(date.to_string()))?;
    // Month and day always fit in a byte.
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8)
}

/// A workbook with one sheet: a bold, frozen header row with a filter, readable
/// column widths, and dates as real date cells.
pub fn xlsx(entries: &[DirectoryEntry]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Directory")?;
    let bold = Format::new().set_bold();
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    for (col, (title, width)) in COLUMNS.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, *title, &bold)?;
        sheet.set_column_width(col, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (index, entry) in entries.iter().enumerate() {
        let row = u32::try_from(index + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (col, text) in cells(entry).iter().enumerate() {
            if col != SINCE && col != UNTIL && !text.is_empty() {
                sheet.write_string(row, col as u16, text)?;
            }
        }
        sheet.write_datetime_with_format(row, SINCE as u16, excel_date(entry.since)?, &date_format)?;
        if let Some(until) = entry.until {
            sheet.write_datetime_with_format(row, UNTIL as u16, excel_date(until)?, &date_format)?;
        }
    }
    let last_row = u32::try_from(entries.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
    sheet.autofilter(0, 0, last_row, (COLUMNS.len() - 1) as u16)?;
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::spreadsheet;
    use crate::domain::{OrganizationKind, Role};

    fn entry() -> DirectoryEntry {
        DirectoryEntry {
            membership_id: 1,
            group_id: 1,
            group: "CPiE WG".into(),
            group_location: None,
            user_id: 1,
            name: "=Nadia Haddad".into(),
            email: "nadia@unicef.org".into(),
            title: Some("Coordinator, CPiE".into()),
            phone: Some("+961 1 234 567".into()),
            organization: Some("UNICEF".into()),
            organization_kind: Some(OrganizationKind::UnAgency),
            role: Role::CoChair,
            since: NaiveDate::from_ymd_opt(2014, 1, 1).unwrap(),
            until: NaiveDate::from_ymd_opt(2014, 12, 31),
        }
    }

    #[test]
    fn csv_has_a_header_and_defused_cells() {
        let bytes = csv(&[entry()]).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text,
            "\u{feff}name,email,organisation,organisation kind,title,phone,group,role,since,until\n\
             '=Nadia Haddad,nadia@unicef.org,UNICEF,UN agency,\"Coordinator, CPiE\",+961 1 234 567,CPiE WG,co-chair,2014-01-01,2014-12-31\n"
        );
    }

    #[test]
    fn xlsx_reads_back_with_dates_as_dates() {
        let mut open = entry();
        open.until = None;
        let rows = spreadsheet::read_xlsx(&xlsx(&[entry(), open]).unwrap()).unwrap();
        assert_eq!(rows[0].cells, COLUMNS.map(|(t, _)| t));
        // XLSX cells are text, never formulas, so nothing needs defusing.
        assert_eq!(
            rows[1].cells,
            [
                "=Nadia Haddad",
                "nadia@unicef.org",
                "UNICEF",
                "UN agency",
                "Coordinator, CPiE",
                "+961 1 234 567",
                "CPiE WG",
                "co-chair",
                "2014-01-01",
                "2014-12-31"
            ]
        );
        assert_eq!(rows[2].cells.len(), 9, "no until: {:?}", rows[2].cells);
    }
}
