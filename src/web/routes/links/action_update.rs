//! The update link in reminder mails: its owner sets an action point's status and
//! note without a password. The link is scoped to that item and that person, and it
//! allows this and nothing else. GET shows the form; only the POST changes anything.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use serde::Deserialize;

use crate::domain::{ActionStatus, UpdateVia, validate};
use crate::models::action_links;
use crate::models::action_points::{self, ActionPoint, StatusChange};
use crate::web::auth::{CsrfForm, PageContext};
use crate::web::error::{AppError, AppResult};
use crate::web::views::action_links as views;
use crate::web::{AppState, anonymous_form};

/// The item and the person the link was issued to, while it is valid for this item
/// and they still stand for it; an expired link, or one for another item, is refused.
async fn authorised(state: &AppState, id: i64, secret: &str) -> AppResult<(ActionPoint, i64)> {
    let mut conn = state.conn().await?;
    let now = Utc::now();
    let holder = action_links::holder(&mut conn, secret, id, now)
        .await?
        .ok_or(AppError::LinkExpired)?;
    if !action_points::stands_for(&mut conn, holder, id).await? {
        return Err(AppError::LinkExpired);
    }
    Ok((action_points::find(&mut conn, id).await?, holder))
}

pub async fn show(
    req: HttpRequest,
    ctx: PageContext,
    state: web::Data<AppState>,
    path: web::Path<(i64, String)>,
) -> AppResult<HttpResponse> {
    let (id, secret) = path.into_inner();
    let (item, _) = authorised(&state, id, &secret).await?;
    Ok(anonymous_form(&req, StatusCode::OK, |token| {
        views::form(&ctx, token, &item, &item.status_note, None)
    }))
}

#[derive(Deserialize)]
pub struct UpdateFields {
    status: String,
    #[serde(default)]
    note: String,
}

pub async fn update(
    req: HttpRequest,
    ctx: PageContext,
    state: web::Data<AppState>,
    path: web::Path<(i64, String)>,
    form: CsrfForm<UpdateFields>,
) -> AppResult<HttpResponse> {
    let (id, secret) = path.into_inner();
    let (item, holder) = authorised(&state, id, &secret).await?;
    let CsrfForm(fields) = form;
    let locale = &ctx.locale;
    let checked = fields
        .status
        .parse::<ActionStatus>()
        .map_err(|_| ("column-status", "invalid-choice"))
        .and_then(|status| {
            validate::optional(&fields.note, 4000)
                .map(|note| (status, note))
                .map_err(|problem| ("field-note", problem))
        });
    let (status, note) = match checked {
        Ok(checked) => checked,
        Err((field, problem)) => {
            let message = AppError::field(locale, field, problem).to_string();
            return Ok(anonymous_form(&req, StatusCode::UNPROCESSABLE_ENTITY, |token| {
                views::form(&ctx, token, &item, &fields.note, Some(&message))
            }));
        }
    };
    let now = Utc::now();
    let mut conn = state.conn().await?;
    let change = StatusChange {
        status,
        note: note.as_deref().unwrap_or_default(),
        user_id: Some(holder),
        meeting_id: None,
        via: UpdateVia::EmailLink,
        at: now,
    };
    action_points::change_status(&mut conn, item.id, &change).await?;
    action_links::touch(&mut conn, &secret, now).await?;
    // No log line here: the request span carries the path, and the path the secret.
    let item = action_points::find(&mut conn, item.id).await?;
    Ok(crate::web::html_page(StatusCode::OK, views::done(&ctx, &item)))
}
