//! Personal API tokens: the list, creating one (its secret shown once) and revoking.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, CacheControl, CacheDirective};
use actix_web::{HttpResponse, web};
use chrono::Utc;
use serde::Deserialize;

use crate::domain::validate;
use crate::models::tokens;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::{AppError, AppResult};
use crate::web::views::tokens::{TokensPage, page};

fn render(me: &SignedIn, status: StatusCode, content: &TokensPage<'_>) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        // The page may carry a new token's secret: no cache may keep it.
        .insert_header(CacheControl(vec![CacheDirective::NoStore]))
        .body(page(&me.ctx, &me.session.csrf_token, content).into_string())
}

pub async fn list(me: SignedIn, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let tokens = tokens::api_tokens(&mut conn, me.user().id).await?;
    let content = TokensPage {
        tokens: &tokens,
        ..TokensPage::default()
    };
    Ok(render(&me, StatusCode::OK, &content))
}

#[derive(Deserialize)]
pub struct NewTokenForm {
    #[serde(default)]
    label: String,
}

/// Creates a token and shows its secret in the answer itself, never in a URL.
pub async fn create(me: SignedIn, state: web::Data<AppState>, form: CsrfForm<NewTokenForm>) -> AppResult<HttpResponse> {
    let CsrfForm(form) = form;
    let mut conn = state.conn().await?;
    let user_id = me.user().id;
    let label = match validate::optional(&form.label, 100) {
        Ok(label) => label,
        Err(id) => {
            let tokens = tokens::api_tokens(&mut conn, user_id).await?;
            let content = TokensPage {
                tokens: &tokens,
                error: Some(format!(
                    "{}: {}",
                    me.ctx.locale.t("tokens-column-label"),
                    me.ctx.locale.t(id)
                )),
                label: &form.label,
                ..TokensPage::default()
            };
            return Ok(render(&me, StatusCode::UNPROCESSABLE_ENTITY, &content));
        }
    };
    let secret = tokens::issue_api(&mut conn, user_id, label.as_deref(), Utc::now()).await?;
    tracing::info!(user_id, "API token created");
    let tokens = tokens::api_tokens(&mut conn, user_id).await?;
    let content = TokensPage {
        tokens: &tokens,
        new_secret: Some(&secret),
        ..TokensPage::default()
    };
    Ok(render(&me, StatusCode::OK, &content))
}

#[derive(Deserialize)]
pub struct NoFields {}

pub async fn revoke(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let user_id = me.user().id;
    if !tokens::revoke_api(&mut conn, user_id, *id, Utc::now()).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(user_id, token_id = *id, "API token revoked");
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/account/tokens"))
        .finish())
}
