//! Action points: a group's list with the HTML list's filters, one item and its
//! history, new items with their owners, and status updates.
//!
//! The checks are the HTML handlers' own: `parse_query` for the filters,
//! `owners_on_offer` and `owners::check` for owners, `may_update` for who may
//! change an item's status.

use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, NaiveDate, Utc};
use diesel_async::AsyncPgConnection;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ApiUser;
use super::input::{ApiJson, created, field, invalid, page_number, query_string};
use crate::domain::policy::Action;
use crate::domain::{ActionStatus, UpdateVia, owners, validate};
use crate::i18n::Locale;
use crate::models::action_points::{self, ActionPoint, HistoryEntry, NewActionPoint, StatusChange};
use crate::models::meetings;
use crate::models::owners::{NamedOwner, OwnerTable, named};
use crate::web::AppState;
use crate::web::auth::authorize;
use crate::web::error::AppResult;
use crate::web::routes::action_points::status::may_update;
use crate::web::routes::action_points::{PER_PAGE, owners_on_offer, parse_query, restricted_for, today, visible_item};
use crate::web::views::action_points::ListQuery;

/// One owner of an item: its reference and the name to show.
#[derive(Serialize, ToSchema)]
pub struct OwnerEntry {
    /// `user:12`, `org:3`, `group:5` or `role:member`, as given when creating items.
    #[schema(example = "role:member")]
    key: String,
    #[schema(example = "Members")]
    name: String,
}

/// An action point with its owners.
#[derive(Serialize, ToSchema)]
pub struct ActionPointEntry {
    id: i64,
    /// Its number within the group.
    number: i32,
    group_id: i64,
    topic: String,
    text: String,
    owners: Vec<OwnerEntry>,
    due_date: Option<NaiveDate>,
    status: ActionStatus,
    status_note: String,
    restricted: bool,
    /// The meeting it was raised at.
    meeting_id: Option<i64>,
    created_at: DateTime<Utc>,
}

/// One page of a group's action points, and how many match in all.
#[derive(Serialize, ToSchema)]
pub struct ActionPointPage {
    items: Vec<ActionPointEntry>,
    total: i64,
    page: i64,
    per_page: i64,
}

/// One status update of an item, newest first.
#[derive(Serialize, ToSchema)]
pub struct HistoryItem {
    at: DateTime<Utc>,
    /// The name of who gave it, if anyone did.
    by: Option<String>,
    /// `null` for the first row, when the item was created.
    old_status: Option<ActionStatus>,
    new_status: ActionStatus,
    note: String,
    via: UpdateVia,
}

impl From<HistoryEntry> for HistoryItem {
    fn from(e: HistoryEntry) -> Self {
        HistoryItem {
            at: e.at,
            by: e.by,
            old_status: e.old_status,
            new_status: e.new_status,
            note: e.note,
            via: e.via,
        }
    }
}

/// A new action point. Owners are references as the group offers them: its roles
/// (`role:member`), current members (`user:12`), organisations (`org:3`) and the
/// groups below it (`group:5`).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewActionPointBody {
    #[schema(example = "Visibility")]
    topic: String,
    #[schema(example = "Share the draft logo with the members")]
    text: String,
    #[schema(example = json!(["role:member", "user:12"]))]
    owners: Vec<String>,
    #[schema(example = "2014-07-01")]
    due_date: Option<NaiveDate>,
    /// Shown to the group's members only; `false` unless given.
    restricted: Option<bool>,
    /// A meeting of the group it was raised at.
    meeting_id: Option<i64>,
}

/// A new status, with a note on it (empty unless given).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionPointStatusBody {
    status: ActionStatus,
    #[schema(example = "Draft sent round on Monday")]
    note: Option<String>,
}

/// Each item's owners as the API shows them, by item.
pub fn owner_entries(named: &[NamedOwner]) -> HashMap<i64, Vec<OwnerEntry>> {
    let locale = Locale::default();
    let mut owners: HashMap<i64, Vec<OwnerEntry>> = HashMap::new();
    for owner in named {
        let owned_id = owner.owned_id;
        let Some(reference) = owner.owner() else { continue };
        let name = match (&owner.name, owner.role) {
            (Some(name), _) => name.clone(),
            (None, Some(role)) => locale.t(&format!("owner-role-{role}")),
            (None, None) => String::new(),
        };
        owners.entry(owned_id).or_default().push(OwnerEntry {
            key: reference.key(),
            name,
        });
    }
    owners
}

