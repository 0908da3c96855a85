use std::sync::LazyLock;

use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use serde::Deserialize;

use super::login_page;
use crate::domain::passwords;
use crate::models::{login_attempts, sessions, users};
use crate::web::AppState;
use crate::web::auth::{
    CsrfForm, FORM_COOKIE, PageContext, client_address, expired_cookie, local_path, session_cookie,
};
use crate::web::error::{AppError, AppResult};
use crate::web::views::account::Feedback;

#[derive(Deserialize)]
pub struct LoginForm {
    email: String,
    password: String,
    next: Option<String>,
}

/// Checked when the account is unknown, so that a wrong email takes as long as a wrong password.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| passwords::hash("not anybody's password"));

pub async fn create(
    req: HttpRequest,
    ctx: PageContext,
    state: web::Data<AppState>,
    form: CsrfForm<LoginForm>,
) -> AppResult<HttpResponse> {
    let CsrfForm(form) = form;
    let (now, address, email) = (Utc::now(), client_address(&req), form.email.trim().to_owned());
    let next = local_path(form.next.as_deref());
    let mut conn = state.conn().await?;
    if login_attempts::throttled(&mut conn, &email, &address, now).await? {
        let feedback = Feedback {
            error: Some(ctx.locale.t("login-throttled")),
            notice: None,
        };
        return Ok(login_page(
            &req,
            &ctx,
            StatusCode::TOO_MANY_REQUESTS,
            &next,
            &email,
            &feedback,
        ));
    }
    let found = users::find_for_login(&mut conn, &email).await?;
    let (user, hash) = match found {
        Some((user, Some(hash))) => (Some(user), hash),
        _ => (None, DUMMY_HASH.clone()),
    };
    let password = form.password;
    // Hashing takes tens of milliseconds of CPU: keep it off the async workers.
    let matches = web::block(move || passwords::verify(&password, &hash))
        .await
        .map_err(|e| AppError::Internal(e.into()))?;
    let user = user.filter(|_| matches);
    login_attempts::record(&mut conn, &email, &address, user.is_some(), now).await?;
    let Some(user) = user else {
        tracing::info!("sign-in failed");
        let feedback = Feedback {
            error: Some(ctx.locale.t("login-failed")),
            notice: None,
        };
        return Ok(login_page(
            &req,
            &ctx,
            StatusCode::UNAUTHORIZED,
            &next,
            &email,
            &feedback,
        ));
    };
    // A new key at every sign-in: a key planted before it is worth nothing after.
    let key = sessions::create(&mut conn, user.id, now).await?;
    tracing::info!(user_id = user.id, "signed in");
    Ok(HttpResponse::SeeOther()
        .cookie(session_cookie(key, state.settings.base_url.scheme() == "https"))
        .cookie(expired_cookie(FORM_COOKIE))
        .insert_header((LOCATION, next))
        .finish())
}
