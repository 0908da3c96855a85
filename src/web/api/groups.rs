//! Working groups and the sub-groups, task forces and field groups below them.

use actix_web::{HttpResponse, web};
use chrono::Utc;
use diesel_async::AsyncPgConnection;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ApiUser;
use super::input::{ApiJson, created, field, invalid, nullable, unique};
use crate::domain::policy::Action;
use crate::domain::{GroupKind, validate};
use crate::models::groups::{self, Group, GroupChanges, GroupSettings, NewGroup};
use crate::models::memberships;
use crate::web::AppState;
use crate::web::auth::{authorize, require_admin};
use crate::web::error::AppResult;

/// A group with its reminder lead times and the groups directly below it.
#[derive(Serialize, ToSchema)]
pub struct GroupBody {
    #[serde(flatten)]
    group: Group,
    #[serde(flatten)]
    lead_times: GroupSettings,
    /// The sub-groups, task forces and field groups directly below, not archived.
    subgroups: Vec<Group>,
}

async fn group_body(conn: &mut AsyncPgConnection, id: i64) -> AppResult<GroupBody> {
    Ok(GroupBody {
        group: groups::find(conn, id).await?,
        lead_times: groups::settings(conn, id).await?,
        subgroups: groups::children(conn, id).await?,
    })
}

/// A group to create. Without `parent_id` it is a working group at the top (site
/// administrators only); with one it is a sub-group, task force or field group.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewGroupBody {
    parent_id: Option<i64>,
    #[schema(example = "Case Management Technical Working Group")]
    name: String,
    #[schema(example = "CM TWG")]
    short_name: String,
    kind: GroupKind,
    #[schema(example = "Beirut")]
    location: Option<String>,
    #[schema(example = "Asia/Beirut")]
    time_zone: String,
    #[serde(default)]
    description: String,
}

impl NewGroupBody {
    /// The fields trimmed and checked, each problem naming its field; the kind must
    /// fit where the group stands.
    fn checked(self) -> AppResult<Self> {
        Ok(NewGroupBody {
            name: field("name", validate::required(&self.name, 200))?,
            short_name: field("short_name", validate::required(&self.short_name, 40))?,
            kind: field("kind", validate::group_kind(self.kind, self.parent_id.is_none()))?,
            location: field(
                "location",
                validate::optional(self.location.as_deref().unwrap_or(""), 200),
            )?,
            time_zone: field("time_zone", validate::time_zone(&self.time_zone))?,
            description: field("description", validate::optional(&self.description, 20_000))?.unwrap_or_default(),
            parent_id: self.parent_id,
        })
    }
}

/// Changes to a group: absent fields stay, a `null` location is removed. The
/// group's place in the tree does not change here.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupPatch {
    name: Option<String>,
    short_name: Option<String>,
    kind: Option<GroupKind>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    location: Option<Option<String>>,
    time_zone: Option<String>,
    description: Option<String>,
    /// Days before a meeting that its reminder goes out, 0 to 30.
    meeting_reminder_days: Option<i32>,
    /// Days before a meeting that sub-groups are asked for their update, 0 to 30.
    update_request_days: Option<i32>,
    /// Days before an action point's due date that its owners are reminded, 0 to 30.
    action_due_days: Option<i32>,
    /// Days before a workplan task's end that its owners are reminded, 0 to 60.
    task_ending_days: Option<i32>,
}

impl GroupPatch {
    fn apply(self, current: Group, lead: GroupSettings) -> AppResult<(NewGroupBody, GroupSettings)> {
        let fields = NewGroupBody {
            parent_id: current.parent_id,
            name: self.name.unwrap_or(current.name),
            short_name: self.short_name.unwrap_or(current.short_name),
            kind: self.kind.unwrap_or(current.kind),
            location: self.location.unwrap_or(current.location),
            time_zone: self.time_zone.unwrap_or(current.time_zone),
            description: self.description.unwrap_or(current.description),
        };
        let days = |name, value: Option<i32>, current, max| field(name, validate::days(value.unwrap_or(current), max));
        let lead = GroupSettings {
            meeting_reminder_days: days(
                "meeting_reminder_days",
                self.meeting_reminder_days,
                lead.meeting_reminder_days,
                30,
            )?,
            update_request_days: days(
                "update_request_days",
                self.update_request_days,
                lead.update_request_days,
                30,
            )?,
            action_due_days: days("action_due_days", self.action_due_days, lead.action_due_days, 30)?,
            task_ending_days: days("task_ending_days", self.task_ending_days, lead.task_ending_days, 60)?,
        };
        Ok((fields.checked()?, lead))
    }
}

const SHORT_NAME_TAKEN: &str = "short_name: a group of that short name stands there already";

/// The groups the caller may see
///
/// Administrators see every group; others the groups they belong to and
/// everything below those. Archived groups are included, with `archived_at` set.
#[utoipa::path(get, path = "/api/v1/groups", operation_id = "list_groups", tag = "groups", responses((status = 200, body = [Group])))]
pub async fn list(me: ApiUser, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let visible = if me.user.is_admin {
        groups::all(&mut conn).await?
    } else {
        let roles = memberships::active_roles(&mut conn, me.user.id, Utc::now().date_naive()).await?;
        let roots: Vec<i64> = roles.into_iter().map(|(group, _)| group).collect();
        groups::subtrees(&mut conn, &roots).await?
    };
    Ok(HttpResponse::Ok().json(visible))
}

