//! Meetings: a group's list (upcoming or past), one meeting, scheduling a draft and
//! changing its time, place and people. The checks are the schedule form's own.

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use diesel_async::AsyncPgConnection;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::ApiUser;
use super::input::{ApiJson, created, field, invalid, nullable, page_number, query_string};
use crate::domain::meeting_flow::is_editable;
use crate::domain::policy::{self, Action};
use crate::domain::schedule::{self, resolve_local};
use crate::domain::{MeetingStatus, validate};
use crate::i18n::Locale;
use crate::models::groups::{self, Group};
use crate::models::meeting_schedule::{self, AgendaSource, MeetingFields, Scope, Updated, When};
use crate::models::meetings::{self, Meeting};
use crate::web::AppState;
use crate::web::auth::authorize;
use crate::web::error::{AppError, AppResult};
use crate::web::routes::meetings::schedule::{MAX_TITLE_CHARS, person, today};

/// A meeting as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct MeetingEntry {
    id: i64,
    group_id: i64,
    title: String,
    #[schema(value_type = String, example = "scheduled")]
    status: MeetingStatus,
    /// The start, in UTC.
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    /// The start in the group's zone, with its offset.
    #[schema(example = "2014-06-11T14:00:00+03:00")]
    local_start: String,
    #[schema(example = "Asia/Beirut")]
    time_zone: String,
    duration_minutes: i32,
    location: Option<String>,
    online_url: Option<String>,
    chair_id: Option<i64>,
    note_taker_id: Option<i64>,
    /// The iCalendar SEQUENCE: bumped by every change of time or place once published.
    ics_sequence: i32,
    published_at: Option<DateTime<Utc>>,
}

fn entry(meeting: Meeting, group: &Group) -> MeetingEntry {
    let tz = group.tz();
    MeetingEntry {
        local_start: meeting.starts_at.with_timezone(&tz).to_rfc3339(),
        time_zone: group.time_zone.clone(),
        ends_at: meeting.ends_at(),
        id: meeting.id,
        group_id: meeting.group_id,
        title: meeting.title,
        status: meeting.status,
        starts_at: meeting.starts_at,
        duration_minutes: meeting.duration_minutes,
        location: meeting.location,
        online_url: meeting.online_url,
        chair_id: meeting.chair_id,
        note_taker_id: meeting.note_taker_id,
        ics_sequence: meeting.ics_sequence,
        published_at: meeting.published_at,
    }
}

/// One page of a group's meetings.
#[derive(Serialize, ToSchema)]
pub struct MeetingPage {
    items: Vec<MeetingEntry>,
    /// How many meetings match in all.
    total: i64,
    page: i64,
    per_page: i64,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// `upcoming` (not ended yet, soonest first; the default) or `past` (most recent first).
    #[param(pattern = "^(upcoming|past)$")]
    when: Option<String>,
    /// The page, from 1.
    #[param(minimum = 1, maximum = 1000000)]
    page: Option<i64>,
}

const PER_PAGE: i64 = 50;

/// A group's meetings
#[utoipa::path(get, path = "/api/v1/groups/{id}/meetings", operation_id = "list_meetings", tag = "meetings",
    params(("id" = i64, Path, description = "The group's id"), ListQuery),
    responses((status = 200, body = MeetingPage), (status = 404, description = "No such group, or not visible to the caller"),
        (status = 400, description = "An unknown `when`, or a page out of range")))]
