use actix_web::web;
use chrono::Utc;
use maud::Markup;

use crate::models::{groups, memberships};
use crate::web::auth::SignedIn;
use crate::web::error::AppResult;
use crate::web::{AppState, views};

/// The signed-in person's groups: every working group for an admin, else the
/// groups they belong to (sub-groups are reached from their parent's page).
pub async fn show(me: SignedIn, state: web::Data<AppState>) -> AppResult<Markup> {
    let mut conn = state.conn().await?;
    let groups = if me.user().is_admin {
        groups::top_level(&mut conn).await?
    } else {
        let roles = memberships::active_roles(&mut conn, me.user().id, Utc::now().date_naive()).await?;
        let ids: Vec<i64> = roles.iter().map(|(group, _)| *group).collect();
        groups::entry_points(&mut conn, &ids).await?
    };
    Ok(views::groups::home(&me.ctx, &groups))
}
