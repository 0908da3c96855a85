use actix_web::{HttpResponse, web};
use chrono::{Duration, Utc};

use crate::domain::ics::{Method, calendar};
use crate::domain::policy::Action;
use crate::models::meeting_schedule::{self, CalendarText};
use crate::models::{calendar_feeds, groups, memberships, users};
use crate::web::AppState;
use crate::web::auth::authorize;
use crate::web::error::{AppError, AppResult};

use super::ics_response;

/// How far back a feed reaches: recent meetings stay in calendars, old ones drop off.
const FEED_HISTORY: Duration = Duration::days(180);
const FEED_LIMIT: i64 = 500;

/// A feed, opened by its secret alone. It shows the published meetings of the
/// groups its holder belongs to now (a revoked membership drops them), of one group
/// for a group's feed; a reset secret, or a deactivated account, is not found.
pub async fn serve(state: web::Data<AppState>, secret: web::Path<String>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let now = Utc::now();
    let holder = calendar_feeds::holder(&mut conn, &secret, now)
        .await?
        .ok_or(AppError::NotFound)?;
    let user = users::find(&mut conn, holder.user_id).await?;
    if user.deactivated_at.is_some() {
        return Err(AppError::NotFound);
    }
    let (group_ids, name) = match holder.group_id {
        Some(group_id) => {
            authorize(&mut conn, &user, group_id, Action::View).await?;
            (vec![group_id], groups::find(&mut conn, group_id).await?.name)
        }
        None => {
            let roles = memberships::active_roles(&mut conn, user.id, now.date_naive()).await?;
            let mut ids: Vec<i64> = roles.into_iter().map(|(group, _)| group).collect();
            ids.sort_unstable();
            ids.dedup();
            (ids, format!("convene: {}", user.name))
        }
    };
    let meetings = meeting_schedule::published_since(&mut conn, &group_ids, now - FEED_HISTORY, FEED_LIMIT).await?;
    let texts: Vec<CalendarText> = meetings
        .iter()
        .map(|m| CalendarText::of(m, &state.settings.base_url))
        .collect();
    let events: Vec<_> = meetings.iter().zip(&texts).map(|(m, t)| t.event(m, now)).collect();
    Ok(ics_response(
        "convene.ics",
        calendar(Method::Publish, Some(&name), &events),
    ))
}
