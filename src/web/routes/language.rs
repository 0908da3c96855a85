//! `POST /language`: the footer's language switcher.

use actix_web::cookie::{Cookie, SameSite, time};
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::i18n::Locale;
use crate::models::users;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, LANGUAGE_COOKIE, PageContext, local_path};
use crate::web::error::{AppError, AppResult};

#[derive(Deserialize)]
pub struct LanguageForm {
    locale: String,
    next: Option<String>,
}

/// Saves the chosen language to the account of someone signed in, and in a cookie
/// (read before `Accept-Language`) so that it holds before sign-in and after sign-out;
/// then back to the page it was chosen on.
pub async fn update(
    ctx: PageContext,
    state: web::Data<AppState>,
    form: CsrfForm<LanguageForm>,
) -> AppResult<HttpResponse> {
    let CsrfForm(form) = form;
    let Some(chosen) = Locale::from_tag(&form.locale) else {
        return Err(AppError::invalid_field(&ctx.locale, "field-language", "invalid-choice"));
    };
    if let Some(user) = ctx.user() {
        let mut conn = state.conn().await?;
        users::set_locale(&mut conn, user.id, Some(chosen.lang)).await?;
    }
    let cookie = Cookie::build(LANGUAGE_COOKIE, chosen.lang)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.settings.base_url.scheme() == "https")
        .max_age(time::Duration::days(365))
        .finish();
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, local_path(form.next.as_deref())))
        .cookie(cookie)
        .finish())
}
