//! Mail about a meeting to its group's members: published, moved, cancelled, and the
//! minutes once it is closed. `flows::meetings` queues them with their `.ics`.

use fluent_bundle::FluentValue;
use maud::html;

use super::Message;
use super::reminders::{MeetingFacts, meeting_html, meeting_text};
use crate::i18n::Locale;

/// What happened to a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingNotice {
    Published,
    Rescheduled,
    Cancelled,
    /// The meeting was closed: its minutes, written out in each reader's language.
    Minutes,
}

impl MeetingNotice {
    pub fn kind(&self) -> &'static str {
        match self {
            MeetingNotice::Published => "meeting_published",
            MeetingNotice::Rescheduled => "meeting_rescheduled",
            MeetingNotice::Cancelled => "meeting_cancelled",
            MeetingNotice::Minutes => "minutes",
        }
    }

    /// The member preference that governs it.
    pub fn preference(&self) -> &'static str {
        match self {
            MeetingNotice::Minutes => "minutes",
            _ => "meeting_published",
        }
    }

    pub fn subject_id(&self) -> &'static str {
        match self {
            MeetingNotice::Published => "mail-meeting-published-subject",
            MeetingNotice::Rescheduled => "mail-meeting-rescheduled-subject",
            MeetingNotice::Cancelled => "mail-meeting-cancelled-subject",
            MeetingNotice::Minutes => "mail-minutes-subject",
        }
    }

    pub fn intro_id(&self) -> &'static str {
        match self {
            MeetingNotice::Published => "mail-meeting-published-intro",
            MeetingNotice::Rescheduled => "mail-meeting-rescheduled-intro",
            MeetingNotice::Cancelled => "mail-meeting-cancelled-intro",
            MeetingNotice::Minutes => "mail-minutes-intro",
        }
    }
}

/// The notice for one member; `minutes` is the closed meeting's minutes as text in
/// their language.
pub fn compose(
    locale: &Locale,
    name: &str,
    facts: &MeetingFacts<'_>,
    agenda: &[String],
    notice: MeetingNotice,
    subject_id: &str,
    minutes: Option<&str>,
) -> Message {
    let when = facts.when.read_in(locale);
    let args: [(&str, FluentValue<'_>); 3] = [
        ("group", facts.group.into()),
        ("title", facts.title.into()),
        ("when", when.as_str().into()),
    ];
    let subject = locale.t_args(subject_id, &args);
    let greeting = locale.t_args("mail-greeting", &[("name", name.into())]);
    let intro = locale.t(notice.intro_id());
    let mut text = format!("{greeting}\n\n{intro}\n\n{}", meeting_text(locale, facts));
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
        (meeting_html(locale, facts))
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
