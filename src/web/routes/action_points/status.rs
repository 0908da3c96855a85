use std::collections::HashSet;

use actix_web::http::header::{self, LOCATION};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use serde::Deserialize;

use super::surroundings;
use crate::domain::policy::{self, Action};
use crate::domain::{ActionStatus, UpdateVia, validate};
use crate::models::action_points::{self, StatusChange};
use crate::models::users::User;
use crate::web::auth::{CsrfForm, SignedIn, authorize, local_path};
use crate::web::error::{AppError, AppResult};
use crate::web::views::action_points::{owners_by_item, row};
use crate::web::{AppState, html_page};

#[derive(Deserialize)]
pub struct StatusForm {
    status: String,
    #[serde(default)]
    note: String,
    /// Set by rows of lists spanning several groups, so the row sent back matches.
    #[serde(default)]
    many: Option<String>,
}

/// Whether the user may change this item: coordinators of its group any item,
/// members the items they stand for. Items of groups they cannot see are not found.
/// Returns whether they run the group (and so may change any of its items).
pub async fn may_update(
    conn: &mut diesel_async::AsyncPgConnection,
    user: &User,
    item: &action_points::ActionPoint,
) -> AppResult<bool> {
    let standing = authorize(conn, user, item.group_id, Action::View).await?;
    let runs = policy::allows(standing, Action::RunMeetings);
    if runs
        || (policy::allows(standing, Action::UpdateOwnActionPoint)
            && action_points::stands_for(conn, user.id, item.id).await?)
    {
        Ok(runs)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Sets the status and note, with a history row "via web". Sent in the background,
/// it answers with the updated table row; otherwise it goes back where it came from.
pub async fn update(
    req: HttpRequest,
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<StatusForm>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let item = action_points::find(&mut conn, *id).await?;
    let runs = may_update(&mut conn, me.user(), &item).await?;
    let CsrfForm(form) = form;
    let locale = &me.ctx.locale;
    let status: ActionStatus = form
        .status
        .parse()
        .map_err(|_| AppError::field(locale, "column-status", "invalid-choice"))?;
    let note = validate::optional(&form.note, 4000)
        .map_err(|p| AppError::field(locale, "field-note", p))?
        .unwrap_or_default();
    let change = StatusChange {
        status,
        note: &note,
        user_id: Some(me.user().id),
        meeting_id: None,
        via: UpdateVia::Web,
        at: Utc::now(),
    };
    action_points::change_status(&mut conn, item.id, &change).await?;

    if req.headers().get("x-partial").is_some_and(|v| v == "row") {
        let item = action_points::find(&mut conn, item.id).await?;
        let many = form.many.is_some();
        // They just updated it, so they may again.
        let may_update_all = if runs {
            HashSet::from([item.group_id])
        } else {
            HashSet::new()
        };
        let around = surroundings(
            &mut conn,
            me.user(),
            &me.ctx.locale,
            std::slice::from_ref(&item),
            &may_update_all,
            many,
        )
        .await?;
        let owners = owners_by_item(&around.owners);
        let rows = around.rows(&owners, runs && !many);
        return Ok(html_page(actix_web::http::StatusCode::OK, row(&me.ctx, &item, &rows)));
    }
    let back = req
        .headers()
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| url::Url::parse(r).ok());
    let target = back.map(|u| {
        local_path(Some(&format!(
            "{}{}",
            u.path(),
            u.query().map(|q| format!("?{q}")).unwrap_or_default()
        )))
    });
    Ok(HttpResponse::SeeOther()
        .insert_header((
            LOCATION,
            target.unwrap_or_else(|| format!("/action-points/{}", item.id)),
        ))
        .finish())
}
