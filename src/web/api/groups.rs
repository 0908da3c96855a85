use actix_web::{HttpResponse, web};
use serde::Serialize;

use crate::models::groups::{self, Group};
use crate::web::AppState;
use crate::web::error::AppResult;

#[derive(Serialize)]
struct GroupBody {
    #[serde(flatten)]
    group: Group,
    subgroups: Vec<Group>,
}

pub async fn show(state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let group = groups::find(&mut conn, *id).await?;
    let subgroups = groups::children(&mut conn, group.id).await?;
    Ok(HttpResponse::Ok().json(GroupBody { group, subgroups }))
}
