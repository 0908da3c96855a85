//! A meeting's agenda: the tree, new items, changes, moves, deletions, and the notes
//! and decisions saved against the version they were edited from.
//!
//! The rules are the editor's: `domain::agenda` for places and minutes,
//! `domain::validate` for text, `models::agenda` for the writes and their locks.

use actix_web::{HttpResponse, web};
use diesel_async::AsyncPgConnection;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ApiUser;
use super::input::{ApiJson, created, field, invalid, nullable};
use crate::domain::agenda::{self as rules, Move, Numbered, outline};
use crate::domain::policy::Action;
use crate::domain::validate;
use crate::i18n::Locale;
use crate::models::agenda::{self, ItemFields, ItemText};
use crate::models::groups;
use crate::models::meetings::{self, AgendaItem, Meeting};
use crate::web::AppState;
use crate::web::error::{AppError, AppResult};
use crate::web::routes::meetings::meeting_for;

/// An agenda item with its outline number and its sub-items.
#[derive(Serialize, ToSchema)]
pub struct AgendaEntry {
    id: i64,
    /// "2.1": its place in the outline.
    #[schema(example = "2.1")]
    number: String,
    parent_id: Option<i64>,
    #[schema(example = "Field")]
    title: String,
    presenter: Option<String>,
    minutes_allotted: Option<i32>,
    /// The sub-group that reports on it.
    reporting_group_id: Option<i64>,
    /// Markdown.
    notes: String,
    decisions: String,
    /// Send it back when saving notes; a save against an older version is refused.
    version: i32,
    #[schema(no_recursion)]
    children: Vec<AgendaEntry>,
}

/// Nests the numbered outline: each item followed by its sub-items at depth + 1.
fn nest(entries: &[Numbered<'_, AgendaItem>], depth: usize) -> (Vec<AgendaEntry>, usize) {
    let mut out = Vec::new();
    let mut index = 0;
    while index < entries.len() && entries[index].depth == depth {
        let entry = &entries[index];
        let (children, used) = nest(&entries[index + 1..], depth + 1);
        let item = entry.item;
        out.push(AgendaEntry {
            id: item.id,
            number: entry.number.clone(),
            parent_id: item.parent_id,
            title: item.title.clone(),
            presenter: item.presenter.clone(),
            minutes_allotted: item.minutes_allotted,
            reporting_group_id: item.reporting_group_id,
            notes: item.notes.clone(),
            decisions: item.decisions.clone(),
            version: item.version,
            children,
        });
        index += 1 + used;
    }
    (out, index)
}

async fn tree(conn: &mut AsyncPgConnection, meeting_id: i64) -> AppResult<Vec<AgendaEntry>> {
    let items = meetings::agenda(conn, meeting_id).await?;
    Ok(nest(&outline(&items), 0).0)
}

fn refused(error: meetings::EditError) -> AppError {
    AppError::from_edit(&Locale::default(), error)
}

/// A new agenda item, added after the last of its siblings.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewItemBody {
    #[schema(example = "Sub-groups: CM TWG, PSS TF")]
    title: String,
    presenter: Option<String>,
    #[schema(example = 15)]
    minutes_allotted: Option<i32>,
    /// One of the group's sub-groups.
    reporting_group_id: Option<i64>,
    /// The item to add it under; the top level when absent.
    parent_id: Option<i64>,
}

/// Changes to an item: absent fields stay, `null` clears.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemChanges {
    title: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    presenter: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<i32>)]
    minutes_allotted: Option<Option<i32>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<i64>)]
    reporting_group_id: Option<Option<i64>>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoveBody {
    /// `up`, `down`, `indent` (under the item above) or `outdent` (after its parent).
    to: Move,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotesBody {
    /// The version the text was edited from.
    version: i32,
    notes: String,
    decisions: String,
}

/// The item's fields once checked against the meeting's group.
struct Checked {
    title: String,
    presenter: Option<String>,
    minutes_allotted: Option<i32>,
    reporting_group_id: Option<i64>,
}

async fn check(
    conn: &mut AsyncPgConnection,
    meeting: &Meeting,
    title: &str,
    presenter: Option<&str>,
    minutes_allotted: Option<i32>,
    reporting_group_id: Option<i64>,
) -> AppResult<Checked> {
    let title = field("title", validate::required(title, 300))?;
    let presenter = field("presenter", validate::optional(presenter.unwrap_or_default(), 200))?;
    let minutes_allotted = match minutes_allotted {
        Some(m) => field("minutes_allotted", rules::minutes_allotted(&m.to_string()))?,
        None => None,
    };
    if let Some(group) = reporting_group_id {
        let sub_groups = groups::children(conn, meeting.group_id).await?;
        if !sub_groups.iter().any(|g| g.id == group) {
            return Err(invalid("reporting_group_id", "not a sub-group of the meeting's group"));
        }
    }
    Ok(Checked {
        title,
        presenter,
        minutes_allotted,
        reporting_group_id,
    })
}

impl Checked {
    fn fields(&self) -> ItemFields<'_> {
        ItemFields {
            title: &self.title,
            presenter: self.presenter.as_deref(),
            minutes_allotted: self.minutes_allotted,
            reporting_group_id: self.reporting_group_id,
        }
    }
}

