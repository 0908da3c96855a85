//! Importing action points into a group: the names the rows' owners are looked up
//! in, and writing the rows as new items.

use std::collections::HashMap;

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::action_points::{NewActionPoint, StatusChange, change_status};
use super::import::{Import, Importer};
use super::lower;
use super::owners::{self, Owner};
use super::{groups::Group, organizations};
use crate::domain::action_point_import::{CheckedRow, ImportRow, OwnerNames, PlannedRow, Problem, check};
use crate::domain::{ActionStatus, UpdateVia};
use crate::schema::{groups, users};

/// What the owner cells may name: the accounts with the addresses they give (and,
/// when `by_name`, the people the group offers by their names), every organisation
/// and group by name, and the owners the group offers.
pub async fn owner_names<'a>(
    conn: &mut AsyncPgConnection,
    group: &Group,
    cells: impl Iterator<Item = &'a str>,
    by_name: bool,
) -> QueryResult<OwnerNames> {
    let emails: Vec<String> = cells
        .flat_map(|cell| cell.split(';'))
        .map(|v| v.trim().to_lowercase())
        .filter(|v| v.contains('@'))
        .collect();
    let mut people: HashMap<String, Owner> = users::table
        .filter(lower(users::email).eq_any(&emails))
        .select((users::id, users::email))
        .load::<(i64, String)>(conn)
        .await?
        .into_iter()
        .map(|(id, email)| (email.to_lowercase(), Owner::User(id)))
        .collect();
    let mut organizations_by_name = HashMap::new();
    for organization in organizations::list(conn).await? {
        let owner = Owner::Organization(organization.id);
        organizations_by_name.insert(organization.name.to_lowercase(), owner);
        if let Some(acronym) = &organization.acronym {
            organizations_by_name.insert(acronym.to_lowercase(), owner);
        }
    }
    let mut groups_by_name: HashMap<String, Vec<Owner>> = HashMap::new();
    for (id, short_name) in groups::table
        .select((groups::id, groups::short_name))
        .load::<(i64, String)>(conn)
        .await?
    {
        groups_by_name
            .entry(short_name.to_lowercase())
            .or_default()
            .push(Owner::Group(id));
    }
    let offered: Vec<Owner> = owners::offered(conn, group.id)
        .await?
        .into_iter()
        .map(|(owner, _)| owner)
        .collect();
    if by_name {
        let ids: Vec<i64> = offered
            .iter()
            .filter_map(|o| if let Owner::User(id) = o { Some(*id) } else { None })
            .collect();
        for (id, name) in users::table
            .filter(users::id.eq_any(&ids))
            .select((users::id, users::name))
            .load::<(i64, String)>(conn)
            .await?
        {
            people.entry(name.to_lowercase()).or_insert(Owner::User(id));
        }
    }
    Ok(OwnerNames {
        people,
        organizations: organizations_by_name,
        groups: groups_by_name,
        offered,
    })
}

/// Action points from a sheet, each added as a new item (with its status, when not open).
pub struct ActionPointImport;

impl Import for ActionPointImport {
    type Row = ImportRow;
    type Problem = Problem;
    type Plan = PlannedRow;
    /// How many items were added.
    type Outcome = usize;
    type Choices = ();

    async fn check(conn: &mut AsyncPgConnection, group: &Group, rows: &[ImportRow]) -> QueryResult<Vec<CheckedRow>> {
        let names = owner_names(conn, group, rows.iter().map(|r| r.owners.as_str()), false).await?;
        Ok(check(rows, &names))
    }

    async fn write(
        conn: &mut AsyncPgConnection,
        group: &Group,
        plans: &[&PlannedRow],
        by: &Importer,
    ) -> QueryResult<usize> {
        for plan in plans {
            let id = NewActionPoint {
                group_id: group.id,
                meeting_id: None,
                agenda_item_id: None,
                topic: &plan.topic,
                text: &plan.text,
                due_date: plan.due,
                restricted: false,
                created_by: Some(by.user_id),
                created_at: by.at,
                owners: &plan.owners,
                via: UpdateVia::Import,
            }
            .insert(conn)
            .await?;
            if plan.status != ActionStatus::Open || !plan.note.is_empty() {
                let change = StatusChange {
                    status: plan.status,
                    note: &plan.note,
                    user_id: Some(by.user_id),
                    meeting_id: None,
                    via: UpdateVia::Import,
                    at: by.at,
                };
                change_status(conn, id, &change).await?;
            }
        }
        Ok(plans.len())
    }
}
