use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use serde::Deserialize;

use crate::domain::passwords;
use crate::flows::accounts;
use crate::models::tokens::{self, Purpose};
use crate::models::users;
use crate::web::auth::{CsrfForm, PageContext};
use crate::web::error::{AppError, AppResult};
use crate::web::routes::sessions::login_page;
use crate::web::views::account::{Feedback, set_password};
use crate::web::{AppState, anonymous_form};

/// The user a live link belongs to, or the "link expired" page as an error.
async fn link_holder(state: &AppState, secret: &str) -> AppResult<users::User> {
    let mut conn = state.conn().await?;
    match tokens::holder(&mut conn, Purpose::SetPassword, secret, Utc::now()).await? {
        Some(user_id) => Ok(users::find(&mut conn, user_id).await?),
        None => Err(AppError::LinkExpired),
    }
}

pub async fn show(
    req: HttpRequest,
    ctx: PageContext,
    state: web::Data<AppState>,
    secret: web::Path<String>,
) -> AppResult<HttpResponse> {
    link_holder(&state, &secret).await?;
    Ok(anonymous_form(&req, StatusCode::OK, |token| {
        set_password(&ctx, token, &secret, &Feedback::default())
    }))
}

#[derive(Deserialize)]
pub struct SetPasswordForm {
    new_password: String,
    confirm_password: String,
}

/// Sets the password through a one-time link, then asks the person to sign in.
pub async fn update(
    req: HttpRequest,
    ctx: PageContext,
    state: web::Data<AppState>,
    secret: web::Path<String>,
    form: CsrfForm<SetPasswordForm>,
) -> AppResult<HttpResponse> {
    let CsrfForm(form) = form;
    let user = link_holder(&state, &secret).await?;
    if let Some(problem) = passwords::rejection(&form.new_password, &form.confirm_password, &user.email) {
        let feedback = Feedback {
            error: Some(ctx.locale.t(problem)),
            notice: None,
        };
        return Ok(anonymous_form(&req, StatusCode::UNPROCESSABLE_ENTITY, |token| {
            set_password(&ctx, token, &secret, &feedback)
        }));
    }
    let new_password = form.new_password;
    let hash = web::block(move || passwords::hash(&new_password))
        .await
        .map_err(|e| AppError::Internal(e.into()))?;
    let mut conn = state.conn().await?;
    if accounts::set_password_with_link(&mut conn, &secret, &hash, Utc::now())
        .await?
        .is_none()
    {
        return Err(AppError::LinkExpired);
    }
    tracing::info!(user_id = user.id, "password set from a link");
    let feedback = Feedback {
        error: None,
        notice: Some(ctx.locale.t("password-set-done")),
    };
    Ok(login_page(&req, &ctx, StatusCode::OK, "/", &user.email, &feedback))
}
