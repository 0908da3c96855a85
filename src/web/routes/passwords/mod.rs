pub mod reset;
pub mod set;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use maud::Markup;

use crate::web::AppState;
use crate::web::auth::anonymous_form_token;

/// A page with an anonymous form: renders it with the form token, setting the
/// token's cookie the first time.
pub fn anonymous_form(
    req: &HttpRequest,
    state: &AppState,
    status: StatusCode,
    render: impl FnOnce(&str) -> Markup,
) -> HttpResponse {
    let (token, cookie) = anonymous_form_token(req, state.settings.base_url.scheme() == "https");
    let mut response = HttpResponse::build(status);
    if let Some(cookie) = cookie {
        response.cookie(cookie);
    }
    response
        .content_type("text/html; charset=utf-8")
        .body(render(&token).into_string())
}
