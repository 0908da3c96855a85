//! The minutes as plain text: downloaded from the minutes page and sent in the minutes
//! mail, from the same facts as the printable page.

use std::fmt::Write;

use crate::domain::AttendanceStatus;
use crate::domain::agenda::outline;
use crate::i18n::Locale;
use crate::i18n::dates::{date_and_hours, short_date};
use crate::models::meetings::Attendee;
use crate::models::minutes::Minutes;
use crate::models::owners::{owner_list, owners_by_item};
use crate::models::reviews;

/// The minutes as plain text, for download and for mail.
pub fn text(locale: &Locale, minutes: &Minutes) -> String {
    let meeting = &minutes.meeting;
    let tz = minutes.group.tz();
    let owners = owners_by_item(&minutes.owners);
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = writeln!(out, "{} — {}", locale.t("minutes-title"), minutes.group.name);
    let _ = writeln!(out, "{}", meeting.title);
    let _ = writeln!(
        out,
        "{}: {} ({})",
        locale.t("meeting-when"),
        date_and_hours(locale, meeting.starts_at, meeting.ends_at(), tz),
        minutes.group.time_zone
    );
    let mut line = |label: &str, value: Option<&str>| {
        if let Some(value) = value {
            let _ = writeln!(out, "{}: {}", locale.t(label), value);
        }
    };
    line("meeting-where", meeting.location.as_deref());
    line("meeting-chair", minutes.chair.as_deref());
    line("meeting-note-taker", minutes.note_taker.as_deref());
    let person = |a: &&Attendee| match &a.organization {
        Some(org) => format!("{} ({org})", a.name),
        None => a.name.clone(),
    };
    let present: Vec<String> = minutes
        .attendees
        .iter()
        .filter(|a| a.status == AttendanceStatus::Present)
        .map(|a| person(&a))
        .collect();
    let apologies: Vec<String> = minutes
        .attendees
        .iter()
        .filter(|a| a.status == AttendanceStatus::Apologies)
        .map(|a| person(&a))
        .collect();
    let _ = writeln!(
        out,
        "\n{}: {}",
        locale.t_args("meeting-present", &[("count", present.len().into())]),
        present.join("; ")
    );
    if !apologies.is_empty() {
        let _ = writeln!(out, "{}: {}", locale.t("meeting-apologies"), apologies.join("; "));
    }
    let _ = writeln!(out, "\n{}", locale.t("meeting-agenda").to_uppercase());
    for entry in outline(&minutes.agenda) {
        let indent = "  ".repeat(entry.depth);
        let _ = writeln!(out, "\n{indent}{} {}", entry.number, entry.item.title);
        for text in [&entry.item.notes, &entry.item.decisions] {
            for paragraph in text.lines().filter(|l| !l.trim().is_empty()) {
                let _ = writeln!(out, "{indent}    {paragraph}");
            }
        }
    }
    let _ = writeln!(out, "\n{}", locale.t("meeting-review").to_uppercase());
    for topic in minutes.review() {
        let _ = writeln!(out, "\n{}", topic.topic);
        for row in &topic.rows {
            let text = minutes
                .action_points
                .iter()
                .find(|a| a.id == row.id)
                .map_or("", |a| a.text.as_str());
            let named: Vec<_> = owners.get(&row.id).cloned().unwrap_or_default();
            let _ = writeln!(
                out,
                "- #{} {text} — {} — {}: {}",
                row.number,
                owner_list(locale, &named),
                locale.t(&format!("action-status-{}", row.status)),
                row.note
            );
        }
    }
    if minutes.review.more {
        let _ = writeln!(
            out,
            "\n{}",
            locale.t_args("review-more", &[("count", reviews::MAX_ROWS.into())])
        );
    }
    let _ = writeln!(out, "\n{}", locale.t("meeting-new-action-points").to_uppercase());
    for item in minutes.raised() {
        let named: Vec<_> = owners.get(&item.id).cloned().unwrap_or_default();
        let _ = writeln!(
            out,
            "- #{} {} — {} — {}",
            item.number,
            item.text,
            owner_list(locale, &named),
            item.due_date.map(|d| short_date(locale, d)).unwrap_or_default()
        );
    }
    out
}
