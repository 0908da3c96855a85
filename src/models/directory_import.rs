//! Importing members into a group: what the rows are checked against, and writing them.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::groups::{self, Group};
use super::import::{Import, Importer};
use super::lower;
use super::memberships::NewMembership;
use super::organizations::{self, NewOrganization};
use crate::domain::directory_import::{
    CheckedRow, Counts, ImportContext, ImportRow, KnownGroup, KnownOrganization, KnownPerson, OrganizationPlan,
    PersonPlan, PlannedRow, Problem, check,
};
use crate::domain::{OrganizationKind, Role};
use crate::schema::{memberships, users};

/// What the database holds that matters to these rows: the group's subtree, the
/// organisations, the accounts with the rows' addresses and their memberships there.
pub async fn context(conn: &mut AsyncPgConnection, group: &Group, rows: &[ImportRow]) -> QueryResult<ImportContext> {
    let subtree_ids = groups::subtree_ids(conn, group.id).await?;
    let mut subtree: Vec<KnownGroup> = groups::short_names(conn, &subtree_ids)
        .await?
        .into_iter()
        .map(|(id, short_name)| KnownGroup { id, short_name })
        .collect();
    // The group itself first, where people look for it among the choices.
    subtree.sort_by_key(|g| g.id != group.id);
    let organizations = organizations::list(conn)
        .await?
        .into_iter()
        .map(|o| KnownOrganization {
            id: o.id,
            name: o.name,
            acronym: o.acronym,
            kind: o.kind,
        })
        .collect();
    let emails: Vec<String> = rows.iter().map(|r| r.email.trim().to_lowercase()).collect();
    let found: Vec<(i64, String, String)> = users::table
        .filter(lower(users::email).eq_any(&emails))
        .select((users::id, users::email, users::name))
        .load(conn)
        .await?;
    let user_ids: Vec<i64> = found.iter().map(|(id, _, _)| *id).collect();
    let people = found
        .into_iter()
        .map(|(id, email, name)| (email.to_lowercase(), KnownPerson { id, name }))
        .collect();
    let memberships: HashSet<(i64, i64, Role)> = memberships::table
        .filter(memberships::user_id.eq_any(&user_ids))
        .filter(memberships::group_id.eq_any(&subtree_ids))
        .select((memberships::user_id, memberships::group_id, memberships::role))
        .load(conn)
        .await?
        .into_iter()
        .collect();
    Ok(ImportContext {
        group: KnownGroup {
            id: group.id,
            short_name: group.short_name.clone(),
        },
        subtree,
        organizations,
        people,
        memberships,
    })
}

/// Members from a sheet. New people get no password and the group's time zone; new
/// memberships start on the day of the import in the group's time zone; a membership
/// that exists is left as it is.
pub struct DirectoryImport;

impl Import for DirectoryImport {
    type Row = ImportRow;
    type Problem = Problem;
    type Plan = PlannedRow;
    type Outcome = Counts;
    /// The short names a row's group may take: the group's own first.
    type Choices = Vec<String>;

    async fn choices(conn: &mut AsyncPgConnection, group: &Group) -> QueryResult<Vec<String>> {
        let ids = groups::subtree_ids(conn, group.id).await?;
        let mut names = groups::short_names(conn, &ids).await?;
        names.sort_by_key(|(id, _)| *id != group.id);
        Ok(names.into_iter().map(|(_, name)| name).collect())
    }

    async fn check(conn: &mut AsyncPgConnection, group: &Group, rows: &[ImportRow]) -> QueryResult<Vec<CheckedRow>> {
        let ctx = context(conn, group, rows).await?;
        Ok(check(rows, &ctx))
    }

    async fn write(
        conn: &mut AsyncPgConnection,
        group: &Group,
        plans: &[&PlannedRow],
        by: &Importer,
    ) -> QueryResult<Counts> {
        let today = by.at.with_timezone(&group.tz()).date_naive();
        write(conn, plans, &group.time_zone, today).await
    }
}

async fn write(
    conn: &mut AsyncPgConnection,
    plans: &[&PlannedRow],
    time_zone: &str,
    today: NaiveDate,
) -> QueryResult<Counts> {
    let mut counts = Counts::default();
    let mut new_organizations: HashMap<String, i64> = HashMap::new();
    let mut new_people: HashMap<String, i64> = HashMap::new();
    for plan in plans {
        let organization_id = match &plan.organization {
            OrganizationPlan::None => None,
            OrganizationPlan::Existing { id, .. } => Some(*id),
            OrganizationPlan::New { name, kind } => match new_organizations.get(&name.to_lowercase()) {
                Some(id) => Some(*id),
                None => {
                    let (id, created) = add_organization(conn, name, *kind).await?;
                    counts.organizations += usize::from(created);
                    new_organizations.insert(name.to_lowercase(), id);
                    Some(id)
                }
            },
        };
        let user_id = match &plan.person {
            PersonPlan::Existing { id, .. } => *id,
            PersonPlan::New => match new_people.get(&plan.email.to_lowercase()) {
                Some(id) => *id,
                None => {
                    let (id, created) = add_person(conn, plan, organization_id, time_zone).await?;
                    counts.people += usize::from(created);
                    new_people.insert(plan.email.to_lowercase(), id);
                    id
                }
            },
        };
        let added = NewMembership {
            group_id: plan.group_id,
            user_id,
            role: plan.role,
            since: today,
            // A co-chair's rotation ends by itself, as when added by hand.
            until: crate::domain::terms::end(plan.role, today, None).unwrap_or(None),
        }
        .insert_if_missing(conn)
        .await?;
        if added {
            counts.memberships += 1;
        } else {
            counts.unchanged += 1;
        }
    }
    Ok(counts)
}

/// The organisation's id, and whether it was added now (another import may have
/// added it since the rows were checked; a conflict does not abort the transaction).
async fn add_organization(
    conn: &mut AsyncPgConnection,
    name: &str,
    kind: OrganizationKind,
) -> QueryResult<(i64, bool)> {
    let inserted = diesel::insert_into(crate::schema::organizations::table)
        .values(NewOrganization {
            name,
            acronym: None,
            kind,
        })
        .on_conflict_do_nothing()
        .returning(crate::schema::organizations::id)
        .get_result::<i64>(conn)
        .await
        .optional()?;
    match inserted {
        Some(id) => Ok((id, true)),
        None => {
            let existing = organizations::find_by_label(conn, name).await?;
            existing.map(|o| (o.id, false)).ok_or(diesel::result::Error::NotFound)
        }
    }
}

async fn add_person(
    conn: &mut AsyncPgConnection,
    plan: &PlannedRow,
    organization_id: Option<i64>,
    time_zone: &str,
) -> QueryResult<(i64, bool)> {
    let inserted = diesel::insert_into(users::table)
        .values((
            users::email.eq(&plan.email),
            users::name.eq(&plan.name),
            users::organization_id.eq(organization_id),
            users::time_zone.eq(time_zone),
        ))
        .on_conflict_do_nothing()
        .returning(users::id)
        .get_result::<i64>(conn)
        .await
        .optional()?;
    match inserted {
        Some(id) => Ok((id, true)),
        None => super::users::find_id_by_email(conn, &plan.email)
            .await?
            .map(|id| (id, false))
            .ok_or(diesel::result::Error::NotFound),
    }
}
