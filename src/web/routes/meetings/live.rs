use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::domain::policy::{self, Action};
use crate::models::agenda;
use crate::models::minutes;
use crate::web::auth::SignedIn;
use crate::web::error::AppResult;
use crate::web::routes::action_points::owners_on_offer;
use crate::web::views::forms::Problems;
use crate::web::views::live::{LivePage, RaiseForm, page};
use crate::web::{AppState, html_page};

/// The live screen: those who run the meeting edit it, other members watch.
pub async fn show(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    render(
        &me,
        &state,
        *id,
        &RaiseForm::default(),
        &Problems::default(),
        StatusCode::OK,
    )
    .await
}

/// The live screen, with the new action point form as typed (and its problems, when
/// it was refused).
pub async fn render(
    me: &SignedIn,
    state: &AppState,
    id: i64,
    raise: &RaiseForm,
    problems: &Problems,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (meeting, standing) = super::meeting_for(&mut conn, me.user(), id, Action::View).await?;
    let may_run = policy::allows(standing, Action::RunMeetings);
    // The stamp is read first: a change made while the page is drawn shows up at the next poll.
    let live = agenda::live_state(&mut conn, meeting.id).await?;
    let minutes = minutes::compose(&mut conn, meeting.id, super::reader(standing, me.user())).await?;
    let offered: Vec<(String, String)> = if may_run {
        owners_on_offer(&mut conn, &me.ctx.locale, meeting.group_id)
            .await?
            .into_iter()
            .map(|(owner, label)| (owner.key(), label))
            .collect()
    } else {
        Vec::new()
    };
    Ok(html_page(
        status,
        page(
            &me.ctx,
            &LivePage {
                minutes: &minutes,
                stamp: &live.stamp,
                may_run,
                owners_on_offer: &offered,
                raise,
                problems,
            },
        ),
    ))
}
