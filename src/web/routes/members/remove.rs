use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};

use super::managed_group;
use crate::models::memberships;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::{AppError, AppResult};
use crate::web::routes::sessions::delete::NoFields;

pub async fn remove(
    me: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    let (group_id, membership_id) = path.into_inner();
    let group = managed_group(&me, &state, group_id).await?;
    let mut conn = state.conn().await?;
    if !memberships::remove(&mut conn, group.id, membership_id).await? {
        return Err(AppError::NotFound);
    }
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, format!("/groups/{group_id}/members")))
        .finish())
}
