use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use chrono::Utc;
use serde::Deserialize;

use super::schedule::{ScheduleForm, runnable_group};
use crate::domain::recurrence::{self, End, Repeat};
use crate::domain::schedule::{self, resolve_local};
use crate::models::groups::Group;
use crate::models::meeting_schedule::{AgendaSource, MeetingFields};
use crate::models::meeting_series::{self, NewSeries};
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::AppResult;
use crate::web::views::forms::Problems;
use crate::web::views::groups::crumbs_to;
use crate::web::views::meeting_form::{SeriesPage, series_form};
use crate::web::{AppState, html_page};

/// The series form as typed; times are local to the group's zone.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SeriesForm {
    pub title: String,
    pub first_date: String,
    pub start_time: String,
    pub end_time: String,
    pub location: String,
    pub online_url: String,
    /// `weeks` (every `every_weeks` weeks) or `monthly` (same weekday of the month).
    pub repeat: String,
    pub every_weeks: String,
    /// `until` a date or a `count` of meetings.
    pub ends: String,
    pub until: String,
    pub count: String,
    pub agenda: String,
    /// Non-empty to publish the meetings at once rather than keep them as drafts.
    pub publish: String,
}

/// A checked series: what to record, and every meeting's start.
struct CheckedSeries {
    meeting: MeetingFields,
    first_date: chrono::NaiveDate,
    start: chrono::NaiveTime,
    repeat: Repeat,
    end: End,
    starts: Vec<chrono::DateTime<Utc>>,
    source: AgendaSource,
}

impl SeriesForm {
    fn blank(group: &Group) -> Self {
        let meeting = ScheduleForm::blank(group);
        SeriesForm {
            start_time: meeting.start_time,
            end_time: meeting.end_time,
            location: meeting.location,
            repeat: "weeks".into(),
            every_weeks: "2".into(),
            ends: "count".into(),
            count: "6".into(),
            agenda: meeting.agenda,
            ..SeriesForm::default()
        }
    }

    /// The same fields as a single meeting's form, on the first date.
    fn first_meeting(&self) -> ScheduleForm {
        ScheduleForm {
            title: self.title.clone(),
            date: self.first_date.clone(),
            start_time: self.start_time.clone(),
            end_time: self.end_time.clone(),
            location: self.location.clone(),
            online_url: self.online_url.clone(),
            agenda: self.agenda.clone(),
            ..ScheduleForm::default()
        }
    }

    fn check(&self, group: &Group, problems: &mut Problems) -> Option<CheckedSeries> {
        let first = self.first_meeting();
        let meeting = first.check(group.tz(), &[], problems);
        let source = first.agenda_source(problems);
        let repeat = match self.repeat.as_str() {
            "weeks" => problems.check(
                "series-field-every-weeks",
                self.every_weeks
                    .trim()
                    .parse()
                    .map(Repeat::Weeks)
                    .map_err(|_| "series-invalid-interval"),
            ),
            "monthly" => Some(Repeat::MonthlyByWeekday),
            _ => problems.check("series-field-repeat", Err("invalid-choice")),
        };
        let end = match self.ends.as_str() {
            "until" => problems
                .check("series-field-until", schedule::date(&self.until))
                .map(End::Until),
            "count" => problems.check(
                "series-field-count",
                self.count
                    .trim()
                    .parse()
                    .map(End::Count)
                    .map_err(|_| "series-invalid-count"),
            ),
            _ => problems.check("series-field-ends", Err("invalid-choice")),
        };
        let (meeting, source, repeat, end) = (meeting?, source?, repeat?, end?);
        let first_date = schedule::date(&self.first_date).ok()?;
        let start = schedule::time_of_day(&self.start_time).ok()?;
        let field = if matches!(end, End::Count(_)) {
            "series-field-count"
        } else {
            "series-field-until"
        };
        let dates = problems.check(field, recurrence::dates(first_date, repeat, end))?;
        let starts = dates.into_iter().map(|d| resolve_local(group.tz(), d, start)).collect();
        Some(CheckedSeries {
            meeting,
            first_date,
            start,
            repeat,
            end,
            starts,
            source,
        })
    }
}

fn page(
    me: &SignedIn,
    group: &Group,
    ancestors: &[Group],
    fields: &SeriesForm,
    problems: &Problems,
    status: StatusCode,
) -> HttpResponse {
    let view = SeriesPage {
        crumbs: crumbs_to(ancestors, group),
        group,
        fields,
        problems,
    };
    html_page(status, series_form(&me.ctx, &view))
}

pub async fn new(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (group, ancestors) = runnable_group(&mut conn, me.user(), *id).await?;
    let fields = SeriesForm::blank(&group);
    Ok(page(
        &me,
        &group,
        &ancestors,
        &fields,
        &Problems::default(),
        StatusCode::OK,
    ))
}

/// Records the series and creates its meetings ahead, each with a starting agenda;
/// sending the same series again adds only what is missing.
pub async fn create(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<SeriesForm>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (group, ancestors) = runnable_group(&mut conn, me.user(), *id).await?;
    let CsrfForm(fields) = form;
    let mut problems = Problems::default();
    let Some(series) = fields.check(&group, &mut problems) else {
        return Ok(page(
            &me,
            &group,
            &ancestors,
            &fields,
            &problems,
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    };
    let m = &series.meeting;
    let record = NewSeries {
        group_id: group.id,
        title: &m.title,
        first_date: series.first_date,
        local_time: series.start,
        duration_minutes: m.duration_minutes,
        location: m.location.as_deref(),
        online_url: m.online_url.as_deref(),
        frequency: match series.repeat {
            Repeat::Weeks(_) => "weekly",
            Repeat::MonthlyByWeekday => "monthly",
        },
        interval_weeks: match series.repeat {
            Repeat::Weeks(n) => i32::try_from(n).ok(),
            Repeat::MonthlyByWeekday => None,
        },
        until_date: match series.end {
            End::Until(date) => Some(date),
            End::Count(_) => None,
        },
        occurrences: match series.end {
            End::Count(n) => i32::try_from(n).ok(),
            End::Until(_) => None,
        },
    };
    let published_at = (!fields.publish.is_empty()).then(Utc::now);
    let review = me.ctx.locale.t("schedule-review-item");
    meeting_series::create(
        &mut conn,
        &record,
        m,
        &series.starts,
        published_at,
        series.source,
        &review,
    )
    .await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, format!("/groups/{}/meetings", group.id)))
        .finish())
}
