use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};

use super::schedule::{ScheduleForm, runnable_group, today};
use crate::models::groups::Group;
use crate::models::meeting_schedule;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::AppResult;
use crate::web::views::forms::Problems;
use crate::web::views::groups::crumbs_to;
use crate::web::views::meeting_form::{SchedulePage, schedule_form};
use crate::web::{AppState, html_page};

struct FormContext {
    group: Group,
    ancestors: Vec<Group>,
    people: Vec<(i64, String)>,
}

async fn context(me: &SignedIn, state: &AppState, group_id: i64) -> AppResult<FormContext> {
    let mut conn = state.conn().await?;
    let (group, ancestors) = runnable_group(&mut conn, me.user(), group_id).await?;
    let people = meeting_schedule::member_choices(&mut conn, group.id, today()).await?;
    Ok(FormContext {
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
        title: me.ctx.locale.t_args(
            "schedule-new-title",
            &[("group", context.group.short_name.as_str().into())],
        ),
        crumbs: crumbs_to(&context.ancestors, &context.group),
        action: format!("/groups/{}/meetings", context.group.id),
        group: &context.group,
        fields,
        problems,
        people: &context.people,
        new_meeting: true,
    };
    html_page(status, schedule_form(&me.ctx, &view))
}

pub async fn new(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let context = context(&me, &state, *id).await?;
    let fields = ScheduleForm::blank(&context.group);
    Ok(page(&me, &context, &fields, &Problems::default(), StatusCode::OK))
}

/// Creates a draft meeting with its starting agenda; any problem shows the form
/// again, filled in, and writes nothing.
pub async fn create(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<ScheduleForm>,
) -> AppResult<HttpResponse> {
    let context = context(&me, &state, *id).await?;
    let CsrfForm(fields) = form;
    let mut problems = Problems::default();
    let checked = fields.check(context.group.tz(), &context.people, &mut problems);
    let source = fields.agenda_source(&mut problems);
    let (Some(meeting), Some(source)) = (checked, source) else {
        return Ok(page(
            &me,
            &context,
            &fields,
            &problems,
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    };
    let mut conn = state.conn().await?;
    let review = me.ctx.locale.t("schedule-review-item");
    let meeting_id = meeting_schedule::create(&mut conn, context.group.id, &meeting, source, &review).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, format!("/meetings/{meeting_id}")))
        .finish())
}