/// The items with their owners, as the API shows them.
async fn entries(conn: &mut AsyncPgConnection, items: Vec<ActionPoint>) -> AppResult<Vec<ActionPointEntry>> {
    let ids: Vec<i64> = items.iter().map(|i| i.id).collect();
    let mut owners = owner_entries(&named(conn, OwnerTable::ActionPoints, &ids).await?);
    Ok(items
        .into_iter()
        .map(|i| ActionPointEntry {
            owners: owners.remove(&i.id).unwrap_or_default(),
            id: i.id,
            number: i.number,
            group_id: i.group_id,
            topic: i.topic,
            text: i.text,
            due_date: i.due_date,
            status: i.status,
            status_note: i.status_note,
            restricted: i.restricted,
            meeting_id: i.meeting_id,
            created_at: i.created_at,
        })
        .collect())
}

async fn entry(conn: &mut AsyncPgConnection, item: ActionPoint) -> AppResult<ActionPointEntry> {
    Ok(entries(conn, vec![item]).await?.remove(0))
}

/// The item, once the caller may see it (a restricted one only if theirs to update).
async fn visible(conn: &mut AsyncPgConnection, me: &ApiUser, id: i64) -> AppResult<ActionPoint> {
    visible_item(conn, &me.user, id).await
}

/// A group's action points, filtered and ordered as its list page does
///
/// Without `status`, open and in-progress items; `status=all` for every item.
#[utoipa::path(get, path = "/api/v1/groups/{id}/action-points", operation_id = "list_action_points", tag = "action points",
    params(
        ("id" = i64, Path, description = "The group's id"),
        ("status" = Option<String>, Query, pattern = "^(all|open|in_progress|done|dropped)$", description = "`all`, or one of open, in_progress, done, dropped; open and in progress when absent"),
        ("owner" = Option<String>, Query, pattern = "^((user|org|group):[0-9]{1,18}|role:(coordinator|co_chair|im_officer|member))$", description = "Owned by this owner: `user:12`, `org:3`, `group:5`, `role:member`"),
        ("organization" = Option<i64>, Query, description = "Owned by the organisation or one of its people"),
        ("topic" = Option<String>, Query, description = "This topic exactly"),
        ("due_before" = Option<NaiveDate>, Query, description = "Due on or before this day"),
        ("due_after" = Option<NaiveDate>, Query, description = "Due on or after this day"),
        ("meeting" = Option<i64>, Query, description = "Raised at this meeting"),
        ("q" = Option<String>, Query, description = "Words in the topic, text or status note"),
        ("sort" = Option<String>, Query, pattern = "^(due|number|topic|status)$", description = "`due` (overdue first; the default), `number`, `topic` or `status`"),
        ("page" = Option<i64>, Query, minimum = 1, maximum = 1000000, description = "The page, from 1"),
    ),
    responses(
        (status = 200, body = ActionPointPage),
        (status = 400, description = "A filter is malformed; the detail names it"),
        (status = 404, description = "No such group, or not visible to the caller"),
    ))]
pub async fn list(
    me: ApiUser,
    state: web::Data<AppState>,
    group: web::Path<i64>,
    req: HttpRequest,
) -> AppResult<HttpResponse> {
    let group = *group;
    let query: ListQuery = query_string(&req)?;
    let mut conn = state.conn().await?;
    let standing = authorize(&mut conn, &me.user, group, Action::View).await?;
    let (mut filter, sort) = parse_query(&Locale::default(), &query)?;
    filter.restricted_visible_to = restricted_for(standing, &me.user);
    let page = page_number(query.page)?;
    let (items, total) = action_points::list(
        &mut conn,
        &[group],
        &filter,
        sort,
        today(),
        PER_PAGE,
        (page - 1) * PER_PAGE,
    )
    .await?;
    Ok(HttpResponse::Ok().json(ActionPointPage {
        items: entries(&mut conn, items).await?,
        total,
        page,
        per_page: PER_PAGE,
    }))
}

/// One action point
#[utoipa::path(get, path = "/api/v1/action-points/{id}", operation_id = "get_action_point", tag = "action points",
    params(("id" = i64, Path, description = "The action point's id")),
    responses((status = 200, body = ActionPointEntry), (status = 404, description = "No such item, or its group is not visible to the caller")))]
pub async fn show(me: ApiUser, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let item = visible(&mut conn, &me, *id).await?;
    Ok(HttpResponse::Ok().json(entry(&mut conn, item).await?))
}

/// An action point's status history, newest first
#[utoipa::path(get, path = "/api/v1/action-points/{id}/history", operation_id = "get_action_point_history", tag = "action points",
    params(("id" = i64, Path, description = "The action point's id")),
    responses((status = 200, body = [HistoryItem]), (status = 404, description = "No such item, or its group is not visible to the caller")))]
