use actix_web::web;
use maud::Markup;

use crate::models::organizations;
use crate::web::auth::{SignedIn, may_add_organizations};
use crate::web::error::AppResult;
use crate::web::{AppState, views};

pub async fn list(me: SignedIn, state: web::Data<AppState>) -> AppResult<Markup> {
    let mut conn = state.conn().await?;
    let may_add = may_add_organizations(&mut conn, me.user()).await?;
    let all = organizations::list(&mut conn).await?;
    Ok(views::organizations::list(&me.ctx, &all, may_add, me.user().is_admin))
}