/// One group, with the groups directly below it
#[utoipa::path(get, path = "/api/v1/groups/{id}", operation_id = "get_group", tag = "groups",
    params(("id" = i64, Path, description = "The group's id")),
    responses((status = 200, body = GroupBody), (status = 404, description = "No such group, or not visible to the caller")))]
pub async fn show(me: ApiUser, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    authorize(&mut conn, &me.user, *id, Action::View).await?;
    Ok(HttpResponse::Ok().json(group_body(&mut conn, *id).await?))
}

/// Create a group
///
/// A working group (no `parent_id`) needs a site administrator; a group below
/// another needs a coordinator or co-chair of that group or of one above it.
#[utoipa::path(post, path = "/api/v1/groups", operation_id = "create_group", tag = "groups", request_body = NewGroupBody,
    responses(
        (status = 201, body = GroupBody, description = "Created; `Location` names it"),
        (status = 403, description = "The caller may not add groups there"),
        (status = 404, description = "No such parent group, or not visible to the caller"),
        (status = 409, description = "A group of that short name stands there already"),
        (status = 422, description = "A field is missing or malformed, or the kind does not fit"),
    ))]
pub async fn create(me: ApiUser, state: web::Data<AppState>, body: ApiJson<NewGroupBody>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    match body.0.parent_id {
        None => require_admin(&me.user)?,
        Some(parent) => {
            authorize(&mut conn, &me.user, parent, Action::ManageGroup).await?;
            if groups::find(&mut conn, parent).await?.archived_at.is_some() {
                return Err(invalid("parent_id", "the group is archived"));
            }
        }
    }
    let body = body.0.checked()?;
    let row = NewGroup {
        parent_id: body.parent_id,
        name: &body.name,
        short_name: &body.short_name,
        kind: body.kind,
        location: body.location.as_deref(),
        time_zone: &body.time_zone,
        description: &body.description,
        default_locale: None,
    };
    let id = unique(row.insert(&mut conn).await, SHORT_NAME_TAKEN)?;
    Ok(created(
        &format!("/api/v1/groups/{id}"),
        &group_body(&mut conn, id).await?,
    ))
}

/// Change a group (its coordinators and co-chairs, and those of the groups above)
#[utoipa::path(patch, path = "/api/v1/groups/{id}", operation_id = "update_group", tag = "groups", request_body = GroupPatch,
    params(("id" = i64, Path, description = "The group's id")),
    responses(
        (status = 200, body = GroupBody),
        (status = 403, description = "The caller may not manage this group"),
        (status = 404, description = "No such group, or not visible to the caller"),
        (status = 409, description = "A group of that short name stands there already"),
        (status = 422, description = "A field is malformed, or the kind does not fit"),
    ))]
pub async fn update(
    me: ApiUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    patch: ApiJson<GroupPatch>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    authorize(&mut conn, &me.user, *id, Action::ManageGroup).await?;
    let current = groups::find(&mut conn, *id).await?;
    let lead = groups::settings(&mut conn, *id).await?;
    let default_locale = current.default_locale.clone();
    let (body, lead) = patch.0.apply(current, lead)?;
    let changes = GroupChanges {
        name: &body.name,
        short_name: &body.short_name,
        kind: body.kind,
        location: body.location.as_deref(),
        time_zone: &body.time_zone,
        description: &body.description,
        default_locale: &default_locale,
        meeting_reminder_days: lead.meeting_reminder_days,
        update_request_days: lead.update_request_days,
        action_due_days: lead.action_due_days,
        task_ending_days: lead.task_ending_days,
    };
    unique(groups::update(&mut conn, *id, &changes).await, SHORT_NAME_TAKEN)?;
    Ok(HttpResponse::Ok().json(group_body(&mut conn, *id).await?))
}

async fn set_archived(me: ApiUser, state: web::Data<AppState>, id: i64, archived: bool) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    authorize(&mut conn, &me.user, id, Action::ManageGroup).await?;
    groups::set_archived(&mut conn, id, archived).await?;
    Ok(HttpResponse::Ok().json(group_body(&mut conn, id).await?))
}

/// Archive a group: it leaves lists and keeps its history
#[utoipa::path(post, path = "/api/v1/groups/{id}/archive", operation_id = "archive_group", tag = "groups",
    params(("id" = i64, Path, description = "The group's id")),
    responses(
        (status = 200, body = GroupBody),
        (status = 403, description = "The caller may not manage this group"),
        (status = 404, description = "No such group, or not visible to the caller"),
    ))]
pub async fn archive(me: ApiUser, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    set_archived(me, state, *id, true).await
}

/// Restore an archived group
#[utoipa::path(post, path = "/api/v1/groups/{id}/unarchive", operation_id = "unarchive_group", tag = "groups",
    params(("id" = i64, Path, description = "The group's id")),
    responses(
        (status = 200, body = GroupBody),
        (status = 403, description = "The caller may not manage this group"),
        (status = 404, description = "No such group, or not visible to the caller"),
    ))]
pub async fn unarchive(me: ApiUser, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    set_archived(me, state, *id, false).await
}
