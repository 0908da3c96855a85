use actix_web::HttpResponse;

use super::ApiUser;
use crate::models::users::User;

/// The caller's own account
#[utoipa::path(get, path = "/api/v1/me", operation_id = "get_me", tag = "users", responses((status = 200, body = User)))]
pub async fn show(me: ApiUser) -> HttpResponse {
    HttpResponse::Ok().json(me.user)
}
