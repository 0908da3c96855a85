use actix_web::{HttpResponse, web};
use serde::Serialize;

use crate::domain::policy::Action;
use crate::models::groups::{self, Group};
use crate::web::AppState;
use crate::web::auth::{SignedIn, authorize};
use crate::web::error::AppResult;

#[derive(Serialize)]
struct GroupBody {
    #[serde(flatten)]
    group: Group,
    subgroups: Vec<Group>,
}

pub async fn show(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    authorize(&mut conn, me.user(), *id, Action::View).await?;
    let group = groups::find(&mut conn, *id).await?;
    let subgroups = groups::children(&mut conn, group.id).await?;
    Ok(HttpResponse::Ok().json(GroupBody { group, subgroups }))
}
