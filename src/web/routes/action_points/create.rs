use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use chrono::Utc;

use crate::domain::owners::{self, Owner};
use crate::domain::policy::Action;
use crate::domain::{UpdateVia, validate};
use crate::models::action_points::NewActionPoint;
use crate::models::groups::{self, Group};
use crate::models::meetings;
use crate::web::auth::{CsrfForm, SignedIn, authorize};
use crate::web::error::AppResult;
use crate::web::views::action_points::{NewFields, NewPage, new_form};
use crate::web::views::forms::Problems;
use crate::web::views::groups::crumbs_to;
use crate::web::views::local_date;
use crate::web::{AppState, html_page};

/// The group an item is added to, and what its form offers.
struct FormContext {
    group: Group,
    ancestors: Vec<Group>,
    owners: Vec<(Owner, String)>,
    meetings: Vec<(String, String)>,
}

/// The group, once the user may add items to it, and what its form offers.
async fn context(me: &SignedIn, state: &AppState, id: i64) -> AppResult<FormContext> {
    let mut conn = state.conn().await?;
    authorize(&mut conn, me.user(), id, Action::RunMeetings).await?;
    let group = groups::find(&mut conn, id).await?;
    let ancestors = groups::ancestors(&mut conn, id).await?;
    let offered = super::owners_on_offer(&mut conn, &me.ctx.locale, id).await?;
    let meetings = meetings::for_group(&mut conn, id)
        .await?
        .into_iter()
        .map(|m| (m.id.to_string(), local_date(&me.ctx.locale, m.starts_at, group.tz())))
        .collect();
    Ok(FormContext {
        group,
        ancestors,
        owners: offered,
        meetings,
    })
}

fn page(
    me: &SignedIn,
    context: &FormContext,
    fields: &NewFields,
    problems: &Problems,
    status: StatusCode,
) -> HttpResponse {
    let owners: Vec<(String, String)> = context
        .owners
        .iter()
        .map(|(o, label)| (o.key(), label.clone()))
        .collect();
    let view = NewPage {
        group: &context.group,
        crumbs: crumbs_to(&context.ancestors, &context.group),
        fields,
        problems,
        owners: &owners,
        meetings: &context.meetings,
    };
    html_page(status, new_form(&me.ctx, &view))
}

pub async fn new(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let context = context(&me, &state, *id).await?;
    Ok(page(
        &me,
        &context,
        &NewFields::default(),
        &Problems::default(),
        StatusCode::OK,
    ))
}

/// Records a new action point with its owners; owners from outside the group, bad
/// dates and missing text are refused with the form shown again.
pub async fn create(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    fields: CsrfForm<NewFields>,
) -> AppResult<HttpResponse> {
    let context = context(&me, &state, *id).await?;
    let CsrfForm(fields) = fields;
    let mut problems = Problems::default();
    let topic = problems.check("column-topic", validate::required(&fields.topic, 200));
    let text = problems.check("column-action", validate::required(&fields.text, 4000));
    let offered: Vec<Owner> = context.owners.iter().map(|(o, _)| *o).collect();
    let owners = problems.check("column-owners", owners::check(&fields.owners, &offered));
    let due = problems.check("column-due", validate::optional_date(&fields.due_date));
    let meeting_id = match fields.meeting.trim() {
        "" => Some(None),
        value => problems.check(
            "action-filter-meeting",
            context
                .meetings
                .iter()
                .find(|(id, _)| id == value)
                .and_then(|(id, _)| id.parse().ok())
                .map(Some)
                .ok_or("invalid-choice"),
        ),
    };
    let (Some(topic), Some(text), Some(owners), Some(due_date), Some(meeting_id)) =
        (topic, text, owners, due, meeting_id)
    else {
        return Ok(page(
            &me,
            &context,
            &fields,
            &problems,
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    };
    let group = &context.group;
    let mut conn = state.conn().await?;
    NewActionPoint {
        group_id: group.id,
        meeting_id,
        agenda_item_id: None,
        topic: &topic,
        text: &text,
        due_date,
        restricted: fields.restricted.is_some(),
        created_by: Some(me.user().id),
        created_at: Utc::now(),
        owners: &owners,
        via: UpdateVia::Web,
    }
    .insert(&mut conn)
    .await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, format!("/groups/{}/action-points", group.id)))
        .finish())
}
