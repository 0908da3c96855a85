use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};

use super::schedule::{ScheduleForm, runnable_group, today};
use crate::domain::meeting_flow::is_editable;
use crate::i18n::Locale;
use crate::models::groups::Group;
use crate::models::meeting_schedule::{self, Updated};
use crate::models::meetings::{self, Meeting};
use crate::models::users;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::{AppError, AppResult};
use crate::web::views::forms::Problems;
use crate::web::views::groups::crumbs_to;
use crate::web::views::meeting_form::{SchedulePage, schedule_form};
use crate::web::{AppState, html_page};

struct FormContext {
    meeting: Meeting,
    group: Group,
    ancestors: Vec<Group>,
    people: Vec<(i64, String)>,
}

/// 409: closed and cancelled meetings change only after an explicit re-open.
fn not_editable(locale: &Locale) -> AppError {
    AppError::Conflict(locale.t("schedule-not-editable"))
}

/// The meeting, checked against its own group (never one named in the request).
async fn context(me: &SignedIn, state: &AppState, meeting_id: i64) -> AppResult<FormContext> {
    let mut conn = state.conn().await?;
    let meeting = meetings::find(&mut conn, meeting_id).await?;
    let (group, ancestors) = runnable_group(&mut conn, me.user(), meeting.group_id).await?;
    let mut people = meeting_schedule::member_choices(&mut conn, group.id, today()).await?;
    // A chair or note taker who has left the group stays choosable for their meeting.
    for id in [meeting.chair_id, meeting.note_taker_id].into_iter().flatten() {
        if !people.iter().any(|(p, _)| *p == id) {
            people.push((id, users::find(&mut conn, id).await?.name));
        }
    }
    Ok(FormContext {
        meeting,
        group,
        ancestors,
        people,
    })
}

fn page(
    me: &SignedIn,
    context: &FormContext,
    fields: &ScheduleForm,
    problems: &Problems,
    status: StatusCode,
) -> HttpResponse {
    let view = SchedulePage {
        title: me.ctx.locale.t("schedule-edit-title"),
        crumbs: crumbs_to(&context.ancestors, &context.group),
        action: format!("/meetings/{}", context.meeting.id),
        group: &context.group,
        fields,
        problems,
        people: &context.people,
        new_meeting: false,
    };
    html_page(status, schedule_form(&me.ctx, &view))
}

pub async fn edit(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let context = context(&me, &state, *id).await?;
    if !is_editable(context.meeting.status) {
        return Err(not_editable(&me.ctx.locale));
    }
    let fields = ScheduleForm::of(&context.meeting, context.group.tz());
    Ok(page(&me, &context, &fields, &Problems::default(), StatusCode::OK))
}

/// Changes the meeting's title, time, place and people; bumps its calendar sequence
/// when a published meeting moves. Any problem shows the form again and writes nothing.
pub async fn update(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<ScheduleForm>,
) -> AppResult<HttpResponse> {
    let context = context(&me, &state, *id).await?;
    if !is_editable(context.meeting.status) {
        return Err(not_editable(&me.ctx.locale));
    }
    let CsrfForm(fields) = form;
    let mut problems = Problems::default();
    let Some(changes) = fields.check(context.group.tz(), &context.people, &mut problems) else {
        return Ok(page(
            &me,
            &context,
            &fields,
            &problems,
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    };
    let mut conn = state.conn().await?;
    match crate::flows::meetings::update(&mut conn, &state.mail(), context.group.id, context.meeting.id, &changes)
        .await?
    {
        Updated::Saved { .. } => Ok(HttpResponse::SeeOther()
            .insert_header((LOCATION, format!("/meetings/{}", context.meeting.id)))
            .finish()),
        Updated::NotEditable(_) => Err(not_editable(&me.ctx.locale)),
    }
}
