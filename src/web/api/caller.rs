//! Who calls the API: a personal token in `Authorization: Bearer`, or, from the
//! browser, the session cookie with the session's CSRF token on every change.

use actix_web::dev::Payload;
use actix_web::http::{Method, header};
use actix_web::{FromRequest, HttpRequest, web};
use chrono::Utc;

use crate::models::tokens;
use crate::models::users::User;
use crate::web::AppState;
use crate::web::auth::{SignedIn, verify_csrf};
use crate::web::error::{AppError, AppResult};

/// The signed-in caller of an API endpoint. Anything else is a 401 (problem
/// details); a session-cookie call that changes something without the session's
/// `X-CSRF-Token` is a 403.
pub struct ApiUser {
    pub user: User,
}

impl FromRequest for ApiUser {
    type Error = AppError;
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            match bearer_token(&req)? {
                Some(secret) => {
                    let state = req
                        .app_data::<web::Data<AppState>>()
                        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("application state missing")))?;
                    let mut conn = state.conn().await?;
                    let user = tokens::api_user(&mut conn, secret, Utc::now())
                        .await?
                        .ok_or(AppError::Unauthenticated)?;
                    Ok(ApiUser { user })
                }
                None => {
                    let me = SignedIn::from_request(&req, &mut Payload::None).await?;
                    if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
                        verify_csrf(&req, None).await?;
                    }
                    Ok(ApiUser { user: me.session.user })
                }
            }
        })
    }
}

/// The token of an `Authorization: Bearer …` header; `None` without the header, and
/// a 401 for any other scheme or an empty token.
fn bearer_token(req: &HttpRequest) -> AppResult<Option<&str>> {
    let Some(value) = req.headers().get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| AppError::Unauthenticated)?;
    match value.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() => {
            Ok(Some(token.trim()))
        }
        _ => Err(AppError::Unauthenticated),
    }
}
