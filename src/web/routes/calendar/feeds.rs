use actix_web::web;
use chrono::Utc;
use maud::Markup;
use serde::Deserialize;

use crate::domain::policy::Action;
use crate::models::{calendar_feeds, groups, memberships};
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn, authorize};
use crate::web::error::{AppError, AppResult};
use crate::web::views::calendar::{FeedRow, FeedsPage, feeds_page};

/// The person's feed of all their groups, and one per group they belong to, each
/// with whether its address works; `issued` is a new address, shown this once.
async fn render(me: &SignedIn, state: &AppState, issued: Option<(Option<i64>, String)>) -> AppResult<Markup> {
    let mut conn = state.conn().await?;
    let roles = memberships::active_roles(&mut conn, me.user().id, Utc::now().date_naive()).await?;
    let ids: Vec<i64> = roles.iter().map(|(group, _)| *group).collect();
    let mut groups = groups::by_ids(&mut conn, &ids).await?;
    groups.sort_by(|a, b| a.name.cmp(&b.name));
    let active = calendar_feeds::active(&mut conn, me.user().id).await?;
    let row = |group_id: Option<i64>, label: String| FeedRow {
        group_id,
        label,
        active_since: active.iter().find(|f| f.group_id == group_id).map(|f| f.created_at),
        new_address: issued
            .as_ref()
            .filter(|(g, _)| *g == group_id)
            .and_then(|(_, secret)| state.settings.base_url.join(&format!("calendar/{secret}.ics")).ok())
            .map(String::from),
    };
    let mut rows = vec![row(None, me.ctx.locale.t("calendar-all-my-groups"))];
    rows.extend(groups.iter().map(|g| row(Some(g.id), g.name.clone())));
    Ok(feeds_page(&me.ctx, &FeedsPage { rows }))
}

pub async fn show(me: SignedIn, state: web::Data<AppState>) -> AppResult<Markup> {
    render(&me, &state, None).await
}

#[derive(Deserialize)]
pub struct FeedForm {
    /// Empty for the feed of all the person's groups.
    #[serde(default)]
    group: String,
    /// `reset` (a new address, the old one stops) or `revoke` (no address).
    action: String,
}

/// Issues a new secret address for a feed, revoking the old one, or turns it off.
pub async fn reset(me: SignedIn, state: web::Data<AppState>, form: CsrfForm<FeedForm>) -> AppResult<Markup> {
    let CsrfForm(form) = form;
    let group_id = match form.group.trim() {
        "" => None,
        id => Some(id.parse::<i64>().map_err(|_| AppError::NotFound)?),
    };
    let mut conn = state.conn().await?;
    if let Some(group_id) = group_id {
        authorize(&mut conn, me.user(), group_id, Action::View).await?;
    }
    let now = Utc::now();
    let issued = match form.action.as_str() {
        "reset" => Some((
            group_id,
            calendar_feeds::reset(&mut conn, me.user().id, group_id, now).await?,
        )),
        "revoke" => {
            calendar_feeds::revoke(&mut conn, me.user().id, group_id, now).await?;
            None
        }
        _ => return Err(AppError::field(&me.ctx.locale, "calendar-feed", "invalid-choice")),
    };
    drop(conn);
    render(&me, &state, issued).await
}
