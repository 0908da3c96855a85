use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use serde::Deserialize;

use crate::flows::accounts;
use crate::mail::PasswordLink;
use crate::models::tokens::{self, Purpose};
use crate::models::users;
use crate::web::auth::{CsrfForm, PageContext};
use crate::web::error::AppResult;
use crate::web::views::account::{Feedback, request_reset};
use crate::web::{AppState, anonymous_form};

/// At most this many links per account per quarter hour, so the form cannot flood a mailbox.
const MAX_RECENT_LINKS: i64 = 3;

pub async fn show(req: HttpRequest, ctx: PageContext) -> HttpResponse {
    anonymous_form(&req, StatusCode::OK, |token| {
        request_reset(&ctx, token, &Feedback::default())
    })
}

#[derive(Deserialize)]
pub struct ResetForm {
    email: String,
}

/// Queues a reset link when the account exists; says the same either way, so the
/// form tells nobody which addresses have accounts.
pub async fn create(
    req: HttpRequest,
    ctx: PageContext,
    state: web::Data<AppState>,
    form: CsrfForm<ResetForm>,
) -> AppResult<HttpResponse> {
    let now = Utc::now();
    let mut conn = state.conn().await?;
    if let Some((user, _)) = users::find_for_login(&mut conn, form.0.email.trim()).await?
        && tokens::issued_since(
            &mut conn,
            Purpose::SetPassword,
            user.id,
            now - chrono::Duration::minutes(15),
        )
        .await?
            < MAX_RECENT_LINKS
    {
        accounts::send_password_link(&mut conn, &state.settings.base_url, &user, PasswordLink::Reset, now).await?;
    }
    let feedback = Feedback {
        error: None,
        notice: Some(ctx.locale.t("password-reset-sent")),
    };
    Ok(anonymous_form(&req, StatusCode::OK, |token| {
        request_reset(&ctx, token, &feedback)
    }))
}
