use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::Utc;

use crate::domain::owners::{self, Owner};
use crate::domain::policy::Action;
use crate::domain::{UpdateVia, validate};
use crate::models::action_points::NewActionPoint;
use crate::models::agenda;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::{AppError, AppResult};
use crate::web::routes::action_points::owners_on_offer;
use crate::web::views::forms::Problems;
use crate::web::views::live::RaiseForm;

/// Records an action point raised at the meeting, under the item being discussed,
/// with owners chosen as on the action point form. A refused one comes back on the
/// live screen as typed, with its problems.
pub async fn raise(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<RaiseForm>,
) -> AppResult<HttpResponse> {
    let locale = &me.ctx.locale;
    let CsrfForm(form) = form;
    let mut conn = state.conn().await?;
    let (meeting, _) = super::meeting_for(&mut conn, me.user(), *id, Action::RunMeetings).await?;
    let offered: Vec<Owner> = owners_on_offer(&mut conn, locale, meeting.group_id)
        .await?
        .into_iter()
        .map(|(o, _)| o)
        .collect();
    let mut problems = Problems::default();
    let topic = problems.check("column-topic", validate::required(&form.topic, 200));
    let text = problems.check("column-action", validate::required(&form.text, 4000));
    let chosen = problems.check("column-owners", owners::check(&form.owners, &offered));
    let due_date = problems.check("column-due", validate::optional_date(&form.due_date));
    let agenda_item_id = match form.agenda_item {
        Some(item) => Some(agenda::find_item(&mut conn, meeting.id, item).await?.id),
        None => None,
    };
    let (Some(topic), Some(text), Some(chosen), Some(due_date)) = (topic, text, chosen, due_date) else {
        drop(conn);
        return super::live::render(
            &me,
            &state,
            meeting.id,
            &form,
            &problems,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let new = NewActionPoint {
        group_id: meeting.group_id,
        meeting_id: Some(meeting.id),
        agenda_item_id,
        topic: &topic,
        text: &text,
        due_date,
        restricted: false,
        created_by: Some(me.user().id),
        created_at: Utc::now(),
        owners: &chosen,
        via: UpdateVia::Meeting,
    };
    agenda::raise_action_point(&mut conn, meeting.id, &new)
        .await
        .map_err(|e| AppError::from_edit(locale, e))?;
    Ok(super::see_other(format!("/meetings/{}/live", meeting.id)))
}
