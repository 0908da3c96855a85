//! Scheduling meetings: the routes, and what the schedule and series forms share —
//! their fields, the checks on them, and the group they act in.

use chrono::{NaiveTime, Utc};
use chrono_tz::Tz;
use diesel_async::AsyncPgConnection;
use serde::Deserialize;

use super::{agenda_template, create, ics, list, series, update};
use crate::domain::policy::Action;
use crate::domain::schedule::{self, resolve_local};
use crate::domain::validate::{self, Checked};
use crate::models::groups::{self, Group};
use crate::models::meeting_schedule::{AgendaSource, MeetingFields};
use crate::models::meetings::Meeting;
use crate::models::users::User;
use crate::web::auth::authorize;
use crate::web::error::AppResult;
use crate::web::router::Router;
use crate::web::views::forms::Problems;

pub fn configure(cfg: &mut Router) {
    // Before `/meetings/{id}`, which would otherwise take `12.ics` for an id.
    cfg.get("/meetings/{id}.ics", ics::download)
        .get("/meetings", list::mine)
        .post("/meetings/{id}", update::update)
        .get("/meetings/{id}/edit", update::edit)
        .get("/groups/{id}/meetings", list::group)
        .post("/groups/{id}/meetings", create::create)
        .get("/groups/{id}/meetings/new", create::new)
        .post("/groups/{id}/meetings/series", series::create)
        .get("/groups/{id}/meetings/series/new", series::new)
        .post("/groups/{id}/agenda-template", agenda_template::update);
}

/// The longest meeting title the database takes.
pub const MAX_TITLE_CHARS: usize = 200;
const MAX_LOCATION_CHARS: usize = 300;

/// The group whose meetings `user` may schedule, with its ancestors for the
/// breadcrumbs: 404 for strangers, 403 for those who do not run its meetings.
pub async fn runnable_group(
    conn: &mut AsyncPgConnection,
    user: &User,
    group_id: i64,
) -> AppResult<(Group, Vec<Group>)> {
    authorize(conn, user, group_id, Action::RunMeetings).await?;
    let group = groups::find(conn, group_id).await?;
    let ancestors = groups::ancestors(conn, group.id).await?;
    Ok((group, ancestors))
}

/// The schedule form as typed: times are local to the group's zone.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ScheduleForm {
    pub title: String,
    pub date: String,
    pub start_time: String,
    pub end_time: String,
    pub location: String,
    pub online_url: String,
    pub chair_id: String,
    pub note_taker_id: String,
    /// Where a new meeting's agenda starts from (`previous`, `template`, `empty`).
    pub agenda: String,
}

impl ScheduleForm {
    /// A fresh form: 14:00 to 16:00 at the group's usual place, agenda from the last meeting.
    pub fn blank(group: &Group) -> Self {
        ScheduleForm {
            start_time: "14:00".into(),
            end_time: "16:00".into(),
            location: group.location.clone().unwrap_or_default(),
            agenda: AgendaSource::Previous.as_str().into(),
            ..ScheduleForm::default()
        }
    }

    /// The meeting as its form shows it, in the group's zone.
    pub fn of(meeting: &Meeting, tz: Tz) -> Self {
        let starts = meeting.starts_at.with_timezone(&tz);
        let ends = meeting.ends_at().with_timezone(&tz);
        let id = |id: Option<i64>| id.map(|id| id.to_string()).unwrap_or_default();
        ScheduleForm {
            title: meeting.title.clone(),
            date: starts.format("%Y-%m-%d").to_string(),
            start_time: starts.format("%H:%M").to_string(),
            end_time: ends.format("%H:%M").to_string(),
            location: meeting.location.clone().unwrap_or_default(),
            online_url: meeting.online_url.clone().unwrap_or_default(),
            chair_id: id(meeting.chair_id),
            note_taker_id: id(meeting.note_taker_id),
            agenda: String::new(),
        }
    }

    /// The meeting these fields describe, or `None` with every problem noted.
    pub fn check(&self, tz: Tz, people: &[(i64, String)], problems: &mut Problems) -> Option<MeetingFields> {
        let title = problems.check("schedule-field-title", validate::required(&self.title, MAX_TITLE_CHARS));
        let date = problems.check("schedule-field-date", schedule::date(&self.date));
        let times = self.times(problems);
        let location = problems.check(
            "schedule-field-location",
            validate::optional(&self.location, MAX_LOCATION_CHARS),
        );
        let online_url = problems.check("schedule-field-online", schedule::online_link(&self.online_url));
        let chair_id = problems.check("schedule-field-chair", person(&self.chair_id, people));
        let note_taker_id = problems.check("schedule-field-note-taker", person(&self.note_taker_id, people));
        let ((start, duration_minutes), date) = (times?, date?);
        Some(MeetingFields {
            title: title?,
            starts_at: resolve_local(tz, date, start),
            duration_minutes,
            location: location?,
            online_url: online_url?,
            chair_id: chair_id?,
            note_taker_id: note_taker_id?,
        })
    }

    /// The local start time and the length in minutes up to the end time.
    pub fn times(&self, problems: &mut Problems) -> Option<(NaiveTime, i32)> {
        let start = problems.check("schedule-field-start", schedule::time_of_day(&self.start_time))?;
        let end = problems.check("schedule-field-end", schedule::time_of_day(&self.end_time))?;
        let minutes = problems.check("schedule-field-end", schedule::duration_until(start, end))?;
        Some((start, minutes))
    }

    pub fn agenda_source(&self, problems: &mut Problems) -> Option<AgendaSource> {
        problems.check(
            "schedule-field-agenda",
            AgendaSource::parse(&self.agenda).ok_or("invalid-choice"),
        )
    }
}

/// A chair or note taker: one of `people` by id, or empty for nobody.
pub fn person(value: &str, people: &[(i64, String)]) -> Checked<Option<i64>> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    value
        .parse::<i64>()
        .ok()
        .filter(|id| people.iter().any(|(p, _)| p == id))
        .map(Some)
        .ok_or("invalid-choice")
}

/// Today's date for membership terms.
pub fn today() -> chrono::NaiveDate {
    Utc::now().date_naive()
}
