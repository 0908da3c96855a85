//! iCalendar (RFC 5545) text for meetings: the `.ics` download, the subscribable feeds
//! and the attachment of meeting mails.
//!
//! Times are written in UTC, so every client shows the right local time on either side
//! of a daylight-saving change without a VTIMEZONE block of our own.

use chrono::{DateTime, Utc};

/// What a calendar asks of the client that reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// A feed or a download: events to show.
    Publish,
    /// An invitation (meeting published or rescheduled).
    Request,
    /// A cancelled meeting.
    Cancel,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Method::Publish => "PUBLISH",
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }
}

/// One meeting as a VEVENT.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    /// Stable across every change of the meeting, so clients update rather than add.
    pub uid: String,
    /// The meeting's `ics_sequence`: bumped on every change of time or place.
    pub sequence: i32,
    /// When this version of the event was written.
    pub stamp: DateTime<Utc>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub summary: &'a str,
    pub location: Option<&'a str>,
    pub description: &'a str,
    pub url: Option<&'a str>,
    pub cancelled: bool,
}

/// A VCALENDAR holding `events`; `name` titles a subscribed feed.
pub fn calendar(method: Method, name: Option<&str>, events: &[Event<'_>]) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//convene//meetings//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        format!("METHOD:{}", method.as_str()),
    ];
    if let Some(name) = name {
        lines.push(format!("X-WR-CALNAME:{}", escape(name)));
    }
    for event in events {
        lines.push("BEGIN:VEVENT".to_owned());
        lines.push(format!("UID:{}", escape(&event.uid)));
        lines.push(format!("SEQUENCE:{}", event.sequence));
        lines.push(format!("DTSTAMP:{}", utc(event.stamp)));
        lines.push(format!("DTSTART:{}", utc(event.starts_at)));
        lines.push(format!("DTEND:{}", utc(event.ends_at)));
        lines.push(format!("SUMMARY:{}", escape(event.summary)));
        if let Some(location) = event.location.filter(|l| !l.trim().is_empty()) {
            lines.push(format!("LOCATION:{}", escape(location)));
        }
        if !event.description.is_empty() {
            lines.push(format!("DESCRIPTION:{}", escape(event.description)));
        }
        if let Some(url) = event.url {
            lines.push(format!("URL:{}", escape(url)));
        }
        let status = if event.cancelled { "CANCELLED" } else { "CONFIRMED" };
        lines.push(format!("STATUS:{status}"));
        lines.push("END:VEVENT".to_owned());
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|line| fold(line)).collect()
}

fn utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// TEXT values escape backslashes, separators and line breaks (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Lines longer than 75 octets continue on the next line after a space (§3.1),
/// never splitting a UTF-8 character; every line ends with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn event(summary: &str) -> Event<'_> {
        Event {
            uid: "meeting-7@convene.example".into(),
            sequence: 2,
            stamp: Utc.with_ymd_and_hms(2014, 6, 1, 8, 0, 0).unwrap(),
            starts_at: Utc.with_ymd_and_hms(2014, 6, 11, 11, 0, 0).unwrap(),
            ends_at: Utc.with_ymd_and_hms(2014, 6, 11, 13, 0, 0).unwrap(),
            summary,
            location: Some("UNHCR Lea, Beirut"),
            description: "1. Review of action points\n2. Updates",
            url: None,
            cancelled: false,
        }
    }

    #[test]
    fn writes_an_event_in_utc_with_escaped_text() {
        let text = calendar(Method::Request, None, &[event("CPiE WG; monthly")]);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(text.contains("METHOD:REQUEST\r\n"));
        assert!(text.contains("DTSTART:20140611T110000Z\r\n"));
        assert!(text.contains("SEQUENCE:2\r\n"));
        assert!(text.contains("SUMMARY:CPiE WG\\; monthly\r\n"));
        assert!(text.contains("LOCATION:UNHCR Lea\\, Beirut\r\n"));
        assert!(text.contains("DESCRIPTION:1. Review of action points\\n2. Updates\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn folds_long_lines_without_splitting_characters() {
        let summary = "Réunion ".repeat(20);
        let text = calendar(Method::Publish, None, &[event(&summary)]);
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{summary}")));
    }
}
