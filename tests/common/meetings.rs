//! Meetings as a coordinator schedules them and a calendar application reads them.

use chrono::{NaiveDateTime, TimeZone};
use ical::parser::ical::component::IcalEvent;

use super::{TestApp, Visitor};

pub const WG: &str = "CPiE WG";

pub async fn group_id(app: &TestApp, short_name: &str) -> i64 {
    app.id(&format!("SELECT id FROM groups WHERE short_name = '{short_name}'"))
        .await
}

/// The events of an iCalendar text, read by a real parser.
pub fn events(text: &str) -> Vec<IcalEvent> {
    let mut calendars = ical::IcalParser::new(text.as_bytes());
    let calendar = calendars.next().expect("one calendar").expect("the calendar parses");
    assert!(calendars.next().is_none(), "a single calendar");
    calendar.events
}

/// The value of an event's property, unescaped (the parser leaves TEXT escapes in).
pub fn property(event: &IcalEvent, name: &str) -> Option<String> {
    let raw = event.properties.iter().find(|p| p.name == name)?.value.as_deref()?;
    let mut value = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            value.push(c);
        } else if let Some(escaped) = chars.next() {
            value.push(if escaped.eq_ignore_ascii_case(&'n') {
                '\n'
            } else {
                escaped
            });
        }
    }
    Some(value)
}

/// An event's start (written in UTC) as the clock on the wall in `tz` shows it.
pub fn local_start(event: &IcalEvent, tz: chrono_tz::Tz) -> String {
    let start = property(event, "DTSTART").expect("DTSTART");
    let utc = NaiveDateTime::parse_from_str(&start, "%Y%m%dT%H%M%SZ").expect("a UTC time");
    chrono::Utc
        .from_utc_datetime(&utc)
        .with_timezone(&tz)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// A calendar file a signed-in visitor downloads; it must be served as text/calendar.
pub async fn ics(visitor: &Visitor, path: &str) -> String {
    let response = visitor.get(path).await;
    assert_eq!(response.status(), 200, "GET {path}");
    let kind = response.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(kind.starts_with("text/calendar"), "{kind}");
    response.text().await.unwrap()
}

/// Fills in the schedule form of the group and sends it.
pub async fn schedule(visitor: &Visitor, group: i64, fields: &[(&str, &str)]) -> reqwest::Response {
    visitor
        .submit(
            &format!("/groups/{group}/meetings/new"),
            &format!("/groups/{group}/meetings"),
            fields,
        )
        .await
}

/// The id of the meeting a `303 See Other` answer leads to.
pub fn created_meeting(response: &reqwest::Response) -> i64 {
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap();
    location
        .strip_prefix("/meetings/")
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("{location} names a meeting"))
}

/// A group the demo people do not belong to, with one published meeting; returns
/// (group, meeting).
pub async fn other_group(app: &TestApp) -> (i64, i64) {
    let group = app
        .id("INSERT INTO groups (name, short_name, kind, time_zone) \
             VALUES ('Protection Working Group', 'PWG', 'working_group', 'Asia/Beirut') RETURNING id")
        .await;
    let meeting = app
        .id(&format!(
            "INSERT INTO meetings (group_id, title, starts_at, status, published_at) \
             VALUES ({group}, 'PWG monthly', now() + interval '10 days', 'scheduled', now()) RETURNING id"
        ))
        .await;
    (group, meeting)
}
