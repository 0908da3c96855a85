//! The unsubscribe link of every optional mail: GET shows what will be turned off and
//! a button; the POST turns it off. Both work without signing in, authorised by the
//! link's secret.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use serde::Deserialize;

use crate::models::mail_preferences::{self, OPTIONAL_KINDS};
use crate::web::auth::{PageContext, verify_csrf};
use crate::web::error::{AppError, AppResult};
use crate::web::views::mail_preferences as views;
use crate::web::{AppState, anonymous_form, html_page};

#[derive(Deserialize)]
pub struct Which {
    /// One optional kind; none means every optional kind.
    kind: Option<String>,
}

/// The kinds a link's `kind` names: one, or all of them when absent.
fn kinds(ctx: &PageContext, kind: Option<&str>) -> AppResult<Vec<&'static str>> {
    match kind.filter(|k| !k.is_empty()) {
        None => Ok(OPTIONAL_KINDS.to_vec()),
        Some(kind) => OPTIONAL_KINDS
            .iter()
            .find(|k| **k == kind)
            .map(|k| vec![*k])
            .ok_or_else(|| AppError::field(&ctx.locale, "notifications-kinds", "invalid-choice")),
    }
}

pub async fn show(
    req: HttpRequest,
    ctx: PageContext,
    state: web::Data<AppState>,
    secret: web::Path<String>,
    which: web::Query<Which>,
) -> AppResult<HttpResponse> {
    let kinds = kinds(&ctx, which.kind.as_deref())?;
    let mut conn = state.conn().await?;
    let (_, email) = mail_preferences::unsubscribe_holder(&mut conn, &secret, Utc::now())
        .await?
        .ok_or(AppError::LinkExpired)?;
    Ok(anonymous_form(&req, StatusCode::OK, |token| {
        views::confirm_unsubscribe(&ctx, token, &email, &kinds)
    }))
}

#[derive(Deserialize)]
pub struct UnsubscribeForm {
    csrf_token: Option<String>,
    /// RFC 8058: a mail client's one-click POST carries `List-Unsubscribe=One-Click`.
    #[serde(rename = "List-Unsubscribe")]
    one_click: Option<String>,
}

/// Turns the link's kinds off. The confirm page's form carries its CSRF token like
/// every form. The one exception is RFC 8058's one-click POST, which mail clients
/// send from their own servers with no cookie and no token: it is authorised by the
/// link's secret alone, which only the recipient's mailbox holds, and all it can do
/// is turn mail off (no other state changes, nothing is shown).
pub async fn unsubscribe(
    req: HttpRequest,
    ctx: PageContext,
    state: web::Data<AppState>,
    secret: web::Path<String>,
    which: web::Query<Which>,
    body: web::Bytes,
) -> AppResult<HttpResponse> {
    let form: UnsubscribeForm = serde_html_form::from_bytes(&body).map_err(|e| AppError::BadRequest(e.to_string()))?;
    let one_click = form.one_click.as_deref() == Some("One-Click");
    if !one_click {
        verify_csrf(&req, form.csrf_token.as_deref()).await?;
    }
    let kinds = kinds(&ctx, which.kind.as_deref())?;
    let mut conn = state.conn().await?;
    let (user_id, email) = mail_preferences::unsubscribe_holder(&mut conn, &secret, Utc::now())
        .await?
        .ok_or(AppError::LinkExpired)?;
    mail_preferences::turn_off(&mut conn, user_id, &kinds).await?;
    // No log line here: the request span carries the path, and the path the secret.
    Ok(html_page(StatusCode::OK, views::unsubscribed(&ctx, &email, &kinds)))
}
