use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::domain::policy::Action;
use crate::domain::validate;
use crate::models::attendance;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::{AppError, AppResult};

#[derive(Default, Deserialize)]
#[serde(default)]
pub struct GuestForm {
    name: String,
    organization: String,
}

/// Adds a guest, present, by the name and organisation they gave.
pub async fn add(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<GuestForm>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    // Authorised first: the input of someone who may not add guests is not judged.
    let (meeting, _) = super::meeting_for(&mut conn, me.user(), *id, Action::RunMeetings).await?;
    let locale = &me.ctx.locale;
    let bad = |field: &str, problem: &str| AppError::invalid_field(locale, field, problem);
    let name = validate::required(&form.0.name, 200).map_err(|p| bad("attendance-guest-name", p))?;
    let organization =
        validate::optional(&form.0.organization, 200).map_err(|p| bad("attendance-guest-organization", p))?;
    attendance::add_guest(&mut conn, meeting.id, &name, organization.as_deref())
        .await
        .map_err(|e| AppError::from_edit(locale, e))?;
    Ok(super::see_other(format!("/meetings/{}/attendance", meeting.id)))
}

#[derive(Deserialize)]
pub struct Confirmed {}

pub async fn remove(
    me: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    _confirmed: CsrfForm<Confirmed>,
) -> AppResult<HttpResponse> {
    let (id, guest_id) = path.into_inner();
    let mut conn = state.conn().await?;
    let (meeting, _) = super::meeting_for(&mut conn, me.user(), id, Action::RunMeetings).await?;
    attendance::remove_guest(&mut conn, meeting.id, guest_id)
        .await
        .map_err(|e| AppError::from_edit(&me.ctx.locale, e))?;
    Ok(super::see_other(format!("/meetings/{}/attendance", meeting.id)))
}
