use actix_web::{HttpResponse, web};
use chrono::Utc;
use serde::Deserialize;

use crate::domain::owners::{self, Owner};
use crate::domain::policy::Action;
use crate::domain::{UpdateVia, validate};
use crate::models::action_points::NewActionPoint;
use crate::models::agenda;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::{AppError, AppResult};
use crate::web::routes::action_points::owners_on_offer;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RaiseForm {
    topic: String,
    text: String,
    owners: Vec<String>,
    due_date: String,
    agenda_item: Option<i64>,
}

/// Records an action point raised at the meeting, under the item being discussed,
/// with owners chosen as on the action point form.
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
    let bad = |field: &str, problem: &str| AppError::invalid_field(locale, field, problem);
    let topic = validate::required(&form.topic, 200).map_err(|p| bad("column-topic", p))?;
    let text = validate::required(&form.text, 4000).map_err(|p| bad("column-action", p))?;
    let offered: Vec<Owner> = owners_on_offer(&mut conn, locale, meeting.group_id)
        .await?
        .into_iter()
        .map(|(o, _)| o)
        .collect();
    let chosen = owners::check(&form.owners, &offered).map_err(|p| bad("column-owners", p))?;
    let due_date = validate::optional_date(&form.due_date).map_err(|p| bad("column-due", p))?;
    let agenda_item_id = match form.agenda_item {
        Some(item) => Some(agenda::find_item(&mut conn, meeting.id, item).await?.id),
        None => None,
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
