use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use chrono::Utc;
use diesel_async::AsyncConnection;
use serde::Deserialize;

use crate::domain::owners::{self, Owner};
use crate::domain::policy::Action;
use crate::domain::{ActionStatus, OwnerRole, UpdateVia, validate};
use crate::models::action_points::{self, StatusChange};
use crate::models::owners as owner_model;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn, authorize};
use crate::web::error::{AppError, AppResult};

#[derive(Deserialize)]
pub struct BulkForm {
    #[serde(default)]
    ids: Vec<i64>,
    #[serde(default)]
    status: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    note: String,
}

/// Changes the status, or the owner, of several items at once with one note; all of
/// them or none.
pub async fn update(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<BulkForm>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    authorize(&mut conn, me.user(), *id, Action::RunMeetings).await?;
    let CsrfForm(form) = form;
    let locale = &me.ctx.locale;
    let bad = |field: &str, problem: &str| AppError::field(locale, field, problem);
    if form.ids.is_empty() {
        return Err(bad("action-select-column", "action-bulk-none"));
    }
    let status = match form.status.trim() {
        "" => None,
        value => Some(
            value
                .parse::<ActionStatus>()
                .map_err(|_| bad("column-status", "invalid-choice"))?,
        ),
    };
    let mut offered: Vec<Owner> = owner_model::offered(&mut conn, *id)
        .await?
        .into_iter()
        .map(|(o, _)| o)
        .collect();
    offered.extend(OwnerRole::ALL.iter().map(|r| Owner::Role(*r)));
    let owner = match form.owner.trim() {
        "" => None,
        value => Some(owners::check(&[value.to_owned()], &offered).map_err(|p| bad("column-owners", p))?),
    };
    if status.is_none() && owner.is_none() {
        return Err(bad("action-bulk-status", "action-bulk-nothing"));
    }
    let note = validate::optional(&form.note, 4000)
        .map_err(|p| bad("field-note", p))?
        .unwrap_or_default();
    let now = Utc::now();
    let group_id = *id;
    conn.transaction::<_, AppError, _>(async |conn| {
        for item_id in &form.ids {
            let item = action_points::find(conn, *item_id).await?;
            // An id from another group names nothing here.
            if item.group_id != group_id {
                return Err(AppError::NotFound);
            }
            if let Some(owner) = &owner {
                action_points::replace_owners(conn, item.id, owner).await?;
            }
            let change = StatusChange {
                status: status.unwrap_or(item.status),
                note: &note,
                user_id: Some(me.user().id),
                meeting_id: None,
                via: UpdateVia::Web,
                at: now,
            };
            action_points::change_status(conn, item.id, &change).await?;
        }
        Ok(())
    })
    .await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, format!("/groups/{group_id}/action-points")))
        .finish())
}