/// A meeting's agenda as a tree, in order
#[utoipa::path(get, path = "/api/v1/meetings/{id}/agenda", operation_id = "get_agenda", tag = "meetings",
    params(("id" = i64, Path, description = "The meeting's id")),
    responses((status = 200, body = [AgendaEntry]), (status = 404, description = "No such meeting, or not visible to the caller")))]
pub async fn list(me: ApiUser, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (meeting, _) = meeting_for(&mut conn, &me.user, *id, Action::View).await?;
    Ok(HttpResponse::Ok().json(tree(&mut conn, meeting.id).await?))
}

/// Add an agenda item, at the top level or under `parent_id`
#[utoipa::path(post, path = "/api/v1/meetings/{id}/agenda", operation_id = "create_agenda_item", tag = "meetings", request_body = NewItemBody,
    params(("id" = i64, Path, description = "The meeting's id")),
    responses(
        (status = 201, body = [AgendaEntry], description = "The agenda now; `Location` names the new item"),
        (status = 403, description = "The caller may not run this group's meetings"),
        (status = 404, description = "No such meeting"),
        (status = 409, description = "The meeting is closed or cancelled"),
        (status = 422, description = "A field is missing or malformed; the detail names it"),
    ))]
pub async fn create(
    me: ApiUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    body: ApiJson<NewItemBody>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (meeting, _) = meeting_for(&mut conn, &me.user, *id, Action::RunMeetings).await?;
    let ApiJson(body) = body;
    let checked = check(
        &mut conn,
        &meeting,
        &body.title,
        body.presenter.as_deref(),
        body.minutes_allotted,
        body.reporting_group_id,
    )
    .await?;
    if let Some(parent) = body.parent_id
        && agenda::find_item(&mut conn, meeting.id, parent).await.is_err()
    {
        return Err(invalid("parent_id", "not an item of this meeting's agenda"));
    }
    let item = agenda::add(&mut conn, meeting.id, body.parent_id, &checked.fields())
        .await
        .map_err(refused)?;
    Ok(created(
        &format!("/api/v1/meetings/{}/agenda/{}", meeting.id, item.id),
        &tree(&mut conn, meeting.id).await?,
    ))
}

/// Change an item's title, presenter, time or reporting sub-group
#[utoipa::path(patch, path = "/api/v1/meetings/{id}/agenda/{item}", operation_id = "update_agenda_item", tag = "meetings", request_body = ItemChanges,
    params(("id" = i64, Path, description = "The meeting's id"), ("item" = i64, Path, description = "The agenda item's id")),
    responses(
        (status = 200, body = [AgendaEntry], description = "The agenda now"),
        (status = 403, description = "The caller may not run this group's meetings"),
        (status = 404, description = "No such meeting, or no such item in it"),
        (status = 409, description = "The meeting is closed or cancelled"),
        (status = 422, description = "A field is malformed; the detail names it"),
    ))]
pub async fn update(
    me: ApiUser,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    body: ApiJson<ItemChanges>,
) -> AppResult<HttpResponse> {
    let (id, item_id) = path.into_inner();
    let mut conn = state.conn().await?;
    let (meeting, _) = meeting_for(&mut conn, &me.user, id, Action::RunMeetings).await?;
    let item = agenda::find_item(&mut conn, meeting.id, item_id).await?;
    let ApiJson(changes) = body;
    let checked = check(
        &mut conn,
        &meeting,
        changes.title.as_deref().unwrap_or(&item.title),
        changes.presenter.unwrap_or(item.presenter).as_deref(),
        changes.minutes_allotted.unwrap_or(item.minutes_allotted),
        changes.reporting_group_id.unwrap_or(item.reporting_group_id),
    )
    .await?;
    agenda::update(&mut conn, meeting.id, item.id, &checked.fields())
        .await
        .map_err(refused)?;
    Ok(HttpResponse::Ok().json(tree(&mut conn, meeting.id).await?))
}