pub async fn list(
    me: ApiUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    req: HttpRequest,
) -> AppResult<HttpResponse> {
    let query: ListQuery = query_string(&req)?;
    let mut conn = state.conn().await?;
    let standing = authorize(&mut conn, &me.user, *id, Action::View).await?;
    let group = groups::find(&mut conn, *id).await?;
    let ids = [group.id];
    let scope = Scope {
        groups: &ids,
        // Drafts are not announced: only those who run the meetings see them.
        drafts_of: if policy::allows(standing, Action::RunMeetings) {
            &ids
        } else {
            &[]
        },
    };
    let page = page_number(query.page)?;
    let now = Utc::now();
    let when = match query.when.as_deref().unwrap_or("upcoming") {
        "upcoming" => When::Upcoming,
        "past" => When::Past,
        _ => return Err(AppError::BadRequest("when: use upcoming or past".into())),
    };
    let offset = (page - 1).saturating_mul(PER_PAGE);
    let (items, total) = meeting_schedule::listed(&mut conn, &scope, when, now, offset, PER_PAGE).await?;
    Ok(HttpResponse::Ok().json(MeetingPage {
        items: items.into_iter().map(|m| entry(m, &group)).collect(),
        total,
        page,
        per_page: PER_PAGE,
    }))
}

/// The meeting, if the caller may see it: drafts only for those who run the group's meetings.
async fn visible(conn: &mut AsyncPgConnection, me: &ApiUser, id: i64, action: Action) -> AppResult<(Meeting, Group)> {
    let meeting = meetings::find(conn, id).await?;
    let standing = authorize(conn, &me.user, meeting.group_id, Action::View).await?;
    let may_run = policy::allows(standing, Action::RunMeetings);
    if meeting.status == MeetingStatus::Draft && !may_run {
        return Err(AppError::NotFound);
    }
    if !policy::allows(standing, action) {
        return Err(AppError::Forbidden);
    }
    let group = groups::find(conn, meeting.group_id).await?;
    Ok((meeting, group))
}

/// One meeting
#[utoipa::path(get, path = "/api/v1/meetings/{id}", operation_id = "get_meeting", tag = "meetings",
    params(("id" = i64, Path, description = "The meeting's id")),
    responses((status = 200, body = MeetingEntry), (status = 404, description = "No such meeting, or not visible to the caller")))]
pub async fn show(me: ApiUser, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (meeting, group) = visible(&mut conn, &me, *id, Action::View).await?;
    Ok(HttpResponse::Ok().json(entry(meeting, &group)))
}

/// A new meeting, created as a draft. Times are wall-clock times in `time_zone`
/// (the group's when absent); give either `ends_at_local` or `duration_minutes`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewMeetingBody {
    #[schema(example = "CPiE Working Group meeting")]
    title: String,
    #[schema(value_type = String, example = "2014-06-11T14:00")]
    starts_at_local: WallClock,
    #[schema(value_type = Option<String>, example = "2014-06-11T16:00")]
    ends_at_local: Option<WallClock>,
    #[schema(example = 120)]
    duration_minutes: Option<i32>,
    #[schema(example = "Asia/Beirut")]
    time_zone: Option<String>,
    #[schema(example = "UNHCR Lea, Beirut")]
    location: Option<String>,
    #[schema(example = "https://meet.example.org/cpie")]
    online_url: Option<String>,
    /// A current member of the group.
    chair_id: Option<i64>,
    note_taker_id: Option<i64>,
    /// Where the agenda starts from: `previous` (the default), `template` or `empty`;
    /// it always opens with the review of action points.
    #[schema(example = "previous")]
    agenda: Option<String>,
}

/// What a change sets; absent fields stay as they are, `null` clears the optional ones.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingChanges {
    title: Option<String>,
    #[schema(value_type = Option<String>, example = "2014-06-11T15:00")]
    starts_at_local: Option<WallClock>,
    #[schema(value_type = Option<String>, example = "2014-06-11T17:00")]
    ends_at_local: Option<WallClock>,
    duration_minutes: Option<i32>,
    time_zone: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    location: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    online_url: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<i64>)]
    chair_id: Option<Option<i64>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<i64>)]
    note_taker_id: Option<Option<i64>>,
}

/// A wall-clock date and time such as `2014-06-11T14:00` (seconds optional), as
/// people and HTML inputs write them.
#[derive(Debug, Clone, Copy)]
pub struct WallClock(NaiveDateTime);

