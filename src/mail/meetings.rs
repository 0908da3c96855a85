//! Mail about a meeting to its group's members: published, moved, cancelled (each
//! with an `.ics` invitation or cancellation), and the minutes once it is closed.
//!
//! [`meeting_changed`] queues them inside the caller's transaction, so the mail goes
//! out exactly when the change is committed.

use chrono::Utc;
use diesel::QueryResult;
use diesel_async::AsyncPgConnection;
use fluent_bundle::FluentValue;
use maud::html;

use super::queue::{Batch, ToPerson};
use super::reminders::{MeetingFacts, day, when};
use super::{MailSettings, Message};
use crate::domain::ics::{self, Method};
use crate::i18n::Locale;
use crate::models::minutes::Minutes;
use crate::models::outbox::{self, About};
use crate::models::reminders::members;
use crate::models::{groups, meetings};

/// What happened to a meeting.
#[derive(Debug)]
pub enum MeetingNotice {
    Published,
    Rescheduled,
    Cancelled,
    /// The meeting was closed: its minutes, written out in each reader's language.
    Minutes {
        minutes: Box<Minutes>,
    },
}

impl MeetingNotice {
    fn kind(&self) -> &'static str {
        match self {
            MeetingNotice::Published => "meeting_published",
            MeetingNotice::Rescheduled => "meeting_rescheduled",
            MeetingNotice::Cancelled => "meeting_cancelled",
            MeetingNotice::Minutes { .. } => "minutes",
        }
    }

    /// The member preference that governs it.
    fn preference(&self) -> &'static str {
        match self {
            MeetingNotice::Minutes { .. } => "minutes",
            _ => "meeting_published",
        }
    }

    fn subject_id(&self) -> &'static str {
        match self {
            MeetingNotice::Published => "mail-meeting-published-subject",
            MeetingNotice::Rescheduled => "mail-meeting-rescheduled-subject",
            MeetingNotice::Cancelled => "mail-meeting-cancelled-subject",
            MeetingNotice::Minutes { .. } => "mail-minutes-subject",
        }
    }

    fn intro_id(&self) -> &'static str {
        match self {
            MeetingNotice::Published => "mail-meeting-published-intro",
            MeetingNotice::Rescheduled => "mail-meeting-rescheduled-intro",
            MeetingNotice::Cancelled => "mail-meeting-cancelled-intro",
            MeetingNotice::Minutes { .. } => "mail-minutes-intro",
        }
    }
}