/// Delete an item with its sub-items
#[utoipa::path(delete, path = "/api/v1/meetings/{id}/agenda/{item}", operation_id = "delete_agenda_item", tag = "meetings",
    params(("id" = i64, Path, description = "The meeting's id"), ("item" = i64, Path, description = "The agenda item's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "The caller may not run this group's meetings"),
        (status = 404, description = "No such meeting, or no such item in it"),
        (status = 409, description = "The meeting is closed or cancelled"),
    ))]
pub async fn delete(me: ApiUser, state: web::Data<AppState>, path: web::Path<(i64, i64)>) -> AppResult<HttpResponse> {
    let (id, item_id) = path.into_inner();
    let mut conn = state.conn().await?;
    let (meeting, _) = meeting_for(&mut conn, &me.user, id, Action::RunMeetings).await?;
    agenda::delete(&mut conn, meeting.id, item_id).await.map_err(refused)?;
    Ok(HttpResponse::NoContent().finish())
}

/// Move an item up, down, in under the item above, or out after its parent
#[utoipa::path(post, path = "/api/v1/meetings/{id}/agenda/{item}/move", operation_id = "move_agenda_item", tag = "meetings", request_body = MoveBody,
    params(("id" = i64, Path, description = "The meeting's id"), ("item" = i64, Path, description = "The agenda item's id")),
    responses(
        (status = 200, body = [AgendaEntry], description = "The agenda now"),
        (status = 403, description = "The caller may not run this group's meetings"),
        (status = 404, description = "No such meeting, or no such item in it"),
        (status = 409, description = "The meeting is closed or cancelled"),
        (status = 422, description = "The item cannot move that way (the first item up, a top-level item out)"),
    ))]
pub async fn move_item(
    me: ApiUser,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    body: ApiJson<MoveBody>,
) -> AppResult<HttpResponse> {
    let (id, item_id) = path.into_inner();
    let mut conn = state.conn().await?;
    let (meeting, _) = meeting_for(&mut conn, &me.user, id, Action::RunMeetings).await?;
    agenda::move_item(&mut conn, meeting.id, item_id, body.0.to)
        .await
        .map_err(refused)?;
    Ok(HttpResponse::Ok().json(tree(&mut conn, meeting.id).await?))
}

/// Save an item's notes and decisions against the version they were edited from
///
/// When someone saved the item since `version`, nothing is written and the answer is
/// 409: read the agenda again, merge, and save against the new version.
#[utoipa::path(put, path = "/api/v1/meetings/{id}/agenda/{item}/notes", operation_id = "save_agenda_notes", tag = "meetings", request_body = NotesBody,
    params(("id" = i64, Path, description = "The meeting's id"), ("item" = i64, Path, description = "The agenda item's id")),
    responses(
        (status = 200, body = [AgendaEntry], description = "The agenda now"),
        (status = 403, description = "The caller may not run this group's meetings"),
        (status = 404, description = "No such meeting, or no such item in it"),
        (status = 409, description = "Saved by someone else since `version`, or the meeting is closed"),
        (status = 422, description = "A text is too long"),
    ))]
pub async fn save_notes(
    me: ApiUser,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    body: ApiJson<NotesBody>,
) -> AppResult<HttpResponse> {
    let (id, item_id) = path.into_inner();
    let mut conn = state.conn().await?;
    let (meeting, _) = meeting_for(&mut conn, &me.user, id, Action::RunMeetings).await?;
    let ApiJson(body) = body;
    let notes = field("notes", validate::optional(&body.notes, rules::MAX_NOTES))?.unwrap_or_default();
    let decisions = field("decisions", validate::optional(&body.decisions, rules::MAX_NOTES))?.unwrap_or_default();
    let text = ItemText {
        notes: &notes,
        decisions: Some(&decisions),
    };
    agenda::save_text(&mut conn, meeting.id, item_id, body.version, &text)
        .await
        .map_err(refused)?;
    Ok(HttpResponse::Ok().json(tree(&mut conn, meeting.id).await?))
}
