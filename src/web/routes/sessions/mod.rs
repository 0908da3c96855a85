pub mod create;
pub mod delete;
pub mod new;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};

use crate::web::auth::PageContext;
use crate::web::views;
use crate::web::views::account::Feedback;
use crate::web::{AppState, anonymous_form};

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
    anonymous_form(req, state, status, |token| {
        views::account::login(ctx, token, next, email, feedback)
    })
}
