use actix_web::web;
use maud::Markup;

use crate::domain::policy::{self, Action};
use crate::models::minutes;
use crate::web::auth::SignedIn;
use crate::web::error::AppResult;
use crate::web::routes::workplan;
use crate::web::{AppState, views};

pub async fn show(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<Markup> {
    let mut conn = state.conn().await?;
    let (meeting, standing) = super::meeting_for(&mut conn, me.user(), *id, Action::View).await?;
    let may_run = policy::allows(standing, Action::RunMeetings);
    let minutes = minutes::compose(&mut conn, meeting.id, super::reader(standing, me.user())).await?;
    let workplan = workplan::meeting_workplan(&mut conn, &me.ctx, &meeting, &minutes.agenda).await?;
    let updates = super::report::updates_for(&mut conn, me.user(), &meeting, standing, &minutes.agenda).await?;
    Ok(views::meetings::show(&me.ctx, &minutes, &workplan, &updates, may_run))
}