pub async fn history(me: ApiUser, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let item = visible(&mut conn, &me, *id).await?;
    let history: Vec<HistoryItem> = action_points::entries(&mut conn, item.id)
        .await?
        .into_iter()
        .map(HistoryItem::from)
        .collect();
    Ok(HttpResponse::Ok().json(history))
}

/// Add an action point to the group (its coordinators and co-chairs, and those above)
///
/// Nothing is written unless every field is right.
#[utoipa::path(post, path = "/api/v1/groups/{id}/action-points", operation_id = "create_action_point", tag = "action points", request_body = NewActionPointBody,
    params(("id" = i64, Path, description = "The group's id")),
    responses(
        (status = 201, body = ActionPointEntry, description = "Created; `Location` names it"),
        (status = 403, description = "The caller may not run this group's meetings"),
        (status = 404, description = "No such group, or not visible to the caller"),
        (status = 422, description = "A field is missing or malformed, an owner is not on offer in this group, or the meeting is not the group's"),
    ))]
pub async fn create(
    me: ApiUser,
    state: web::Data<AppState>,
    group: web::Path<i64>,
    body: ApiJson<NewActionPointBody>,
) -> AppResult<HttpResponse> {
    let group = *group;
    let mut conn = state.conn().await?;
    authorize(&mut conn, &me.user, group, Action::RunMeetings).await?;
    let ApiJson(body) = body;
    let topic = field("topic", validate::required(&body.topic, 200))?;
    let text = field("text", validate::required(&body.text, 4000))?;
    let offered: Vec<owners::Owner> = owners_on_offer(&mut conn, &Locale::default(), group)
        .await?
        .into_iter()
        .map(|(o, _)| o)
        .collect();
    let owners = field("owners", owners::check(&body.owners, &offered))?;
    if let Some(meeting) = body.meeting_id {
        let ours = meetings::for_group(&mut conn, group).await?;
        if !ours.iter().any(|m| m.id == meeting) {
            return Err(invalid("meeting_id", "there is no meeting of this group with this id"));
        }
    }
    let id = NewActionPoint {
        group_id: group,
        meeting_id: body.meeting_id,
        agenda_item_id: None,
        topic: &topic,
        text: &text,
        due_date: body.due_date,
        restricted: body.restricted.unwrap_or(false),
        created_by: Some(me.user.id),
        created_at: Utc::now(),
        owners: &owners,
        via: UpdateVia::Api,
    }
    .insert(&mut conn)
    .await?;
    let item = action_points::find(&mut conn, id).await?;
    Ok(created(
        &format!("/api/v1/action-points/{id}"),
        &entry(&mut conn, item).await?,
    ))
}

/// Set an action point's status, with a note; the history records it as given "via api"
///
/// The group's coordinators and co-chairs may update any item; members the items
/// they stand for (as a named owner, through their organisation or sub-group, or by
/// role).
#[utoipa::path(post, path = "/api/v1/action-points/{id}/status", operation_id = "update_action_point_status", tag = "action points", request_body = ActionPointStatusBody,
    params(("id" = i64, Path, description = "The action point's id")),
    responses(
        (status = 200, body = ActionPointEntry, description = "The item as it is now"),
        (status = 403, description = "The caller neither runs the group nor stands for the item"),
        (status = 404, description = "No such item, or its group is not visible to the caller"),
        (status = 422, description = "An unknown status, or a note that is too long"),
    ))]
pub async fn update_status(
    me: ApiUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    body: ApiJson<ActionPointStatusBody>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let item = action_points::find(&mut conn, *id).await?;
    may_update(&mut conn, &me.user, &item).await?;
    let ApiJson(body) = body;
    let note = field(
        "note",
        validate::optional(body.note.as_deref().unwrap_or_default(), 4000),
    )?
    .unwrap_or_default();
    let change = StatusChange {
        status: body.status,
        note: &note,
        user_id: Some(me.user.id),
        meeting_id: None,
        via: UpdateVia::Api,
        at: Utc::now(),
    };
    action_points::change_status(&mut conn, item.id, &change).await?;
    let item = action_points::find(&mut conn, item.id).await?;
    Ok(HttpResponse::Ok().json(entry(&mut conn, item).await?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_statuses_name_the_field() {
        let error = super::super::input::parse::<ActionPointStatusBody>(br#"{"status": "finished"}"#)
            .err()
            .unwrap();
        assert!(error.to_string().starts_with("status: "), "{error}");
    }
}
