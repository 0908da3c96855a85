//! Importing members from a spreadsheet: the header row, and every row checked
//! against what the database already holds, before anything is written.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::directory::{parse_kind, parse_role};
use super::spreadsheet::{self, SheetColumn, SheetRecord, SheetRow};
use super::validate;
use super::{OrganizationKind, Role};

/// A column the import reads. Other columns (title, phone, since, until of an
/// export) are left alone, so an exported sheet can be imported again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    Email,
    Organization,
    OrganizationKind,
    Role,
    Group,
}

impl SheetColumn for Column {
    /// Either spelling of organisation.
    const NAMES: &'static [(Column, &'static str, &'static [&'static str])] = &[
        (Column::Name, "name", &["full name"]),
        (Column::Email, "email", &["e mail", "email address"]),
        (Column::Organization, "organisation", &["organization"]),
        (
            Column::OrganizationKind,
            "organisation kind",
            &["organization kind", "organisation type", "organization type"],
        ),
        (Column::Role, "role", &[]),
        (Column::Group, "group", &[]),
    ];
    const REQUIRED: &'static [Column] = &[Column::Name, Column::Email, Column::Role];
}

/// One data row of the sheet, trimmed. This is also what the preview hands to the
/// confirmation, which checks it all again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRow {
    /// The row's number in the sheet, header included.
    pub row: usize,
    pub name: String,
    pub email: String,
    pub organization: String,
    pub organization_kind: String,
    pub role: String,
    pub group: String,
}

impl ImportRow {
    pub fn get(&self, column: Column) -> &str {
        match column {
            Column::Name => &self.name,
            Column::Email => &self.email,
            Column::Organization => &self.organization,
            Column::OrganizationKind => &self.organization_kind,
            Column::Role => &self.role,
            Column::Group => &self.group,
        }
    }
}

/// A header row that cannot be used.
pub type HeaderError = spreadsheet::HeaderError<Column>;

impl SheetRecord for ImportRow {
    type Column = Column;

    fn from_sheet(sheet: &[SheetRow]) -> Result<Vec<ImportRow>, HeaderError> {
        spreadsheet::records(sheet, |row, cell| ImportRow {
            row,
            name: cell(Column::Name),
            email: cell(Column::Email),
            organization: cell(Column::Organization),
            organization_kind: cell(Column::OrganizationKind),
            role: cell(Column::Role),
            group: cell(Column::Group),
        })
    }

