//! Who came to a meeting: members' marks, guests, and the count present per kind of
//! organisation.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, web};
use diesel_async::AsyncPgConnection;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ApiUser;
use super::input::{ApiJson, created, field};
use crate::domain::policy::Action;
use crate::domain::{AttendanceStatus, validate};
use crate::i18n::Locale;
use crate::models::attendance::{self, Guest, MemberMark};
use crate::models::meetings;
use crate::web::AppState;
use crate::web::error::{AppError, AppResult};
use crate::web::routes::meetings::meeting_for;

#[derive(Serialize, ToSchema)]
pub struct AttendanceEntry {
    /// The group's members (and anyone marked), with `status` null when not recorded.
    members: Vec<MemberMark>,
    guests: Vec<Guest>,
    /// People present per kind of organisation (`un_agency`, `ingo`, …; `none` for
    /// guests and people without an organisation).
    #[schema(example = json!({"un_agency": 3, "ingo": 5, "none": 1}))]
    present_by_kind: BTreeMap<String, usize>,
}

async fn entry(conn: &mut AsyncPgConnection, meeting_id: i64) -> AppResult<AttendanceEntry> {
    let mut present_by_kind = BTreeMap::new();
    for attendee in meetings::attendees(conn, meeting_id).await? {
        if attendee.status == AttendanceStatus::Present {
            let kind = attendee.organization_kind.map_or("none", |k| k.as_str());
            *present_by_kind.entry(kind.to_owned()).or_default() += 1;
        }
    }
    Ok(AttendanceEntry {
        members: attendance::members(conn, meeting_id).await?,
        guests: attendance::guests(conn, meeting_id).await?,
        present_by_kind,
    })
}

fn refused(error: meetings::EditError) -> AppError {
    AppError::from_edit(&Locale::default(), error)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberMarkBody {
    user_id: i64,
    /// `present`, `apologies`, or null to clear the mark.
    status: Option<AttendanceStatus>,
}

/// Marks for some or all members; those not listed keep theirs.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarksBody {
    members: Vec<MemberMarkBody>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GuestBody {
    #[schema(example = "Rana K.")]
    name: String,
    #[schema(example = "Municipality of Zahle")]
    organization: Option<String>,
}

/// A meeting's attendance
#[utoipa::path(get, path = "/api/v1/meetings/{id}/attendance", operation_id = "get_attendance", tag = "meetings",
    params(("id" = i64, Path, description = "The meeting's id")),
    responses((status = 200, body = AttendanceEntry), (status = 404, description = "No such meeting, or not visible to the caller")))]
pub async fn show(me: ApiUser, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (meeting, _) = meeting_for(&mut conn, &me.user, *id, Action::View).await?;
    Ok(HttpResponse::Ok().json(entry(&mut conn, meeting.id).await?))
}

/// Mark members present or with apologies, or clear their marks
#[utoipa::path(put, path = "/api/v1/meetings/{id}/attendance", operation_id = "mark_attendance", tag = "meetings", request_body = MarksBody,
    params(("id" = i64, Path, description = "The meeting's id")),
    responses(
        (status = 200, body = AttendanceEntry, description = "The attendance now"),
        (status = 403, description = "The caller may not run this group's meetings"),
        (status = 404, description = "No such meeting, or a user who is not a member of its group"),
        (status = 409, description = "The meeting is closed or cancelled"),
    ))]
pub async fn mark(
    me: ApiUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    body: ApiJson<MarksBody>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (meeting, _) = meeting_for(&mut conn, &me.user, *id, Action::RunMeetings).await?;
    let marks: Vec<(i64, Option<AttendanceStatus>)> = body.0.members.iter().map(|m| (m.user_id, m.status)).collect();
    attendance::mark_members(&mut conn, meeting.id, &marks)
        .await
        .map_err(refused)?;
    Ok(HttpResponse::Ok().json(entry(&mut conn, meeting.id).await?))
}

/// Add a guest, present, by name and organisation
#[utoipa::path(post, path = "/api/v1/meetings/{id}/guests", operation_id = "add_guest", tag = "meetings", request_body = GuestBody,
    params(("id" = i64, Path, description = "The meeting's id")),
    responses(
        (status = 201, body = Guest, description = "Added; `Location` names the guest"),
        (status = 403, description = "The caller may not run this group's meetings"),
        (status = 404, description = "No such meeting"),
        (status = 409, description = "The meeting is closed or cancelled"),
        (status = 422, description = "The name is missing, or a text is too long"),
    ))]
pub async fn add_guest(
    me: ApiUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    body: ApiJson<GuestBody>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (meeting, _) = meeting_for(&mut conn, &me.user, *id, Action::RunMeetings).await?;
    let ApiJson(body) = body;
    let name = field("name", validate::required(&body.name, 200))?;
    let organization = field(
        "organization",
        validate::optional(body.organization.as_deref().unwrap_or_default(), 200),
    )?;
    let guest = attendance::add_guest(&mut conn, meeting.id, &name, organization.as_deref())
        .await
        .map_err(refused)?;
    Ok(created(
        &format!("/api/v1/meetings/{}/guests/{}", meeting.id, guest.id),
        &guest,
    ))
}

/// Remove a guest
#[utoipa::path(delete, path = "/api/v1/meetings/{id}/guests/{guest}", operation_id = "remove_guest", tag = "meetings",
    params(("id" = i64, Path, description = "The meeting's id"), ("guest" = i64, Path, description = "The guest's id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, description = "The caller may not run this group's meetings"),
        (status = 404, description = "No such meeting, or no such guest at it"),
        (status = 409, description = "The meeting is closed or cancelled"),
    ))]
pub async fn remove_guest(
    me: ApiUser,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
) -> AppResult<HttpResponse> {
    let (id, guest_id) = path.into_inner();
    let mut conn = state.conn().await?;
    let (meeting, _) = meeting_for(&mut conn, &me.user, id, Action::RunMeetings).await?;
    attendance::remove_guest(&mut conn, meeting.id, guest_id)
        .await
        .map_err(refused)?;
    Ok(HttpResponse::NoContent().finish())
}