impl<'de> Deserialize<'de> for WallClock {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]
            .iter()
            .find_map(|format| NaiveDateTime::parse_from_str(&text, format).ok())
            .map(WallClock)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "{text:?} is not a local date and time such as 2014-06-11T14:00"
                ))
            })
    }
}

fn zone(value: Option<&str>, group: &Group) -> AppResult<Tz> {
    match value {
        Some(name) => field("time_zone", validate::time_zone(name))?
            .parse()
            .map_err(|_| invalid("time_zone", &Locale::default().t("invalid-time-zone"))),
        None => Ok(group.tz()),
    }
}

/// The meeting's start in UTC and its length, from local times in `tz`.
fn timing(
    tz: Tz,
    WallClock(start): WallClock,
    end: Option<WallClock>,
    minutes: Option<i32>,
) -> AppResult<(DateTime<Utc>, i32)> {
    let starts_at = resolve_local(tz, start.date(), start.time());
    let minutes = match (end, minutes) {
        (Some(_), Some(_)) => {
            return Err(invalid(
                "ends_at_local",
                "give ends_at_local or duration_minutes, not both",
            ));
        }
        (Some(WallClock(end)), None) => {
            let ends_at = resolve_local(tz, end.date(), end.time());
            let length = (ends_at - starts_at).num_minutes();
            if length <= 0 {
                return Err(invalid(
                    "ends_at_local",
                    &Locale::default().t("schedule-invalid-end-before-start"),
                ));
            }
            field(
                "ends_at_local",
                schedule::duration(i32::try_from(length).unwrap_or(i32::MAX)),
            )?
        }
        (None, Some(minutes)) => field("duration_minutes", schedule::duration(minutes))?,
        (None, None) => return Err(invalid("duration_minutes", "give ends_at_local or duration_minutes")),
    };
    Ok((starts_at, minutes))
}

fn people_check(value: Option<i64>, name: &str, people: &[(i64, String)]) -> AppResult<Option<i64>> {
    field(name, person(&value.map(|v| v.to_string()).unwrap_or_default(), people))
}

fn text_fields(
    title: &str,
    location: Option<&str>,
    online_url: Option<&str>,
) -> AppResult<(String, Option<String>, Option<String>)> {
    Ok((
        field("title", validate::required(title, MAX_TITLE_CHARS))?,
        field("location", validate::optional(location.unwrap_or_default(), 300))?,
        field("online_url", schedule::online_link(online_url.unwrap_or_default()))?,
    ))
}

/// Schedule a meeting (a draft)
#[utoipa::path(post, path = "/api/v1/groups/{id}/meetings", operation_id = "create_meeting", tag = "meetings", request_body = NewMeetingBody,
    params(("id" = i64, Path, description = "The group's id")),
    responses(
        (status = 201, body = MeetingEntry, description = "Created as a draft; `Location` names it"),
        (status = 403, description = "The caller may not run this group's meetings"),
        (status = 404, description = "No such group, or not visible to the caller"),
        (status = 422, description = "A field is missing or malformed: an unknown time zone, an end before the start, a link that is not http(s), a chair who is not a member")))]
pub async fn create(
    me: ApiUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    body: ApiJson<NewMeetingBody>,
) -> AppResult<HttpResponse> {
    let ApiJson(body) = body;
    let mut conn = state.conn().await?;
    authorize(&mut conn, &me.user, *id, Action::RunMeetings).await?;
    let group = groups::find(&mut conn, *id).await?;
    let people = meeting_schedule::member_choices(&mut conn, group.id, today()).await?;
    let tz = zone(body.time_zone.as_deref(), &group)?;
    let (starts_at, duration_minutes) = timing(tz, body.starts_at_local, body.ends_at_local, body.duration_minutes)?;
    let (title, location, online_url) = text_fields(&body.title, body.location.as_deref(), body.online_url.as_deref())?;
    let source = match body.agenda.as_deref() {
        None => AgendaSource::Previous,
        Some(value) => {
            AgendaSource::parse(value).ok_or_else(|| invalid("agenda", "use previous, template or empty"))?
        }
    };
    let fields = MeetingFields {
        title,
        starts_at,
        duration_minutes,
        location,
        online_url,
        chair_id: people_check(body.chair_id, "chair_id", &people)?,
        note_taker_id: people_check(body.note_taker_id, "note_taker_id", &people)?,
    };
    let review = Locale::default().t("schedule-review-item");
    let meeting_id = meeting_schedule::create(&mut conn, group.id, &fields, source, &review).await?;
    let meeting = meetings::find(&mut conn, meeting_id).await?;
    Ok(created(
        &format!("/api/v1/meetings/{meeting_id}"),
        &entry(meeting, &group),
    ))
}

