use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use super::login_page;
use crate::web::auth::{PageContext, local_path};
use crate::web::views::account::Feedback;

#[derive(Deserialize)]
pub struct Query {
    next: Option<String>,
}

pub async fn new(req: HttpRequest, ctx: PageContext, query: web::Query<Query>) -> HttpResponse {
    let next = local_path(query.next.as_deref());
    if ctx.session.is_some() {
        return HttpResponse::SeeOther().insert_header((LOCATION, next)).finish();
    }
    login_page(&req, &ctx, StatusCode::OK, &next, "", &Feedback::default())
}
