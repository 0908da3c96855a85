use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::domain::passwords;
use crate::models::{sessions, users};
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::{AppError, AppResult};
use crate::web::views::account::{Feedback, change_password};
use crate::web::{AppState, html_page};

fn page(me: &SignedIn, status: StatusCode, feedback: &Feedback) -> HttpResponse {
    html_page(status, change_password(&me.ctx, &me.session.csrf_token, feedback))
}

pub async fn show(me: SignedIn) -> HttpResponse {
    page(&me, StatusCode::OK, &Feedback::default())
}

#[derive(Deserialize)]
pub struct PasswordForm {
    current_password: String,
    new_password: String,
    confirm_password: String,
}

/// Changes the password after checking the current one, and signs out every other
/// session of the account.
pub async fn update(me: SignedIn, state: web::Data<AppState>, form: CsrfForm<PasswordForm>) -> AppResult<HttpResponse> {
    let CsrfForm(form) = form;
    let locale = &me.ctx.locale;
    let user = me.user().clone();
    if let Some(problem) = passwords::rejection(&form.new_password, &form.confirm_password, &user.email) {
        let feedback = Feedback {
            error: Some(locale.t(problem)),
            notice: None,
        };
        return Ok(page(&me, StatusCode::UNPROCESSABLE_ENTITY, &feedback));
    }
    let mut conn = state.conn().await?;
    let stored = users::password_hash(&mut conn, user.id).await?.unwrap_or_default();
    let (current, new) = (form.current_password, form.new_password);
    let new_hash = web::block(move || passwords::verify(&current, &stored).then(|| passwords::hash(&new)))
        .await
        .map_err(|e| AppError::Internal(e.into()))?;
    let Some(new_hash) = new_hash else {
        let feedback = Feedback {
            error: Some(locale.t("password-current-wrong")),
            notice: None,
        };
        return Ok(page(&me, StatusCode::UNPROCESSABLE_ENTITY, &feedback));
    };
    users::set_password_hash(&mut conn, user.id, &new_hash).await?;
    sessions::delete_for_user(&mut conn, user.id, Some(&me.session.key_hash)).await?;
    Ok(page(
        &me,
        StatusCode::OK,
        &Feedback {
            error: None,
            notice: Some(locale.t("password-changed")),
        },
    ))
}
