use maud::Markup;

use crate::models::groups;
use crate::web::error::AppResult;
use crate::web::{AppState, PageContext, views};

pub async fn show(ctx: PageContext, state: actix_web::web::Data<AppState>) -> AppResult<Markup> {
    let mut conn = state.conn().await?;
    let groups = groups::top_level(&mut conn).await?;
    Ok(views::groups::home(&ctx.locale, &groups))
}
