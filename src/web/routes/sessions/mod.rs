pub mod create;
pub mod delete;
pub mod new;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};

use crate::web::AppState;
use crate::web::auth::{PageContext, anonymous_form_token};
use crate::web::views;
use crate::web::views::account::Feedback;

/// The sign-in page with its form token (and the cookie holding it, the first time).
pub fn login_page(
    req: &HttpRequest,
    state: &AppState,
    ctx: &PageContext,
    status: StatusCode,
    next: &str,
    email: &str,
    feedback: &Feedback,
) -> HttpResponse {
    let (token, cookie) = anonymous_form_token(req, state.settings.base_url.scheme() == "https");
    let mut response = HttpResponse::build(status);
    if let Some(cookie) = cookie {
        response.cookie(cookie);
    }
    response
        .content_type("text/html; charset=utf-8")
        .body(views::account::login(ctx, &token, next, email, feedback).into_string())
}