/// The notice for one member.
fn compose(
    locale: &Locale,
    name: &str,
    facts: &MeetingFacts<'_>,
    agenda: &[String],
    notice: &MeetingNotice,
    subject_id: &str,
) -> Message {
    let args: [(&str, FluentValue<'_>); 3] = [
        ("group", facts.group.into()),
        ("title", facts.title.into()),
        ("when", facts.when.as_str().into()),
    ];
    let subject = locale.t_args(subject_id, &args);
    let greeting = locale.t_args("mail-greeting", &[("name", name.into())]);
    let intro = locale.t(notice.intro_id());
    let mut text = format!("{greeting}\n\n{intro}\n\n{}\n", facts.title);
    text += &format!("{}: {}\n", locale.t("mail-when"), facts.when);
    if let Some(place) = facts.location {
        text += &format!("{}: {place}\n", locale.t("mail-where"));
    }
    if let Some(url) = facts.online_url {
        text += &format!("{}: {url}\n", locale.t("mail-online"));
    }
    text += &format!("{}\n", facts.link);
    let minutes = match notice {
        MeetingNotice::Minutes { minutes } => Some(crate::web::views::minutes::text(locale, minutes)),
        _ => None,
    };
    let minutes = minutes.as_deref();
    let show_agenda = minutes.is_none() && !matches!(notice, MeetingNotice::Cancelled) && !agenda.is_empty();
    if show_agenda {
        text += &format!("\n{}\n", locale.t("mail-agenda"));
        for (n, title) in agenda.iter().enumerate() {
            text += &format!("{}. {title}\n", n + 1);
        }
    }
    if let Some(minutes) = minutes {
        text += &format!("\n{}\n\n{minutes}\n", locale.t("mail-minutes"));
    }
    let html = html! {
        p { (greeting) }
        p { (intro) }
        p {
            strong { a href=(facts.link) { (facts.title) } } br;
            (locale.t("mail-when")) ": " (facts.when)
            @if let Some(place) = facts.location { br; (locale.t("mail-where")) ": " (place) }
            @if let Some(url) = facts.online_url { br; (locale.t("mail-online")) ": " a href=(url) { (url) } }
        }
        @if show_agenda {
            h3 { (locale.t("mail-agenda")) }
            ol { @for title in agenda { li { (title) } } }
        }
        @if let Some(minutes) = minutes {
            h3 { (locale.t("mail-minutes")) }
            pre style="white-space: pre-wrap; font-family: inherit" { (minutes) }
        }
    }
    .into_string();
    Message { subject, text, html }
}

/// Queues the notice of `meeting_id` for every active member of its group who has not
/// turned it off, inside the caller's transaction; returns how many were queued.
///
/// Published and rescheduled notices carry an iCalendar `METHOD:REQUEST`, a
/// cancellation `METHOD:CANCEL`, with the UID `meeting-{id}@{host of BASE_URL}` and
/// the meeting's `ics_sequence` as SEQUENCE, so calendars update the one event. A
/// notice replaces any earlier one of the meeting still waiting to be sent, and a
/// moved or cancelled meeting's planned reminders are cancelled at once. Dedupe keys
/// name the meeting, the recipient and the sequence (the closing for minutes), so
/// calling this twice for the same change queues nothing twice.
pub async fn meeting_changed(
    conn: &mut AsyncPgConnection,
    settings: &MailSettings,
    meeting_id: i64,
    notice: MeetingNotice,
) -> QueryResult<usize> {
    let now = Utc::now();
    let meeting = meetings::find(conn, meeting_id).await?;
    let group = groups::find(conn, meeting.group_id).await?;
    let instance = match (&notice, meeting.closed_at) {
        (MeetingNotice::Minutes { .. }, Some(closed_at)) => closed_at.to_rfc3339(),
        _ => meeting.ics_sequence.to_string(),
    };
    // An older version's notice still waiting is replaced by this one; minutes sent
    // before the meeting was re-opened are followed by corrected ones.
    let (notices, subject_id): (&[&str], _) = match notice {
        MeetingNotice::Minutes { .. } if outbox::any_for_meeting(conn, meeting_id, "minutes").await? => {
            (&["minutes"], "mail-minutes-corrected-subject")
        }
        MeetingNotice::Minutes { .. } => (&["minutes"], notice.subject_id()),
        _ => (
            &["meeting_published", "meeting_rescheduled", "meeting_cancelled"],
            notice.subject_id(),
        ),
    };
    let keep = format!(":{instance}");
    outbox::cancel_pending_for_meeting(conn, meeting_id, notices, Some(&keep), now).await?;
    if matches!(notice, MeetingNotice::Rescheduled | MeetingNotice::Cancelled) {
        let reminders = ["meeting_reminder", "update_request"];
        outbox::cancel_pending_for_meeting(conn, meeting_id, &reminders, None, now).await?;
    }

    let tz = group.tz();
    let group_name = if group.short_name.trim().is_empty() {
        &group.name
    } else {
        &group.short_name
    };
    let facts = MeetingFacts {
        group: group_name,
        title: &meeting.title,
        when: match notice {
            MeetingNotice::Minutes { .. } => day(meeting.starts_at.with_timezone(&tz).date_naive()),
            _ => when(meeting.starts_at, tz),
        },
        location: meeting.location.as_deref(),
        online_url: meeting.online_url.as_deref(),
        link: settings.link(&format!("meetings/{meeting_id}")),
    };
    let method = match notice {
        MeetingNotice::Published | MeetingNotice::Rescheduled => Some(Method::Request),
        MeetingNotice::Cancelled => Some(Method::Cancel),
        MeetingNotice::Minutes { .. } => None,
    };
    // The invitation's own words are the reader's language; the title stays as written.
    let calendar = |locale: &Locale| {
        method.map(|method| {
            let description_id = match method {
                Method::Cancel => "ics-meeting-cancelled-description",
                _ => "ics-meeting-description",
            };
            let description = locale.t_args(
                description_id,
                &[
                    ("group", group_name.as_str().into()),
                    ("link", facts.link.as_str().into()),
                ],
            );
            let event = ics::Event {
                uid: format!("meeting-{meeting_id}@{}", settings.domain()),
                sequence: meeting.ics_sequence,
                stamp: now,
                starts_at: meeting.starts_at,
                ends_at: meeting.ends_at(),
                summary: &meeting.title,
                location: meeting.location.as_deref(),
                description: &description,
                url: Some(&facts.link),
                cancelled: method == Method::Cancel,
            };
            ics::calendar(method, None, &[event])
        })
    };
    let agenda: Vec<String> = meetings::agenda(conn, meeting_id)
        .await?
        .into_iter()
        .filter(|item| item.parent_id.is_none())
        .map(|item| item.title)
        .collect();
    let about = About {
        meeting_id: Some(meeting_id),
        ..About::default()
    };
    let mut batch = Batch::default();
    for person in members(conn, &[group.id], notice.preference())
        .await?
        .into_iter()
        .map(|m| m.person)
    {
        let dedupe_key = format!("{}:{meeting_id}:{}:{instance}", notice.kind(), person.id);
        let locale = person.locale();
        let message = compose(&locale, &person.name, &facts, &agenda, &notice, subject_id);
        batch.push(ToPerson {
            kind: notice.kind(),
            dedupe_key,
            ics: calendar(&locale),
            to: person,
            message,
            about,
            tokens: Vec::new(),
        });
    }
    Ok(batch.queue(conn, settings, now).await?.total())
}
