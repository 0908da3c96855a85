use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Serialize;

use super::lower;
use crate::domain::OrganizationKind;
use crate::schema::organizations;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable, Serialize)]
#[diesel(table_name = organizations)]
pub struct Organization {
    pub id: i64,
    pub name: String,
    pub acronym: Option<String>,
    pub kind: OrganizationKind,
    pub created_at: DateTime<Utc>,
}

impl Organization {
    /// The short form people use in tables: the acronym when there is one.
    pub fn label(&self) -> &str {
        self.acronym.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = organizations)]
pub struct NewOrganization<'a> {
    pub name: &'a str,
    pub acronym: Option<&'a str>,
    pub kind: OrganizationKind,
}

impl NewOrganization<'_> {
    /// Inserts the organisation unless one of the same name (any case) exists; returns its id.
    pub async fn find_or_create(&self, conn: &mut AsyncPgConnection) -> QueryResult<i64> {
        let existing = organizations::table
            .filter(lower(organizations::name).eq(lower(self.name)))
            .select(organizations::id)
            .first::<i64>(conn)
            .await
            .optional()?;
        match existing {
            Some(id) => Ok(id),
            None => {
                diesel::insert_into(organizations::table)
                    .values(self)
                    .returning(organizations::id)
                    .get_result(conn)
                    .await
            }
        }
    }
}
