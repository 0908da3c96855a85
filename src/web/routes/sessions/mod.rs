pub mod create;
pub mod delete;
pub mod new;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};

use crate::web::anonymous_form;
use crate::web::auth::PageContext;
use crate::web::views;
use crate::web::views::account::Feedback;

/// The sign-in page with its form token (and the cookie holding it, the first time).
pub fn login_page(
    req: &HttpRequest,
    ctx: &PageContext,
    status: StatusCode,
    next: &str,
    email: &str,
    feedback: &Feedback,
) -> HttpResponse {
    anonymous_form(req, status, |token| {
        views::account::login(ctx, token, next, email, feedback)
    })
}