    fn number(&self) -> usize {
        self.row
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownOrganization {
    pub id: i64,
    pub name: String,
    pub acronym: Option<String>,
    pub kind: OrganizationKind,
}

impl KnownOrganization {
    pub fn label(&self) -> &str {
        self.acronym.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownGroup {
    pub id: i64,
    pub short_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownPerson {
    pub id: i64,
    pub name: String,
}

/// What the database holds that the rows are checked against.
#[derive(Debug, Clone)]
pub struct ImportContext {
    /// The group imported into: rows with no group go here.
    pub group: KnownGroup,
    /// The group and every group below it: the groups a row may name.
    pub subtree: Vec<KnownGroup>,
    pub organizations: Vec<KnownOrganization>,
    /// Accounts with the rows' addresses, by lower-case address.
    pub people: HashMap<String, KnownPerson>,
    /// Memberships these people hold already in the subtree: (user, group, role).
    pub memberships: HashSet<(i64, i64, Role)>,
}

impl ImportContext {
    /// The organisation with this acronym or, failing that, this name, in any case.
    fn organization(&self, label: &str) -> Option<&KnownOrganization> {
        let wanted = label.to_lowercase();
        self.organizations
            .iter()
            .find(|o| o.acronym.as_ref().is_some_and(|a| a.to_lowercase() == wanted))
            .or_else(|| self.organizations.iter().find(|o| o.name.to_lowercase() == wanted))
    }
}

/// What is wrong with one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A shared input check failed; the message id from `validate`.
    Invalid(&'static str),
    UnknownKind {
        value: String,
    },
    /// A new organisation with no kind on any of its rows.
    KindNeeded {
        organization: String,
    },
    /// A new organisation given another kind on an earlier row.
    KindConflict {
        row: usize,
    },
    UnknownRole {
        value: String,
    },
    UnknownGroup {
        value: String,
        choices: Vec<String>,
    },
    /// Several groups below this one have that short name.
    AmbiguousGroup {
        value: String,
    },
    /// The same person, group and role as an earlier row.
    Duplicate {
        row: usize,
    },
    /// A new person given another name on an earlier row.
    OtherName {
        row: usize,
        name: String,
    },
    /// A new person given another organisation on an earlier row.
    OtherOrganization {
        row: usize,
    },
}

pub type RowError = spreadsheet::RowError<Column, Problem>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonPlan {
    Existing { id: i64, name: String },
    New,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrganizationPlan {
    None,
    Existing { id: i64, label: String },
    New { name: String, kind: OrganizationKind },
}

/// What importing a valid row does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedRow {
    pub row: usize,
    pub name: String,
    pub email: String,
    pub person: PersonPlan,
    /// For a new person, their organisation. An existing person's profile is kept as
    /// it is; a new organisation named on their row is still added.
    pub organization: OrganizationPlan,
    pub group_id: i64,
    pub group: String,
    pub role: Role,
    /// The person holds this role in this group already; the row changes nothing.
    pub already_member: bool,
}

pub type CheckedRow = spreadsheet::CheckedRow<ImportRow, PlannedRow, RowError>;

/// How many of each thing an import adds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub people: usize,
    pub organizations: usize,
    pub memberships: usize,
    /// Rows whose membership existed already.
    pub unchanged: usize,
}

impl Counts {
    /// What importing `rows` would add, counting the valid ones.
    pub fn of(rows: &[CheckedRow]) -> Counts {
        let mut people = HashSet::new();
        let mut organizations = HashSet::new();
        let mut counts = Counts::default();
        for plan in rows.iter().filter_map(|r| r.outcome.as_ref().ok()) {
            if plan.person == PersonPlan::New {
                people.insert(plan.email.to_lowercase());
            }
            if let OrganizationPlan::New { name, .. } = &plan.organization {
                organizations.insert(name.to_lowercase());
            }
            if plan.already_member {
                counts.unchanged += 1;
            } else {
                counts.memberships += 1;
            }
        }
        counts.people = people.len();
        counts.organizations = organizations.len();
        counts
    }
}

const NAME_MAX: usize = 200;

/// A new organisation as the file describes it: the spelling of the first row that
/// names it, and the first valid kind given on any of its rows (with that row).
struct NewOrganization {
    name: String,
    kind: Option<(usize, OrganizationKind)>,
}

fn new_organizations(rows: &[ImportRow], ctx: &ImportContext) -> HashMap<String, NewOrganization> {
    let mut found: HashMap<String, NewOrganization> = HashMap::new();
    for row in rows {
        if row.organization.is_empty() || ctx.organization(&row.organization).is_some() {
            continue;
        }
        let entry = found
            .entry(row.organization.to_lowercase())
            .or_insert_with(|| NewOrganization {
                name: row.organization.clone(),
                kind: None,
            });
        if entry.kind.is_none() {
            entry.kind = parse_kind(&row.organization_kind).map(|k| (row.row, k));
        }
    }
    found
}

/// Checks every row against `ctx` and against the rows before it.
pub fn check(rows: &[ImportRow], ctx: &ImportContext) -> Vec<CheckedRow> {
    let new_organizations = new_organizations(rows, ctx);
    let mut seen: HashMap<(String, i64, Role), usize> = HashMap::new();
    // New people by address: the row that first names them, their name and organisation.
    let mut newcomers: HashMap<String, (usize, String, String)> = HashMap::new();
    rows.iter()
        .map(|source| {
            let mut errors = Vec::new();
            let mut fail = |column, problem| errors.push(RowError { column, problem });

            let name = validate::required(&source.name, NAME_MAX)
                .map_err(|id| fail(Column::Name, Problem::Invalid(id)))
                .ok();
            let email = validate::email(&source.email)
                .map_err(|id| fail(Column::Email, Problem::Invalid(id)))
                .ok();

            let kind = if source.organization_kind.is_empty() {
                None
            } else {
                parse_kind(&source.organization_kind).or_else(|| {
                    fail(
                        Column::OrganizationKind,
                        Problem::UnknownKind {
                            value: source.organization_kind.clone(),
                        },
                    );
                    None
                })
            };
            let organization = if source.organization.is_empty() {
                Some(OrganizationPlan::None)
            } else if let Some(known) = ctx.organization(&source.organization) {
                Some(OrganizationPlan::Existing {
                    id: known.id,
                    label: known.label().to_owned(),
                })
            } else if source.organization.chars().count() > NAME_MAX {
                fail(Column::Organization, Problem::Invalid("invalid-too-long"));
                None
            } else {
                match new_organizations
                    .get(&source.organization.to_lowercase())
                    .and_then(|o| o.kind.map(|k| (&o.name, k)))
                {
                    Some((_, (first, first_kind))) if kind.is_some_and(|k| k != first_kind) => {
                        fail(Column::OrganizationKind, Problem::KindConflict { row: first });
                        None
                    }
                    Some((name, (_, first_kind))) => Some(OrganizationPlan::New {
                        name: name.clone(),
                        kind: first_kind,
                    }),
                    // A wrong kind is reported already; no kind at all is reported here.
                    None if !source.organization_kind.is_empty() => None,
                    None => {
                        fail(
                            Column::OrganizationKind,
                            Problem::KindNeeded {
                                organization: source.organization.clone(),
                            },
                        );
                        None
                    }
                }
            };

            let role = if source.role.is_empty() {
                fail(Column::Role, Problem::Invalid("invalid-required"));
                None
            } else {
                parse_role(&source.role).or_else(|| {
                    fail(
                        Column::Role,
                        Problem::UnknownRole {
                            value: source.role.clone(),
                        },
                    );
                    None
                })
            };

            let group = if source.group.is_empty() {
                Some(&ctx.group)
            } else {
                let wanted = source.group.to_lowercase();
                let matches: Vec<&KnownGroup> = ctx
                    .subtree
                    .iter()
                    .filter(|g| g.short_name.to_lowercase() == wanted)
                    .collect();
                match matches.as_slice() {
                    [one] => Some(*one),
                    [] => {
                        fail(
                            Column::Group,
                            Problem::UnknownGroup {
                                value: source.group.clone(),
                                choices: ctx.subtree.iter().map(|g| g.short_name.clone()).collect(),
                            },
                        );
                        None
                    }
                    _ => {
                        fail(
                            Column::Group,
                            Problem::AmbiguousGroup {
                                value: source.group.clone(),
                            },
                        );
                        None
                    }
                }
            };

            let key = email.as_ref().map(|e| e.to_lowercase());
            let person = key.as_ref().map(|k| match ctx.people.get(k) {
                Some(known) => PersonPlan::Existing {
                    id: known.id,
                    name: known.name.clone(),
                },
                None => PersonPlan::New,
            });

            // A new person is described the same way on each of their rows.
            if let (Some(key), Some(PersonPlan::New), Some(name)) = (&key, &person, &name) {
                let org_key = source.organization.to_lowercase();
                match newcomers.get(key) {
                    Some((first, first_name, _)) if first_name.to_lowercase() != name.to_lowercase() => fail(
                        Column::Name,
                        Problem::OtherName {
                            row: *first,
                            name: first_name.clone(),
                        },
                    ),
                    Some((first, _, first_org)) if *first_org != org_key => {
                        fail(Column::Organization, Problem::OtherOrganization { row: *first })
                    }
                    Some(_) => {}
                    None => {
                        newcomers.insert(key.clone(), (source.row, name.clone(), org_key));
                    }
                }
            }

            if let (Some(key), Some(group), Some(role)) = (&key, group, role) {
                match seen.get(&(key.clone(), group.id, role)) {
                    Some(first) => fail(Column::Email, Problem::Duplicate { row: *first }),
                    None => {
                        seen.insert((key.clone(), group.id, role), source.row);
                    }
                }
            }

            let outcome = match (name, email, person, organization, group, role) {
                (Some(name), Some(email), Some(person), Some(organization), Some(group), Some(role))
                    if errors.is_empty() =>
                {
                    let already_member = match &person {
                        PersonPlan::Existing { id, .. } => ctx.memberships.contains(&(*id, group.id, role)),
                        PersonPlan::New => false,
                    };
                    Ok(PlannedRow {
                        row: source.row,
                        name,
                        email,
                        person,
                        organization,
                        group_id: group.id,
                        group: group.short_name.clone(),
                        role,
                        already_member,
                    })
                }
                _ => Err(errors),
            };
            CheckedRow {
                source: source.clone(),
                outcome,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::spreadsheet::sheet_of as sheet;

    const WG: i64 = 1;
    const CM: i64 = 2;
    const UNICEF: i64 = 10;
    const IRC: i64 = 11;
    const OMAR: i64 = 100;

    fn ctx() -> ImportContext {
        let wg = KnownGroup {
            id: WG,
            short_name: "CPiE WG".into(),
        };
        ImportContext {
            subtree: vec![
                wg.clone(),
                KnownGroup {
                    id: CM,
                    short_name: "CM TWG".into(),
                },
            ],
            group: wg,
            organizations: vec![
                KnownOrganization {
                    id: UNICEF,
                    name: "United Nations Children's Fund".into(),
                    acronym: Some("UNICEF".into()),
                    kind: OrganizationKind::UnAgency,
                },
                KnownOrganization {
                    id: IRC,
                    name: "International Rescue Committee".into(),
                    acronym: Some("IRC".into()),
                    kind: OrganizationKind::Ingo,
                },
            ],
            people: HashMap::from([(
                "member@example.org".to_owned(),
                KnownPerson {
                    id: OMAR,
                    name: "Omar Farah".into(),
                },
            )]),
            memberships: HashSet::from([(OMAR, WG, Role::Member)]),
        }
    }

    fn row(n: usize, cells: [&str; 6]) -> ImportRow {
        let [name, email, organization, organization_kind, role, group] = cells.map(str::to_owned);
        ImportRow {
            row: n,
            name,
            email,
            organization,
            organization_kind,
            role,
            group,
        }
    }

    fn errors(check: &[CheckedRow], n: usize) -> Vec<RowError> {
        check
            .iter()
            .find(|r| r.source.row == n)
            .and_then(|r| r.outcome.clone().err())
            .unwrap_or_default()
    }

    #[test]
    fn the_header_names_the_columns_in_any_case_and_order() {
        let rows = ImportRow::from_sheet(&sheet(&[
            &[
                "Role",
                " E-mail ",
                "Organization Kind",
                "NAME",
                "title",
                "Organisation",
                "group",
            ],
            &["member", " a@b.org ", "ingo", "Ana", "Officer", "IRC", ""],
            &["observer", "c@d.org"],
        ]))
        .unwrap();
        assert_eq!(rows[0], row(2, ["Ana", "a@b.org", "IRC", "ingo", "member", ""]));
        assert_eq!(rows[1], row(3, ["", "c@d.org", "", "", "observer", ""]));
        // Without organisation or group columns, the rows have neither.
        let rows = ImportRow::from_sheet(&sheet(&[&["name", "email", "role"], &["Ana", "a@b.org", "member"]])).unwrap();
        assert_eq!(rows[0], row(2, ["Ana", "a@b.org", "", "", "member", ""]));
    }

    #[test]
    fn a_sheet_without_a_usable_header_is_refused() {
        assert_eq!(
            ImportRow::from_sheet(&sheet(&[&["Ana", "a@b.org", "member"], &["Bo", "b@c.org", "member"]])),
            Err(HeaderError::Missing(vec![Column::Name, Column::Email, Column::Role]))
        );
        assert_eq!(
            ImportRow::from_sheet(&sheet(&[&["name", "email", "role", "Email"], &["x"]])),
            Err(HeaderError::Repeated(Column::Email))
        );
        assert_eq!(
            ImportRow::from_sheet(&sheet(&[&["name", "email", "role"]])),
            Err(HeaderError::NoRows)
        );
        assert_eq!(ImportRow::from_sheet(&[]), Err(HeaderError::NoRows));
    }

    #[test]
    fn valid_rows_are_planned() {
        let rows = [
            row(2, ["Rima Saad", "rima@kafa.org", "KAFA", "NNGO", "member", ""]),
            row(3, ["Rima Saad", "RIMA@kafa.org", "kafa", "", "Co-Chair", "cm twg"]),
            row(4, ["Omar F.", "member@example.org", "UNICEF", "", "member", "CPiE WG"]),
            row(
                5,
                [
                    "Ziad",
                    "ziad@unicef.org",
                    "United Nations Children's Fund",
                    "",
                    "IM officer",
                    "",
                ],
            ),
            row(6, ["Lone", "lone@example.org", "", "", "observer", ""]),
        ];
        let check = check(&rows, &ctx());
        assert!(check.iter().all(|r| r.outcome.is_ok()), "{check:#?}");
        let plans = spreadsheet::plans(&check).unwrap();
        assert_eq!(
            *plans[0],
            PlannedRow {
                row: 2,
                name: "Rima Saad".into(),
                email: "rima@kafa.org".into(),
                person: PersonPlan::New,
                organization: OrganizationPlan::New {
                    name: "KAFA".into(),
                    kind: OrganizationKind::Nngo
                },
                group_id: WG,
                group: "CPiE WG".into(),
                role: Role::Member,
                already_member: false,
            }
        );
        // The kind given on an earlier row serves the later ones.
        assert_eq!(
            plans[1].organization,
            OrganizationPlan::New {
                name: "KAFA".into(),
                kind: OrganizationKind::Nngo
            }
        );
        assert_eq!((plans[1].group_id, plans[1].role), (CM, Role::CoChair));
        assert_eq!(
            plans[2].person,
            PersonPlan::Existing {
                id: OMAR,
                name: "Omar Farah".into()
            }
        );
        assert!(plans[2].already_member);
        assert_eq!(
            plans[3].organization,
            OrganizationPlan::Existing {
                id: UNICEF,
                label: "UNICEF".into()
            }
        );
        assert_eq!(plans[4].organization, OrganizationPlan::None);
        assert_eq!(
            Counts::of(&check),
            Counts {
                people: 3,
                organizations: 1,
                memberships: 4,
                unchanged: 1
            }
        );
    }

    #[test]
    fn each_bad_cell_is_named_with_its_reason() {
        let rows = [
            row(2, ["", "not-an-email", "IRC", "", "member", ""]),
            row(3, ["Sami", "sami@x.org", "Himaya", "charity", "member", ""]),
            row(4, ["Sami", "sami@x.org", "Nabaa", "", "observer", ""]),
            row(5, ["Dana", "dana@x.org", "IRC", "", "chair", "Beirut hub"]),
            row(6, ["Dana", "DANA@x.org", "IRC", "", "member", ""]),
            row(7, ["Dana", "dana@x.org", "IRC", "", "Member", "cpie wg"]),
            row(8, ["Dina", "dana@x.org", "IRC", "", "observer", ""]),
            row(9, ["Dana", "dana@x.org", "UNICEF", "", "observer", "CM TWG"]),
            row(10, ["Tala", "tala@x.org", "Nabaa", "nngo", "member", ""]),
            row(11, ["Tala", "tala@x.org", "Nabaa", "ingo", "observer", ""]),
        ];
        let check = check(&rows, &ctx());
        assert!(check.iter().any(|r| r.outcome.is_err()));
        let error = |column, problem| RowError { column, problem };
        assert_eq!(
            errors(&check, 2),
            [
                error(Column::Name, Problem::Invalid("invalid-required")),
                error(Column::Email, Problem::Invalid("invalid-email")),
            ]
        );
        assert_eq!(
            errors(&check, 3),
            [error(
                Column::OrganizationKind,
                Problem::UnknownKind {
                    value: "charity".into()
                }
            )]
        );
        // Nabaa gets its kind on row 10, so row 4 is fine on that count; but it gives
        // Sami another organisation than row 3 did.
        assert_eq!(
            errors(&check, 4),
            [error(Column::Organization, Problem::OtherOrganization { row: 3 })]
        );
        assert_eq!(
            errors(&check, 5),
            [
                error(Column::Role, Problem::UnknownRole { value: "chair".into() }),
                error(
                    Column::Group,
                    Problem::UnknownGroup {
                        value: "Beirut hub".into(),
                        choices: vec!["CPiE WG".into(), "CM TWG".into()]
                    }
                ),
            ]
        );
        assert_eq!(errors(&check, 6), []);
        assert_eq!(errors(&check, 7), [error(Column::Email, Problem::Duplicate { row: 6 })]);
        assert_eq!(
            errors(&check, 8),
            [error(
                Column::Name,
                Problem::OtherName {
                    row: 5,
                    name: "Dana".into()
                }
            )]
        );
        assert_eq!(
            errors(&check, 9),
            [error(Column::Organization, Problem::OtherOrganization { row: 5 })]
        );
        assert_eq!(errors(&check, 10), []);
        assert_eq!(
            errors(&check, 11),
            [error(Column::OrganizationKind, Problem::KindConflict { row: 10 })]
        );
        assert_eq!(check.iter().filter(|r| r.outcome.is_err()).count(), 8);
        assert!(spreadsheet::plans(&check).is_none());
    }

    #[test]
    fn a_new_organisation_needs_a_kind_somewhere() {
        let rows = [row(2, ["Sami", "sami@x.org", "Nabaa", "", "member", ""])];
        assert_eq!(
            errors(&check(&rows, &ctx()), 2),
            [RowError {
                column: Column::OrganizationKind,
                problem: Problem::KindNeeded {
                    organization: "Nabaa".into()
                }
            }]
        );
    }

    #[test]
    fn a_group_name_shared_by_two_subgroups_is_ambiguous() {
        let mut ctx = ctx();
        ctx.subtree.push(KnownGroup {
            id: 3,
            short_name: "cm twg".into(),
        });
        let rows = [row(2, ["Sami", "sami@x.org", "", "", "member", "CM TWG"])];
        assert_eq!(
            errors(&check(&rows, &ctx), 2),
            [RowError {
                column: Column::Group,
                problem: Problem::AmbiguousGroup { value: "CM TWG".into() }
            }]
        );
    }
}
