use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};

use crate::domain::policy::Action;
use crate::models::groups;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn, authorize};
use crate::web::error::{AppError, AppResult};
use crate::web::routes::sessions::delete::NoFields;

async fn set(me: SignedIn, state: &AppState, id: i64, archived: bool) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    authorize(&mut conn, me.user(), id, Action::ManageGroup).await?;
    let group = groups::find(&mut conn, id).await?;
    // A working group is the root of everything below it; only sub-groups are archived.
    if group.parent_id.is_none() {
        return Err(AppError::BadRequest(
            "A working group cannot be archived; archive its sub-groups.".into(),
        ));
    }
    groups::set_archived(&mut conn, id, archived).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, format!("/groups/{id}")))
        .finish())
}

pub async fn archive(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    set(me, &state, *id, true).await
}

pub async fn restore(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    set(me, &state, *id, false).await
}
