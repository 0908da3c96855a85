//! The directory as a spreadsheet: CSV and XLSX with the same columns, written so
//! that the import reads them back (roles and kinds as it spells them).

use super::sheets::{self, Cell};
use crate::domain::directory::{kind_label, role_label};
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

/// An entry's cells in column order.
fn cells(entry: &DirectoryEntry) -> Vec<Cell> {
    let text = |t: &str| Cell::Text(t.to_owned());
    vec![
        text(&entry.name),
        text(&entry.email),
        text(entry.organization.as_deref().unwrap_or_default()),
        text(entry.organization_kind.map(kind_label).unwrap_or_default()),
        text(entry.title.as_deref().unwrap_or_default()),
        text(entry.phone.as_deref().unwrap_or_default()),
        text(&entry.group),
        text(role_label(entry.role)),
        Cell::Date(Some(entry.since)),
        Cell::Date(entry.until),
    ]
}

/// The directory as the sheet to download.
pub fn sheet(entries: &[DirectoryEntry]) -> sheets::Sheet {
    sheets::Sheet {
        name: "Directory",
        columns: &COLUMNS,
        rows: entries.iter().map(cells).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::spreadsheet;
    use crate::domain::{OrganizationKind, Role};
    use chrono::NaiveDate;

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
        let bytes = sheet(&[entry()]).csv().unwrap();
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
        let rows = spreadsheet::read_xlsx(&sheet(&[entry(), open]).xlsx().unwrap()).unwrap();
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