/// Change a meeting's title, time, place or people
#[utoipa::path(patch, path = "/api/v1/meetings/{id}", operation_id = "update_meeting", tag = "meetings", request_body = MeetingChanges,
    params(("id" = i64, Path, description = "The meeting's id")),
    responses(
        (status = 200, body = MeetingEntry, description = "Changed; `ics_sequence` is bumped when a published meeting's time or place changed"),
        (status = 403, description = "The caller may not run this group's meetings"),
        (status = 404, description = "No such meeting, or not visible to the caller"),
        (status = 409, description = "The meeting is closed or cancelled; it must be re-opened first"),
        (status = 422, description = "A field is malformed: an unknown time zone, an end before the start, a link that is not http(s), a chair who is not a member")))]
pub async fn update(
    me: ApiUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    body: ApiJson<MeetingChanges>,
) -> AppResult<HttpResponse> {
    let ApiJson(body) = body;
    let mut conn = state.conn().await?;
    let (meeting, group) = visible(&mut conn, &me, *id, Action::RunMeetings).await?;
    let not_editable = || AppError::Conflict(Locale::default().t("schedule-not-editable"));
    if !is_editable(meeting.status) {
        return Err(not_editable());
    }
    let mut people = meeting_schedule::member_choices(&mut conn, group.id, today()).await?;
    people.extend(
        [meeting.chair_id, meeting.note_taker_id]
            .into_iter()
            .flatten()
            .map(|id| (id, String::new())),
    );
    let tz = zone(body.time_zone.as_deref(), &group)?;
    let local = |at: DateTime<Utc>| at.with_timezone(&tz).naive_local();
    let start = body
        .starts_at_local
        .unwrap_or_else(|| WallClock(local(meeting.starts_at)));
    // A new start alone keeps the length; a new end or length changes it.
    let length = match (body.ends_at_local, body.duration_minutes) {
        (None, None) => Some(meeting.duration_minutes),
        (_, minutes) => minutes,
    };
    let (starts_at, duration_minutes) = timing(tz, start, body.ends_at_local, length)?;
    let keep = |change: Option<Option<String>>, current: Option<String>| change.unwrap_or(current);
    let (title, location, online_url) = text_fields(
        body.title.as_deref().unwrap_or(&meeting.title),
        keep(body.location, meeting.location.clone()).as_deref(),
        keep(body.online_url, meeting.online_url.clone()).as_deref(),
    )?;
    let fields = MeetingFields {
        title,
        starts_at,
        duration_minutes,
        location,
        online_url,
        chair_id: people_check(body.chair_id.unwrap_or(meeting.chair_id), "chair_id", &people)?,
        note_taker_id: people_check(
            body.note_taker_id.unwrap_or(meeting.note_taker_id),
            "note_taker_id",
            &people,
        )?,
    };
    match crate::flows::meetings::update(&mut conn, &state.mail(), group.id, meeting.id, &fields).await? {
        Updated::Saved { .. } => {
            let meeting = meetings::find(&mut conn, meeting.id).await?;
            Ok(HttpResponse::Ok().json(entry(meeting, &group)))
        }
        Updated::NotEditable(_) => Err(not_editable()),
    }
}
