//! Importing action points from a spreadsheet: the header row, and every row
//! checked against the owners the group offers, before anything is written.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::owners::Owner;
use super::spreadsheet::{self, HeaderError, SheetColumn, SheetRecord, SheetRow};
use super::validate;
use super::{ActionStatus, OwnerRole};

/// A column the import reads; others (such as `#` or `Raised at meeting` of an
/// export) are left alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Topic,
    Action,
    Owners,
    Due,
    Status,
    StatusNote,
}

impl SheetColumn for Column {
    const NAMES: &'static [(Column, &'static str, &'static [&'static str])] = &[
        (Column::Topic, "topic", &[]),
        (Column::Action, "action", &[]),
        (Column::Owners, "owners", &["owner", "owner(s)"]),
        (Column::Due, "due", &["due date"]),
        (Column::Status, "status", &[]),
        (Column::StatusNote, "status note", &["note"]),
    ];
    const REQUIRED: &'static [Column] = &[Column::Topic, Column::Action, Column::Owners];
}

/// One data row, trimmed; also what the preview hands to the confirmation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRow {
    /// The row's number in the sheet, header included.
    pub row: usize,
    pub topic: String,
    pub action: String,
    pub owners: String,
    pub due: String,
    pub status: String,
    pub status_note: String,
}

impl SheetRecord for ImportRow {
    type Column = Column;

    fn from_sheet(sheet: &[SheetRow]) -> Result<Vec<ImportRow>, HeaderError<Column>> {
        spreadsheet::records(sheet, |row, cell| ImportRow {
            row,
            topic: cell(Column::Topic),
            action: cell(Column::Action),
            owners: cell(Column::Owners),
            due: cell(Column::Due),
            status: cell(Column::Status),
            status_note: cell(Column::StatusNote),
        })
    }

    fn number(&self) -> usize {
        self.row
    }
}

/// What the owners of a row are looked up in: everything a name could mean, and
/// which of those the group offers.
#[derive(Debug, Clone, Default)]
pub struct OwnerNames {
    /// People by lower-case email address (and, for the workplan, by lower-case name).
    pub people: HashMap<String, Owner>,
    /// Organisations by lower-case acronym and by lower-case name.
    pub organizations: HashMap<String, Owner>,
    /// Groups by lower-case short name (any group, so that another group's is named as such).
    pub groups: HashMap<String, Vec<Owner>>,
    /// The owners the group offers.
    pub offered: Vec<Owner>,
}

/// A role as a sheet may spell it.
fn parse_role(value: &str) -> Option<OwnerRole> {
    match value.to_lowercase().replace(['_', '-'], " ").trim() {
        "coordinator" => Some(OwnerRole::Coordinator),
        "co chair" | "cochair" => Some(OwnerRole::CoChair),
        "im" | "im officer" | "information management officer" => Some(OwnerRole::ImOfficer),
        "members" | "member" | "all members" => Some(OwnerRole::Member),
        _ => None,
    }
}

impl OwnerNames {
    /// The owner a name means, or why it means none here.
    pub fn resolve(&self, value: &str) -> Result<Owner, Problem> {
        let key = value.to_lowercase();
        let found = if let Some(role) = parse_role(value) {
            Some(Owner::Role(role))
        } else if let Some(person) = self.people.get(&key) {
            Some(*person)
        } else if let Some(organization) = self.organizations.get(&key) {
            Some(*organization)
        } else {
            let groups = self.groups.get(&key).map(Vec::as_slice).unwrap_or_default();
            match groups.iter().find(|g| self.offered.contains(g)) {
                Some(group) => Some(*group),
                None if !groups.is_empty() => return Err(Problem::OwnerElsewhere(value.to_owned())),
                None => None,
            }
        };
        match found {
            Some(owner @ Owner::Role(_)) => Ok(owner),
            Some(owner) if self.offered.contains(&owner) => Ok(owner),
            Some(_) => Err(Problem::OwnerElsewhere(value.to_owned())),
            None => Err(Problem::UnknownOwner(value.to_owned())),
        }
    }
}

/// What is wrong with one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A shared input check failed; the message id from `validate`.
    Invalid(&'static str),
    UnknownOwner(String),
    /// A person or sub-group that is not of this group.
    OwnerElsewhere(String),
    BadDate(String),
    UnknownStatus(String),
}

pub type RowError = spreadsheet::RowError<Column, Problem>;

/// A valid row, ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedRow {
    pub topic: String,
    pub text: String,
    pub owners: Vec<Owner>,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    pub note: String,
}

pub type CheckedRow = spreadsheet::CheckedRow<ImportRow, PlannedRow, RowError>;

/// `2014-06-20` or `20/6/2014`; blank is none. Impossible dates are errors.
pub fn parse_due(typed: &str) -> Result<Option<NaiveDate>, Problem> {
    let value = typed.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let date = if let Some([y, m, d]) = spreadsheet::date_numbers(value, '-') {
        i32::try_from(y).ok().and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
    } else if let Some([d, m, y]) = spreadsheet::date_numbers(value, '/') {
        i32::try_from(y).ok().and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
    } else {
        None
    };
    date.filter(|d| (1900..=9999).contains(&chrono::Datelike::year(d)))
        .map(Some)
        .ok_or_else(|| Problem::BadDate(typed.to_owned()))
}

/// `open`, `in progress`, `done`, `dropped`, in any case; blank is open.
pub fn parse_status(value: &str) -> Option<ActionStatus> {
    spreadsheet::parse_code(value, ActionStatus::Open)
}

