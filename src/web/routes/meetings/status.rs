use actix_web::{HttpResponse, web};
use chrono::Utc;
use serde::Deserialize;

use crate::domain::meeting_flow::Transition;
use crate::domain::policy::Action;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::{AppError, AppResult};

#[derive(Deserialize)]
pub struct StepForm {
    step: String,
}

/// Publishes, starts, closes, cancels or re-opens the meeting; a step that does not
/// apply to its status (closing twice) is a 409 that says the status.
pub async fn change(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<StepForm>,
) -> AppResult<HttpResponse> {
    let locale = &me.ctx.locale;
    let mut conn = state.conn().await?;
    let (meeting, _) = super::meeting_for(&mut conn, me.user(), *id, Action::RunMeetings).await?;
    let step: Transition = form
        .0
        .step
        .parse()
        .map_err(|_| AppError::invalid_field(locale, "meeting-flow-step", "invalid-choice"))?;
    crate::flows::meetings::change_status(&mut conn, &state.mail(), meeting.id, step, Utc::now())
        .await
        .map_err(|e| AppError::from_edit(locale, e))?;
    // Starting a meeting is followed by running it.
    let next = match step {
        Transition::Start | Transition::Reopen => format!("/meetings/{}/live", meeting.id),
        _ => format!("/meetings/{}", meeting.id),
    };
    Ok(super::see_other(next))
}
