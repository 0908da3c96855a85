//! Who came to a meeting: the group's members marked present or with apologies, and
//! guests by name and organisation.

use chrono::Utc;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Nullable, Text};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

use crate::domain::AttendanceStatus;
use crate::models::meetings::{self, EditError};
use crate::schema::attendance;

/// A member of the group, and how they were marked (`None`: not recorded).
#[derive(Debug, Clone, QueryableByName, serde::Serialize, utoipa::ToSchema)]
pub struct MemberMark {
    #[diesel(sql_type = BigInt)]
    pub user_id: i64,
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub organization: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub status: Option<AttendanceStatus>,
}

/// The group's current members (and anyone else already marked), by name.
pub async fn members(conn: &mut AsyncPgConnection, meeting_id: i64) -> QueryResult<Vec<MemberMark>> {
    diesel::sql_query(
        "SELECT u.id AS user_id, u.name, coalesce(o.acronym, o.name) AS organization, a.status \
         FROM users u \
         LEFT JOIN organizations o ON o.id = u.organization_id \
         LEFT JOIN attendance a ON a.meeting_id = $1 AND a.user_id = u.id \
         WHERE a.id IS NOT NULL OR u.id IN ( \
             SELECT ms.user_id FROM memberships ms JOIN meetings m ON m.group_id = ms.group_id \
             WHERE m.id = $1 AND ms.since <= $2 AND (ms.until IS NULL OR ms.until >= $2)) \
         ORDER BY u.name, u.id",
    )
    .bind::<BigInt, _>(meeting_id)
    .bind::<Date, _>(Utc::now().date_naive())
    .load(conn)
    .await
}

/// A guest, named as they gave their name.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize, utoipa::ToSchema)]
#[diesel(table_name = attendance)]
pub struct Guest {
    pub id: i64,
    #[diesel(select_expression = attendance::guest_name.assume_not_null())]
    pub name: String,
    #[diesel(column_name = guest_organization)]
    pub organization: Option<String>,
    pub status: AttendanceStatus,
}

pub async fn guests(conn: &mut AsyncPgConnection, meeting_id: i64) -> QueryResult<Vec<Guest>> {
    attendance::table
        .filter(attendance::meeting_id.eq(meeting_id))
        .filter(attendance::guest_name.is_not_null())
        .order((attendance::guest_name, attendance::id))
        .select(Guest::as_select())
        .load(conn)
        .await
}

/// Records members' marks; `None` removes a mark. Only the group's members (or
/// people already marked) may be marked: anyone else is not found.
pub async fn mark_members(
    conn: &mut AsyncPgConnection,
    meeting_id: i64,
    marks: &[(i64, Option<AttendanceStatus>)],
) -> Result<(), EditError> {
    conn.transaction(async |conn| {
        meetings::lock_editable(conn, meeting_id).await?;
        let known = members(conn, meeting_id).await?;
        for (user_id, status) in marks {
            let Some(member) = known.iter().find(|m| m.user_id == *user_id) else {
                return Err(EditError::NotFound);
            };
            if member.status == *status {
                continue;
            }
            // Replaced rather than updated, so the row's time tells live screens to refresh.
            diesel::delete(
                attendance::table
                    .filter(attendance::meeting_id.eq(meeting_id))
                    .filter(attendance::user_id.eq(user_id)),
            )
            .execute(conn)
            .await?;
            if let Some(status) = status {
                diesel::insert_into(attendance::table)
                    .values((
                        attendance::meeting_id.eq(meeting_id),
                        attendance::user_id.eq(user_id),
                        attendance::status.eq(status),
                    ))
                    .execute(conn)
                    .await?;
            }
        }
        Ok(())
    })
    .await
}

pub async fn add_guest(
    conn: &mut AsyncPgConnection,
    meeting_id: i64,
    name: &str,
    organization: Option<&str>,
) -> Result<Guest, EditError> {
    conn.transaction(async |conn| {
        meetings::lock_editable(conn, meeting_id).await?;
        let guest = diesel::insert_into(attendance::table)
            .values((
                attendance::meeting_id.eq(meeting_id),
                attendance::guest_name.eq(name),
                attendance::guest_organization.eq(organization),
                attendance::status.eq(AttendanceStatus::Present),
            ))
            .returning(Guest::as_returning())
            .get_result(conn)
            .await?;
        Ok(guest)
    })
    .await
}

/// Removes a guest of this meeting; a member's row or another meeting's is not found.
pub async fn remove_guest(conn: &mut AsyncPgConnection, meeting_id: i64, guest_id: i64) -> Result<(), EditError> {
    conn.transaction(async |conn| {
        meetings::lock_editable(conn, meeting_id).await?;
        let removed = diesel::delete(
            attendance::table
                .filter(attendance::meeting_id.eq(meeting_id))
                .filter(attendance::id.eq(guest_id))
                .filter(attendance::guest_name.is_not_null()),
        )
        .execute(conn)
        .await?;
        if removed == 0 {
            return Err(EditError::NotFound);
        }
        Ok(())
    })
    .await
}