/// Checks one row.
fn check_row(row: &ImportRow, names: &OwnerNames) -> Result<PlannedRow, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut fail = |column, problem| errors.push(RowError { column, problem });
    let topic = validate::required(&row.topic, 200).map_err(|p| fail(Column::Topic, Problem::Invalid(p)));
    let text = validate::required(&row.action, 4000).map_err(|p| fail(Column::Action, Problem::Invalid(p)));
    let (owners, problems) = owners_of(&row.owners, names, true);
    for problem in problems {
        fail(Column::Owners, problem);
    }
    let due = parse_due(&row.due).map_err(|problem| fail(Column::Due, problem));
    let status =
        parse_status(&row.status).ok_or_else(|| fail(Column::Status, Problem::UnknownStatus(row.status.clone())));
    let note = validate::optional(&row.status_note, 4000).map_err(|p| fail(Column::StatusNote, Problem::Invalid(p)));
    match (topic, text, due, status, note) {
        (Ok(topic), Ok(text), Ok(due), Ok(status), Ok(note)) if errors.is_empty() => Ok(PlannedRow {
            topic,
            text,
            owners,
            due,
            status,
            note: note.unwrap_or_default(),
        }),
        _ => Err(errors),
    }
}

/// The owners a `;`-separated cell names, each once, and the problems of the
/// names that mean none here; an empty cell is a problem when `required`.
pub fn owners_of(cell: &str, names: &OwnerNames, required: bool) -> (Vec<Owner>, Vec<Problem>) {
    let mut owners = Vec::new();
    let mut problems = Vec::new();
    for value in cell.split(';').map(str::trim).filter(|v| !v.is_empty()) {
        match names.resolve(value) {
            Ok(owner) if !owners.contains(&owner) => owners.push(owner),
            Ok(_) => {}
            Err(problem) => problems.push(problem),
        }
    }
    if required && owners.is_empty() && problems.is_empty() {
        problems.push(Problem::Invalid("invalid-required"));
    }
    (owners, problems)
}

/// Every row, each with its plan or its problems.
pub fn check(rows: &[ImportRow], names: &OwnerNames) -> Vec<CheckedRow> {
    rows.iter()
        .map(|row| CheckedRow {
            source: row.clone(),
            outcome: check_row(row, names),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::spreadsheet::sheet_of as sheet;

    fn names() -> OwnerNames {
        OwnerNames {
            people: HashMap::from([
                ("omar@irc.org".to_owned(), Owner::User(1)),
                ("far@away.org".to_owned(), Owner::User(9)),
            ]),
            organizations: HashMap::from([
                ("irc".to_owned(), Owner::Organization(3)),
                ("international rescue committee".to_owned(), Owner::Organization(3)),
            ]),
            groups: HashMap::from([
                ("cm twg".to_owned(), vec![Owner::Group(5)]),
                ("other".to_owned(), vec![Owner::Group(8)]),
            ]),
            offered: vec![Owner::User(1), Owner::Organization(3), Owner::Group(5)],
        }
    }

    #[test]
    fn dates_are_iso_or_day_first_and_must_exist() {
        let d = |y, m, day| Ok(NaiveDate::from_ymd_opt(y, m, day));
        assert_eq!(parse_due("2014-06-20"), d(2014, 6, 20));
        assert_eq!(parse_due("20/6/2014"), d(2014, 6, 20));
        assert_eq!(parse_due(" "), Ok(None));
        assert_eq!(parse_due("2014-06-31"), Err(Problem::BadDate("2014-06-31".into())));
        assert_eq!(parse_due("31/6/2014"), Err(Problem::BadDate("31/6/2014".into())));
        assert_eq!(parse_due("31 June"), Err(Problem::BadDate("31 June".into())));
        assert_eq!(parse_due("June 20"), Err(Problem::BadDate("June 20".into())));
    }

    #[test]
    fn rows_name_their_problems_by_column() {
        let sheet = sheet(&[
            &["Topic", "ACTION", "Owners", "Due", "Status", "Status note", "#"],
            &[
                "Updates",
                "Share",
                "omar@irc.org; IRC; CM TWG; Coordinator; IM; members",
                "20/6/2014",
                "In progress",
                "Under way",
                "1",
            ],
            &[
                "",
                "Share",
                "far@away.org; nobody; other",
                "2014-06-31",
                "finished",
                "",
                "",
            ],
        ]);
        let rows = ImportRow::from_sheet(&sheet).unwrap();
        let checked = check(&rows, &names());
        let plan = checked[0].outcome.clone().unwrap();
        assert_eq!(plan.owners.len(), 6);
        assert_eq!(plan.status, ActionStatus::InProgress);
        assert_eq!(plan.note, "Under way");
        let errors = checked[1].outcome.clone().unwrap_err();
        assert_eq!(
            errors,
            vec![
                RowError {
                    column: Column::Topic,
                    problem: Problem::Invalid("invalid-required")
                },
                RowError {
                    column: Column::Owners,
                    problem: Problem::OwnerElsewhere("far@away.org".into())
                },
                RowError {
                    column: Column::Owners,
                    problem: Problem::UnknownOwner("nobody".into())
                },
                RowError {
                    column: Column::Owners,
                    problem: Problem::OwnerElsewhere("other".into())
                },
                RowError {
                    column: Column::Due,
                    problem: Problem::BadDate("2014-06-31".into())
                },
                RowError {
                    column: Column::Status,
                    problem: Problem::UnknownStatus("finished".into())
                },
            ]
        );
        assert_eq!(
            ImportRow::from_sheet(&sheet_rows_without_owners()),
            Err(HeaderError::Missing(vec![Column::Owners]))
        );
    }

    fn sheet_rows_without_owners() -> Vec<SheetRow> {
        sheet(&[&["topic", "action"], &["a", "b"]])
    }
}
