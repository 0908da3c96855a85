//! `/account/notifications`: which kinds of mail the signed-in person gets.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::models::mail_preferences::{self, OPTIONAL_KINDS};
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::{AppError, AppResult};
use crate::web::views::mail_preferences::notifications;
use crate::web::{AppState, html_page};

async fn page(me: &SignedIn, state: &AppState, saved: bool) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let preferences = mail_preferences::get(&mut conn, me.user().id).await?;
    Ok(html_page(
        StatusCode::OK,
        notifications(&me.ctx, &me.session.csrf_token, &preferences, saved),
    ))
}

pub async fn show(me: SignedIn, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    page(&me, &state, false).await
}

#[derive(Deserialize)]
pub struct NotificationFields {
    /// The kinds left ticked; every other optional kind is turned off.
    #[serde(default)]
    on: Vec<String>,
    /// `immediate` or `daily_digest`.
    delivery: String,
}

pub async fn update(
    me: SignedIn,
    state: web::Data<AppState>,
    fields: CsrfForm<NotificationFields>,
) -> AppResult<HttpResponse> {
    let CsrfForm(fields) = fields;
    if fields.on.iter().any(|k| !OPTIONAL_KINDS.contains(&k.as_str())) {
        return Err(AppError::field(&me.ctx.locale, "notifications-kinds", "invalid-choice"));
    }
    let daily_digest = match fields.delivery.as_str() {
        "immediate" => false,
        "daily_digest" => true,
        _ => {
            return Err(AppError::field(
                &me.ctx.locale,
                "notifications-delivery",
                "invalid-choice",
            ));
        }
    };
    let off: Vec<&str> = OPTIONAL_KINDS
        .iter()
        .copied()
        .filter(|kind| !fields.on.iter().any(|on| on == kind))
        .collect();
    let mut conn = state.conn().await?;
    mail_preferences::save(&mut conn, me.user().id, daily_digest, &off).await?;
    page(&me, &state, true).await
}
